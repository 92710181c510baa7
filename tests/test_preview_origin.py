"""The preview answers only its own origin, and a reader who leaves is no error.

A web page an editor visits can resolve a name of its own to 127.0.0.1 (DNS
rebinding) and read whatever the preview answers to that name: embargoed
drafts, the event stream's file names and problems. So every request is sent
here as a browser would send it, by raw socket, with the Host it would carry.
"""

import json
import socket
import struct
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from serve import is_own_origin, origins

from tests.conftest import free_port, get, wait_for
from tests.fixture_sites import post, write_content
from tests.site import copy_project

SECRET = "EMBARGOED-UNTIL-MONDAY"
PATHS = ["/", "/drafts/posts/embargoed-raid/", "/__preview__/reload.js",
         "/__preview__/overlay.css", "/__preview__/events", "/__preview__/events?lang=ja",
         "/no-such-page/"]


def ask(port, path="/", hosts=(), method="GET", read=65536):
    """(status, bytes read) of a request sent exactly as written, one Host line per host."""
    lines = [f"{method} {path} HTTP/1.1", *(f"Host: {host}" for host in hosts),
             "Connection: close", "", ""]
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall("\r\n".join(lines).encode())
        received = b""
        while b"\r\n\r\n" not in received or len(received) < read:
            chunk = connection.recv(65536)
            if not chunk:
                break
            received += chunk
            if path.startswith("/__preview__/events") and b"\n\n" in received.split(
                    b"\r\n\r\n", 1)[-1]:
                break  # the stream stays open: its first event is enough
    status = int(received.split(b" ", 2)[1]) if received else None
    return status, received


@pytest.fixture(scope="module")
def embargoed(preview):
    """The shared preview, showing a draft only its editor may read."""
    project, port, base = preview
    draft = project / "content" / "en" / "embargoed-raid.md"
    draft.write_text(post(title="Raid planned", slug="embargoed-raid", Status="draft",
                          body=f"{SECRET}: the raid starts at dawn."), encoding="utf-8")
    assert wait_for(lambda: SECRET in get(f"{base}/drafts/posts/embargoed-raid/")[1], 30)
    return port


class TestForeignHostsAreRefused:
    @staticmethod
    def assert_refused(port, hosts):
        for path in PATHS:
            status, answer = ask(port, path, hosts)
            assert status == 421, (hosts, path, answer[:200])
            assert SECRET.encode() not in answer and b"embargoed" not in answer, (hosts, path)
        assert ask(port, "/drafts/posts/embargoed-raid/", hosts, method="HEAD")[0] == 421

    @pytest.mark.parametrize("host", [
        "attacker.example:{port}", "attacker.example", "127.0.0.1.nip.io:{port}",
        "localhost.attacker.example:{port}", "127.0.0.1:{port}.attacker.example",
        "attacker.example:{port}@127.0.0.1:{port}", "localhost.:{port}", "sub.localhost:{port}",
    ])
    def test_a_name_rebound_to_this_machine(self, embargoed, host):
        self.assert_refused(embargoed, [host.format(port=embargoed)])

    @pytest.mark.parametrize("host", [
        "127.0.0.1:{other}", "localhost:{other}", "127.0.0.1", "localhost", "127.0.0.1:80",
        "127.0.0.1:0{port}", "127.0.0.1:{port}:{port}", "localhost:+{port}",
    ])
    def test_the_right_name_on_another_port(self, embargoed, host):
        self.assert_refused(embargoed, [host.format(port=embargoed, other=embargoed + 1)])

    @pytest.mark.parametrize("host", [
        "[::1]:{port}", "[0:0:0:0:0:0:0:1]:{port}", "[::ffff:127.0.0.1]:{port}",
        "[::ffff:7f00:1]:{port}", "::1:{port}", "[::1]", "2130706433:{port}", "127.1:{port}",
        "0x7f.0.0.1:{port}", "0.0.0.0:{port}", "127.0.0.2:{port}",
    ])
    def test_another_spelling_of_an_address_it_does_not_serve_on(self, embargoed, host):
        self.assert_refused(embargoed, [host.format(port=embargoed)])

    @pytest.mark.parametrize("hosts", [
        [], [""], ["127.0.0.1:{port}", "attacker.example:{port}"],
        ["attacker.example:{port}", "127.0.0.1:{port}"],
    ])
    def test_no_host_or_two(self, embargoed, hosts):
        self.assert_refused(embargoed, [host.format(port=embargoed) for host in hosts])

    def test_a_request_naming_another_origin_in_its_target(self, embargoed):
        own = [f"127.0.0.1:{embargoed}"]
        for target in (f"http://attacker.example:{embargoed}/drafts/posts/embargoed-raid/",
                       f"http://127.0.0.1:{embargoed}/drafts/posts/embargoed-raid/", "*"):
            status, answer = ask(embargoed, target, own)
            assert status == 421 and SECRET.encode() not in answer, target


@pytest.mark.parametrize("host", ["127.0.0.1:{port}", "localhost:{port}", "LocalHost:{port}"])
def test_its_own_origin_is_served(embargoed, host):
    hosts = [host.format(port=embargoed)]
    assert SECRET.encode() in ask(embargoed, "/drafts/posts/embargoed-raid/", hosts)[1]
    assert ask(embargoed, "/__preview__/reload.js", hosts)[0] == 200
    status, answer = ask(embargoed, "/__preview__/events", hosts)
    assert status == 200 and b'"build":' in answer


def test_a_path_that_looks_like_an_authority_is_a_path(embargoed):
    status, answer = ask(embargoed, "//attacker.example/drafts/posts/embargoed-raid/",
                         [f"127.0.0.1:{embargoed}"])
    assert status == 404 and SECRET.encode() not in answer


@pytest.mark.parametrize(("bind", "host", "served"), [
    ("127.0.0.1", "127.0.0.1:8000", True),
    ("127.0.0.1", "localhost:8000", True),
    ("127.0.0.1", "192.168.1.20:8000", False),
    ("192.168.1.20", "192.168.1.20:8000", True),
    ("192.168.1.20", "192.168.1.21:8000", False),
    ("::1", "[::1]:8000", True),
    ("::1", "::1:8000", False),
    # Bound to every address: any of the machine's IP addresses, never a name.
    ("0.0.0.0", "192.168.1.20:8000", True),
    ("0.0.0.0", "[fe80::1]:8000", True),
    ("0.0.0.0", "192.168.1.20:8001", False),
    ("0.0.0.0", "attacker.example:8000", False),
    ("0.0.0.0", "192.168.001.020:8000", False),
    ("0.0.0.0", "[FE80:0::1]:8000", False),
    ("0.0.0.0", "3232235796:8000", False),
])
def test_the_bind_address_is_its_origin_too(bind, host, served):
    assert is_own_origin(host, origins(bind, 8000), bind, 8000) is served


@pytest.fixture(scope="module")
def watched(tmp_path_factory):
    """A preview of its own, of a one-post site, whose stderr the test reads:
    (project, port, stderr file)."""
    project = copy_project(tmp_path_factory.mktemp("watched") / "project")
    content = write_content(project / "small-content", {
        "en/a-report.md": post(),
        "ja/a-report.md": post(title="報告", lang="ja"),
    })
    port = free_port()
    stderr = project / "stderr.txt"
    with open(stderr, "wb") as errors:
        process = subprocess.Popen(
            [sys.executable, "tools/serve.py", "--port", str(port), "--content", str(content)],
            cwd=project, stdout=subprocess.DEVNULL, stderr=errors,
        )
    assert wait_for(lambda: get(f"http://127.0.0.1:{port}/")[0] == 200, 60), stderr.read_text()
    yield project, port, stderr
    process.terminate()
    process.wait(timeout=10)


def first_event(port, lang):
    status, answer = ask(port, f"/__preview__/events?lang={lang}", [f"127.0.0.1:{port}"])
    assert status == 200, answer[:300]
    data = answer.split(b"\r\n\r\n", 1)[1].split(b"\n\n", 1)[0]
    return json.loads(data.removeprefix(b"data: "))


@pytest.mark.parametrize("lang", ["zz", "", "EN", "en-US", "..", "ja/../en", "%00", "ｊａ"])
def test_the_event_stream_in_an_unknown_language_speaks_the_default(watched, lang):
    _, port, stderr = watched
    english = first_event(port, "en")["strings"]["title"]
    assert first_event(port, lang)["strings"]["title"] == english
    assert first_event(port, "ja")["strings"]["title"] != english
    assert "Traceback" not in stderr.read_text()


def hang_up(connection):
    """Close with a reset, as a browser tab closed mid-download does."""
    connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    connection.close()


def test_a_reader_who_leaves_mid_answer_is_no_error(watched):
    project, port, stderr = watched
    # Larger than any socket buffer, so the preview is still writing when the reader leaves.
    (project / ".preview" / "site" / "big.bin").write_bytes(b"\0" * (64 << 20))
    request = f"GET {{}} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n"
    for path in ("/big.bin", "/big.bin", "/__preview__/events", "/"):
        connection = socket.create_connection(("127.0.0.1", port), timeout=10)
        connection.sendall(request.format(path).encode())
        connection.recv(100)
        hang_up(connection)
    for partial in (b"", b"GET /big.bin HT", f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                    .encode()):
        connection = socket.create_connection(("127.0.0.1", port), timeout=10)
        connection.sendall(partial)
        hang_up(connection)
    assert get(f"http://127.0.0.1:{port}/")[0] == 200
    # A traceback, were one written, comes within moments of the reset.
    assert not wait_for(lambda: stderr.read_text().strip(), 3), stderr.read_text()


# Whatever a client sends, the preview answers with a status line and keeps serving.
REQUEST_PATHS = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n "),
            max_size=40).map(lambda text: "/" + text),
    st.sampled_from(["/", "/../etc/passwd", "/%2e%2e/", "/__preview__/events?lang=zz",
                     "/__preview__/x", "//evil.example/", "/posts/%00/", "*", "http://x/"]))
HOSTS = st.sampled_from(["127.0.0.1:{port}", "localhost:{port}", "attacker.example:{port}",
                         "127.0.0.1:1", "", "[::1]:{port}", "127.0.0.1:{port}\r\nHost: x"])


@settings(max_examples=40, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(method=st.sampled_from(["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "BREW"]),
       path=REQUEST_PATHS, host=HOSTS)
def test_any_request_to_the_preview_gets_an_answer_and_the_preview_stays_up(
        preview, method, path, host):
    _, port, base = preview
    request = f"{method} {path} HTTP/1.1\r\nHost: {host.format(port=port)}\r\n" \
              "Connection: close\r\n\r\n"
    with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
        connection.sendall(request.encode("utf-8", "surrogateescape"))
        status = connection.recv(64).split(b"\r\n", 1)[0]
    assert status.startswith(b"HTTP/1.") and status[9:12].isdigit(), status
    assert int(status[9:12]) < 500 or int(status[9:12]) == 501, status
    with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
        connection.sendall(f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                           "Connection: close\r\n\r\n".encode())
        assert b" 200 " in connection.recv(64).split(b"\r\n", 1)[0]
