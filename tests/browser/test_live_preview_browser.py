"""The preview's pages reload themselves, and show a failed build in their language."""

import pytest

from tests.catalogs import translate

pytestmark = pytest.mark.browser


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_page_reloads_after_a_save_and_shows_a_failed_build_in_its_language(browser, preview):
    project, _, base = preview
    post = project / "content" / "ja" / "domains-shuttered-2016.md"
    page = browser.new_page()
    violations = []
    page.on("console", lambda m: m.type == "error" and violations.append(m.text))
    page.goto(f"{base}/ja/posts/domains-shuttered-2016/")

    edit(post, "日々の追跡", "日々の追跡（保存後に自動更新）")
    page.get_by_text("保存後に自動更新").wait_for(timeout=20000)

    edit(post, "Category: enforcement", "Category: enforcment")
    overlay = page.locator(".preview-problems")
    overlay.wait_for(timeout=20000)
    text = overlay.inner_text()
    assert translate("ja", "The site could not be built") in text
    assert "content/ja/domains-shuttered-2016.md:3: Category: 「enforcment」" in text
    assert "保存後に自動更新" in page.locator("main").inner_text()  # the last good page stays

    edit(post, "Category: enforcment", "Category: enforcement")
    overlay.wait_for(state="detached", timeout=20000)
    assert violations == []
    page.close()
