import os
import shutil

import pytest
from jinja2 import Environment
from localised_interface.localised_interface import Interface, page_language
from site_model.catalogs import CatalogError, translations_for

from tests.site import ROOT

SETTINGS = {"TRANSLATIONS_DIR": str(ROOT / "translations"), "DEFAULT_LANG": "en",
            "SITE_LANGUAGES": {"en": {}, "ja": {}}}


class Listing:
    def __init__(self, lang):
        self.lang = lang


def render(source, lang="ja", **context):
    env = Environment(autoescape=True, extensions=["jinja2.ext.i18n"])
    Interface(SETTINGS).install(env)
    return env.from_string(source).render(listing=Listing(lang), DEFAULT_LANG="en", **context)


def test_translated_string_escapes_its_placeholders():
    source = '{{ _("Page %(number)s of %(total)s", number=who, total=2) }}'
    assert render(source, lang="en", who="<b>") == "Page &lt;b&gt; of 2"
    assert "&lt;b&gt;" in render(source, lang="ja", who="<b>")
    assert render(source, lang="ja", who="1") != render(source, lang="en", who="1")


def test_plural_uses_the_count():
    source = '{{ ngettext("%(count)s min read", "%(count)s min read", n, count=n) }}'
    assert render(source, lang="en", n=1) == "1 min read"
    assert render(source, lang="en", n=3) == "3 min read"


def test_page_language_comes_from_the_content_object():
    class Article:
        lang = "ja"

    assert page_language({"article": Article(), "DEFAULT_LANG": "en"}) == "ja"
    assert page_language({"DEFAULT_LANG": "en"}) == "en"


def test_dates_follow_the_page_language():
    from datetime import date

    day = date(2016, 10, 5)
    assert render("{{ d|localdate }}", lang="ja", d=day) == "2016年10月5日"
    assert render("{{ d|localdate }}", lang="en", d=day) == "October 5, 2016"


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
