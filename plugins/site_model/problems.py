"""Mistakes in content, named the way editors read them.

Every problem prints as ``content/PATH.md:LINE: FIELD: what is wrong (how to
fix it)``, or without the line when none can be named. A build that finds any
raises :class:`ContentProblems` with all of them; the build command prints
them, one line each, and exits with status 1 (never a traceback).
"""

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # as editors see it, e.g. content/en/post.md
    line: int  # 0 when no line can be named
    field: str  # as written in the file, or "file", "body", "figure"...
    message: str  # what is wrong, then how to fix it in parentheses

    def __str__(self):
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.field}: {self.message}"


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
