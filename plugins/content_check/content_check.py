"""Stop the build when a post or page has a mistake, naming the fix.

Before Pelican reads anything, every Markdown file under ``ARTICLE_PATHS`` and
``PAGE_PATHS`` is checked (the rules are in ``checks.py``); all problems are
printed at once as ``content/PATH.md:LINE: FIELD: what is wrong (how to fix
it)`` and the build exits with status 1, leaving the previous output as it was.
Pelican alone would publish such posts silently, or drop them.

Adds nothing to the template context. Settings read: ``PATH``,
``ARTICLE_PATHS``, ``PAGE_PATHS``, ``SITE_LANGUAGES``, ``DEFAULT_LANG``,
``CATEGORIES``, ``SERIES``. The same check runs alone as ``make check``.
"""

import sys

from pelican import signals

from .checks import check_content


def report(problems, stream):
    for problem in problems:
        print(problem, file=stream)
    noun = "problem" if len(problems) == 1 else "problems"
    print(f"Content check: {len(problems)} {noun}; nothing was built.", file=stream)


def check_before_reading(pelican):
    problems = check_content(pelican.settings)
    if problems:
        report(problems, sys.stderr)
        # SystemExit, not an exception: Pelican would print a traceback for that.
        raise SystemExit(1)


def register():
    signals.initialized.connect(check_before_reading)
