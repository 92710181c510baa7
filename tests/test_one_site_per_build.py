"""Every build reads one Site, made once from what the readers produced: what a
page says never depends on the order of PLUGINS, or on what an earlier build
in the same process left on a post."""

import shutil

from tests.fixture_sites import assert_same_site, build_in_process, warm_cache
from tests.site import ROOT


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def stale_notice(output):
    page = (output / "ja" / "posts" / "bestkenko-part-2" / "index.html").read_text("utf-8")
    start = page.index('class="notice notice-stale"')
    return page[start:page.index("</p>", start)]


def test_a_stale_translation_whose_original_gains_a_note_reads_the_same_warm_and_fresh(
        tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    # The English original gains a note, so its Japanese translation is stale...
    edit(content / "en" / "bestkenko-part-2.md", "\nSummary:",
         "\nNote: 2017-03-01 | update | LegitScript published the part.\nSummary:")
    edit(content / "en" / "bestkenko-part-2.md", "\n\n", "\n\nA new first paragraph.\n\n")
    cache = warm_cache()
    warm = tmp_path / "warm"
    for _ in range(3):  # the preview's first build, then two more saves
        _, result = build_in_process(warm, content, fresh=False, extra=cache)
        assert result.ok, result.problems
        edit(content / "en" / "eff-shadow-regulation.md", "\n\n", "\n\nOne more line.\n\n")
    _, result = build_in_process(warm, content, fresh=False, extra=cache)
    _, fresh = build_in_process(tmp_path / "fresh", content)
    assert result.ok and fresh.ok, (result.problems, fresh.problems)
    # ...and every build says when the original changed: the date of its note.
    assert "2017" in stale_notice(tmp_path / "fresh")
    assert stale_notice(warm) == stale_notice(tmp_path / "fresh")
    assert_same_site(warm, tmp_path / "fresh")


def test_what_a_build_derives_from_a_body_follows_edits_to_the_body(tmp_path):
    """Summaries and reading times of posts without a Summary: line, kept by a
    long-lived process, follow their body as a fresh build does."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    posts = [content / "en" / "transaction-laundering.md", content / "ja" / "bestkenko-part-2.md"]
    for post in posts:  # no Summary: line, so the summary comes from the body
        text = post.read_text(encoding="utf-8")
        post.write_text("\n".join(line for line in text.split("\n")
                                  if not line.startswith("Summary:")), encoding="utf-8")
    cache = warm_cache()
    warm = tmp_path / "warm"
    _, result = build_in_process(warm, content, fresh=False, extra=cache)
    assert result.ok, result.problems
    edit(posts[0], "\n\n", "\n\nA new opening sentence. " + "More words here. " * 900 + "\n\n")
    edit(posts[1], "\n\n", "\n\n新しい書き出しの一文。" + "本文が長くなる。" * 700 + "\n\n")
    _, result = build_in_process(warm, content, fresh=False, extra=cache)
    _, fresh = build_in_process(tmp_path / "fresh", content)
    assert result.ok and fresh.ok, (result.problems, fresh.problems)
    page = (warm / "posts" / "transaction-laundering" / "index.html").read_text("utf-8")
    assert "A new opening sentence." in page and "13 min read" in page
    assert_same_site(warm, tmp_path / "fresh")
