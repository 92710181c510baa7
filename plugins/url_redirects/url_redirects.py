"""Keep retired URLs working: a small page that sends readers to the new one.

``REDIRECTS`` maps an old path to its new one, both relative to the site root
(``"posts/old-slug/": "posts/new-slug/"``). Each old path gets a page in the
language of its part of the site (``ja/...`` is Japanese) with an immediate
``meta refresh``, a canonical link and a visible link, since GitHub Pages
cannot send real redirects. The URL manifest check (``make urls``) accepts a
retired URL only when it is redirected here.

Adds ``redirect_to`` and a ``listing`` of kind ``redirect`` to the context of
the pages it writes (template ``redirect``). Settings read: ``REDIRECTS``,
``SITE_LANGUAGES``, ``DEFAULT_LANG``.
"""

from pelican import signals
from pelican.generators import Generator
from site_model.languages import links_for
from site_model.listings import Listing

# What this plugin adds (for templates, Pelican and readers), and what it reads
# that another plugin adds, each at the stage where it happens: held to the order
# of PLUGINS by tests/plugins/test_plugin_contracts.py.
PROVIDES = {}
READS = {}


def language_of(path, settings):
    prefix = path.split("/", 1)[0]
    others = [lang for lang in settings["SITE_LANGUAGES"] if lang != settings["DEFAULT_LANG"]]
    return prefix if prefix in others else settings["DEFAULT_LANG"]


def page_file(path):
    return path if path.endswith(".html") else f"{path.rstrip('/')}/index.html"


class RedirectsGenerator(Generator):
    def generate_output(self, writer):
        for old, new in sorted(self.settings.get("REDIRECTS", {}).items()):
            lang = language_of(old, self.settings)
            listing = Listing(lang, "redirect", old, links_for(self.settings, lang, {lang: new}))
            writer.write_file(
                page_file(old),
                self.get_template("redirect"),
                self.context,
                listing=listing,
                redirect_to=new,
            )


def get_generators(pelican):
    return RedirectsGenerator


def register():
    signals.get_generators.connect(get_generators)
