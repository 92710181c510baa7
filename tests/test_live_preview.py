"""`make serve` rebuilds on a change: an edited post shows on reload."""

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

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


def not_found(url):
    """True when ``url`` answers 404 with our Japanese 404 page."""
    try:
        urllib.request.urlopen(url, timeout=2)
    except urllib.error.HTTPError as error:
        return error.code == 404 and 'lang="ja"' in error.read().decode()
    except OSError:
        return False
    return False


def wait_for(condition, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.25)
    return False


def test_edited_post_shows_after_rebuild(tmp_path):
    project = copy_project(tmp_path / "project")
    subprocess.run(["make", "-s", "preview"], cwd=project, check=True, capture_output=True)

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
        # A missing page gets the site's own 404 page, in the language of its path.
        assert wait_for(lambda: not_found(f"http://127.0.0.1:{port}/ja/no-such-page/"), 10)
    finally:
        server.terminate()
        server.wait(timeout=10)
