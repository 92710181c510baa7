from datetime import datetime
from types import SimpleNamespace

from feedparser import parse
from site_model.listings import newest_first, with_translations


def item(slug, day, lang="en", translations=()):
    return SimpleNamespace(
        slug=slug, date=datetime(2016, 1, day), lang=lang, translations=list(translations)
    )


def test_newest_first_breaks_ties_by_slug():
    items = [item("b", 1), item("a", 1), item("c", 2)]
    assert [i.slug for i in newest_first(items)] == ["c", "b", "a"]


def test_translations_are_included_once():
    ja = item("a", 1, "ja")
    en = item("a", 1, "en", [ja])
    ja.translations = [en]
    assert with_translations([en]) == [en, ja]


def test_each_language_has_its_own_feed(site):
    english = parse(site.file_for("/feeds/all.atom.xml").read_bytes())
    japanese = parse(site.file_for("/ja/feeds/all.atom.xml").read_bytes())
    assert not english.bozo and not japanese.bozo
    assert english.feed.language == "en" and japanese.feed.language == "ja"
    assert all("/ja/" not in e.link for e in english.entries)
    assert all("/ja/posts/" in e.link for e in japanese.entries)
    assert all(e.link.startswith("http") for e in english.entries + japanese.entries)


def test_feed_is_linked_from_every_page_head(site):
    for file in site.html_files():
        url = site.url_of(file)
        feed = site.soup(url).select_one('head link[type="application/atom+xml"]')
        expected = "/ja/feeds/all.atom.xml" if url.startswith("/ja/") else "/feeds/all.atom.xml"
        assert feed["href"] == expected, url
