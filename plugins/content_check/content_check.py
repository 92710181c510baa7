"""Stop the build when a file in ``content/`` has a mistake, naming the fix.

At the start of every build (``get_generators``, before any output is
touched), every file under ``PATH`` is checked (``checker.py`` runs the rules
of ``rules/``, one module per concern): all problems are raised at once as
:class:`site_model.problems.ContentProblems`, which the build command prints
as ``content/PATH.md:LINE: FIELD: what is wrong (how to fix it)``, in the
language of the file's folder, and exits with status 1, leaving the published
output as it was. Pelican alone would publish such posts silently, or drop
them.

Adds nothing to the template context. Settings read: ``PATH``,
``ARTICLE_PATHS``, ``PAGE_PATHS``, ``STATIC_PATHS``, ``SITE_LANGUAGES``,
``DEFAULT_LANG``, ``CATEGORIES``, ``SERIES``, ``TRANSLATIONS_DIR``,
``TIMEZONE``, ``THEME`` (its templates' fixed ids), ``MARKDOWN`` (how heading
ids are made), the ``SITE_NOW`` environment variable (the build's date), and
``WARM_CACHE``, where a long-lived preview keeps each unchanged file's results
(the checks across files run every time). The same check runs alone as
``make check``.
"""

from pelican import signals
from site_model.problems import ContentProblems

from .checker import check_content

# What this plugin adds (for templates, Pelican and readers), and what it reads
# that another plugin adds, each at the stage where it happens: held to the order
# of PLUGINS by tests/plugins/test_plugin_contracts.py.
PROVIDES = {}
READS = {}


def check_before_building(pelican):
    warm = pelican.settings.get("WARM_CACHE")
    memo = warm.checked if warm is not None else None
    problems = check_content(pelican.settings, memo)
    if problems:
        raise ContentProblems(problems)


def register():
    # Sent at the start of every build, also when one process builds many times.
    signals.get_generators.connect(check_before_building)
