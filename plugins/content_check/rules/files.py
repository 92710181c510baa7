"""What the walk of ``content/`` finds that is not a post or page to read."""

import unicodedata
from pathlib import PurePath

from site_model.catalogs import N_
from site_model.figures import IMAGE_PROBLEMS, problem_values

from ..context import listing
from ..files import IMAGE_FORMATS


def report_found(self, found, shown):
    """A file that is not read as a post: why, and what to do."""
    if found.kind == "symlink":
        self.say(shown, 0, "file", N_(
            "is a symbolic link, which the site never publishes (replace it with "
            "the file itself)"))
    elif found.kind == "special":
        self.say(shown, 0, "file", N_("is not a regular file (remove it)"))
    elif found.kind == "misnamed":
        self.say(shown, 0, "file", N_(
            "is not read as a post: only files ending in .md are (rename it to "
            "%(name)s.md)"), name=found.path.name.split(".")[0])
    elif found.kind in ("temporary", "hidden"):
        self.say(shown, 0, "file", N_(
            "is an editor's temporary, backup or hidden file, which the site "
            "does not read (delete it)"))
    elif found.kind == "unread":
        self.say(shown, 0, "file", N_(
            "is in a folder the site does not read (move it to one of: %(folders)s)"),
            folders=read_folders(self))
    elif found.kind == "not-image":
        self.say(shown, 0, "file", N_(
            "is not an image the site publishes (use %(formats)s; scripts, SVG "
            "and HTML files are never published)"),
            formats=listing({f for f in IMAGE_FORMATS.values()}))
    elif found.kind == "wrong-image":
        self.say(shown, 0, "file", N_(
            "is not the image its name says (save it again as a %(suffix)s file)"),
            suffix=found.path.suffix.lstrip(".").upper())
    elif found.kind == "huge-image":
        self.say(shown, 0, "file", IMAGE_PROBLEMS["too-large"], **problem_values(
            found.path.relative_to(self.root).as_posix()))
    elif found.kind == "reserved":
        self.say(shown, 0, "file", N_(
            "is in images/sizes/, where the site writes its own smaller copies "
            "(move it elsewhere in images/)"))


def read_folders(self):
    return ", ".join(f"{self.root.name}/{f}/" for f in (
        *self.settings["ARTICLE_PATHS"], *self.settings["PAGE_PATHS"],
        *self.settings["STATIC_PATHS"]))


def check_name(self, found, shown):
    """A name that a terminal, a shell or a command line would misread: a
    control character (a newline forges a line of any listing) or a leading
    dash (commands read it as an option)."""
    for part in PurePath(found.path).relative_to(self.root).parts:
        control = next((c for c in part if unicodedata.category(c) == "Cc"), None)
        if control is not None:
            self.say(shown, 0, "file", N_(
                "has a control character (U+%(code)04X) in its name (rename it, with "
                "letters, digits and hyphens)"), code=ord(control))
            return
        if part.startswith("-"):
            self.say(shown, 0, "file", N_(
                "has a name that starts with '-', which commands read as an option "
                "(rename it to start with a letter or digit)"))
            return


def not_utf8(self, shown):
    self.say(shown, 0, "file", N_("is not UTF-8 text (save it as UTF-8)"))
