"""`make serve` rebuilds on a change: an edited post shows on reload."""

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from tests.site import copy_project

def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(condition, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.25)
    return False


def test_edited_post_shows_after_rebuild(tmp_path):
    project = copy_project(tmp_path / "project")
    subprocess.run(["make", "-s", "build"], cwd=project, check=True, capture_output=True)

    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "tools/serve.py", "--port", str(port)],
        cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}/posts/operation-pangea-ix/"
        assert wait_for(lambda: "Operation Pangea IX" in fetch(url), 10)
        post = project / "content" / "en" / "operation-pangea-ix.md"
        post.write_text(post.read_text().replace("LegitScript took part", "LIVE-EDIT took part"))
        assert wait_for(lambda: "LIVE-EDIT took part" in fetch(url), 20)
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/ja/no-such-page/", timeout=2)
        assert missing.value.code == 404
        assert 'lang="ja"' in missing.value.read().decode()
    finally:
        server.terminate()
        server.wait(timeout=10)
