"""Pages a newsroom would sign, as Chromium lays them out: bylines and dates,
the editors' front page, related reports, names that never break, the footer
at the bottom of short pages, neutral notes, print edges, other-language marks."""

import threading
from functools import partial
from http.server import ThreadingHTTPServer

import pytest

from pelicanconf import FRONT_PAGE
from tests.browser.conftest import QuietHandler
from tests.fixture_sites import build_in_process, post, write_content

pytestmark = pytest.mark.browser

WIDTHS = [320, 360, 390, 414, 768]
# Every place a name may be set: headlines, listings, series lists, bodies, notes.
NAME_PAGES = ["/", "/archives/", "/series/bestkenko/", "/posts/bestkenko-part-4/",
              "/posts/bestkenko-part-5/", "/posts/operation-pangea-ix/",
              "/posts/chemist-4-u-premium-members/", "/corrections/",
              "/ja/posts/chemist-4-u-premium-members/", "/ja/"]
# The lines each occurrence of a name is laid out on (one, or it broke inside).
NAME_LINES = r"""() => {
  const names = /Part[\s\u00a0]+V(?![A-Za-z])|Pangea[\s\u00a0]+IX|Chemist-\u2060?4-\u2060?U/g;
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const match of node.data.matchAll(names)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0)
        .map((r) => Math.round(r.bottom)));
      found.push([match[0], tops.size]);
    }
  }
  return found;
}"""
# The accent colour (#a4161a and its soft tint), as computed colours.
ALARM = ["rgb(164, 22, 26)", "rgb(251, 238, 238)", "rgb(255, 143, 132)"]
NOTE_COLOURS = """(selector) => [...document.querySelectorAll(selector)].flatMap((note) =>
  [note, ...note.querySelectorAll('*')].flatMap((e) => { const s = getComputedStyle(e);
    return [s.color, s.backgroundColor, s.borderLeftColor, s.borderTopColor]; }))"""


@pytest.fixture(scope="module")
def corrected_server(tmp_path_factory):
    """A small site with a corrected report, served like the real one."""
    root = tmp_path_factory.mktemp("corrected")
    content = write_content(root / "content", {
        "en/corrected.md": post(
            "A Corrected Report", "corrected", date="2016-05-01 09:00", authors="staff",
            summary="What the report found.",
            note="2016-06-10 | correction | The figure was 14,000, not 1,400."),
    })
    site, result = build_in_process(root / "output", content)
    assert result.ok, result.problems
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(site.root)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_a_corrected_report_shows_byline_dek_and_updated_date_on_the_first_screen(
        browser, corrected_server):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(f"{corrected_server}/posts/corrected/")
    dek, byline = page.locator(".report-dek"), page.locator(".byline")
    updated = page.locator(".meta-updated")
    for part in (dek, byline, updated):
        assert part.is_visible() and part.bounding_box()["y"] < 844
    assert dek.inner_text() == "What the report found."
    assert "Rogue Merchant Watch staff" in byline.inner_text()
    assert "June 10, 2016" in updated.inner_text()
    heading = page.locator("h1").bounding_box()
    assert heading["y"] < dek.bounding_box()["y"] < byline.bounding_box()["y"]
    page.close()


@pytest.mark.parametrize("lang, home", [("en", "/"), ("ja", "/ja/")])
def test_the_home_page_leads_with_the_editors_choice_and_shows_a_series_once(
        browser, server, lang, home):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(f"{server}{home}")
    first = page.locator(".story h2 a").first
    assert first.get_attribute("href").endswith(f"/posts/{FRONT_PAGE[lang]['lead']}/")
    assert first.bounding_box()["y"] < 844
    hrefs = page.eval_on_selector_all(".story h2 a", "(links) => links.map((a) => a.href)")
    assert sum("/bestkenko-part-" in href for href in hrefs) == 1
    filter_top = page.locator(".category-filter").bounding_box()["y"]
    assert page.locator(".story-lead").bounding_box()["y"] < filter_top
    page.close()


@pytest.mark.parametrize("url", ["/posts/chemist-4-u-premium-members/",
                                 "/ja/posts/kamagra-gold-unapproved-drug/",
                                 "/posts/bestkenko-part-5/"])
def test_related_reports_are_in_the_page_language_and_never_the_report_itself(
        browser, server, url):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(f"{server}{url}")
    links = page.eval_on_selector_all(".related-list a", "(links) => links.map((a) => a.href)")
    assert 1 <= len(links) <= 3 and f"{server}{url}" not in links
    for link in links:
        page.goto(link)
        assert page.evaluate("document.documentElement.lang") == ("ja" if "/ja/" in url else "en")
    page.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_names_never_break_inside(browser, server, width):
    page = browser.new_page(viewport={"width": width, "height": 800})
    broken, seen = [], set()
    for url in NAME_PAGES:
        page.goto(f"{server}{url}")
        for name, lines in page.evaluate(NAME_LINES):
            seen.add(name.replace("\u00a0", " ").replace("\u2060", ""))
            if lines != 1:
                broken.append((url, name, lines))
    page.close()
    assert {"Part V", "Pangea IX", "Chemist-4-U"} <= seen
    assert broken == []


@pytest.mark.parametrize("width, height", [(390, 844), (1280, 800)])
@pytest.mark.parametrize("url", ["/404.html", "/ja/404.html", "/domains/"])
def test_the_footer_ends_short_pages_at_the_bottom_of_the_screen(browser, server, width, height,
                                                                  url):
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(f"{server}{url}")
    bottom = page.evaluate("document.querySelector('.site-footer').getBoundingClientRect().bottom"
                           " + window.scrollY")
    document = page.evaluate("document.documentElement.scrollHeight")
    assert bottom >= height - 1 and abs(bottom - document) <= 1
    page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_notes_are_not_in_the_alarm_colour(browser, server, scheme):
    page = browser.new_page(viewport={"width": 390, "height": 844}, color_scheme=scheme)
    for url, selector in [("/posts/chemist-4-u-premium-members/", ".post-notes .note"),
                          ("/corrections/", ".notes-log .note"),
                          ("/ja/corrections/", ".notes-log .note")]:
        page.goto(f"{server}{url}")
        colours = page.evaluate(NOTE_COLOURS, selector)
        assert colours and not set(colours) & set(ALARM), url
    page.close()


def test_print_sets_masthead_and_report_on_one_left_edge(browser, server):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(f"{server}/posts/bestkenko-part-4/")
    page.emulate_media(media="print")
    left = page.evaluate("""() => ['.brand', 'h1', '.report-body p'].map((s) =>
        Math.round(document.querySelector(s).getBoundingClientRect().left))""")
    assert len(set(left)) == 1, left
    sizes = page.evaluate("""() => ['.print-address', '.report-body p'].map((s) =>
        getComputedStyle(document.querySelector(s)).fontSize)""")
    assert sizes[0] == sizes[1]
    assert not page.locator(".series-box").is_visible()
    assert not page.locator(".related").is_visible()
    page.close()


def test_other_language_fragments_are_marked(browser, server):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(f"{server}/ja/posts/bestkenko-part-1/")
    assert page.evaluate("document.querySelector('.brand-name').closest('[lang]').lang") == "en"
    for url in ("/domains/", "/ja/domains/"):
        page.goto(f"{server}{url}")
        langs = page.evaluate("""() => [...document.querySelectorAll('.domain-index h2 .domain')]
          .filter((e) => /[^\\x00-\\x7f]/.test(e.textContent))
          .map((e) => e.closest('[lang]').lang)""")
        assert langs and set(langs) == {"ja"}, url
    page.close()


def test_the_language_switch_note_is_readable_on_a_phone(browser, server):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(f"{server}/posts/eff-shadow-regulation/")
    note = page.locator(".switch-note-narrow")
    assert note.is_visible() and note.bounding_box()["height"] > 10
    assert "home page" in note.inner_text()
    page.close()
