"""``sitemap.xml`` with every page's language versions, and ``robots.txt``.

Every published HTML page written (articles, pages, listings; not 404 pages,
drafts or redirects) becomes a ``<url>`` with ``xhtml:link rel="alternate"
hreflang`` for each language version, read from the page's
``language_links``. Entries are sorted and carry no build time, so the same
content gives the same bytes. ``robots.txt`` names the sitemap.

The pages are collected as they are written, in the build's own context, and
the files are written by a generator that must come after every generator
that writes pages (``PLUGINS`` order; a test holds the sitemap to the pages).

Adds nothing to the template context. Settings read: ``SITEURL`` (or
``FEED_DOMAIN`` in preview, where ``SITEURL`` is empty).
"""

from xml.sax.saxutils import quoteattr

from pelican import signals
from pelican.generators import Generator
from site_model.languages import links_for
from site_model.output import write_text
from site_model.site import site_of
from site_model.urls import page_url, site_root

# What this plugin adds (for templates, Pelican and readers), and what it reads
# that another plugin adds, each at the stage where it happens: held to the order
# of PLUGINS by tests/plugins/test_plugin_contracts.py.
PROVIDES = {}
READS = {}

XMLNS = (
    'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
    'xmlns:xhtml="http://www.w3.org/1999/xhtml"'
)
ENTRIES = "_sitemap_entries"


def remember(path, context):
    entries = context.get(ENTRIES)
    post = context.get("article") or context.get("page")
    if entries is None or getattr(post, "status", "published") != "published":
        return
    if post is not None:
        # A post's versions and dates are the Site's; a listing brings its own links.
        site = site_of(context)
        facts = site.facts(post)
        links = links_for(context, post.lang, {lang: v.url for lang, v in facts.versions.items()})
        modified = facts.modified
    else:
        listing = context.get("listing")
        if listing is None or listing.kind in ("404", "redirect"):
            return
        links, modified = listing.language_links, None
    paginated = context.get("articles_page")
    alternates = links.alternates if not paginated or paginated.number == 1 else []
    entries[page_url(context["output_file"])] = (alternates, modified)


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


class SitemapGenerator(Generator):
    def generate_context(self):
        self.context[ENTRIES] = {}

    def generate_output(self, writer):
        root = site_root(self.settings)
        write_text(writer, "sitemap.xml", render(root, self.context[ENTRIES]))
        robots = f"User-agent: *\nAllow: /\n\nSitemap: {root}/sitemap.xml\n"
        write_text(writer, "robots.txt", robots)


def get_generators(pelican):
    return SitemapGenerator


def register():
    signals.content_written.connect(remember)
    signals.get_generators.connect(get_generators)
