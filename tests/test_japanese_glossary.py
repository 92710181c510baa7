"""Japanese readers meet one word for one thing: the glossary in
docs/EDITING.ja.md ("用語の統一") holds for the Japanese posts, pages and catalog."""

import re

from tests.catalogs import catalog
from tests.site import ROOT

GUIDE = ROOT / "docs" / "EDITING.ja.md"


def glossary():
    """[(word to use, [words not to use])] read from the guide's table."""
    section = GUIDE.read_text(encoding="utf-8").split("## 用語の統一", 1)[1]
    rows = [line.strip().strip("|").split("|") for line in section.splitlines()
            if line.startswith("|") and not line.startswith("|---")][1:]
    return [(use.strip(), [w.strip() for w in avoid.split("、")]) for use, avoid in rows]


def pattern(use, avoid):
    # "ブラウザ" is wrong, "ブラウザー" right: a word to avoid that begins the
    # word to use matches only where that word does not go on.
    rest = use[len(avoid):] if use.startswith(avoid) else ""
    return re.compile(re.escape(avoid) + (f"(?!{re.escape(rest)})" if rest else ""))


def japanese_texts():
    for path in sorted((ROOT / "content" / "ja").glob("*.md")):
        yield path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8")
    for path in sorted((ROOT / "content" / "pages").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        if re.search(r"^Lang: ja$", text, re.M):
            yield path.relative_to(ROOT).as_posix(), text
    for message in catalog("ja"):
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in strings:
            yield f"messages.po: {message.id!r}", text


def test_the_glossary_is_there_and_can_fail():
    entries = glossary()
    assert ("ブラウザー", ["ブラウザ"]) in entries
    assert pattern("ブラウザー", "ブラウザ").search("ブラウザの画面")
    assert not pattern("ブラウザー", "ブラウザ").search("ブラウザーの画面")


def test_japanese_text_uses_the_glossarys_words():
    found = []
    for where, text in japanese_texts():
        for use, avoided in glossary():
            for avoid in avoided:
                if pattern(use, avoid).search(text):
                    found.append(f"{where}: '{avoid}' (write '{use}')")
    assert found == []
