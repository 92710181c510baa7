"""Render only the pages whose inputs changed (the live preview's rebuilds).

A process that builds the site many times (``make serve``) passes a dict in
``WARM_CACHE`` (``tools/site_build.WarmCache``, with a
:class:`site_model.output.Journal` as its ``journal``); the builds keep in it
what they learn for the next one. Then
:class:`IncrementalWriter` gives each page a fingerprint before rendering it,
and skips the rendering when the fingerprint is the one the last successful
build in the same output folder recorded. Every write and removal goes into the
journal, which the build command applies only when the build succeeded, so a
failed build changes nothing that is served. Pages the previous build wrote
and this one does not (a deleted post, a listing page too many) are removed.

A fingerprint covers:
- the site: every setting; the theme, catalogs and plugins (their files' sizes
  and times); the values every page is given, where a post counts only as
  itself (which posts exist, in which order) and a page by its metadata (the
  navigation shows page titles);
- the page: its template and the values given to this page alone, where a
  post counts by its metadata (title, date, summary, reading time, notices)
  and that of the posts it refers to (translations, series parts), and its
  own post or page, and the posts on its listing page, also by their body.

So an edit to a report's body renders its own pages again; a new title or
summary also renders the listings that show it; a new report renders all.
Templates must show posts only through the values given to their page (as
ours do, and ``tests/test_template_reads.py`` enforces): a post read from the
global context would not count.

Without ``WARM_CACHE`` (``make build``, ``make publish``) every page is
rendered, and written only when its bytes differ from the file already there.
"""

import datetime
import hashlib
import logging
import os
from pathlib import Path

from pelican.contents import Article, Content
from pelican.paginator import Page as ListingPage
from pelican.paginator import Paginator
from pelican.urlwrappers import URLWrapper
from site_model.pelican_compat import JournalledWriter

logger = logging.getLogger(__name__)

# Attributes that hold the whole site or its settings: counted once, in the site part.
SHARED = frozenset({"_context", "settings", "_settings"})
# Plugins keep what they worked out about a post on it, named "_memo_...": not
# what the post says.
MEMO = "_memo_"
# Settings about how the site is built, not what it shows.
BUILD_ONLY = frozenset({
    "LOAD_CONTENT_CACHE", "CACHE_CONTENT", "CONTENT_CACHING_LAYER", "GZIP_CACHE",
    "CACHE_PATH", "DELETE_OUTPUT_DIRECTORY", "BUILD_PARALLEL_MIN_FILES", "WARM_CACHE",
    "SEARCH_SERVICE", "JINJA_ENVIRONMENT", "OUTPUT_PATH",
})
SCALARS = frozenset({bool, int, float})
CONTAINERS = frozenset({dict, list, tuple})


def warm_state(settings):
    """What a long-lived process keeps between builds (a ``WarmCache``), or None."""
    return settings.get("WARM_CACHE")


def files_stamp(folders, suffixes):
    """Sizes and times of the files under ``folders`` that end in ``suffixes``."""
    stamps = []
    for folder in folders:
        for root, _, names in os.walk(folder):
            for name in sorted(names):
                if name.endswith(suffixes):
                    status = os.stat(os.path.join(root, name))
                    stamps.append(f"{root}/{name}:{status.st_size}:{status.st_mtime_ns}")
    return "\n".join(sorted(stamps))


def posts_in(value, found, depth=0):
    """Collect the posts and pages ``value`` refers to (not inside them).

    A page of a listing refers to its own posts only; the whole listing is
    shown only as a count of pages.
    """
    if isinstance(value, Content):
        found[id(value)] = value
    elif isinstance(value, ListingPage):
        posts_in(value.object_list, found, depth + 1)
    elif isinstance(value, Paginator):
        return
    elif depth > 12 or isinstance(value, (str, bytes, int, float, bool)) or value is None:
        return
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in SHARED:
                posts_in(item, found, depth + 1)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            posts_in(item, found, depth + 1)
    elif hasattr(value, "__dict__") and not callable(value):
        posts_in(vars(value), found, depth + 1)


def page_values(context, kwargs, localcontext):
    """The values a page was given for itself: those passed for it, and those
    Pelican adds (its pagination, its file name). A page of a listing is given
    the posts on it, not the whole listing Pelican passes along to paginate."""
    keys = (localcontext.keys() - context.keys()) | (kwargs.keys() & localcontext.keys())
    if "articles_page" in localcontext:
        keys -= {"articles", "dates"}
    return {key: localcontext[key] for key in keys}


def sources_of(value, digests):
    """The source files of the posts ``value`` refers to, and of the posts those
    refer to (a page shows its posts' translations and series parts too)."""
    found = {}
    posts_in(value, found)
    sources = set()
    for post in found.values():
        sources |= digests.sources(post)
    return frozenset(sources)


class Fingerprints:
    """Digests of template values, each object's computed once per build.

    ``site=True`` is for the values every page is given: there a post counts
    only as itself (its source path), not by what it says; pages (the site's
    navigation shows their titles) count by their metadata. Otherwise, for
    the values a page is given for itself, a post counts by its metadata and
    that of the posts it refers to (its translations, its series' parts).
    """

    def __init__(self, carried=None, still_valid=None):
        self._memo = {}
        # A long-lived process hands over the posts' digests from the last build:
        # {(source path, with body): (digest, sources it was made from)}, each
        # used while ``still_valid(sources)``.
        self.carried, self.still_valid, self.made = carried or {}, still_valid, {}

    def of(self, value, with_body=False, site=False):
        hashed = hashlib.blake2b(digest_size=16)
        self._feed(hashed, value, with_body, depth=0, site=site)
        return hashed.hexdigest()

    def _content(self, content, with_body):
        """A post's own metadata (and body): the posts it refers to count as themselves."""
        key = (id(content), with_body, "own")
        if key in self._memo:
            return self._memo[key][1]
        carried = self.carried.get((content.source_path, with_body))
        if carried is not None and self.still_valid(carried[1]):
            self.made[(content.source_path, with_body)] = carried
            self._memo[key] = (content, carried[0])
            return carried[0]
        if with_body:
            hashed = hashlib.blake2b(self._content(content, False), digest_size=16)
            self._feed(hashed, getattr(content, "_content", None), False, depth=1, nested=True)
        else:
            hashed = hashlib.blake2b(digest_size=16)
            for name in sorted(vars(content)):
                if name in SHARED or name == "_content" or name.startswith(MEMO):
                    continue
                hashed.update(name.encode())
                self._feed(hashed, getattr(content, name), False, depth=1, nested=True)
        self._memo[key] = (content, hashed.digest())
        if self.still_valid is not None:
            self.made[(content.source_path, with_body)] = (hashed.digest(), self.sources(content))
        return self._memo[key][1]

    def sources(self, content):
        """The source files a post's digest is made from: its own, and those of
        the posts it refers to (translations, series parts, originals)."""
        key = (id(content), "sources")
        if key not in self._memo:
            carried = self.carried.get((content.source_path, False))
            if carried is not None and self.still_valid(carried[1]):
                found = carried[1]
            else:
                near = {id(content): content}
                posts_in({k: v for k, v in vars(content).items() if k not in SHARED}, near)
                found = frozenset(post.source_path for post in near.values())
            self._memo[key] = (content, found)
        return self._memo[key][1]

    def _reach(self, content, with_body):
        """A post's own digest, and the metadata of the posts it refers to."""
        key = (id(content), with_body, "reach")
        if key in self._memo:
            return self._memo[key][1]
        carried = self.carried.get((content.source_path, with_body, "reach"))
        if carried is not None and self.still_valid(carried[1]):
            self.made[(content.source_path, with_body, "reach")] = carried
            self._memo[key] = (content, carried[0])
            return carried[0]
        hashed = hashlib.blake2b(self._content(content, with_body), digest_size=16)
        found = {}
        for name, value in vars(content).items():
            if name not in SHARED and name != "_content" and not name.startswith(MEMO):
                posts_in(value, found)
        for digest in sorted(self._content(other, False) for other in found.values()):
            hashed.update(digest)
        self._memo[key] = (content, hashed.digest())
        if self.still_valid is not None:
            self.made[(content.source_path, with_body, "reach")] = (
                hashed.digest(), self.sources(content))
        return self._memo[key][1]

    def _feed(self, hashed, value, with_body, depth, nested=False, fresh=False, site=False):
        update = hashed.update
        kind = type(value)
        if kind is str:  # by far the most common: checked first
            update(b"s%d:" % len(value))
            update(value.encode("utf-8", "surrogatepass"))
        elif value is None or kind in SCALARS:
            update(repr(value).encode())
        elif isinstance(value, str):
            update(b"s%d:" % len(value))
            update(value.encode("utf-8", "surrogatepass"))
        elif isinstance(value, (datetime.date, datetime.time)):
            update(value.isoformat().encode())
        elif isinstance(value, ListingPage):
            update(b"<page %d>" % value.number)
            self._feed(hashed, value.object_list, with_body, depth + 1, nested, site=site)
        elif isinstance(value, Paginator):
            update(b"<pages %d>" % value.num_pages)
        elif isinstance(value, URLWrapper):
            # By what it is: Pelican caches computed names on the object itself.
            update(f"<{type(value).__name__}:{value.name}:{value.slug}>".encode())
        elif isinstance(value, Content):
            if nested:
                update(f"<{value.source_path}>".encode())
            elif site and isinstance(value, Article):
                # Which posts exist, and where: a new slug changes every link to it.
                update(f"<{value.source_path} {value.url}>".encode())
            elif site:
                update(self._content(value, with_body))
            else:
                update(self._reach(value, with_body))
        elif callable(value):
            update(type(value).__qualname__.encode())
        elif depth > 12:
            # Unusually deep: its repr, which may differ each build (re-render, never stale).
            update(repr(value).encode())
        elif not fresh and depth > 0 and (
            (kind in CONTAINERS and len(value) > 8)
            or (kind not in CONTAINERS and hasattr(value, "__dict__"))
        ):
            # The same lists and objects (all posts, a category) recur on many pages.
            key = (id(value), with_body, nested, site)
            if key not in self._memo:
                inner = hashlib.blake2b(digest_size=16)
                self._feed(inner, value, with_body, depth, nested, fresh=True, site=site)
                self._memo[key] = (value, inner.digest())
            update(self._memo[key][1])
        elif isinstance(value, dict):
            update(b"{")
            try:
                keys = sorted(value)
            except TypeError:
                keys = sorted(value, key=repr)
            for key in keys:
                if key not in SHARED:
                    self._feed(hashed, key, False, depth + 1, nested, site=site)
                    self._feed(hashed, value[key], with_body, depth + 1, nested, site=site)
            update(b"}")
        elif isinstance(value, (list, tuple, set, frozenset)):
            items = sorted(value, key=repr) if isinstance(value, (set, frozenset)) else value
            update(b"[")
            for item in items:
                self._feed(hashed, item, with_body, depth + 1, nested, site=site)
            update(b"]")
        elif hasattr(value, "__dict__"):
            update(type(value).__qualname__.encode())
            self._feed(hashed, vars(value), with_body, depth + 1, nested, site=site)
        else:
            update(repr(value).encode())


class _Fingerprinted:
    """A template that is rendered only when the page's fingerprint changed."""

    def __init__(self, template, writer, context, kwargs):
        self.template, self.writer, self.context, self.kwargs = template, writer, context, kwargs
        self.name = template.name

    def render(self, localcontext):
        return self.writer.render_if_changed(self.template, self.context, self.kwargs,
                                             localcontext)


class _ChangedOnly:
    """A file that is written on closing, only when its bytes change; in a
    long-lived preview, into the build's journal (applied once it succeeded)."""

    def __init__(self, path, encoding, skip, journal=None):
        self.path, self.encoding, self.skip, self.parts = path, encoding, skip, []
        self.journal = journal

    def __enter__(self):
        return self

    def write(self, text):
        self.parts.append(text)

    def __exit__(self, *exc_info):
        if self.skip or exc_info[0] is not None:
            return
        data = b"".join(p if isinstance(p, bytes) else p.encode(self.encoding)
                        for p in self.parts)
        try:
            with open(self.path, "rb") as existing:
                if existing.read() == data:
                    return
        except FileNotFoundError:
            pass
        if self.journal is not None:
            self.journal.write(self.path, data)
        else:
            with open(self.path, "wb") as stream:
                stream.write(data)


class IncrementalWriter(JournalledWriter):
    """Pelican's writer, rendering only the pages whose fingerprint changed."""

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self.warm = warm_state(self.settings)
        self.journal = self.warm.journal if self.warm is not None else None
        self.incremental = self.journal is not None
        records = self.journal.records if self.journal is not None else {}
        self._last = records.get(str(self.output_path), {})
        self._previous = self._last.get("pages", {})
        self._fingerprints, self._depends = {}, {}
        self._digests = Fingerprints()
        self._site = None
        self._sources, self._changed, self._same_site = {}, set(), False
        self._skip_next = False
        self.rendered = 0
        if self.incremental:
            self.warm.writer = self

    def site_fingerprint(self, context):
        settings = self.settings
        folders = [settings["THEME"], *settings.get("PLUGIN_PATHS", [])]
        if settings.get("TRANSLATIONS_DIR"):
            folders.append(settings["TRANSLATIONS_DIR"])
        stamp = files_stamp(folders, (".html", ".py", ".mo", ".css", ".js"))
        # Keys starting with "_" hold a build's own machinery (the output gate,
        # the sitemap's entries): never shown, and new each build.
        shown = {key: value for key, value in context.items()
                 if key not in BUILD_ONLY and not key.startswith("_")}
        # Pelican lists static files in the order of a set: not part of what is shown.
        shown["staticfiles"] = sorted(s.save_as for s in context.get("staticfiles", []))
        return self._digests.of((stamp, shown), site=True)

    def write_file(self, name, template, context, *args, **kwargs):
        if self.incremental:
            if self._site is None:
                self.start(context)
            template = _Fingerprinted(template, self, context, kwargs)
        return super().write_file(name, template, context, *args, **kwargs)

    def start(self, context):
        """The site's fingerprint, and which posts' files changed since the last build."""
        self._site = self.site_fingerprint(context)
        self._same_site = self._site == self._last.get("site")
        for content in context.get("generated_content", {}).values():
            source = getattr(content, "source_path", None)
            if source is None:
                continue
            try:
                status = os.stat(source)
            except OSError:
                continue
            self._sources[source] = (status.st_size, status.st_mtime_ns)
        before = self._last.get("sources", {})
        self._changed = {path for path in before.keys() | self._sources.keys()
                         if before.get(path) != self._sources.get(path)}
        carried = self._last.get("digests", {}) if self._same_site else {}
        self._digests.carried = carried
        self._digests.still_valid = lambda sources: not sources & self._changed

    def _unchanged(self, name, fingerprint):
        return self._previous.get(name) == fingerprint and os.path.exists(
            os.path.join(self.output_path, name))

    def _untouched(self, name):
        """Whether the page needs no fingerprint: the site is the same, and no
        post the page was made from (or that those refer to) has changed."""
        depends = self._last.get("depends", {}).get(name)
        if not self._same_site or depends is None or depends & self._changed:
            return False
        if not os.path.exists(os.path.join(self.output_path, name)):
            return False
        self._fingerprints[name], self._depends[name] = self._previous[name], depends
        return True

    def render_if_changed(self, template, context, kwargs, localcontext):
        name = localcontext["output_file"]
        self._skip_next = self._untouched(name)
        if self._skip_next:
            return ""
        own = page_values(context, kwargs, localcontext)
        own_posts = [own.get("article"), own.get("page")]
        if own.get("articles_page") is not None:
            own_posts += list(own["articles_page"].object_list)
        fingerprint = self._digests.of(
            (self._site, template.name, own, [self._digests.of(p, with_body=True)
                                               for p in own_posts if p is not None])
        )
        self._fingerprints[name] = fingerprint
        self._depends[name] = sources_of(own, self._digests)
        self._skip_next = self._unchanged(name, fingerprint)
        if self._skip_next:
            return ""
        self.rendered += 1
        return template.render(localcontext)

    def open_file(self, filename, encoding, claimed):
        skip, self._skip_next = self._skip_next, False
        if not claimed:
            return open(os.devnull, "w", encoding=encoding)
        return _ChangedOnly(filename, encoding, skip, self.journal)

    def is_current(self, name, inputs):
        """Whether a file made from ``inputs`` (posts count with their bodies), not
        from a template, is still the one the last build made: then it need not
        be made again, and it is kept."""
        if not self.incremental or self._site is None:
            return False
        if not self._untouched(name):
            fingerprint = self._digests.of((self._site, name, inputs), with_body=True)
            self._fingerprints[name] = fingerprint
            self._depends[name] = sources_of(inputs, self._digests)
            if not self._unchanged(name, fingerprint):
                return False
        self.claim(os.path.join(self.output_path, name), override=False)
        return True

    def write_text(self, name, text):
        """Write a file that is not rendered from a template (a feed), if it changed."""
        self.write_bytes(name, text.encode("utf-8"))

    def write_bytes(self, name, data):
        path = os.path.join(self.output_path, name)
        if self.journal is None:
            os.makedirs(os.path.dirname(path), exist_ok=True)
        if self.claim(path, override=False):
            with _ChangedOnly(path, "utf-8", skip=False, journal=self.journal) as stream:
                stream.write(data)
        self._fingerprints.setdefault(name, "written")

    def keep(self, name):
        self._fingerprints.setdefault(name, "written")

    def remove(self, name):
        path = os.path.join(self.output_path, name)
        if self.journal is not None:
            self.journal.remove(path)
        else:
            Path(path).unlink(missing_ok=True)

    def finish(self):
        """Remove the pages only earlier builds wrote; remember this build's."""
        if not self.incremental:
            return
        logger.info("Rendered %d of %d pages", self.rendered, len(self._fingerprints))
        self.warm.last_build = {"rendered": self.rendered, "pages": len(self._fingerprints)}
        for name in set(self._previous) - set(self._fingerprints):
            self.journal.remove(Path(self.output_path, name))
        # Digests not needed this build are kept while their posts are unchanged.
        digests = {key: value for key, value in self._digests.carried.items()
                   if not value[1] & self._changed}
        digests.update(self._digests.made)
        self.journal.pending[str(self.output_path)] = {
            "site": self._site, "sources": self._sources, "digests": digests,
            "pages": dict(self._fingerprints), "depends": dict(self._depends),
        }


def finish_writing(pelican):
    warm = warm_state(pelican.settings)
    writer = warm.writer if warm is not None else None
    if writer is not None:
        warm.writer = None
        writer.finish()
