"""On a phone, a report starts on the first screen, the masthead takes two rows,
and a series part ends by leading to the next part."""

import pytest

from tests.content_index import post_url, posts

pytestmark = pytest.mark.browser

ARTICLES = [post_url(source) for source in posts()]
FIRST_PARAGRAPH = "document.querySelector('.report-body p').getBoundingClientRect().top"
# Rows the masthead's items sit on: the brand, the switch and the navigation.
MASTHEAD_ROWS = """() => new Set([...document.querySelectorAll(
  '.brand, .language-switch a, .site-nav li')].map((e) => Math.round(e.getBoundingClientRect().top
  + e.getBoundingClientRect().height / 2) >> 4)).size"""


def test_the_first_paragraph_of_every_report_is_on_the_first_screen(browser, server):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    low = {}
    for url in ARTICLES:
        page.goto(f"{server}{url}")
        top = page.evaluate(FIRST_PARAGRAPH)
        if top >= 844:
            low[url] = top
    page.close()
    assert low == {}


@pytest.mark.parametrize("width", [320, 390])
def test_the_masthead_takes_two_rows_in_both_languages(browser, server, width):
    page = browser.new_page(viewport={"width": width, "height": 700})
    rows = {}
    for url in ("/", "/ja/", "/posts/bestkenko-part-2/", "/ja/posts/kamagra-gold-unapproved-drug/"):
        page.goto(f"{server}{url}")
        rows[url] = page.evaluate(MASTHEAD_ROWS)
        assert page.evaluate("document.querySelector('.masthead-bar').scrollWidth") <= width
    page.close()
    assert set(rows.values()) == {2}, rows


def test_every_series_part_ends_with_a_link_to_the_next_part(browser, server):
    parts = [source for source in posts() if source.meta.get("series")]
    page = browser.new_page(viewport={"width": 390, "height": 844})
    for source in parts:
        page.goto(f"{server}{post_url(source)}")
        text_bottom = page.evaluate(
            "document.querySelector('.report-body').getBoundingClientRect().bottom")
        link = page.locator(".series-next a").first
        assert link.bounding_box()["y"] > text_bottom, post_url(source)
        link.click()
        page.wait_for_load_state()
        number = int(source.meta["part"])
        expected = f"bestkenko-part-{number + 1}/" if number < 5 else "series/bestkenko/"
        assert page.url.endswith(expected)
    page.close()
