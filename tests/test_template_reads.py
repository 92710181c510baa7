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

from tests.fixture_sites import build_in_process, warm_cache
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
    render = IncrementalWriter.render_if_changed
    getattr_, getitem_ = jinja2.Environment.getattr, jinja2.Environment.getitem

    def render_recording(self, template, context, kwargs, localcontext):
        current["page"] = localcontext["output_file"]
        current["given"] = reachable(page_values(context, kwargs, localcontext))
        try:
            return render(self, template, context, kwargs, localcontext)
        finally:
            current.clear()

    def record(obj, attribute):
        # Pages (About) are counted by every page's fingerprint: the navigation shows them.
        if current and isinstance(obj, Article) and id(obj) not in current["given"]:
            reads.append((current["page"], obj.source_path, str(attribute)))

    def getattr_recording(environment, obj, attribute):
        record(obj, attribute)
        return getattr_(environment, obj, attribute)

    def getitem_recording(environment, obj, argument):
        # Item access (post["title"]) and the filters and tests that reach into
        # items (map(attribute=...), selectattr, sort(attribute=...)) come here.
        record(obj, argument)
        return getitem_(environment, obj, argument)

    monkeypatch.setattr(IncrementalWriter, "render_if_changed", render_recording)
    monkeypatch.setattr(jinja2.Environment, "getattr", getattr_recording)
    monkeypatch.setattr(jinja2.Environment, "getitem", getitem_recording)
    return reads


def warm_build(tmp_path, theme=None):
    extra = warm_cache()
    if theme:
        extra["THEME"] = str(theme)
    _, result = build_in_process(tmp_path / "output", ROOT / "content", extra=extra, fresh=False)
    assert result.ok, result.problems


def test_every_template_reads_only_the_posts_its_page_was_given(tmp_path, recorded_reads):
    warm_build(tmp_path)
    assert recorded_reads == []


# Every way a template can reach a post it was not given: Pelican puts every
# article in the context of every page, and the Site is there for plugins.
PLANTED = [
    "{{ articles[0].title }}",
    '{{ articles[0]["title"] }}',
    '{{ articles|map(attribute="title")|first }}',
    '{{ (articles|selectattr("status", "equalto", "published")|first).slug }}',
    '{{ (articles|sort(attribute="date")|first).url }}',
    "{{ _site.articles[0].title }}",
]


@pytest.mark.parametrize("planted", PLANTED)
def test_a_template_that_reads_a_post_from_the_whole_site_is_caught(tmp_path, recorded_reads,
                                                                    planted):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    base = theme / "templates" / "base.html"
    base.write_text(base.read_text().replace("<main", f"<p>{planted}</p><main", 1))
    warm_build(tmp_path, theme)
    assert recorded_reads, planted
