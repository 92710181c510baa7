import json

from structured_data.structured_data import to_script_json


def test_json_cannot_close_its_script_element():
    text = to_script_json({"headline": "</script><script>alert(1)</script>"})
    assert "</script>" not in text
    assert json.loads(text)["headline"] == "</script><script>alert(1)</script>"
