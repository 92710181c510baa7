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
from site_model.listings import every_article
from site_model.translation_of import content_hash, original_of, parse


@dataclass(frozen=True)
class StaleNotice:
    original: object
    updated: object


def hash_of(original):
    """The original's content hash, kept on it: a long-lived preview keeps a
    post only while its file is unchanged, so it is read once, not every build."""
    remembered = getattr(original, "_memo_content_hash", None)
    if remembered is None:
        remembered = original._memo_content_hash = content_hash(Path(original.source_path))
    return remembered


def mark_stale(generator):
    for article in every_article(generator):
        original = original_of(article)
        if original is None:
            continue
        if hash_of(original) != parse(article.metadata["translation-of"])[1]:
            updated = getattr(original, "modified", None) or original.date
            article.stale_translation = StaleNotice(original, updated)


def register():
    signals.article_generator_finalized.connect(mark_stale)
