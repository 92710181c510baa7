"""Name rogue domains in reports without ever linking to them.

Editors write ``[[bestkenko.com]]``; readers see ``bestkenko[.]com`` in a
``<span class="domain">``: styled, copyable, never an ``<a>``, in articles,
summaries, feeds and the search index alike. In a title (plain text) the
domain is shown defanged.

Adds:
- the Markdown syntax above, and its defanged form in titles;
- ``rel="noopener noreferrer"`` on every link to another site;
- per language a ``domains/`` page (template ``domains``, with ``domains``:
  :class:`DomainEntry` objects with the reports naming each domain and the
  first and last mention dates).

A link to a domain our reports name, in any form of URL, fails the build (the
content check names the line; the output gate holds the built pages to it).
Settings read: ``SITE_LANGUAGES``, ``DEFAULT_LANG``.
"""

import re
from collections import defaultdict
from dataclasses import dataclass

from pelican import signals
from pelican.contents import Article, Page
from pelican.generators import Generator
from site_model.domains import defang, defang_mentions
from site_model.listings import listing_in_every_language, newest_first
from site_model.site import site_of

from .markdown_syntax import DomainMentionExtension

# What this plugin adds (for templates, Pelican and readers), and what it reads
# that another plugin adds, each at the stage where it happens: held to the order
# of PLUGINS by tests/plugins/test_plugin_contracts.py.
PROVIDES = {"article.content": "content_object_init", "article.title": "content_object_init"}
READS = {}

EXTERNAL_LINK = re.compile(r'<a\s+([^>]*?)href="(https?://[^"]+)"([^>]*)>', re.IGNORECASE)


def add_syntax(pelican):
    extensions = pelican.settings["MARKDOWN"].setdefault("extensions", [])
    if not any(isinstance(e, DomainMentionExtension) for e in extensions):
        extensions.append(DomainMentionExtension())


def protect_link(match):
    before, url, after = match.groups()
    attributes = re.sub(r'\s*rel="[^"]*"', "", before + after).strip()
    spacer = " " if attributes else ""
    return f'<a href="{url}" rel="noopener noreferrer"{spacer}{attributes}>'


def protect_content(content):
    if not isinstance(content, Article | Page):
        return
    if content._content:
        content._content = EXTERNAL_LINK.sub(protect_link, content._content)
    # Titles are text: a domain in one is shown defanged, never as "[[...]]".
    if "[[" in getattr(content, "title", ""):
        content.title = defang_mentions(content.title)
        content.metadata["title"] = content.title


@dataclass(frozen=True)
class DomainEntry:
    domain: str
    reports: list  # newest first

    @property
    def defanged(self):
        return defang(self.domain)

    @property
    def first_mention(self):
        return self.reports[-1].date

    @property
    def last_mention(self):
        return self.reports[0].date


def domain_index(site, articles):
    reports = defaultdict(list)
    for article in articles:
        for domain in site.facts(article).domains:
            reports[domain].append(article)
    return [DomainEntry(domain, newest_first(found)) for domain, found in sorted(reports.items())]


class DomainPagesGenerator(Generator):
    def generate_output(self, writer):
        site = site_of(self.context)
        everything = [a for articles in site.articles_by_lang.values() for a in articles]
        entries = domain_index(site, everything)
        for listing in listing_in_every_language(self.settings, "domains", "domains/").values():
            writer.write_file(
                f"{listing.url}index.html", self.get_template("domains"), self.context,
                listing=listing, domains=entries,
            )


def get_generators(pelican):
    return DomainPagesGenerator


def register():
    signals.initialized.connect(add_syntax)
    signals.content_object_init.connect(protect_content)
    signals.get_generators.connect(get_generators)
