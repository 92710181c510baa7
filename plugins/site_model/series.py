"""Series in listings: a series is shown once, by the first of its parts listed."""


def first_of_each_series(articles):
    """``articles`` (any iterable) in order, every part of a series after its
    first left out, one at a time: a caller may stop early."""
    seen = set()
    for article in articles:
        series = article.metadata.get("series")
        if series:
            if series in seen:
                continue
            seen.add(series)
        yield article


def one_per_series(articles):
    """``articles`` in order, every part of a series after its first left out."""
    return list(first_of_each_series(articles))
