"""Search finds reports in the reader's language, and only in it, as the reader types."""

import pytest

pytestmark = pytest.mark.browser


def results(page, server, path, query):
    page.goto(f"{server}{path}")
    page.fill("#search-query", query)
    page.click(".search-form button")
    page.wait_for_selector(".search-results li a", timeout=10000)
    return [a.get_attribute("href") for a in page.locator(".search-results li h2 a").all()]


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


def test_japanese_excerpts_read_as_japanese_and_mark_the_whole_word(server, page):
    results(page, server, "/ja/search/", "医薬品")
    excerpts = page.locator(".search-results li p").all_inner_texts()
    assert excerpts
    for excerpt in excerpts:
        assert not excerpt.startswith(("」", "』", "）", "、", "。", " "))
        assert "。 " not in excerpt and ". " not in excerpt
    marks = set(page.locator(".search-results mark").all_inner_texts())
    assert marks == {"医薬品"}
    titles = page.locator(".search-results li h2 a").all_inner_texts()
    assert not any(excerpt.startswith(title) for title in titles for excerpt in excerpts)


def test_search_pages_index_only_report_text(site):
    home = site.soup("/")
    assert not home.select("[data-pagefind-body]")
    article = site.soup("/posts/operation-pangea-ix/")
    marked = article.select("[data-pagefind-body]")
    assert {m.name for m in marked} == {"h1", "div"}
    assert not any(m.find_parent(["nav", "header", "footer"]) for m in marked if m.name == "div")
