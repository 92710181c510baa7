"""Live preview: serve output/ and rebuild when content, theme or translations change.

Run by `make serve`. Each rebuild is `make preview`: the same pages as
`make build` (a test holds them byte for byte), but only the pages whose
inputs changed are rendered again. A failed build keeps the last good pages
served and prints what went wrong.
"""

import argparse
import subprocess
import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from watchfiles import watch

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "output"
WATCHED = ["content", "theme", "translations", "plugins", "pelicanconf.py"]


class PreviewHandler(SimpleHTTPRequestHandler):
    def send_error(self, code, message=None, explain=None):
        # Show our own 404 page, in the language of the part of the site asked for.
        lang_dir = self.path.lstrip("/").split("/", 1)[0]
        page = OUTPUT / lang_dir / "404.html"
        if code != 404 or not page.exists():
            page = OUTPUT / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        pass


def is_source(change, path):
    # Compiled catalogs are written by the build itself.
    return not path.endswith((".mo", ".pyc", "~")) and "__pycache__" not in path


def rebuild_on_changes():
    for changes in watch(*(ROOT / name for name in WATCHED), watch_filter=is_source):
        names = ", ".join(sorted({Path(p).name for _, p in changes}))
        print(f"Changed: {names}. Rebuilding...", flush=True)
        result = subprocess.run(["make", "-s", "preview"], cwd=ROOT)
        print("Rebuilt." if result.returncode == 0 else "Build failed: see above.")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    threading.Thread(target=rebuild_on_changes, daemon=True).start()
    handler = partial(PreviewHandler, directory=str(OUTPUT))
    with ThreadingHTTPServer((args.host, args.port), handler) as server:
        print(f"Serving the site at http://{args.host}:{args.port}/ (Ctrl-C to stop)")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            sys.exit(0)


if __name__ == "__main__":
    main()
