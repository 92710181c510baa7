"""The live preview: one long-lived process that builds, serves and rebuilds.

    python tools/serve.py [--bind 127.0.0.1] [--port 8000]
                          [--content DIR] [--site DIR] [-e KEY=JSON ...]

(--content, --site and -e point it at another site, as the benchmark does.)

`make serve` runs it. It keeps Pelican's plugins, the posts it has read and a
Pagefind service in memory; on a save it reads again only the changed files
and renders only the pages whose inputs changed (``build_speed``), into its
own folder, ``.preview/site``. A build's writes are held in a journal and
applied only when the build succeeds, so a failed build leaves the last good
site served.

Every open page loads ``/__preview__/reload.js`` (added to HTML as it is
served, never written to the site) and listens to ``/__preview__/events``:
it reloads itself when a build changed it, and shows a failed build's problems
(file, line, field, fix) over the page, in the page's language, until a build
succeeds. Drafts are shown, as in every development build.

Only regular files under the preview's folder are served: no symbolic link, no
directory listing, no path outside it. Only to its own origin: a request whose
Host is not the address it serves on (127.0.0.1:PORT, localhost:PORT, the --bind
address) is refused with 421, so a web page an editor visits cannot read drafts
through a name of its own resolved to this machine (DNS rebinding). A reader who
leaves mid-answer, or never asks, is let go silently (after 30 s at most).

A change to the plugins or to ``pelicanconf.py`` restarts the process, since
code and settings are read once.
"""

import argparse
import gc
import hashlib
import ipaddress
import json
import mimetypes
import os
import stat
import sys
import threading
import time
from functools import partial
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import site_build
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from site_model.catalogs import N_, translations_for
from site_model.problems import report
from watchfiles import watch

ROOT = site_build.ROOT
ASSETS = Path(__file__).resolve().parent / "preview"
WATCHED = ["theme", "translations", "plugins", "pelicanconf.py"]
RESTART_ON = ("plugins", "pelicanconf.py")
INJECTED = '<script src="/__preview__/reload.js?build={build}" defer></script>'

OVERLAY = {
    "title": N_("The site could not be built"),
    "kept": N_("This page shows the last version that built. Fix each problem below "
               "and save: the page reloads by itself."),
    "close": N_("Hide"),
}


class Preview:
    """The site as the preview serves it: the last good build, and the newest news."""

    def __init__(self, bind, port, content=None, site=None, overrides=None):
        self.address = f"http://{'127.0.0.1' if bind in ('0.0.0.0', '::') else bind}:{port}"
        self.content = Path(content or ROOT / "content").resolve()
        self.site = Path(site or ROOT / ".preview" / "site").resolve()
        self.overrides = overrides or {}
        self.seen = {}  # each watched file's bytes, by digest, as last built
        self.warm = site_build.WarmCache()
        self.service = None
        self.build_number = 0
        self.problems = []
        self.changed = []
        self.news = threading.Condition()
        self.building = threading.Lock()
        self.last_request = 0.0
        self.pending = []  # files saved since the last build began
        self.wanted = threading.Condition()

    def settings(self):
        overrides = {
            **self.overrides,
            "FEED_DOMAIN": self.address,  # canonical links, feeds, sitemap: where it is served
            site_build.WARM: self.warm,
            "SEARCH_SERVICE": self.search_service(),
            "SEARCH_DEFERRED": True,  # pages first, the search index just after
        }
        return site_build.settings_for("pelicanconf.py", self.site, self.content, overrides)

    def search_service(self):
        if self.service is None:
            from site_model.pagefind_service import PagefindService

            self.service = PagefindService()
        return self.service

    def build(self, reason=""):
        with self.building:
            started = time.perf_counter()
            result = site_build.build(self.settings(), fresh=False, on_done=self.announce)
            seconds = time.perf_counter() - started
            set_aside_what_builds_keep()
            if result.problems:
                report(result.problems, sys.stdout)
            else:
                print(f"Built{' after ' + reason if reason else ''} in {seconds:.2f} s: "
                      f"{len(result.changed)} file(s) changed. {self.address}/", flush=True)
            return result

    def has_news(self, seen):
        """Whether a build has ended since the one numbered ``seen``."""
        return self.build_number != seen

    def announce(self, result):
        """Tell every open page about the build that just ended."""
        with self.news:
            self.build_number += 1
            self.problems = result.problems
            self.changed = [self.url_of(path) for path in result.changed]
            self.news.notify_all()
        self.let_pages_reload()

    def let_pages_reload(self, first=0.15, quiet=0.05, most=1.0):
        """Hold the work left for after the build (the search index) until the
        open pages have reloaded: it would compete with serving them for the
        interpreter, and the editor is waiting for the page."""
        announced = time.monotonic()
        while (now := time.monotonic()) - announced < most:
            if now - announced > first and now - self.last_request > quiet:
                return
            time.sleep(0.01)

    def url_of(self, path):
        relative = Path(path).relative_to(self.site).as_posix()
        return "/" + relative.removesuffix("index.html")

    def event(self, lang):
        """The state of the preview as the page in ``lang`` is told it."""
        _ = translations_for(self.settings_for_catalogs(), lang).gettext
        return {
            "build": self.build_number,
            "ok": not self.problems,
            "changed": self.changed,
            "problems": [str(problem) for problem in self.problems],
            "strings": {key: _(text) for key, text in OVERLAY.items()},
        }

    def settings_for_catalogs(self):
        return {"TRANSLATIONS_DIR": str(ROOT / "translations"), "DEFAULT_LANG": "en"}

    def differ(self, paths):
        """Which of ``paths`` hold other bytes than when they were last seen: a
        save that changes nothing starts no build."""
        different = []
        for path in paths:
            try:
                digest = hashlib.blake2b(path.read_bytes(), digest_size=16).digest()
            except OSError:
                digest = None
            if self.seen.get(path, "unseen") != digest:
                different.append(path)
            self.seen[path] = digest
        return different

    def remember_sources(self):
        for folder in (self.content, *(ROOT / name for name in WATCHED)):
            files = [folder] if folder.is_file() else folder.rglob("*")
            self.differ([path for path in files if path.is_file()])

    def request(self, paths):
        with self.wanted:
            self.pending.extend(paths)
            self.wanted.notify()

    def keep_building(self):
        """The first build, then one build for whatever was saved since the last."""
        self.build()
        while True:
            with self.wanted:
                self.wanted.wait_for(lambda: self.pending)
                paths, self.pending = sorted(set(self.pending)), []
            if any(p.is_relative_to(ROOT / "translations") for p in paths):
                compile_catalogs()
                self.forget_read_posts()
            shown = [p.name for p in paths if p.exists()] or [p.name for p in paths]
            names = ", ".join(shown[:5]) + ("..." if len(shown) > 5 else "")
            self.build(reason=f"{names} changed")

    def forget_read_posts(self):
        """Posts read earlier carry labels from the catalogs: read them again."""
        self.warm.read_posts.clear()


def compile_catalogs():
    for po in sorted((ROOT / "translations").glob("*/LC_MESSAGES/messages.po")):
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            with open(po, "rb") as source:
                catalog = read_po(source, locale=po.parts[-3])
            with open(mo, "wb") as target:
                write_mo(target, catalog)


def set_aside_what_builds_keep():
    """Collect garbage now, while the editor reads, and exempt what is left
    (the posts and templates kept for the next build) from the collector:
    otherwise its full passes over them land inside the next build (a third
    of a warm build's time at 1,000 reports)."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def is_source(change, path):
    name = Path(path).name
    return not (name.endswith((".mo", ".pyc", "~")) or name.startswith((".#", "#"))
                or "__pycache__" in path)


def watch_sources(preview):
    """Tell the builder which files changed, at once: a save that changes
    nothing is answered even while a build runs."""
    watched = [preview.content, *(ROOT / name for name in WATCHED)]
    for changes in watch(*watched, watch_filter=is_source, step=20):
        paths = preview.differ(sorted({Path(p) for _, p in changes}))
        if not paths:
            print("Saved without changes: nothing to build.", flush=True)
            continue
        if any(p.is_relative_to(ROOT / name) for p in paths for name in RESTART_ON):
            print("Plugins or settings changed: restarting the preview.", flush=True)
            os.execv(sys.executable, [sys.executable, *sys.argv])
        preview.request(paths)


WILDCARDS = ("0.0.0.0", "::", "")


def origins(bind, port):
    """The Host values of the address the preview serves on, as browsers send them."""
    names = {"127.0.0.1", "localhost"} | ({bind} if bind not in WILDCARDS else set())
    return {f"[{name}]:{port}" if ":" in name else f"{name}:{port}" for name in names}


def is_own_origin(host, allowed, bind, port):
    """Whether a request's Host names this preview. Bound to every address, it
    is also reached by any of the machine's IP addresses (a phone on the office
    network): an IP literal cannot be a name rebound by someone else's DNS."""
    host = host.lower()
    if host in allowed:
        return True
    name, _, given_port = host.rpartition(":")
    if bind not in WILDCARDS or given_port != str(port):
        return False
    try:
        address = ipaddress.ip_address(name.removeprefix("[").removesuffix("]"))
    except ValueError:
        return False
    return host == (f"[{address}]:{port}" if address.version == 6 else f"{address}:{port}")


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            return  # the reader left, or never asked: nothing went wrong here
        super().handle_error(request, client_address)


class Handler(BaseHTTPRequestHandler):
    preview = None  # set on the class made for one server, with what follows
    allowed = frozenset()  # its origins' Host values
    bind, port = "127.0.0.1", 0
    server_version = "preview"
    timeout = 30  # seconds a silent reader holds a thread; the event stream writes every 15

    def log_message(self, format, *args):
        pass

    def do_HEAD(self):
        self.do_GET(head=True)

    def do_GET(self, head=False):
        hosts = self.headers.get_all("Host") or []
        if len(hosts) != 1 or not is_own_origin(hosts[0].strip(), self.allowed, self.bind,
                                                 self.port):
            return self.refuse()
        self.preview.last_request = time.monotonic()
        # Origin-form only ("/path?query"); "//name/path" is a path, not a host.
        if not self.path.startswith("/"):
            return self.refuse()
        parts = urlsplit("http://preview" + self.path)
        if parts.path.startswith("/__preview__/"):
            return self.preview_file(parts)
        file = served_file(self.preview.site, parts.path)
        if file is None:
            return self.not_found(parts.path, head)
        self.send_file(file, 200, head)

    def preview_file(self, parts):
        name = parts.path.removeprefix("/__preview__/")
        if name == "events":
            lang = parse_qs(parts.query).get("lang", [""])[0]
            return self.events(lang if lang in self.languages() else self.default_lang())
        asset = ASSETS / name
        if name not in ("reload.js", "overlay.css"):
            return self.send_error(404)
        self.send_body(asset.read_bytes(), mimetypes.guess_type(name)[0], 200)

    def events(self, lang):
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        seen = None
        try:
            while True:
                with self.preview.news:
                    if seen is not None:
                        self.preview.news.wait_for(partial(self.preview.has_news, seen),
                                                   timeout=15)
                    seen = self.preview.build_number
                    if self.preview.build_number == 0:
                        continue
                    message = json.dumps(self.preview.event(lang), ensure_ascii=False)
                self.wfile.write(f"data: {message}\n\n".encode())
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError, OSError):
            return

    def default_lang(self):
        return self.preview.settings_for_catalogs()["DEFAULT_LANG"]

    def languages(self):
        """The languages the overlay can speak (any other gets the default's)."""
        catalogs = (ROOT / "translations").glob("*/LC_MESSAGES/messages.po")
        return {self.default_lang(), *(po.parts[-3] for po in catalogs)}

    def refuse(self):
        message = f"This preview answers only at {self.preview.address}/\n".encode()
        self.send_body(message, "text/plain", HTTPStatus.MISDIRECTED_REQUEST)

    def not_found(self, path, head):
        lang = path.lstrip("/").split("/", 1)[0]
        site = self.preview.site
        page = served_file(site, f"/{lang}/404.html") or served_file(site, "/404.html")
        if page is None:
            return self.send_error(404)
        self.send_file(page, 404, head)

    def send_file(self, file, status, head=False):
        data = file.read_bytes()
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        if kind == "text/html":
            script = INJECTED.format(build=self.preview.build_number).encode()
            data = data.replace(b"</body>", script + b"</body>", 1)
        self.send_body(b"" if head else data, kind, status, length=len(data))

    def send_body(self, data, kind, status, length=None):
        self.send_response(status)
        textual = kind and kind.startswith(("text/", "application/javascript"))
        charset = "; charset=utf-8" if textual else ""
        self.send_header("Content-Type", f"{kind or 'application/octet-stream'}{charset}")
        self.send_header("Content-Length", str(len(data) if length is None else length))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        self.wfile.write(data)


def served_file(site, url_path):
    """The regular file under the preview's folder ``site`` for ``url_path``, or None.

    No "..", no symbolic link anywhere on the way, no directory listing: a
    folder is served by its index.html or not at all.
    """
    path = unquote(url_path)
    if "\x00" in path or "\\" in path:
        return None
    parts = [part for part in path.split("/") if part]
    if any(part in (".", "..") for part in parts):
        return None
    candidate = site.joinpath(*parts)
    try:
        status = os.lstat(candidate)
        if stat.S_ISDIR(status.st_mode):
            candidate = candidate / "index.html"
            status = os.lstat(candidate)
    except OSError:
        return None
    if not stat.S_ISREG(status.st_mode):
        return None
    for folder in candidate.relative_to(site).parents:
        if (site / folder).is_symlink():
            return None
    return candidate


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bind", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--content")
    parser.add_argument("--site")
    parser.add_argument("-e", "--extra", nargs="*", help="KEY=JSON settings")
    args = parser.parse_args(argv)
    preview = Preview(args.bind, args.port, args.content, args.site,
                      site_build.parse_overrides(args.extra))
    handler = type("PreviewHandler", (Handler,), {
        "preview": preview, "allowed": frozenset(origins(args.bind, args.port)),
        "bind": args.bind, "port": args.port,
    })
    try:
        server = PreviewServer((args.bind, args.port), handler)
    except OSError as error:
        print(f"Cannot serve on {args.bind}:{args.port}: {error.strerror}. Is another preview "
              f"running? Choose another port: make serve PORT={args.port + 1}", file=sys.stderr)
        return 1
    preview.site.mkdir(parents=True, exist_ok=True)
    compile_catalogs()
    preview.remember_sources()
    print(f"Building the site for {preview.address}/ ...", flush=True)
    threading.Thread(target=preview.keep_building, daemon=True).start()
    threading.Thread(target=watch_sources, args=(preview,), daemon=True).start()
    print(f"Serving the site at {preview.address}/ (Ctrl-C to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
