"""Translations link to each other both ways, and no switch leads to a missing page."""

from urllib.parse import urlsplit

import pytest

from tests.content_index import post_url, posts
from tests.site import text_of

POSTS = posts()
SLUGS = {lang: {s.slug for s in POSTS if s.lang == lang} for lang in ("en", "ja")}


def alternates(soup):
    """{hreflang: path} of a page's alternates (absolute in the page)."""
    return {
        link["hreflang"]: urlsplit(link["href"]).path
        for link in soup.select('head link[rel="alternate"][hreflang]')
    }


def test_alternates_are_absolute_as_search_engines_require(site):
    for link in site.soup("/posts/bestkenko-part-1/").select('head link[hreflang]'):
        assert link["href"].startswith("http://127.0.0.1:8000/"), link


@pytest.mark.parametrize("source", POSTS, ids=lambda s: f"{s.lang}:{s.slug}")
def test_hreflang_lists_every_language_version(site, source):
    links = alternates(site.soup(post_url(source)))
    other = "ja" if source.lang == "en" else "en"
    assert links[source.lang] == post_url(source)
    if source.slug in SLUGS[other]:
        assert links[other] == post_url(other_version(source, other))
    else:
        assert other not in links
    assert links["x-default"] == (links.get("en") or links[source.lang])


def other_version(source, lang):
    return next(s for s in POSTS if s.slug == source.slug and s.lang == lang)


def test_every_hreflang_target_exists_and_links_back(site):
    for file in site.html_files():
        url = site.url_of(file)
        soup = site.soup(url)
        for lang, href in alternates(soup).items():
            assert href.startswith("/") and "/../" not in href, (url, href)
            target = site.soup(href)
            if lang != "x-default":
                assert target.html["lang"] == lang, (url, href)
                assert url in alternates(target).values(), f"{href} does not link back to {url}"


@pytest.mark.parametrize("source", POSTS, ids=lambda s: f"{s.lang}:{s.slug}")
def test_language_switch_goes_to_translation_or_says_it_goes_home(site, source):
    soup = site.soup(post_url(source))
    other = "ja" if source.lang == "en" else "en"
    switch = soup.select_one(f'.language-switch a[hreflang="{other}"]')
    assert switch is not None and text_of(switch)
    assert site.file_for(switch["href"]), switch["href"]
    if source.slug in SLUGS[other]:
        assert switch["href"] == post_url(other_version(source, other))
        assert not soup.select(".switch-note")
    else:
        assert switch["href"] == ("/" if other == "en" else f"/{other}/")
        assert text_of(soup.select_one(".switch-note"))


def test_switch_names_the_language_in_that_language(site):
    english = site.soup(post_url(POSTS[0]) if POSTS[0].lang == "en" else "/")
    link = english.select_one('.language-switch a[hreflang="ja"]')
    assert link["lang"] == "ja"


def test_published_alternates_are_absolute(published):
    soup = published.soup(f"{published.siteurl}/ja/posts/bestkenko-part-1/")
    links = {link["hreflang"]: link["href"] for link in soup.select('head link[hreflang]')}
    assert links == {
        "en": f"{published.siteurl}/posts/bestkenko-part-1/",
        "ja": f"{published.siteurl}/ja/posts/bestkenko-part-1/",
        "x-default": f"{published.siteurl}/posts/bestkenko-part-1/",
    }
    for href in links.values():
        assert published.file_for(href)
