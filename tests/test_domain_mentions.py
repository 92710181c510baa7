"""Reported domains are named, defanged and indexed, never linked."""

import gzip

from tests.site import text_of

DOMAIN = "ばいあぐらジェネリック通販.net"
DEFANGED = "ばいあぐらジェネリック通販[.]net"


def test_no_mention_is_ever_a_link_anywhere(published):
    files = [f for f in published.root.rglob("*") if f.suffix in (".html", ".xml")]
    assert files
    seen_defanged = False
    for file in files:
        text = file.read_text(encoding="utf-8")
        assert f"//{DOMAIN}" not in text and f'href="{DOMAIN}' not in text, file
        if file.suffix == ".html":
            for span in published.soup(published.url_of(file)).select(".domain"):
                assert span.find_parent("a") is None and not span.select("a"), file
                seen_defanged |= text_of(span) == DEFANGED
    assert seen_defanged


def test_feeds_and_search_index_carry_only_the_defanged_name(published):
    feed = (published.root / "ja" / "feeds" / "all.atom.xml").read_text(encoding="utf-8")
    assert DEFANGED in feed and f"://{DOMAIN}" not in feed
    fragments = list((published.root / "ja" / "pagefind").glob("*/fragment/ja_*.pf_fragment"))
    indexed = "".join(gzip.decompress(f.read_bytes()).decode() for f in fragments)
    indexed = indexed.replace("\u200b", "")
    assert DEFANGED in indexed
    assert DOMAIN not in indexed.replace(DEFANGED, "")


def test_domain_index_lists_each_domain_with_its_reports(site):
    for home in ("/", "/ja/"):
        rows = site.soup(f"{home}domains/").select(".domain-index > li")
        by_domain = {text_of(row.select_one("h2")): row for row in rows}
        row = by_domain[DEFANGED]
        reports = [a["href"] for a in row.select("dd a")]
        assert reports == ["/ja/posts/kamagra-gold-unapproved-drug/"]
        first, last = (t["datetime"][:10] for t in row.select("time"))
        assert first == last == "2016-09-14"


def test_external_links_are_protected_and_reported_sites_not_followed(fixture_site):
    post = """Title: Links
Date: 2016-05-01 09:00
Category: policy
Lang: en
Slug: links

We name [[rogue.example]]. The [regulator](https://regulator.example/notice) said so.
"""
    site, _ = fixture_site({"en/links.md": post})
    link = site.soup("/posts/links/").select_one('.report-body a[href^="https://regulator"]')
    assert link["rel"] == ["noopener", "noreferrer"]
