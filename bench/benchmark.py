"""Measure our bilingual build against stock Pelican on one synthetic corpus.

Prints, for N reports (default 1,000): cold build seconds (median of 3), the
warm rebuild (``make preview``'s settings) with nothing changed and after a
one-sentence edit to a report (median and worst of five, per language), peak
memory, pages written, and the ratios the README's budgets are about. Run it
by hand with `bench/run`; it is never a timed test.
"""

import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from generate_corpus import series_settings, write_corpus  # noqa: E402

PELICAN = [str(ROOT / ".venv" / "bin" / "pelican"), "--fatal", "warnings"]


def measure(command):
    """(seconds, peak resident memory in MiB) of one command and its children."""
    script = (
        "import resource, subprocess, sys, time\n"
        "start = time.perf_counter()\n"
        "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
        "elapsed = time.perf_counter() - start\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
        "print(elapsed, peak, code)\n"
    )
    out = subprocess.run([sys.executable, "-c", script, *command], capture_output=True,
                         text=True, cwd=ROOT, check=True).stdout.split()
    if out[2] != "0":
        raise SystemExit(f"build failed: {' '.join(command)}")
    return float(out[0]), float(out[1])


def pages(output):
    return sum(1 for _ in Path(output).rglob("*.html"))


def ours(content, output, reports, extra=()):
    # One -e with every KEY=VALUE: a second -e would replace the first.
    series = json.dumps(series_settings(reports))
    return [*PELICAN, str(content), "-s", "pelicanconf.py", "-o", str(output),
            "-e", f"SERIES={series}", *extra]


def stock(content, output):
    return [*PELICAN, str(content), "-s", "bench/stock_pelicanconf.py", "-o", str(output)]


def srcset_choice(img, pixels=780):
    """The candidate a 390-px-wide phone at 2x picks: the first at least that wide."""
    candidates = sorted(
        (int(width.removesuffix("w")), url)
        for url, width in (entry.split() for entry in img["srcset"].split(","))
    )
    return next((url for width, url in candidates if width >= pixels), candidates[-1][1])


def article_transfer(output, url):
    """Bytes a phone downloads for an article: HTML, CSS, JS and eager images."""
    from bs4 import BeautifulSoup

    page = Path(output, url.strip("/"), "index.html")
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
    assets = [link["href"] for link in soup.select('link[rel="stylesheet"], link[rel="icon"]')]
    assets += [script["src"] for script in soup.select("script[src]")]
    assets += [
        srcset_choice(img) if img.get("srcset") else img["src"]
        for img in soup.select("img")
        if img.get("loading") != "lazy"
    ]
    return page.stat().st_size + sum(Path(output, a.lstrip("/")).stat().st_size for a in assets)


def median_of_three(command):
    runs = [measure(command) for _ in range(3)]
    return statistics.median(r[0] for r in runs), max(r[1] for r in runs)


def main(reports):
    with tempfile.TemporaryDirectory() as scratch:
        content = write_corpus(Path(scratch) / "content", reports)
        stock_out, our_out = Path(scratch) / "stock", Path(scratch) / "ours"
        stock_cold, stock_peak = median_of_three(stock(content, stock_out))
        our_cold, our_peak = median_of_three(ours(content, our_out, reports))
        # The settings of `make preview`, the editors' live preview.
        cached = [f'CACHE_PATH="{scratch}/cache"', "LOAD_CONTENT_CACHE=true", "CACHE_CONTENT=true",
                  "DELETE_OUTPUT_DIRECTORY=false", 'CONTENT_CACHING_LAYER="generator"',
                  "GZIP_CACHE=false"]
        measure(ours(content, our_out, reports, cached))  # fills the caches
        unchanged, _ = measure(ours(content, our_out, reports, cached))
        # One sentence added to five different reports in turn, per language: an
        # edit that changes what other pages show (a reading time crossing a
        # minute) re-renders them, so one edit alone is not typical.
        warm = {}
        for lang in ("en", "ja"):
            times = []
            for post in sorted((content / lang).glob("*.md"))[:: max(1, reports // 5)][:5]:
                post.write_text(post.read_text() + "\nOne more sentence for the warm rebuild.\n")
                times.append(measure(ours(content, our_out, reports, cached))[0])
            warm[lang] = (statistics.median(times), max(times))
        rows = [
            ("reports", reports, reports),
            ("pages written", pages(stock_out), pages(our_out)),
            ("cold build, s (median of 3)", f"{stock_cold:.2f}", f"{our_cold:.2f}"),
            ("peak memory, MiB", f"{stock_peak:.0f}", f"{our_peak:.0f}"),
            ("warm rebuild, nothing changed, s", "", f"{unchanged:.2f}"),
            ("warm rebuild, English edit, s (median/max of 5)", "",
             "{:.2f}/{:.2f}".format(*warm["en"])),
            ("warm rebuild, Japanese edit, s (median/max of 5)", "",
             "{:.2f}/{:.2f}".format(*warm["ja"])),
        ]
        print(f"{'':50}{'stock Pelican':>15}{'ours':>12}")
        for name, theirs, mine in rows:
            print(f"{name:50}{theirs!s:>15}{mine!s:>12}")
        site = Path(scratch) / "site"
        measure([*PELICAN, "-s", "pelicanconf.py", "-o", str(site)])
        for url in ("/posts/bestkenko-part-1/", "/ja/posts/kamagra-gold-unapproved-drug/"):
            kib = article_transfer(site, url) / 1024
            print(f"article transfer {url}: {kib:.1f} KiB (budget < 30 KB)")
        print(f"cold ratio ours/stock: {our_cold / stock_cold:.2f} (budget <= 1.0)")
        for lang, (median, _) in warm.items():
            print(f"warm rebuild ({lang} edit, median) / stock cold: {median / stock_cold:.2f} "
                  "(budget <= 0.3)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
