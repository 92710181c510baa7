import gzip
import json
import shutil
from types import SimpleNamespace

import pytest
import site_build
from search_index.search_index import RECORDS_DIGEST, sorted_entry, write_bundle

from tests.fixture_sites import build_in_process, warm_cache
from tests.site import ROOT, text_of


def fragments(bundle):
    """Pagefind's record of each indexed page: URL, title, indexed text."""
    for file in (bundle / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(file.read_bytes()).decode()
        yield json.loads(data.removeprefix("pagefind_dcd"))


def bare(text):
    return "".join(text.replace(".", "").replace("\u200b", "").split())


def test_entry_file_is_rewritten_in_a_stable_order():
    entry = b'{"version":"1","languages":{"ja":{"hash":"j"},"en":{"hash":"e"}}}'
    text = sorted_entry(entry).decode()
    assert text.index('"en"') < text.index('"ja"')
    assert json.loads(text)["languages"]["ja"]["hash"] == "j"


def test_a_bundle_is_written_as_given_without_the_unused_interfaces(tmp_path):
    bundle = tmp_path / "pagefind" / "0"
    (bundle / "fragment").mkdir(parents=True)
    (bundle / "fragment" / "gone.pf_fragment").write_bytes(b"old")
    (bundle / "pagefind.js").write_bytes(b"same")
    kept = (bundle / "pagefind.js").stat().st_mtime_ns
    files = {"pagefind.js": b"same", "fragment/new.pf_fragment": b"new",
             "pagefind-ui.js": b"ui", "pagefind-entry.json": b'{"languages":{}}'}
    write_bundle(SimpleNamespace(output_path=str(tmp_path)), "pagefind/0/", files, "abc")
    written = sorted(p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file())
    assert written == sorted(["pagefind.js", "fragment/new.pf_fragment", "pagefind-entry.json",
                              RECORDS_DIGEST])
    assert (bundle / "pagefind.js").stat().st_mtime_ns == kept
    assert (bundle / RECORDS_DIGEST).read_text() == "abc"


def bundles(root):
    return sorted((root / "pagefind").glob("*/"))


def test_each_language_has_its_own_shards_of_exactly_its_reports(site):
    for home, lang in (("", "en"), ("ja/", "ja")):
        shards = bundles(site.root / home)
        assert len(shards) > 1  # the test site is built with small shards
        indexed = []
        for shard in shards:
            entry = json.loads((shard / "pagefind-entry.json").read_text())
            assert list(entry["languages"]) == [lang]
            indexed += [fragment["url"] for fragment in fragments(shard)]
        reports = {site.url_of(f) for f in (site.root / home / "posts").glob("*/index.html")}
        assert sorted(indexed) == sorted(reports)
        search = site.soup(f"/{home}search/").select_one("[data-search]")
        assert search["data-bundles"].split() == [site.url_of(s) + "/" for s in shards]


def test_index_holds_each_reports_title_and_body_as_the_page_shows_them(site):
    for shard in bundles(site.root) + bundles(site.root / "ja"):
        for fragment in fragments(shard):
            page = site.soup(fragment["url"])
            title, body = (text_of(node) for node in page.select("[data-pagefind-body]"))
            assert " ".join(fragment["meta"]["title"].split()) == title
            # Pagefind separates blocks with full stops and spaces of its own.
            assert bare(fragment["content"]) == bare(title + body)


def entries(root):
    return {s: (s / "pagefind-entry.json").stat().st_mtime_ns for s in bundles(root)}


@pytest.mark.parametrize("deferred", [False, True], ids=["in the build", "after it"])
def test_an_edit_re_indexes_only_the_shard_of_the_edited_report(tmp_path, deferred):
    # The preview indexes after the build, once its pages are served.
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    output = tmp_path / "output"
    warm = {**warm_cache(), "SEARCH_SHARD_SIZE": 3, "SEARCH_DEFERRED": deferred}
    plugins = site_build.settings_for()["PLUGINS"]
    build_in_process(output, content, extra=warm, plugins=plugins, fresh=False)
    before = {**entries(output), **entries(output / "ja")}
    post = content / "en" / "medsindia-principals-indicted.md"
    post.write_text(post.read_text().replace("had worked to", "had long worked to"))
    build_in_process(output, content, extra=warm, plugins=plugins, fresh=False)
    after = {**entries(output), **entries(output / "ja")}
    changed = [shard for shard in after if after[shard] != before[shard]]
    assert len(changed) == 1 and changed[0].parent == output / "pagefind"
    assert any("had long worked to" in f["content"] for f in fragments(changed[0]))
