import re

from domain_mentions.domain_mentions import EXTERNAL_LINK, protect_link
from domain_mentions.syntax import defang, mentions_in, normalise


def protect(html, reported):
    return EXTERNAL_LINK.sub(lambda m: protect_link(m, reported), html)


def test_links_to_reported_sites_are_not_followed():
    html = '<a href="https://shop.rogue.example/x">a</a> <a href="https://court.example/">b</a>'
    protected = protect(html, {"rogue.example"})
    rels = re.findall(r'rel="([^"]+)"', protected)
    assert rels == ["nofollow noopener noreferrer", "noopener noreferrer"]


def test_existing_rel_is_replaced_not_doubled():
    protected = protect('<a rel="me" href="https://a.example/" title="t">a</a>', set())
    assert protected == '<a href="https://a.example/" rel="noopener noreferrer" title="t">a</a>'


def test_mentions_are_normalised_and_defanged():
    assert mentions_in("See [[WWW.Rogue.Example]] and [[x.net]].") == ["rogue.example", "x.net"]
    assert normalise("www.Rogue.example") == "rogue.example"
    assert defang("a.b.example") == "a[.]b[.]example"
