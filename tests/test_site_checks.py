"""The checks `make publish` runs before deploying, and that each can fail."""

from check_site import bad_feeds, broken_links, html_errors, lost_urls

from pelicanconf import REDIRECTS
from tests.site import ROOT

MANIFEST = ROOT / "published-urls.txt"


def test_published_site_passes_every_check(published):
    assert broken_links(published.root, published.siteurl) == []
    assert bad_feeds(published.root) == []
    assert html_errors(published.root) == []
    assert lost_urls(published.root, MANIFEST, REDIRECTS) == []


def test_broken_link_and_anchor_are_found(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<p id="here">x</p>')
    (tmp_path / "index.html").write_text(
        '<a href="/a/">ok</a><a href="/a/#here">ok</a><a href="/a/#gone">bad anchor</a>'
        '<a href="/missing/">bad</a><img src="/img.png" alt="bad"><a href="https://else.example/">out</a>'
    )
    assert broken_links(tmp_path) == [("/", "/a/#gone"), ("/", "/missing/"), ("/", "/img.png")]


def test_a_link_out_of_the_site_folder_is_broken_even_if_the_file_exists(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (tmp_path / "README.md").write_text("not the site's")
    (site / "index.html").write_text(
        '<a href="/../README.md">x</a><a href="/a/../../README.md">y</a>')
    assert broken_links(site) == [("/", "/../README.md"), ("/", "/a/../../README.md")]


def test_redirect_pages_stay_out_of_the_sitemap(fixture_site):
    post = ("Title: Renamed\nDate: 2016-01-01 09:00\nCategory: policy\nLang: en\n"
            "Slug: new-name\n\nBody.\n")
    site, _ = fixture_site({"en/new-name.md": post},
                           extra={"REDIRECTS": {"posts/old-name/": "posts/new-name/"}})
    sitemap = (site.root / "sitemap.xml").read_text()
    assert "/posts/new-name/" in sitemap and "old-name" not in sitemap


def test_broken_feed_is_found(tmp_path):
    (tmp_path / "bad.atom.xml").write_text("<feed><entry></feed>")
    assert [feed for feed, _ in bad_feeds(tmp_path)] == ["/bad.atom.xml"]


def test_invalid_html_is_found(tmp_path):
    page = "<!DOCTYPE html><html lang=en><head><title>t</title></head><body>{}</body></html>"
    (tmp_path / "index.html").write_text(page.format("<p>fine</p>"))
    assert html_errors(tmp_path) == []
    (tmp_path / "index.html").write_text(page.format("<p><div></p>"))
    errors = html_errors(tmp_path)
    assert errors and all(line.startswith(f"{tmp_path}/index.html:1: ") for line in errors)


def test_removed_url_fails_unless_redirected(tmp_path, fixture_site):
    manifest = tmp_path / "urls.txt"
    manifest.write_text("# comment\n/\n/posts/old-name/\n")
    post = ("Title: Renamed\nDate: 2016-01-01 09:00\nCategory: policy\nLang: en\n"
            "Slug: new-name\n\nBody.\n")
    site, _ = fixture_site({"en/new-name.md": post})
    assert lost_urls(site.root, manifest, {}) == ["/posts/old-name/"]

    redirects = {"posts/old-name/": "posts/new-name/", "ja/posts/old-name/": "ja/"}
    redirected, _ = fixture_site({"en/new-name.md": post}, extra={"REDIRECTS": redirects})
    assert lost_urls(redirected.root, manifest, redirects) == []
    english = redirected.soup("/posts/old-name/")
    assert english.select_one('meta[http-equiv="refresh"]')["content"].endswith("/posts/new-name/")
    assert english.html["lang"] == "en"
    japanese = redirected.soup("/ja/posts/old-name/")
    assert japanese.html["lang"] == "ja"
    assert japanese.select_one("a")["href"] == "/ja/"
