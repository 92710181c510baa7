"""Name rogue domains in reports without ever linking to them.

Editors write ``[[bestkenko.com]]``; readers see ``bestkenko[.]com`` in a
``<span class="domain">``: styled, copyable, never an ``<a>``, in articles,
summaries, feeds and the search index alike.

Adds:
- the Markdown syntax above;
- ``rel="noopener noreferrer"`` on every link to another site, plus
  ``nofollow`` when the site is one we report on (any domain mentioned with
  the syntax anywhere in the content);
- ``site_paths[lang]["domains"]``, and per language a ``domains/`` page
  (template ``domains``, with ``domains``: :class:`DomainEntry` objects with
  the reports naming each domain and the first and last mention dates).

The content check fails a plain link or bare URL to a domain in the index.
Settings read: ``PATH``, ``ARTICLE_PATHS``, ``SITE_LANGUAGES``, ``DEFAULT_LANG``.
"""

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from language_sites.language_sites import listing_in_every_language, newest_first
from pelican import signals
from pelican.contents import Article, Page
from pelican.generators import Generator

from .syntax import DomainMentionExtension, defang, mentions_in, normalise

EXTERNAL_LINK = re.compile(r'<a\s+([^>]*?)href="(https?://[^"]+)"([^>]*)>', re.IGNORECASE)


def mentioned_domains(settings):
    """Every domain named with [[...]] anywhere in the posts."""
    found = set()
    for folder in settings["ARTICLE_PATHS"]:
        for path in Path(settings["PATH"], folder).rglob("*.md"):
            found.update(mentions_in(path.read_text(encoding="utf-8", errors="replace")))
    return found


def add_syntax(pelican):
    pelican.settings["MENTIONED_DOMAINS"] = mentioned_domains(pelican.settings)
    extensions = pelican.settings["MARKDOWN"].setdefault("extensions", [])
    if not any(isinstance(e, DomainMentionExtension) for e in extensions):
        extensions.append(DomainMentionExtension())


def host_of(url):
    return normalise(urlsplit(url).hostname or "")


def protect_link(match, reported):
    before, url, after = match.groups()
    attributes = re.sub(r'\s*rel="[^"]*"', "", before + after).strip()
    rel = "noopener noreferrer"
    host = host_of(url)
    if any(host == d or host.endswith("." + d) for d in reported):
        rel = "nofollow noopener noreferrer"
    spacer = " " if attributes else ""
    return f'<a href="{url}" rel="{rel}"{spacer}{attributes}>'


def protect_links(content):
    if isinstance(content, Article | Page) and content._content:
        reported = content.settings.get("MENTIONED_DOMAINS", set())
        content._content = EXTERNAL_LINK.sub(lambda m: protect_link(m, reported), content._content)


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


def domain_index(articles):
    reports = defaultdict(list)
    for article in articles:
        for domain in dict.fromkeys(re.findall(r'data-domain="([^"]+)"', article.content)):
            reports[domain].append(article)
    return [DomainEntry(domain, newest_first(found)) for domain, found in sorted(reports.items())]


class DomainPagesGenerator(Generator):
    def generate_context(self):
        for paths in self.context["site_paths"].values():
            paths["domains"] = f"{paths['home']}domains/"

    def generate_output(self, writer):
        everything = [a for articles in self.context["articles_by_lang"].values() for a in articles]
        entries = domain_index(everything)
        for listing in listing_in_every_language(self.settings, "domains", "domains/").values():
            writer.write_file(
                f"{listing.url}index.html", self.get_template("domains"), self.context,
                listing=listing, domains=entries,
            )


def get_generators(pelican):
    return DomainPagesGenerator


def register():
    signals.initialized.connect(add_syntax)
    signals.content_object_init.connect(protect_links)
    signals.get_generators.connect(get_generators)
