"""Japanese titles and labels that wrap between phrases, as a newspaper sets them.

Japanese has no spaces, so browsers may break a title anywhere. BudouX (PyPI
``budoux``) finds the phrase boundaries; this plugin marks them with ``<wbr>``,
and the stylesheet lets the line break nowhere else (``word-break:
keep-all``). BudouX alone would still break where a Japanese reader would not,
so its phrases are joined again:

- never inside a number or between a number and its counter or prefix
  (``2016年``, ``1万4000件``, ``第1回``);
- never inside a Latin word, a domain or an abbreviation (``Chemist-4-U``);
- never before closing punctuation or a small kana, nor after an opening
  bracket (``」``, ``、``, ``（``);
- never so that the last line holds one character alone.

Adds the Jinja filter ``phrases`` (``{{ item.title|phrases(item.lang) }}``:
escaped text with ``<wbr>`` between Japanese phrases, unchanged text in other
languages) and inserts ``<wbr>`` into the ``<h2>``-``<h4>`` headings of
Japanese articles. Reads no settings.
"""

import re
from functools import cache, lru_cache
from html import unescape

import budoux
from markupsafe import Markup, escape
from pelican import signals
from pelican.contents import Article

# What this plugin adds (for templates, Pelican and readers), and what it reads
# that another plugin adds, each at the stage where it happens: held to the order
# of PLUGINS by tests/plugins/test_plugin_contracts.py.
PROVIDES = {"article.content": "content_object_init", "jinja.phrases": "generator_init"}
READS = {}

HEADING = re.compile(r"(<h[2-4][^>]*>)(.*?)(</h[2-4]>)", re.S)
TAG = re.compile(r"(<[^>]+>)")
# A number with its prefix and counter: 2016年, 1万4000件, 第1回, 800以上.
NUMBER = re.compile(
    r"第?[0-9０-９](?:[0-9０-９,，.．]|[万億兆千百](?=[0-9０-９]))*[万億兆]?"
    r"[年月日件回人円分秒時歳位号度倍台社枚本個点%％]?")
LATIN = re.compile(r"[A-Za-z0-9Ａ-Ｚａ-ｚ０-９\-_.@/:'&+]+")
# A line may break after these, where a clause ends.
CLAUSE_END = re.compile(r"[：、。！？]")
# Characters a line may not start with (Japanese kinsoku), and may not end with.
NO_LINE_START = set("、。，．・：；？！ー―‐～〜…‥」』）］｝〕〉》】〙〗”’ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ々〻")
NO_LINE_END = set("「『（［｛〔〈《【〘〖“‘")
OPENING, CLOSING = "「『（［｛〔〈《【", "」』）］｝〕〉》】"
# Words BudouX may cut in two that a reader never sees cut.
WHOLE_WORDS = ("薬局", "医薬品", "処方箋薬", "未承認", "ドメイン名", "レジストラ",
               "レジットスクリプト", "ベストケンコー", "インターポール")
WORD_JOINER = "\u2060"


@cache
def parser():
    # The model is read once per process: it never changes.
    return budoux.load_default_japanese_parser()


def spans(pattern, text):
    return [match.span() for match in pattern.finditer(text) if match.end() - match.start() > 1]


def forbidden(text, cut, whole):
    """Whether a line must not break at ``cut`` (between text[cut - 1] and text[cut])."""
    before, after = text[cut - 1], text[cut]
    return (
        after in NO_LINE_START or before in NO_LINE_END
        or any(start < cut < end for start, end in whole)
    )


@lru_cache(maxsize=8192)  # listings show the same titles on many pages
def phrases(text):
    """The phrases of a Japanese text: the places its lines may break."""
    cuts, position = set(), 0
    for chunk in parser().parse(text)[:-1]:
        position += len(chunk)
        cuts.add(position)
    cuts |= {match.end() for match in CLAUSE_END.finditer(text)}
    # BudouX gives 第 to the word before it: it belongs to its number.
    for match in re.finditer("第(?=[0-9０-９])", text):
        cuts.discard(match.end())
        cuts.add(match.start())
    whole = spans(NUMBER, text) + spans(LATIN, text) + [
        (match.start(), match.end()) for word in WHOLE_WORDS
        for match in re.finditer(re.escape(word), text)]
    cuts = sorted(c for c in cuts if 0 < c < len(text) and not forbidden(text, c, whole))
    # A last line of one character reads as a mistake: it goes with the phrase before.
    while cuts and len(text[cuts[-1]:].strip()) <= 1:
        cuts.pop()
    pieces = [text[start:end] for start, end in zip([0, *cuts], [*cuts, len(text)], strict=True)]
    return tuple(hold_together(piece) for piece in pieces)


def hold_together(piece):
    """Inside a phrase, browsers may still break after a closing bracket, before an
    opening one (「裏口」|を) or after a hyphen (Chemist-|4-U): a word joiner says
    they may not."""
    out = []
    for index, character in enumerate(piece):
        out.append(character)
        following = piece[index + 1:index + 2]
        if following and (character in CLOSING or following in OPENING
                          or character in "-/" and LATIN.match(following)):
            out.append(WORD_JOINER)
    return "".join(out)


def phrase_breaks(text, lang):
    if lang != "ja" or not text:
        return escape(text)
    # A translated string arrives already escaped: split its text, escape once.
    plain = text.unescape() if isinstance(text, Markup) else str(text)
    return Markup("<wbr>").join(escape(phrase) for phrase in phrases(plain))


def break_heading(match):
    opening, inner, closing = match.groups()
    # Only text between tags is split, and entities are never cut in two.
    pieces = [
        piece if TAG.fullmatch(piece) else str(phrase_breaks(unescape(piece), "ja"))
        for piece in TAG.split(inner)
    ]
    return opening + "".join(pieces) + closing


def break_headings(content):
    # Run as each post is read, before anything renders (and caches) its content.
    if isinstance(content, Article) and content.lang == "ja" and content._content:
        content._content = HEADING.sub(break_heading, content._content)


def add_filter(generator):
    generator.env.filters["phrases"] = phrase_breaks


def register():
    signals.generator_init.connect(add_filter)
    signals.content_object_init.connect(break_headings)
