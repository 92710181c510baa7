"""The compiled gettext catalogs of the theme's strings, one per language.

Catalogs are the ``.mo`` files ``pybabel compile`` writes next to each ``.po``
in ``TRANSLATIONS_DIR``; a missing or out-of-date one stops the build rather
than silently falling back to English.
"""

from pathlib import Path

from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

from .problems import ContentProblems, Problem

DOMAIN = "messages"
# Characters that make markup: a translation may hold one only where its
# source string does (a translation is text, never HTML).
MARKUP = "<>&\"'`"


class CatalogError(RuntimeError):
    pass


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
    with open(mo, "rb") as stream:
        catalog = Translations(stream, DOMAIN)
    # The entry with an empty msgid is the catalog's header, not a translation.
    if any(added_markup(msgid, msgstr) for msgid, msgstr in catalog._catalog.items()
           if strings(msgid)[0]):
        raise ContentProblems(markup_problems(po, catalog) or [
            Problem("/".join(po.parts[-4:]), 0, "msgstr", MARKUP_MESSAGE % {
                "msgid": "?", "markup": "<>"})])
    return catalog


def strings(value):
    """The strings of a message: plural forms are a tuple (msgid, n) in a
    compiled catalog and a tuple of forms in a .po."""
    if isinstance(value, tuple | list):
        return tuple(item for item in value if isinstance(item, str))
    return (value,)


def added_markup(msgid, msgstr):
    """The markup characters ``msgstr`` holds more of than ``msgid`` does."""
    source = "".join(strings(msgid))
    return "".join(c for c in MARKUP
                   if any(text.count(c) > source.count(c) for text in strings(msgstr)))


def markup_problems(po, catalog):
    """``translations/ja/LC_MESSAGES/messages.po:LINE: msgstr: ...`` for every
    translation that adds markup, in the catalog's language."""
    with open(po, "rb") as stream:
        messages = read_po(stream)
    message = MARKUP_MESSAGE
    if not added_markup(MARKUP_MESSAGE, catalog.gettext(MARKUP_MESSAGE)):
        message = catalog.gettext(MARKUP_MESSAGE)
    shown = "/".join(po.parts[-4:])
    return [Problem(shown, entry.lineno or 0, "msgstr", message % {
                "msgid": strings(entry.id)[0], "markup": " ".join(added)})
            for entry in messages
            if entry.id and (added := added_markup(entry.id, entry.string))]


def N_(message):
    """Mark a string for `pybabel extract`; it is translated where it is shown."""
    return message


MARKUP_MESSAGE = N_("the translation of '%(msgid)s' adds %(markup)s, which would be read as "
                    "HTML (a translation is text: write it without these characters)")
