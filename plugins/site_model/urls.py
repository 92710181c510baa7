"""Where every kind of page lives, in every language.

The default language is served at the root, every other under ``/{lang}/``.
Articles and pages follow Pelican's own ``*_URL`` settings; the listings our
plugins write (archives, categories, series, search, corrections, domains and
their feeds) follow :class:`SitePaths`, computed once per build from the
settings and never edited afterwards.
"""

import re
from dataclasses import dataclass

from pelican.contents import Article

# A slug is a post's or page's address: lowercase ASCII words joined by hyphens,
# short enough for any file system and readable in a link.
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SLUG_LENGTH = 80


def home_url(lang, default_lang):
    """The URL of a language's home page, relative to the site root."""
    return "" if lang == default_lang else f"{lang}/"


@dataclass(frozen=True)
class SitePaths:
    """The URLs, relative to the site root, of one language's listings."""

    lang: str
    home: str

    @property
    def archives(self):
        return f"{self.home}archives/"

    @property
    def feed(self):
        return f"{self.home}feeds/all.atom.xml"

    @property
    def search(self):
        return f"{self.home}search/"

    @property
    def search_bundles_root(self):
        return f"{self.home}pagefind/"

    @property
    def corrections(self):
        return f"{self.home}corrections/"

    @property
    def corrections_feed(self):
        return f"{self.home}corrections/feed.atom.xml"

    @property
    def domains(self):
        return f"{self.home}domains/"

    @property
    def not_found(self):
        return f"{self.home}404.html"

    def category(self, slug):
        return f"{self.home}category/{slug}/"

    def category_feed(self, slug):
        return f"{self.home}feeds/{slug}.atom.xml"

    def series(self, key):
        return f"{self.home}series/{key}/"


def site_paths(settings):
    """``{lang: SitePaths}`` for every site language."""
    default = settings["DEFAULT_LANG"]
    return {lang: SitePaths(lang, home_url(lang, default)) for lang in settings["SITE_LANGUAGES"]}


# First path segments the site itself writes to: a page slug may not take one.
SITE_FOLDERS = frozenset({
    "posts", "category", "series", "feeds", "search", "pagefind", "corrections",
    "domains", "archives", "authors", "drafts", "page", "404.html", "sitemap.xml", "robots.txt",
    "_headers",
})


def reserved_slugs(settings):
    """Slugs a page (``{slug}/``) may not have: they are the site's own folders."""
    others = set(settings["SITE_LANGUAGES"]) - {settings["DEFAULT_LANG"]}
    static = {path.split("/")[0] for path in settings.get("STATIC_PATHS", [])}
    return SITE_FOLDERS | others | static | {settings.get("THEME_STATIC_DIR", "theme")}


def is_written(content, settings):
    """Whether a build with ``settings`` writes the page of ``content`` (a
    hidden one too; a draft only where drafts have an address, as in preview)."""
    if content.status == "draft":
        kind = "DRAFT_SAVE_AS" if isinstance(content, Article) else "DRAFT_PAGE_SAVE_AS"
        return bool(settings.get(kind))
    return content.status in ("published", "hidden")


def site_root(settings):
    """The absolute root of the site; in preview, where SITEURL is "", FEED_DOMAIN."""
    return (settings.get("SITEURL") or settings["FEED_DOMAIN"]).rstrip("/")


def absolute(settings, url):
    return f"{site_root(settings)}/{url}"


def page_url(output_file):
    """The URL of a written file: "posts/x/index.html" -> "posts/x/"."""
    return output_file.removesuffix("index.html")
