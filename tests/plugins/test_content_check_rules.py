"""The rules of issue #21: a change dated between publication and the build, no
translation cycle, no heading id the theme already uses, no nesting too deep
to convert, problems that print as one line whatever a file is named, and a
check that works before the catalogs are compiled."""

import os
import re
import unicodedata

import pytest
from site_model.problems import Problem

from tests.plugins.test_content_check import content_with, run_check
from tests.site import ROOT, copy_project

HEADER = ("Title: A Report\nDate: 2016-10-05 09:00\nCategory: internet-pharmacies\n"
          "Lang: en\nSlug: {slug}\n")


def post(content, name, body, slug=None, extra=""):
    path = content / "en" / name
    path.write_text(HEADER.format(slug=slug or path.stem) + extra + "\n" + body, encoding="utf-8")
    return path


def rows_for(result, shown):
    return [row for row in result.stdout.splitlines() if row.startswith(shown)]


# Modified: between the post's Date and the build


@pytest.mark.parametrize(("modified", "refused"), [
    ("2016-10-05 08:59", True),  # before the Date
    ("2016-10-05 09:00+09:00", False),  # the Date itself (Tokyo)
    ("2016-10-05 00:00Z", False),  # 09:00 in Tokyo: the same moment
    ("2016-10-04 23:59Z", True),  # 08:59 in Tokyo
    ("2020-01-01 09:00", False),
    ("2030-01-02 12:00", False),  # before SITE_NOW
    ("2030-01-02 12:01", True),  # after SITE_NOW, 03:00 UTC, 12:00 in Tokyo
    ("9999-12-31 09:00", True),
])
def test_modified_lies_between_the_date_and_the_build(tmp_path, modified, refused):
    content = content_with(tmp_path)
    post(content, "changed.md", "Text.\n", extra=f"Modified: {modified}\n")
    result = run_check(content, env={"SITE_NOW": "2030-01-02T03:00:00+00:00"})
    rows = rows_for(result, "content/en/changed.md:6: Modified: ")
    assert bool(rows) == refused, result.stdout
    assert "Traceback" not in result.stderr


def test_modified_in_the_future_is_refused_against_the_clock(tmp_path):
    content = content_with(tmp_path, "en/modified-in-future.md")
    result = run_check(content, env={"SITE_NOW": ""})
    assert rows_for(result, "content/en/modified-in-future.md:6: Modified: '9999-12-31 09:00'")


def test_a_modified_page_is_held_to_the_build_date(tmp_path):
    content = content_with(tmp_path)
    (content / "pages" / "changed.md").write_text(
        "Title: Changed\nLang: en\nSlug: changed\nModified: 2031-01-01 00:00\n\nText.\n")
    result = run_check(content, env={"SITE_NOW": "2030-01-02T03:00:00+00:00"})
    assert rows_for(result, "content/pages/changed.md:4: Modified: "), result.stdout


def test_an_unreadable_site_now_is_a_named_problem(tmp_path):
    result = run_check(content_with(tmp_path), env={"SITE_NOW": "next tuesday"})
    assert result.returncode == 1
    assert "SITE_NOW: SITE_NOW: 'next tuesday' is not a date" in result.stdout
    assert "Traceback" not in result.stderr


# Translations name an original that is no translation


def test_two_versions_claiming_to_translate_each_other_are_both_refused(tmp_path):
    result = run_check(content_with(tmp_path, "en/cycle.md", "ja/cycle.md"))
    english = rows_for(result, "content/en/cycle.md:6: Translation-Of: ")
    japanese = rows_for(result, "content/ja/cycle.md:6: Translation-Of: ")
    assert english and japanese, result.stdout
    assert "content/ja/cycle.md" in english[0]
    assert "content/en/cycle.md" in japanese[0]
    assert re.search(r"[\u3040-\u30ff]", japanese[0])


def test_a_translation_of_a_translation_is_refused(tmp_path):
    content = content_with(tmp_path)
    # The English version claims a French original that does not exist; the
    # Japanese version names the English one, which is no original.
    (content / "en" / "original.md").write_text(
        (content / "en" / "original.md").read_text().replace(
            "Summary:", "Translation-Of: fr 0123456789ab\nSummary:"))
    result = run_check(content)
    assert rows_for(result, "content/en/original.md:8: Translation-Of: ")
    japanese = rows_for(result, "content/ja/original.md:8: Translation-Of: ")
    assert japanese and "content/en/original.md" in japanese[0], result.stdout


# Heading ids against the theme's own ids


def theme_ids():
    """Every id the theme writes literally, read here from the templates' HTML."""
    ids = set()
    for template in (ROOT / "theme" / "templates").rglob("*.html"):
        for value in re.findall(r"""\sid=["']([^"'{}]+)["']""", template.read_text()):
            ids.add(value)
    return ids


def test_every_fixed_theme_id_is_refused_as_a_heading_id(tmp_path):
    ids = sorted(theme_ids())
    assert "main" in ids
    content = content_with(tmp_path)
    # The heading text that Markdown's toc turns into each id.
    lines = [f"## {value.replace('-', ' ').title()}\n" for value in ids]
    post(content, "headings.md", "Intro.\n\n" + "\n".join(lines))
    result = run_check(content)
    refused = rows_for(result, "content/en/headings.md:")
    assert len(refused) == len(ids), result.stdout
    for index, value in enumerate(ids):
        line = 9 + 2 * index
        assert any(row.startswith(f"content/en/headings.md:{line}: body: ")
                   and f"'{value}'" in row for row in refused), (value, result.stdout)


@pytest.mark.parametrize(("body", "line"), [
    ("Main\n----\n", 7),  # setext heading
    ("# Main #\n", 7),
    ("#Main\n", 7),  # Python-Markdown needs no space after '#'
    ("> ## Main\n", 7),  # in a quote
    ("## *Main*\n", 7),  # the id is made from the text, not the markup
    ("## Other {#main}\n", 7),  # an id given outright
    ("Intro.\n\n## MAIN\n", 9),
])
def test_heading_forms_that_make_a_theme_id_are_refused(tmp_path, body, line):
    content = content_with(tmp_path)
    post(content, "heading.md", body)
    result = run_check(content)
    assert rows_for(result, f"content/en/heading.md:{line}: body: "), result.stdout


@pytest.mark.parametrize("body", [
    "## Main story\n",
    "```\n## Main\n```\n",  # code, not a heading
    "    ## Main\n",  # indented code
    "## メイン\n",
    "Text\n## Main\n",  # inside a paragraph, Python-Markdown still makes a heading...
])
def test_headings_that_make_other_ids_pass(tmp_path, body):
    content = content_with(tmp_path)
    post(content, "heading.md", body)
    result = run_check(content)
    if body.startswith("Text"):  # ...so this one is refused too
        assert rows_for(result, "content/en/heading.md:8: body: "), result.stdout
    else:
        assert result.returncode == 0, result.stdout


def test_a_second_heading_main_gets_another_id(tmp_path):
    content = content_with(tmp_path)
    post(content, "heading.md", "## Main\n\n## Main\n")
    result = run_check(content)
    rows = rows_for(result, "content/en/heading.md:")
    assert [row.split(":")[1] for row in rows] == ["7"], result.stdout


# Nesting


# Each makes a line at depth + 1 levels: quotes, lists, or both.
@pytest.mark.parametrize("make_line", [
    lambda depth: "    " * depth + "- item",
    lambda depth: "    " * depth + f"{depth + 1}. item",
    lambda depth: ">" * (depth + 1) + " quote",
    lambda depth: "> " * (depth - depth // 2) + "    " * (depth // 2) + "- item",
])
def test_nesting_deeper_than_twenty_is_refused_at_its_first_line(tmp_path, make_line):
    content = content_with(tmp_path)
    lines = [make_line(depth) for depth in range(1000)]
    post(content, "deep.md", "\n".join(lines) + "\n")
    result = run_check(content)
    rows = rows_for(result, "content/en/deep.md:")
    assert len(rows) == 1, result.stdout
    # Line 7 holds depth 0, so the 21st level is on line 27.
    assert rows[0].startswith("content/en/deep.md:27: body: "), rows


def test_twenty_levels_pass(tmp_path):
    content = content_with(tmp_path)
    post(content, "deep.md", "\n".join("    " * depth + "- item" for depth in range(20)) + "\n")
    assert run_check(content).returncode == 0


# Problems print as one line


def test_a_problem_is_one_line_whatever_its_parts_hold():
    controls = [chr(code) for code in range(0x110000)
                if unicodedata.category(chr(code)) == "Cc" or chr(code) in "\u2028\u2029"
                or unicodedata.bidirectional(chr(code)) in ("LRE", "RLE", "LRO", "RLO", "PDF",
                                                           "LRI", "RLI", "FSI", "PDI")]
    for character in controls:
        printed = str(Problem(f"content/en/a{character}b.md", 3, f"F{character}",
                              f"m{character}n (fix)"))
        assert len(printed.splitlines()) == 1
        assert character not in printed
        assert printed.startswith("content/en/a")


NAMES = ["new\nline.md", "tab\tname.md", "bell\x07.md", "escape\x1b[2J.md", "-dash.md",
         "--help.md", "carriage\rreturn.md"]


@pytest.mark.parametrize("name", NAMES)
def test_a_file_name_cannot_forge_a_problem_line(tmp_path, name):
    content = content_with(tmp_path)
    # A post whose header would otherwise pass: only its name is wrong.
    (content / "en" / name).write_text(
        (content / "en" / "original.md").read_text().replace("Slug: original", "Slug: other")
        .replace("Series: bestkenko\nPart: 1\n", ""))
    result = run_check(content)
    assert "Traceback" not in result.stderr
    assert result.returncode == 1
    rows = result.stdout.splitlines()
    assert all(row.startswith(("content/", "Content check: ")) for row in rows)
    assert len(rows) == 2, result.stdout  # the name's problem, then the count
    assert ": file: " in rows[0]


@pytest.mark.parametrize("target", ["{filename}/en/a\x00b.md", "/images/p\x00.png",
                                    "{static}/" + "x" * 5000 + ".png"])
def test_a_link_to_a_name_no_file_can_have_is_a_named_problem(tmp_path, target):
    content = content_with(tmp_path)
    post(content, "link.md", f"[a link]({target}) and ![a picture]({target})\n")
    result = run_check(content)
    assert "Traceback" not in result.stderr
    rows = rows_for(result, "content/en/link.md:7: ")
    assert any("does not exist" in row for row in rows), result.stdout


# Before the catalogs are compiled


def test_the_check_works_before_the_catalogs_are_compiled(tmp_path):
    project = copy_project(tmp_path / "project")
    for compiled in (project / "translations").glob("*/LC_MESSAGES/*.mo"):
        compiled.unlink()
    result = run_check(project / "content", root=project)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 0, result.stdout
    assert result.stdout == "Content check: no problems.\n"
    # Messages in Japanese still come from the catalog's source.
    (project / "content" / "ja" / "broken.md").write_text("Title: 壊れた記事\n\n本文。\n")
    result = run_check(project / "content", root=project)
    assert "Traceback" not in result.stderr, result.stderr
    assert "ありません" in result.stdout, result.stdout


def test_a_stale_catalog_is_read_from_its_source(tmp_path):
    project = copy_project(tmp_path / "project")
    po = project / "translations" / "ja" / "LC_MESSAGES" / "messages.po"
    mo = po.with_suffix(".mo")
    os.utime(mo, (po.stat().st_mtime - 60, po.stat().st_mtime - 60))
    (project / "content" / "ja" / "broken.md").write_text("Title: 壊れた記事\n\n本文。\n")
    result = run_check(project / "content", root=project)
    assert "Traceback" not in result.stderr, result.stderr
    assert "ありません" in result.stdout, result.stdout


def test_a_remembered_check_still_compares_modified_with_this_build(tmp_path, monkeypatch):
    import site_build
    from content_check.checker import check_content

    content = content_with(tmp_path)
    post(content, "changed.md", "Text.\n", extra="Modified: 2030-06-01 09:00\n")
    settings, memo = site_build.settings_for(content=content), {}
    monkeypatch.setenv("SITE_NOW", "2030-07-01T00:00:00+00:00")
    assert check_content(settings, memo) == []
    # The same unchanged file, remembered, checked a year earlier.
    monkeypatch.setenv("SITE_NOW", "2029-07-01T00:00:00+00:00")
    problems = check_content(settings, memo)
    assert [(p.path, p.line, p.field) for p in problems] == [
        ("content/en/changed.md", 6, "Modified")]
    assert memo  # the file's own checks were remembered


def test_many_posts_with_one_part_number_are_each_named_once(tmp_path):
    content = content_with(tmp_path)
    original = (content / "en" / "original.md").read_text()
    for index in range(5):
        (content / "en" / f"copy-{index}.md").write_text(
            original.replace("Slug: original", f"Slug: copy-{index}"))
    result = run_check(content)
    rows = [row for row in result.stdout.splitlines() if ": Part: part 1 of" in row]
    assert len(rows) == 6, result.stdout
    # Each names one other file with the same number, not every one of them.
    assert all(row.count("content/en/") == 2 for row in rows), result.stdout
