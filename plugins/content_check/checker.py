"""The content check, over the files of ``content/``: which rules run, in
which order, and what a long-lived preview remembers between two checks.

``check_content(settings)`` returns a sorted list of
:class:`site_model.problems.Problem`; each prints as ``content/PATH.md:LINE:
FIELD: what is wrong (how to fix it)``, in the language of the file's folder
(``content/ja/`` is checked in Japanese) through the theme's gettext catalogs.
Field names stay as written in the file. The rules themselves are in
``rules/``, one module per concern.

Headers are read as Pelican reads them (:mod:`site_model.header`, Markdown's
own ``meta`` rules), so a line Pelican would not read as a field is a problem
here too, never a silently published draft.
"""

from collections import defaultdict
from pathlib import Path

from site_model.header import read_header

from . import body
from .context import Context, Document
from .files import walk
from .rules import (
    authors,
    catalogs,
    dates,
    domains,
    figures,
    files,
    header,
    headings,
    nesting,
    notes,
    series,
    translations,
    unpublished,
)
from .rules import body as body_rules
from .rules import settings as editor_settings


def check_document(check, doc):
    """The rules that read one file alone (and which files exist)."""
    header.check_invisible(check, doc)
    header.check_header_end(check, doc)
    header.check_fields(check, doc)
    header.check_required(check, doc)
    header.check_choices(check, doc)
    header.check_folder(check, doc)
    header.check_slug(check, doc)
    dates.check_dates(check, doc)
    if doc.kind == "post":
        series.check_series_fields(check, doc)
        authors.check_authors(check, doc)
    translations.check_translation_of(check, doc)
    notes.check_notes(check, doc)
    plain_lines = body.without_code(doc.header.body).split("\n")
    nesting.check_nesting(check, doc, plain_lines)
    headings.check_heading_ids(check, doc, plain_lines)
    figures.check_figures(check, doc)
    body_rules.check_body(check, doc)


def check_collection(check, docs):
    """The rules across files, and those that depend on the moment: they run
    at every check."""
    by_key = defaultdict(list)
    for doc in docs:
        slug, lang = doc.value("slug"), doc.value("lang")
        if slug and lang in check.languages:
            by_key[(doc.kind, slug, lang)].append(doc)
    header.check_unique_slugs(check, by_key)
    translations.check_originals(check, docs, by_key)
    series.check_series_parts(check, [d for d in docs if d.kind == "post"])
    dates.check_site_now(check)
    for doc in docs:
        dates.check_modified_not_after_now(check, doc)
    unpublished.check_links_to_unpublished(check, docs)
    unpublished.check_translations_wait(check, docs)


class Checker:
    """One run of the check. ``memo``, kept by a long-lived preview, holds
    what was read and found per unchanged file: only this class uses it."""

    def __init__(self, settings, memo=None):
        self.settings = settings
        self.memo = memo if memo is not None else {}
        self.root = Path(settings["PATH"])
        self.context = Context(settings, now=dates.site_now(),
                               theme_ids=headings.theme_ids(settings))

    def shown(self, path):
        key = ("shown", self.root, path)
        if key not in self.memo:
            self.memo[key] = (Path(self.root.name) / path.relative_to(self.root)).as_posix()
        return self.memo[key]

    def documents(self):
        for found in walk(self.root, self.settings, self.memo):
            shown = self.shown(found.path)
            files.check_name(self.context, found, shown)
            if found.kind in ("post", "page"):
                doc = self.read(found, shown)
                if doc:
                    yield doc
            else:
                files.report_found(self.context, found, shown)

    def read(self, found, shown):
        remembered = self.memo.get(("read", found.path))
        if remembered and remembered[0] == found.stamp:
            return remembered[1]
        try:
            text = found.path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            files.not_utf8(self.context, shown)
            return None
        doc = Document(found.path, shown, found.kind, text, read_header(text), found.stamp)
        self.memo[("read", found.path)] = (found.stamp, doc)
        return doc

    def check_catalogs(self):
        problems = self.context.problems
        for lang, po in catalogs.catalog_files(self.context):
            stamp = (po.stat().st_size, po.stat().st_mtime_ns)
            remembered = self.memo.get(("catalog", po))
            if remembered and remembered[0] == stamp:
                problems.extend(remembered[1])
                continue
            before = len(problems)
            catalogs.check_catalog(self.context, lang, po)
            self.memo[("catalog", po)] = (stamp, problems[before:])

    def run(self):
        """All problems, sorted."""
        check, problems = self.context, self.context.problems
        if not editor_settings.check_settings(check):
            return sorted(set(problems))  # the other rules read these settings
        self.check_catalogs()
        docs = list(self.documents())
        check.reported_domains = domains.reported_domains(docs)
        # A file's own checks also look at which files exist (link targets), the
        # domains named anywhere, the catalogs and the theme's ids: when any of
        # these changes, every file is checked again.
        context = (frozenset(doc.path for doc in docs), frozenset(check.reported_domains),
                   tuple(catalog_stamps(self.settings)), check.theme_ids)
        for doc in docs:
            remembered = self.memo.get(("checked", doc.path))
            if remembered and remembered[:2] == (doc.stamp, context):
                problems.extend(remembered[2])
                continue
            before = len(problems)
            check_document(check, doc)
            self.memo[("checked", doc.path)] = (doc.stamp, context, problems[before:])
        check_collection(check, docs)
        return sorted(set(problems))


def catalog_stamps(settings):
    """The catalogs as files: a change to a .po or a .mo changes the messages."""
    directory = Path(settings["TRANSLATIONS_DIR"])
    for catalog in sorted([*directory.glob("*/LC_MESSAGES/*.mo"),
                           *directory.glob("*/LC_MESSAGES/*.po")]):
        status = catalog.stat()
        yield (str(catalog), status.st_size, status.st_mtime_ns)


def check_content(settings, memo=None):
    return Checker(settings, memo).run()
