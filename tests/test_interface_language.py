"""Japanese pages speak Japanese: lang attribute, interface strings, dates."""

import re
from datetime import date

import pytest
from babel.dates import format_date

from tests.catalogs import catalog, translate
from tests.content_index import post_url, posts
from tests.site import text_of

INTERFACE = ("header, nav, footer, .pagination, .category-filter, .language-switch, .kicker, "
             ".meta, .series-box, .series-next")


def interface_texts(soup):
    for node in soup.select(INTERFACE):
        for text in node.find_all(string=True):
            if text.strip():
                yield text.strip()


def test_every_japanese_page_is_marked_japanese(site):
    for file in site.html_files():
        url = site.url_of(file)
        expected = "ja" if url.startswith("/ja/") else "en"
        assert site.soup(url).html["lang"] == expected, url


@pytest.mark.parametrize("msgid", ["Latest reports", "Filter by category", "Archives"])
def test_japanese_home_shows_japanese_interface(site, msgid):
    page = text_of(site.soup("/ja/").body)
    assert translate("ja", msgid) in page
    assert msgid not in page


def test_no_english_interface_string_on_japanese_pages(site):
    english = {m.id for m in catalog("ja") if isinstance(m.id, str) and m.id}
    english -= {m.id for m in catalog("ja") if m.id == m.string}
    for file in site.html_files():
        url = site.url_of(file)
        if url.startswith("/ja/"):
            leaks = english & set(interface_texts(site.soup(url)))
            assert not leaks, (url, leaks)


def test_english_pages_show_english_interface(site):
    page = text_of(site.soup("/").body)
    assert "Filter by category" in page
    assert translate("ja", "Filter by category") not in page


@pytest.mark.parametrize("source", posts(), ids=lambda s: f"{s.lang}:{s.slug}")
def test_dates_are_formatted_for_the_page_language(site, source):
    time = site.soup(post_url(source)).select_one(".report-header time")
    day = source.meta["date"][:10]
    assert time["datetime"].startswith(day)
    year, month, day_of_month = (int(part) for part in day.split("-"))
    if source.lang == "ja":
        assert text_of(time) == f"{year}年{month}月{day_of_month}日"
    else:
        assert re.fullmatch(r"[A-Z][a-z]+ \d{1,2}, \d{4}", text_of(time))
        published = date(year, month, day_of_month)
        assert text_of(time) == format_date(published, "long", locale="en")


def test_japanese_404_is_japanese(site):
    soup = site.soup("/ja/404.html")
    assert text_of(soup.h1) == translate("ja", "Page not found")
