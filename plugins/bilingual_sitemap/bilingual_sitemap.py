"""``sitemap.xml`` with every page's language versions, and ``robots.txt``.

Every HTML page written (articles, pages, listings; not 404 pages, drafts or
redirects) becomes a ``<url>`` with ``xhtml:link rel="alternate" hreflang``
for each language version, read from the page's ``language_links``. Entries
are sorted and carry no build time, so the same content gives the same bytes.
``robots.txt`` names the sitemap.

Adds nothing to the template context. Settings read: ``SITEURL`` (or
``FEED_DOMAIN`` in preview, where ``SITEURL`` is empty), ``OUTPUT_PATH``.
"""

from pathlib import Path
from xml.sax.saxutils import quoteattr

from language_sites.language_sites import page_url, site_root
from pelican import signals

# One build at a time fills this; it is emptied when the build starts and ends.
_pages = {}

XMLNS = (
    'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
    'xmlns:xhtml="http://www.w3.org/1999/xhtml"'
)


def start(pelican):
    _pages.clear()


def remember(path, context):
    here = context.get("article") or context.get("page") or context.get("listing")
    links = getattr(here, "language_links", None)
    paginated = context.get("articles_page")
    if links is None or getattr(here, "status", "published") != "published":
        return
    if getattr(here, "kind", None) == "404":
        return
    url = page_url(context["output_file"])
    alternates = links.alternates if not paginated or paginated.number == 1 else []
    modified = getattr(here, "modified", None) or getattr(here, "date", None)
    _pages[url] = (alternates, modified)


def render(root, pages):
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', f"<urlset {XMLNS}>"]
    for url in sorted(pages):
        alternates, modified = pages[url]
        lines.append(f"  <url><loc>{root}/{url}</loc>")
        if modified:
            lines.append(f"    <lastmod>{modified.date().isoformat()}</lastmod>")
        for hreflang, target in alternates:
            href = quoteattr(f"{root}/{target}")
            lines.append(f'    <xhtml:link rel="alternate" hreflang="{hreflang}" href={href}/>')
        lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def write(pelican):
    root = site_root(pelican.settings)
    output = Path(pelican.settings["OUTPUT_PATH"])
    (output / "sitemap.xml").write_text(render(root, _pages), encoding="utf-8")
    (output / "robots.txt").write_text(
        f"User-agent: *\nAllow: /\n\nSitemap: {root}/sitemap.xml\n", encoding="utf-8"
    )
    _pages.clear()


def register():
    signals.initialized.connect(start)
    signals.content_written.connect(remember)
    signals.finalized.connect(write)
