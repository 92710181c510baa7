"""The compiled gettext catalogs of the theme's strings, one per language.

Catalogs are the ``.mo`` files ``pybabel compile`` writes next to each ``.po``
in ``TRANSLATIONS_DIR``; a missing or out-of-date one stops the build rather
than silently falling back to English.
"""

from pathlib import Path

from babel.support import NullTranslations, Translations

DOMAIN = "messages"


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
        return Translations(stream, DOMAIN)


def N_(message):
    """Mark a string for `pybabel extract`; it is translated where it is shown."""
    return message
