import re

from domain_mentions.domain_mentions import EXTERNAL_LINK, protect_link


def protect(html):
    return EXTERNAL_LINK.sub(protect_link, html)


def test_links_to_other_sites_pass_nothing_on():
    html = '<a href="https://court.example/">b</a> <a href="/posts/x/">c</a>'
    assert re.findall(r'rel="([^"]+)"', protect(html)) == ["noopener noreferrer"]


def test_existing_rel_is_replaced_not_doubled():
    protected = protect('<a rel="me" href="https://a.example/" title="t">a</a>')
    assert protected == '<a href="https://a.example/" rel="noopener noreferrer" title="t">a</a>'


def test_a_domain_in_a_title_is_shown_defanged(fixture_site):
    from tests.fixture_sites import post

    site, _ = fixture_site({"en/t.md": post(title="Seized: [[Rogue.example]]", slug="t")})
    assert site.soup("/posts/t/").select_one("h1").get_text() == "Seized: rogue[.]example"
