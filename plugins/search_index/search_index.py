"""Search for readers, in each language, with Pagefind.

Writes a search page per language (``search/``, ``{lang}/search/``, template
``search``) and, once the site is written, runs Pagefind (PyPI
``pagefind[extended]``, whose binary segments Japanese) over the output. Pagefind
keeps one index per ``<html lang>``, so an English query never returns a
Japanese page. Only elements marked ``data-pagefind-body`` (the report's title
and body in ``article.html``) are indexed: no navigation, filters or footers.

Adds ``site_paths[lang]["search"]`` for the header link. Settings read:
``OUTPUT_PATH``, ``SITE_LANGUAGES``.
"""

import json
import subprocess
import sys
from pathlib import Path

from language_sites.language_sites import linked_listings
from pelican import signals
from pelican.generators import Generator

class SearchIndexError(RuntimeError):
    pass


class SearchPagesGenerator(Generator):
    def generate_context(self):
        for paths in self.context["site_paths"].values():
            paths["search"] = f"{paths['home']}search/"

    def generate_output(self, writer):
        paths = self.context["site_paths"]
        listings = linked_listings(
            self.settings, "search", {lang: p["search"] for lang, p in paths.items()}
        )
        for lang, listing in listings.items():
            writer.write_file(
                f"{listing.url}index.html", self.get_template("search"), self.context,
                listing=listing,
            )


def sort_entry_file(output):
    # Pagefind writes its language table in random order; sorted, the same
    # content gives the same bytes (reproducible builds).
    entry = Path(output, "pagefind", "pagefind-entry.json")
    data = json.loads(entry.read_text(encoding="utf-8"))
    entry.write_text(json.dumps(data, sort_keys=True, ensure_ascii=False), encoding="utf-8")


def build_index(pelican):
    output = pelican.settings["OUTPUT_PATH"]
    command = [sys.executable, "-m", "pagefind", "--site", output, "--silent"]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind failed:\n{result.stdout}{result.stderr}")
    sort_entry_file(output)


def get_generators(pelican):
    return SearchPagesGenerator


def register():
    signals.get_generators.connect(get_generators)
    signals.finalized.connect(build_index)
