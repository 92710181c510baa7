"""English typography: curly quotes and names kept whole, never inside code or a
defanged domain that readers copy."""

import pytest
from english_typography.english_typography import (
    WORD_JOINER,
    NameJoin,
    smart_quotes,
    typeset,
    unbroken,
)
from markupsafe import Markup


@pytest.mark.parametrize("text, expected", [
    ('Offering "Premium Members" Back Door', "Offering “Premium Members” Back Door"),
    ("LegitScript's work", "LegitScript’s work"),
    ("'quoted' words", "‘quoted’ words"),
    ("the '16 season", "the ’16 season"),
    ('("nested")', "(“nested”)"),
])
def test_straight_quotes_become_curly(text, expected):
    assert smart_quotes(text) == expected


def test_names_are_joined_in_text_but_not_in_code_or_domains():
    html = ('<p>Part V of Operation Pangea IX named Chemist-4-U, not high-risk '
            '<span class="domain" translate="no" data-domain="chemist-4-u.com">'
            'chemist-4-u[.]com</span> <code>Part V Chemist-4-U</code></p>')
    joined = NameJoin(None).run(html)
    assert "Part&nbsp;V" in joined and "Pangea&nbsp;IX" in joined
    assert f"Chemist-{WORD_JOINER}4-{WORD_JOINER}U," in joined
    assert "high-risk" in joined
    assert ">chemist-4-u[.]com</span>" in joined
    assert "<code>Part V Chemist-4-U</code>" in joined


def test_titles_keep_names_whole_in_english_only():
    title = unbroken("UK Pharmacy Chemist-4-U: Part V", "en")
    assert '<span class="name-whole">Chemist-4-U</span>' in title and "Part&nbsp;V" in title
    assert unbroken("薬局Chemist-4-U", "ja") == "薬局Chemist-4-U"
    assert "&lt;b&gt;" in unbroken("<b>Part V</b>", "en")


def test_a_note_is_typeset_and_its_domain_left_as_written():
    note = Markup('It was "rogue" at <span class="domain" data-domain="a-1.com">'
                  "a-1[.]com</span>, Chemist-4-U said.")
    result = typeset(note)
    assert "“rogue”" in result and ">a-1[.]com</span>" in result
    assert f"Chemist-{WORD_JOINER}4" in result and 'data-domain="a-1.com"' in result
