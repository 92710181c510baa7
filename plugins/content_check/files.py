"""Which files may be in ``content/``, and what each kind of folder holds.

Pelican reads only ``.md`` files (``READERS`` turns its other readers off) in
the post and page folders, and publishes the static folders as they are. So
every other file in a post or page folder is a post that would never appear,
and every file outside the read folders is lost: both are problems, named. A
symbolic link anywhere is refused: it could publish a file from outside the
repository (``/proc/self/environ``, a key). An image is opened as
:mod:`site_model.figures` opens every image: its size checked before its
pixels are read, Pillow's warnings never printed.
"""

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from site_model.figures import ImageProblem, open_image

# AVIF is not among them: its metadata (a location) cannot be taken out of
# the published file without encoding its pixels again.
IMAGE_FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".gif": "GIF",
                 ".webp": "WEBP"}
READ_SUFFIXES = (".md", ".MD", ".Md", ".mD", ".markdown", ".mkd", ".mdown", ".txt", ".rst",
                 ".html", ".htm", ".text")
TEMPORARY = ("~", ".swp", ".swo", ".bak", ".orig", ".tmp", "#")


@dataclass(frozen=True)
class Found:
    path: Path
    kind: str  # post, page, static, or a problem: symlink, special, misnamed,
    #           temporary, hidden, unread, not-image, wrong-image, huge-image, reserved
    stamp: tuple = ()  # size and time, for what a long-lived preview remembers


def classify(root, relative, settings):
    """What the file at ``root/relative`` (already known to be regular) is."""
    parts = relative.parts
    name = parts[-1]
    folder = parts[0] if len(parts) > 1 else ""
    in_posts = folder in settings["ARTICLE_PATHS"]
    in_pages = folder in settings["PAGE_PATHS"]
    in_static = folder in settings["STATIC_PATHS"]
    if name.startswith(".#") or name.startswith("#") or name.endswith(TEMPORARY):
        return "temporary"
    if name.startswith("."):
        return "hidden"
    if in_posts or in_pages:
        if name.endswith(".md"):
            return "post" if in_posts else "page"
        return "misnamed" if name.endswith(READ_SUFFIXES) else "unread"
    if in_static:
        if len(parts) > 2 and parts[1] == "sizes":
            return "reserved"
        expected = IMAGE_FORMATS.get(Path(name).suffix)
        if expected is None:
            return "not-image"
        found = image_format(root / relative)
        if found == "too-large":
            return "huge-image"
        return "static" if found == expected else "wrong-image"
    return "unread"


def image_format(path):
    """Pillow's name of the image's format ("JPEG"...), "too-large", or None
    for a file that is not an image or is damaged."""
    try:
        with open_image(path) as picture:
            picture.verify()
            return "JPEG" if picture.format == "MPO" else picture.format  # MPO: a camera's JPEG
    except ImageProblem as problem:
        return "too-large" if problem.code == "too-large" else None
    except Exception:  # noqa: BLE001 - Pillow's verify raises many kinds for a bad file
        return None


def walk(root, settings, memo=None):
    """Every file and link under ``root``, classified, sorted by path; links
    are never followed. ``memo`` keeps each unchanged file's kind."""
    memo = memo if memo is not None else {}
    found = []
    for directory, folders, files in os.walk(root, followlinks=False):
        for name in sorted(folders + files):
            path = Path(directory, name)
            status = path.lstat()
            stamp = (status.st_size, status.st_mtime_ns)
            if stat.S_ISLNK(status.st_mode):
                found.append(Found(path, "symlink"))
            elif stat.S_ISREG(status.st_mode):
                remembered = memo.get(("kind", path))
                if not remembered or remembered[0] != stamp:
                    kind = classify(root, path.relative_to(root), settings)
                    remembered = memo[("kind", path)] = (stamp, kind)
                found.append(Found(path, remembered[1], stamp))
            elif not stat.S_ISDIR(status.st_mode):
                found.append(Found(path, "special"))
        folders[:] = [f for f in folders if not Path(directory, f).is_symlink()]
    return sorted(found, key=lambda f: f.path)
