"""``Series`` and ``Part``: a known series, a part number in range, each
number once per language, and no part missing in every language."""

import re
from collections import defaultdict

from site_model.catalogs import N_

from ..context import listing

NUMBER = re.compile(r"^[0-9]+$")


def check_series_fields(self, doc):
    series, part = doc.value("series"), doc.value("part")
    if part and not series:
        self.report(doc, doc.line("part"), "Part", N_(
            "has no Series (add 'Series: KEY')"))
    if not series:
        return
    if series not in self.series:
        self.report(doc, doc.line("series"), "Series", N_(
            "'%(series)s' is not a series (use one of: %(choices)s)"),
            series=series, choices=listing(self.series))
        return
    total = self.series[series]["parts"]
    if not part:
        self.report(doc, doc.line("series"), "Part", N_(
            "is missing (add 'Part: N', a number from 1 to %(total)s)"), total=total)
    elif not NUMBER.match(part) or not 1 <= int(part) <= total:
        self.report(doc, doc.line("part"), "Part", N_(
            "'%(part)s' is not a part number (use a number from 1 to %(total)s)"),
            part=part, total=total)


def check_series_parts(self, posts):
    parts = defaultdict(list)
    for doc in posts:
        series, part, lang = doc.value("series"), doc.value("part"), doc.value("lang")
        total = self.series.get(series, {}).get("parts", 0)
        if part and NUMBER.match(part) and 1 <= int(part) <= total:
            parts[(series, lang)].append((int(part), doc))
    numbers_by_series = defaultdict(set)
    for (series, _), numbered in parts.items():
        files = defaultdict(list)
        for number, doc in numbered:
            files[number].append(doc)
            numbers_by_series[series].add(number)
        for number, docs in files.items():
            for doc in docs if len(docs) > 1 else ():
                # The first file with the number names the second; every other
                # names the first (one name each, however many files collide).
                others = (docs[1] if doc is docs[0] else docs[0]).shown
                self.report(doc, doc.line("part"), "Part", N_(
                    "part %(number)s of '%(series)s' is also %(others)s (each part "
                    "number once per language)"), number=number, series=series,
                    others=others)
    for series, numbers in numbers_by_series.items():
        gaps = sorted(set(range(1, max(numbers) + 1)) - numbers)
        if gaps:
            doc = next(d for n, d in parts_after(parts, series, gaps[0]))
            self.report(doc, doc.line("part"), "Part", N_(
                "part %(gap)s of '%(series)s' exists in no language (write it, or "
                "renumber the parts)"), gap=gaps[0], series=series)


def parts_after(parts, series, gap):
    later = (
        (number, doc)
        for (key, _), numbered in parts.items()
        if key == series
        for number, doc in numbered
        if number > gap
    )
    return sorted(later, key=lambda item: (item[0], item[1].shown))
