"""Japanese headings that wrap between phrases, never inside a word.

Japanese has no spaces, so browsers may break a title anywhere. BudouX (PyPI
``budoux``) finds the phrase boundaries at build time; this plugin marks them
with ``<wbr>``, and the stylesheet keeps the rest together
(``word-break: keep-all``, or ``auto-phrase`` where the browser has it).

Adds the Jinja filter ``phrases`` (``{{ item.title|phrases(item.lang) }}``:
escaped text with ``<wbr>`` between Japanese phrases) and inserts ``<wbr>``
into the ``<h2>``-``<h4>`` headings of Japanese articles. Reads no settings.
"""

import re
from functools import cache, lru_cache
from html import unescape

import budoux
from markupsafe import Markup, escape
from pelican import signals
from pelican.contents import Article

HEADING = re.compile(r"(<h[2-4][^>]*>)(.*?)(</h[2-4]>)", re.S)
TAG = re.compile(r"(<[^>]+>)")


@cache
def parser():
    return budoux.load_default_japanese_parser()


@lru_cache(maxsize=4096)  # listings show the same titles on many pages
def phrase_breaks(text, lang):
    if lang != "ja" or not text:
        return escape(text)
    return Markup("<wbr>").join(escape(phrase) for phrase in parser().parse(str(text)))


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
