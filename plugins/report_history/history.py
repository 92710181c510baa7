"""A report's changes since publication, from its committed versions.

The history starts at the first version readers saw: the first commit in
which the report is neither a draft nor dated after the next commit (an
embargoed report is published when its date is reached, with the version
then in place). A later commit that changes nothing readers see (title,
summary, body text) is skipped. A withheld change is listed by its date
only: the comparisons skip its version, so its text appears nowhere.
"""

from dataclasses import dataclass
from datetime import datetime

from .compare import changed_paragraphs, marked
from .reading import same_for_readers


@dataclass(frozen=True)
class Change:
    date: datetime
    withheld: bool = False
    title: str = None  # Markup with <del>/<ins>, None when unchanged
    summary: str = None
    body: tuple = ()  # the changed paragraphs, marked


@dataclass(frozen=True)
class History:
    published: datetime
    changes: tuple  # newest first


def first_published(timeline):
    """The index in ``timeline`` ([(Version, Reading or None)], oldest first)
    of the version readers saw first, and when they saw it; (None, None)."""
    for index, (version, reading) in enumerate(timeline):
        if reading is None or reading.draft:
            continue
        following = timeline[index + 1][0].time if index + 1 < len(timeline) else None
        date = reading.date.timestamp()
        if following is None or date <= following:
            return index, max(version.time, date)
    return None, None


def difference(before, after, date):
    return Change(
        date=date,
        title=marked(before.title, after.title) if before.title != after.title else None,
        summary=marked(before.summary, after.summary) if before.summary != after.summary
        else None,
        body=tuple(changed_paragraphs(before.paragraphs, after.paragraphs)),
    )


def history_of(timeline, is_withheld, timezone):
    """The :class:`History` of one report, or None when it never changed."""
    start, published = first_published(timeline)
    if start is None:
        return None
    changes, shown = [], None
    for version, reading in timeline[start:]:
        if reading is None or reading.draft:
            continue  # taken offline for a while: nothing to compare
        date = datetime.fromtimestamp(version.time, timezone)
        if is_withheld(version.commit):
            changes.append(Change(date=date, withheld=True))
        elif shown is None:
            shown = reading
        elif not same_for_readers(shown, reading):
            changes.append(difference(shown, reading, date))
            shown = reading
    if not changes:
        return None
    return History(datetime.fromtimestamp(published, timezone), tuple(reversed(changes)))
