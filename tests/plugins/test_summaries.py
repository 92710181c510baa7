from summaries.summaries import excerpt, sentences

LONG_JAPANESE = (
    "日本は世界で2番目に大きな医薬品市場です。" * 3
    + "ごく限られた例外を除き日本では処方箋薬をインターネットで販売することは違法です。" * 4
)


def test_japanese_summary_ends_at_a_sentence_near_the_budget():
    summary = excerpt(LONG_JAPANESE, "ja", 60)
    assert summary.endswith("。")
    assert 30 <= len(summary) <= 90
    assert summary != LONG_JAPANESE and LONG_JAPANESE.startswith(summary)


def test_english_summary_ends_at_a_sentence_and_never_mid_word():
    text = " ".join(f"Sentence number {n} says something about pharmacies." for n in range(20))
    summary = excerpt(text, "en", 20)
    assert summary.endswith(".")
    assert len(summary.split()) <= 20
    assert text.startswith(summary)


def test_overlong_first_sentence_is_cut_at_a_word_with_an_ellipsis():
    text = ("word " * 200).strip() + ". Second sentence."
    summary = excerpt(text, "en", 30)
    assert summary.endswith("…")
    assert all(w == "word" for w in summary.removesuffix(" …").split())


def test_summary_is_never_the_whole_post():
    assert excerpt("One. Two.", "en", 50) == "One."
    short = excerpt("ただ一つの文です。", "ja", 100)
    assert short != "ただ一つの文です。" and short.endswith("…")


def test_sentence_split_keeps_japanese_punctuation():
    assert sentences("一文目。二文目！三文目？", "ja") == ["一文目。", "二文目！", "三文目？"]


def test_summary_is_used_when_none_is_written(fixture_site):
    body = "日本の処方箋薬市場について説明します。" * 30
    post = (f"Title: 要約のない記事\nDate: 2016-01-01 09:00\nCategory: policy\nLang: ja\n"
            f"Slug: no-summary\n\n{body}\n")
    site, _ = fixture_site({"ja/no-summary.md": post})
    listed = site.soup("/ja/").select_one(".story .story-summary").get_text()
    assert listed.strip().endswith("。") and len(listed.strip()) < len(body)
