"""The rule the live preview's warm builds rest on: a template shows posts only
through the values given to its page. A page's fingerprint counts those posts
(and the posts they refer to); a post read from anywhere else would leave the
page stale after that post changed. Every template is rendered here with posts
that record who reads them."""

import shutil

import jinja2
import pytest
from build_speed.incremental import IncrementalWriter, page_values, posts_in
from pelican.contents import Article

from tests.fixture_sites import build_in_process
from tests.site import ROOT


def reachable(own):
    """The posts a page was given, and the posts those refer to."""
    found = {}
    posts_in(own, found)
    for post in list(found.values()):
        posts_in({k: v for k, v in vars(post).items() if k not in ("_context", "settings")}, found)
    return found


@pytest.fixture
def recorded_reads(monkeypatch):
    """[(page, post read, attribute)] for every post a template read without being given it."""
    reads, current = [], {}
    render, getattr_ = IncrementalWriter.render_if_changed, jinja2.Environment.getattr

    def render_recording(self, template, context, kwargs, localcontext):
        current["page"] = localcontext["output_file"]
        current["given"] = reachable(page_values(context, kwargs, localcontext))
        try:
            return render(self, template, context, kwargs, localcontext)
        finally:
            current.clear()

    def getattr_recording(environment, obj, attribute):
        # Pages (About) are counted by every page's fingerprint: the navigation shows them.
        if current and isinstance(obj, Article) and id(obj) not in current["given"]:
            reads.append((current["page"], obj.source_path, attribute))
        return getattr_(environment, obj, attribute)

    monkeypatch.setattr(IncrementalWriter, "render_if_changed", render_recording)
    monkeypatch.setattr(jinja2.Environment, "getattr", getattr_recording)
    return reads


def warm_build(tmp_path, theme=None):
    extra = {"WARM_STATE": {}}
    if theme:
        extra["THEME"] = str(theme)
    _, result = build_in_process(tmp_path / "output", ROOT / "content", extra=extra, fresh=False)
    assert result.ok, result.problems


def test_every_template_reads_only_the_posts_its_page_was_given(tmp_path, recorded_reads):
    warm_build(tmp_path)
    assert recorded_reads == []


def test_a_template_that_reads_a_post_from_the_whole_site_is_caught(tmp_path, recorded_reads):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    base = theme / "templates" / "base.html"
    base.write_text(base.read_text().replace(
        "<main", "<p>{{ articles_by_lang[lang][0].title }}</p><main", 1))
    warm_build(tmp_path, theme)
    assert any(attribute == "title" for _, _, attribute in recorded_reads)
