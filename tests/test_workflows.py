"""The CI workflows are linted, pinned (actions by commit, images by digest) and
least-privilege; Dependabot proposes their updates."""

import re
import subprocess
import sys
from pathlib import Path

import yaml

from tests.site import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
BIN = Path(sys.executable).parent


def load(name):
    return yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text())


def test_actionlint_finds_nothing():
    result = subprocess.run([BIN / "actionlint", *WORKFLOWS], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing():
    result = subprocess.run(
        [BIN / "zizmor", "--offline", "--no-progress", ROOT / ".github"],  # dependabot.yml too
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_action_is_pinned_to_a_commit():
    for workflow in WORKFLOWS:
        for uses in re.findall(r"uses:\s*(\S+)", workflow.read_text()):
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", uses), (workflow.name, uses)


def test_pull_requests_run_make_test_without_secrets():
    workflow = load("test.yml")
    assert {"pull_request", "push"} <= set(workflow[True])  # YAML reads `on:` as True
    steps = [step.get("run", "") for step in workflow["jobs"]["test"]["steps"]]
    assert "make test" in steps
    assert "secrets." not in (ROOT / ".github/workflows/test.yml").read_text()


def test_main_and_schedule_publish_atomically_and_never_race():
    workflow = load("publish.yml")
    assert workflow[True]["push"]["branches"] == ["main"] and "schedule" in workflow[True]
    assert workflow["concurrency"]["cancel-in-progress"] is False
    assert workflow["permissions"] == {}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read"}
    assert any(step.get("run") == "make publish" for step in build["steps"])
    assert any("upload-pages-artifact" in step.get("uses", "") for step in build["steps"])
    assert any("deploy-pages" in step.get("uses", "") for step in deploy["steps"])
    assert set(deploy["permissions"]) == {"pages", "id-token"}


def test_every_container_image_is_pinned_by_digest():
    images = [job["container"]["image"] if isinstance(job["container"], dict) else job["container"]
              for workflow in WORKFLOWS
              for job in yaml.safe_load(workflow.read_text())["jobs"].values()
              if "container" in job]
    assert images
    for image in images:
        assert re.fullmatch(r"[\w./-]+:[\w.-]+@sha256:[0-9a-f]{64}", image), image


def test_dependabot_proposes_package_and_action_updates_weekly():
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text())
    schedules = {update["package-ecosystem"]: update["schedule"]["interval"]
                 for update in config["updates"]}
    assert schedules == {"pip": "weekly", "github-actions": "weekly"}
