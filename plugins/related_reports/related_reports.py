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

from pelican import signals
from site_model.site import site_of

PROVIDES = {"article.related": "all_generators_finalized"}
READS = {}

DEFAULTS = {"RELATED_REPORTS_COUNT": 3}


def settings_of(settings):
    return {key: settings.get(key, default) for key, default in DEFAULTS.items()}


def closeness(report, other, domains):
    """How close ``other`` is to ``report``: smaller is closer."""
    series = report.metadata.get("series")
    if series and other.metadata.get("series") == series:
        return 0
    if domains[id(report)] & domains[id(other)]:
        return 1
    if getattr(report, "category", None) and other.category == report.category:
        return 2
    return 3  # else the newest, so that no report ends in a dead end


def part_number(article):
    part = str(article.metadata.get("part", ""))
    return int(part) if part.isascii() and part.isdigit() else 0


def related_to(report, candidates, domains, count):
    ranked = []
    for position, other in enumerate(candidates):  # candidates are newest first
        if other is report:
            continue
        rank = closeness(report, other, domains)
        # Within its series, a part offers the first part other than the next one,
        # which the series box below the text already offers.
        if rank == 0 and part_number(other) == part_number(report) + 1:
            order = len(candidates) + 1
        else:
            order = part_number(other) if rank == 0 else position
        ranked.append((rank, order, other))
    chosen, series_seen = [], set()
    for _, _, other in sorted(ranked, key=lambda r: r[:2]):
        # A series is offered once (its newest part): its page and the series
        # box lead to the others, and three parts of one series crowd out the rest.
        series = other.metadata.get("series")
        if series:
            if series in series_seen:
                continue
            series_seen.add(series)
        chosen.append(other)
    return tuple(chosen[:count])


def add_related(generators):
    """Set ``related`` on every article, every build, from the Site."""
    site = site_of(generators[0].context)
    count = settings_of(generators[0].settings)["RELATED_REPORTS_COUNT"]
    domains = {id(a): set(site.facts(a).domains) for a in site.articles}
    for article in site.articles:
        candidates = site.published_in(article.lang)
        article.related = related_to(article, candidates, domains, count)


def register():
    signals.all_generators_finalized.connect(add_related)
