"""The one Site of a build: what every plugin reads, computed once, never changed.

Pelican's readers produce posts and pages; the first plugin that asks for the
Site after they are all read (``site_of(context)``, from
``page_generator_finalized`` on: the output gate asks first) makes it, and
every later call in the same build gets the same object. Nothing in it is written by a plugin: it is
computed from what the readers produced and from the settings, so no plugin
depends on another having run first, and a post kept between preview builds
gets the same facts as a fresh build gives it.

What it holds:

- ``paths[lang]``: the URL scheme of every language's listings
  (:class:`site_model.urls.SitePaths`), ``root``: the absolute site URL;
- ``articles``/``pages``: every article and page read, in every status and
  language; ``articles_by_lang``/``pages_by_lang``: the published ones, per
  language, newest first (articles) or by slug (pages);
- per post (:meth:`Site.facts`, a :class:`PostFacts`): its versions in other
  languages, the original it translates, its notes and the original's notes
  it does not carry yet, the modified date they imply, the domains it names,
  and its text.

A plugin reads the Site and returns values for its pages or sets its own
attributes, recomputed every build; it never reads what another plugin wrote.
"""

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from types import MappingProxyType
from zoneinfo import ZoneInfo

from lxml import html as lxml_html
from pelican.contents import Article, Page
from pelican.utils import set_date_tzinfo

from .domains import mentions_in
from .listings import by_language, by_slug, newest_first, with_translations
from .notes import NoteError, parse_note
from .translation_of import content_hash
from .translation_of import parse as parse_translation_of
from .urls import site_paths, site_root

# Build machinery, like every "_" key: never shown, never part of a page's fingerprint.
CONTEXT_KEY = "_site"


@dataclass(frozen=True)
class Note:
    """A note of a post, dated in the site's time zone: ``text`` is the raw text."""

    date: datetime
    kind: str
    text: str

    @property
    def key(self):
        return (self.date.date(), self.kind)


@dataclass(frozen=True)
class PostFacts:
    """What the Site knows of one post or page."""

    versions: MappingProxyType  # language -> the version in that language (itself included)
    original: object  # the version its Translation-Of names, or None
    notes: tuple  # its own readable notes (:class:`Note`), newest first
    untranslated_notes: tuple  # the original's notes it does not carry, newest first
    modified: datetime  # the later of Modified (or Date) and its newest note
    domains: tuple  # the domains it names, each once, in order of appearance
    text: str  # the text of its body, as a reader reads it (no markup)
    paragraphs: str  # the text of its body's paragraphs, whitespace collapsed


@dataclass(frozen=True)
class Site:
    languages: tuple
    default_lang: str
    root: str
    paths: MappingProxyType
    articles: tuple
    pages: tuple
    articles_by_lang: MappingProxyType
    pages_by_lang: MappingProxyType
    _facts: MappingProxyType = field(repr=False)
    # Filled as asked: a pure function of each source file, read once per build.
    _hashes: dict = field(default_factory=dict, repr=False, compare=False)

    def facts(self, post):
        return self._facts[id(post)]

    def content_hash(self, post):
        """What a translation of ``post`` records (:mod:`site_model.translation_of`)."""
        if post.source_path not in self._hashes:
            self._hashes[post.source_path] = content_hash(post.source_path)
        return self._hashes[post.source_path]

    def published_in(self, lang):
        return self.articles_by_lang.get(lang, ())


def site_of(context):
    """The build's Site, made the first time it is asked for once all content is read."""
    site = context.get(CONTEXT_KEY)
    if site is None:
        if "pages" not in context:
            raise RuntimeError("the Site is asked for before Pelican has read every page")
        site = context[CONTEXT_KEY] = make_site(context)
        write_pelican_attributes(site)
    return site


def write_pelican_attributes(site):
    """The one step that writes onto posts what Pelican itself reads (feeds,
    templates): ``modified``, from the Site, on every post, every build."""
    for post in (*site.articles, *site.pages):
        modified = site.facts(post).modified
        if modified is not None:
            post.modified = modified


def content_digest(text):
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def derived(settings):
    """The warm cache's table of values derived from content alone, or None."""
    warm = settings.get("WARM_CACHE")
    return warm.by_content if warm is not None else None


def make_site(context):
    settings = context  # Pelican's context starts as a copy of the settings
    memo = derived(settings)
    articles = tuple(contents_in(context, Article))
    pages = tuple(contents_in(context, Page))
    published = with_translations(context.get("articles", []))
    published_pages = with_translations(context.get("pages", []))
    timezone = ZoneInfo(settings["TIMEZONE"])
    notes = {id(post): read_notes(post, timezone) for post in (*articles, *pages)}
    facts = {}
    for post in (*articles, *pages):
        original = original_of(post)
        carried = {note.key for note in notes[id(post)]}
        untranslated = tuple(n for n in notes.get(id(original), ()) if n.key not in carried) \
            if original is not None else ()
        facts[id(post)] = PostFacts(
            versions=MappingProxyType(versions_of(post)),
            original=original,
            notes=notes[id(post)],
            untranslated_notes=untranslated,
            modified=modified_of(post, (*notes[id(post)], *untranslated), timezone),
            domains=named_domains(post),
            **body_text(getattr(post, "_content", "") or "", memo),
        )
    return Site(
        languages=tuple(settings["SITE_LANGUAGES"]),
        default_lang=settings["DEFAULT_LANG"],
        root=site_root(settings),
        paths=MappingProxyType(site_paths(settings)),
        articles=articles,
        pages=pages,
        articles_by_lang=MappingProxyType(
            {lang: tuple(found) for lang, found in
             by_language(settings, published, newest_first).items()}),
        pages_by_lang=MappingProxyType(
            {lang: tuple(found) for lang, found in
             by_language(settings, published_pages, by_slug).items()}),
        _facts=MappingProxyType(facts),
    )


def contents_in(context, kind):
    """Every ``kind`` (Article or Page) read, in every status and language:
    Pelican's context keeps originals; ``generated_content`` has them all."""
    found = {id(c): c for c in context.get("generated_content", {}).values()
             if isinstance(c, kind)}
    return sorted(found.values(), key=lambda content: content.source_path)


def versions_of(post):
    versions = {other.lang: other for other in post.translations}
    versions[post.lang] = post
    return versions


def original_of(post):
    """The version ``post`` names in its Translation-Of; None for an original."""
    claim = parse_translation_of(post.metadata.get("translation-of"))
    if claim is None:
        return None
    return next((other for other in post.translations if other.lang == claim[0]), None)


def note_lines(post):
    value = post.metadata.get("note", [])
    return [value] if isinstance(value, str) else list(value)


def read_notes(post, timezone):
    """The post's readable notes, newest first; the content check names the rest."""
    found = []
    for line in note_lines(post):
        try:
            parsed = parse_note(line)
        except NoteError:
            continue
        day = parsed.day
        note = Note(datetime(day.year, day.month, day.day, tzinfo=timezone), parsed.kind,
                    parsed.text)
        found.append(note)
    return tuple(sorted(found, key=lambda n: (n.date, n.kind), reverse=True))


def modified_of(post, notes, timezone):
    """When readers last saw the post change: its Modified (else Date) or its
    newest note, whichever is later. Read from the metadata as the reader gave
    it, never from an attribute a build set."""
    declared = post.metadata.get("modified") or post.metadata.get("date")
    if isinstance(declared, datetime):
        declared = set_date_tzinfo(declared, timezone.key)
    else:
        declared = getattr(post, "date", None)
    dates = [note.date for note in notes]
    if declared is not None:
        dates.append(declared)
    return max(dates) if dates else None


def body_text(html, memo=None):
    """The text of a body, and of its paragraphs: read once per post and build,
    for every plugin that counts or quotes it (a long-lived preview keeps them
    by a digest of the HTML, in ``memo``)."""
    if not html.strip():
        return {"text": "", "paragraphs": ""}
    if memo is not None:
        key = ("text", content_digest(html))
        if key not in memo:
            memo[key] = body_text(html)
        return memo[key]
    tree = lxml_html.fragment_fromstring(html, create_parent="div")
    paragraphs = " ".join(" ".join(p.text_content().split()) for p in tree.iter("p"))
    return {"text": tree.text_content(), "paragraphs": paragraphs}


def named_domains(post):
    """The domains a post names with ``[[…]]``, anywhere in its source file
    (title, summary, notes, figure captions and sources, body): the list the
    content check reads (``mentions_in`` of the whole file), so the check, the
    gate, the Domains page and the open data agree on it."""
    try:
        text = Path(post.source_path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError, TypeError):
        return ()
    return tuple(dict.fromkeys(mentions_in(text)))
