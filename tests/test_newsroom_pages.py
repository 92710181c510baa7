"""Pages a newsroom would sign: bylines and dates, the dek, the front page editors
direct, series pages, related reports, archives by year, the 404 page, the
language of other-language fragments, and plugins that declare what they add."""

import json

import pytest
from site_model.authors import author_problems

from pelicanconf import FRONT_PAGE
from tests.content_index import post_url, posts
from tests.fixture_sites import post
from tests.site import text_of

POSTS = posts()
SETTINGS = {"AUTHORS": {"staff": {"en": "Staff", "ja": "編集部"}}, "DEFAULT_LANG": "en"}


def corrected_site(fixture_site):
    original = post("A Corrected Report", "corrected", authors="staff", date="2016-05-01 09:00",
                    summary="What the report found.",
                    note="2016-06-10 | correction | The figure was 14,000, not 1,400.")
    translation = post("訂正された記事", "corrected", lang="ja", authors="staff",
                       date="2016-05-01 09:00",
                       translation_of="en 0123456789ab", summary="記事の要約。")
    noted = post("A Noted Report", "noted", authors="staff", date="2016-05-01 09:00",
                 note="2016-06-10 | editors-note | Context only.")
    site, _ = fixture_site({"en/corrected.md": original, "ja/corrected.md": translation,
                            "en/noted.md": noted},
                           extra={"AUTHORS": SETTINGS["AUTHORS"]})
    return site


def test_a_corrected_report_has_a_byline_a_dek_and_its_updated_date(fixture_site):
    site = corrected_site(fixture_site)
    header = site.soup("/posts/corrected/").select_one(".report-header")
    assert text_of(header.select_one(".report-dek")) == "What the report found."
    byline = header.select_one(".byline a[rel=author]")
    assert text_of(byline) == "Staff" and byline["href"] == "/authors/staff/"
    assert header.select_one(".meta-updated time")["datetime"] == "2016-06-10"
    # The translation carries the original's correction date, its own byline.
    japanese = site.soup("/ja/posts/corrected/").select_one(".report-header")
    assert text_of(japanese.select_one(".byline a")) == "編集部"
    assert japanese.select_one(".meta-updated time")["datetime"] == "2016-06-10"
    # An editor's note adds context: it does not date the report as updated.
    assert not site.soup("/posts/noted/").select_one(".meta-updated")
    data = json.loads(site.soup("/posts/corrected/").select_one(
        'script[type="application/ld+json"]').string)
    assert [a["name"] for a in data["author"]] == ["Staff"]
    author_page = site.soup("/authors/staff/")
    assert {a["href"] for a in author_page.select(".story h2 a")} == {
        "/posts/corrected/", "/posts/noted/"}
    assert site.soup("/ja/authors/staff/").html["lang"] == "ja"


def test_every_shipped_report_has_the_desk_byline_and_names_its_category_once(site):
    for source in POSTS:
        header = site.soup(post_url(source)).select_one(".report-header")
        byline = header.select_one(".byline")
        expected = "Rogue Merchant Watch staff" if source.lang == "en" else "編集部"
        assert byline and expected in text_of(byline), source.path
        category = f"/category/{source.meta['category']}/"
        assert len(header.select(f'a[href$="{category}"]')) <= 1, source.path
        assert not header.select_one(".meta-category"), source.path


@pytest.mark.parametrize("value, expected", [
    ("staff", []),
    ("staff, staf", [("'%(key)s' is not an author (did you mean '%(close)s'? use one of: "
                      "%(choices)s, or add the author to AUTHORS in pelicanconf.py)")]),
    ("nobody-at-all", [("'%(key)s' is not an author (use one of: %(choices)s, or add the "
                        "author to AUTHORS in pelicanconf.py)")]),
    (" , ", ["names no author (write one or more of: %(choices)s, separated by commas)"]),
])
def test_an_unknown_author_is_named_with_its_fix(value, expected):
    problems = author_problems(value, SETTINGS)
    assert [message for message, _ in problems] == expected
    for _, values in problems:
        assert values["choices"] == "staff"


@pytest.mark.parametrize("lang, home", [("en", "/"), ("ja", "/ja/")])
def test_the_home_page_leads_with_the_editors_choice_and_a_series_once(site, lang, home):
    soup = site.soup(home)
    stories = soup.select(".story")
    lead = soup.select_one(".story-lead h2 a")["href"]
    assert lead == f"{'/ja' if lang == 'ja' else ''}/posts/{FRONT_PAGE[lang]['lead']}/"
    assert "story-lead" in stories[0]["class"]
    secondary = [a["href"].rstrip("/").rsplit("/", 1)[1]
                 for a in soup.select(".stories-top .story h2 a")]
    assert secondary == FRONT_PAGE[lang]["secondary"]
    series = [a["href"] for a in soup.select(".story .kicker a[href*='/series/']")]
    assert len(series) == len(set(series)) == 1
    kicker = text_of(soup.select_one(".story .kicker"))
    assert ("Part 5 of 5" if lang == "en" else "全5回") in kicker
    # The category filter comes after the lead, so a phone opens on the news.
    assert soup.select_one(".story-lead ~ .category-filter")


def test_without_a_choice_the_newest_report_leads(fixture_site):
    site, _ = fixture_site({
        "en/old.md": post("Old", "old", date="2016-01-01 09:00"),
        "en/new.md": post("New", "new", date="2016-02-01 09:00"),
    }, extra={"FRONT_PAGE": {"lead": "no-such-slug", "secondary": ["old"]}})
    soup = site.soup("/")
    assert soup.select_one(".story-lead h2 a")["href"] == "/posts/new/"
    assert [a["href"] for a in soup.select(".stories-top h2 a")] == ["/posts/old/"]


@pytest.mark.parametrize("build", ["site", "published"])
def test_the_lead_shows_its_figure_at_its_smallest_size(build, request):
    site = request.getfixturevalue(build)
    figure = site.soup("/ja/").select_one(".story-lead img.story-figure")
    assert figure["src"].endswith("/images/sizes/kamagra-gold-illustration-480.webp")
    assert figure["alt"] and site.file_for(figure["src"]) is not None


def test_related_reports_are_in_the_page_language_and_never_the_report_itself(site):
    for source in POSTS:
        url = post_url(source)
        related = [a["href"] for a in site.soup(url).select(".related-list a")]
        assert related, url
        assert len(related) <= 3 and url not in related
        for link in related:
            assert site.soup(link).html["lang"] == source.lang, (url, link)
    # Chemist-4-U shares its category with reports other than one series' parts.
    related = [a["href"] for a in site.soup("/posts/chemist-4-u-premium-members/").select(
        ".related-list a")]
    assert sum("/bestkenko-" in link for link in related) <= 1
    # A part offers one other part of its series, never the next one (offered below
    # the text): the first part, or for the first part the one after next.
    for number, expected in ((1, 3), (2, 1), (4, 1), (5, 1)):
        related = [a["href"] for a in site.soup(f"/posts/bestkenko-part-{number}/").select(
            ".related-list a")]
        assert related[0] == f"/posts/bestkenko-part-{expected}/"
        assert sum("/bestkenko-" in link for link in related) == 1


@pytest.mark.parametrize("lang, home", [("en", "/"), ("ja", "/ja/")])
def test_the_series_page_introduces_the_series_and_names_parts_by_their_own_titles(
        site, lang, home):
    soup = site.soup(f"{home}series/bestkenko/")
    assert text_of(soup.select_one(".series-intro"))
    assert text_of(soup.select_one(".series-state"))
    kicker = text_of(soup.select_one(".page-header .kicker"))
    assert ("series" if lang == "en" else "連載") in kicker
    assert "investigation" not in kicker and "調査報道" not in kicker
    for title in soup.select(".series-list h2 a"):
        assert "Part" not in text_of(title) and "第" not in text_of(title)
    nexts = site.soup(f"{home}posts/bestkenko-part-4/").select_one(".series-next-title")
    assert "Part" not in text_of(nexts) and "第" not in text_of(nexts)


def test_english_text_has_curly_quotes(site):
    soup = site.soup("/posts/chemist-4-u-premium-members/")
    for node in (soup.h1, soup.select_one(".report-dek"), soup.select_one(".report-body"),
                 soup.select_one(".post-notes")):
        assert '"' not in node.get_text() and "'" not in node.get_text(), node.name
    assert "“Premium Members”" in text_of(soup.h1)


@pytest.mark.parametrize("lang, home", [("en", "/"), ("ja", "/ja/")])
def test_archives_are_grouped_by_year_and_404_offers_search_and_the_newest(site, lang, home):
    archives = site.soup(f"{home}archives/")
    years = [text_of(h) for h in archives.select(".archive-year-heading")]
    assert years and years[0].startswith("2016")
    page = site.soup(f"{home}404.html")
    assert page.select_one(f'form[role=search][action="{home}search/"] input[name=q]')
    newest = [a["href"] for a in page.select(".latest a")]
    listed, series = [], set()
    for source in sorted(POSTS, key=lambda s: s.meta["date"], reverse=True):
        if source.lang == lang and source.meta.get("series") not in series:
            listed.append(source)
            series.add(source.meta.get("series") or source.slug)
    assert newest == [post_url(s) for s in listed[:5]]  # newest first, a series once


def test_other_language_fragments_carry_their_language(site):
    for url in ("/ja/", "/ja/posts/bestkenko-part-1/", "/ja/archives/"):
        soup = site.soup(url)
        assert soup.select_one(".brand-name")["lang"] == "en"
        assert soup.select_one(".footer-brand span")["lang"] == "en"
    assert not site.soup("/").select_one(".brand-name").has_attr("lang")
    for url in ("/domains/", "/ja/domains/"):
        names = site.soup(url).select(".domain-index h2 .domain")
        japanese = [n for n in names if not text_of(n).isascii()]
        assert japanese and all(n.get("lang") == "ja" for n in japanese), url


@pytest.mark.parametrize("value", ["staff, staff", "<script>alert(1)</script>", "STAFF",
                                   "staff,, ../../etc", "編集部", "staff;desk"])
def test_odd_author_values_never_break_a_build_or_reach_the_page(fixture_site, value):
    site, result = fixture_site({"en/odd.md": post("Odd", "odd", authors=value)},
                                extra={"AUTHORS": SETTINGS["AUTHORS"]}, check=False)
    # The content check names an unknown key (once its call is wired); the page
    # shows only known authors, each once, and nothing of the value itself.
    if not result.ok:
        assert all(problem.field == "Authors" for problem in result.problems)
        return
    page = site.soup("/posts/odd/")
    names = [text_of(a) for a in page.select(".byline a")]
    assert names in ([], ["Staff"])
    assert "script" not in str(page.select_one(".report-header"))
