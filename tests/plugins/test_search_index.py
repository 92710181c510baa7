import json

from search_index.search_index import sort_entry_file


def test_entry_file_is_rewritten_in_a_stable_order(tmp_path):
    (tmp_path / "pagefind").mkdir()
    entry = tmp_path / "pagefind" / "pagefind-entry.json"
    entry.write_text('{"version":"1","languages":{"ja":{"hash":"j"},"en":{"hash":"e"}}}')
    sort_entry_file(tmp_path)
    text = entry.read_text()
    assert text.index('"en"') < text.index('"ja"')
    assert json.loads(text)["languages"]["ja"]["hash"] == "j"
