"""`make publish` output: absolute, complete, reproducible, and safe to deploy."""

import filecmp
import os
import subprocess
import sys
from pathlib import Path

from lxml import etree

from tests.site import Site, build, copy_project

SITEURL = "https://news.example.org"
CANARY = "CANARY-future-9d2c"


def published_build(output, content=None, env=None, check=True):
    return build(output, settings="publishconf.py", content=content,
                 env={"SITEURL": SITEURL, **(env or {})}, check=check)


def tree_files(root):
    return sorted(p.relative_to(root) for p in Path(root).rglob("*") if p.is_file())


def test_two_publishes_are_byte_identical(tmp_path, published):
    again = tmp_path / "again"
    published_build(again)
    assert tree_files(published.root) == tree_files(again)
    _, mismatch, errors = filecmp.cmpfiles(
        published.root, again, [str(p) for p in tree_files(again)], shallow=False
    )
    assert mismatch == [] and errors == []


def test_clones_in_different_folders_at_different_times_publish_the_same_bytes(tmp_path):
    outputs = []
    for name, mtime in (("first-clone", None), ("elsewhere/second", 1_000_000_000)):
        project = copy_project(tmp_path / name)
        if mtime:
            for path in project.rglob("*"):
                if not path.is_symlink():
                    os.utime(path, (mtime, mtime))
        result = subprocess.run(
            [sys.executable, "tools/site_build.py", "--settings", "publishconf.py"],
            cwd=project, env={**os.environ, "SITEURL": SITEURL}, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        outputs.append(project / "output")
    first, second = outputs
    assert tree_files(first) == tree_files(second)
    _, mismatch, errors = filecmp.cmpfiles(first, second, [str(p) for p in tree_files(first)],
                                           shallow=False)
    assert mismatch == [] and errors == []


def future_content(tmp_path):
    content = tmp_path / "content"
    for folder in ("en", "ja", "pages", "images"):
        (content / folder).mkdir(parents=True)
    (content / "en" / "scheduled.md").write_text(
        f"Title: Scheduled {CANARY}\nDate: 2030-01-01 09:00\nCategory: policy\nLang: en\n"
        f"Slug: scheduled-report\nSummary: {CANARY}\n\n{CANARY}\n"
    )
    (content / "en" / "today.md").write_text(
        "Title: Today\nDate: 2016-01-01 09:00\nCategory: policy\nLang: en\nSlug: today\n\nNow.\n"
    )
    return content


def test_future_post_waits_for_its_date(tmp_path):
    content = future_content(tmp_path)
    before = tmp_path / "before"
    published_build(before, content=content, env={"SITE_NOW": "2029-12-31T00:00:00+00:00"})
    for file in before.rglob("*"):
        assert "scheduled-report" not in str(file)
        if file.is_file():
            assert CANARY not in file.read_text(errors="replace"), file
    preview = tmp_path / "preview"
    build(preview, content=content, env={"SITE_NOW": "2029-12-31T00:00:00+00:00"})
    assert Site(preview).file_for("/drafts/posts/scheduled-report/")
    after = tmp_path / "after"
    published_build(after, content=content, env={"SITE_NOW": "2030-01-02T00:00:00+00:00"})
    assert Site(after, SITEURL).file_for(f"{SITEURL}/posts/scheduled-report/")


def test_sitemap_lists_every_page_with_its_translations(published):
    tree = etree.parse(str(published.root / "sitemap.xml"))
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    locs = tree.xpath("//s:loc/text()", namespaces=ns)
    assert all(published.file_for(loc) for loc in locs)
    pages = {published.url_of(f) for f in published.html_files()
             if not f.name == "404.html" and "/page/" not in published.url_of(f)}
    assert {f"{SITEURL}{url}" for url in pages} <= set(locs)
    part1 = tree.xpath(f"//s:url[s:loc='{SITEURL}/ja/posts/bestkenko-part-1/']", namespaces=ns)[0]
    links = {link.get("hreflang"): link.get("href")
             for link in part1.xpath("x:link", namespaces=ns)}
    assert links["en"] == f"{SITEURL}/posts/bestkenko-part-1/"
    assert links["ja"] == f"{SITEURL}/ja/posts/bestkenko-part-1/"
    robots = (published.root / "robots.txt").read_text()
    assert f"Sitemap: {SITEURL}/sitemap.xml" in robots


def test_every_page_carries_a_strict_policy(published):
    for file in published.html_files():
        soup = published.soup(published.url_of(file))
        policy = soup.select_one('meta[http-equiv="Content-Security-Policy"]')["content"]
        assert "default-src 'self'" in policy and "unsafe-inline" not in policy
        assert "unsafe-eval" not in policy.replace("wasm-unsafe-eval", "")
        assert soup.select_one('meta[name="referrer"]')["content"] == "same-origin"
    headers = (published.root / "_headers").read_text()
    assert "Content-Security-Policy: default-src 'self'" in headers
    assert "frame-ancestors 'none'" in headers and "X-Content-Type-Options: nosniff" in headers


def test_header_policy_lets_search_run_and_pages_stay_strict(published):
    # A browser enforces the header's policy and the page's <meta> together.
    headers = (published.root / "_headers").read_text()
    header = next(line for line in headers.splitlines() if "Content-Security-Policy" in line)
    assert "'wasm-unsafe-eval'" in header
    assert "unsafe-eval" not in header.replace("wasm-unsafe-eval", "")
    for file in published.html_files():
        soup = published.soup(published.url_of(file))
        meta = soup.select_one('meta[http-equiv="Content-Security-Policy"]')["content"]
        is_search = soup.select_one("[data-search]") is not None
        assert ("'wasm-unsafe-eval'" in meta) == is_search, file


def test_failed_publish_leaves_the_previous_output(tmp_path):
    project = copy_project(tmp_path / "project")
    env = {"SITEURL": SITEURL, "PATH": "/usr/bin:/bin"}
    first = subprocess.run(["make", "-s", "publish"], cwd=project, env=env,
                           capture_output=True, text=True)
    assert first.returncode == 0, first.stdout + first.stderr
    before = {p: p.read_bytes() for p in (project / "output").rglob("*") if p.is_file()}
    post = project / "content" / "en" / "operation-pangea-ix.md"
    post.write_text(post.read_text().replace("Category: enforcement", "Category: enforcment"))
    second = subprocess.run(["make", "-s", "publish"], cwd=project, env=env,
                            capture_output=True, text=True)
    assert second.returncode != 0
    assert "content/en/operation-pangea-ix.md:3: Category:" in second.stderr
    after = {p: p.read_bytes() for p in (project / "output").rglob("*") if p.is_file()}
    assert after == before


def test_an_empty_feed_is_dated_without_the_clock(tmp_path):
    content = future_content(tmp_path)  # no notes: the corrections feed is empty
    first, second = tmp_path / "one", tmp_path / "two"
    for output in (first, second):
        published_build(output, content=content, env={"SITE_NOW": "2020-01-01T00:00:00+00:00"})
    feed = "corrections/feed.atom.xml"
    assert (first / feed).read_bytes() == (second / feed).read_bytes()
    assert b"<updated>1970-01-01T00:00:00+00:00</updated>" in (first / feed).read_bytes()
