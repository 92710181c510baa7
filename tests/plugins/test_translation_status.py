from site_model.translation_of import content_hash, parse


def test_hash_follows_what_translators_translate(tmp_path):
    post = tmp_path / "post.md"
    post.write_text("Title: T\nDate: 2016-01-01 09:00\nSummary: S\n\nBody.\n")
    original = content_hash(post)
    post.write_text("Title: T\nDate: 2016-02-02 10:00\nSummary: S\n"
                    "Note: 2016-02-03 | update | x\n\nBody.\n")
    assert content_hash(post) == original  # dates and notes need no new translation
    post.write_text("Title: T\nDate: 2016-01-01 09:00\nSummary: S\n\nBody, edited.\n")
    assert content_hash(post) != original
    assert len(original) == 12


def test_recorded_value_is_language_and_hash():
    assert parse("en 0123456789ab") == ("en", "0123456789ab")
    assert parse(None) is None
    assert parse("en 0123") is None
