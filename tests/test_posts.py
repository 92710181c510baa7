"""Every post and page in content/ is published at its URL, in its language."""

import pytest

from tests.content_index import page_url, pages, post_url, posts
from tests.site import text_of

POSTS = posts()
PAGES = pages()
# English headlines are set with curly quotes (plugins/english_typography).
STRAIGHT = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})


@pytest.mark.parametrize("source", POSTS, ids=lambda s: s.path.name + ":" + s.lang)
def test_every_post_is_built_at_its_url(site, source):
    soup = site.soup(post_url(source))
    assert soup.html["lang"] == source.lang
    assert text_of(soup.h1).translate(STRAIGHT) == " ".join(source.meta["title"].split())


@pytest.mark.parametrize("source", PAGES, ids=lambda s: s.path.name)
def test_every_page_is_built_at_its_url(site, source):
    soup = site.soup(page_url(source))
    assert soup.html["lang"] == source.lang
    assert text_of(soup.h1) == " ".join(source.meta["title"].split())


def test_the_content_meets_the_brief():
    english = {s.slug for s in POSTS if s.lang == "en"}
    japanese = {s.slug for s in POSTS if s.lang == "ja"}
    assert "bestkenko-part-1" in english & japanese
    japanese_only = japanese - english
    assert japanese_only, "the Kamagra Gold report is Japanese-only"
    assert len(english & japanese) >= 3, "Part I and at least two more translations"
    assert {"en", "ja"} == {s.lang for s in PAGES if s.slug == "about"}


@pytest.mark.parametrize("lang, home", [("en", "/"), ("ja", "/ja/")])
def test_each_language_lists_only_its_own_posts(site, lang, home):
    listed = set()
    url = home
    while url:
        soup = site.soup(url)
        listed |= {a["href"] for a in soup.select(".story h2 a")}
        following = soup.select_one('.pagination a[rel="next"]')
        url = following["href"] if following else None
    # A series is listed once, by one of its parts; every other report is listed.
    mine = [s for s in POSTS if s.lang == lang]
    assert listed <= {post_url(s) for s in mine}
    assert {post_url(s) for s in mine if not s.meta.get("series")} <= listed
    for series in {s.meta["series"] for s in mine if s.meta.get("series")}:
        parts = {post_url(s) for s in mine if s.meta.get("series") == series}
        assert len(parts & listed) == 1, series


def test_listing_leads_with_one_story_then_title_summary_and_a_quiet_meta_line(site):
    stories = site.soup("/").select(".story")
    assert "story-lead" in stories[0]["class"]
    assert not any("story-lead" in story["class"] for story in stories[1:])
    for story in stories:
        assert story.select_one("h2 a")["href"].startswith("/posts/")
        assert text_of(story.select_one(".story-summary"))
        meta = story.select_one(".meta")
        assert meta.select_one("time[datetime]") and meta.select_one('a[href^="/category/"]')
        assert "min read" in text_of(meta.select_one(".reading-time"))
    # The headline is the link: no "Continue reading" under every story.
    assert all(len(story.select("a[href^='/posts/']")) == 1 for story in stories)


def test_listing_is_newest_first_after_the_editors_choice(site):
    times = [t["datetime"] for t in site.soup("/").select(".stories:not(.stories-top) .story time")]
    assert times == sorted(times, reverse=True)


@pytest.mark.parametrize("url", ["/archives/", "/ja/archives/", "/404.html", "/ja/404.html"])
def test_each_language_has_archives_and_404(site, url):
    assert site.soup(url).h1


def test_japanese_only_post_is_listed_in_japanese(site):
    english = {s.slug for s in POSTS if s.lang == "en"}
    for source in POSTS:
        if source.lang == "ja" and source.slug not in english:
            assert site.soup("/ja/").select_one(f'a[href="{post_url(source)}"]')
            assert site.file_for(f"/posts/{source.slug}/") is None
