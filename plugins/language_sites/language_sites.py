"""One site per language, written in a single Pelican run.

Pelican writes each article and page once, at its language's URL. This plugin
writes what Pelican would write once for the whole site, for every language
in ``SITE_LANGUAGES`` (the default language at ``/``, the others under
``/{lang}/``): the paginated news listing, the archives, the 404 page and an
Atom feed of all posts (absolute links, from ``SITE_ROOT``).

Adds to the template context:
- ``articles_by_lang`` and ``pages_by_lang``: published content per language,
  newest first (other plugins build their listings from these);
- ``site_paths[lang]``: ``home``, ``archives`` and ``feed`` URLs per language;
- ``SITE_ROOT``: the absolute site URL (``FEED_DOMAIN`` in preview), and the
  filter ``page_url`` (``output_file|page_url``: the URL of the page written);
- ``listing`` on the pages it writes: a :class:`Listing` with ``lang``,
  ``kind`` and ``language_links`` (see ``translation_links``).

Unlike ``i18n_subsites`` it does not re-run Pelican per language, so a
bilingual build costs one pass. Feeds (``write_feed``, also used by other
plugins) go through the writer (``build_speed``'s), which keeps a feed whose
posts did not change in a warm rebuild and removes one no longer written.

Settings read: ``SITE_LANGUAGES``, ``DEFAULT_LANG``, ``FEED_DOMAIN``,
``FEED_MAX_ITEMS``, ``SITENAME``.
"""

from dataclasses import dataclass
from datetime import UTC, datetime

from feedgenerator import Atom1Feed, get_tag_uri
from localised_interface.localised_interface import translations_for
from pelican import signals
from pelican.generators import Generator
from translation_links.translation_links import LanguageLinks, home_url, links_for


class StableAtomFeed(Atom1Feed):
    """An Atom feed whose <updated> never comes from the clock.

    feedgenerator dates an empty feed "now", which would make two builds of
    the same commit differ; an empty feed is dated at the epoch instead.
    """

    def latest_post_date(self):
        if any(item.get("updateddate") or item.get("pubdate") for item in self.items):
            return super().latest_post_date()
        return datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Listing:
    lang: str
    kind: str
    url: str
    language_links: LanguageLinks


def newest_first(items):
    # The slug breaks ties so that the same content always lists the same way.
    return sorted(items, key=lambda item: (item.date, item.slug), reverse=True)


def with_translations(originals):
    seen = {}
    for item in originals:
        for version in (item, *item.translations):
            seen[id(version)] = version
    return list(seen.values())


def by_slug(items):
    return sorted(items, key=lambda item: item.slug)


def by_language(settings, items, order):
    return {
        lang: order(item for item in items if item.lang == lang)
        for lang in settings["SITE_LANGUAGES"]
    }


def site_paths(settings):
    paths = {}
    for lang in settings["SITE_LANGUAGES"]:
        home = home_url(lang, settings["DEFAULT_LANG"])
        paths[lang] = {
            "home": home,
            "archives": f"{home}archives/",
            "feed": f"{home}feeds/all.atom.xml",
        }
    return paths


def linked_listings(settings, kind, versions):
    """The same listing in each language of ``versions``, linked to one another."""
    return {
        lang: Listing(lang, kind, url, links_for(settings, lang, versions))
        for lang, url in versions.items()
    }


def listing_in_every_language(settings, kind, path):
    """``{home}{path}`` in every site language: ``path/``, ``ja/path/``."""
    default = settings["DEFAULT_LANG"]
    versions = {lang: f"{home_url(lang, default)}{path}" for lang in settings["SITE_LANGUAGES"]}
    return linked_listings(settings, kind, versions)


def site_root(settings):
    """The absolute root of the site; in preview, where SITEURL is "", FEED_DOMAIN."""
    return (settings.get("SITEURL") or settings["FEED_DOMAIN"]).rstrip("/")


def absolute(settings, url):
    return f"{site_root(settings)}/{url}"


def page_url(output_file):
    """The URL of a written file: "posts/x/index.html" -> "posts/x/"."""
    return output_file.removesuffix("index.html")


def write_feed(generator, writer, path, lang, title, articles, page_url):
    """Write an Atom feed of ``articles`` in ``lang``, with absolute links."""
    settings = generator.settings
    articles = articles[: settings["FEED_MAX_ITEMS"]]
    if writer.is_current(path, (lang, title, page_url, articles)):
        return
    _ = translations_for(settings, lang).gettext
    site_title = settings["SITENAME"]
    feed = StableAtomFeed(
        title=f"{site_title}: {_(title)}" if title else site_title,
        link=absolute(settings, page_url),
        feed_url=absolute(settings, path),
        description=_(
            "The Latest on Internet Pharmacies, Supplements, Designer Drugs, "
            "and Other High-Risk Merchants"
        ),
        language=lang,
    )
    siteurl = site_root(settings)
    for article in articles:
        link = absolute(settings, article.url)
        feed.add_item(
            title=article.title,
            link=link,
            unique_id=get_tag_uri(link, article.date),
            description=article.summary,
            content=article.get_content(siteurl),
            pubdate=article.date,
            updateddate=getattr(article, "modified", None) or article.date,
            author_name=getattr(getattr(article, "author", None), "name", None),
        )
    # Through the writer, which removes a feed no longer written (warm rebuilds).
    writer.write_text(path, feed.writeString("utf-8"))


class LanguageSitesGenerator(Generator):
    def generate_context(self):
        self.articles_by_lang = by_language(
            self.settings, with_translations(self.context.get("articles", [])), newest_first
        )
        self.pages_by_lang = by_language(
            self.settings, with_translations(self.context.get("pages", [])), by_slug
        )
        self.context["articles_by_lang"] = self.articles_by_lang
        self.context["pages_by_lang"] = self.pages_by_lang
        self.context["site_paths"] = site_paths(self.settings)
        self.context["SITE_ROOT"] = site_root(self.settings)

    def generate_output(self, writer):
        paths = self.context["site_paths"]
        homes = listing_in_every_language(self.settings, "index", "")
        archives = listing_in_every_language(self.settings, "archives", "archives/")
        not_found = listing_in_every_language(self.settings, "404", "404.html")
        for lang, articles in self.articles_by_lang.items():
            home = paths[lang]["home"]
            writer.write_file(
                f"{home}index.html",
                self.get_template("index"),
                self.context,
                url=home,
                articles=articles,
                paginated={"articles": articles},
                template_name="index",
                listing=homes[lang],
            )
            writer.write_file(
                f"{paths[lang]['archives']}index.html",
                self.get_template("archives"),
                self.context,
                articles=articles,
                listing=archives[lang],
            )
            writer.write_file(
                not_found[lang].url,
                self.get_template("404"),
                self.context,
                listing=not_found[lang],
            )
            write_feed(self, writer, paths[lang]["feed"], lang, None, articles, home)


def get_generators(pelican):
    return LanguageSitesGenerator


def add_filters(generator):
    generator.env.filters["page_url"] = page_url


def register():
    signals.generator_init.connect(add_filters)
    signals.get_generators.connect(get_generators)
