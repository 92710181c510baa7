"""Every rule the content check applies, as plain functions over the files.

``check_content(settings)`` returns a sorted list of :class:`Problem`; each
prints as ``content/PATH.md:LINE: FIELD: what is wrong (how to fix it)``.
"""

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .header import read_header

POST_FIELDS = {
    "title", "date", "modified", "category", "lang", "slug", "summary",
    "series", "part", "status", "translation-of", "note",
}
REPEATABLE = {"note"}
NOTE_KINDS = ("correction", "update", "editors-note")
NOTE = re.compile(r"^(?P<date>[^|]*)\|(?P<kind>[^|]*)\|(?P<text>.*)$")
PAGE_FIELDS = {"title", "modified", "lang", "slug", "summary", "status", "translation-of"}
POST_REQUIRED = ("title", "date", "category", "lang", "slug")
# What to write for a missing field: an example header line.
EXAMPLES = {
    "title": "Title: The headline as readers see it",
    "date": "Date: 2016-10-05 09:00",
    "category": "Category: internet-pharmacies",
    "lang": "Lang: en",
    # Every post names its URL: a Japanese title cannot become one.
    "slug": "Slug: words-in-ascii",
}
PAGE_REQUIRED = ("title", "lang", "slug")
STATUSES = ("published", "draft", "hidden")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?([+-]\d{2}:?\d{2}|Z)?$")
PARTIAL_DATE = re.compile(r"^\d{4}(-\d{1,2}(-\d{1,2})?)?$")
TRANSLATION_OF = re.compile(r"^(?P<lang>[a-z]{2}) (?P<hash>[0-9a-f]{12})$")
IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)")
INTERNAL_LINK = re.compile(r"(?<!!)\[[^\]]*\]\((?P<src>\{(?:filename|static|attach)\}[^)\s]+)")
HTML_IMG = re.compile(r"<img\b(?![^>]*\balt=)[^>]*>", re.IGNORECASE)
ACTIVE_HTML = re.compile(
    r"<\s*(script|iframe|object|embed|form)\b|\bon[a-z]+\s*=|javascript:", re.IGNORECASE
)
CODE_SPAN = re.compile(r"`+[^`]*`+")
LINKED_URL = re.compile(r"https?://([^/\s)>\]\"']+)", re.IGNORECASE)
FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    message: str

    def __str__(self):
        return f"{self.path}:{self.line}: {self.field}: {self.message}"


@dataclass
class Document:
    path: Path
    shown: str  # the path as editors see it, e.g. content/en/post.md
    kind: str  # "post" or "page"
    header: object

    def value(self, key):
        return self.header.value(key)

    def line(self, key):
        found = self.header.first(key)
        return found.line if found else 1


def suggestion(word, choices):
    close = difflib.get_close_matches(word.lower(), list(choices), n=1, cutoff=0.5)
    return f"did you mean '{close[0]}'?" if close else None


def choose_from(value, choices):
    """'(did you mean 'ja'? use one of: en, ja)': the fix for a value not in ``choices``."""
    hint = suggestion(value, choices)
    return f"({hint + ' ' if hint else ''}use one of: {listing(choices)})"


def listing(choices):
    return ", ".join(sorted(choices))


class Checker:
    def __init__(self, settings):
        self.root = Path(settings["PATH"])
        self.languages = tuple(settings["SITE_LANGUAGES"])
        self.default_lang = settings["DEFAULT_LANG"]
        self.categories = settings["CATEGORIES"]
        self.series = settings.get("SERIES", {})
        self.article_paths = settings["ARTICLE_PATHS"]
        self.page_paths = settings["PAGE_PATHS"]
        self.settings_read = repr((
            str(self.root), self.languages, self.default_lang, sorted(self.categories.items()),
            sorted(self.series.items()), self.article_paths, self.page_paths,
        ))
        self.problems = []

    def report(self, doc, line, field, message):
        self.problems.append(Problem(doc.shown, line, field, message))

    # Reading

    def documents(self):
        read = set()
        for kind, folders in (("post", self.article_paths), ("page", self.page_paths)):
            for folder in folders:
                for path in sorted((self.root / folder).rglob("*.md")):
                    read.add(path)
                    doc = self.read(path, kind)
                    if doc:
                        yield doc
        # Pelican would skip these without a word: the post would never appear.
        for path in sorted(set(self.root.rglob("*.md")) - read):
            shown = path.relative_to(self.root.parent).as_posix()
            folders = ", ".join(f"content/{f}/" for f in (*self.article_paths, *self.page_paths))
            self.problems.append(Problem(
                shown, 1, "file",
                f"is in a folder the site does not read (move it to one of: {folders})",
            ))

    def read(self, path, kind):
        shown = path.relative_to(self.root.parent).as_posix()
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            self.problems.append(
                Problem(shown, 1, "file", "is not UTF-8 text (save it as UTF-8)")
            )
            return None
        return Document(path, shown, kind, read_header(text))

    # One file at a time

    def check_document(self, doc):
        known = POST_FIELDS if doc.kind == "post" else PAGE_FIELDS
        required = POST_REQUIRED if doc.kind == "post" else PAGE_REQUIRED
        self.check_fields(doc, known)
        for key in required:
            if not (doc.value(key) or "").strip():
                self.missing(doc, key)
        self.check_choice(doc, "lang", self.languages, "a site language")
        self.check_folder(doc)
        self.check_slug(doc)
        self.check_choice(doc, "status", STATUSES, "a status")
        if doc.kind == "post":
            self.check_date(doc, "date")
            self.check_choice(doc, "category", self.categories, "a category")
            self.check_series_fields(doc)
        if doc.value("modified"):
            self.check_date(doc, "modified")
        self.check_translation_of(doc)
        self.check_notes(doc)
        self.check_figures(doc)
        self.check_body(doc)

    def missing(self, doc, key):
        found = doc.header.first(key)
        name = key.title()
        if found:
            self.report(doc, found.line, name, f"is empty (write a value after '{name}:')")
        else:
            self.report(
                doc, 1, name,
                f"is missing (add a line like '{EXAMPLES[key]}' to the header at the top)",
            )

    def check_fields(self, doc, known):
        seen = {}
        for field in doc.header.fields:
            key = field.key.lower()
            if key in seen and key not in REPEATABLE:
                self.report(
                    doc, field.line, field.key,
                    f"is given twice, first on line {seen[key]} (keep one of them)",
                )
                continue
            seen[key] = field.line
            if key not in known:
                hint = suggestion(key, known) or f"known fields: {listing(known)}"
                self.report(
                    doc, field.line, field.key,
                    f"is not a field we use ({hint}; see docs/EDITING.md)",
                )

    def check_choice(self, doc, key, choices, what):
        value = doc.value(key)
        if value and value not in choices:
            self.report(
                doc, doc.line(key), key.title(),
                f"'{value}' is not {what} {choose_from(value, choices)}",
            )

    def check_folder(self, doc):
        # Posts live in content/LANG/: the folder and Lang must agree.
        folder = doc.path.relative_to(self.root).parts[0]
        lang = doc.value("lang")
        if doc.kind == "post" and folder in self.languages and lang in self.languages:
            if lang != folder:
                self.report(
                    doc, doc.line("lang"), "Lang",
                    f"'{lang}' but the file is in content/{folder}/ (move the file to "
                    f"content/{lang}/, or write 'Lang: {folder}')",
                )

    def check_slug(self, doc):
        slug = doc.value("slug")
        if slug and not SLUG.match(slug):
            self.report(
                doc, doc.line("slug"), "Slug",
                f"'{slug}' is not a URL slug (use lowercase ASCII letters, digits "
                "and hyphens, e.g. 'bestkenko-part-1'; Japanese posts need one too)",
            )

    def check_date(self, doc, key):
        value = doc.value(key)
        if not value:
            return
        name = key.title()
        example = "e.g. '2016-10-05 09:00'"
        if PARTIAL_DATE.match(value):
            self.report(
                doc, doc.line(key), name,
                f"'{value}' is a partial date (give the full date and time, {example})",
            )
            return
        try:
            if not FULL_DATE.match(value):
                raise ValueError
            datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            self.report(
                doc, doc.line(key), name,
                f"'{value}' is not a date (write YYYY-MM-DD HH:MM, {example})",
            )

    def check_series_fields(self, doc):
        series, part = doc.value("series"), doc.value("part")
        if part and not series:
            self.report(doc, doc.line("part"), "Part", "has no Series (add 'Series: KEY')")
        if not series:
            return
        if series not in self.series:
            self.report(
                doc, doc.line("series"), "Series",
                f"'{series}' is not a series (use one of: {listing(self.series)})",
            )
            return
        total = self.series[series]["parts"]
        if not part:
            self.report(
                doc, doc.line("series"), "Part",
                f"is missing (add 'Part: N', a number from 1 to {total})",
            )
        elif not part.isdigit() or not 1 <= int(part) <= total:
            self.report(
                doc, doc.line("part"), "Part",
                f"'{part}' is not a part number (use a number from 1 to {total})",
            )

    def check_translation_of(self, doc):
        value = doc.value("translation-of")
        if value and not TRANSLATION_OF.match(value):
            self.report(
                doc, doc.line("translation-of"), "Translation-Of",
                f"'{value}' is not 'LANG HASH' (let `make translate` write it)",
            )

    def check_notes(self, doc):
        example = "'Note: 2016-09-12 | correction | What changed'"
        for field in doc.header.fields:
            if field.key.lower() != "note":
                continue
            match = NOTE.match(field.value)
            if not match or not match["text"].strip():
                self.report(
                    doc, field.line, "Note",
                    f"is not 'DATE | KIND | TEXT' (write it as {example})",
                )
                continue
            day, kind = match["date"].strip(), match["kind"].strip()
            try:
                datetime.strptime(day, "%Y-%m-%d")
            except ValueError:
                self.report(
                    doc, field.line, "Note",
                    f"'{day}' is not a date (write YYYY-MM-DD, as in {example})",
                )
            if kind not in NOTE_KINDS:
                self.report(
                    doc, field.line, "Note",
                    f"'{kind}' is not a kind of note {choose_from(kind, NOTE_KINDS)}",
                )

    def check_figures(self, doc):
        # Imported here: evidence_figures is loaded after this plugin, and owns the syntax.
        from evidence_figures.syntax import FIELDS, REQUIRED, TYPES, figure_blocks

        lines = doc.header.body.splitlines()
        for start, fields, closed in figure_blocks(lines, doc.header.body_line):
            if not closed:
                self.report(doc, start, "figure", "is not closed (end it with a line ':::')")
            for key in REQUIRED:
                if not fields.get(key, ("", 0))[0]:
                    what = "alt text" if key == "alt" else f"'{key}:'"
                    self.report(
                        doc, fields.get(key, ("", start))[1], "figure",
                        f"has no {what} (add a line '{key}: ...' inside the ::: figure block)",
                    )
            for key, (_, line) in fields.items():
                if key not in FIELDS:
                    hint = suggestion(key, FIELDS) or f"fields: {', '.join(FIELDS)}"
                    self.report(doc, line, "figure", f"'{key}' is not a figure field ({hint})")
            if "image" in fields and fields["image"][0]:
                value, line = fields["image"]
                path = "/" + value.removeprefix("{static}").lstrip("/")
                self.check_target(doc, line, "figure", path)
            if "type" in fields and fields["type"][0] not in TYPES:
                value, line = fields["type"]
                self.report(doc, line, "figure", f"'{value}' is not a figure type (use one of: {', '.join(TYPES)})")
            if fields.get("captured", ("", 0))[0]:
                value, line = fields["captured"]
                try:
                    datetime.strptime(value, "%Y-%m-%d")
                except ValueError:
                    self.report(doc, line, "figure", f"captured '{value}' is not a date (write YYYY-MM-DD)")

    def check_body(self, doc):
        in_fence = False
        summary = doc.header.first("summary")
        lines = [(summary.line, summary.value)] if summary else []
        lines += list(enumerate(doc.header.body.splitlines(), start=doc.header.body_line))
        for number, line in lines:
            if FENCE.match(line):
                in_fence = not in_fence
                continue
            if in_fence or line.startswith("    "):
                continue
            self.check_line(doc, number, CODE_SPAN.sub("", line))

    def check_line(self, doc, number, line):
        if ACTIVE_HTML.search(line):
            self.report(
                doc, number, "body",
                "active HTML (<script>, <iframe>, on...= or javascript:) is not allowed "
                "(remove it; to show code, put it between backticks)",
            )
        if HTML_IMG.search(line):
            self.report(doc, number, "image", "<img> without alt text (use ![description](path))")
        for match in IMAGE.finditer(line):
            if not match["alt"].strip():
                self.report(
                    doc, number, "image",
                    f"'{match['src']}' has no alt text (describe it: ![what it shows]({match['src']}))",
                )
            self.check_target(doc, number, "image", match["src"])
        for match in INTERNAL_LINK.finditer(line):
            self.check_target(doc, number, "link", match["src"])
        for match in LINKED_URL.finditer(line):
            host = match[1].lower().removeprefix("www.")
            if any(host == d or host.endswith("." + d) for d in self.reported_domains):
                self.report(
                    doc, number, "link",
                    f"links to {host}, a site our reports name (write [[{host}]] instead: "
                    "we never link to the sites we report on)",
                )

    def check_target(self, doc, number, field, src):
        if re.match(r"^[a-z]+://", src):
            if field == "image":
                self.report(
                    doc, number, field,
                    f"'{src}' is on another site (save it under content/images/ and link "
                    "{static}/images/NAME: readers' browsers must not contact other hosts)",
                )
            return
        path = re.sub(r"^\{(filename|static|attach)\}", "", src).split("#")[0].split("?")[0]
        target = self.root / path.lstrip("/") if path.startswith("/") else doc.path.parent / path
        if path and not target.exists():
            self.report(
                doc, number, field,
                f"'{src}' does not exist (check the path; '/' starts at the content folder)",
            )

    # Across files

    def check_collection(self, docs):
        by_key = defaultdict(list)
        for doc in docs:
            slug, lang = doc.value("slug"), doc.value("lang")
            if slug and lang in self.languages:
                by_key[(doc.kind, slug, lang)].append(doc)
        for (_, slug, _), same in by_key.items():
            for doc in same[1:]:
                self.report(
                    doc, doc.line("slug"), "Slug",
                    f"'{slug}' is already used by {same[0].shown} in the same language "
                    "(choose another slug)",
                )
        for doc in docs:
            claim = TRANSLATION_OF.match(doc.value("translation-of") or "")
            if not claim:
                continue
            source_lang = claim["lang"]
            if source_lang == doc.value("lang") or (
                (doc.kind, doc.value("slug"), source_lang) not in by_key
            ):
                self.report(
                    doc, doc.line("translation-of"), "Translation-Of",
                    f"no {source_lang} post has the slug '{doc.value('slug')}' (a "
                    "translation uses the same Slug as its original)",
                )
        self.check_series_parts([d for d in docs if d.kind == "post"])

    def check_series_parts(self, posts):
        parts = defaultdict(list)
        for doc in posts:
            series, part, lang = doc.value("series"), doc.value("part"), doc.value("lang")
            total = self.series.get(series, {}).get("parts", 0)
            if part and part.isdigit() and 1 <= int(part) <= total:
                parts[(series, lang)].append((int(part), doc))
        numbers_by_series = defaultdict(set)
        for (series, _), numbered in parts.items():
            files = defaultdict(list)
            for number, doc in numbered:
                files[number].append(doc)
                numbers_by_series[series].add(number)
            for number, docs in files.items():
                for doc in docs if len(docs) > 1 else ():
                    others = ", ".join(d.shown for d in docs if d is not doc)
                    self.report(
                        doc, doc.line("part"), "Part",
                        f"part {number} of '{series}' is also {others} "
                        "(each part number once per language)",
                    )
        for series, numbers in numbers_by_series.items():
            gaps = sorted(set(range(1, max(numbers) + 1)) - numbers)
            if gaps:
                doc = next(d for n, d in parts_after(parts, series, gaps[0]))
                self.report(
                    doc, doc.line("part"), "Part",
                    f"part {gaps[0]} of '{series}' exists in no language (write it, or "
                    "renumber the parts)",
                )

    def run(self, memo=None):
        """All problems, sorted. ``memo`` (a dict, kept between runs) lets an
        unchanged file's own checks be skipped; the checks across files always run."""
        docs = list(self.documents())
        self.reported_domains = reported_domains(docs)
        if memo is None:
            for doc in docs:
                self.check_document(doc)
        else:
            self.check_changed(docs, memo)
        self.check_collection(docs)
        return sorted(set(self.problems))

    def check_changed(self, docs, memo):
        # A file's own checks also look at which other files exist (link and
        # image targets), the domains reported anywhere, the settings and the
        # rules themselves: when any of these changes, every file is checked.
        tree = sorted(str(p) for p in self.root.rglob("*"))
        context = (tree, sorted(self.reported_domains), self.settings_read, CHECKS_VERSION)
        if memo.get("context") != context:
            memo.clear()
            memo["context"] = context
        for doc in docs:
            status = doc.path.stat()
            stamp = (str(doc.path), status.st_mtime_ns, status.st_size, doc.kind)
            if stamp not in memo:
                before = len(self.problems)
                self.check_document(doc)
                memo[stamp] = self.problems[before:]
            else:
                self.problems.extend(memo[stamp])


# The rules' own code: an edited rule checks every file again.
CHECKS_VERSION = tuple(
    (p.name, p.stat().st_size, p.stat().st_mtime_ns)
    for p in sorted(Path(__file__).parent.glob("*.py"))
)


def reported_domains(docs):
    # Imported here: domain_mentions is loaded after this plugin, and owns the syntax.
    from domain_mentions.syntax import mentions_in

    found = set()
    for doc in docs:
        found.update(mentions_in(doc.header.body))
        found.update(mentions_in(doc.value("summary") or ""))
    return found


def parts_after(parts, series, gap):
    later = (
        (number, doc)
        for (key, _), numbered in parts.items()
        if key == series
        for number, doc in numbered
        if number > gap
    )
    return sorted(later, key=lambda item: (item[0], item[1].shown))


def check_content(settings, memo=None):
    return Checker(settings).run(memo)
