"""No plugin keeps state between builds: builds in one process, with different
settings and one that fails in between, each give what a fresh process gives."""

import shutil
import subprocess
import sys

from tests.fixture_sites import VALID, WITHOUT_SEARCH, assert_same_site, build_in_process
from tests.site import ROOT


def fresh_process_build(output, content, extra):
    command = [sys.executable, str(ROOT / "tools" / "site_build.py"), "--output", str(output),
               "--content", str(content), "-e", f"PLUGINS={WITHOUT_SEARCH!r}".replace("'", '"'),
               *(f"{key}={value}" for key, value in extra.items())]
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT)


def test_builds_in_one_process_match_builds_in_fresh_ones(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    broken = tmp_path / "broken"
    shutil.copytree(VALID, broken)
    (broken / "en" / "original.md").write_text("Title: x\nStatus : draft\n\nBody\n")
    runs = {"a": {"SUMMARY_WORDS": 8, "DEFAULT_PAGINATION": 3},
            "b": {"FEED_DOMAIN": '"https://preview.example"'}}

    _, first = build_in_process(tmp_path / "a", content, extra={"SUMMARY_WORDS": 8,
                                                                "DEFAULT_PAGINATION": 3})
    _, failed = build_in_process(tmp_path / "failed", broken)
    _, second = build_in_process(tmp_path / "b", content,
                                 extra={"FEED_DOMAIN": "https://preview.example"})
    assert first.ok and second.ok and not failed.ok
    for name, extra in runs.items():
        fresh_process_build(tmp_path / f"fresh-{name}", content, extra)
        assert_same_site(tmp_path / name, tmp_path / f"fresh-{name}")
