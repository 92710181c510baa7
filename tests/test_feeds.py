"""Atom feeds per language: absolute links, language, full entries."""

import pytest
from feedparser import parse

from tests.content_index import posts

SITEURL = "https://news.example.org"


@pytest.mark.parametrize("lang, path", [("en", "/feeds/all.atom.xml"),
                                        ("ja", "/ja/feeds/all.atom.xml")])
def test_language_feed_is_complete_and_absolute(published, lang, path):
    raw = published.root.joinpath(path.lstrip("/")).read_bytes()
    feed = parse(raw)
    assert not feed.bozo
    assert f'xml:lang="{lang}"'.encode() in raw
    assert feed.feed.link.startswith(SITEURL)
    expected = {s.slug for s in posts() if s.lang == lang}
    prefix = f"{SITEURL}/posts/" if lang == "en" else f"{SITEURL}/ja/posts/"
    assert {e.link.removeprefix(prefix).strip("/") for e in feed.entries} == expected
    for entry in feed.entries:
        assert entry.title and entry.summary and entry.content[0].value
        assert entry.published and entry.updated
        assert published.file_for(entry.link)


def test_feed_links_in_footer(site):
    for url, feed in (("/", "/feeds/all.atom.xml"), ("/ja/", "/ja/feeds/all.atom.xml")):
        assert site.soup(url).select_one(f'footer a[href="{feed}"]')
