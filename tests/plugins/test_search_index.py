import gzip
import json
import shutil

from search_index.search_index import sort_entry_file

from tests.site import ROOT, build, text_of


def fragments(bundle):
    """Pagefind's record of each indexed page: URL, title, indexed text."""
    for file in (bundle / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(file.read_bytes()).decode()
        yield json.loads(data.removeprefix("pagefind_dcd"))


def bare(text):
    return "".join(text.replace(".", "").replace("\u200b", "").split())


def test_entry_file_is_rewritten_in_a_stable_order(tmp_path):
    entry = tmp_path / "pagefind-entry.json"
    entry.write_text('{"version":"1","languages":{"ja":{"hash":"j"},"en":{"hash":"e"}}}')
    sort_entry_file(tmp_path)
    text = entry.read_text()
    assert text.index('"en"') < text.index('"ja"')
    assert json.loads(text)["languages"]["ja"]["hash"] == "j"


def test_each_language_has_its_own_bundle_of_exactly_its_reports(site):
    for home, lang in (("", "en"), ("ja/", "ja")):
        bundle = site.root / home / "pagefind"
        entry = json.loads((bundle / "pagefind-entry.json").read_text())
        assert list(entry["languages"]) == [lang]
        reports = {site.url_of(f) for f in (site.root / home / "posts").glob("*/index.html")}
        indexed = {fragment["url"] for fragment in fragments(bundle)}
        assert indexed == reports
        search = site.soup(f"/{home}search/").select_one("[data-search]")
        assert search["data-bundle"] == f"/{home}pagefind/"


def test_index_holds_each_reports_title_and_body_as_the_page_shows_them(site):
    for bundle in (site.root / "pagefind", site.root / "ja" / "pagefind"):
        for fragment in fragments(bundle):
            page = site.soup(fragment["url"])
            title, body = (text_of(node) for node in page.select("[data-pagefind-body]"))
            assert fragment["meta"]["title"] == title
            # Pagefind separates blocks with full stops and spaces of its own.
            assert bare(fragment["content"]) == bare(title + body)


def test_a_language_whose_reports_did_not_change_keeps_its_bundle(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    output = tmp_path / "output"
    warm = {"DELETE_OUTPUT_DIRECTORY": False}
    build(output, content=content, extra=warm)
    english, japanese = (output / "pagefind", output / "ja" / "pagefind")
    before = {b: (b / "pagefind-entry.json").stat().st_mtime_ns for b in (english, japanese)}
    post = content / "en" / "medsindia-principals-indicted.md"
    post.write_text(post.read_text().replace("had worked to", "had long worked to"))
    build(output, content=content, extra=warm)
    assert (japanese / "pagefind-entry.json").stat().st_mtime_ns == before[japanese]
    assert (english / "pagefind-entry.json").stat().st_mtime_ns != before[english]
    assert any("had long worked to" in f["content"] for f in fragments(english))
