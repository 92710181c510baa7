from types import SimpleNamespace

from series_nav.series_nav import build_box, parts_by_language

SETTINGS = {
    "SERIES": {"s": {"title": "A series", "parts": 4}},
    "SITE_LANGUAGES": {"en": {"name": "English"}, "ja": {"name": "日本語"}},
    "DEFAULT_LANG": "en",
}


def part(number, lang):
    return SimpleNamespace(series="s", part=str(number), lang=lang)


def versions(en=(), ja=()):
    return parts_by_language(
        {"en": [part(n, "en") for n in en], "ja": [part(n, "ja") for n in ja]}, "s"
    )


def test_parts_in_another_language_are_marked_not_counted():
    box = build_box(SETTINGS, "s", "ja", versions(en=[1, 2, 3], ja=[1]), number=1)
    flags = [(p.number, p.in_other_language, bool(p.article)) for p in box.parts]
    assert flags == [(1, False, True), (2, True, True), (3, True, True), (4, False, False)]
    assert box.total == 4 and box.url == "ja/series/s/"


def test_previous_and_next_skip_unpublished_parts():
    box = build_box(SETTINGS, "s", "en", versions(en=[1, 3]), number=3)
    assert box.previous.number == 1
    assert box.next is None
    first = build_box(SETTINGS, "s", "en", versions(en=[1, 3]), number=1)
    assert first.previous is None and first.next.number == 3


def test_series_page_box_has_no_current_part():
    box = build_box(SETTINGS, "s", "en", versions(en=[1, 2]))
    assert not any(p.is_current for p in box.parts)
    assert box.previous is None and box.next is None
