"""Search for readers, in each language, with Pagefind.

Writes a search page per language (``search/``, ``{lang}/search/``, template
``search``) and that language's search index beside it, built by PyPI
``pagefind[extended]``, whose binary segments Japanese. An English query never
returns a Japanese page. What is indexed is a record composed here for each
report (:mod:`.records`): its body text without figures and captions, its title,
date, category, series and part as metadata, and the filters ``category`` and
``year``; the article template's markup plays no part.

Each published report's record is handed to one Pagefind service process
(:mod:`.pagefind_service`) in memory as soon as its page is written, so Pagefind
indexes on another core while the rest of the site renders; the bundles are
collected when the search pages are written, which is why this plugin comes
after the other page-writing plugins in ``PLUGINS``.

A language's reports are split into shards of at most ``SEARCH_SHARD_SIZE``
(default 200) by a hash of their URL, each its own Pagefind bundle
(``pagefind/0/``, ``pagefind/1/``, ...; ``{lang}/pagefind/N/``), which the
search page merges (Pagefind's ``mergeIndex``). A shard whose reports are the
ones its bundle was built from (``records.sha256`` in the bundle, a digest of
the reports and of the theme and plugin files, never of where the project
lives) is kept, so an edit to one report re-indexes one shard, not the site.

Adds ``search_bundles[lang]``: the folders of the shards that hold reports; the
search template also gets ``search_filters``: the categories and years a reader
can narrow results to, in the page's language. Uses the ``phrases`` template
filter where one is installed (Japanese headlines in results break between
phrases). Settings read: ``SITE_LANGUAGES``, ``SEARCH_SHARD_SIZE``,
``PLUGIN_PATHS``, ``THEME``, ``CATEGORIES``, ``TRANSLATIONS_DIR``, ``DEFAULT_LANG``,
``SEARCH_SERVICE`` (a running :class:`PagefindService` that
outlives the build, as the live preview keeps one; by default each build
starts its own) and ``SEARCH_DEFERRED`` (the live preview's: the shards are
written once the build's pages are served, by ``WARM_CACHE.after_build``).
"""

import hashlib
import math
from collections import Counter
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from types import SimpleNamespace

from pelican import signals
from pelican.generators import Generator
from site_model.listings import listing_in_every_language, with_translations
from site_model.output import keep, remove, write_bytes
from site_model.pagefind_service import PagefindService
from site_model.site import site_of

from .records import category_labels, facts, record_html
from .stable_bundle import stable

# What this plugin adds (for templates, Pelican and readers), and what it reads
# that another plugin adds, each at the stage where it happens: held to the order
# of PLUGINS by tests/plugins/test_plugin_contracts.py.
PROVIDES = {"context.search_bundles": "generate_context",
            "context.search_filters": "generate_context"}
READS = {}

RECORDS_DIGEST = "records.sha256"
STAMPED_PACKAGES = ("pagefind_bin_extended", "budoux")
INDEXER = "_search_indexer"
# Pagefind's ready-made search interfaces: search.js uses none of them.
UNUSED = ("pagefind-ui", "pagefind-modular-ui", "pagefind-component-ui", "pagefind-highlight")


def shard_count(settings, reports):
    return max(1, math.ceil(reports / settings.get("SEARCH_SHARD_SIZE", 200)))


def shard_of(url, shards):
    # By a hash of the URL: a new report joins one shard and moves no other.
    return int(hashlib.sha256(url.encode()).hexdigest(), 16) % shards


def code_stamp(settings):
    """What every record is made with: the theme and the plugins, by content,
    and the versions of Pagefind (its bundle format) and BudouX (the phrases of
    Japanese headlines in results).

    Relative names and bytes, never absolute paths or file times, so two
    clones of the same commit agree.
    """
    hashed = hashlib.sha256()
    for package in STAMPED_PACKAGES:
        hashed.update(f"{package}={package_version(package)};".encode())
    for folder in (settings["THEME"], *settings.get("PLUGIN_PATHS", [])):
        root = Path(folder)
        for path in sorted(root.rglob("*")):
            if path.suffix in (".py", ".html") and path.is_file():
                hashed.update(path.relative_to(root).as_posix().encode())
                hashed.update(hashlib.sha256(path.read_bytes()).digest())
    return hashed.digest()


def package_version(package):
    try:
        return version(package)
    except PackageNotFoundError:
        return "none"


def digest(stamp, reports, label):
    """What a shard's records are made of: cheaper than rendering them.

    The raw body stands for the rendered one (resolving links changes no text);
    the record's other facts (title, date, category label, series, part) are
    taken as the record takes them.
    """
    hashed = hashlib.sha256(stamp)
    for report in sorted(reports, key=lambda r: r.url):
        known = facts(report, label)
        for part in (*(f"{key}={value}" for key, value in sorted(known.items())),
                     report._content):
            hashed.update(f"{len(part)}:{part}".encode())
    return hashed.hexdigest()


def write_bundle(writer, bundle, files, fingerprint):
    """Write a bundle (a folder in the output) through the writer: its files,
    the digest of its records last, and no file of an earlier bundle."""
    files = {path: data for path, data in files.items() if not path.startswith(UNUSED)}
    files = stable(files)  # filters, metadata and entry in an order that never varies
    files[RECORDS_DIGEST] = fingerprint.encode()  # last: a bundle cut short is rebuilt
    folder = Path(writer.output_path, bundle)
    if folder.exists():
        for old in folder.rglob("*"):
            if old.is_file() and old.relative_to(folder).as_posix() not in files:
                remove(writer, old.relative_to(writer.output_path).as_posix())
    for path, data in files.items():
        write_bytes(writer, f"{bundle}{path}", data)


def is_current(bundle, fingerprint):
    marker = Path(bundle, RECORDS_DIGEST)
    return marker.exists() and marker.read_text() == fingerprint


def is_deferred(settings):
    return bool(settings.get("SEARCH_DEFERRED")) and settings.get("WARM_CACHE") is not None


class Indexer:
    """One build's search index: which report goes to which shard, and the
    shards that must be indexed again."""

    def __init__(self, settings, output_path, reports, roots, phrase_breaks=None):
        self.settings, self.output_path, self.roots = settings, Path(output_path), roots
        self.phrase_breaks, self.label = phrase_breaks, category_labels(settings)
        self.service = settings.get("SEARCH_SERVICE")
        self._own_service = self.service is None
        self.shards = {}  # bundle folder -> reports
        per_language = Counter(report.lang for report in reports)
        counts = {lang: shard_count(settings, number) for lang, number in per_language.items()}
        for report in reports:
            shard = shard_of(f"/{report.url}", counts[report.lang])
            self.shards.setdefault(f"{roots[report.lang]}{shard}/", []).append(report)
        stamp = code_stamp(settings)
        self.fingerprints = {bundle: digest(stamp, found, self.label)
                             for bundle, found in self.shards.items()}
        self.stale = {
            bundle for bundle, fingerprint in self.fingerprints.items()
            if not is_current(self.output_path / bundle, fingerprint)
        }
        self.shard_of_url = {r.url: b for b, found in self.shards.items() for r in found}
        self.indexes, self.pending = {}, []
        self.deferred, self.finished = None, False
        # The preview reads the pages it indexes once they are served.
        self.later = [] if is_deferred(settings) else None

    def open_indexes(self):
        """An index per stale shard, made before any page is written, so that no
        page waits for Pagefind's answer."""
        if self.stale and self.service is None:
            self.service = PagefindService()
        for bundle in sorted(self.stale):
            self.indexes[bundle] = self.service.new_index()

    def bundles(self, lang):
        return sorted(b for b, found in self.shards.items() if found[0].lang == lang)

    def wants(self, url):
        """Whether the page at ``url`` goes into a shard indexed again this build."""
        return self.shard_of_url.get(url) in self.indexes

    def page_written(self, article):
        if self.later is not None:
            self.later.append(article)
        else:
            self.add(article)

    def add(self, article):
        bundle = self.shard_of_url.get(article.url)
        if bundle in self.indexes:
            html = record_html(facts(article, self.label), article.content, self.phrase_breaks)
            index = self.indexes[bundle]
            self.pending.append(self.service.add_page(index, f"/{article.url}", html))

    def after_build(self, succeeded):
        """Run by the build command once the build is over: a deferred index is
        written now; a failed build's indexes are dropped from the service."""
        if succeeded and self.deferred is not None:
            self.finish(self.deferred)
        elif not succeeded and not self.finished:
            self.abandon()

    def abandon(self):
        if self.service is None:
            return
        for message in self.pending:
            self.service.wait(message)
        for index in self.indexes.values():
            self.service.drop(index)
        self.indexes, self.pending = {}, []
        if self._own_service:
            self.service.close()

    def keep_all(self, writer):
        """Say that every shard's files, as they are, stay part of the site."""
        for bundle in sorted(self.shards):
            for name in self.files_of(bundle):
                keep(writer, name)

    def files_of(self, bundle):
        """The files of a bundle as it is written: a preview lists them once
        per version of the bundle, not at every build."""
        folder = self.output_path / bundle
        marker = folder / RECORDS_DIGEST
        version = marker.read_text() if marker.exists() else None
        warm = self.settings.get("WARM_CACHE")
        listed = warm.search_files if warm is not None else {}
        if version is None or listed.get(folder, (None,))[0] != version:
            names = [path.relative_to(self.output_path).as_posix()
                     for path in folder.rglob("*") if path.is_file()]
            listed[folder] = (version, names)
        return listed[folder][1]

    def finish(self, writer):
        """Write the shards indexed again, and remove shards no longer used."""
        self.finished = True
        try:
            for article in self.later or ():
                self.add(article)
            for message in self.pending:
                self.service.wait(message)
            for bundle in sorted(self.stale & self.indexes.keys()):
                files = self.service.files(self.indexes[bundle])
                write_bundle(writer, bundle, files, self.fingerprints[bundle])
            for bundle in sorted(self.shards.keys() - self.stale):
                for name in self.files_of(bundle):
                    keep(writer, name)
        finally:
            if self._own_service and self.service is not None:
                self.service.close()
        self.remove_others(writer)

    def remove_others(self, writer):
        used = {self.output_path / bundle for bundle in self.shards}
        for root in self.roots.values():
            parent = self.output_path / root
            for folder in parent.iterdir() if parent.is_dir() else ():
                if folder.is_dir() and folder not in used:
                    for old in sorted(folder.rglob("*")):
                        if old.is_file():
                            remove(writer, old.relative_to(self.output_path).as_posix())


def search_filters(label, reports):
    """Per language, the categories (labels, by name) and years (newest first)
    of its reports: the values of the records' filters."""
    found = {}
    for report in reports:
        known = facts(report, label)
        values = found.setdefault(report.lang, {"category": set(), "year": set()})
        values["category"].add(known["category"])
        values["year"].add(known["date"][:4])
    return {lang: {"category": sorted(values["category"]),
                   "year": sorted(values["year"], reverse=True)}
            for lang, values in found.items()}


class SearchPagesGenerator(Generator):
    def generate_context(self):
        reports = [r for r in with_translations(self.context.get("articles", []))
                   if r.status == "published"]
        paths = site_of(self.context).paths
        roots = {lang: paths[lang].search_bundles_root for lang in paths}
        self.indexer = Indexer(self.settings, self.output_path, reports, roots,
                               self.env.filters.get("phrases"))
        self.filters = search_filters(self.indexer.label, reports)
        self.indexer.open_indexes()
        self.context[INDEXER] = self.indexer
        warm = self.settings.get("WARM_CACHE")
        if warm is not None:
            warm.after_build.append(self.indexer.after_build)
        self.context["search_bundles"] = {lang: self.indexer.bundles(lang) for lang in paths}

    def generate_output(self, writer):
        for listing in listing_in_every_language(self.settings, "search", "search/").values():
            writer.write_file(
                f"{listing.url}index.html", self.get_template("search"), self.context,
                listing=listing, search_filters=self.filters.get(listing.lang, {}),
            )
        if is_deferred(self.settings):
            # The preview shows an edit first and updates its index just after.
            self.indexer.keep_all(writer)
            self.indexer.deferred = SimpleNamespace(output_path=str(self.output_path))
        else:
            self.indexer.finish(writer)


def index_page(path, context):
    """Hand a published report's page to Pagefind as soon as it is written."""
    indexer, article = context.get(INDEXER), context.get("article")
    if indexer is None or article is None or context.get("output_file") != article.save_as:
        return
    if article.status == "published" and indexer.wants(article.url):
        indexer.page_written(article)


def get_generators(pelican):
    return SearchPagesGenerator


def register():
    signals.get_generators.connect(get_generators)
    signals.content_written.connect(index_page)
