from translation_links.translation_links import links_for

SETTINGS = {
    "SITE_LANGUAGES": {"en": {"name": "English"}, "ja": {"name": "日本語"}},
    "DEFAULT_LANG": "en",
}


def test_translated_page_links_both_versions_and_defaults_to_english():
    links = links_for(SETTINGS, "ja", {"en": "posts/a/", "ja": "ja/posts/a/"})
    assert links.alternates == [
        ("en", "posts/a/"),
        ("ja", "ja/posts/a/"),
        ("x-default", "posts/a/"),
    ]
    [switch] = links.switches
    assert (switch.lang, switch.url, switch.is_translation) == ("en", "posts/a/", True)


def test_untranslated_page_switches_to_the_other_home():
    links = links_for(SETTINGS, "ja", {"ja": "ja/posts/only/"})
    assert links.alternates == [("ja", "ja/posts/only/"), ("x-default", "ja/posts/only/")]
    [switch] = links.switches
    assert (switch.url, switch.is_translation, switch.name) == ("", False, "English")


def test_english_page_switches_to_japanese_home():
    [switch] = links_for(SETTINGS, "en", {"en": "posts/b/"}).switches
    assert (switch.lang, switch.url) == ("ja", "ja/")
