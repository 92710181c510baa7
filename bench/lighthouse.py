"""Run Lighthouse (mobile) on six pages of a fresh build; print each category's score.

Called by bench/lighthouse, which installs Lighthouse with npm first.
"""

import json
import subprocess
import sys
import tempfile
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["/", "/posts/bestkenko-part-1/", "/search/",
         "/ja/", "/ja/posts/bestkenko-part-1/", "/ja/search/"]
CHROME_FLAGS = ("--headless --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --no-first-run --disable-sync")
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def main(lighthouse):
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        subprocess.run([sys.executable, "tools/site_build.py", "--output", str(site)], cwd=ROOT,
                       check=True, capture_output=True)
        server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}"
        print(f"{'page':34}" + "".join(f"{c:>16}" for c in CATEGORIES))
        for page in PAGES:
            report = Path(folder) / "report.json"
            subprocess.run([lighthouse, f"{base}{page}", "--quiet", "--output=json",
                            f"--output-path={report}", f"--chrome-flags={CHROME_FLAGS}",
                            f"--only-categories={','.join(CATEGORIES)}"],
                           check=True, env={"CHROME_PATH": "/usr/bin/chromium",
                                            "PATH": "/usr/bin:/bin:/usr/local/bin"})
            scores = json.loads(report.read_text())["categories"]
            row = "".join(f"{round(scores[c]['score'] * 100):>16}" for c in CATEGORIES)
            print(f"{page:34}" + row)
            failing = [audit for audit in json.loads(report.read_text())["audits"].values()
                       if audit.get("score") is not None and audit["score"] < 1
                       and not audit["id"].endswith("-insight")
                       and audit.get("scoreDisplayMode") in ("binary", "numeric")]
            for audit in failing[:8]:
                print(f"    {audit['id']}: {audit.get('displayValue', '')} {audit['title']}")
        server.shutdown()


if __name__ == "__main__":
    main(sys.argv[1])
