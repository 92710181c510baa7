"""Every rule of the content check, over the files of ``content/``.

``check_content(settings)`` returns a sorted list of
:class:`site_model.problems.Problem`; each prints as ``content/PATH.md:LINE:
FIELD: what is wrong (how to fix it)``, in the language of the file's folder
(``content/ja/`` is checked in Japanese) through the theme's gettext catalogs.
Field names stay as written in the file.

Headers are read as Pelican reads them (:mod:`site_model.header`, Markdown's
own ``meta`` rules), so a line Pelican would not read as a field is a problem
here too, never a silently published draft.
"""

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from babel.messages.pofile import read_po
from site_model.catalogs import N_, translations_for
from site_model.domains import mentions_in
from site_model.figures import CAPTURED, FIELDS, REQUIRED, TYPES, figure_blocks, image_path
from site_model.header import normalise, read_header
from site_model.html_policy import MESSAGES
from site_model.languages import language_name
from site_model.notes import NOTE_KINDS, NoteError, notes_in, parse_note
from site_model.problems import Problem
from site_model.translation_of import parse as parse_translation_of
from site_model.urls import SLUG, SLUG_LENGTH, reserved_slugs

from . import body
from .files import IMAGE_FORMATS, walk

POST_FIELDS = {
    "title", "date", "modified", "category", "lang", "slug", "summary",
    "series", "part", "status", "translation-of", "note", "authors",
}
REPEATABLE = {"note"}
PAGE_FIELDS = {"title", "modified", "lang", "slug", "summary", "status", "translation-of"}
POST_REQUIRED = ("title", "date", "category", "lang", "slug")
PAGE_REQUIRED = ("title", "lang", "slug")
# What to write for a missing field: an example header line.
EXAMPLES = {
    "title": "Title: The headline as readers see it",
    "date": "Date: 2016-10-05 09:00",
    "category": "Category: internet-pharmacies",
    "lang": "Lang: en",
    # Every post names its URL: a Japanese title cannot become one.
    "slug": "Slug: words-in-ascii",
}
STATUSES = ("published", "draft", "hidden")
NUMBER = re.compile(r"^[0-9]+$")
FULL_DATE = re.compile(
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9]{2}:[0-9]{2}(:[0-9]{2})?([+-][0-9]{2}:?[0-9]{2}|Z)?$")
PARTIAL_DATE = re.compile(r"^[0-9]{4}(-[0-9]{1,2}(-[0-9]{1,2})?)?$")
# Characters that cannot be seen, or that reorder what is seen (bidi controls).
INVISIBLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e"
                       r"\u2066-\u2069\u2028\u2029\ufeff]")
FIELD_LIKE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z][A-Za-z0-9_ -]*?)\s*:(?:\s|$)")


@dataclass
class Document:
    path: Path
    shown: str  # the path as editors see it, e.g. content/en/post.md
    kind: str  # "post" or "page"
    text: str
    header: object
    stamp: tuple = ()  # the file's size and time when it was read

    def __post_init__(self):
        self.mentions = frozenset(mentions_in(self.text))

    def value(self, key):
        return self.header.value(key)

    def line(self, key):
        found = self.header.first(key)
        return found.line if found else 1


def suggestion(word, choices):
    close = difflib.get_close_matches(word.lower(), list(choices), n=1, cutoff=0.5)
    return close[0] if close else None


def listing(choices):
    return ", ".join(sorted(choices))


class Checker:
    def __init__(self, settings, memo=None):
        self.settings = settings
        # A long-lived preview keeps what it read and found per unchanged file.
        self.memo = memo if memo is not None else {}
        self.root = Path(settings["PATH"])
        self.languages = tuple(settings["SITE_LANGUAGES"])
        self.default_lang = settings["DEFAULT_LANG"]
        self.categories = settings["CATEGORIES"]
        self.series = settings.get("SERIES", {})
        self.reserved = reserved_slugs(settings)
        self.catalogs = {lang: translations_for(settings, lang) for lang in self.languages}
        self.problems = []
        self.reported_domains = set()

    # Messages, in the language of the file's folder

    def language_of(self, shown, doc=None):
        """The folder's language (``content/ja/``), else a page's ``Lang``."""
        parts = Path(shown).parts
        folder = parts[1] if len(parts) > 2 else ""
        if folder in self.languages:
            return folder
        lang = doc.value("lang") if doc else None
        return lang if lang in self.languages else self.default_lang

    def say(self, shown, line, field, message, doc=None, **values):
        _ = self.catalogs[self.language_of(shown, doc)].gettext
        self.problems.append(Problem(shown, line, field, _(message) % values))

    def report(self, doc, line, field, message, **values):
        self.say(doc.shown, line, field, message, doc=doc, **values)

    def gettext(self, doc):
        return self.catalogs[self.language_of(doc.shown, doc)].gettext

    def choose_from(self, doc, value, choices):
        """The fix for a value not in ``choices``, in the document's language."""
        _ = self.gettext(doc)
        close = suggestion(value, choices)
        if close:
            return _("did you mean '%(close)s'? use one of: %(choices)s") % {
                "close": close, "choices": listing(choices)}
        return _("use one of: %(choices)s") % {"choices": listing(choices)}

    # Files

    def shown(self, path):
        key = ("shown", self.root, path)
        if key not in self.memo:
            self.memo[key] = (Path(self.root.name) / path.relative_to(self.root)).as_posix()
        return self.memo[key]

    def documents(self):
        folders = ", ".join(f"{self.root.name}/{f}/" for f in (
            *self.settings["ARTICLE_PATHS"], *self.settings["PAGE_PATHS"],
            *self.settings["STATIC_PATHS"]))
        for found in walk(self.root, self.settings, self.memo):
            shown = self.shown(found.path)
            if found.kind in ("post", "page"):
                doc = self.read(found, shown)
                if doc:
                    yield doc
            elif found.kind == "symlink":
                self.say(shown, 0, "file", N_(
                    "is a symbolic link, which the site never publishes (replace it with "
                    "the file itself)"))
            elif found.kind == "special":
                self.say(shown, 0, "file", N_("is not a regular file (remove it)"))
            elif found.kind == "misnamed":
                self.say(shown, 0, "file", N_(
                    "is not read as a post: only files ending in .md are (rename it to "
                    "%(name)s.md)"), name=found.path.name.split(".")[0])
            elif found.kind in ("temporary", "hidden"):
                self.say(shown, 0, "file", N_(
                    "is an editor's temporary, backup or hidden file, which the site "
                    "does not read (delete it)"))
            elif found.kind == "unread":
                self.say(shown, 0, "file", N_(
                    "is in a folder the site does not read (move it to one of: %(folders)s)"),
                    folders=folders)
            elif found.kind == "not-image":
                self.say(shown, 0, "file", N_(
                    "is not an image the site publishes (use %(formats)s; scripts, SVG "
                    "and HTML files are never published)"),
                    formats=listing({f for f in IMAGE_FORMATS.values()}))
            elif found.kind == "wrong-image":
                self.say(shown, 0, "file", N_(
                    "is not the image its name says (save it again as a %(suffix)s file)"),
                    suffix=found.path.suffix.lstrip(".").upper())
            elif found.kind == "reserved":
                self.say(shown, 0, "file", N_(
                    "is in images/sizes/, where the site writes its own smaller copies "
                    "(move it elsewhere in images/)"))

    def read(self, found, shown):
        remembered = self.memo.get(("read", found.path))
        if remembered and remembered[0] == found.stamp:
            return remembered[1]
        try:
            text = found.path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            self.say(shown, 0, "file", N_("is not UTF-8 text (save it as UTF-8)"))
            return None
        doc = Document(found.path, shown, found.kind, text, read_header(text), found.stamp)
        self.memo[("read", found.path)] = (found.stamp, doc)
        return doc

    # One file at a time

    def check_document(self, doc):
        known = POST_FIELDS if doc.kind == "post" else PAGE_FIELDS
        required = POST_REQUIRED if doc.kind == "post" else PAGE_REQUIRED
        self.check_invisible(doc)
        self.check_header_end(doc)
        self.check_fields(doc, known)
        for key in required:
            if not (doc.value(key) or "").strip():
                self.missing(doc, key)
        self.check_choice(doc, "lang", self.languages, N_("a site language"))
        self.check_folder(doc)
        self.check_slug(doc)
        self.check_choice(doc, "status", STATUSES, N_("a status"))
        if doc.kind == "post":
            self.check_date(doc, "date")
            self.check_choice(doc, "category", self.categories, N_("a category"))
            self.check_series_fields(doc)
        if doc.value("modified"):
            self.check_date(doc, "modified")
        self.check_translation_of(doc)
        self.check_notes(doc)
        self.check_figures(doc)
        self.check_body(doc)

    def check_invisible(self, doc):
        fields = {f.line: f.key for f in doc.header.fields}
        for number, line in enumerate(normalise(doc.text), start=1):
            found = INVISIBLE.search(line)
            if found:
                field = fields.get(number, "body" if number >= doc.header.body_line else "header")
                self.report(doc, number, field, N_(
                    "contains an invisible control character (U+%(code)04X) (type the line "
                    "again, or delete that character)"), code=ord(found[0]))

    def check_header_end(self, doc):
        stopped = doc.header.stopped_at
        if stopped:
            number, line = stopped
            like = FIELD_LIKE.match(line)
            if like:
                self.report(doc, number, like["key"].strip(), N_(
                    "is not read as a header field, so the header ends here and this line "
                    "would be published as text (write 'Field: value', with no space "
                    "before the colon)"))
            else:
                self.report(doc, number, "header", N_(
                    "the text starts right after the header (leave one empty line between "
                    "the header and the text)"))
        known = POST_FIELDS if doc.kind == "post" else PAGE_FIELDS
        start = doc.header.body_line if not stopped else stopped[0] + 1
        for number, line in enumerate(doc.header.body.split("\n"), start=doc.header.body_line):
            if number < start:
                continue
            if not line.strip():
                break
            like = FIELD_LIKE.match(line)
            if like and like["key"].strip().lower().replace(" ", "") in known:
                self.report(doc, number, like["key"].strip(), N_(
                    "looks like a header field but is in the text, where it does nothing "
                    "(move it up into the header, before the first empty line)"))

    def missing(self, doc, key):
        found = doc.header.first(key)
        name = key.title()
        if found:
            self.report(doc, found.line, name, N_(
                "is empty (write a value after '%(name)s:')"), name=name)
        else:
            self.report(doc, 1, name, N_(
                "is missing (add a line like '%(example)s' to the header at the top)"),
                example=EXAMPLES[key])

    def check_fields(self, doc, known):
        seen = {}
        for field in doc.header.fields:
            key = field.key.lower()
            if key in seen and key not in REPEATABLE:
                self.report(doc, field.line, field.key, N_(
                    "is given twice, first on line %(first)s (keep one of them)"),
                    first=seen[key])
                continue
            seen[key] = field.line
            if key not in known:
                close = suggestion(key, known)
                if close:
                    self.report(doc, field.line, field.key, N_(
                        "is not a field we use (did you mean '%(close)s'? see "
                        "docs/EDITING.md)"), close=close)
                else:
                    self.report(doc, field.line, field.key, N_(
                        "is not a field we use (known fields: %(fields)s; see "
                        "docs/EDITING.md)"), fields=listing(known))
            elif len(field.values) > 1 and key != "summary":
                self.report(doc, field.line, field.key, N_(
                    "goes on over %(count)s lines, but this field is one line (join "
                    "them into one)"), count=len(field.values))

    def check_choice(self, doc, key, choices, what):
        value = doc.value(key)
        if value and value not in choices:
            _ = self.gettext(doc)
            self.report(doc, doc.line(key), key.title(), N_(
                "'%(value)s' is not %(what)s (%(fix)s)"),
                value=value, what=_(what), fix=self.choose_from(doc, value, choices))

    def check_folder(self, doc):
        # Posts live in content/LANG/: the folder and Lang must agree.
        folder = doc.path.relative_to(self.root).parts[0]
        lang = doc.value("lang")
        if doc.kind == "post" and folder in self.languages and lang in self.languages:
            if lang != folder:
                self.report(doc, doc.line("lang"), "Lang", N_(
                    "'%(lang)s' but the file is in content/%(folder)s/ (move the file to "
                    "content/%(lang)s/, or write 'Lang: %(folder)s')"),
                    lang=lang, folder=folder)

    def check_slug(self, doc):
        slug = doc.value("slug")
        if not slug:
            return
        if not SLUG.match(slug):
            self.report(doc, doc.line("slug"), "Slug", N_(
                "'%(slug)s' is not a URL slug (use lowercase ASCII letters, digits and "
                "hyphens, e.g. 'bestkenko-part-1'; Japanese posts need one too)"), slug=slug)
        elif len(slug) > SLUG_LENGTH:
            self.report(doc, doc.line("slug"), "Slug", N_(
                "is %(length)s characters long (keep it to %(limit)s or fewer: it is part "
                "of the address)"), length=len(slug), limit=SLUG_LENGTH)
        elif doc.kind == "page" and slug in self.reserved:
            self.report(doc, doc.line("slug"), "Slug", N_(
                "'%(slug)s' is the address of a part of the site (choose another slug)"),
                slug=slug)

    def check_date(self, doc, key):
        value = doc.value(key)
        if not value:
            return
        name = key.title()
        if PARTIAL_DATE.match(value):
            self.report(doc, doc.line(key), name, N_(
                "'%(value)s' is a partial date (give the full date and time, e.g. "
                "'2016-10-05 09:00')"), value=value)
            return
        try:
            if not FULL_DATE.match(value):
                raise ValueError
            datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            self.report(doc, doc.line(key), name, N_(
                "'%(value)s' is not a date (write YYYY-MM-DD HH:MM, e.g. "
                "'2016-10-05 09:00')"), value=value)

    def check_series_fields(self, doc):
        series, part = doc.value("series"), doc.value("part")
        if part and not series:
            self.report(doc, doc.line("part"), "Part", N_(
                "has no Series (add 'Series: KEY')"))
        if not series:
            return
        if series not in self.series:
            self.report(doc, doc.line("series"), "Series", N_(
                "'%(series)s' is not a series (use one of: %(choices)s)"),
                series=series, choices=listing(self.series))
            return
        total = self.series[series]["parts"]
        if not part:
            self.report(doc, doc.line("series"), "Part", N_(
                "is missing (add 'Part: N', a number from 1 to %(total)s)"), total=total)
        elif not NUMBER.match(part) or not 1 <= int(part) <= total:
            self.report(doc, doc.line("part"), "Part", N_(
                "'%(part)s' is not a part number (use a number from 1 to %(total)s)"),
                part=part, total=total)

    def check_translation_of(self, doc):
        value = doc.value("translation-of")
        if value and parse_translation_of(value) is None:
            self.report(doc, doc.line("translation-of"), "Translation-Of", N_(
                "'%(value)s' is not 'LANG HASH' (let `make translate` write it)"),
                value=value)

    def check_notes(self, doc):
        example = "'Note: 2016-09-12 | correction | What changed'"
        for field in doc.header.fields:
            if field.key.lower() != "note":
                continue
            try:
                parse_note(field.value)
            except NoteError as error:
                if error.reason == "form":
                    self.report(doc, field.line, field.key, N_(
                        "is not 'DATE | KIND | TEXT' (write it as %(example)s)"), example=example)
                elif error.reason == "date":
                    self.report(doc, field.line, field.key, N_(
                        "'%(value)s' is not a date (write YYYY-MM-DD, as in %(example)s)"),
                        value=error.value, example=example)
                else:
                    self.report(doc, field.line, field.key, N_(
                        "'%(value)s' is not a kind of note (%(fix)s)"),
                        value=error.value, fix=self.choose_from(doc, error.value, NOTE_KINDS))

    def check_figures(self, doc):
        from site_model.web_url import domain_of  # here: checker.py is being split

        lines = doc.header.body.split("\n")
        for start, fields, closed in figure_blocks(lines, doc.header.body_line):
            if not closed:
                self.report(doc, start, "figure", N_(
                    "is not closed (end it with a line ':::')"))
            for key in REQUIRED:
                if not fields.get(key, ("", 0))[0]:
                    self.report(doc, fields.get(key, ("", start))[1], "figure", N_(
                        "has no '%(key)s:' (add a line '%(key)s: ...' inside the ::: figure "
                        "block)"), key=key)
            for key, (_, line) in fields.items():
                if key not in FIELDS:
                    close = suggestion(key, FIELDS)
                    self.report(doc, line, "figure", N_(
                        "'%(key)s' is not a figure field (%(fix)s)"), key=key,
                        fix=self.choose_from(doc, key, FIELDS) if close else listing(FIELDS))
            if fields.get("image", ("", 0))[0]:
                value, line = fields["image"]
                self.check_image(doc, line, "figure", "/" + image_path(value))
            if "type" in fields and fields["type"][0] not in TYPES:
                value, line = fields["type"]
                self.report(doc, line, "figure", N_(
                    "'%(value)s' is not a figure type (use one of: %(choices)s)"),
                    value=value, choices=listing(TYPES))
            if fields.get("source", ("", 0))[0] and not domain_of(fields["source"][0]):
                value, line = fields["source"]
                self.report(doc, line, "figure", N_(
                    "source '%(value)s' is not a domain name (write the domain the "
                    "evidence came from alone, as in 'source: example.net')"), value=value)
            if fields.get("captured", ("", 0))[0]:
                value, line = fields["captured"]
                try:
                    if not CAPTURED.match(value):
                        raise ValueError
                    datetime.strptime(value, "%Y-%m-%d")
                except ValueError:
                    self.report(doc, line, "figure", N_(
                        "captured '%(value)s' is not a date (write YYYY-MM-DD)"), value=value)

    def check_body(self, doc):
        summary = doc.header.first("summary")
        texts = [(doc.header.body, doc.header.body_line)]
        if summary:
            texts.append(("\n".join(summary.values), summary.line))
        for text, first_line in texts:
            field = "body" if first_line == doc.header.body_line else "Summary"
            for number, kind, detail in body.findings(text, first_line, self.reported_domains):
                self.report_finding(doc, number, field, kind, detail)
            for number, kind, alt, target in body.images_and_links(text, first_line):
                if kind == "image" and not alt.strip():
                    self.report(doc, number, "image", N_(
                        "'%(src)s' has no alt text (describe it: ![what it shows](%(src)s))"),
                        src=target)
                if kind == "image":
                    self.check_image(doc, number, "image", target)
                else:
                    self.check_target(doc, number, "link", target)

    def report_finding(self, doc, number, field, kind, detail):
        if kind == "active":
            self.report(doc, number, field, N_(
                "%(what)s is active HTML, which is never published (remove it; to show "
                "code, put it in a ``` block)"), what=detail)
        elif kind == "scheme":
            self.report(doc, number, field, MESSAGES["url-scheme"], what=detail)
        elif kind == "comment":
            self.report(doc, number, field, MESSAGES["comment"])
        elif kind == "img-alt":
            self.report(doc, number, "image", N_(
                "an img element without alt text (use ![description](path))"))
        elif kind == "reported":
            self.report(doc, number, "link", MESSAGES["reported-domain"], host=detail)
        elif kind == "nesting":
            self.report(doc, number, field, N_(
                "elements are nested more than %(limit)s deep from here, which no report "
                "needs (close each element you open, or write it in Markdown)"), limit=detail)
        elif kind == "mention":
            self.report(doc, number, field, N_(
                "[[%(value)s]] is not a domain name (write the site's domain alone, as in "
                "[[example.com]]: no spaces, paths or addresses)"), value=detail)

    def check_image(self, doc, number, field, src):
        if re.match(r"^[a-z][a-z0-9+.-]*:|^//", src, re.I):
            self.report(doc, number, field, MESSAGES["external-image"], src=src)
            return
        self.check_target(doc, number, field, src)

    def check_target(self, doc, number, field, src):
        if re.match(r"^[a-z][a-z0-9+.-]*:", src, re.I):
            return
        path = re.sub(r"^\{(filename|static|attach)\}", "", src).split("#")[0].split("?")[0]
        if not path:
            return
        target = self.root / path.lstrip("/") if path.startswith("/") else doc.path.parent / path
        inside = target.resolve().is_relative_to(self.root.resolve())
        if not inside:
            self.report(doc, number, field, N_(
                "'%(src)s' points outside the content folder (link a file inside "
                "content/; '/' starts there)"), src=src)
        elif not target.exists() or target.is_symlink():
            self.report(doc, number, field, N_(
                "'%(src)s' does not exist (check the path; '/' starts at the content "
                "folder)"), src=src)

    # Across files

    def check_collection(self, docs):
        by_key = defaultdict(list)
        for doc in docs:
            slug, lang = doc.value("slug"), doc.value("lang")
            if slug and lang in self.languages:
                by_key[(doc.kind, slug, lang)].append(doc)
        for (_, slug, _), same in by_key.items():
            for doc in same[1:]:
                self.report(doc, doc.line("slug"), "Slug", N_(
                    "'%(slug)s' is already used by %(other)s in the same language (choose "
                    "another slug)"), slug=slug, other=same[0].shown)
        for doc in docs:
            claim = parse_translation_of(doc.value("translation-of"))
            if not claim:
                continue
            source_lang = claim[0]
            originals = by_key.get((doc.kind, doc.value("slug"), source_lang), [])
            if source_lang == doc.value("lang") or not originals:
                self.report(doc, doc.line("translation-of"), "Translation-Of", N_(
                    "no %(lang)s post has the slug '%(slug)s' (a translation uses the same "
                    "Slug as its original)"), slug=doc.value("slug"),
                    lang=language_name(source_lang, self.language_of(doc.shown, doc)))
            else:
                self.check_translated_notes(doc, originals[0])
        self.check_series_parts([d for d in docs if d.kind == "post"])

    def check_translated_notes(self, doc, original):
        of_original = notes_in(original.header)
        for (day, kind), (field, _note) in notes_in(doc.header).items():
            if (day, kind) not in of_original:
                self.report(doc, field.line, "Note", N_(
                    "no note of the original %(original)s has the date %(date)s and the kind "
                    "'%(kind)s' (a translated note keeps its original's date and kind)"),
                    original=original.shown, date=day.isoformat(), kind=kind)

    def check_series_parts(self, posts):
        parts = defaultdict(list)
        for doc in posts:
            series, part, lang = doc.value("series"), doc.value("part"), doc.value("lang")
            total = self.series.get(series, {}).get("parts", 0)
            if part and NUMBER.match(part) and 1 <= int(part) <= total:
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
                    self.report(doc, doc.line("part"), "Part", N_(
                        "part %(number)s of '%(series)s' is also %(others)s (each part "
                        "number once per language)"), number=number, series=series,
                        others=others)
        for series, numbers in numbers_by_series.items():
            gaps = sorted(set(range(1, max(numbers) + 1)) - numbers)
            if gaps:
                doc = next(d for n, d in parts_after(parts, series, gaps[0]))
                self.report(doc, doc.line("part"), "Part", N_(
                    "part %(gap)s of '%(series)s' exists in no language (write it, or "
                    "renumber the parts)"), gap=gaps[0], series=series)

    def check_catalogs(self):
        """Every string of the interface translated: an empty or fuzzy one would
        show English on the pages of that language."""
        directory = Path(self.settings["TRANSLATIONS_DIR"])
        for lang in self.languages:
            po = directory / lang / "LC_MESSAGES" / "messages.po"
            if lang == self.default_lang or not po.exists():
                continue
            stamp = (po.stat().st_size, po.stat().st_mtime_ns)
            remembered = self.memo.get(("catalog", po))
            if remembered and remembered[0] == stamp:
                self.problems.extend(remembered[1])
                continue
            before = len(self.problems)
            with open(po, "rb") as stream:
                catalog = read_po(stream, locale=lang)
            shown = po.relative_to(directory.parent).as_posix()
            for message in catalog:
                strings = message.string if isinstance(message.string, tuple) else (message.string,)
                if message.id and (message.fuzzy or not all(strings)):
                    line = message.lineno or 0
                    self.say(shown, line, "msgstr", N_(
                        "'%(msgid)s' has no translation, so pages in this language would "
                        "show it in English (translate it, and remove any 'fuzzy' mark)"),
                        msgid=message.id[0] if isinstance(message.id, tuple) else message.id)
            self.memo[("catalog", po)] = (stamp, self.problems[before:])

    def run(self):
        """All problems, sorted."""
        self.check_catalogs()
        docs = list(self.documents())
        self.reported_domains = reported_domains(docs)
        # A file's own checks also look at which files exist (link targets), the
        # domains named anywhere and the catalogs: when any of these changes,
        # every file is checked again.
        context = (frozenset(doc.path for doc in docs), frozenset(self.reported_domains),
                   tuple(catalog_stamps(self.settings)))
        for doc in docs:
            remembered = self.memo.get(("checked", doc.path))
            if remembered and remembered[:2] == (doc.stamp, context):
                self.problems.extend(remembered[2])
                continue
            before = len(self.problems)
            self.check_document(doc)
            self.memo[("checked", doc.path)] = (doc.stamp, context, self.problems[before:])
        self.check_collection(docs)
        return sorted(set(self.problems))


def catalog_stamps(settings):
    for mo in sorted(Path(settings["TRANSLATIONS_DIR"]).glob("*/LC_MESSAGES/*.mo")):
        status = mo.stat()
        yield (str(mo), status.st_size, status.st_mtime_ns)


def reported_domains(docs):
    found = set()
    for doc in docs:
        found.update(doc.mentions)
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
    return Checker(settings, memo).run()
