"""Hold back posts dated in the future until a build on or after their date.

A published post whose ``Date`` is later than now is treated as a draft: it
shows in the preview (with the draft banner) and is left out of
``make publish``, so the first scheduled publish on or after its date puts it
online. "Now" is the ``SITE_NOW`` environment variable (ISO 8601) when set, so
tests and rebuilds of an old commit can fix it; otherwise the clock.

Adds nothing to the template context; reads no settings.
"""

from pelican import signals
from pelican.contents import Article
from site_model.clock import site_now

# What this plugin adds (for templates, Pelican and readers), and what it reads
# that another plugin adds, each at the stage where it happens: held to the order
# of PLUGINS by tests/plugins/test_plugin_contracts.py.
PROVIDES = {"article.status": "content_object_init"}
READS = {}


def hold_future_posts(content):
    if not isinstance(content, Article) or content.status != "published":
        return
    date = getattr(content, "date", None)
    if date and date > site_now():
        content.status = "draft"


def register():
    signals.content_object_init.connect(hold_future_posts)
