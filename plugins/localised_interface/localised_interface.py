"""Render every page's interface in the page's own language.

The page's language is that of its ``article``, ``page`` or ``listing`` (the
values every page is given), read from the template context when a string is
translated; no writer of our own is needed.

Adds to every generator's Jinja environment:
- ``gettext``/``ngettext`` for ``{{ _("...") }}``, translated by the catalog
  of the page's language in ``TRANSLATIONS_DIR`` (:mod:`site_model.catalogs`);
- the filters ``localdate`` (Babel's date formats, no OS locale),
  ``localnumber`` and ``language_name`` (a language's name in the page's
  language), and the global ``page_language()``.

Settings read: ``SITE_LANGUAGES``, ``DEFAULT_LANG``, ``TRANSLATIONS_DIR``.
"""

from functools import lru_cache

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal
from jinja2 import pass_context
from markupsafe import escape
from pelican import signals
from site_model.catalogs import translations_for
from site_model.languages import language_name as site_language_name

# What this plugin adds (for templates, Pelican and readers), and what it reads
# that another plugin adds, each at the stage where it happens: held to the order
# of PLUGINS by tests/plugins/test_plugin_contracts.py.
PROVIDES = {"jinja.gettext": "generator_init", "jinja.localdate": "generator_init",
            "jinja.localnumber": "generator_init", "jinja.language_name": "generator_init",
            "jinja.page_language": "generator_init"}
READS = {}


def page_language(context):
    """The language of the page being rendered."""
    for key in ("article", "page", "listing"):
        lang = getattr(context.get(key), "lang", None)
        if lang:
            return lang
    return context["DEFAULT_LANG"]


class Interface:
    """One build's catalogs and formatters: a generator's environment holds one."""

    def __init__(self, settings):
        self.catalogs = {lang: translations_for(settings, lang)
                         for lang in settings["SITE_LANGUAGES"]}
        self.locales = {lang: Locale.parse(lang) for lang in settings["SITE_LANGUAGES"]}
        # Listings format the same few dates and counts thousands of times.
        self.date = lru_cache(maxsize=4096)(self._date)
        self.number = lru_cache(maxsize=4096)(self._number)

    def _date(self, value, format, lang):
        return format_date(value, format=format, locale=self.locales[lang])

    def _number(self, value, lang):
        return format_decimal(value, locale=self.locales[lang])

    def install(self, env):
        interface = self

        # Jinja's "newstyle" gettext takes what these return for markup (with
        # autoescape on) and escapes only the %(name)s values it fills in: a
        # translation is text, so it is escaped here, before Jinja formats it,
        # and no translation can ever add an element or an attribute.
        @pass_context
        def gettext(context, message):
            return escape(interface.catalogs[page_language(context)].gettext(message))

        @pass_context
        def ngettext(context, singular, plural, num):
            return escape(interface.catalogs[page_language(context)].ngettext(
                singular, plural, num))

        @pass_context
        def localdate(context, value, format="long"):
            return interface.date(value, format, page_language(context))

        @pass_context
        def localnumber(context, value):
            return interface.number(value, page_language(context))

        @pass_context
        def language_name(context, code):
            """The name of language ``code`` in the page's language ("英語" on /ja/)."""
            return site_language_name(code, page_language(context))

        env.install_gettext_callables(gettext, ngettext, newstyle=True)
        env.filters.update(localdate=localdate, localnumber=localnumber,
                           language_name=language_name)
        env.globals["page_language"] = pass_context(page_language)


def add_interface(generator):
    Interface(generator.settings).install(generator.env)
    # A build renders a fixed theme: no need to stat each template per include.
    generator.env.auto_reload = False


def register():
    signals.generator_init.connect(add_interface)
