from url_redirects.url_redirects import language_of, page_file

SETTINGS = {"SITE_LANGUAGES": {"en": {}, "ja": {}}, "DEFAULT_LANG": "en"}


def test_language_comes_from_the_path_prefix():
    assert language_of("ja/posts/old/", SETTINGS) == "ja"
    assert language_of("posts/japan/", SETTINGS) == "en"


def test_folder_urls_get_an_index_page():
    assert page_file("posts/old/") == "posts/old/index.html"
    assert page_file("old.html") == "old.html"
