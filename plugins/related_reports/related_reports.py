"""Related reports at the end of every report: up to three, in its language.

Chosen in this order: a part of the same series (the first one, but not the
next part, which the series box below the text offers), reports naming a domain
this one names (``[[domain]]`` mentions, read from the converted content with
:mod:`site_model.domains`), reports in the same category, then the newest; a
series counts once, newest first within each. Never the report itself, never
a report in another language, never a draft or hidden report.

Adds ``article.related``: a tuple of up to ``RELATED_REPORTS_COUNT`` articles.

Settings read: ``RELATED_REPORTS_COUNT`` (default 3), ``SITE_LANGUAGES``.
"""

from itertools import islice

from pelican import signals
from site_model.series import first_of_each_series
from site_model.site import site_of

PROVIDES = {"article.related": "all_generators_finalized"}
READS = {}

DEFAULTS = {"RELATED_REPORTS_COUNT": 3}


def settings_of(settings):
    return {key: settings.get(key, default) for key, default in DEFAULTS.items()}


def part_number(article):
    part = str(article.metadata.get("part", ""))
    return int(part) if part.isascii() and part.isdigit() else 0


class Candidates:
    """One language's published reports (newest first), indexed by series,
    domain and category, so each report's related ones are found in time that
    does not grow with the whole site (a thousand reports, a thousand lists)."""

    def __init__(self, reports, domains):
        self.reports, self.domains = reports, domains
        self.position = {id(r): at for at, r in enumerate(reports)}
        self.series, self.by_domain, self.category = {}, {}, {}
        for report in reports:
            if report.metadata.get("series"):
                self.series.setdefault(report.metadata["series"], []).append(report)
            for domain in domains[id(report)]:
                self.by_domain.setdefault(domain, []).append(report)
            self.category.setdefault(category_of(report), []).append(report)

    def in_order(self, report):
        """The other reports from closest to farthest: its series' parts (the
        next part, which the series box already offers, last), those that share
        a domain, those of its category, then every other, newest first."""
        seen = {id(report)}
        series = report.metadata.get("series")
        if series:
            parts = [p for p in self.series.get(series, ()) if p is not report]
            after = part_number(report) + 1
            parts.sort(key=lambda p: (len(self.reports) + 1 if part_number(p) == after
                                      else part_number(p), self.position[id(p)]))
            yield from self._unseen(parts, seen)
        sharing = {id(o): o for d in self.domains[id(report)] for o in self.by_domain.get(d, ())}
        yield from self._unseen(sorted(sharing.values(), key=lambda o: self.position[id(o)]),
                                seen)
        if category_of(report) is not None:
            yield from self._unseen(self.category.get(category_of(report), ()), seen)
        yield from self._unseen(self.reports, seen)

    @staticmethod
    def _unseen(reports, seen):
        for report in reports:
            if id(report) not in seen:
                seen.add(id(report))
                yield report


def category_of(report):
    category = getattr(report, "category", None)
    return getattr(category, "slug", None) if category else None


def related_to(report, candidates, count):
    # A series is offered once (its newest part): its page and the series box
    # lead to the others, and three parts of one series crowd out the rest.
    return tuple(islice(first_of_each_series(candidates.in_order(report)), count))


def add_related(generators):
    """Set ``related`` on every article, every build, from the Site."""
    site = site_of(generators[0].context)
    count = settings_of(generators[0].settings)["RELATED_REPORTS_COUNT"]
    domains = {id(a): set(site.facts(a).domains) for a in site.articles}
    candidates = {lang: Candidates(site.published_in(lang), domains) for lang in site.languages}
    for article in site.articles:
        article.related = related_to(article, candidates[article.lang], count)


def register():
    signals.all_generators_finalized.connect(add_related)
