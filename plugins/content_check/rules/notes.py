"""``Note:`` lines: readable, and in a translation, one of the original's."""

from site_model.catalogs import N_
from site_model.notes import NOTE_KINDS, NoteError, notes_in, parse_note


def check_notes(self, doc):
    example = "'Note: 2016-09-12 | correction | What changed'"
    for field in doc.header.fields:
        if field.key.lower() != "note":
            continue
        try:
            parse_note(field.value)
        except NoteError as error:
            if error.reason == "form":
                self.report(doc, field.line, field.key, N_(
                    "is not 'DATE | KIND | TEXT' (write it as %(example)s)"), example=example)
            elif error.reason == "date":
                self.report(doc, field.line, field.key, N_(
                    "'%(value)s' is not a date (write YYYY-MM-DD, as in %(example)s)"),
                    value=error.value, example=example)
            else:
                self.report(doc, field.line, field.key, N_(
                    "'%(value)s' is not a kind of note (%(fix)s)"),
                    value=error.value, fix=self.choose_from(doc, error.value, NOTE_KINDS))


def check_translated_notes(self, doc, original):
    of_original = notes_in(original.header)
    for (day, kind), (field, _note) in notes_in(doc.header).items():
        if (day, kind) not in of_original:
            self.report(doc, field.line, "Note", N_(
                "no note of the original %(original)s has the date %(date)s and the kind "
                "'%(kind)s' (a translated note keeps its original's date and kind)"),
                original=original.shown, date=day.isoformat(), kind=kind)
