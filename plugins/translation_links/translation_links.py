"""Link every article and page to its versions in the other languages.

Adds ``language_links`` (a :class:`site_model.languages.LanguageLinks`) to
every article, page and draft. Templates read from it:
- ``alternates``: ``(hreflang, url)`` for every language version plus
  ``x-default``, for ``<link rel="alternate" hreflang>``;
- ``switches``: one entry per other language: its ``url`` (the translation, or
  that language's home page when there is none), its ``name`` and whether it
  ``is_translation``, so the switch never leads to a missing page.

Pelican groups translations by slug; this plugin only reads those groups.
Settings read: ``SITE_LANGUAGES``, ``DEFAULT_LANG``.
"""

from pelican import signals
from site_model.languages import links_for
from site_model.listings import every_article

# What this plugin adds (for templates, Pelican and readers), and what it reads
# that another plugin adds, each at the stage where it happens: held to the order
# of PLUGINS by tests/plugins/test_plugin_contracts.py.
PROVIDES = {"article.language_links": "article_generator_finalized",
            "page.language_links": "page_generator_finalized"}
READS = {}


def link_content(content, settings):
    versions = {other.lang: other.url for other in content.translations}
    versions[content.lang] = content.url
    content.language_links = links_for(settings, content.lang, versions)


def link_articles(generator):
    for article in every_article(generator):
        link_content(article, generator.settings)


def link_pages(generator):
    for page in (
        *generator.pages,
        *generator.translations,
        *generator.hidden_pages,
        *generator.hidden_translations,
        *generator.draft_pages,
        *generator.draft_translations,
    ):
        link_content(page, generator.settings)


def register():
    signals.article_generator_finalized.connect(link_articles)
    signals.page_generator_finalized.connect(link_pages)
