"""Warm rebuilds render only what changed, and give the same site as a cold build."""

import filecmp
import shutil
from pathlib import Path

from build_speed.incremental import Fingerprints
from pelican.contents import Content

from tests.site import ROOT, build

# As `make preview` sets them.
WARM = {"LOAD_CONTENT_CACHE": True, "CACHE_CONTENT": True, "DELETE_OUTPUT_DIRECTORY": False,
        "CONTENT_CACHING_LAYER": "generator", "GZIP_CACHE": False}
MEDSINDIA = Path("posts", "medsindia-principals-indicted", "index.html")
EFF = Path("posts", "eff-shadow-regulation", "index.html")


def site_files(root):
    # Pagefind names its files by their content and leaves earlier ones behind.
    return sorted(
        str(p.relative_to(root)) for p in Path(root).rglob("*")
        if p.is_file() and "pagefind" not in p.parts
    )


def assert_same_site(warm, cold):
    assert site_files(warm) == site_files(cold)
    _, mismatch, errors = filecmp.cmpfiles(warm, cold, site_files(cold), shallow=False)
    assert mismatch == [] and errors == []


def rendered(result):
    log = (result.stdout + result.stderr).splitlines()
    line = next(line for line in log if "Rendered " in line)
    return int(line.split("Rendered ")[1].split()[0])


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_warm_rebuilds_render_only_changed_pages_and_match_cold_builds(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    warm, cache = tmp_path / "warm", tmp_path / "cache"
    extra = {**WARM, "CACHE_PATH": str(cache)}

    first = build(warm, content=content, extra=extra, verbose=True)
    everything = rendered(first)
    eff_written = (warm / EFF).stat().st_mtime_ns
    assert rendered(build(warm, content=content, extra=extra, verbose=True)) == 0

    # A change to one report's body (with no translation to turn stale): its own pages.
    edit(content / "en" / "medsindia-principals-indicted.md", "had worked to", "had long worked to")
    result = build(warm, content=content, extra=extra, verbose=True)
    assert 0 < rendered(result) < everything / 4
    assert "had long worked to" in (warm / MEDSINDIA).read_text(encoding="utf-8")
    assert (warm / EFF).stat().st_mtime_ns == eff_written
    cold = tmp_path / "cold-1"
    build(cold, content=content)
    assert_same_site(warm, cold)

    # A new summary shows on listings too, but not on every page.
    edit(content / "en" / "medsindia-principals-indicted.md", "Summary: The indictment",
         "Summary: Unsealed today: the indictment")
    result = build(warm, content=content, extra=extra, verbose=True)
    assert 0 < rendered(result) < everything / 2
    cold = tmp_path / "cold-summary"
    build(cold, content=content)
    assert_same_site(warm, cold)

    # A new headline shows on other pages (listings, series boxes); a deleted
    # report's page goes away.
    edit(content / "en" / "operation-pangea-ix.md", "One for the Record Books!", "renamed")
    (content / "en" / "eff-shadow-regulation.md").unlink()
    build(warm, content=content, extra=extra)
    assert not (warm / EFF).exists()
    assert "Operation Pangea IX: renamed" in (warm / "index.html").read_text(encoding="utf-8")
    cold = tmp_path / "cold-2"
    build(cold, content=content)
    assert_same_site(warm, cold)


def test_cached_posts_link_to_pages_as_fresh_ones_do(tmp_path):
    # Pelican's cache hands back posts that saw the site before any page was read.
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    edit(content / "en" / "medsindia-principals-indicted.md", "According to LegitScript,",
         "See [about us]({filename}/pages/about.md). According to LegitScript,")
    extra = {**WARM, "CACHE_PATH": str(tmp_path / "cache")}
    warm, cold = tmp_path / "warm", tmp_path / "cold"
    build(warm, content=content, extra=extra)
    build(warm, content=content, extra=extra)
    build(cold, content=content)
    assert 'href="/about/">about us' in (warm / MEDSINDIA).read_text(encoding="utf-8")
    assert_same_site(warm, cold)


def test_pages_another_build_wrote_are_rendered_again(tmp_path):
    # `make publish` swaps a production build into output/ under the preview.
    extra = {**WARM, "CACHE_PATH": str(tmp_path / "cache")}
    warm, cold = tmp_path / "warm", tmp_path / "cold"
    build(warm, extra=extra)
    build(warm, extra={**extra, "DELETE_OUTPUT_DIRECTORY": True, "SITEURL": "https://x.example"})
    build(warm, extra=extra)
    build(cold)
    assert_same_site(warm, cold)


def test_a_changed_setting_is_not_served_from_the_content_cache(tmp_path):
    # Summaries are made as posts are read, so the content cache holds them.
    extra = {**WARM, "CACHE_PATH": str(tmp_path / "cache")}
    warm, cold = tmp_path / "warm", tmp_path / "cold"
    build(warm, extra=extra)
    build(warm, extra={**extra, "SUMMARY_WORDS": 8})
    build(cold, extra={"SUMMARY_WORDS": 8})
    assert_same_site(warm, cold)


def post(title, body):
    made = Content.__new__(Content)  # only the attributes a fingerprint reads
    made.title, made._content, made.source_path = title, body, "en/a.md"
    return made


def test_a_post_counts_with_its_body_only_where_asked():
    before, after = post("A title", "<p>Body</p>"), post("A title", "<p>Changed</p>")
    assert Fingerprints().of(before) == Fingerprints().of(after)
    assert Fingerprints().of(before, with_body=True) != Fingerprints().of(after, with_body=True)
    assert Fingerprints().of(before) != Fingerprints().of(post("New title", "<p>Body</p>"))
