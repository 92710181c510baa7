"""A post's header, read exactly as Pelican reads it, with line numbers.

Pelican reads Markdown headers with Python-Markdown's ``meta`` extension,
after Markdown's whitespace normalisation and Pelican's removal of a byte
order mark. :func:`read_header` follows the same steps with the same regular
expressions (imported from Markdown, not copied), and also keeps where each
field is and where the header stopped, so the content check can point at a
line. ``tests/plugins/test_site_model_header.py`` holds the two readers to the
same result.
"""

import re
from dataclasses import dataclass, field

from markdown.extensions.meta import BEGIN_RE, END_RE, META_MORE_RE, META_RE

BOM = "\ufeff"


@dataclass
class Field:
    key: str  # as written
    values: list  # the value, then any continuation lines (Markdown keeps them apart)
    line: int

    @property
    def value(self):
        return " ".join(self.values)


@dataclass
class Header:
    fields: list = field(default_factory=list)
    body: str = ""
    body_line: int = 1
    # The line that ended the header when it was not a blank line or "---":
    # Markdown then reads it, and everything after, as text.
    stopped_at: tuple = None  # (line number, text)
    _first: dict = field(default=None, repr=False, compare=False)

    def first(self, key):
        """The first field named ``key`` (lower case), or None."""
        if self._first is None:  # read after the header is complete
            self._first = {}
            for found in self.fields:
                self._first.setdefault(found.key.lower(), found)
        return self._first.get(key)

    def value(self, key):
        found = self.first(key)
        return found.value if found else None

    def as_markdown_meta(self):
        """The header as Markdown's ``meta`` extension gives it to Pelican."""
        meta = {}
        for found in self.fields:
            meta.setdefault(found.key.lower().strip(), []).extend(found.values)
        return meta


def normalise(text):
    """The lines Markdown's preprocessors see (Pelican strips a byte order mark first)."""
    text = text.removeprefix(BOM)
    text = text.replace("\x02", "").replace("\x03", "")  # Markdown's own markers
    text = text.replace("\r\n", "\n").replace("\r", "\n") + "\n\n"
    text = text.expandtabs(4)
    text = re.sub(r"(?<=\n) +\n", "\n", text)
    return text.split("\n")


def read_header(text):
    lines = normalise(text)
    header = Header()
    index = 0
    if lines and BEGIN_RE.match(lines[0]):
        index = 1
    while index < len(lines):
        line = lines[index]
        if line.strip() == "" or END_RE.match(line):
            index += 1
            break
        meta = META_RE.match(line)
        more = META_MORE_RE.match(line)
        if meta:
            header.fields.append(Field(meta["key"], [meta["value"].strip()], index + 1))
        elif more and header.fields:
            header.fields[-1].values.append(more["value"].strip())
        else:
            header.stopped_at = (index + 1, line)
            break
        index += 1
    header.body = "\n".join(lines[index:]).rstrip("\n")
    header.body_line = index + 1
    return header
