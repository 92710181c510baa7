"""The content check names the file, line and field of every mistake, and fails."""

import os
import re
import shutil
import subprocess
import sys

import pytest

from tests.site import ROOT, build

FIXTURES = ROOT / "tests" / "fixtures"

# fixture file -> (line, field) the message must point at
CASES = {
    "en/missing-title.md": (1, "Title"),
    "en/empty-date.md": (2, "Date"),
    "en/missing-category.md": (1, "Category"),
    "en/missing-lang.md": (1, "Lang"),
    "en/bad-date.md": (2, "Date"),
    "en/partial-date.md": (3, "Date"),
    "en/unknown-lang.md": (4, "Lang"),
    "en/unknown-category.md": (3, "Category"),
    "ja/no-slug.md": (1, "Slug"),
    "ja/japanese-slug.md": (5, "Slug"),
    "en/duplicate-slug.md": (5, "Slug"),
    "ja/orphan-translation.md": (6, "Translation-Of"),
    "en/duplicate-part.md": (7, "Part"),
    "en/missing-part.md": (6, "Part"),
    "en/part-gap.md": (7, "Part"),
    "en/missing-image.md": (9, "image"),
    "en/missing-link.md": (7, "link"),
    "en/no-alt.md": (7, "image"),
    "en/typo-key.md": (3, "Catgory"),
    "en/repeated-key.md": (2, "Title"),
    "en/script.md": (8, "body"),
    "en/iframe.md": (7, "body"),
    "en/onclick.md": (9, "body"),
    "en/figure-no-alt.md": (7, "figure"),
    "en/raw-link-to-reported-domain.md": (9, "link"),
    "en/bad-note.md": (6, "Note"),
    "ja/english-in-japanese-folder.md": (4, "Lang"),
    "misplaced/stray.md": (0, "file"),
    "en/modified-before-date.md": (6, "Modified"),
    "en/modified-in-future.md": (6, "Modified"),
    "en/heading-main.md": (9, "body"),
    "en/deep-list.md": (29, "body"),
}


def content_with(tmp_path, *fixtures):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "valid", content)
    for name in fixtures:
        target = content / name
        target.parent.mkdir(exist_ok=True)
        shutil.copy(FIXTURES / "content_errors" / name, target)
        if name == "en/duplicate-slug.md":
            # Sorts after the original, so it is the one reported.
            target.rename(content / "en" / "zz-duplicate-slug.md")
    return content


def run_check(content, env=None, root=ROOT):
    return subprocess.run(
        [sys.executable, "-m", "content_check", str(root / "pelicanconf.py"), str(content)],
        cwd=root / "plugins",
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
    )


def test_valid_content_passes(tmp_path):
    result = run_check(content_with(tmp_path))
    assert result.returncode == 0, result.stdout
    assert "no problems" in result.stdout


def test_the_real_content_passes():
    result = run_check(ROOT / "content")
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_mistake_is_named_with_file_line_and_field(tmp_path, name):
    line, field = CASES[name]
    result = run_check(content_with(tmp_path, name))
    assert result.returncode == 1
    shown = "content/en/zz-duplicate-slug.md" if "duplicate-slug" in name else f"content/{name}"
    expected = f"{shown}:{line}: {field}: " if line else f"{shown}: {field}: "
    matching = [row for row in result.stdout.splitlines() if row.startswith(expected)]
    assert matching, f"no line starting {expected!r} in:\n{result.stdout}"
    # Every message says how to fix it, in parentheses.
    assert all(row.endswith((")", "）")) for row in matching)


def test_all_problems_are_reported_at_once(tmp_path):
    names = ["en/missing-title.md", "en/unknown-lang.md", "en/script.md"]
    result = run_check(content_with(tmp_path, *names))
    reported = {row.split(":")[0] for row in result.stdout.splitlines() if ".md:" in row}
    assert reported == {f"content/{name}" for name in names}
    assert "3 problems" in result.stdout


def test_a_broken_post_fails_the_real_build_and_keeps_the_old_output(tmp_path):
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("previous site")
    result = build(output, content=content_with(tmp_path, "en/unknown-category.md"), check=False)
    assert result.returncode != 0
    assert "content/en/unknown-category.md:3: Category: 'pharmacy'" in result.stderr
    assert "Traceback" not in result.stderr
    assert (output / "index.html").read_text() == "previous site"


def test_unknown_category_message_lists_the_allowed_keys(tmp_path):
    from pelicanconf import CATEGORIES

    result = run_check(content_with(tmp_path, "en/unknown-category.md"))
    assert all(key in result.stdout for key in CATEGORIES)


def test_a_japanese_post_is_told_its_mistakes_in_japanese(tmp_path):
    kana = re.compile(r"[\u3040-\u30ff]")
    japanese = ["ja/japanese-slug.md", "ja/orphan-translation.md", "ja/no-slug.md"]
    result = run_check(content_with(tmp_path, *japanese, "en/unknown-category.md"))
    messages = {row.split(": ", 1)[0].split(":")[0]: row.split(": ", 2)[2]
                for row in result.stdout.splitlines() if ".md:" in row}
    assert set(messages) == {f"content/{name}" for name in [*japanese, "en/unknown-category.md"]}
    for name in japanese:
        assert kana.search(messages[f"content/{name}"]), messages[f"content/{name}"]
    # The language of the missing original is named in Japanese, not as a code.
    assert "英語の記事" in messages["content/ja/orphan-translation.md"]
    assert not kana.search(messages["content/en/unknown-category.md"])
