from datetime import datetime

from bilingual_sitemap.bilingual_sitemap import render


def test_sitemap_is_sorted_and_carries_no_build_time():
    pages = {
        "posts/b/": ([("en", "posts/b/"), ("ja", "ja/posts/b/")], datetime(2016, 5, 1)),
        "": ([("en", ""), ("x-default", "")], None),
    }
    xml = render("https://n.example", pages)
    assert xml.index("<loc>https://n.example/</loc>") < xml.index("<loc>https://n.example/posts/b/</loc>")
    assert '<xhtml:link rel="alternate" hreflang="ja" href="https://n.example/ja/posts/b/"/>' in xml
    assert "<lastmod>2016-05-01</lastmod>" in xml
    assert render("https://n.example", pages) == xml
