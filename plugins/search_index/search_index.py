"""Search for readers, in each language, with Pagefind.

Writes a search page per language (``search/``, ``{lang}/search/``, template
``search``) and a Pagefind bundle per language beside it (``pagefind/``,
``{lang}/pagefind/``), built by PyPI ``pagefind[extended]``, whose binary
segments Japanese. An English query never returns a Japanese page. Only the
report's title and body are indexed (the elements ``article.html`` marks
``data-pagefind-body``): no navigation, filters or footers.

Indexing starts as soon as every report is read, before any page is rendered,
in a forked process that renders each published report's title and body with
the small ``search_record`` template into a scratch folder (in memory, under
``/dev/shm``, where there is one) and runs Pagefind over it. The build waits for
it at the end. A language whose records are the same as in
the bundle already there (say, after an edit to a report in another language)
keeps its bundle: ``records.sha256`` in the bundle folder remembers them.

Adds ``site_paths[lang]["search"]`` and ``["search_bundle"]``. Settings read:
``OUTPUT_PATH``, ``SITE_LANGUAGES``.
"""

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from language_sites.language_sites import listing_in_every_language
from pelican import signals
from pelican.generators import ArticlesGenerator, Generator

RECORDS_DIGEST = "records.sha256"


class SearchIndexError(RuntimeError):
    pass


class SearchPagesGenerator(Generator):
    def generate_context(self):
        for paths in self.context["site_paths"].values():
            paths["search"] = f"{paths['home']}search/"
            paths["search_bundle"] = f"{paths['home']}pagefind/"

    def generate_output(self, writer):
        for listing in listing_in_every_language(self.settings, "search", "search/").values():
            writer.write_file(
                f"{listing.url}index.html", self.get_template("search"), self.context,
                listing=listing,
            )


def sort_entry_file(bundle):
    # Pagefind writes its language table in random order; sorted, the same
    # content gives the same bytes (reproducible builds).
    entry = Path(bundle, "pagefind-entry.json")
    data = json.loads(entry.read_text(encoding="utf-8"))
    entry.write_text(json.dumps(data, sort_keys=True, ensure_ascii=False), encoding="utf-8")


def records_by_bundle(articles_generator):
    """{bundle folder: [(URL, HTML)]}: what Pagefind indexes, per language."""
    template = articles_generator.get_template("search_record")
    paths = articles_generator.context["site_paths"]
    output = articles_generator.settings["OUTPUT_PATH"]
    bundles = {Path(output, paths[lang]["search_bundle"]): [] for lang in paths}
    for article in (*articles_generator.articles, *articles_generator.translations):
        bundle = Path(output, paths[article.lang]["search_bundle"])
        bundles[bundle].append((f"/{article.url}", template.render(article=article)))
    return bundles


def digest(records):
    hashed = hashlib.sha256()
    for url, html in sorted(records):
        hashed.update(f"{len(url)}:{url}{len(html)}:{html}".encode())
    return hashed.hexdigest()


def is_current(bundle, records):
    marker = Path(bundle, RECORDS_DIGEST)
    return marker.exists() and marker.read_text() == digest(records)


def scratch_folder():
    # Writing thousands of small files is far cheaper in memory than on disk.
    shm = Path("/dev/shm")
    in_memory = shm.is_dir() and os.access(shm, os.W_OK)
    return tempfile.mkdtemp(prefix="search-records-", dir=shm if in_memory else None)


def write_bundle(bundle, records):
    """Run Pagefind over ``records`` into ``bundle``; raise if it fails."""
    scratch = scratch_folder()
    try:
        for url, html in records:
            page = Path(scratch, url.strip("/"), "index.html")
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(html, encoding="utf-8")
        command = [sys.executable, "-m", "pagefind", "--site", scratch, "--silent",
                   "--output-path", str(bundle)]
        subprocess.run(command, check=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    sort_entry_file(bundle)
    Path(bundle, RECORDS_DIGEST).write_text(digest(records))


# The indexer running for the build writing to an output folder (one at a time).
_indexing = {}


def start_indexing(generators):
    """Fork a process that renders the records and runs Pagefind over them.

    The fork takes the read reports with it, so neither the records nor the
    indexing hold up the main process, which goes on to render the pages.
    """
    articles_generator = next(g for g in generators if isinstance(g, ArticlesGenerator))
    output = articles_generator.settings["OUTPUT_PATH"]
    descriptor, log = tempfile.mkstemp(prefix="pagefind-", suffix=".log")
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child, which never returns
        code = 1
        try:
            os.dup2(descriptor, 1)
            os.dup2(descriptor, 2)
            bundles = records_by_bundle(articles_generator)
            for bundle, records in bundles.items():
                if records and not is_current(bundle, records):
                    write_bundle(bundle, records)
            code = 0
        except BaseException as error:  # noqa: BLE001 - reported by the parent
            os.write(descriptor, f"{error!r}\n".encode())
        os._exit(code)
    os.close(descriptor)
    _indexing[output] = (pid, Path(log))


def finish_indexing(pelican):
    pid, log = _indexing.pop(pelican.settings["OUTPUT_PATH"], (None, None))
    if pid is None:
        return
    _, status = os.waitpid(pid, 0)
    report = log.read_text(encoding="utf-8", errors="replace")
    log.unlink()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SearchIndexError(f"Pagefind failed:\n{report}")


def get_generators(pelican):
    return SearchPagesGenerator


def register():
    signals.get_generators.connect(get_generators)
    signals.all_generators_finalized.connect(start_indexing)
    signals.finalized.connect(finish_indexing)
