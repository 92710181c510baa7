"""A report's changes since publication, from its committed versions.

The history starts at the first version readers saw: the first commit in
which the report is neither a draft nor dated after the next commit (an
embargoed report is published when its date is reached, with the version
then in place). A later commit that changes nothing readers see (title,
summary, body text) is skipped. A withheld change is listed by its date
only, and what it wrote (a title, summary or paragraph no earlier version
had) appears in no comparison: later changes are compared with the withheld
version, and a later change to a withheld passage is withheld too.
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
    partly_withheld: bool = False  # some of it touched text a withheld change wrote


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


def written_by(reading, before):
    """The passages ``reading`` has that ``before`` had not."""
    texts = {reading.title, reading.summary, *reading.paragraphs}
    if before is not None:
        texts -= {before.title, before.summary, *before.paragraphs}
    return texts - {""}


def difference(before, after, date, hidden):
    """The change from ``before`` to ``after``; a passage in ``hidden`` (written
    by a withheld change), before or after, is left out."""
    pairs = [("title", before.title, after.title), ("summary", before.summary, after.summary)]
    pairs += [("body", old, new) for old, new in changed_paragraphs(before.paragraphs,
                                                                    after.paragraphs)]
    shown, left_out = {"title": None, "summary": None, "body": []}, False
    for field, old, new in pairs:
        if old == new:
            continue
        if old in hidden or new in hidden:
            # A later edit of a withheld passage is withheld, and so are edits of it.
            hidden.update(text for text in (old, new) if text)
            left_out = True
        elif field == "body":
            shown["body"].append(marked(old, new))
        else:
            shown[field] = marked(old, new)
    if left_out and not (shown["title"] or shown["summary"] or shown["body"]):
        return Change(date=date, withheld=True)
    return Change(date=date, title=shown["title"], summary=shown["summary"],
                  body=tuple(shown["body"]), partly_withheld=left_out)


def history_of(timeline, is_withheld, timezone):
    """The :class:`History` of one report, or None when it never changed."""
    start, published = first_published(timeline)
    if start is None:
        return None
    changes, shown, hidden = [], None, set()
    for version, reading in timeline[start:]:
        if reading is None or reading.draft:
            continue  # taken offline for a while: nothing to compare
        if reading.date.timestamp() > version.time:
            continue  # dated after its commit: held back, readers never saw it then
        date = datetime.fromtimestamp(version.time, timezone)
        if is_withheld(version.commit):
            changes.append(Change(date=date, withheld=True))
            hidden |= written_by(reading, shown)
        elif shown is not None and not same_for_readers(shown, reading):
            changes.append(difference(shown, reading, date, hidden))
        elif shown is not None:
            continue
        shown = reading
    if not changes:
        return None
    return History(datetime.fromtimestamp(published, timezone), tuple(reversed(changes)))
