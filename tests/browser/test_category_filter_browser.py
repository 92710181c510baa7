"""A reader on /ja/ narrows the news to one category by clicking the filter."""

import pytest

from pelicanconf import CATEGORIES
from tests.catalogs import translate

pytestmark = pytest.mark.browser


def test_clicking_a_category_on_japanese_home_opens_its_japanese_page(server, page):
    page.goto(f"{server}/ja/")
    label = translate("ja", CATEGORIES["enforcement"])
    page.locator(".category-filter a", has_text=label).click()
    page.wait_for_url(f"{server}/ja/category/enforcement/")
    assert page.locator("html").get_attribute("lang") == "ja"
    current = page.locator('.category-filter a[aria-current="page"]')
    assert current.count() == 1
    assert current.inner_text().startswith(label)
    assert page.locator("h1").inner_text() == label


def test_filter_is_reachable_by_keyboard(server, page):
    page.goto(f"{server}/ja/")
    for _ in range(30):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.closest('.category-filter') !== null")
        if focused:
            break
    assert focused, "Tab never reached the category filter"
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert "/ja/" in page.url
