"""Series in listings: a series is shown once, by the first of its parts listed."""


def one_per_series(articles):
    """``articles`` in order, every part of a series after its first left out."""
    seen, kept = set(), []
    for article in articles:
        series = article.metadata.get("series")
        if series:
            if series in seen:
                continue
            seen.add(series)
        kept.append(article)
    return kept
