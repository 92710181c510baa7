"""Drafts show in preview and never in the published site."""

from tests.site import Site, build

CANARY = "CANARY-7f3a-draft-text"
DRAFT = f"""Title: Unfinished {CANARY}
Date: 2016-10-05 09:00
Category: policy
Lang: en
Slug: unfinished-draft
Status: draft
Summary: {CANARY}

{CANARY} body.
"""


def content_with_draft(tmp_path):
    content = tmp_path / "content"
    for folder in ("en", "ja", "pages", "images"):
        (content / folder).mkdir(parents=True)
    (content / "en" / "unfinished-draft.md").write_text(DRAFT)
    (content / "en" / "published.md").write_text(
        "Title: Published\nDate: 2016-10-04 09:00\nCategory: policy\nLang: en\n"
        "Slug: published\n\nVisible.\n"
    )
    return content


def test_draft_is_previewed_with_a_banner(tmp_path):
    output = tmp_path / "preview"
    build(output, content=content_with_draft(tmp_path))
    soup = Site(output).soup("/drafts/posts/unfinished-draft/")
    assert soup.select_one(".notice-draft")
    assert not Site(output).soup("/").select('a[href*="unfinished-draft"]')


def test_draft_leaves_no_trace_in_the_published_site(tmp_path):
    output = tmp_path / "published"
    build(output, settings="publishconf.py", content=content_with_draft(tmp_path),
          env={"SITEURL": "https://news.example.org"})
    assert Site(output, "https://news.example.org").file_for("https://news.example.org/posts/published/")
    for file in output.rglob("*"):
        assert "unfinished-draft" not in file.name
        if file.is_file():
            assert CANARY not in file.read_text(encoding="utf-8", errors="replace"), file
