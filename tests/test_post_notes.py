"""Corrections, updates and editor's notes: dated, typed, in each reader's language."""

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
Date: 2016-05-01 09:00
Category: policy
Lang: ja
Slug: corrected
Translation-Of: en 0123456789ab
Note: 2016-05-03 | update | 規制当局が回答した。
Note: 2016-06-10 | correction | 数字は1400件ではなく1万4000件だった。
Summary: 要約。

本文。
"""
# The same translation before its translator has added the correction.
BEHIND = TRANSLATION.replace(
    "Note: 2016-06-10 | correction | 数字は1400件ではなく1万4000件だった。\n", "")


def test_notes_are_shown_newest_first_with_labels_and_dates(fixture_site):
    site, _ = fixture_site({"en/corrected.md": ORIGINAL, "ja/corrected.md": TRANSLATION})
    notes = site.soup("/posts/corrected/").select(".post-notes .note")
    assert [n["id"] for n in notes] == ["note-2016-06-10-correction", "note-2016-05-03-update"]
    assert text_of(notes[0]).startswith("Correction June 10, 2016")


def test_each_language_shows_its_own_notes_on_the_article_the_log_and_the_feed(fixture_site):
    site, _ = fixture_site({"en/corrected.md": ORIGINAL, "ja/corrected.md": TRANSLATION})
    expected = {
        "": ("The figure was 14,000", "/posts/corrected/", "Correction"),
        "ja/": ("数字は1400件ではなく", "/ja/posts/corrected/", translate("ja", "Correction")),
    }
    for home, (text, article, label) in expected.items():
        note = site.soup(f"/{home}posts/corrected/").select_one("#note-2016-06-10-correction")
        assert text in text_of(note) and text_of(note).startswith(label)
        assert not note.select("[lang]")
        log = site.soup(f"/{home}corrections/").select(".notes-log li")
        assert [i.select_one("time")["datetime"] for i in log] == ["2016-06-10", "2016-05-03"]
        assert text in text_of(log[0])
        assert log[0].select_one("a")["href"] == f"{article}#note-2016-06-10-correction"
        feed = parse(site.file_for(f"/{home}corrections/feed.atom.xml").read_bytes())
        assert not feed.bozo and len(feed.entries) == 2
        assert feed.entries[0].title.startswith(label)
        assert feed.entries[0].link.endswith(f"{article}#note-2016-06-10-correction")
        assert text in feed.entries[0].summary
    japanese_feed = parse(site.file_for("/ja/corrections/feed.atom.xml").read_bytes())
    title = translate("ja", "%(site)s: %(title)s") % {
        "site": "Rogue Merchant Watch", "title": translate("ja", "Corrections and updates")}
    assert japanese_feed.feed.title == title


def test_a_note_not_yet_translated_is_shown_in_the_original_language_and_logged(fixture_site):
    site, _ = fixture_site({"en/corrected.md": ORIGINAL, "ja/corrected.md": BEHIND})
    page = site.soup("/ja/posts/corrected/")
    pending = page.select_one("#note-2016-06-10-correction")
    assert "note-untranslated" in pending["class"]
    english = pending.select_one('[lang="en"]')
    assert text_of(english) == "The figure was 14,000, not 1,400."
    intro = translate("ja", "The %(language)s original carries a correction dated %(date)s, "
                            "not yet translated:")
    assert text_of(pending).startswith(intro % {"language": "英語", "date": "2016年6月10日"})
    log = site.soup("/ja/corrections/").select(".notes-log li")
    assert log[0].select_one("a")["href"] == "/ja/posts/corrected/#note-2016-06-10-correction"
    assert log[0].select_one('[lang="en"]') is not None
    feed = parse(site.file_for("/ja/corrections/feed.atom.xml").read_bytes())
    assert feed.entries[0].link.endswith("/ja/posts/corrected/#note-2016-06-10-correction")


def test_date_modified_and_feed_follow_the_newest_note(fixture_site):
    site, _ = fixture_site({"en/corrected.md": ORIGINAL})
    script = site.soup("/posts/corrected/").select_one('script[type="application/ld+json"]')
    data = json.loads(script.string)
    assert data["datePublished"].startswith("2016-05-01")
    assert data["dateModified"].startswith("2016-06-10")
    entry = parse(site.file_for("/feeds/all.atom.xml").read_bytes()).entries[0]
    assert entry.updated.startswith("2016-06-10") and entry.published.startswith("2016-05-01")


def test_a_report_only_in_english_is_logged_on_the_japanese_page_in_english(fixture_site):
    site, _ = fixture_site({"en/corrected.md": ORIGINAL})
    log = site.soup("/ja/corrections/").select(".notes-log li")
    assert log[0].select_one("a")["href"] == "/posts/corrected/#note-2016-06-10-correction"
    assert log[0].select_one("a")["lang"] == "en"


def test_chemist_report_carries_its_editors_note_in_both_languages(site):
    note = site.soup("/posts/chemist-4-u-premium-members/").select_one(".note-editors-note")
    assert "probationary certification" in text_of(note)
    japanese = site.soup("/ja/posts/chemist-4-u-premium-members/").select_one(".note-editors-note")
    assert "条件付き認証" in text_of(japanese) and not japanese.select("[lang]")
