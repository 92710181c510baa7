"""Japanese titles and labels break where a Japanese newspaper breaks them.

Every Japanese heading and label on every page kind, at phone and tablet widths,
is laid out by Chromium; where its lines actually break is read from the text's
client rectangles. A break fails when it falls inside a number with its
counter (2016年, 1万4000件, 第1回), inside a Latin word or a domain, inside a
BudouX phrase of up to 8 characters, or before closing punctuation, and when
the last line holds one character alone.
"""

import re

import budoux
import pytest

pytestmark = pytest.mark.browser

PAGES = ["/ja/", "/ja/posts/bestkenko-part-1/", "/ja/posts/bestkenko-part-2/",
         "/ja/posts/bestkenko-part-5/", "/ja/posts/kamagra-gold-unapproved-drug/",
         "/ja/posts/chemist-4-u-premium-members/", "/ja/posts/domains-shuttered-2016/",
         "/ja/category/enforcement/", "/ja/category/internet-pharmacies/", "/ja/series/bestkenko/",
         "/ja/archives/", "/ja/corrections/", "/ja/domains/", "/ja/search/", "/ja/404.html",
         "/ja/about/"]
WIDTHS = [320, 360, 375, 390, 414, 768]
SELECTOR = ("h1, h2, h3, .kicker, .site-nav a, .category-filter a, .series-position, .part-title, "
            ".series-next-title, .archive-list a, .notes-log-report a, .story-title a, .meta > *")
# The lines of every Japanese element: where the text's characters sit on screen.
LINES = """(selector) => [...document.querySelectorAll(selector)]
  .filter((el) => el.closest("[lang]").lang === "ja" && el.offsetParent !== null)
  .map((el) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const lines = [];
    let top = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.data.length; i++) {
        if (node.data[i] === "\u2060") continue;  // a word joiner: no character of its own
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = [...range.getClientRects()].find((r) => r.width > 0);
        if (!rect) { if (lines.length) lines[lines.length - 1] += node.data[i]; continue; }
        if (top === null || rect.top > top + rect.height / 2) { lines.push(""); top = rect.top; }
        lines[lines.length - 1] += node.data[i];
      }
    }
    return lines;
  })"""
# A number with its prefix and counter: 2016年, 1万4000件, 第1回.
NUMBER = re.compile(r"第?[0-9０-９][0-9０-９,.万億]*[年月日件回人円分時%]?")
LATIN = re.compile(r"[A-Za-z0-9Ａ-Ｚａ-ｚ０-９]")
CLOSING = set("、。，．・：；？！ー」』）］｝〕〉》】”’ぁぃぅぇぉっゃゅょァィゥェォッャュョ々")
CLAUSE_END = set("、。：！？")
PARSER = budoux.load_default_japanese_parser()


def faults(lines):
    """What is wrong with where ``lines`` (one element's) break."""
    text = "".join(lines)
    if len(lines) > 1 and len(lines[-1].strip()) == 1:
        yield f"one character alone on the last line: {lines}"
    bounds, position = [], 0
    for phrase in PARSER.parse(text):
        bounds.append((position, position + len(phrase)))
        position += len(phrase)
    numbers = [m.span() for m in NUMBER.finditer(text)]
    position = 0
    for line in lines[:-1]:
        position += len(line)
        before, after = text[position - 1], text[position]
        if before.isspace() or after.isspace():
            continue
        if any(start < position < end for start, end in numbers):
            yield f"inside a number with its counter: {before}|{after} in {lines}"
        elif LATIN.match(before) and LATIN.match(after) or before in "-." and LATIN.match(after):
            yield f"inside a Latin word: {before}|{after} in {lines}"
        elif after in CLOSING:
            yield f"before closing punctuation: {before}|{after} in {lines}"
        elif before in CLAUSE_END or after == "第" and NUMBER.match(text, position):
            continue  # a clause ends there; BudouX gives 第 to the word before its number
        else:
            inside = [b for b in bounds if b[0] < position < b[1] and b[1] - b[0] <= 8]
            if inside:
                phrase = text[inside[0][0]:inside[0][1]]
                yield f"inside the phrase {phrase!r}: {before}|{after} in {lines}"


def test_the_rules_can_fail():
    assert list(faults(["ドメイン名1万", "4000件"]))
    assert list(faults(["2016", "年の違法薬局"]))
    assert list(faults(["英国の薬局Chemist-", "4-U"]))
    assert list(faults(["違法なの", "か"]))
    assert list(faults(["「カナダの薬局", "」を装う"]))
    assert not list(faults(["ベストケンコー", "第1回"]))
    assert not list(faults(["レジットスクリプト：", "2016年の"]))


def test_japanese_titles_and_labels_break_between_phrases(browser, server):
    # One load per page, laid out again at each width: loads are the slow part.
    page = browser.new_page(viewport={"width": WIDTHS[0], "height": 900})
    found = []
    for path in PAGES:
        page.goto(f"{server}{path}")
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            for lines in page.evaluate(LINES, SELECTOR):
                found += [f"{path} at {width} px: {fault}" for fault in faults(lines)]
    page.close()
    assert found == []
