"""The build's "now": the ``SITE_NOW`` environment variable (ISO 8601) when it
is set, so tests and rebuilds of an old commit can fix it; otherwise the clock."""

import os
from datetime import UTC, datetime


def site_now():
    fixed = os.environ.get("SITE_NOW")
    if not fixed:
        return datetime.now(UTC)
    moment = datetime.fromisoformat(fixed)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
