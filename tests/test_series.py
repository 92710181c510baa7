"""The BestKenko investigation is navigable part by part, per language."""

import pytest
from babel import Locale

from pelicanconf import SERIES
from tests.catalogs import translate
from tests.content_index import post_url, posts
from tests.site import text_of

SERIES_PARTS = {
    lang: {int(s.meta["part"]): s for s in posts()
           if s.lang == lang and s.meta.get("series") == "bestkenko"}
    for lang in ("en", "ja")
}
TOTAL = SERIES["bestkenko"]["parts"]


def test_the_series_is_complete_in_both_languages():
    assert sorted(SERIES_PARTS["en"]) == list(range(1, TOTAL + 1))
    assert sorted(SERIES_PARTS["ja"]) == list(range(1, TOTAL + 1))


def test_the_japanese_series_page_links_five_japanese_parts(site):
    links = site.soup("/ja/series/bestkenko/").select(".series-list h2 a")
    assert [a["href"] for a in links] == [f"/ja/posts/bestkenko-part-{n}/" for n in range(1, 6)]
    assert not site.soup("/ja/series/bestkenko/").select(".part-language")


def test_the_full_list_of_parts_is_folded_at_the_top_of_a_part(site):
    box = site.soup("/posts/bestkenko-part-3/").select_one(".series-box")
    assert box.select_one("details > summary") and box.select("details .series-parts li")
    assert not box.select_one("details").has_attr("open")


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_part_ends_with_the_next_part_or_the_whole_series(site, lang):
    for number, source in SERIES_PARTS[lang].items():
        soup = site.soup(post_url(source))
        after = soup.select_one(".report-body ~ .series-next a")
        expected = post_url(SERIES_PARTS[lang][number + 1]) if number < TOTAL else (
            f"{'/ja' if lang == 'ja' else ''}/series/bestkenko/")
        assert after["href"] == expected


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_each_part_says_which_part_it_is(site, lang):
    message = "Part %(number)s of %(total)s"
    template = message if lang == "en" else translate("ja", message)
    for number, source in SERIES_PARTS[lang].items():
        box = site.soup(post_url(source)).select_one(".series-box")
        position = template % {"number": number, "total": TOTAL}
        assert text_of(box.select_one(".series-position")) == position
        # The list names each part by its own title, without the series prefix.
        current = box.select('[aria-current="page"]')
        subtitle = source.meta["title"].replace("：", ":").split(":", 1)[1].strip()
        assert [text_of(c) for c in current] == [subtitle]


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_box_lists_every_part_in_order_with_working_links(site, lang):
    source = SERIES_PARTS[lang][1]
    items = site.soup(post_url(source)).select(".series-parts li")
    assert len(items) == TOTAL
    for number, item in enumerate(items, start=1):
        link = item.select_one("a")
        if link:
            assert site.file_for(link["href"]), link["href"]
            in_lang = SERIES_PARTS[lang].get(number)
            expected = in_lang or SERIES_PARTS["en" if lang == "ja" else "ja"][number]
            assert link["href"] == post_url(expected)


def test_japanese_lists_english_parts_as_english(site):
    for url in (post_url(SERIES_PARTS["ja"][1]), "/ja/series/bestkenko/"):
        soup = site.soup(url)
        links = '.series-parts a[href^="/posts/"], .series-list a[href^="/posts/"]'
        for link in soup.select(links):
            assert link["lang"] == "en" and link["hreflang"] == "en"
            marker = link.find_next_sibling(class_="part-language")
            assert marker and Locale("ja").languages["en"] in text_of(marker)
        japanese = soup.select('.series-parts a[href^="/ja/"], .series-list a[href^="/ja/"]')
        assert all(not a.get("lang") for a in japanese)


def test_previous_and_next_follow_the_part_order(site):
    for number, source in SERIES_PARTS["en"].items():
        soup = site.soup(post_url(source))
        previous = soup.select_one('.series-steps a[rel="prev"]')
        following = soup.select_one('.series-steps a[rel="next"]')
        assert (previous["href"] if previous else None) == (
            post_url(SERIES_PARTS["en"][number - 1]) if number > 1 else None
        )
        assert (following["href"] if following else None) == (
            post_url(SERIES_PARTS["en"][number + 1]) if number < TOTAL else None
        )


@pytest.mark.parametrize("lang, url", [("en", "/series/bestkenko/"),
                                       ("ja", "/ja/series/bestkenko/")])
def test_series_page_lists_parts_with_dates_and_excerpts(site, lang, url):
    soup = site.soup(url)
    assert soup.html["lang"] == lang
    items = soup.select(".series-list > li")
    assert len(items) == TOTAL
    for item in items:
        if item.select_one("a"):
            assert item.select_one("time[datetime]") and text_of(item.select_one(".story-summary"))
    box_link = site.soup(post_url(SERIES_PARTS[lang][1])).select_one(".report-header .kicker a")
    assert box_link["href"] == url
