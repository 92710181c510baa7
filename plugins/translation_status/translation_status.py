"""Tell readers when a translation has fallen behind its original.

A translation records its source in ``Translation-Of: LANG HASH`` (written by
``make translate``), where HASH fingerprints the original's title, summary and
body when the translation was made. When the original has changed since, the
translation is stale.

Adds ``article.stale_translation`` to such translations: a
:class:`StaleNotice` with the ``original`` article and the date it was
``updated`` (when readers last saw it change: the Site's modified date, which
counts its notes). The article template
shows a dated notice in the translation's language, linking to the original.
``make translation-status`` lists every post's translations.
"""

from dataclasses import dataclass

from pelican import signals
from site_model.site import site_of
from site_model.translation_of import parse

# What this plugin adds (for templates, Pelican and readers), and what it reads
# that another plugin adds, each at the stage where it happens: held to the order
# of PLUGINS by tests/plugins/test_plugin_contracts.py.
PROVIDES = {"article.stale_translation": "all_generators_finalized"}
READS = {}


@dataclass(frozen=True)
class StaleNotice:
    original: object
    updated: object


def mark_stale(generators):
    """Set ``stale_translation`` on every article, every build: the notice, or None."""
    site = site_of(generators[0].context)
    for article in site.articles:
        article.stale_translation = None
        original = site.facts(article).original
        if original is None:
            continue
        if site.content_hash(original) != parse(article.metadata["translation-of"])[1]:
            article.stale_translation = StaleNotice(original, site.facts(original).modified)


def register():
    signals.all_generators_finalized.connect(mark_stale)
