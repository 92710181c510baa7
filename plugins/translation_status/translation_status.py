"""Tell readers when a translation has fallen behind its original.

A translation records its source in ``Translation-Of: LANG HASH`` (written by
``make translate``), where HASH fingerprints the original's title, summary and
body when the translation was made. When the original has changed since, the
translation is stale.

Adds ``article.stale_translation`` to such translations: a
:class:`StaleNotice` with the ``original`` article and the date it was
``updated`` (its ``Modified`` date, else its ``Date``). The article template
shows a dated notice in the translation's language, linking to the original.
``make translation-status`` lists every post's translations.
"""

from dataclasses import dataclass
from pathlib import Path

from pelican import signals
from site_model.translation_of import content_hash, parse


@dataclass(frozen=True)
class StaleNotice:
    original: object
    updated: object


def mark_stale(generator):
    for article in (*generator.articles, *generator.translations, *generator.drafts):
        recorded = parse(article.metadata.get("translation-of"))
        if recorded is None:
            continue
        lang, digest = recorded
        original = next((t for t in article.translations if t.lang == lang), None)
        if original is None:
            continue
        if content_hash(Path(original.source_path)) != digest:
            updated = getattr(original, "modified", None) or original.date
            article.stale_translation = StaleNotice(original, updated)


def register():
    signals.article_generator_finalized.connect(mark_stale)
