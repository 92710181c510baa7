from reading_time.reading_time import reading_minutes


def test_japanese_characters_and_english_words_both_count():
    japanese = "あ" * 1000  # two minutes at 500 a minute
    english = " word" * 460  # two minutes at 230 a minute
    assert reading_minutes(japanese) == 2
    assert reading_minutes(english) == 2
    assert reading_minutes(japanese + english) == 4


def test_a_short_post_still_takes_a_minute():
    assert reading_minutes("短い。") == 1


def test_reading_time_shows_in_the_page_language(fixture_site):
    body = "漢字とかなの文章です。" * 100 + "\n\n" + "English words here. " * 120
    post = (f"Title: 混在\nDate: 2016-01-01 09:00\nCategory: policy\nLang: ja\nSlug: mixed\n"
            f"Summary: 要約。\n\n{body}\n")
    site, _ = fixture_site({"ja/mixed.md": post})
    shown = site.soup("/ja/posts/mixed/").select_one(".reading-time").get_text()
    # 1,000 Japanese characters (2 min) + 360 English words (1.6 min), rounded up.
    assert reading_minutes(body) == 4
    assert "4分" in shown
