"""Read a post's metadata header the way Python-Markdown's meta extension does,
keeping the line number of every field so problems can point at it."""

import re
from dataclasses import dataclass, field

META = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
MORE = re.compile(r"^[ ]{4,}(?P<value>.*)")
BEGIN = re.compile(r"^-{3}(\s.*)?")
END = re.compile(r"^(-{3}|\.{3})(\s.*)?")


@dataclass
class Field:
    key: str  # as written
    value: str
    line: int


@dataclass
class Header:
    fields: list = field(default_factory=list)
    body: str = ""
    body_line: int = 1

    def first(self, key):
        """The first field named ``key`` (case-insensitive), or None."""
        return next((f for f in self.fields if f.key.lower() == key), None)

    def value(self, key):
        found = self.first(key)
        return found.value if found else None


def read_header(text):
    lines = text.splitlines()
    header = Header()
    index = 0
    if lines and BEGIN.match(lines[0]):
        index = 1
    while index < len(lines):
        line = lines[index]
        if not line.strip() or END.match(line):
            index += 1
            break
        meta = META.match(line)
        more = MORE.match(line)
        if meta:
            header.fields.append(Field(meta["key"], meta["value"].strip(), index + 1))
        elif more and header.fields:
            header.fields[-1].value += " " + more["value"].strip()
        else:
            break
        index += 1
    header.body = "\n".join(lines[index:])
    header.body_line = index + 1
    return header
