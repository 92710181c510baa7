"""Every link and asset inside the site points at a file that was built."""

from urllib.parse import urlsplit


def internal_references(site):
    for file in site.html_files():
        url = site.url_of(file)
        soup = site.soup(url)
        for node in soup.select("[href], [src]"):
            ref = node.get("href") or node.get("src")
            parts = urlsplit(ref)
            if ref.startswith("#") or parts.scheme in ("mailto", "tel"):
                continue
            if parts.netloc and not ref.startswith(site.siteurl or "\0"):
                continue
            yield url, ref


def broken(site):
    return [(url, ref) for url, ref in internal_references(site) if not site.file_for(ref)]


def test_development_build_has_no_broken_internal_links(site):
    assert list(internal_references(site)), "the checker found no links at all"
    assert broken(site) == []


def test_published_build_has_no_broken_internal_links(published):
    assert broken(published) == []


def test_no_page_requests_another_host(site):
    for file in site.html_files():
        soup = site.soup(site.url_of(file))
        for node in soup.select("script[src], link[rel=stylesheet], img[src], iframe"):
            ref = node.get("src") or node.get("href")
            assert not urlsplit(ref).netloc, (file, ref)


def test_checker_notices_a_broken_link(site, tmp_path):
    from tests.site import Site

    (tmp_path / "index.html").write_text('<a href="/missing/">x</a><a href="/">home</a>')
    assert broken(Site(tmp_path)) == [("/", "/missing/")]
