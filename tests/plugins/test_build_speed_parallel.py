"""Converting Markdown ahead in worker processes changes no byte of the site."""

import filecmp
from pathlib import Path

from tests.site import build


def files(root):
    return sorted(str(p.relative_to(root)) for p in Path(root).rglob("*") if p.is_file())


def test_parallel_conversion_gives_the_same_site(tmp_path):
    sequential, parallel = tmp_path / "sequential", tmp_path / "parallel"
    build(sequential, extra={"BUILD_PARALLEL_MIN_FILES": 10**6})
    result = build(parallel, extra={"BUILD_PARALLEL_MIN_FILES": 0})
    assert "Processed" in result.stdout
    assert files(sequential) == files(parallel)
    _, mismatch, errors = filecmp.cmpfiles(sequential, parallel, files(parallel), shallow=False)
    assert mismatch == [] and errors == []
