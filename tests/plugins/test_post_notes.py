from zoneinfo import ZoneInfo

from post_notes.post_notes import NOTE_KINDS, parse_note


def test_note_line_is_parsed_with_the_site_timezone():
    note = parse_note("2016-09-12 | correction | It was 14,000.", object(), ZoneInfo("Asia/Tokyo"))
    assert note.date.isoformat() == "2016-09-12T00:00:00+09:00"
    assert (note.kind, note.text, note.anchor) == ("correction", "It was 14,000.", "note-2016-09-12-correction")
    assert note.label == NOTE_KINDS["correction"][0]
