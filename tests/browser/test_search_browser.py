"""Search finds reports in the reader's language, and only in it, as the reader
types; its results read as the report's own text, dated and filed, in order."""

import copy
import re

import pytest

from tests.site import text_of

pytestmark = pytest.mark.browser

ELLIPSIS = "…"
SENTENCE_END = re.compile(r"[。！？.!?][\"”’」』）)]*$")


def results(page, server, path, query="", **filters):
    page.goto(f"{server}{path}")
    for name, value in filters.items():
        page.select_option(f"select[name={name}]", value)
    page.fill("#search-query", query)
    page.click(".search-form button")
    page.wait_for_selector(f".search-results[data-query='{query}']", state="attached",
                           timeout=10000)
    return [a.get_attribute("href") for a in page.locator(".search-results li h2 a").all()]


def squeeze(text):
    return "".join(text.replace("\u2060", "").split())


def report_text(site, url):
    """The report's text as a reader reads it: the body without its figures."""
    body = copy.copy(site.soup(url).select_one(".report-body"))  # the session's page stays whole
    for figure in body.select("figure"):
        figure.decompose()
    return squeeze(text_of(body))


def furniture(site, urls):
    """Headlines and figure labels and captions of the reports found."""
    found = set()
    for url in urls:
        page = site.soup(url)
        found.add(squeeze(text_of(page.select_one("h1"))))
        found |= {squeeze(text_of(node)) for node in page.select(".report-body figcaption, "
                                                                  ".report-body figcaption *")}
    return {text for text in found if len(text) > 1}


def test_japanese_search_finds_the_japanese_series(server, page):
    found = results(page, server, "/ja/search/", "ベストケンコー")
    assert {f"/ja/posts/bestkenko-part-{n}/" for n in range(1, 6)} <= set(found)
    assert all(href.startswith("/ja/") for href in found)
    assert results(page, server, "/ja/search/", "パッケージ写真") == ["/ja/posts/bestkenko-part-1/"]


def test_english_search_finds_pangea_and_no_japanese_page(server, page):
    found = results(page, server, "/search/", "Pangea")
    assert found[0] == "/posts/operation-pangea-ix/"
    assert not any(href.startswith("/ja/") for href in found)


def test_results_come_as_the_reader_types(server, page):
    page.goto(f"{server}/search/")
    page.locator("#search-query").press_sequentially("Pangea", delay=40)
    page.wait_for_selector(".search-results li a", timeout=10000)
    assert page.locator(".search-results li h2 a").first.get_attribute("href") == (
        "/posts/operation-pangea-ix/")


@pytest.mark.parametrize("path, query", [("/ja/search/", "医薬品"), ("/search/", "pharmacy"),
                                         ("/search/", "BestKenko"), ("/ja/search/", "薬局")])
def test_excerpts_are_the_reports_own_text_cut_between_words(site, server, page, path, query):
    found = results(page, server, path, query)
    assert found
    excerpts = page.locator(".search-results li .search-excerpt").all_inner_texts()
    assert len(excerpts) == len(found)
    furnished = furniture(site, found)
    for url, excerpt in zip(found, excerpts, strict=True):
        text = report_text(site, url)
        shown = squeeze(excerpt)
        inner = shown.removeprefix(ELLIPSIS).removesuffix(ELLIPSIS)
        # Only the report's text: never its headline or a figure's label or caption.
        assert inner in text, (url, excerpt)
        assert not any(piece in shown for piece in furnished if piece not in text), (url, excerpt)
        # "…" exactly where the text was cut: before it unless it starts the
        # text, after it unless it ends the text or a sentence.
        assert shown.startswith(ELLIPSIS) == (not text.startswith(inner)), (url, excerpt)
        cut_inside_a_sentence = not text.endswith(inner) and not SENTENCE_END.search(inner)
        assert shown.endswith(ELLIPSIS) == cut_inside_a_sentence, (url, excerpt)
        if not path.startswith("/ja/"):
            words = excerpt.strip(ELLIPSIS + " ").split()
            full = " ".join(text_of(site.soup(url).select_one(".report-body")).split())
            assert re.search(rf"(?<![\w']){re.escape(words[0])}", full), (url, excerpt)
            assert re.search(rf"{re.escape(words[-1])}(?![\w'])", full), (url, excerpt)


def test_japanese_excerpts_mark_the_whole_word_and_start_at_a_phrase(server, page):
    results(page, server, "/ja/search/", "医薬品")
    excerpts = page.locator(".search-results li .search-excerpt").all_inner_texts()
    for excerpt in excerpts:
        assert not excerpt.lstrip(ELLIPSIS).startswith(
            ("」", "』", "）", "、", "。", " ", "は", "が", "を", "に", "の", "という"))
        assert "。 " not in excerpt and ". " not in excerpt
    assert set(page.locator(".search-results mark").all_inner_texts()) == {"医薬品"}


def test_results_show_date_and_category_in_the_pages_language(site, server, page):
    for path, query, date in (("/search/", "Pangea", "June 15, 2016"),
                              ("/ja/search/", "パンゲア", "2016年6月15日")):
        found = results(page, server, path, query)
        first = page.locator(".search-results li").first
        assert first.locator(".search-meta time").inner_text() == date
        label = text_of(site.soup(found[0]).select_one(".meta-category, .kicker"))
        assert first.locator(".search-category").inner_text() == label


def test_result_headlines_are_set_as_listings(server, page):
    results(page, server, "/search/", "Pangea")
    link = page.locator(".search-results li h2 a").first
    assert "underline" not in link.evaluate("(a) => getComputedStyle(a).textDecorationLine")
    link.hover()
    assert "underline" in link.evaluate("(a) => getComputedStyle(a).textDecorationLine")


def test_a_word_finds_only_reports_that_say_it(site, server, page):
    # Pagefind falls back to the longest indexed start of an unknown word
    # ("viagra" found the "V" of "Part V"): every result must say the word.
    for path, query in (("/search/", "viagra"), ("/search/", "vxyz"), ("/search/", "pharmacist"),
                        ("/search/", "Pangea"), ("/search/", "registrars"),
                        ("/ja/search/", "viagra"), ("/ja/search/", "ばいあぐら"),
                        ("/ja/search/", "レジストラ")):
        found = results(page, server, path, query)
        for url in found:
            page_text = site.soup(url).select_one("main").get_text(" ").lower()
            stem = query.lower().rstrip("s")
            assert stem in page_text, (query, url)
    assert results(page, server, "/search/", "viagra") == []
    # A word only in the headline (metadata, not indexed text) still finds it.
    assert "/ja/posts/operation-pangea-ix/" in results(page, server, "/ja/search/", "発表")
    # A Latin word inside Japanese text is still a word of it.
    assert "/ja/posts/operation-pangea-ix/" in results(page, server, "/ja/search/", "IX")


def test_a_series_is_listed_in_part_order(server, page):
    for path, query in (("/search/", "BestKenko"), ("/ja/search/", "ベストケンコー")):
        found = results(page, server, path, query)
        parts = [href for href in found if "bestkenko-part-" in href]
        assert len(parts) == 5
        assert parts == sorted(parts, key=lambda href: int(href.rstrip("/").rsplit("-", 1)[1]))
        start = found.index(parts[0])
        assert found[start:start + 5] == parts  # together
    # A part whose headline says the word ranks above parts that only mention it.
    assert results(page, server, "/search/", "registrar")[0] == "/posts/bestkenko-part-4/"


@pytest.mark.parametrize("path, query, category, year", [
    ("/search/", "LegitScript", "Enforcement", "2016"),
    ("/ja/search/", "レジットスクリプト", "取り締まり", "2016"),
])
def test_filters_narrow_results_by_category_and_year(site, server, page, path, query, category,
                                                     year):
    everything = results(page, server, path, query)
    narrowed = results(page, server, path, query, category=category)
    assert narrowed and len(narrowed) < len(everything)
    assert set(narrowed) <= set(everything)
    for url in narrowed:
        # A report names its category once, in the kicker above its headline.
        assert text_of(site.soup(url).select_one(".report-header .kicker")) == category
    dated = results(page, server, path, query, category=category, year=year)
    assert dated == [url for url in narrowed
                     if site.soup(url).select_one(".meta time")["datetime"].startswith(year)]
    assert len(dated) == len(set(dated))
    # The choice is in the address, so a reload or a shared link keeps it.
    assert "category=" in page.url and f"year={year}" in page.url
    page.reload()
    page.wait_for_selector(f".search-results[data-query='{query}']", state="attached")
    assert page.locator("select[name=year]").input_value() == year
    assert [a.get_attribute("href") for a in page.locator(".search-results h2 a").all()] == dated


def test_filters_alone_list_their_reports(server, page):
    found = results(page, server, "/search/", "", category="Enforcement")
    assert found and all(not href.startswith("/ja/") for href in found)


def test_no_query_is_sent_while_an_input_method_composes(server, page):
    page.goto(f"{server}/ja/search/")
    page.evaluate("""() => {
      window.sentQueries = [];
      document.querySelector("[data-search]").addEventListener(
        "searchquery", (event) => window.sentQueries.push(event.detail.query));
    }""")
    page.focus("#search-query")
    ime = page.context.new_cdp_session(page)
    for kana in ("い", "いや", "いやく", "いやくひ", "いやくひん"):
        ime.send("Input.imeSetComposition",
                 {"text": kana, "selectionStart": len(kana), "selectionEnd": len(kana)})
    # Long enough for a search as the reader types to have gone out.
    page.wait_for_timeout(800)
    assert page.evaluate("window.sentQueries") == []
    ime.send("Input.insertText", {"text": "医薬品"})  # the conversion is chosen
    page.wait_for_selector(".search-results[data-query='医薬品']", state="attached",
                           timeout=10000)
    page.wait_for_timeout(400)
    assert page.evaluate("window.sentQueries") == ["医薬品"]


def test_without_javascript_the_page_says_what_to_do(site):
    search = site.soup("/search/")
    assert search.select_one("noscript")
    assert search.select_one("main a[href$='/archives/']")
    form = search.select_one("form[data-search]")
    assert form["method"] == "get"
    assert {field["name"] for field in form.select("[name]")} == {"q", "category", "year"}
