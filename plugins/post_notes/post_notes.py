"""Notes after publication: editor's notes, updates and corrections, in every
language.

Editors add one ``Note:`` line per note to a report's header (syntax in
:mod:`site_model.notes`)::

    Note: 2016-09-12 | correction | What was wrong, and what is right.

A translation carries its own, translated notes, with the date and kind of the
original's. A note the translation does not have yet is never held back: the
translation shows it in the original's language, saying it is not yet
translated, until the translator adds it.

Adds:
- ``article.notes``: :class:`Note` objects (``date``, ``kind``, ``label``
  msgid, ``text`` as HTML with defanged domains, ``anchor``, ``url``), newest
  first, shown at the top of the report;
- ``article.untranslated_notes``: on a translation, the original's notes it
  does not carry yet (each with its ``pending`` sentence msgid);
- per language a ``corrections/`` page (template ``corrections``, with
  ``corrections``: :class:`LoggedNote` entries, newest first) and its Atom
  feed: each language lists its own reports' notes, the notes its
  translations do not carry yet (linking the translation), and the notes of
  reports it does not have (linking them in their language).

The notes, and the modified date they imply (``dateModified``, the feed's
``updated``), are the Site's (:mod:`site_model.site`); this plugin only shows
them. Settings read: ``SITE_LANGUAGES``, ``DEFAULT_LANG``, ``FEED_MAX_ITEMS``.
"""

from dataclasses import dataclass
from datetime import datetime

from markupsafe import Markup, escape
from pelican import signals
from pelican.generators import Generator
from site_model.catalogs import N_, translations_for
from site_model.domains import mention_markup
from site_model.feeds import write_feed
from site_model.languages import language_name
from site_model.listings import listing_in_every_language
from site_model.notes import NOTE_KINDS
from site_model.site import site_of

# What this plugin adds (for templates, Pelican and readers), and what it reads
# that another plugin adds, each at the stage where it happens: held to the order
# of PLUGINS by tests/plugins/test_plugin_contracts.py.
PROVIDES = {"article.notes": "all_generators_finalized",
            "article.untranslated_notes": "all_generators_finalized"}
READS = {}


@dataclass(frozen=True)
class Note:
    date: datetime
    kind: str
    text: Markup
    article: object

    @property
    def lang(self):
        return self.article.lang

    @property
    def key(self):
        return (self.date.date(), self.kind)

    @property
    def label(self):
        return NOTE_KINDS[self.kind][0]

    @property
    def pending(self):
        """The sentence a translation shows above this note while it is untranslated."""
        return NOTE_KINDS[self.kind][1]

    @property
    def anchor(self):
        return f"note-{self.date:%Y-%m-%d}-{self.kind}"

    @property
    def url(self):
        return f"{self.article.url}#{self.anchor}"


@dataclass(frozen=True)
class LoggedNote:
    """A note as a language's Corrections page lists it: ``note`` (its text and
    language) found on ``report``, the version readers of that page follow."""

    note: Note
    report: object

    @property
    def url(self):
        return f"{self.report.url}#{self.note.anchor}"

    @property
    def untranslated(self):
        return self.note.lang != self.report.lang


def as_shown(note, article):
    """A note of the Site as readers see it: its text with domains defanged."""
    return Note(note.date, note.kind, mention_markup(note.text), article)


def attach_notes(generators):
    """Every article's notes, and its original's it does not carry yet: set on
    every article, every build, from the Site alone."""
    site = site_of(generators[0].context)
    for article in site.articles:
        facts = site.facts(article)
        article.notes = [as_shown(note, article) for note in facts.notes]
        article.untranslated_notes = [as_shown(note, facts.original)
                                      for note in facts.untranslated_notes]


def corrections_log(articles_by_lang, lang):
    """Every note a reader of ``lang`` should find, newest first."""
    logged = []
    for report in articles_by_lang[lang]:
        logged += [LoggedNote(note, report) for note in (*report.notes, *report.untranslated_notes)]
    for other, reports in articles_by_lang.items():
        for report in reports if other != lang else ():
            if not any(version.lang == lang for version in report.translations):
                logged += [LoggedNote(note, report) for note in report.notes]
    return sorted(logged, key=lambda entry: (entry.note.date, entry.url), reverse=True)


class FeedEntry:
    """A logged note as an Atom entry: titled after its report, dated by the note."""

    def __init__(self, entry, _, lang):
        note = entry.note
        self.title = _("%(label)s: %(title)s") % {"label": _(note.label),
                                                    "title": entry.report.title}
        self.url = entry.url
        self.date = self.modified = note.date
        text = Markup("<p>{}</p>").format(note.text)
        if entry.untranslated:
            date = note.date.date().isoformat()
            intro = _(note.pending) % {"language": language_name(note.lang, lang), "date": date}
            text = Markup("<p>{}</p>").format(escape(intro)) + text
        self.summary = str(text)

    def get_content(self, siteurl):
        return self.summary


class CorrectionsGenerator(Generator):
    def generate_output(self, writer):
        listings = listing_in_every_language(self.settings, "corrections", "corrections/")
        site = site_of(self.context)
        by_lang = site.articles_by_lang
        for lang, listing in listings.items():
            paths = site.paths[lang]
            logged = corrections_log(by_lang, lang)
            writer.write_file(
                f"{listing.url}index.html", self.get_template("corrections"), self.context,
                listing=listing, corrections=logged,
            )
            _ = translations_for(self.settings, lang).gettext
            entries = [FeedEntry(entry, _, lang) for entry in logged]
            write_feed(writer, self.settings, paths.corrections_feed, lang,
                       N_("Corrections and updates"), entries, listing.url)


def get_generators(pelican):
    return CorrectionsGenerator


def register():
    signals.all_generators_finalized.connect(attach_notes)
    signals.get_generators.connect(get_generators)
