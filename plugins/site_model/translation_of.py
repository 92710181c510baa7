"""``Translation-Of: LANG HASH``: which original a translation follows, and when.

HASH fingerprints what a translator translates (the original's title, summary
and body) when the translation was made or last caught up; when the original
changes, the recorded hash no longer matches and the translation is stale.
"""

import hashlib
import re
from pathlib import Path

from .header import read_header

HASH_LENGTH = 12
TRANSLATION_OF = re.compile(r"^(?P<lang>[a-z]{2}) (?P<hash>[0-9a-f]{12})$")


def parse(value):
    """(source language, hash) from ``"en 0123456789ab"``, or None when malformed."""
    match = TRANSLATION_OF.match(value or "")
    return (match["lang"], match["hash"]) if match else None


def original_of(content):
    """The version ``content`` names in its Translation-Of, among its
    translations; None for an original, or when that version is not there."""
    claim = parse(content.metadata.get("translation-of"))
    if claim is None:
        return None
    return next((other for other in content.translations if other.lang == claim[0]), None)


def content_hash(path):
    header = read_header(Path(path).read_text(encoding="utf-8"))
    parts = [header.value("title") or "", header.value("summary") or "", header.body.strip()]
    digest = hashlib.sha256("\n\0\n".join(parts).encode("utf-8")).hexdigest()
    return digest[:HASH_LENGTH]
