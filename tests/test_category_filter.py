"""Readers narrow the news by category, in either language, without JavaScript."""

from collections import Counter
from urllib.parse import urlsplit

import pytest
from feedparser import parse

from pelicanconf import CATEGORIES
from tests.catalogs import translate
from tests.content_index import posts
from tests.site import text_of

HOMES = {"en": "/", "ja": "/ja/"}


def counts(lang):
    return Counter(s.meta["category"] for s in posts() if s.lang == lang)


def filter_links(soup):
    return soup.select(".category-filter li a")


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_filter_lists_categories_with_posts_and_their_counts(site, lang):
    links = filter_links(site.soup(HOMES[lang]))
    assert links[0]["href"] == HOMES[lang]  # "All"
    shown = {a["href"].rstrip("/").rsplit("/", 1)[-1]: a for a in links[1:]}
    assert set(shown) == set(counts(lang))
    for slug, number in counts(lang).items():
        assert str(number) in text_of(shown[slug].select_one(".count"))


def test_japanese_filter_shows_translated_names(site):
    for link in filter_links(site.soup("/ja/"))[1:]:
        slug = link["href"].rstrip("/").rsplit("/", 1)[-1]
        assert text_of(link).startswith(translate("ja", CATEGORIES[slug]))


def test_category_slugs_are_the_same_in_both_languages(site):
    english = {a["href"] for a in filter_links(site.soup("/"))[1:]}
    japanese = {a["href"] for a in filter_links(site.soup("/ja/"))[1:]}
    assert {f"/ja{href}" for href in english} >= japanese
    for href in japanese:
        english_page = href.removeprefix("/ja")
        alternates = {
            link["hreflang"]: urlsplit(link["href"]).path
            for link in site.soup(href).select('head link[hreflang]')
        }
        assert alternates["en"] == english_page and alternates["ja"] == href


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_current_category_is_marked(site, lang):
    home = filter_links(site.soup(HOMES[lang]))
    assert home[0].get("aria-current") == "page"
    for link in home[1:]:
        marked = filter_links(site.soup(link["href"]))
        current = [a["href"] for a in marked if a.get("aria-current") == "page"]
        assert current == [link["href"]]


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_category_pages_list_only_their_posts_and_link_a_feed(site, lang):
    for link in filter_links(site.soup(HOMES[lang]))[1:]:
        slug = link["href"].rstrip("/").rsplit("/", 1)[-1]
        page = site.soup(link["href"])
        assert len(page.select(".story")) == counts(lang)[slug]
        feed_link = page.select_one('head link[type="application/atom+xml"][href*="feeds/"]'
                                    ':not([href$="all.atom.xml"])')
        feed = parse(site.file_for(feed_link["href"]).read_bytes())
        assert not feed.bozo and len(feed.entries) == counts(lang)[slug]
        assert feed.feed.language == lang


def test_category_pages_are_paginated(fixture_site):
    files = {
        f"en/post-{n:02}.md": f"Title: Post {n}\nDate: 2016-01-{n:02} 09:00\n"
        f"Category: payments\nLang: en\nSlug: post-{n:02}\n\nBody {n}.\n"
        for n in range(1, 13)
    }
    site, _ = fixture_site(files)
    first = site.soup("/category/payments/")
    second = first.select_one('.pagination a[rel="next"]')["href"]
    assert second == "/category/payments/page/2/"
    assert len(first.select(".story")) + len(site.soup(second).select(".story")) == 12
