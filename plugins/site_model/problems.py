"""Mistakes in content, named the way editors read them.

Every problem prints as ``content/PATH.md:LINE: FIELD: what is wrong (how to
fix it)``, or without the line when none can be named. A build that finds any
raises :class:`ContentProblems` with all of them; the build command prints
them, one line each, and exits with status 1 (never a traceback).

A problem is always one line: control characters in a file name or a value
(a newline would forge a second problem, a carriage return or a bidi control
would hide or reorder the first) are printed escaped, as ``\\n`` or ``\\x07``.
"""

import re
from dataclasses import dataclass

# C0 and C1 controls, DEL, line and paragraph separators, bidi controls.
UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e"
                         r"\u2066-\u2069]")
SHORT_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text):
    """``text`` on one line, each control character written as an escape."""
    return UNPRINTABLE.sub(lambda found: SHORT_ESCAPES.get(found[0], escape(found[0])), text)


def escape(character):
    code = ord(character)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # as editors see it, e.g. content/en/post.md
    line: int  # 0 when no line can be named
    field: str  # as written in the file, or "file", "body", "figure"...
    message: str  # what is wrong, then how to fix it in parentheses

    def __str__(self):
        path, field, message = (printable(str(part)) for part in
                                (self.path, self.field, self.message))
        where = f"{path}:{self.line}" if self.line else path
        return f"{where}: {field}: {message}"


class ContentProblems(Exception):
    """The build stops: these problems must be fixed first."""

    def __init__(self, problems):
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))


def report(problems, stream):
    for problem in problems:
        print(problem, file=stream)
    noun = "problem" if len(problems) == 1 else "problems"
    print(f"Content check: {len(problems)} {noun}; nothing was published.", file=stream)
