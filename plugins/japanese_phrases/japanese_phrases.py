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
- never inside a name: a domain (defanged or not), 「・」-joined katakana
  (``オペレーション・パンゲアIX``);
- never so that the last line holds one character alone;
- and a full-width space, which an editor writes where a headline should
  break, is where it breaks first: each side of it is held together
  (``<span class="nobreak-group">``, an inline block) and breaks inside only
  when longer than a line.

Names are held together in every language, in titles and in report bodies:
domains, 「・」-joined katakana names, Latin names with hyphens or numerals
(``Chemist-4-U``, ``Pangea IX``) and, in Japanese, numbers with their counters
(``1万4000件``). In titles with word joiners and no-break spaces (a title
longer than its line may still break inside, by ``overflow-wrap``); in bodies
in ``<span class="nobreak">`` (the stylesheet: ``white-space: nowrap``).

Adds the Jinja filter ``phrases`` (``{{ item.title|phrases(item.lang) }}``:
escaped text with ``<wbr>`` between Japanese phrases and names held together),
inserts ``<wbr>`` into the ``<h2>``-``<h4>`` headings of Japanese articles and
holds names together in every article's body. Reads no settings.
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
PROVIDES = {"article.content": "content_object_init", "article.summary": "content_object_init",
            "jinja.phrases": "generator_init"}
READS = {}

HEADING = re.compile(r"(<h[2-4][^>]*>)(.*?)(</h[2-4]>)", re.DOTALL)
TAG = re.compile(r"(<[^>]+>)")
# A number with its prefix and counter: 2016年, 1万4000件, 第1回, 800以上.
NUMBER = re.compile(
    r"第?[0-9０-９](?:[0-9０-９,，.．]|[万億兆千百](?=[0-9０-９]))*[万億兆]?"
    r"[年月日件回人円分秒時歳位号度倍台社枚本個点%％]?")
LATIN = re.compile(r"[A-Za-z0-9Ａ-Ｚａ-ｚ０-９\-_.@/:'&+]+")
# Names a line never breaks inside, in any language. Each starts only where a
# run of its characters starts and never gives back what it took (possessive),
# so a hostile body of one endless word costs linear time.
# The last label of a domain is Latin, so the name ends where the sentence goes on.
SEPARATOR = r"(?:\[\.\]|\.)"
DOMAIN = (rf"(?<![\w.\]-])[\w-]++(?:{SEPARATOR}[\w-]++(?={SEPARATOR}))*+"
          rf"{SEPARATOR}[A-Za-z][A-Za-z0-9-]*+")
KATAKANA_NAME = r"(?<![ァ-ヺー])[ァ-ヺー]++(?:[・･][ァ-ヺー]++)++[A-Za-z0-9Ａ-Ｚａ-ｚ０-９]*+"
LATIN_NAME = (r"(?<![A-Za-z0-9])[A-Za-z0-9]++(?:-[A-Za-z0-9]++)++"
              r"|(?<![A-Za-z])[A-Z][a-z]++[ \u00a0](?:[IVXLC]++|[0-9]++)(?!\w)")
NAMES = re.compile(f"{DOMAIN}|{KATAKANA_NAME}|{LATIN_NAME}")
JAPANESE_NAMES = re.compile(f"{DOMAIN}|{KATAKANA_NAME}|{LATIN_NAME}|{NUMBER.pattern}")
# Names other than domains, held in titles by word joiners.
JOINABLE = {NAMES: re.compile(f"{KATAKANA_NAME}|{LATIN_NAME}"),
            JAPANESE_NAMES: re.compile(f"{KATAKANA_NAME}|{LATIN_NAME}|{NUMBER.pattern}")}
# A domain with the brackets and punctuation a line may not be cut from.
DOMAIN_GROUP = re.compile(f"[「『（［【\u2060]*(?:{DOMAIN})[」』）］】、。，．：；？！\u2060]*")
FULL_WIDTH_SPACE = "\u3000"
# A katakana name with the brackets and punctuation a line may not be cut from.
KATAKANA_GROUP = re.compile(
    f"[「『（［【\u2060]*{KATAKANA_NAME}[」』）］】、。，．：；？！\u2060]*")
# A line may break after these, where a clause ends.
CLAUSE_END = re.compile(r"[：、。！？]")
# Characters a line may not start with (Japanese kinsoku), and may not end with.
NO_LINE_START = set("\u3000、。，．・：；？！ー―‐～〜…‥」』）］｝〕〉》】〙〗”’"
                    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ々〻")
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
    cuts |= {match.end() for match in re.finditer(FULL_WIDTH_SPACE, text)}
    # BudouX gives 第 to the word before it: it belongs to its number.
    for match in re.finditer("第(?=[0-9０-９])", text):
        cuts.discard(match.end())
        cuts.add(match.start())
    whole = spans(NUMBER, text) + spans(LATIN, text) + spans(NAMES, text) + [
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


def joined(name):
    """A name no line breaks inside, as text: a no-break space for a space, and
    a word joiner wherever a browser might otherwise break (a line still breaks
    inside when the name is longer than the line: ``overflow-wrap``)."""
    out = []
    for index, character in enumerate(name):
        previous = name[index - 1] if index else " "
        # No line breaks between two ASCII letters or digits, nor at a space
        # (it becomes a no-break space), nor where a joiner already is.
        between_ascii = (character.isascii() and character.isalnum()
                         and previous.isascii() and previous.isalnum())
        if not between_ascii and " " not in (character, previous) \
                and WORD_JOINER not in (character, out[-1]):
            out.append(WORD_JOINER)
        out.append("\u00a0" if character == " " else character)
    return "".join(out)


GROUP = Markup('<span class="nobreak-group">')


def held(text, names=NAMES):
    """Escaped ``text`` with each name held: a domain, with the brackets and
    punctuation around it, as an inline block (it breaks inside, at a dot
    first, only when longer than the line); other names joined (:func:`joined`)."""
    out, last = [], 0
    for match in DOMAIN_GROUP.finditer(text):
        out += [escape(JOINABLE[names].sub(lambda m: joined(m.group()) if len(m.group()) > 1
                                           else m.group(), text[last:match.start()])),
                GROUP, escape(match.group()), Markup("</span>")]
        last = match.end()
    out.append(escape(JOINABLE[names].sub(
        lambda m: joined(m.group()) if len(m.group()) > 1 else m.group(), text[last:])))
    return Markup("").join(out)


def grouped(phrase):
    """A Japanese phrase with its names held: a 「・」-joined katakana name, with
    the brackets and punctuation around it, is an inline block that may break
    only after its 「・」, and only when it is longer than the line."""
    out, last = [], 0
    for match in KATAKANA_GROUP.finditer(phrase):
        out += [held(phrase[last:match.start()], JAPANESE_NAMES), GROUP,
                Markup("・<wbr>").join(escape(joined(part)) for part in match.group().split("・")),
                Markup("</span>")]
        last = match.end()
    out.append(held(phrase[last:], JAPANESE_NAMES))
    return Markup("").join(out)


def phrase_breaks(text, lang):
    if not text:
        return escape(text)
    # A translated string arrives already escaped: split its text, escape once.
    plain = text.unescape() if isinstance(text, Markup) else str(text)
    if lang != "ja":
        return held(plain)
    halves = plain.split(FULL_WIDTH_SPACE)
    broken = [Markup("<wbr>").join(grouped(phrase) for phrase in phrases(half))
              for half in halves]
    if len(halves) == 1:
        return broken[0]
    # The full-width space is the break: each side stays whole if it fits a line
    # (an inline block), the space ending the first.
    last = len(broken) - 1
    return Markup("<wbr>").join(
        Markup('<span class="nobreak-group">') + half + Markup(FULL_WIDTH_SPACE if i < last else "")
        + Markup("</span>") for i, half in enumerate(broken))


def break_heading(match):
    opening, inner, closing = match.groups()
    # Only text between tags is split, and entities are never cut in two.
    pieces = [
        piece if TAG.fullmatch(piece) else str(phrase_breaks(unescape(piece), "ja"))
        for piece in TAG.split(inner)
    ]
    return opening + "".join(pieces) + closing


def hold_names(html, lang):
    """Names in a body's text held together; text inside a span (a domain
    mention, a heading's names already held) is left as it is."""
    names = JAPANESE_NAMES if lang == "ja" else NAMES
    pieces, depth = [], 0
    for piece in TAG.split(html):
        if TAG.fullmatch(piece):
            if re.match(r"<span\b", piece, re.IGNORECASE):
                depth += 1
            elif re.match(r"</span\s*>", piece, re.IGNORECASE):
                depth = max(0, depth - 1)
            pieces.append(piece)
        elif depth or not piece.strip():
            pieces.append(piece)
        else:
            # Only the names change: the rest of the text keeps its bytes.
            pieces.append(names.sub(
                lambda m: f'<span class="nobreak">{m.group()}</span>' if len(m.group()) > 1
                else m.group(), piece))
    return "".join(pieces)


def break_headings(content):
    # Run as each post is read, before anything renders (and caches) its content.
    if not isinstance(content, Article) or not content._content:
        return
    if content.lang == "ja":
        content._content = HEADING.sub(break_heading, content._content)
    content._content = hold_names(content._content, content.lang)
    # Listings show the summary: its names are held together too.
    summary = content.metadata.get("summary")
    if summary:
        content.metadata["summary"] = hold_names(summary, content.lang)
        if getattr(content, "_summary", None) == summary:
            content._summary = content.metadata["summary"]


def add_filter(generator):
    generator.env.filters["phrases"] = phrase_breaks


def register():
    signals.generator_init.connect(add_filter)
    signals.content_object_init.connect(break_headings)
