"""`python -m content_check [SETTINGS [CONTENT]]`: run the content check alone."""

import sys

from pelican.settings import read_settings
from site_model.problems import ContentProblems, report

from .checker import check_content


def main(argv):
    settings = read_settings(argv[1] if len(argv) > 1 else "pelicanconf.py")
    if len(argv) > 2:
        settings["PATH"] = argv[2]
    try:
        problems = check_content(settings)
    except ContentProblems as stop:  # e.g. a catalog that adds markup
        problems = stop.problems
    if problems:
        report(problems, sys.stdout)
        return 1
    print("Content check: no problems.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
