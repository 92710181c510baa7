"""Link previews and JSON-LD describe each report and link its languages."""

import json

SITEURL = "https://news.example.org"


def json_ld(soup):
    return json.loads(soup.select_one('script[type="application/ld+json"]').string)


def meta(soup, prop):
    return [m["content"] for m in soup.select(f'meta[property="{prop}"]')]


def test_news_article_fields_and_translation_links(published):
    english = json_ld(published.soup(f"{SITEURL}/posts/bestkenko-part-1/"))
    japanese = json_ld(published.soup(f"{SITEURL}/ja/posts/bestkenko-part-1/"))
    assert english["@type"] == japanese["@type"] == "NewsArticle"
    assert (english["inLanguage"], japanese["inLanguage"]) == ("en", "ja")
    assert english["datePublished"].startswith("2016-10-05")
    assert english["dateModified"] >= english["datePublished"]
    assert japanese["headline"].startswith("ベストケンコー")
    original = f"{SITEURL}/posts/bestkenko-part-1/"
    assert japanese["translationOfWork"]["@id"] == english["url"] == original
    assert [w["@id"] for w in english["workTranslation"]] == [japanese["url"]]
    assert "translationOfWork" not in english


def test_untranslated_report_has_no_translation_links(published):
    data = json_ld(published.soup(f"{SITEURL}/ja/posts/kamagra-gold-unapproved-drug/"))
    assert "translationOfWork" not in data and "workTranslation" not in data


def test_open_graph_locales(published):
    english = published.soup(f"{SITEURL}/posts/bestkenko-part-1/")
    japanese = published.soup(f"{SITEURL}/ja/posts/bestkenko-part-1/")
    assert meta(english, "og:locale") == ["en_US"]
    assert meta(english, "og:locale:alternate") == ["ja_JP"]
    assert meta(japanese, "og:locale") == ["ja_JP"]
    assert meta(japanese, "og:locale:alternate") == ["en_US"]
    assert meta(japanese, "og:type") == ["article"]
    assert meta(japanese, "og:url") == [f"{SITEURL}/ja/posts/bestkenko-part-1/"]
    [image] = meta(japanese, "og:image")
    assert image.startswith(SITEURL) and published.file_for(image)
    alone = published.soup(f"{SITEURL}/ja/posts/kamagra-gold-unapproved-drug/")
    assert meta(alone, "og:locale:alternate") == []


def test_canonical_is_the_page_itself(published):
    for url in ("/", "/ja/", "/page/2/", "/ja/posts/bestkenko-part-1/"):
        soup = published.soup(f"{SITEURL}{url}")
        assert soup.select_one('link[rel="canonical"]')["href"] == f"{SITEURL}{url}"
