"""The page Pagefind indexes for a report, composed here rather than read from
the report's page, so the article template's markup never decides what is
searched or shown in results.

A record holds:

- the indexed text (``data-pagefind-body``): the headline, then the body
  without the furniture a reader does not read as the report's text: figures
  with their labels and captions, images (Pagefind would make their ``alt`` a
  searchable field), line-break hints (``<wbr>``, word joiners, soft hyphens).
  The headline is indexed because Pagefind 1.5 searches metadata but does not
  segment Japanese metadata: a word only in a Japanese headline would not be
  found. ``search.js`` reads excerpts from the body alone;
- the title as metadata (what a result shows as its headline) and, for
  Japanese, the title's phrases (``phrases``: the phrases joined by U+200B,
  with the word joiners that hold names together) so a result's headline
  breaks as every other Japanese headline does;
- ``date`` (ISO), ``category`` (the label in the record's language), ``series``
  and ``part`` as metadata, for what a result shows and how ties are ordered;
- the filters ``category`` and ``year``.
"""

from html import escape

from selectolax.lexbor import LexborHTMLParser
from site_model.catalogs import translations_for

# What a reader does not read as the report's text.
FURNITURE = ("figure, img, picture, svg, video, audio, iframe, object, embed, script, style, "
             "template, noscript, [hidden], [data-pagefind-ignore], .print-only")
# Characters that only tell a browser where a line may (not) break.
LINE_HINTS = dict.fromkeys(map(ord, "\u2060\u00ad\u200b"))
PHRASE_BREAK = "\u200b"


def body_text_html(html):
    """The report's body as Pagefind should read it: its text and headings."""
    tree = LexborHTMLParser(f"<body>{html}</body>")
    for node in tree.css(FURNITURE):
        node.decompose()
    for node in tree.css("wbr"):
        node.decompose()
    return (tree.body.inner_html or "").translate(LINE_HINTS)


def category_labels(settings):
    """A function giving a report's category label in the report's language;
    each catalog is read once per build."""
    catalogs = {}

    def label(report):
        slug = getattr(report.category, "slug", "") if report.category else ""
        msgid = settings.get("CATEGORIES", {}).get(slug)
        if msgid is None:
            return getattr(report.category, "name", "") or ""
        if report.lang not in catalogs:
            catalogs[report.lang] = translations_for(settings, report.lang)
        return catalogs[report.lang].gettext(msgid)

    return label


def facts(report, label):
    """What a result shows and sorts by, besides its text: cheap, so it also
    stands for the record in the shard's digest."""
    metadata = report.metadata
    return {
        "url": f"/{report.url}",
        "lang": report.lang,
        "title": str(report.title).translate(LINE_HINTS),
        "date": report.date.strftime("%Y-%m-%d"),
        "category": label(report),
        "series": str(metadata.get("series", "") or ""),
        "part": str(metadata.get("part", "") or ""),
    }


def phrased(title, phrase_breaks):
    """The title's phrases joined by U+200B, from the ``phrases`` template filter
    (HTML with ``<wbr>``), as plain text."""
    # A name's 「・」 is a break of last resort on a page (an inline block); in a
    # result it stays joined.
    html = str(phrase_breaks(title, "ja")).replace("・<wbr>", "・\u2060")
    html = html.replace("<wbr>", PHRASE_BREAK)
    return LexborHTMLParser(f"<body>{html}</body>").body.text(deep=True)


def record_html(known, body, phrase_breaks=None):
    """The HTML page handed to Pagefind for one report."""
    def e(text):  # one letter keeps the markup below readable
        return escape(text, quote=True)

    category = e(known["category"])
    meta = [
        f'<h1 data-pagefind-meta="title">{e(known["title"])}</h1>',
        f'<p data-pagefind-meta="date">{e(known["date"])}</p>',
        f'<p data-pagefind-meta="category" data-pagefind-filter="category">{category}</p>',
        f'<p data-pagefind-filter="year">{e(known["date"][:4])}</p>',
    ]
    if known["series"] and known["part"]:
        meta.append(f'<p data-pagefind-meta="series">{e(known["series"])}</p>')
        meta.append(f'<p data-pagefind-meta="part">{e(known["part"])}</p>')
    if known["lang"] == "ja" and phrase_breaks is not None:
        phrases = e(phrased(known["title"], phrase_breaks))
        meta.append(f'<p data-pagefind-meta="phrases">{phrases}</p>')
    return (
        f'<!DOCTYPE html><html lang="{e(known["lang"])}"><head><meta charset="utf-8">'
        f"<title>{e(known['title'])}</title></head><body>{''.join(meta)}"
        f'<div data-pagefind-body><h1>{e(known["title"])}</h1>{body_text_html(body)}</div>'
        "</body></html>"
    )
