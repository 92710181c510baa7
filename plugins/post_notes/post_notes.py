"""Notes after publication: editor's notes, updates and corrections.

Editors add one ``Note:`` line per note to a post's header::

    Note: 2016-09-12 | correction | What was wrong, and what is right.

Adds:
- ``article.notes``: :class:`Note` objects (``date``, ``kind``, ``label``
  msgid, ``text``, ``anchor``), newest first, shown at the top of the report;
- ``article.modified``: moved to the newest note's date when that is later, so
  ``dateModified`` in JSON-LD and the feed's ``updated`` follow corrections;
- ``article.version_notes``: ``(version, note)`` for notes carried by the same
  report in other languages, each with a ``mirror`` sentence msgid, so a
  Japanese reader learns that the English original was corrected;
- ``site_paths[lang]["corrections"]``, and per language a ``corrections/`` page (template ``corrections``, with
  ``all_notes``) listing every note on the site, newest first, and its Atom
  feed.

Note kinds and their labels are in ``NOTE_KINDS``. The content check validates
the lines. Settings read: ``TIMEZONE``, ``SITE_LANGUAGES``, ``DEFAULT_LANG``.
"""

from dataclasses import dataclass
from html import escape
from datetime import datetime
from zoneinfo import ZoneInfo

from localised_interface.localised_interface import translations_for
from language_sites.language_sites import listing_in_every_language, write_feed
from pelican import signals
from pelican.generators import Generator


def N_(message):
    return message


# kind -> (label, sentence shown on the other language versions)
NOTE_KINDS = {
    "correction": (
        N_("Correction"),
        N_("The %(language)s version of this report carries a correction dated %(date)s."),
    ),
    "update": (
        N_("Update"),
        N_("The %(language)s version of this report carries an update dated %(date)s."),
    ),
    "editors-note": (
        N_("Editor's note"),
        N_("The %(language)s version of this report carries an editor's note dated %(date)s."),
    ),
}


@dataclass(frozen=True)
class Note:
    date: datetime
    kind: str
    text: str
    article: object

    @property
    def label(self):
        return NOTE_KINDS[self.kind][0]

    @property
    def mirror(self):
        return NOTE_KINDS[self.kind][1]

    @property
    def anchor(self):
        return f"note-{self.date:%Y-%m-%d}-{self.kind}"

    @property
    def url(self):
        return f"{self.article.url}#{self.anchor}"


def note_lines(article):
    value = article.metadata.get("note", [])
    return [value] if isinstance(value, str) else list(value)


def parse_note(line, article, timezone):
    """``2016-09-12 | correction | text`` -> Note (the content check vouches for it)."""
    day, kind, text = (part.strip() for part in line.split("|", 2))
    date = datetime.fromisoformat(day)
    if date.tzinfo is None:
        date = date.replace(tzinfo=timezone)
    return Note(date, kind, text, article)


def attach_notes(generator):
    timezone = ZoneInfo(generator.settings["TIMEZONE"])
    articles = (*generator.articles, *generator.translations, *generator.drafts)
    for article in articles:
        notes = [parse_note(line, article, timezone) for line in note_lines(article)]
        article.notes = sorted(notes, key=lambda n: (n.date, n.kind), reverse=True)
        if notes:
            newest = article.notes[0].date
            if newest > (getattr(article, "modified", None) or article.date):
                article.modified = newest
                article.metadata["modified"] = newest
    for article in articles:
        article.version_notes = [
            note for version in article.translations for note in getattr(version, "notes", [])
        ]


class CorrectionsGenerator(Generator):
    def generate_context(self):
        for paths in self.context["site_paths"].values():
            paths["corrections"] = f"{paths['home']}corrections/"

    def generate_output(self, writer):
        everything = [
            note
            for articles in self.context["articles_by_lang"].values()
            for article in articles
            for note in article.notes
        ]
        everything.sort(key=lambda n: (n.date, n.article.url), reverse=True)
        listings = listing_in_every_language(self.settings, "corrections", "corrections/")
        for lang, listing in listings.items():
            feed = f"{listing.url}feed.atom.xml"
            writer.write_file(
                f"{listing.url}index.html", self.get_template("corrections"), self.context,
                listing=listing, all_notes=everything, corrections_feed=feed,
            )
            _ = translations_for(self.settings, lang).gettext
            entries = [FeedEntry(f"{_(n.label)}: {n.article.title}", n) for n in everything]
            title = N_("Corrections and updates")
            write_feed(self, writer, feed, lang, title, entries, listing.url)


class FeedEntry:
    """A note as an Atom entry: titled after its report, dated by the note."""

    def __init__(self, title, note):
        self.title = title
        self.url = note.url
        self.date = self.modified = note.date
        self.summary = escape(note.text)

    def get_content(self, siteurl):
        return self.summary


def get_generators(pelican):
    return CorrectionsGenerator


def register():
    signals.article_generator_finalized.connect(attach_notes)
    signals.get_generators.connect(get_generators)
