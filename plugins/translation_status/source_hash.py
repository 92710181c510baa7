"""The fingerprint of what a translator translates: title, summary and body."""

import hashlib
from pathlib import Path

from content_check.header import read_header

HASH_LENGTH = 12


def content_hash(path):
    header = read_header(Path(path).read_text(encoding="utf-8"))
    parts = [header.value("title") or "", header.value("summary") or "", header.body.strip()]
    digest = hashlib.sha256("\n\0\n".join(parts).encode("utf-8")).hexdigest()
    return digest[:HASH_LENGTH]


def recorded(value):
    """(source language, hash) from a ``Translation-Of: en 0123456789ab`` value."""
    lang, _, digest = (value or "").partition(" ")
    return lang, digest
