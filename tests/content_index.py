"""What content/ says it contains, read straight from the Markdown headers."""

import re
from dataclasses import dataclass
from pathlib import Path

from tests.site import ROOT

HEADER = re.compile(r"^([A-Za-z][A-Za-z_-]*):\s*(.*)$")


@dataclass(frozen=True)
class Source:
    path: Path
    meta: dict

    @property
    def lang(self):
        return self.meta["lang"]

    @property
    def slug(self):
        return self.meta["slug"]


def read_header(path):
    meta = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        match = HEADER.match(line)
        if not match:
            break
        meta[match.group(1).lower()] = match.group(2).strip()
    return Source(Path(path), meta)


def posts(root=ROOT / "content"):
    return [read_header(p) for p in sorted(root.glob("[a-z][a-z]/*.md"))]


def pages(root=ROOT / "content"):
    return [read_header(p) for p in sorted((root / "pages").glob("*.md"))]


def post_url(source):
    prefix = "" if source.lang == "en" else f"{source.lang}/"
    return f"/{prefix}posts/{source.slug}/"


def page_url(source):
    prefix = "" if source.lang == "en" else f"{source.lang}/"
    return f"/{prefix}{source.slug}/"
