from japanese_phrases.japanese_phrases import phrase_breaks


def test_phrases_are_joined_by_wbr_and_escaped():
    result = str(phrase_breaks("日本向け最大のネット薬局は<違法>なのか", "ja"))
    assert "<wbr>" in result
    assert "&lt;違法&gt;" in result
    assert result.replace("<wbr>", "") == "日本向け最大のネット薬局は&lt;違法&gt;なのか"


def test_english_is_left_alone():
    assert str(phrase_breaks("Rogue <b>pharmacy</b>", "en")) == "Rogue &lt;b&gt;pharmacy&lt;/b&gt;"


def test_japanese_headings_break_between_phrases(site):
    soup = site.soup("/ja/posts/bestkenko-part-1/")
    assert soup.select("h1 wbr")
    assert soup.select(".report-body h2 wbr")
    assert not site.soup("/posts/bestkenko-part-1/").select("h1 wbr")
