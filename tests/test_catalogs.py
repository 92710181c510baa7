"""The Japanese catalog is complete, current and consistent with the theme."""

import re

from tests.catalogs import catalog, extract, msgids, template

PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


def forms(message):
    return message.id if isinstance(message.id, tuple) else (message.id,)


def strings(message):
    return message.string if isinstance(message.string, tuple) else (message.string,)


def test_template_is_up_to_date_with_the_theme(tmp_path):
    fresh = extract(tmp_path / "messages.pot")
    assert msgids(fresh), "extraction found no strings"
    assert msgids(template()) == msgids(fresh), "run `make translations`"


def test_catalogs_hold_exactly_the_template_strings():
    for lang in ("en", "ja"):
        assert msgids(catalog(lang)) == msgids(template()), f"{lang}: run `make translations`"


def test_japanese_translates_every_string_without_fuzzy_entries():
    untranslated = [m.id for m in catalog("ja") if m.id and not all(strings(m))]
    fuzzy = [m.id for m in catalog("ja") if m.id and m.fuzzy]
    assert untranslated == []
    assert fuzzy == []


def test_placeholders_survive_translation():
    for message in catalog("ja"):
        if not message.id:
            continue
        expected = set(PLACEHOLDER.findall(" ".join(forms(message))))
        for text in strings(message):
            assert set(PLACEHOLDER.findall(text)) == expected, message.id


def test_no_html_in_msgids():
    for message in template():
        assert "<" not in " ".join(forms(message)), message.id
