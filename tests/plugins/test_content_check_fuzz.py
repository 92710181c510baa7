"""Whatever an editor types, the check answers with named problems, never a crash."""

import shutil
import tempfile
from pathlib import Path

import site_build
from content_check.checker import check_content
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from site_model.problems import Problem

from pelicanconf import CATEGORIES

KEYS = ["Title", "Date", "Category", "Lang", "Slug", "Series", "Part", "Summary",
        "Status", "Translation-Of", "Modified", "Tags", "title", "Dat"]
VALUES = st.one_of(
    st.text(max_size=40).map(lambda text: text.replace("\n", " ").replace("\r", " ")),
    st.sampled_from(["2016-10-05 09:00", "2016-10", "ja", "en", "jp", "bestkenko", "3",
                     "0", *CATEGORIES, "en 0123456789ab", "draft", "<script>"]),
)
HEADER = st.lists(st.tuples(st.sampled_from(KEYS), VALUES), max_size=10)
BODY = st.lists(
    st.sampled_from(list("ab <>![](){}/:=\n`#*-日本語\x00\t\x1b") + [
        "{filename}", "{static}", "    ", "Main", "> ", "\n----\n", "x" * 300]),
    max_size=80,
).map("".join)


def settings_for(root):
    return site_build.settings_for(content=root)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files=st.lists(st.tuples(st.sampled_from(["en", "ja", "pages"]), HEADER, BODY),
                      min_size=1, max_size=3))
def test_check_never_crashes_and_only_reports_named_problems(files):
    root = Path(tempfile.mkdtemp()) / "content"
    try:
        for index, (folder, header, body) in enumerate(files):
            lines = [f"{key}: {value}" for key, value in header]
            path = root / folder / f"post-{index}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("\n".join(lines) + "\n\n" + body, encoding="utf-8")
        problems = check_content(settings_for(root))
        for problem in problems:
            assert isinstance(problem, Problem)
            assert problem.path.startswith("content/") and problem.line >= 0
            assert problem.field and problem.message.endswith((")", "）"))
    finally:
        shutil.rmtree(root.parent)
