"""`make serve`: one process that builds, serves safely, and rebuilds on a save."""

import os
import socket
import subprocess
import sys
import time

from tests.conftest import get, wait_for
from tests.site import ROOT


def raw_get(port, path):
    """The status line of a request sent exactly as written (no client clean-up)."""
    with socket.create_connection(("127.0.0.1", port), timeout=3) as connection:
        connection.sendall(f"GET {path} HTTP/1.0\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
        return connection.recv(200).split(b"\r\n", 1)[0].decode()


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_an_edit_shows_and_a_broken_post_keeps_the_last_good_site(preview):
    project, _, base = preview
    post = project / "content" / "en" / "operation-pangea-ix.md"
    url = f"{base}/posts/operation-pangea-ix/"
    edit(post, "LegitScript says it took part", "LIVE-EDIT took part")
    assert wait_for(lambda: "LIVE-EDIT took part" in get(url)[1], 20)
    edit(post, "Category: enforcement", "Category: enforcment")
    edit(post, "LIVE-EDIT took part", "BROKEN-EDIT took part")
    time.sleep(2)
    status, body = get(url)
    assert status == 200 and "LIVE-EDIT took part" in body and "BROKEN" not in body
    edit(post, "Category: enforcment", "Category: enforcement")
    assert wait_for(lambda: "BROKEN-EDIT took part" in get(url)[1], 20)


def test_addresses_use_the_port_it_serves_on(preview):
    _, port, base = preview
    page = get(f"{base}/posts/operation-pangea-ix/")[1]
    canonical = f"http://127.0.0.1:{port}/posts/operation-pangea-ix/"
    assert f'<link rel="canonical" href="{canonical}">' in page
    assert f"http://127.0.0.1:{port}/sitemap.xml" in get(f"{base}/robots.txt")[1]
    assert f"http://127.0.0.1:{port}/posts/" in get(f"{base}/feeds/all.atom.xml")[1]


def test_only_regular_files_inside_the_site_are_served(preview):
    project, port, base = preview
    site = project / ".preview" / "site"
    (site / "linked.txt").symlink_to(project / "Makefile")
    (site / "theme" / "outside").symlink_to(project, target_is_directory=True)
    assert get(f"{base}/linked.txt")[0] == 404
    assert get(f"{base}/theme/outside/Makefile")[0] == 404
    assert get(f"{base}/theme/")[0] == 404  # no directory listing
    for path in ("/../Makefile", "/ja/../../Makefile", "/%2e%2e/Makefile", "/..%2fMakefile",
                 "/posts/..\\..\\Makefile"):
        assert raw_get(port, path).split()[1] == "404", path
    status, body = get(f"{base}/ja/no-such-page/")
    assert status == 404 and 'lang="ja"' in body


def test_the_page_gets_the_reloader_and_the_site_does_not(preview):
    project, _, base = preview
    assert '/__preview__/reload.js?build=' in get(f"{base}/")[1]
    assert "__preview__" not in (project / ".preview" / "site" / "index.html").read_text()
    assert get(f"{base}/__preview__/reload.js")[0] == 200
    assert get(f"{base}/__preview__/serve.py")[0] == 404


def test_a_port_in_use_is_named_without_a_traceback(preview):
    project, port, _ = preview
    result = subprocess.run([sys.executable, "tools/serve.py", "--port", str(port)], cwd=project,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert f"PORT={port + 1}" in result.stderr and "Traceback" not in result.stderr


def test_the_address_comes_from_the_command_line_not_the_environment():
    def command(*args, **env):
        result = subprocess.run(["make", "-n", "serve", *args], cwd=ROOT, capture_output=True,
                                text=True, env={**os.environ, **env})
        return next(line for line in result.stdout.splitlines() if "serve.py" in line)

    assert "--bind 127.0.0.1 --port 8000" in command(HOST="0.0.0.0", BIND="0.0.0.0", PORT="9")
    assert "--bind 0.0.0.0 --port 8123" in command("BIND=0.0.0.0", "PORT=8123")
