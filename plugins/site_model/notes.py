"""Notes added to a report after publication: ``Note: DATE | KIND | TEXT``.

One ``Note:`` header line per note::

    Note: 2016-09-12 | correction | What was wrong, and what is right.

A translation carries its own, translated notes with the same date and kind
as the original's.
"""

import re
from dataclasses import dataclass
from datetime import date

from .catalogs import N_

# kind -> (label, sentence a translation shows while the note is untranslated)
NOTE_KINDS = {
    "correction": (
        N_("Correction"),
        N_("The %(language)s original carries a correction dated %(date)s, "
           "not yet translated:"),
    ),
    "update": (
        N_("Update"),
        N_("The %(language)s original carries an update dated %(date)s, "
           "not yet translated:"),
    ),
    "editors-note": (
        N_("Editor's note"),
        N_("The %(language)s original carries an editor's note dated %(date)s, "
           "not yet translated:"),
    ),
}
EXAMPLE = "Note: 2016-09-12 | correction | What changed"
DAY = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


class NoteError(ValueError):
    """Why a note line cannot be read: ``reason`` is "form", "kind" or "date"."""

    def __init__(self, reason, value=""):
        super().__init__(reason, value)
        self.reason, self.value = reason, value


@dataclass(frozen=True)
class NoteLine:
    day: date
    kind: str
    text: str

    @property
    def key(self):
        """What a note and its translation share."""
        return (self.day, self.kind)


def parse_note(value):
    """``"2016-09-12 | correction | text"`` -> :class:`NoteLine`, or :class:`NoteError`."""
    parts = value.split("|", 2)
    if len(parts) != 3 or not parts[2].strip():
        raise NoteError("form")
    day, kind, text = (part.strip() for part in parts)
    if kind not in NOTE_KINDS:
        raise NoteError("kind", kind)
    try:
        if not DAY.match(day):
            raise ValueError
        parsed = date.fromisoformat(day)
    except ValueError:
        raise NoteError("date", day) from None
    return NoteLine(parsed, kind, text)


def notes_in(header):
    """``{(date, kind): (field, NoteLine)}``: the readable notes of a header
    (:mod:`site_model.header`), the first line of each date and kind."""
    found = {}
    for field in header.fields:
        if field.key.lower() == "note":
            try:
                note = parse_note(field.value)
            except NoteError:
                continue
            found.setdefault(note.key, (field, note))
    return found
