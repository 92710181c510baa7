import copy
import gzip
import json
import shutil
from types import SimpleNamespace

import pytest
import site_build
from search_index.search_index import RECORDS_DIGEST, write_bundle
from search_index.stable_bundle import read, stable, write

from tests.fixture_sites import build_in_process, warm_cache
from tests.site import ROOT, text_of


def fragments(bundle):
    """Pagefind's record of each indexed page: URL, title, indexed text."""
    for file in (bundle / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(file.read_bytes()).decode()
        yield json.loads(data.removeprefix("pagefind_dcd"))


def bare(text):
    return "".join(text.replace(".", "").replace("\u200b", "").split())


def pagefind_bundle(filters, languages=("ja", "en")):
    """A bundle as Pagefind writes one: each filter's values, and the filters in
    the metadata file, in the order given (Pagefind's is a hash map's)."""
    files, entry = {}, {"version": "1.5.2", "languages": {}}
    for lang in languages:
        listed = []
        for name, values in filters:
            data = write(["" + name, [[value, pages] for value, pages in values]])
            listed.append([name, f"{lang}_{name[:3]}"])
            files[f"filter/{lang}_{name[:3]}.pf_filter"] = data
        meta = write(["1.5.2", [["en_page", 10]], [["a", "z", f"{lang}_idx"]], listed, [],
                      ["category", "date", "title"]])
        files[f"pagefind.{lang}_meta.pf_meta"] = meta
        entry["languages"][lang] = {"hash": f"{lang}_meta", "page_count": 1, "wasm": lang}
    files["pagefind-entry.json"] = json.dumps(entry).encode()
    return files


def test_a_bundle_holds_the_same_bytes_whatever_order_pagefind_wrote_it_in():
    category = [("Policy", [6]), ("Payments", [9]), ("Enforcement", [5, 10])]
    year = [("2016", [0, 1]), ("2017", [2])]
    orders = [[("category", category), ("year", year)],
              [("year", year[::-1]), ("category", category[::-1])],
              [("category", category[1:] + category[:1]), ("year", year)]]
    bundles = [stable(pagefind_bundle(order)) for order in orders]
    bundles.append(stable(pagefind_bundle(orders[1], languages=("en", "ja"))))
    assert all(bundle == bundles[0] for bundle in bundles)
    entry = json.loads(bundles[0]["pagefind-entry.json"])
    for language in entry["languages"].values():
        meta = read(bundles[0][f"pagefind.{language['hash']}.pf_meta"])
        assert [name for name, _ in meta[3]] == ["category", "year"]
        for _, hash_ in meta[3]:  # every filter the metadata names is there, sorted
            values = read(bundles[0][f"filter/{hash_}.pf_filter"])[1]
            assert [value for value, _ in values] == sorted(value for value, _ in values)


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


def shown_body(page):
    """The report's text as a reader reads it: the body without its figures."""
    body = copy.copy(page.select_one(".report-body"))  # the session's page stays whole
    for figure in body.select("figure"):
        figure.decompose()
    return text_of(body)


def test_index_holds_each_reports_text_only_and_its_facts_as_metadata(site):
    for shard in bundles(site.root) + bundles(site.root / "ja"):
        for fragment in fragments(shard):
            page = site.soup(fragment["url"])
            title = text_of(page.select_one("h1"))
            # The title is metadata, and the indexed text is the headline (a
            # Japanese headline's words are found only there) and the body.
            assert bare(fragment["meta"]["title"].replace("\u2060", "")) == bare(title)
            assert bare(fragment["content"]) == bare(title + shown_body(page))
            # Figures' labels, captions and images are furniture.
            for figure in page.select(".report-body figure"):
                for caption in figure.select("figcaption"):
                    assert bare(text_of(caption)) not in bare(fragment["content"])
            assert "image" not in fragment["meta"] and "image_alt" not in fragment["meta"]
            assert set(fragment["meta"]) >= {"title", "date", "category"}
            shown_date = page.select_one(".report-header time")["datetime"][:10]
            assert fragment["meta"]["date"] == shown_date
            assert fragment["filters"]["year"] == [shown_date[:4]]
            assert fragment["filters"]["category"] == [fragment["meta"]["category"]]
            shown = page.select_one(".meta-category")  # a series' part shows its series
            if shown:
                assert fragment["meta"]["category"] == text_of(shown)
            if "bestkenko-part-" in fragment["url"]:
                assert fragment["meta"]["part"] == fragment["url"].rstrip("/")[-1]


def test_search_pages_offer_the_categories_and_years_of_their_reports(site):
    for home in ("", "ja/"):
        form = site.soup(f"/{home}search/").select_one("form[data-search]")
        categories = {o.get_text() for o in form.select("select[name=category] option[value='']")}
        assert len(categories) == 1  # "all", then one option per category
        offered = [o.get_text() for o in form.select("select[name=category] option:not([value])")]
        shown = {text_of(a) for a in site.soup(f"/{home}").select(".category-filter a")}
        assert offered and len(offered) == len(set(offered))
        assert all(any(label in entry for entry in shown) for label in offered)


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
