"""The home page editors direct: a lead, a few secondary reports, then the rest.

``FRONT_PAGE`` names reports by slug, for every language or per language::

    FRONT_PAGE = {"lead": "chemist-4-u-premium-members", "secondary": ["domains-shuttered-2016"]}
    FRONT_PAGE = {"en": {"lead": "...", "secondary": [...]}, "ja": {"lead": "..."}}

A slug the language does not have (not yet translated, a draft) is skipped:
without a lead the newest report leads. On the first page a series appears
once, at the place of the first of its parts in that order (the newest part,
unless editors chose one); its other parts are left to the series page. This
plugin writes each language's home page (``/``, ``/ja/``), paginated like any
listing over every report (the lead and secondary ones first, then the rest
newest first), so that later pages keep their addresses.

Adds to the home page's context ``front_page`` (a :class:`FrontPage`: ``lead``,
``secondary``, ``stories``: the rest of the first page, a series once;
``figure``: the lead's first evidence figure at its smallest size, or None),
and ``articles``/``articles_page`` in that order.

Settings read: ``FRONT_PAGE``, ``SITE_LANGUAGES``, ``DEFAULT_LANG``,
``DEFAULT_PAGINATION``.
"""

import re
from dataclasses import dataclass

from lxml import html as lxml_html
from pelican import signals
from pelican.generators import Generator
from site_model.listings import (
    listing_in_every_language,
)
from site_model.series import one_per_series
from site_model.site import site_of
from site_model.urls import site_paths

PROVIDES = {}  # front_page is a value of the home pages it writes, not of the context
READS = {}

DEFAULTS = {"FRONT_PAGE": {}}
CANDIDATE = re.compile(r"^\s*(\S+)\s+(\d+)w\s*$")


@dataclass(frozen=True)
class LeadFigure:
    src: str  # relative to the site root: templates write {{ SITEURL }}/{{ src }}
    width: int
    height: int
    alt: str


@dataclass(frozen=True)
class FrontPage:
    lead: object
    secondary: tuple
    stories: tuple = ()
    figure: LeadFigure = None


def choice_for(settings, lang):
    """``{"lead": slug, "secondary": [slugs]}`` for ``lang``."""
    chosen = settings.get("FRONT_PAGE", DEFAULTS["FRONT_PAGE"]) or {}
    return chosen.get(lang, {}) if lang in settings["SITE_LANGUAGES"] and lang in chosen \
        else {k: v for k, v in chosen.items() if k not in settings["SITE_LANGUAGES"]}


def site_relative(url, siteurl):
    """"https://news.example.org/images/a.webp" or "/images/a.webp" -> "images/a.webp"."""
    if siteurl and url.startswith(siteurl):
        url = url[len(siteurl):]
    return url.lstrip("/")


def smallest_figure(article, siteurl=""):
    """The first evidence figure of ``article``, at its smallest listed width."""
    # The converted HTML as the report's page gets it (Pelican's ``content`` would
    # resolve links again, and memoize them, before static files are known).
    html = article._content or ""
    if "evidence" not in html:
        return None
    tree = lxml_html.fragment_fromstring(html, create_parent="div")
    image = next(iter(tree.xpath('//figure[contains(@class, "evidence")]//img')), None)
    if image is None:
        return None
    candidates = [CANDIDATE.match(c) for c in (image.get("srcset") or "").split(",")]
    sizes = sorted((int(m[2]), m[1]) for m in candidates if m)
    try:
        width, height = int(image.get("width")), int(image.get("height"))
    except (TypeError, ValueError):
        return None
    src, shown = (sizes[0][1], sizes[0][0]) if sizes else (image.get("src"), width)
    return LeadFigure(site_relative(src or "", siteurl), shown, round(height * shown / width),
                      image.get("alt") or "")


def front_page(articles, choice, page_size, siteurl=""):
    """(FrontPage, the home page's reports in order) for one language's reports."""
    by_slug = {article.slug: article for article in articles}
    lead = by_slug.get(choice.get("lead")) or (articles[0] if articles else None)
    secondary = [by_slug[s] for s in choice.get("secondary", ()) if s in by_slug]
    secondary = [a for a in dict.fromkeys(secondary) if a is not lead]
    picked = [a for a in (lead, *secondary) if a is not None]
    ordered = [*picked, *(a for a in articles if a not in picked)]
    first_page = one_per_series(ordered[:page_size] if page_size else ordered)
    secondary = tuple(a for a in secondary if a in first_page)
    stories = tuple(a for a in first_page if a is not lead and a not in secondary)
    figure = smallest_figure(lead, siteurl) if lead is not None else None
    return FrontPage(lead, secondary, stories, figure), ordered


class FrontPageGenerator(Generator):
    def generate_output(self, writer):
        articles = {lang: list(found) for lang, found in
                    site_of(self.context).articles_by_lang.items()}
        homes = listing_in_every_language(self.settings, "index", "")
        paths = site_paths(self.settings)
        for lang, items in articles.items():
            page, ordered = front_page(items, choice_for(self.settings, lang),
                                       self.settings.get("DEFAULT_PAGINATION"),
                                       self.settings.get("SITEURL", ""))
            home = paths[lang].home
            writer.write_file(
                f"{home}index.html", self.get_template("index"), self.context,
                url=home, articles=ordered, paginated={"articles": ordered},
                template_name="index", listing=homes[lang], front_page=page,
            )


def get_generators(pelican):
    return FrontPageGenerator


def register():
    signals.get_generators.connect(get_generators)
