"""Search for readers, in each language, with Pagefind.

Writes a search page per language (``search/``, ``{lang}/search/``, template
``search``) and runs Pagefind (PyPI ``pagefind[extended]``, whose binary
segments Japanese) over the report pages as soon as they are written, in
parallel with the rest of the build, which waits for it at the end. Pagefind
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

from language_sites.language_sites import listing_in_every_language
from pelican import signals
from pelican.generators import Generator

class SearchIndexError(RuntimeError):
    pass


class SearchPagesGenerator(Generator):
    def generate_context(self):
        for paths in self.context["site_paths"].values():
            paths["search"] = f"{paths['home']}search/"

    def generate_output(self, writer):
        for listing in listing_in_every_language(self.settings, "search", "search/").values():
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


# The indexer started for the build writing to an output folder (one at a time).
_indexing = {}


def start_indexing(generator, writer=None):
    """Index the reports as soon as they are written, while listings are rendered."""
    output = generator.settings["OUTPUT_PATH"]
    command = [sys.executable, "-m", "pagefind", "--site", output, "--silent",
               "--glob", "**/posts/*/index.html"]
    _indexing[output] = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )


def finish_indexing(pelican):
    output = pelican.settings["OUTPUT_PATH"]
    indexer = _indexing.pop(output, None)
    if indexer is None:
        return
    report, _ = indexer.communicate()
    if indexer.returncode != 0:
        raise SearchIndexError(f"Pagefind failed:\n{report}")
    sort_entry_file(output)


def get_generators(pelican):
    return SearchPagesGenerator


def register():
    signals.get_generators.connect(get_generators)
    signals.article_writer_finalized.connect(start_indexing)
    signals.finalized.connect(finish_indexing)
