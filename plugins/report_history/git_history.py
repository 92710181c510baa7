"""Every committed version of the content's files, read from the repository
with two git commands: one ``git log`` over the content folder (the commits
of the main line, each dated when it reached it) and one ``git cat-file
--batch`` for the versions wanted. Commands run with an argument list, never
through a shell; only commit ids, dates, paths and file text are read (never
an author, e-mail address or message)."""

import os
import subprocess
from dataclasses import dataclass, field

GIT = ("git", "-c", "core.quotepath=off")
# Variables that would point git at another repository (a hook sets some).
REDIRECTING = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_COMMON_DIR",
               "GIT_OBJECT_DIRECTORY", "GIT_NAMESPACE")
RECORD = "\x1e"  # starts each commit in the log's output


@dataclass(frozen=True)
class Repository:
    top: str  # the repository's folder, real path
    head: str  # the commit checked out: read again only when it moves
    shallow: bool  # a shallow clone holds only part of the history


@dataclass(frozen=True)
class Version:
    commit: str
    time: int  # seconds since the epoch, when the commit reached the main line
    blob: str  # "" when the commit removed the file
    text: str = field(default="", repr=False)


def run_git(folder, *args, data=None):
    """git's output as bytes, or None when there is no git or no repository."""
    try:
        env = {k: v for k, v in os.environ.items() if k not in REDIRECTING}
        done = subprocess.run([*GIT, *args], cwd=folder, input=data, capture_output=True,
                              check=False, env=env)
    except OSError:  # git is not installed
        return None
    return done.stdout if done.returncode == 0 else None


def repository_of(folder):
    """The repository holding ``folder`` with at least one commit, or None
    (a tarball, a generated corpus)."""
    output = run_git(folder, "rev-parse", "--is-shallow-repository", "--show-toplevel", "HEAD")
    if output is None:
        return None
    shallow, top, head = output.decode("utf-8", "replace").splitlines()[:3]
    return Repository(os.path.realpath(top), head, shallow == "true")


def commits_touching(folder):
    """[(commit, time, [paths from the repository's root])], newest first, of
    the main line (a merge counts as one change, dated when it was merged)."""
    output = run_git(folder, "log", "--no-show-signature", "--first-parent",
                     "--diff-merges=first-parent", "--no-renames", f"--format={RECORD}%H %ct",
                     "--name-only", "-z", "--", ".")
    commits = []
    for record in (output or b"").decode("utf-8", "replace").split(RECORD)[1:]:
        header, _, names = record.partition("\0")
        commit, _, time = header.partition(" ")
        paths = [name.strip("\n") for name in names.split("\0") if name.strip("\n")]
        commits.append((commit, int(time), paths))
    return commits


def read_blobs(folder, wanted):
    """{(commit, path): (blob id, text)} for each wanted pair; a path the commit
    removed is absent. One ``git cat-file --batch`` for all of them."""
    asked = [(commit, path) for commit, path in wanted if "\n" not in path]
    data = "".join(f"{commit}:{path}\n" for commit, path in asked).encode("utf-8")
    output = run_git(folder, "cat-file", "--batch", data=data) if asked else b""
    found, position = {}, 0
    for pair in asked if output else ():
        end = output.index(b"\n", position)
        header = output[position:end].split(b" ")
        position = end + 1
        if len(header) == 3 and header[1] == b"blob":
            size = int(header[2])
            found[pair] = (header[0].decode(), output[position:position + size]
                           .decode("utf-8", "replace"))
            position += size + 1
    return found


def versions_of(folder, repository, paths):
    """{path (real, absolute): [Version, oldest first]} for the files ``paths``."""
    by_relative = {os.path.relpath(path, repository.top).replace(os.sep, "/"): path
                   for path in paths}
    touched = [(commit, time, [p for p in changed if p in by_relative])
               for commit, time, changed in commits_touching(folder)]
    blobs = read_blobs(folder, [(commit, p) for commit, _, changed in touched
                                for p in changed])
    versions = {path: [] for path in paths}
    for commit, time, changed in reversed(touched):
        for relative in changed:
            blob, text = blobs.get((commit, relative), ("", ""))
            versions[by_relative[relative]].append(Version(commit, time, blob, text))
    return versions
