"""`python -m content_check --annotations`: every problem as a GitHub workflow
command on its file and line, escaped by GitHub's rules, in the file's language."""

import os
import re
import shutil
import subprocess
import sys

from content_check.__main__ import escape_data, escape_property
from hypothesis import given
from hypothesis import strategies as st

from tests.site import ROOT

ERRORS = ROOT / "tests" / "fixtures" / "content_errors"
COMMAND = re.compile(r"^::error (?P<properties>[^:]*)::(?P<message>.*)$")


def unescape(text):
    for escaped, raw in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","),
                         ("%25", "%")):
        text = text.replace(escaped, raw)
    return text


def commands_github_reads(output):
    """The workflow commands GitHub reads in ``output``: none between
    ``::stop-commands::TOKEN`` and ``::TOKEN::``."""
    found, token = [], None
    for line in output.splitlines():
        if token is not None:
            token = None if line == f"::{token}::" else token
        elif line.startswith("::stop-commands::"):
            token = line.removeprefix("::stop-commands::")
        elif line.startswith("::"):
            found.append(line)
    return found


def annotations(content):
    result = subprocess.run(
        [sys.executable, "-m", "content_check", "--annotations", str(ROOT / "pelicanconf.py"),
         str(content)], cwd=ROOT / "plugins", capture_output=True, text=True, check=False)
    assert result.returncode == 1, result.stdout + result.stderr
    found = []
    for line in commands_github_reads(result.stdout):
        command = COMMAND.match(line)
        assert command, line
        properties = dict(pair.split("=", 1) for pair in command["properties"].split(","))
        found.append(({key: unescape(value) for key, value in properties.items()},
                      unescape(command["message"])))
    return found


def test_each_problem_is_annotated_on_its_line_in_its_files_language(tmp_path):
    content = tmp_path / "content"
    for folder in ("en", "ja", "pages", "images"):
        (content / folder).mkdir(parents=True)
    shutil.copy(ERRORS / "en" / "bad-date.md", content / "en" / "bad-date.md")
    shutil.copy(ERRORS / "ja" / "no-slug.md", content / "ja" / "no-slug.md")
    # A name with every character GitHub reads as syntax in a property.
    shutil.copy(ERRORS / "en" / "missing-title.md", content / "en" / "odd,name:100%.md")
    # A name that would be a command of its own if printed as it is.
    planted = "x\n::error file=README.md::planted\n.md"
    shutil.copy(ERRORS / "en" / "missing-title.md", content / "en" / planted)
    found = annotations(content)
    where = {(props["file"], props.get("line"), props["title"]): message
             for props, message in found}
    relative = os.path.relpath(content, ROOT)
    # (the two copies of one post also share a slug: a problem of their own)
    assert set(where) >= {
        (f"{relative}/en/bad-date.md", "2", "Date"),
        (f"{relative}/ja/no-slug.md", "1", "Slug"),
        (f"{relative}/en/odd,name:100%.md", "1", "Title"),
        (f"{relative}/en/{planted}", "1", "Title"),
    }
    assert {file for file, _, _ in where} == {
        f"{relative}/{name}" for name in ("en/bad-date.md", "ja/no-slug.md",
                                          "en/odd,name:100%.md", f"en/{planted}")}
    for file, _, _ in where:
        assert (ROOT / file).is_file(), file
    assert "is not a date" in where[(f"{relative}/en/bad-date.md", "2", "Date")]
    assert "ありません" in where[(f"{relative}/ja/no-slug.md", "1", "Slug")]


@given(st.text(alphabet=st.sampled_from("ab%:,\r\n=日")))
def test_escaped_text_carries_no_syntax_and_reads_back_as_written(text):
    assert not re.search("[\r\n]", escape_data(text))
    assert not re.search("[\r\n:,]", escape_property(text))
    assert unescape(escape_data(text)) == unescape(escape_property(text)) == text
