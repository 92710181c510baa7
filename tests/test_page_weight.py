"""An article stays light on a phone: at most 30 KB with what it loads at once,
as a host that compresses text sends it (GitHub Pages does)."""

import gzip

import pytest

from tests.content_index import post_url, posts


def srcset_choice(img, pixels=780):
    """The candidate a 390-px-wide phone at 2x picks: the first at least that wide."""
    candidates = sorted(
        (int(width.removesuffix("w")), url)
        for url, width in (entry.split() for entry in img["srcset"].split(","))
    )
    return next((url for width, url in candidates if width >= pixels), candidates[-1][1])


def sent(file):
    """Bytes a host sends for ``file``: text compressed, images as they are."""
    data = file.read_bytes()
    textual = file.suffix in (".html", ".css", ".js", ".svg")
    return len(gzip.compress(data, 6)) if textual else len(data)


def transfer(site, url):
    """Bytes a phone downloads for ``url``: HTML, stylesheet, icon, scripts, eager images."""
    soup = site.soup(url)
    assets = [link["href"] for link in soup.select('link[rel="stylesheet"], link[rel="icon"]')]
    assets += [script["src"] for script in soup.select("script[src]")]
    assets += [srcset_choice(img) if img.get("srcset") else img["src"]
               for img in soup.select("img") if img.get("loading") != "lazy"]
    return sent(site.file_for(url)) + sum(sent(site.file_for(a)) for a in assets)


@pytest.mark.parametrize("source", posts(), ids=lambda s: f"{s.lang}:{s.slug}")
def test_an_article_weighs_at_most_30_kb(site, source):
    assert transfer(site, post_url(source)) <= 30_000
