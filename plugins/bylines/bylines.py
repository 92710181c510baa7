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

from datetime import datetime
from zoneinfo import ZoneInfo

from pelican import signals
from pelican.generators import Generator
from site_model.authors import Author, author_keys, author_name, author_url, authors_of
from site_model.listings import (
    by_language,
    every_article,
    linked_listings,
    newest_first,
    with_translations,
)
from site_model.notes import NoteError, parse_note
from site_model.translation_of import original_of

PROVIDES = frozenset({"article.byline", "article.updated", "context.author_entry"})
READS = frozenset()

# Notes that change what a report says; an editor's note only adds context.
DATING_KINDS = ("correction", "update")


def note_days(article):
    value = article.metadata.get("note", [])
    days = []
    for line in [value] if isinstance(value, str) else value:
        try:
            note = parse_note(line)
        except NoteError:
            continue
        if note.kind in DATING_KINDS:
            days.append(note.day)
    return days


def updated(article, timezone):
    """The day of the newest correction or update after publication, or None."""
    original = original_of(article)
    days = note_days(article) + (note_days(original) if original is not None else [])
    newest = max(days, default=None)
    if newest is None or newest <= article.date.date():
        return None
    return datetime(newest.year, newest.month, newest.day, tzinfo=timezone)


def add_bylines(generator):
    timezone = ZoneInfo(generator.settings["TIMEZONE"])
    for article in every_article(generator):
        article.byline = authors_of(article, generator.settings)
        article.updated = updated(article, timezone)


class AuthorPagesGenerator(Generator):
    def generate_output(self, writer):
        articles = by_language(
            self.settings, with_translations(self.context.get("articles", [])), newest_first)
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
    signals.article_generator_finalized.connect(add_bylines)
    signals.get_generators.connect(get_generators)
