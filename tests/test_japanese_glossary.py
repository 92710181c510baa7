"""Japanese readers meet one word for one thing, written as a Japanese newspaper
writes it: the glossary in docs/EDITING.ja.md ("用語の統一", "初出の書き方") holds
for the Japanese posts, pages and catalog, and its headline rule for every
Japanese headline."""

import re

import pelicanconf
from tests.catalogs import catalog
from tests.site import ROOT

GUIDE = ROOT / "docs" / "EDITING.ja.md"
HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z-]*):[ \t]*(.*)$")
# Kana, kanji and the full-width forms Japanese text is set in.
JAPANESE = r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]"
COMPANY = "レジットスクリプト"
SPACE_BESIDE_JAPANESE = re.compile(rf"{JAPANESE} | (?={JAPANESE})")
HEADLINE_WITH_SOURCE = re.compile(rf"[^　]+　{COMPANY}が\w+")


def table(heading):
    """The rows of the first table under a heading of the guide, as lists of cells."""
    text = GUIDE.read_text(encoding="utf-8")
    section = text.split(f"## {heading}", 1)[1].split("\n## ", 1)[0]
    rows = [[cell.strip() for cell in line.strip().strip("|").split("|")]
            for line in section.splitlines()
            if line.startswith("|") and not line.startswith("|---")][1:]
    return rows


def words(cell):
    return [word.strip() for word in cell.split("、") if word.strip()]


def glossary():
    """[(word to use, [words not to use], [longer words that may hold one])]."""
    return [(use, words(avoid), words(rest[0]) if rest else [])
            for use, avoid, *rest in table("用語の統一")]


def first_mentions():
    """[(short form, the form an article gives at its first mention)]."""
    return [(short, full) for short, full in table("初出の書き方")]


def pattern(use, avoid):
    # "ブラウザ" is wrong, "ブラウザー" right: a word to avoid that begins the
    # word to use matches only where that word does not go on.
    rest = use[len(avoid):] if use.startswith(avoid) else ""
    return re.compile(re.escape(avoid) + (f"(?!{re.escape(rest)})" if rest else ""))


def uses(text, use, avoid, allowed):
    """Whether text holds a word to avoid outside the longer words allowed to hold it."""
    for word in allowed:
        text = text.replace(word, "\0")
    return bool(pattern(use, avoid).search(text))


def header_and_body(text):
    head, _, body = text.partition("\n\n")
    matches = (HEADER_LINE.match(line) for line in head.splitlines())
    fields = [match.groups() for match in matches if match]
    return fields, body


def japanese_posts():
    for path in sorted((ROOT / "content" / "ja").glob("*.md")):
        yield path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8")
    for path in sorted((ROOT / "content" / "pages").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        if re.search(r"^Lang: ja$", text, re.M):
            yield path.relative_to(ROOT).as_posix(), text
    # A series page's introduction is read like a report's text.
    for key, spec in pelicanconf.SERIES.items():
        introduction = spec.get("introduction", {}).get("ja")
        if introduction:
            yield f"pelicanconf.py: SERIES['{key}'] introduction", "\n\n" + introduction


def japanese_texts():
    yield from japanese_posts()
    for message in catalog("ja"):
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in strings:
            yield f"messages.po: {message.id!r}", text


def readable_parts(text):
    """(name, text) of each part a reader meets on its own: the title, the
    summary (alone in lists and feeds), each note (alone on the corrections
    page) and the body."""
    fields, body = header_and_body(text)
    for name, value in fields:
        if name == "Title" or name == "Summary":
            yield name, value
        elif name == "Note":
            yield name, value.split("|", 2)[-1].strip()
    yield "body", body


def test_the_glossary_is_there_and_can_fail():
    entries = glossary()
    assert ("ブラウザー", ["ブラウザ"], []) in entries
    assert uses("ブラウザの画面", "ブラウザー", "ブラウザ", [])
    assert not uses("ブラウザーの画面", "ブラウザー", "ブラウザ", [])
    assert uses("初めての客", "利用者、購入者", "客", ["客観"])
    assert not uses("客観的な事実", "利用者、購入者", "客", ["客観"])
    assert ("レジットスクリプト", "米レジットスクリプト（LegitScript）") in first_mentions()
    assert SPACE_BESIDE_JAPANESE.search("[[example.net]] というサイト")
    assert not SPACE_BESIDE_JAPANESE.search("[[example.net]]というサイト")
    assert not HEADLINE_WITH_SOURCE.fullmatch("レジットスクリプト：閉鎖は1万4000件")
    assert HEADLINE_WITH_SOURCE.fullmatch("閉鎖は1万4000件　レジットスクリプトが発表")


def test_japanese_text_uses_the_glossarys_words():
    found = []
    for where, text in japanese_texts():
        for use, avoided, allowed in glossary():
            for avoid in avoided:
                if uses(text, use, avoid, allowed):
                    found.append(f"{where}: '{avoid}' (write '{use}')")
    assert found == [], "\n".join(found)


def test_a_name_is_given_in_full_at_its_first_mention_and_only_there():
    # Newspapers write 米レジットスクリプト（LegitScript） once, where a reader
    # first meets the company, and レジットスクリプト or 同社 after that. A
    # summary and a note are read alone, so each is its own first mention; a
    # headline keeps the short form.
    found = []
    for where, text in japanese_posts():
        for part, value in readable_parts(text):
            for short, full in first_mentions():
                if part == "Title":
                    if full in value:
                        found.append(f"{where}: Title: '{full}' (a headline writes '{short}')")
                    continue
                if short not in value:
                    continue
                first_full = value.find(full)
                if first_full < 0 or first_full + full.index(short) != value.find(short):
                    found.append(f"{where}: {part}: first '{short}' (write '{full}')")
                elif value.count(full) > 1:
                    found.append(f"{where}: {part}: '{full}' twice"
                                 f" (write '{short}' after the first)")
    assert found == [], "\n".join(found)


def test_a_paragraph_names_the_company_once_then_says_dosha():
    # "レジットスクリプトは…。レジットスクリプトは…" reads as translated: the
    # second time a paragraph meets the company it is 同社.
    found = []
    for where, text in japanese_posts():
        for part, value in readable_parts(text):
            for paragraph in value.split("\n\n"):
                if paragraph.count(COMPANY) > 1:
                    found.append(f"{where}: {part}: {paragraph[:30]}… (write 同社 after the first)")
    assert found == [], "\n".join(found)


def test_japanese_headlines_share_one_style():
    # One style: a claim's source goes last, after a full-width space
    # ("…　レジットスクリプトが指摘"), never first ("レジットスクリプト：…").
    found = []
    for where, text in japanese_posts():
        for part, title in readable_parts(text):
            if part != "Title" or COMPANY not in title:
                continue
            if not HEADLINE_WITH_SOURCE.fullmatch(title) or title.count(COMPANY) > 1:
                found.append(f"{where}: Title: {title} (write '見出し　{COMPANY}が指摘')")
    assert found == [], "\n".join(found)


def test_no_half_width_space_next_to_japanese_in_posts():
    # "[[example.net]] というサイト": Japanese sets no space between words,
    # not even beside a Latin name or a domain.
    found = []
    for where, text in japanese_posts():
        for part, value in readable_parts(text):
            for line in value.splitlines():
                line = re.sub(r"^(#+|[a-z]+:) ", "", line)
                if SPACE_BESIDE_JAPANESE.search(line):
                    found.append(f"{where}: {part}: {line.strip()[:40]}")
    assert found == [], "\n".join(found)
