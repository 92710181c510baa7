import re

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


def visible(html):
    return html.replace("<wbr>", "").replace("\u2060", "").replace("\u00a0", " ")


def test_no_phrase_break_inside_a_name():
    for title, name in (("オペレーション・パンゲアIX：記録的な成果", "オペレーション・パンゲアIX"),
                        ("ばいあぐらジェネリック通販[.]netが違法と指摘",
                         "ばいあぐらジェネリック通販[.]net"),
                        ("違法薬局ドメイン名閉鎖は1万4000件", "1万4000件")):
        html = str(phrase_breaks(title, "ja"))
        # A group (an inline block) breaks inside only when longer than a line.
        whole = re.sub(r'<span class="nobreak-group">.*?</span>',
                       lambda m: m.group().replace("<wbr>", ""), html)
        pieces = [visible(p) for p in whole.split("<wbr>")]
        assert any(name in piece for piece in pieces), html
        if "・" in name:  # held as a group, whose only break is after 「・」
            assert re.search(r'<span class="nobreak-group">[^<]*・<wbr>[^<]*</span>', html)


def test_latin_names_hold_in_every_language():
    assert "Pangea\u00a0IX" in str(phrase_breaks("Operation Pangea IX: One for the Books!", "en"))
    held = str(phrase_breaks("UK Pharmacy Chemist-4-U Offering", "en"))
    assert "Chemist\u2060-\u20604\u2060-\u2060U" in held


def test_a_full_width_space_is_where_a_headline_breaks_first():
    title = "「カマグラゴールド」は日本では未承認医薬品\u3000レジットスクリプトが指摘"
    html = str(phrase_breaks(title, "ja"))
    first, second = html.split("\u3000</span><wbr>")
    assert first.startswith('<span class="nobreak-group">')
    assert second.startswith('<span class="nobreak-group">')


def test_names_in_bodies_are_held_together(site):
    body = site.soup("/ja/posts/operation-pangea-ix/").select_one(".report-body")
    assert "オペレーション・パンゲア" in [n.get_text() for n in body.select(".nobreak")]
    body = site.soup("/posts/operation-pangea-ix/").select_one(".report-body")
    # Held by a no-break span, or by the no-break space English typography sets.
    held = [n.get_text() for n in body.select(".nobreak")]
    assert "Pangea IX" in held or "Pangea\u00a0IX" in body.get_text()

