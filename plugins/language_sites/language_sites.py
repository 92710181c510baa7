"""One site per language, written in a single Pelican run.

Pelican writes each article and page once, at its language's URL. This plugin
writes what Pelican would write once for the whole site, for every language
in ``SITE_LANGUAGES`` (the default language at ``/``, the others under
``/{lang}/``): the archives (grouped by year), the 404 page (with the newest
reports) and an Atom feed of all posts (absolute links, from ``SITE_ROOT``).
The home page is written by ``front_page``.

Adds to the template context (from the build's Site, :mod:`site_model.site`):
- ``pages_by_lang``: published pages per language, for the navigation;
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
from site_model.listings import listing_in_every_language
from site_model.series import one_per_series
from site_model.site import site_of
from site_model.urls import page_url

# What this plugin adds (for templates, Pelican and readers), and what it reads
# that another plugin adds, each at the stage where it happens: held to the order
# of PLUGINS by tests/plugins/test_plugin_contracts.py.
PROVIDES = {"context.pages_by_lang": "generate_context", "context.site_paths": "generate_context",
            "context.SITE_ROOT": "generate_context", "jinja.page_url": "generator_init"}
READS = {}

DEFAULTS = {"NOT_FOUND_LATEST": 5}


def by_year(articles):
    """``[(year, reports)]`` of reports listed newest first."""
    return [(year, list(items)) for year, items in groupby(articles, key=lambda a: a.date.year)]


class LanguageSitesGenerator(Generator):
    def generate_context(self):
        site = site_of(self.context)
        self.articles_by_lang = site.articles_by_lang
        # What every page's navigation shows: ready values from the Site.
        self.context["pages_by_lang"] = {lang: list(pages)
                                         for lang, pages in site.pages_by_lang.items()}
        self.context["site_paths"] = dict(site.paths)
        self.context["SITE_ROOT"] = site.root

    def generate_output(self, writer):
        paths = self.context["site_paths"]
        archives = listing_in_every_language(self.settings, "archives", "archives/")
        not_found = listing_in_every_language(self.settings, "404", "404.html")
        for lang, articles in self.articles_by_lang.items():
            home = paths[lang].home
            articles = list(articles)
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
