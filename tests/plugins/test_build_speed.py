from build_speed.build_speed import ReusingMarkdownReader
from pelican.settings import DEFAULT_CONFIG


def reader():
    import pelicanconf

    settings = {**DEFAULT_CONFIG, "MARKDOWN": {**pelicanconf.MARKDOWN},
                "FORMATTED_FIELDS": ["summary"]}
    return ReusingMarkdownReader(settings)


def test_one_parser_reads_many_files_without_leaking_metadata(tmp_path):
    first = tmp_path / "a.md"
    first.write_text("Title: First\nSummary: *one*\nSeries: s\n\n## Heading\n\n"
                     "Body one.[^1]\n\n[^1]: Note.\n")
    second = tmp_path / "b.md"
    second.write_text("Title: Second\n\n## Heading\n\nBody two.\n")
    md = reader()
    content_a, meta_a = md.read(str(first))
    content_b, meta_b = md.read(str(second))
    assert meta_a["title"] == "First" and meta_a["summary"] == "<p><em>one</em></p>"
    assert meta_b == {"title": "Second"}
    assert "footnote" in content_a and "footnote" not in content_b
    # Heading ids restart for each file instead of becoming heading_1.
    assert 'id="heading"' in content_a and 'id="heading"' in content_b
    assert md._reused is md._parser()
