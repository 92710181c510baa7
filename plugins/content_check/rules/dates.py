"""``Date`` and ``Modified``: real dates, and a change between the post's
publication and the build.

"Now" is the build's date as ``scheduled_posts`` reads it: the ``SITE_NOW``
environment variable (ISO 8601) when set, otherwise the clock. A header's date
without a zone is in ``TIMEZONE``, as Pelican reads it.
"""

import os
import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from site_model.catalogs import N_

FULL_DATE = re.compile(
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9]{2}:[0-9]{2}(:[0-9]{2})?([+-][0-9]{2}:?[0-9]{2}|Z)?$")
PARTIAL_DATE = re.compile(r"^[0-9]{4}(-[0-9]{1,2}(-[0-9]{1,2})?)?$")


def site_now(environ=os.environ):
    """The build's date, or None when ``SITE_NOW`` is set but is not a date."""
    fixed = environ.get("SITE_NOW")
    if not fixed:
        return datetime.now(UTC)
    try:
        moment = datetime.fromisoformat(fixed)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def check_site_now(self):
    if self.now is None:
        self.say("SITE_NOW", 0, "SITE_NOW", N_(
            "'%(value)s' is not a date and time (set it like 2016-10-05T09:00, or unset "
            "it to use the clock)"), value=os.environ.get("SITE_NOW", ""))


def check_dates(self, doc):
    if doc.kind == "post":
        check_date(self, doc, "date")
    if doc.value("modified"):
        check_date(self, doc, "modified")
        check_modified_after_date(self, doc)


def check_date(self, doc, key):
    value = doc.value(key)
    if not value:
        return
    name = key.title()
    if PARTIAL_DATE.match(value):
        self.report(doc, doc.line(key), name, N_(
            "'%(value)s' is a partial date (give the full date and time, e.g. "
            "'2016-10-05 09:00')"), value=value)
        return
    try:
        if not FULL_DATE.match(value):
            raise ValueError
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        self.report(doc, doc.line(key), name, N_(
            "'%(value)s' is not a date (write YYYY-MM-DD HH:MM, e.g. "
            "'2016-10-05 09:00')"), value=value)


def zone(self):
    return ZoneInfo(self.settings.get("TIMEZONE") or "UTC")


def moment(self, value):
    """A header's date as Pelican reads it, or None when it is no full date."""
    if not value or not FULL_DATE.match(value):
        return None
    try:
        read = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return read if read.tzinfo else read.replace(tzinfo=zone(self))


def check_modified_after_date(self, doc):
    modified, date = moment(self, doc.value("modified")), moment(self, doc.value("date"))
    if modified and date and modified < date:
        self.report(doc, doc.line("modified"), "Modified", N_(
            "'%(value)s' is before the Date, %(date)s (a change comes after publication: "
            "give the date of the change)"), value=doc.value("modified"),
            date=doc.value("date"))


def check_modified_not_after_now(self, doc):
    """Run at every check, never remembered: "now" moves."""
    modified = moment(self, doc.value("modified"))
    if modified and self.now and modified > self.now:
        local = self.now.astimezone(zone(self))
        self.report(doc, doc.line("modified"), "Modified", N_(
            "'%(value)s' is later than this build, %(now)s (give the date the change was "
            "made)"), value=doc.value("modified"), now=local.strftime("%Y-%m-%d %H:%M"))
