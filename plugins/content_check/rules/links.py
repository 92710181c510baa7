"""Where an image or a link of a post points: inside ``content/``, to a file
that exists, and, for an image, never to another site."""

import re

from site_model.catalogs import N_
from site_model.html_policy import MESSAGES


def check_image(self, doc, number, field, src):
    if re.match(r"^[a-z][a-z0-9+.-]*:|^//", src, re.I):
        self.report(doc, number, field, MESSAGES["external-image"], src=src)
        return
    check_target(self, doc, number, field, src)


def check_target(self, doc, number, field, src):
    if re.match(r"^[a-z][a-z0-9+.-]*:", src, re.I):
        return
    path = re.sub(r"^\{(filename|static|attach)\}", "", src).split("#")[0].split("?")[0]
    if not path:
        return
    target = self.root / path.lstrip("/") if path.startswith("/") else doc.path.parent / path
    try:
        inside = target.resolve().is_relative_to(self.root.resolve())
        exists = target.exists() and not target.is_symlink()
    except (ValueError, OSError):
        # A name no file can have (a NUL, a name too long): nothing is there.
        inside, exists = True, False
    if not inside:
        self.report(doc, number, field, N_(
            "'%(src)s' points outside the content folder (link a file inside "
            "content/; '/' starts there)"), src=src)
    elif not exists:
        self.report(doc, number, field, N_(
            "'%(src)s' does not exist (check the path; '/' starts at the content "
            "folder)"), src=src)
