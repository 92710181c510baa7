"""`python -m content_check [--annotations] [SETTINGS [CONTENT]]`: run the
content check alone; ``--annotations`` also prints each problem as a GitHub
workflow command, so a pull request shows it on its line in the diff."""

import os
import secrets
import sys
from pathlib import Path

from pelican.settings import read_settings
from site_model.problems import ContentProblems, report

from .checker import check_content

ANNOTATIONS = "--annotations"


def escape_data(text):
    # GitHub's rules (actions/toolkit, command.ts): data, then properties.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text):
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(problem, content_parent, project):
    """``::error file=PATH,line=N,title=FIELD::message``, the path from the
    project's root (the settings file's folder), as the diff names it; a
    problem's own path starts at the content folder's parent."""
    path = Path(os.path.relpath(Path(content_parent) / problem.path, project)).as_posix()
    properties = [("file", path)] + ([("line", str(problem.line))] if problem.line else [])
    written = ",".join(f"{key}={escape_property(value)}"
                       for key, value in [*properties, ("title", problem.field)])
    return f"::error {written}::{escape_data(problem.message)}"


def main(argv):
    annotate = ANNOTATIONS in argv
    argv = [arg for arg in argv if arg != ANNOTATIONS]
    settings_file = argv[1] if len(argv) > 1 else "pelicanconf.py"
    settings = read_settings(settings_file)
    if len(argv) > 2:
        settings["PATH"] = argv[2]
    try:
        problems = check_content(settings)
    except ContentProblems as stop:  # e.g. a catalog that adds markup
        problems = stop.problems
    if problems:
        if annotate:
            project = Path(settings_file).resolve().parent
            content_parent = Path(settings["PATH"]).resolve().parent
            for problem in problems:
                print(annotation(problem, content_parent, project))
            # The plain report quotes file names: GitHub must not read any line
            # of it as a command (its own rule: stop-commands with a token).
            token = secrets.token_hex(16)
            print(f"::stop-commands::{token}")
        report(problems, sys.stdout)
        if annotate:
            print(f"::{token}::")
        return 1
    print("Content check: no problems.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
