"""Atom feeds in a page's language, with absolute links and stable dates."""

from datetime import UTC, datetime

from feedgenerator import Atom1Feed, get_tag_uri

from .catalogs import translations_for
from .html_policy import require_clean
from .output import is_current, write_text
from .urls import absolute, site_root

TAGLINE = (
    "The Latest on Internet Pharmacies, Supplements, Designer Drugs, "
    "and Other High-Risk Merchants"
)


class StableAtomFeed(Atom1Feed):
    """An Atom feed whose <updated> never comes from the clock.

    feedgenerator dates an empty feed "now", which would make two builds of
    the same commit differ; an empty feed is dated at the epoch instead.
    """

    def latest_post_date(self):
        if any(item.get("updateddate") or item.get("pubdate") for item in self.items):
            return super().latest_post_date()
        return datetime(1970, 1, 1, tzinfo=UTC)


def feed_title(settings, lang, title):
    """"Site: Title" in ``lang``, with the colon that language uses."""
    _ = translations_for(settings, lang).gettext
    site = settings["SITENAME"]
    return _("%(site)s: %(title)s") % {"site": site, "title": _(title)} if title else site


def write_feed(writer, settings, path, lang, title, items, page_url):
    """Write an Atom feed of ``items`` (reports, or anything with ``title``,
    ``url``, ``date``, ``summary`` and ``get_content``) in ``lang``.

    Goes through the writer, so a warm rebuild keeps a feed whose items did
    not change and removes one no longer written. Every item's HTML is held to
    the site's HTML policy first.
    """
    items = items[: settings["FEED_MAX_ITEMS"]]
    if is_current(writer, path, (lang, title, page_url, items)):
        return
    _ = translations_for(settings, lang).gettext
    feed = StableAtomFeed(
        title=feed_title(settings, lang, title),
        link=absolute(settings, page_url),
        feed_url=absolute(settings, path),
        description=_(TAGLINE),
        language=lang,
    )
    siteurl = site_root(settings)
    for item in items:
        link = absolute(settings, item.url)
        content = item.get_content(siteurl)
        require_clean(content, where=(item, "body"), own_root=siteurl)
        require_clean(item.summary, where=(item, "Summary"), own_root=siteurl)
        feed.add_item(
            title=item.title,
            link=link,
            unique_id=get_tag_uri(link, item.date),
            description=item.summary,
            content=content,
            pubdate=item.date,
            updateddate=getattr(item, "modified", None) or item.date,
        )
    write_text(writer, path, feed.writeString("utf-8"))
