"""Search for readers, in each language, with Pagefind.

Writes a search page per language (``search/``, ``{lang}/search/``, template
``search``) and that language's search index beside it, built by PyPI
``pagefind[extended]``, whose binary segments Japanese. An English query never
returns a Japanese page. Only the report's title and body are indexed (what
``article.html`` marks ``data-pagefind-body``): no navigation or footers.

Indexing starts as soon as every report is read, before any page is rendered,
in a forked process that renders each published report's title and body with
the small ``search_record`` template and hands them, in memory, to one
Pagefind service (:mod:`.pagefind_service`). The build waits for it at the end.

A language's reports are split into shards of at most ``SEARCH_SHARD_SIZE``
(default 200) by a hash of their URL, each its own Pagefind bundle
(``pagefind/0/``, ``pagefind/1/``, ...; ``{lang}/pagefind/N/``), which the
search page merges (Pagefind's ``mergeIndex``). A shard whose records are the
ones its bundle was built from (``records.sha256`` in the bundle) is kept, so
an edit to one report re-indexes one shard, not the site.

Adds ``site_paths[lang]["search"]``, ``["search_bundles"]`` (the folders of
the shards that hold reports) and ``["search_shards"]`` (how many there are).
Settings read: ``OUTPUT_PATH``, ``SITE_LANGUAGES``, ``SEARCH_SHARD_SIZE``,
``PLUGIN_PATHS``.
"""

import hashlib
import json
import math
import os
import shutil
import tempfile
import traceback
from pathlib import Path

from build_speed.incremental import files_stamp
from language_sites.language_sites import listing_in_every_language, with_translations
from pelican import signals
from pelican.generators import ArticlesGenerator, Generator

from .pagefind_service import PagefindService

RECORDS_DIGEST = "records.sha256"


class SearchIndexError(RuntimeError):
    pass


def shard_count(settings, reports):
    return max(1, math.ceil(reports / settings.get("SEARCH_SHARD_SIZE", 200)))


def shard_of(url, shards):
    # By a hash of the URL: a new report joins one shard and moves no other.
    return int(hashlib.sha256(url.encode()).hexdigest(), 16) % shards


class SearchPagesGenerator(Generator):
    def generate_context(self):
        reports = with_translations(self.context.get("articles", []))
        for lang, paths in self.context["site_paths"].items():
            urls = [f"/{r.url}" for r in reports if r.lang == lang and r.status == "published"]
            count = shard_count(self.settings, len(urls))
            shards = sorted({shard_of(url, count) for url in urls})  # none empty
            paths["search"] = f"{paths['home']}search/"
            paths["search_shards"] = count
            paths["search_bundles"] = [f"{paths['home']}pagefind/{n}/" for n in shards]

    def generate_output(self, writer):
        for listing in listing_in_every_language(self.settings, "search", "search/").values():
            writer.write_file(
                f"{listing.url}index.html", self.get_template("search"), self.context,
                listing=listing,
            )


# Pagefind's ready-made search interfaces: search.js uses none of them.
UNUSED = ("pagefind-ui", "pagefind-modular-ui", "pagefind-component-ui", "pagefind-highlight")


def sorted_entry(data):
    # Pagefind lists languages in random order; sorted, the same content gives
    # the same bytes (reproducible builds).
    entry = json.loads(data)
    return json.dumps(entry, sort_keys=True, ensure_ascii=False).encode()


def write_bundle(bundle, files, fingerprint):
    """Write a bundle's files, only those that changed, and remove any others."""
    files = {path: data for path, data in files.items() if not path.startswith(UNUSED)}
    files["pagefind-entry.json"] = sorted_entry(files["pagefind-entry.json"])
    marker = bundle / RECORDS_DIGEST
    marker.unlink(missing_ok=True)  # written last: a bundle cut short is rebuilt
    if bundle.exists():
        for old in bundle.rglob("*"):
            if old.is_file() and old.relative_to(bundle).as_posix() not in files:
                old.unlink()
    for path, data in files.items():
        target = bundle / path
        if not target.exists() or target.read_bytes() != data:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    marker.write_text(fingerprint)


def reports_by_bundle(articles_generator):
    """{bundle folder: [report]}: which shard indexes which report."""
    paths = articles_generator.context["site_paths"]
    output = articles_generator.settings["OUTPUT_PATH"]
    bundles = {Path(output, b): [] for lang in paths for b in paths[lang]["search_bundles"]}
    for article in (*articles_generator.articles, *articles_generator.translations):
        home = paths[article.lang]["home"]
        shard = shard_of(f"/{article.url}", paths[article.lang]["search_shards"])
        bundles[Path(output, f"{home}pagefind/{shard}/")].append(article)
    return bundles


def records_source(settings, template):
    """What every record is made with: the template and the plugins (its filters, this one)."""
    hashed = hashlib.sha256(Path(template.filename).read_bytes())
    hashed.update(files_stamp(settings.get("PLUGIN_PATHS", []), (".py",)).encode())
    return hashed.digest()


def digest(source, reports):
    """What a shard's records are made of: cheaper than rendering them.

    The raw body stands for the rendered one: resolving links changes no text.
    """
    hashed = hashlib.sha256(source)
    for report in sorted(reports, key=lambda r: r.url):
        for part in (report.url, report.lang, report.title, report._content):
            hashed.update(f"{len(part)}:{part}".encode())
    return hashed.hexdigest()


def is_current(bundle, fingerprint):
    marker = Path(bundle, RECORDS_DIGEST)
    return marker.exists() and marker.read_text() == fingerprint


def remove_other_bundles(bundles):
    """Remove shards no longer used (the site shrank, or a language lost its reports)."""
    for parent in {bundle.parent for bundle in bundles}:
        for folder in parent.iterdir() if parent.is_dir() else ():
            if folder.is_dir() and folder not in bundles:
                shutil.rmtree(folder)


def write_bundles(articles_generator):
    template = articles_generator.get_template("search_record")
    bundles = reports_by_bundle(articles_generator)
    remove_other_bundles(bundles)
    source = records_source(articles_generator.settings, template)
    stale = {}
    for bundle, reports in bundles.items():
        fingerprint = digest(source, reports)
        if not is_current(bundle, fingerprint):
            stale[bundle] = (reports, fingerprint)
    if not stale:
        return
    with PagefindService() as service:
        for bundle, (reports, fingerprint) in stale.items():
            records = [(f"/{r.url}", template.render(article=r)) for r in reports]
            write_bundle(bundle, service.bundle(records), fingerprint)


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
            write_bundles(articles_generator)
            code = 0
        except BaseException:  # noqa: BLE001 - reported by the parent
            os.write(descriptor, traceback.format_exc().encode())
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
