import os
import shutil

import pytest
from jinja2 import Environment

from localised_interface.localised_interface import (
    CatalogError,
    gettext_callables,
    page_language,
    translations_for,
)
from tests.site import ROOT

SETTINGS = {"TRANSLATIONS_DIR": str(ROOT / "translations"), "DEFAULT_LANG": "en"}


class FakeTranslations:
    def gettext(self, message):
        return {"Hello %(name)s": "こんにちは%(name)sさん"}.get(message, message)

    def ngettext(self, singular, plural, n):
        return singular if n == 1 else plural


def render(source, **context):
    env = Environment(autoescape=True, extensions=["jinja2.ext.i18n"])
    gettext, ngettext = gettext_callables(FakeTranslations())
    return env.from_string(source).render(gettext=gettext, ngettext=ngettext, **context)


def test_translated_string_escapes_its_placeholders():
    assert render('{{ _("Hello %(name)s", name=who) }}', who="<b>") == "こんにちは&lt;b&gt;さん"


def test_plural_uses_the_count():
    source = '{{ ngettext("%(num)s report", "%(num)s reports", n) }}'
    assert render(source, n=1) == "1 report"
    assert render(source, n=3) == "3 reports"


def test_page_language_comes_from_the_content_object():
    class Article:
        lang = "ja"

    assert page_language(SETTINGS, {"article": Article()}) == "ja"
    assert page_language(SETTINGS, {}) == "en"


def copy_catalogs(tmp_path):
    target = tmp_path / "translations"
    shutil.copytree(ROOT / "translations", target)
    return {**SETTINGS, "TRANSLATIONS_DIR": str(target)}


def test_missing_compiled_catalog_stops_the_build(tmp_path):
    settings = copy_catalogs(tmp_path)
    (tmp_path / "translations/ja/LC_MESSAGES/messages.mo").unlink()
    with pytest.raises(CatalogError, match="make build"):
        translations_for(settings, "ja")


def test_outdated_compiled_catalog_stops_the_build(tmp_path):
    settings = copy_catalogs(tmp_path)
    mo = tmp_path / "translations/ja/LC_MESSAGES/messages.mo"
    os.utime(mo, (1, 1))
    with pytest.raises(CatalogError, match="older than its .po"):
        translations_for(settings, "ja")


def test_compiled_catalog_translates(tmp_path):
    translations = translations_for(copy_catalogs(tmp_path), "ja")
    assert translations.gettext("Archives") != "Archives"
