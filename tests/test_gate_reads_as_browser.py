"""The check and the gate read links as browsers read them, know every domain
any report names, and judge the page last: one fixture per class of trick
(tests/fixtures/browser-reads/), each built with real Pelican, with and
without the content check. Nothing of it is published."""

import bisect
import shutil
from urllib.parse import quote

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po
from content_check import body
from idna.uts46data import uts46_starts, uts46_statuses
from jinja2 import Environment
from localised_interface.localised_interface import Interface
from site_model.html_policy import page_violations

from tests.fixture_sites import (
    VALID,
    WITHOUT_SEARCH,
    build_in_process,
    fixture_content,
    named,
    post,
)
from tests.site import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "browser-reads"
GATE_ALONE = [p for p in WITHOUT_SEARCH if p != "content_check"]

# class -> {file: [(line, field)]} the content check names (line 0: the file)
CHECKED = {
    "slashes": {"en/slash-forms.md": [(line, "link") for line in range(9, 22, 2)]},
    "mailto": {"en/mail.md": [(line, "link") for line in range(9, 18, 2)]},
    "named-elsewhere": {
        "en/note-names.md": [(line, "link") for line in (12, 13, 14, 15)],
        "ja/title-names.md": [(10, "link")],
        "en/linked-elsewhere.md": [(9, "link")],
    },
    "mentions": {"en/mentions.md": [(line, "body") for line in range(7, 16, 2)],
                 "en/title-mention.md": [(1, "Title"), (6, "Note")]},
}
# class -> the files the gate alone stops
GATED = {
    "slashes": ["en/slash-forms.md"],
    "mailto": ["en/mail.md"],
    "named-elsewhere": ["en/note-names.md", "ja/title-names.md", "en/linked-elsewhere.md"],
    "filename-quote": ["en/file-name.md"],
}


def content_of(tmp_path, name):
    return fixture_content(tmp_path, FIXTURES / name)



@pytest.mark.parametrize("name", sorted(CHECKED))
def test_the_check_names_every_link_by_line(tmp_path, name):
    output = tmp_path / "output"
    _, result = build_in_process(output, content_of(tmp_path, name))
    found = named(result)
    for file, places in CHECKED[name].items():
        for where in places:
            assert where in found.get(file, []), f"{file} not named at {where}: {found.get(file)}"
    assert not output.exists()


@pytest.mark.parametrize("name", sorted(GATED))
def test_the_gate_alone_publishes_none_of_it(tmp_path, name):
    output = tmp_path / "output"
    _, result = build_in_process(output, content_of(tmp_path, name), plugins=GATE_ALONE)
    found = named(result)
    assert set(GATED[name]) <= set(found), (sorted(found), result.problems)
    assert all("Traceback" not in problem.message for problem in result.problems)
    assert not output.exists()


def ignored_code_points():
    """Every code point UTS 46 maps to nothing (the idna package's tables)."""
    return [code for code in range(0x110000)
            if chr(uts46_statuses[bisect.bisect_right(uts46_starts, code) - 1]) == "I"]


@pytest.mark.parametrize("plugins", [None, GATE_ALONE], ids=["check", "gate-alone"])
def test_no_character_browsers_drop_from_a_host_hides_it(tmp_path, plugins):
    links = [f"[order](https://best{form}kenko.com/order)"
             for code in ignored_code_points() for form in (chr(code), quote(chr(code)))]
    files = {"en/invisible.md": post(slug="invisible", body="We report on [[bestkenko.com]].\n\n"
                                     + "\n\n".join(links))}
    content = tmp_path / "content"
    for folder in ("en", "ja", "pages", "images"):
        (content / folder).mkdir(parents=True, exist_ok=True)
    (content / "en" / "invisible.md").write_text(files["en/invisible.md"], encoding="utf-8")
    output = tmp_path / "output"
    _, result = build_in_process(output, content, plugins=plugins)
    found = named(result).get("en/invisible.md", [])
    if plugins is None:  # every link, by its line (the header is five lines, then two)
        lines = {line for line, field in found if field == "link"}
        assert lines >= set(range(9, 9 + 2 * len(links), 2))
    assert found and not output.exists()


def test_a_translation_that_adds_markup_stops_the_build_by_line(tmp_path):
    translations = tmp_path / "translations"
    shutil.copytree(ROOT / "translations", translations)
    po = translations / "ja" / "LC_MESSAGES" / "messages.po"
    with open(po, "rb") as stream:
        catalog = read_po(stream, locale="ja")
    hostile = next(message for message in catalog if message.id and message.string
                   and isinstance(message.id, str))
    hostile.string = ('"><meta http-equiv="refresh" content="0; url=https://elsewhere.example/">'
                      + hostile.string)
    with open(po, "wb") as stream:
        write_po(stream, catalog)
    with open(po, "rb") as stream:  # read back for the line numbers it now has
        written = read_po(stream, locale="ja")
    line = next(m.lineno for m in written if m.id == hostile.id)
    with open(po.with_suffix(".mo"), "wb") as stream:
        write_mo(stream, written)
    output = tmp_path / "output"
    content = tmp_path / "content"
    shutil.copytree(VALID, content)
    _, result = build_in_process(output, content, extra={"TRANSLATIONS_DIR": str(translations)})
    assert any(p.path == "translations/ja/LC_MESSAGES/messages.po" and p.line == line
               and p.field == "msgstr" for p in result.problems), result.problems
    assert not output.exists()


def test_the_interface_shows_a_translation_as_text():
    class Hostile:
        def gettext(self, message):
            return '"><meta http-equiv="refresh" content="0">' + message

        def ngettext(self, singular, plural, number):
            return self.gettext(singular)

    interface = Interface.__new__(Interface)
    interface.catalogs = {"en": Hostile()}
    env = Environment(extensions=["jinja2.ext.i18n"], autoescape=True)
    interface.install(env)
    html = env.from_string('<a title="{{ _("Home %(n)s", n="<b>") }}">x</a>').render(
        DEFAULT_LANG="en")
    assert "<meta" not in html and "<b>" not in html and "&lt;meta" in html


def test_a_refresh_is_published_on_the_sites_redirect_pages_only():
    refresh = '<meta http-equiv="refresh" content="0; url=https://news.example.org/posts/b/">'
    head = f"<!DOCTYPE html><html><head>{refresh}</head><body></body></html>"
    body_refresh = f"<!DOCTYPE html><html><head></head><body><p>{refresh}</p></body></html>"
    page = "https://news.example.org/posts/a/"
    assert page_violations(head, set(), page_url=page, redirect=True) == []
    assert page_violations(head, set(), page_url=page)
    assert page_violations(body_refresh, set(), page_url=page)
    elsewhere = head.replace("news.example.org/posts/b/", "elsewhere.example/")
    assert page_violations(elsewhere, set(), page_url=page, redirect=True)


def test_the_check_reads_hostile_text_in_one_pass():
    # Each once took minutes (patterns that rescanned the text); now one pass.
    for text in ("<img " * 20_000, "<div>" * 20_000, "![" * 20_000, "`" * 20_000 + "x"):
        assert isinstance(body.findings(text, 1, frozenset({"bestkenko.com"})), list)
    deep = body.findings("<div>" * 20_000, 1, frozenset())
    assert (1, "nesting", str(body.NESTING_LIMIT)) in deep


def test_backticks_are_code_where_markdown_makes_code_and_only_there():
    reported = frozenset({"bestkenko.com"})
    code = 'Say <abbr title="x">FDA</abbr> and `<script src="https://bestkenko.com/">`.'
    assert body.findings(code, 1, reported) == []
    raw = 'Text\n<div>\n`<a href="https://bestkenko.com/">x</a>`\n</div>\n'
    assert body.findings(raw, 1, reported) == [(3, "reported", "bestkenko.com")]
