"""Bylines: who wrote a report, when it was published and when it was last
corrected or updated, and a page per author in every language.

Posts name their authors with ``Authors: KEY, KEY``; the ``AUTHORS`` setting
gives each key's name per language (:mod:`site_model.authors`). A report's
"Updated" date is the newest correction or update among its own ``Note:``
lines and, on a translation, its original's (editor's notes do not change the
report, so they do not date it).

Adds:
- ``article.byline``: :class:`site_model.authors.Author` entries in the post's
  language (``name``, ``url``), empty when the post names none;
- ``article.updated``: the date of the newest correction or update after
  publication, or None;
- per language an author page, ``authors/{key}/`` and ``{lang}/authors/{key}/``
  (template ``author``), for every author with a report in that language, with
  ``author_entry`` (an ``Author``) and ``articles`` (newest first).

Settings read: ``AUTHORS``, ``TIMEZONE``, ``SITE_LANGUAGES``, ``DEFAULT_LANG``.
"""

from pelican import signals
from pelican.generators import Generator
from site_model.authors import Author, author_keys, author_name, author_url, authors_of
from site_model.listings import linked_listings
from site_model.site import site_of

PROVIDES = {"article.byline": "all_generators_finalized",
            "article.updated": "all_generators_finalized"}
READS = {}

# Notes that change what a report says; an editor's note only adds context.
DATING_KINDS = ("correction", "update")


def updated(facts, published):
    """When the newest correction or update after publication was made (its own
    or its original's, from the Site), or None: editor's notes change nothing."""
    dates = [note.date for note in (*facts.notes, *facts.untranslated_notes)
             if note.kind in DATING_KINDS]
    newest = max(dates, default=None)
    return newest if newest is not None and newest.date() > published.date() else None


def add_bylines(generators):
    """Set ``byline`` and ``updated`` on every article, every build, from the Site."""
    site = site_of(generators[0].context)
    settings = generators[0].settings
    for article in site.articles:
        article.byline = authors_of(article, settings)
        article.updated = updated(site.facts(article), article.date)


class AuthorPagesGenerator(Generator):
    def generate_output(self, writer):
        articles = site_of(self.context).articles_by_lang
        for key in self.settings.get("AUTHORS", {}):
            theirs = {lang: [a for a in items if key in author_keys(a.metadata.get("authors"))]
                      for lang, items in articles.items()}
            theirs = {lang: items for lang, items in theirs.items() if items}
            listings = linked_listings(
                self.settings, "author",
                {lang: author_url(self.settings, lang, key) for lang in theirs})
            for lang, items in theirs.items():
                entry = Author(key, author_name(self.settings, key, lang),
                               author_url(self.settings, lang, key))
                writer.write_file(
                    f"{entry.url}index.html", self.get_template("author"), self.context,
                    url=entry.url, listing=listings[lang], author_entry=entry, articles=items,
                )


def get_generators(pelican):
    return AuthorPagesGenerator


def register():
    signals.all_generators_finalized.connect(add_bylines)
    signals.get_generators.connect(get_generators)
