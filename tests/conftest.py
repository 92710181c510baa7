import fcntl
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from tests.fixture_sites import build_in_process, write_content
from tests.site import Site, build, copy_project

PUBLISH_URL = "https://news.example.org"


def built_once(tmp_path_factory, name, make):
    """A site every test worker of this run shares, built by the first that
    asks (``make(folder)``) while the others wait: the tests only read it."""
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # the run's folder, above each worker's own
    output = root / f"shared-{name}"
    with open(root / f"shared-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (root / f"shared-{name}.done").exists():
            shutil.rmtree(output, ignore_errors=True)
            make(output)
            (root / f"shared-{name}.done").touch()
    return output


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The development build of content/, made once per test run.

    Its search index comes in shards of three reports, so the search tests
    cover merging shards, which only sites of hundreds of reports need.
    """
    output = built_once(tmp_path_factory, "site",
                        lambda folder: build(folder, extra={"SEARCH_SHARD_SIZE": 3}))
    return Site(output)


@pytest.fixture(scope="session")
def published(tmp_path_factory):
    """The production build (publishconf.py) of content/, made once per test run."""
    output = built_once(tmp_path_factory, "published", lambda folder: build(
        folder, settings="publishconf.py", env={"SITEURL": PUBLISH_URL}))
    return Site(output, siteurl=PUBLISH_URL)


@pytest.fixture
def fixture_site(tmp_path):
    """Build a small site, in this process, from Markdown files given as
    {relative path: text}; returns (Site, BuildResult)."""
    runs = 0

    def make(files, settings="pelicanconf.py", extra=None, images=None, plugins=None,
             check=True):
        nonlocal runs
        runs += 1
        content = write_content(tmp_path / f"content-{runs}", files, images)
        site, result = build_in_process(tmp_path / f"output-{runs}", content, settings, extra,
                                        plugins)
        if check and not result.ok:
            raise AssertionError("build failed:\n" + "\n".join(map(str, result.problems)))
        return site, result

    return make


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url):
    """(status, body) of a GET."""
    try:
        with urllib.request.urlopen(url, timeout=3) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")
    except OSError:
        return None, ""


def raw_get(port, path):
    """The status line of a request sent exactly as written (no client clean-up)."""
    with socket.create_connection(("127.0.0.1", port), timeout=3) as connection:
        connection.sendall(f"GET {path} HTTP/1.0\r\n\r\n".encode())
        return connection.recv(200).split(b"\r\n", 1)[0].decode()


def wait_for(condition, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


@pytest.fixture(scope="session")
def preview(tmp_path_factory):
    """The live preview of a copy of the project, as `make serve` starts it:
    (project folder, port, base URL). Tests edit its content, each its own post."""
    project = copy_project(tmp_path_factory.mktemp("preview") / "project")
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "tools/serve.py", "--port", str(port)], cwd=project,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    assert wait_for(lambda: get(f"{base}/")[0] == 200, 60), "the preview did not start"
    yield project, port, base
    process.terminate()
    process.wait(timeout=10)
