"""Build the real site with real Pelican, and read it the way a reader would."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
BUILD = [sys.executable, str(ROOT / "tools" / "site_build.py")]


PROJECT_FILES = ["content", "theme", "translations", "plugins", "tools", "pelicanconf.py",
                 "publishconf.py", "Makefile", "requirements.txt", "published-urls.txt"]


def copy_project(target):
    """A working copy of the project that shares this one's .venv."""
    target.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        source = ROOT / name
        copy = shutil.copytree if source.is_dir() else shutil.copy
        copy(source, target / name)
    (target / ".venv").symlink_to(ROOT / ".venv")
    return target


def build(output, settings="pelicanconf.py", content=None, env=None, check=True, extra=None,
          verbose=False):
    """Build ``content`` (default: content/) into ``output`` as `make build` does.

    ``extra`` overrides settings, as Pelican's ``-e KEY=JSON`` does.
    """
    command = [*BUILD, "--settings", settings, "--output", str(output)]
    if verbose:
        command.append("--verbose")
    if extra:
        command += ["-e", *(f"{key}={json.dumps(value)}" for key, value in extra.items())]
    if content is not None:
        command += ["--content", str(content)]
    result = subprocess.run(
        command,
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "200", **(env or {})},
    )
    if check and result.returncode != 0:
        raise AssertionError(f"build failed:\n{result.stdout}\n{result.stderr}")
    return result


class Site:
    """A built output folder, addressed by URL path."""

    def __init__(self, root, siteurl=""):
        self.root = Path(root)
        self.siteurl = siteurl
        self._soups = {}

    def file_for(self, url):
        """The file a static server would answer for ``url``, or None."""
        parts = urlsplit(url)
        if self.siteurl and url.startswith(self.siteurl):
            path = url[len(self.siteurl) :]
        elif parts.scheme or parts.netloc:
            return None
        else:
            path = parts.path
        path = urlsplit(path).path
        target = self.root / path.lstrip("/")
        if path.endswith("/") or target.is_dir():
            target = target / "index.html"
        return target if target.is_file() else None

    def html_files(self):
        return sorted(self.root.rglob("*.html"))

    def url_of(self, file):
        relative = Path(file).relative_to(self.root).as_posix()
        if relative.endswith("index.html"):
            relative = relative[: -len("index.html")]
        return "/" + relative

    def soup(self, url):
        file = self.file_for(url)
        assert file is not None, f"{url} was not built"
        # Each page parsed once per test session: the sites are built once.
        if url not in self._soups:
            self._soups[url] = BeautifulSoup(file.read_text(encoding="utf-8"), "lxml")
        return self._soups[url]


def text_of(node):
    """The text a reader sees, whitespace collapsed (<wbr> and word joiners add nothing)."""
    return " ".join(node.get_text().replace("\u2060", "").split())
