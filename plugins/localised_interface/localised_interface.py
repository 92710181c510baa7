"""Render every page's interface in the page's own language.

Adds to the template context of every page written:
- ``lang``: the page's language (from its article, page or listing);
- ``gettext``/``ngettext`` for that language, so ``{{ _("...") }}`` in the
  theme is translated by the gettext catalog in ``TRANSLATIONS_DIR``;
- the filters ``localdate`` (Babel's date formats, no OS locale),
  ``localnumber`` and ``language_name`` (a language's name in the page's
  language).

Catalogs are the ``.mo`` files ``pybabel compile`` writes next to each ``.po``;
a missing or out-of-date one stops the build instead of silently falling back
to English.

Settings read: ``SITE_LANGUAGES``, ``DEFAULT_LANG``, ``TRANSLATIONS_DIR``.
"""

import logging
from functools import cache, lru_cache
from pathlib import Path

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal
from babel.support import NullTranslations, Translations
from build_speed.incremental import IncrementalWriter, is_incremental
from jinja2 import BytecodeCache, pass_context
from markupsafe import Markup
from pelican import signals

logger = logging.getLogger(__name__)

DOMAIN = "messages"


class CatalogError(RuntimeError):
    pass


@cache
def _load(translations_dir, lang, mo_mtime):
    # mo_mtime is part of the cache key so an edited catalog is reloaded
    # by `make serve` without restarting the process.
    return Translations.load(translations_dir, [lang], DOMAIN)


def translations_for(settings, lang):
    """The compiled catalog for ``lang``; the default language may have none."""
    directory = Path(settings["TRANSLATIONS_DIR"])
    po = directory / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    mo = po.with_suffix(".mo")
    if not po.exists():
        if lang == settings["DEFAULT_LANG"]:
            return NullTranslations()
        raise CatalogError(f"{po}: no catalog for language '{lang}'")
    if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
        raise CatalogError(
            f"{mo} is missing or older than its .po: run `make build` "
            "(or `pybabel compile -d translations`)"
        )
    return _load(str(directory), lang, mo.stat().st_mtime)


def gettext_callables(translations):
    """Jinja's "newstyle" gettext: autoescaped, with %(name)s placeholders."""

    @pass_context
    def gettext(context, message, **variables):
        text = translations.gettext(message)
        if context.eval_ctx.autoescape:
            text = Markup(text)
        return text % variables

    @pass_context
    def ngettext(context, singular, plural, num, **variables):
        variables.setdefault("num", num)
        text = translations.ngettext(singular, plural, num)
        if context.eval_ctx.autoescape:
            text = Markup(text)
        return text % variables

    return gettext, ngettext


def page_language(settings, kwargs):
    for key in ("article", "page", "listing"):
        lang = getattr(kwargs.get(key), "lang", None)
        if lang:
            return lang
    return settings["DEFAULT_LANG"]


class LocalisedWriter(IncrementalWriter):
    """A Writer that gives each page the interface of its own language."""

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self._callables = {
            lang: gettext_callables(translations_for(self.settings, lang))
            for lang in self.settings["SITE_LANGUAGES"]
        }

    def write_file(self, name, template, context, *args, **kwargs):
        lang = page_language(self.settings, kwargs)
        kwargs["lang"] = lang
        kwargs["gettext"], kwargs["ngettext"] = self._callables[lang]
        return super().write_file(name, template, context, *args, **kwargs)


@cache
def locale(lang):
    return Locale.parse(lang)


# Listings format the same few dates and counts thousands of times.
@lru_cache(maxsize=4096)
def _date(value, format, lang):
    return format_date(value, format=format, locale=locale(lang))


@lru_cache(maxsize=4096)
def _number(value, lang):
    return format_decimal(value, locale=locale(lang))


@pass_context
def localdate(context, value, format="long"):
    return _date(value, format, context["lang"])


@pass_context
def localnumber(context, value):
    return _number(value, context["lang"])


@pass_context
def language_name(context, code):
    """The name of language ``code`` in the page's language ("英語" on /ja/)."""
    return locale(context["lang"]).languages.get(code, code)


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates, shared by every generator's Jinja environment.

    Pelican gives each generator its own environment, so each would compile the
    theme again. Warm rebuilds also keep them on disk, in ``CACHE_PATH``, for
    the next build. Jinja checks each entry against the template source's
    checksum, so an edited template is never served stale.
    """

    def __init__(self):
        self.store = {}
        self.folder = None

    def load_bytecode(self, bucket):
        code = self.store.get(bucket.key)
        if code is None and self.folder and (saved := self.folder / bucket.key).exists():
            code = self.store[bucket.key] = saved.read_bytes()
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket):
        code = self.store[bucket.key] = bucket.bytecode_to_string()
        if self.folder:
            self.folder.mkdir(parents=True, exist_ok=True)
            (self.folder / bucket.key).write_bytes(code)


COMPILED_TEMPLATES = MemoryBytecodeCache()


def add_filters(generator):
    # Templates rendered outside the writer (none today) fall back to English.
    generator.env.install_null_translations(newstyle=True)
    if is_incremental(generator.settings):
        COMPILED_TEMPLATES.folder = Path(generator.settings["CACHE_PATH"], "templates")
    generator.env.bytecode_cache = COMPILED_TEMPLATES
    # A build renders a fixed theme: no need to stat each template per include.
    generator.env.auto_reload = False
    generator.env.filters.update(
        localdate=localdate, localnumber=localnumber, language_name=language_name
    )


def get_writer(pelican):
    return LocalisedWriter


def register():
    signals.generator_init.connect(add_filters)
    signals.get_writer.connect(get_writer)
