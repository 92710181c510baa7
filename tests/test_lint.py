"""The code keeps one style: ruff, configured in pyproject.toml, finds nothing."""

import subprocess
import sys

from tests.site import ROOT


def test_ruff_finds_nothing():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "."],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
