"""English typography: curly quotes, and names that never break across lines.

Bodies and summaries get curly quotes, apostrophes and dashes from
Python-Markdown's ``smarty`` extension (in ``MARKDOWN``); this plugin gives
titles the same rule, and keeps whole what a reader reads as one name:

- a word and its numeral: "Part V", "Part 4", "Pangea IX" (a no-break space);
- a name whose hyphens join digits or single letters: "Chemist-4-U", "COVID-19"
  (a word joiner after each hyphen in text; a ``name-whole`` span in titles).

Adds:
- the Markdown postprocessor ``name_join`` (text of bodies and summaries);
- curly quotes in ``article.title`` / ``page.title`` of English content, as
  Pelican gives it to every other plugin (feeds, JSON-LD and search alike);
- the Jinja filters ``unbroken`` (``{{ title|phrases(lang)|unbroken(lang) }}``:
  names kept whole in an English title; other languages unchanged) and
  ``typeset`` (curly quotes and whole names in escaped text such as notes).

Settings read: ``TYPOGRAPHY_LANGUAGES`` (default ``("en",)``), ``MARKDOWN``.
"""

import re
from html import unescape

from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor
from markupsafe import Markup, escape
from pelican import signals

PROVIDES = {"article.title": "content_object_init", "jinja.unbroken": "generator_init",
            "jinja.typeset": "generator_init"}
READS = {}

DEFAULTS = {"TYPOGRAPHY_LANGUAGES": ("en",)}
NBSP, WORD_JOINER = "\u00a0", "\u2060"
TAG = re.compile(r"(<[^>]+>)")
# Inside these, text is code, or a defanged domain readers copy: left as written.
RAW = re.compile(r"<(code|pre|kbd|samp|script|style)\b|<(span)\b[^>]*\bclass=\"domain\"",
                 re.IGNORECASE)
OPENING = re.compile(r"<([a-z][a-z0-9]*)\b", re.IGNORECASE)
CLOSING = re.compile(r"</([a-z][a-z0-9]*)\s*>", re.IGNORECASE)
# "Part V", "Part 4", "Parts II", "Pangea IX": a capitalised word and its numeral.
NUMBERED = re.compile(
    r"\b(?:(Parts?|No\.) (?=(?:[IVXL]{1,6}|[0-9]{1,3})\b)|([A-Z][a-z]+) (?=[IVXL]{2,6}\b))")
# "Chemist-4-U", "COVID-19": a hyphen next to a digit or a single letter.
HYPHENATED = re.compile(r"\b[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+\b")
OPENING_CONTEXT = re.compile(r"(^|[\s(\[{\u2014\u2013-])$")


def settings_of(settings):
    return {key: settings.get(key, default) for key, default in DEFAULTS.items()}


def is_name(token):
    return any(part.isdigit() or len(part) == 1 for part in token.split("-"))


def join_names(text, hyphen_joiner=WORD_JOINER):
    """Plain text in which numbered and hyphenated names cannot break."""
    text = NUMBERED.sub(lambda m: (m[1] or m[2]) + NBSP, text)
    return HYPHENATED.sub(
        lambda m: m[0].replace("-", "-" + hyphen_joiner) if is_name(m[0]) else m[0], text)


def smart_quotes(text, before=""):
    """Straight quotes as curly ones: "Premium Members" -> “Premium Members”."""
    out = []
    for index, char in enumerate(text):
        previous = (before + text[:index])[-1:]
        if char == '"':
            out.append("\u201c" if OPENING_CONTEXT.search(previous) else "\u201d")
        elif char == "'":
            following = text[index + 1:index + 2]
            opening = OPENING_CONTEXT.search(previous) and not following.isdigit()
            out.append("\u2018" if opening and following.strip() else "\u2019")
        else:
            out.append(char)
    return "".join(out)


def text_pieces(html):
    """(piece, is_text) of HTML: text outside tags, code and domains marked True."""
    raw, depth = None, 0  # the raw element we are in, and how deep in its own kind
    for piece in TAG.split(html):
        if not TAG.fullmatch(piece):
            yield piece, raw is None
            continue
        if raw is None:
            match = RAW.match(piece)
            if match:
                raw, depth = (match[1] or match[2]).lower(), 1
        elif (opened := OPENING.match(piece)) and opened[1].lower() == raw:
            depth += 1
        elif (closed := CLOSING.match(piece)) and closed[1].lower() == raw:
            depth -= 1
            if depth == 0:
                raw = None
        yield piece, False


class NameJoin(Postprocessor):
    def run(self, text):
        # "&nbsp;" as the HTML sanitiser writes it, so that sanitised text reads the same.
        return "".join(join_names(piece).replace(NBSP, "&nbsp;") if is_text else piece
                       for piece, is_text in text_pieces(text))


class NameJoinExtension(Extension):
    def extendMarkdown(self, md):
        md.postprocessors.register(NameJoin(md), "name_join", 5)


def add_syntax(pelican):
    extensions = pelican.settings["MARKDOWN"].setdefault("extensions", [])
    if not any(isinstance(e, NameJoinExtension) for e in extensions):
        extensions.append(NameJoinExtension())


def curl_title(content):
    languages = settings_of(content.settings)["TYPOGRAPHY_LANGUAGES"]
    title = getattr(content, "title", None)
    if content.metadata.get("lang", getattr(content, "lang", None)) in languages and title:
        content.title = smart_quotes(title)
        content.metadata["title"] = content.title


def unbroken(text, lang="en"):
    """A title (escaped, or Markup from ``phrases``) with its names kept whole."""
    if lang != "en":
        return text
    html = str(text) if isinstance(text, Markup) else str(escape(text))

    def whole(match):
        return f'<span class="name-whole">{match[0]}</span>' if is_name(match[0]) else match[0]

    pieces = []
    for piece, is_text in text_pieces(html):
        if is_text:
            piece = NUMBERED.sub(lambda m: (m[1] or m[2]) + "&nbsp;", piece)
            piece = HYPHENATED.sub(whole, piece)
        pieces.append(piece)
    return Markup("".join(pieces))


def typeset(text):
    """Escaped text that Markdown never saw (a note) set as bodies are: curly
    quotes, names kept whole; tags and attributes untouched."""
    html = str(text) if isinstance(text, Markup) else str(escape(text))
    pieces, before = [], ""
    for piece, is_text in text_pieces(html):
        if is_text:
            plain = smart_quotes(unescape(piece), before)
            before = plain[-1:] or before
            piece = str(escape(join_names(plain)))
        pieces.append(piece)
    return Markup("".join(pieces))


def add_filters(generator):
    generator.env.filters["unbroken"] = unbroken
    generator.env.filters["typeset"] = typeset


def register():
    signals.initialized.connect(add_syntax)
    signals.content_object_init.connect(curl_title)
    signals.generator_init.connect(add_filters)
