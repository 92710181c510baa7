"""Builds in a long-lived process render only what changed, and give the same
site as a fresh build."""

import gc
import re
import shutil
import weakref
from pathlib import Path

from build_speed.incremental import Fingerprints
from pelican.contents import Content
from site_build import WARM

from tests.fixture_sites import assert_same_site, build_in_process, warm_cache
from tests.site import ROOT

MEDSINDIA = Path("posts", "medsindia-principals-indicted", "index.html")
EFF = Path("posts", "eff-shadow-regulation", "index.html")


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


class Preview:
    """Warm builds into one folder, as `make serve` makes them, and fresh ones to compare."""

    def __init__(self, tmp_path, content):
        self.tmp_path, self.content, self.colds = tmp_path, content, 0
        self.state = warm_cache()[WARM]
        self.output = tmp_path / "warm"

    def build(self, **extra):
        _, result = build_in_process(self.output, self.content, fresh=False,
                                     extra={WARM: self.state, **extra})
        assert result.ok, result.problems
        return self.state.last_build["rendered"]

    def assert_same_as_fresh(self, **extra):
        self.colds += 1
        cold = self.tmp_path / f"cold-{self.colds}"
        _, result = build_in_process(cold, self.content, extra=extra)
        assert result.ok, result.problems
        assert_same_site(self.output, cold)


def copy_content(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    return content


def test_warm_rebuilds_render_only_changed_pages_and_match_fresh_builds(tmp_path):
    content = copy_content(tmp_path)
    preview = Preview(tmp_path, content)
    everything = preview.build()
    eff_written = (preview.output / EFF).stat().st_mtime_ns
    assert preview.build() == 0

    # A change to one report's body (with no translation to turn stale): its own pages.
    edit(content / "en" / "medsindia-principals-indicted.md", "had worked to", "had long worked to")
    assert 0 < preview.build() < everything / 4
    assert "had long worked to" in (preview.output / MEDSINDIA).read_text(encoding="utf-8")
    assert (preview.output / EFF).stat().st_mtime_ns == eff_written
    preview.assert_same_as_fresh()

    # A new headline shows on other pages (listings, series boxes); a deleted
    # report's page goes away.
    edit(content / "en" / "operation-pangea-ix.md",
         "LegitScript Says It Took Part for a Seventh Year", "renamed")
    (content / "en" / "eff-shadow-regulation.md").unlink()
    preview.build()
    assert not (preview.output / EFF).exists()
    # (English headlines keep "Pangea IX" on one line with a no-break space.)
    home = (preview.output / "index.html").read_text(encoding="utf-8")
    assert "Operation Pangea\u00a0IX: renamed" in home.replace("&nbsp;", "\u00a0")
    preview.assert_same_as_fresh()


def test_every_title_and_summary_edit_matches_a_fresh_build(tmp_path):
    content = copy_content(tmp_path)
    preview = Preview(tmp_path, content)
    preview.build()
    for number, post in enumerate(sorted(content.glob("*/*.md"))):
        text = post.read_text(encoding="utf-8")
        text = re.sub(r"^Title: (.*)$", rf"Title: \1 (edit {number})", text, count=1, flags=re.M)
        if re.search(r"^Summary: ", text, flags=re.M):
            text = re.sub(r"^Summary: (.*)$", rf"Summary: Edited {number}. \1", text, count=1,
                          flags=re.M)
        else:
            text = text.replace("\n\n", f"\n\nA new first sentence {number}. ", 1)
        post.write_text(text, encoding="utf-8")
    preview.build()
    preview.assert_same_as_fresh()


def test_a_rebuild_with_nothing_changed_renders_nothing_with_many_images(tmp_path):
    content = copy_content(tmp_path)
    picture = content / "images" / "kamagra-gold-illustration.png"
    figures = ""
    for number in range(6):
        shutil.copy(picture, content / "images" / f"copy-{number}.png")
        figures += f"\n![Copy {number}]({{static}}/images/copy-{number}.png)\n"
    edit(content / "en" / "operation-pangea-ix.md", "as it has for seven years now.",
         "as it has for seven years now.\n" + figures)
    preview = Preview(tmp_path, content)
    preview.build()
    assert preview.build() == 0
    assert preview.build() == 0


def test_a_changed_setting_renders_what_it_shows(tmp_path):
    content = copy_content(tmp_path)
    preview = Preview(tmp_path, content)
    preview.build()
    preview.build(SUMMARY_WORDS=8)
    preview.assert_same_as_fresh(SUMMARY_WORDS=8)


def test_cached_posts_link_to_pages_as_fresh_ones_do(tmp_path):
    # Posts kept from an earlier build saw that build's site, not this one's.
    content = copy_content(tmp_path)
    edit(content / "en" / "medsindia-principals-indicted.md", "According to LegitScript,",
         "See [about us]({filename}/pages/about.md). According to LegitScript,")
    preview = Preview(tmp_path, content)
    preview.build()
    preview.build()
    assert 'href="/about/">about us' in (preview.output / MEDSINDIA).read_text(encoding="utf-8")
    preview.assert_same_as_fresh()


def post(title, body):
    made = Content.__new__(Content)  # only the attributes a fingerprint reads
    made.title, made._content, made.source_path = title, body, "en/a.md"
    return made


def test_a_post_counts_with_its_body_only_where_asked():
    before, after = post("A title", "<p>Body</p>"), post("A title", "<p>Changed</p>")
    assert Fingerprints().of(before) == Fingerprints().of(after)
    assert Fingerprints().of(before, with_body=True) != Fingerprints().of(after, with_body=True)
    assert Fingerprints().of(before) != Fingerprints().of(post("New title", "<p>Body</p>"))


def test_a_kept_post_follows_a_link_to_a_post_whose_address_changed(tmp_path):
    content = copy_content(tmp_path)
    edit(content / "en" / "medsindia-principals-indicted.md", "According to LegitScript,",
         "See [the EFF report]({filename}/en/eff-shadow-regulation.md). According to LegitScript,")
    preview = Preview(tmp_path, content)
    preview.build()
    assert 'href="/posts/eff-shadow-regulation/">' in (preview.output / MEDSINDIA).read_text()
    edit(content / "en" / "eff-shadow-regulation.md", "Slug: eff-shadow-regulation",
         "Slug: eff-shadow-regulation-renamed")
    preview.build()
    assert 'href="/posts/eff-shadow-regulation-renamed/">' in (
        preview.output / MEDSINDIA).read_text()
    preview.assert_same_as_fresh()


def test_a_post_read_again_leaves_nothing_of_its_old_self_in_memory(tmp_path):
    content = copy_content(tmp_path)
    preview = Preview(tmp_path, content)
    preview.build()
    edited = content / "en" / "medsindia-principals-indicted.md"
    kept = preview.state.read_posts["ArticlesGenerator"]
    old = [weakref.ref(post) for _, post in kept.values() if post.source_path == str(edited)]
    assert len(old) == 1
    for number in range(2):
        edited.write_text(edited.read_text() + f"\nEdit number {number}.\n")
        preview.build()
    gc.collect()
    assert old[0]() is None, "an edited post's earlier version is still referenced"
