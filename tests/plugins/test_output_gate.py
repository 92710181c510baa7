"""The output gate holds every built page to the policy, whatever put a thing there:
each forbidden thing is planted in a page the theme renders, and the build fails
naming that page."""

import shutil

import pytest
from site_model.html_policy import Sanitiser, fragment_violations, page_violations

from tests.fixture_sites import VALID, build_in_process
from tests.site import ROOT

PLANTED = {
    "inline script": "<script>alert(1)</script>",
    "script from content": '<script src="/images/x.js"></script>',
    "script from another site": '<script src="https://cdn.example/x.js"></script>',
    "event handler": '<p onmouseover="alert(1)">x</p>',
    "javascript link": '<a href="jav&#x61;script:alert(1)">x</a>',
    "vbscript link": '<a href="vbscript:msgbox(1)">x</a>',
    "data link": '<a href="data:text/html,x">x</a>',
    "comment": "<!-- private -->",
    "frame": '<iframe src="/"></iframe>',
    "reported domain, scheme-relative": '<a href="//ROGUE.example./x">x</a>',
    "inline style": '<p style="color:red">x</p>',
}


@pytest.fixture(scope="module")
def content(tmp_path_factory):
    root = tmp_path_factory.mktemp("gate") / "content"
    shutil.copytree(VALID, root)
    post = root / "en" / "original.md"
    post.write_text(post.read_text() + "\nWe report on [[rogue.example]].\n")
    return root


@pytest.mark.parametrize("name", sorted(PLANTED))
def test_a_forbidden_thing_in_a_built_page_fails_the_build(tmp_path, content, name):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    article = theme / "templates" / "article.html"
    article.write_text(article.read_text().replace("</article>", PLANTED[name] + "</article>"))
    output = tmp_path / "output"
    _, result = build_in_process(output, content, extra={"THEME": str(theme)})
    pages = [p for p in result.problems if p.field == "page"]
    sources = {"content/en/original.md", "content/ja/original.md"}
    assert pages and {p.path for p in pages} <= sources, result.problems
    assert not output.exists()


def test_the_theme_as_it_is_passes(tmp_path, content):
    _, result = build_in_process(tmp_path / "output", content)
    assert result.ok, result.problems


def test_only_the_listed_scripts_may_load():
    scripts = {"/theme/js/search.js"}
    page = '<html><head><script type="module" src="/theme/js/search.js"></script></head></html>'
    assert page_violations(page, scripts) == []
    assert page_violations(page.replace("search.js", "search.js?x"), scripts)
    data = '<script type="application/ld+json">{"a": 1}</script>'
    assert page_violations(f"<html><head>{data}</head></html>", scripts) == []
    assert page_violations(data.replace('{"a": 1}', "alert(1)"), scripts)


@pytest.mark.parametrize("refresh", [
    "0; url=data:text/html,x", "0;URL='javascript:alert(1)'", "0; Url = 'https://rogue.example/'"])
def test_a_refresh_is_read_as_browsers_read_it(refresh):
    page = f'<html><head><meta http-equiv="Refresh" content="{refresh}"></head></html>'
    assert page_violations(page, set(), {"rogue.example"})


def test_a_refresh_to_the_site_itself_passes_on_a_redirect_page_only():
    page = '<html><head><meta http-equiv="refresh" content="0; URL=/posts/new/"></head></html>'
    assert page_violations(page, set(), {"rogue.example"}, redirect=True) == []
    assert page_violations(page, set(), {"rogue.example"})


def test_the_sanitiser_keeps_what_the_policy_allows_and_nothing_else():
    allowed = ('<p>Text <a href="https://court.example/">a ruling</a>, '
               '<span class="domain" translate="no" data-domain="rogue.example">'
               'rogue[.]example</span>'
               '<wbr><code class="language-python">x</code></p>')
    assert fragment_violations(allowed, {"rogue.example"}) == []
    assert Sanitiser({"rogue.example"}).clean(allowed) == allowed
    for name, planted in PLANTED.items():
        cleaned = Sanitiser({"rogue.example"}).clean(f"<p>{planted}</p>")
        assert fragment_violations(cleaned, {"rogue.example"}) == [], name
