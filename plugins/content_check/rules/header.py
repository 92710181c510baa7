"""A post's or page's header: known fields, required fields, choices, the
folder, the slug, invisible characters, and where the header ends."""

import re

from site_model.catalogs import N_
from site_model.header import normalise
from site_model.urls import SLUG, SLUG_LENGTH

from ..context import listing, suggestion

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
# Characters that cannot be seen, or that reorder what is seen (bidi controls).
INVISIBLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e"
                       r"\u2066-\u2069\u2028\u2029\ufeff]")
FIELD_LIKE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z][A-Za-z0-9_ -]*?)\s*:(?:\s|$)")


def known_fields(doc):
    return POST_FIELDS if doc.kind == "post" else PAGE_FIELDS


def check_required(self, doc):
    for key in POST_REQUIRED if doc.kind == "post" else PAGE_REQUIRED:
        if not (doc.value(key) or "").strip():
            missing(self, doc, key)


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
    known = known_fields(doc)
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


def check_fields(self, doc):
    known = known_fields(doc)
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


def check_choices(self, doc):
    check_choice(self, doc, "lang", self.languages, N_("a site language"))
    check_choice(self, doc, "status", STATUSES, N_("a status"))
    if doc.kind == "post":
        check_choice(self, doc, "category", self.categories, N_("a category"))


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


def check_unique_slugs(self, by_key):
    """One slug per kind and language; ``by_key`` maps (kind, slug, lang) to
    the documents that have them, in the order of their paths."""
    for (_, slug, _), same in by_key.items():
        for doc in same[1:]:
            self.report(doc, doc.line("slug"), "Slug", N_(
                "'%(slug)s' is already used by %(other)s in the same language (choose "
                "another slug)"), slug=slug, other=same[0].shown)
