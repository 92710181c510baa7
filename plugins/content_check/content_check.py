"""Stop the build when a post or page has a mistake, naming the fix.

Before Pelican reads anything, every Markdown file under ``ARTICLE_PATHS`` and
``PAGE_PATHS`` is checked (the rules are in ``checks.py``); all problems are
printed at once as ``content/PATH.md:LINE: FIELD: what is wrong (how to fix
it)`` and the build exits with status 1, leaving the previous output as it was.
Pelican alone would publish such posts silently, or drop them.

Adds nothing to the template context. Settings read: ``PATH``,
``ARTICLE_PATHS``, ``PAGE_PATHS``, ``SITE_LANGUAGES``, ``DEFAULT_LANG``,
``CATEGORIES``, ``SERIES``. The same check runs alone as ``make check``.
With the content cache on (``LOAD_CONTENT_CACHE``, ``CACHE_CONTENT``), an
unchanged file's own checks are remembered in ``CACHE_PATH``; the checks
across files run every time.
"""

import pickle
import sys
from pathlib import Path

from pelican import signals

from .checks import check_content


def report(problems, stream):
    for problem in problems:
        print(problem, file=stream)
    noun = "problem" if len(problems) == 1 else "problems"
    print(f"Content check: {len(problems)} {noun}; nothing was built.", file=stream)


def memo_file(settings):
    """Where warm builds (content cache on) keep each unchanged file's results."""
    if settings.get("LOAD_CONTENT_CACHE") and settings.get("CACHE_CONTENT"):
        return Path(settings["CACHE_PATH"], "content-check.pickle")
    return None


def load_memo(path):
    try:
        with open(path, "rb") as stream:
            return pickle.load(stream)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        return {}


def check_before_reading(pelican):
    path = memo_file(pelican.settings)
    memo = load_memo(path) if path else None
    problems = check_content(pelican.settings, memo)
    if path:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as stream:
            pickle.dump(memo, stream)
    if problems:
        report(problems, sys.stderr)
        # SystemExit, not an exception: Pelican would print a traceback for that.
        raise SystemExit(1)


def register():
    signals.initialized.connect(check_before_reading)
