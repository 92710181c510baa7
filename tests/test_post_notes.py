"""Corrections, updates and editor's notes: dated, typed, mirrored, logged."""

import json

from feedparser import parse

from tests.catalogs import translate
from tests.site import text_of

ORIGINAL = """Title: A Corrected Report
Date: 2016-05-01 09:00
Category: policy
Lang: en
Slug: corrected
Note: 2016-05-03 | update | The regulator replied.
Note: 2016-06-10 | correction | The figure was 14,000, not 1,400.

Body.
"""
TRANSLATION = """Title: 訂正された記事
Date: 2016-05-02 09:00
Category: policy
Lang: ja
Slug: corrected
Summary: 要約。

本文。
"""


def test_notes_are_shown_newest_first_with_labels_and_dates(fixture_site):
    site, _ = fixture_site({"en/corrected.md": ORIGINAL, "ja/corrected.md": TRANSLATION})
    notes = site.soup("/posts/corrected/").select(".post-notes .note")
    assert [n["id"] for n in notes] == ["note-2016-06-10-correction", "note-2016-05-03-update"]
    assert text_of(notes[0]).startswith("Correction June 10, 2016")


def test_translation_mirrors_the_originals_notes_in_its_language(fixture_site):
    site, _ = fixture_site({"en/corrected.md": ORIGINAL, "ja/corrected.md": TRANSLATION})
    mirrors = site.soup("/ja/posts/corrected/").select(".note-mirror")
    assert len(mirrors) == 2
    expected = translate("ja", "The %(language)s version of this report carries a correction dated %(date)s.")
    assert text_of(mirrors[0]).startswith(expected % {"language": "英語", "date": "2016年6月10日"})
    link = mirrors[0].select_one("a")
    assert link["href"] == "/posts/corrected/#note-2016-06-10-correction"
    assert site.soup("/posts/corrected/").select_one("#note-2016-06-10-correction")


def test_date_modified_and_feed_follow_the_newest_note(fixture_site):
    site, _ = fixture_site({"en/corrected.md": ORIGINAL})
    data = json.loads(site.soup("/posts/corrected/").select_one('script[type="application/ld+json"]').string)
    assert data["datePublished"].startswith("2016-05-01")
    assert data["dateModified"].startswith("2016-06-10")
    entry = parse(site.file_for("/feeds/all.atom.xml").read_bytes()).entries[0]
    assert entry.updated.startswith("2016-06-10") and entry.published.startswith("2016-05-01")


def test_corrections_page_and_feed_list_every_note(fixture_site):
    site, _ = fixture_site({"en/corrected.md": ORIGINAL, "ja/corrected.md": TRANSLATION})
    for home in ("/", "/ja/"):
        page = site.soup(f"{home}corrections/")
        items = page.select(".notes-log li")
        assert [i.select_one("time")["datetime"] for i in items] == ["2016-06-10", "2016-05-03"]
        feed_href = page.select_one('head link[href$="corrections/feed.atom.xml"]')["href"]
        feed = parse(site.file_for(feed_href).read_bytes())
        assert not feed.bozo and len(feed.entries) == 2
        assert feed.entries[0].link.endswith("/posts/corrected/#note-2016-06-10-correction")
    japanese_feed = parse(site.file_for("/ja/corrections/feed.atom.xml").read_bytes())
    assert japanese_feed.entries[0].title.startswith(translate("ja", "Correction"))


def test_chemist_report_carries_its_editors_note(site):
    note = site.soup("/posts/chemist-4-u-premium-members/").select_one(".note-editors-note")
    assert "probationary certification" in text_of(note)
    mirrored = site.soup("/ja/posts/chemist-4-u-premium-members/").select_one(".note-mirror a")
    assert site.file_for(mirrored["href"])
