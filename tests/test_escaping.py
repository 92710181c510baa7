"""Metadata is shown as text: a title with markup cannot inject anything."""

from check_site import html_errors

from tests.site import text_of

TITLE = 'Rogue <script>alert("x")</script> & "Pharmacy" <b>bold</b>'
# As readers see it: English titles are set with curly quotes.
SHOWN = "Rogue <script>alert(“x”)</script> & “Pharmacy” <b>bold</b>"


def test_markup_in_title_is_escaped_everywhere(fixture_site):
    post = f"""Title: {TITLE}
Date: 2016-10-05 09:00
Category: policy
Lang: en
Slug: escaped

Body text.
"""
    site, _ = fixture_site({"en/escaped.md": post})
    for url in ("/posts/escaped/", "/", "/archives/", "/category/policy/"):
        soup = site.soup(url)
        assert not soup.select("body script, body b"), url
        assert SHOWN in text_of(soup.body), url
    page = site.soup("/posts/escaped/")
    assert text_of(page.h1) == SHOWN
    assert text_of(page.title).startswith(SHOWN)
    assert html_errors(site.file_for("/posts/escaped/").parent) == []
