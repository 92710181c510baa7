"""The order and grouping of reports on the site's listing pages."""

from dataclasses import dataclass

from .languages import LanguageLinks, links_for
from .urls import home_url


@dataclass(frozen=True)
class Listing:
    """A page that is not an article or a page: its language, kind and URL."""

    lang: str
    kind: str
    url: str
    language_links: LanguageLinks


def newest_first(items):
    # The slug breaks ties so that the same content always lists the same way.
    return sorted(items, key=lambda item: (item.date, item.slug), reverse=True)


def by_slug(items):
    return sorted(items, key=lambda item: item.slug)


def with_translations(originals):
    """Every version of every item (Pelican keeps translations apart)."""
    seen = {}
    for item in originals:
        for version in (item, *item.translations):
            seen[id(version)] = version
    return list(seen.values())


def every_article(generator):
    """Every article the generator read, in every status and language: Pelican
    keeps them in six lists, and writes the pages of hidden and (in the
    preview) draft ones as well as published ones."""
    return (*generator.articles, *generator.translations, *generator.hidden_articles,
            *generator.hidden_translations, *generator.drafts, *generator.drafts_translations)


def by_language(settings, items, order):
    return {
        lang: order(item for item in items if item.lang == lang)
        for lang in settings["SITE_LANGUAGES"]
    }


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
