"""One site per language, written in a single Pelican run.

Pelican writes each article and page once, at its language's URL. This plugin
writes what Pelican would write once for the whole site, for every language
in ``SITE_LANGUAGES`` (the default language at ``/``, the others under
``/{lang}/``): the archives (grouped by year), the 404 page (with the newest
reports) and an Atom feed of all posts (absolute links, from ``SITE_ROOT``).
The home page is written by ``front_page``.

Adds to the template context:
- ``articles_by_lang`` and ``pages_by_lang``: published content per language,
  newest first (other plugins build their listings from these);
- ``site_paths[lang]``: the :class:`site_model.urls.SitePaths` of every
  language (home, archives, feed, search, corrections, domains...);
- ``SITE_ROOT``: the absolute site URL (``FEED_DOMAIN`` in preview), and the
  filter ``page_url`` (``output_file|page_url``: the URL of the page written);
- ``listing`` on the pages it writes: a :class:`site_model.listings.Listing`;
- ``archive_years`` on the archives: ``(year, reports)`` pairs, newest first;
- ``latest`` on the 404 page: the ``NOT_FOUND_LATEST`` (default 5) newest reports,
  a series once.

Unlike ``i18n_subsites`` it does not re-run Pelican per language, so a
bilingual build costs one pass.

Settings read: ``SITE_LANGUAGES``, ``DEFAULT_LANG``, ``FEED_DOMAIN``,
``FEED_MAX_ITEMS``, ``SITENAME``, ``NOT_FOUND_LATEST``.
"""

from itertools import groupby

from pelican import signals
from pelican.generators import Generator
from site_model.feeds import write_feed
from site_model.listings import (
    by_language,
    by_slug,
    listing_in_every_language,
    newest_first,
    with_translations,
)
from site_model.series import one_per_series
from site_model.urls import page_url, site_paths, site_root

PROVIDES = frozenset({
    "context.articles_by_lang", "context.pages_by_lang", "context.site_paths",
    "context.SITE_ROOT", "context.listing", "context.archive_years", "context.latest",
})
READS = frozenset()

DEFAULTS = {"NOT_FOUND_LATEST": 5}


def by_year(articles):
    """``[(year, reports)]`` of reports listed newest first."""
    return [(year, list(items)) for year, items in groupby(articles, key=lambda a: a.date.year)]


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
        archives = listing_in_every_language(self.settings, "archives", "archives/")
        not_found = listing_in_every_language(self.settings, "404", "404.html")
        for lang, articles in self.articles_by_lang.items():
            home = paths[lang].home
            writer.write_file(
                f"{paths[lang].archives}index.html",
                self.get_template("archives"),
                self.context,
                articles=articles,
                archive_years=by_year(articles),
                listing=archives[lang],
            )
            writer.write_file(
                not_found[lang].url,
                self.get_template("404"),
                self.context,
                listing=not_found[lang],
                latest=one_per_series(articles)[:self.settings.get(
                    "NOT_FOUND_LATEST", DEFAULTS["NOT_FOUND_LATEST"])],
            )
            write_feed(writer, self.settings, paths[lang].feed, lang, None, articles, home)


def get_generators(pelican):
    return LanguageSitesGenerator


def add_filters(generator):
    generator.env.filters["page_url"] = page_url


def register():
    signals.generator_init.connect(add_filters)
    signals.get_generators.connect(get_generators)
