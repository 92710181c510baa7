"""What every rule of the content check shares: the documents, the settings,
the catalogs, and ``say``, which records a problem in the file's language.

A rule is a function whose first argument, ``self``, is the :class:`Context`
(rules read like the methods they once were, and stay easy to move between
modules). Rules read the context and add problems through ``say`` and
``report``; they never change anything else.
"""

import difflib
from dataclasses import dataclass
from functools import cached_property
from io import BytesIO
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations
from markdown import Markdown
from site_model.catalogs import DOMAIN, CatalogError, translations_for
from site_model.domains import mentions_in
from site_model.problems import Problem
from site_model.urls import reserved_slugs

from .rules import links


@dataclass
class Document:
    path: Path
    shown: str  # the path as editors see it, e.g. content/en/post.md
    kind: str  # "post" or "page"
    text: str
    header: object
    stamp: tuple = ()  # the file's size and time when it was read

    def __post_init__(self):
        self.mentions = frozenset(mentions_in(self.text))

    def value(self, key):
        return self.header.value(key)

    def line(self, key):
        found = self.header.first(key)
        return found.line if found else 1


def suggestion(word, choices):
    close = difflib.get_close_matches(word.lower(), list(choices), n=1, cutoff=0.5)
    return close[0] if close else None


def listing(choices):
    return ", ".join(sorted(choices))


def catalog_for(settings, lang):
    """The interface's catalog for ``lang``, as the build reads it; when the
    ``.mo`` is missing or older than its ``.po`` (a fresh clone, before
    ``make catalogs``), compiled in memory from the ``.po``, for the check only."""
    try:
        return translations_for(settings, lang)
    except CatalogError:
        po = Path(settings["TRANSLATIONS_DIR"]) / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
        if not po.exists():
            return NullTranslations()  # the catalog rule names the missing file
        with open(po, "rb") as stream:
            catalog = read_po(stream, locale=lang)
        compiled = BytesIO()
        write_mo(compiled, catalog)  # leaves fuzzy strings out, as `pybabel compile` does
        compiled.seek(0)
        return Translations(compiled, DOMAIN)


class Context:
    def __init__(self, settings, now=None, theme_ids=frozenset()):
        self.settings = settings
        self.root = Path(settings["PATH"])
        self.languages = tuple(settings["SITE_LANGUAGES"])
        self.default_lang = settings["DEFAULT_LANG"]
        self.categories = settings["CATEGORIES"]
        self.series = settings.get("SERIES", {})
        self.reserved = reserved_slugs(settings)
        self.catalogs = {lang: catalog_for(settings, lang) for lang in self.languages}
        self.now = now  # the build's date (rules.dates.site_now)
        self.theme_ids = theme_ids  # ids the theme's templates write (rules.headings)
        self.problems = []
        self.reported_domains = set()

    # Messages, in the language of the file's folder

    def language_of(self, shown, doc=None):
        """The folder's language (``content/ja/``), else a page's ``Lang``."""
        parts = Path(shown).parts
        folder = parts[1] if len(parts) > 2 else ""
        if folder in self.languages:
            return folder
        lang = doc.value("lang") if doc else None
        return lang if lang in self.languages else self.default_lang

    def say(self, shown, line, field, message, doc=None, **values):
        _ = self.catalogs[self.language_of(shown, doc)].gettext
        self.problems.append(Problem(shown, line, field, _(message) % values))

    def report(self, doc, line, field, message, **values):
        self.say(doc.shown, line, field, message, doc=doc, **values)

    def gettext(self, doc):
        return self.catalogs[self.language_of(doc.shown, doc)].gettext

    def choose_from(self, doc, value, choices):
        """The fix for a value not in ``choices``, in the document's language."""
        _ = self.gettext(doc)
        close = suggestion(value, choices)
        if close:
            return _("did you mean '%(close)s'? use one of: %(choices)s") % {
                "close": close, "choices": listing(choices)}
        return _("use one of: %(choices)s") % {"choices": listing(choices)}

    @cached_property
    def markdown(self):
        """A Markdown converter with the site's extensions (how heading ids are made)."""
        configs = self.settings.get("MARKDOWN", {}).get("extension_configs", {})
        return Markdown(extensions=list(configs), extension_configs=configs,
                        output_format=self.settings.get("MARKDOWN", {}).get(
                            "output_format", "html5"))

    def check_image(self, doc, number, field, src):
        """Rules about images, shared by the body's and the figures' rules."""
        links.check_image(self, doc, number, field, src)
