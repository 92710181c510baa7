from types import SimpleNamespace
from zoneinfo import ZoneInfo

from post_notes.post_notes import NOTE_KINDS, as_shown
from site_model.site import read_notes


def test_note_line_is_parsed_with_the_site_timezone_and_shows_domains_defanged():
    report = SimpleNamespace(url="posts/x/", lang="en", metadata={
        "note": "2016-09-12 | correction | It was 14,000 on [[rogue.example]]."})
    [read] = read_notes(report, ZoneInfo("Asia/Tokyo"))
    note = as_shown(read, report)
    assert note.date.isoformat() == "2016-09-12T00:00:00+09:00"
    assert (note.kind, note.anchor) == ("correction", "note-2016-09-12-correction")
    assert note.url == "posts/x/#note-2016-09-12-correction"
    assert "rogue[.]com" not in note.text and "rogue[.]example" in note.text
    assert "[[" not in note.text and '<span class="domain"' in note.text
    assert note.label == NOTE_KINDS["correction"][0]
