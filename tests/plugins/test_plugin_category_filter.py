from types import SimpleNamespace

from category_filter.category_filter import filter_entries

SETTINGS = {
    "CATEGORIES": {"payments": "Payments", "policy": "Policy", "enforcement": "Enforcement"},
    "DEFAULT_LANG": "en",
    "SITE_LANGUAGES": {"en": {}, "ja": {}},
}


def article(slug):
    return SimpleNamespace(category=SimpleNamespace(slug=slug))


def test_entries_follow_the_configured_order_and_skip_empty_categories():
    articles = [article("policy"), article("payments"), article("policy")]
    entries = filter_entries(SETTINGS, "ja", articles)
    assert [(e.slug, e.count, e.url) for e in entries] == [
        ("payments", 1, "ja/category/payments/"),
        ("policy", 2, "ja/category/policy/"),
    ]
    assert entries[1].feed == "ja/feeds/policy.atom.xml"
