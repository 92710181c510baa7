"""Accessible, private and robust in a real browser, in both languages."""

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.site import ROOT

pytestmark = pytest.mark.browser

# Every kind of page, in both languages.
KINDS = {
    "home": "",
    "home-page-2": "page/2/",
    "article": "posts/bestkenko-part-1/",
    "series-part": "posts/bestkenko-part-2/",
    "corrected-article": "posts/chemist-4-u-premium-members/",
    "category": "category/enforcement/",
    "series": "series/bestkenko/",
    "archives": "archives/",
    "corrections": "corrections/",
    "domains": "domains/",
    "search": "search/",
    "about": "about/",
    "not-found": "404.html",
}
PAGES = {f"{kind}-{lang}": f"/{home}{path}" for kind, path in KINDS.items()
         for lang, home in (("en", ""), ("ja", "ja/"))}
# Only English has a second listing page; the figure is in a Japanese-only report.
del PAGES["home-page-2-ja"]
PAGES["figure-ja"] = "/ja/posts/kamagra-gold-unapproved-drug/"
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
# Recorded before any page script runs; CSP violations land here.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__violations.push(e.violatedDirective + " " + e.blockedURI);
});
"""


@pytest.fixture
def watched(browser):
    """A page whose requests, console errors and CSP violations are recorded."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.requests, page.errors = [], []
    page.on("request", lambda request: page.requests.append(request))
    page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
    page.on("response", lambda r: r.status >= 400 and page.errors.append(f"{r.status} {r.url}"))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


def assert_clean(page, server):
    hosts = {urlsplit(r.url).netloc for r in page.requests if not r.url.startswith("data:")}
    assert hosts == {urlsplit(server).netloc}, hosts
    assert page.errors == []
    assert page.evaluate("window.__violations") == []


def stylesheet_loaded(page):
    return page.evaluate(
        "getComputedStyle(document.querySelector('.masthead')).borderBottomStyle === 'solid'"
    )


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_has_no_accessibility_violations_and_stays_private(watched, server, name):
    watched.goto(f"{server}{PAGES[name]}")
    assert stylesheet_loaded(watched), "the stylesheet did not load: axe would test a bare page"
    results = Axe().run(watched, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}})
    assert results.violations_count == 0, results.generate_report()
    assert_clean(watched, server)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_policy_is_strict_and_off_site_links_leak_nothing(watched, server, name):
    watched.goto(f"{server}{PAGES[name]}")
    policy = watched.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    # Keywords, not substrings: search pages allow 'wasm-unsafe-eval' (Pagefind's
    # WebAssembly), which permits no eval() of scripts.
    keywords = set(re.split(r"[\s;]+", policy))
    assert not keywords & {"'unsafe-inline'", "'unsafe-eval'"}
    assert watched.locator('meta[name="referrer"]').get_attribute("content") == "same-origin"
    for link in watched.locator("a[href^='http']").all():
        href = link.get_attribute("href")
        if urlsplit(href).netloc != urlsplit(server).netloc:
            assert {"noopener", "noreferrer"} <= set((link.get_attribute("rel") or "").split())


def test_language_switch_filter_and_search_run_clean(watched, server):
    watched.goto(f"{server}/posts/bestkenko-part-1/")
    watched.click('.language-switch a[hreflang="ja"]')
    watched.wait_for_url(f"{server}/ja/posts/bestkenko-part-1/")
    watched.goto(f"{server}/ja/")
    watched.locator(".category-filter li a").nth(1).click()
    watched.wait_for_load_state()
    watched.click(".site-nav a[href$='/search/']")
    watched.fill("#search-query", "ベストケンコー")
    watched.press("#search-query", "Enter")
    watched.wait_for_selector(".search-results li")
    assert_clean(watched, server)


@pytest.mark.parametrize("path", ["/", "/ja/posts/bestkenko-part-1/"])
def test_keyboard_reaches_skip_link_switch_and_filter_with_visible_focus(watched, server, path):
    watched.goto(f"{server}{path}")
    watched.keyboard.press("Tab")
    focused = watched.evaluate(
        "(() => { const e = document.activeElement; const s = getComputedStyle(e);"
        " const r = e.getBoundingClientRect();"
        " return [e.className, s.outlineStyle, r.top >= 0 && r.bottom <= innerHeight]; })()"
    )
    assert focused == ["skip-link", "solid", True]
    reached = set()
    for _ in range(40):
        watched.keyboard.press("Tab")
        reached.add(watched.evaluate(
            "(() => { const e = document.activeElement;"
            " return e.closest('.language-switch') ? 'switch'"
            " : e.closest('.category-filter') ? 'filter' : ''; })()"
        ))
    expected = {"switch", "filter"} if path == "/" else {"switch"}
    assert expected <= reached


@pytest.mark.parametrize("width, height", [(390, 844), (1280, 800)])
def test_screenshots_of_every_page_kind(browser, server, width, height):
    page = browser.new_page(viewport={"width": width, "height": height})
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, path in PAGES.items():
        page.goto(f"{server}{path}")
        target = SCREENSHOTS / f"{name}-{width}x{height}.png"
        page.screenshot(path=str(target), full_page=True)
        assert Path(target).stat().st_size > 10_000, name
    page.close()


def test_nothing_overflows_at_320_pixels(browser, server):
    page = browser.new_page(viewport={"width": 320, "height": 640})
    wide = {}
    for name, path in PAGES.items():
        page.goto(f"{server}{path}")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            wide[name] = width
    page.close()
    assert wide == {}


def test_reading_filtering_and_switching_language_need_no_javascript(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server}/")
    page.locator(".category-filter li a").nth(1).click()
    page.wait_for_url(f"{server}/category/**")
    page.click(".story-title a")
    assert page.locator(".report-body p").count() > 0
    page.click('.language-switch a[hreflang="ja"]')
    assert page.locator("html").get_attribute("lang") == "ja"
    context.close()


@pytest.mark.parametrize("name", ["home-ja", "article-en", "category-ja"])
def test_dark_mode_keeps_contrast(browser, server, name):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(f"{server}{PAGES[name]}")
    assert page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}})
    context.close()
    assert results.violations_count == 0, results.generate_report()


def test_a_printed_report_keeps_its_address_date_and_notes_and_drops_navigation(browser, server):
    page = browser.new_page()
    page.emulate_media(media="print")
    page.goto(f"{server}/posts/chemist-4-u-premium-members/")
    for hidden in (".site-nav", ".language-switch", ".site-footer"):
        assert not page.locator(hidden).is_visible(), hidden
    assert page.locator(".print-address").is_visible()
    assert "/posts/chemist-4-u-premium-members/" in page.locator(".print-address").inner_text()
    assert page.locator(".report-header time").is_visible()
    assert page.locator(".post-notes .note").is_visible()
    page.close()
