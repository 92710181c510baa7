"""The output gate: what is published is checked, not only what was written.

The content check reads the Markdown; this plugin holds what the build makes
of it to the site's HTML policy (:mod:`site_model.html_policy`), in every
build (``make build``, ``make publish`` and the live preview):

1. **Content.** Once every post and page is read, the converted HTML of each
   body and summary (captions are part of the body; notes are escaped text)
   is checked against the allowlist of elements, attributes, classes and URL
   schemes, read with an HTML5 parser. Anything outside it fails the build,
   naming the file, the field and, where it can be found in the source, the
   line, in the file's language. Then, as the last line of defence, the HTML
   is passed through Ammonia (``nh3``) with the same allowlist, so nothing
   outside it can reach a page or a feed whatever the trick.
2. **Pages.** Every page rendered is checked as a whole, on the string
   Pelican writes (``{static}``/``{filename}`` already filled in): only the
   elements, attributes, ``link rel`` values and ``meta`` names the theme
   uses (an allowlist, :func:`site_model.html_policy.page_violations`), no
   script but the theme's own files (``OUTPUT_GATE_SCRIPTS``, by exact URL)
   and JSON-LD, no event-handler attribute, no ``javascript:``/``vbscript:``/
   ``data:`` URL, no HTML comment, a ``<meta http-equiv="refresh">`` only on
   the redirect pages (template ``redirect.html``) and only to the site
   itself, and no link, in any URL form, to a domain any report names in any
   field (:func:`site_model.domains.mentions_in` of each source file, the
   content check's list). Every URL is read against the page's own
   address by the browser's URL reader (:mod:`site_model.web_url`).
3. **Static files.** Only files that a page this build writes refers to are
   published (an embargoed report's screenshot stays out until the report
   goes out); a static file that is a symbolic link, or that resolves outside
   the content folder, fails the build.
4. **The output folder** holds no symbolic link and nothing that resolves
   outside it.

Adds ``_output_gate`` (the build's :class:`Gate`) to the context; the
templates read nothing from it. Settings read: ``OUTPUT_GATE_SCRIPTS``
(theme files a page may load, relative to ``THEME_STATIC_DIR``; default
``["js/search.js"]``), ``SITEURL``, ``THEME_STATIC_DIR``, ``PATH``,
``DRAFT_SAVE_AS``, ``DRAFT_LANG_SAVE_AS``, ``TRANSLATIONS_DIR``.
"""

from pelican import signals

from .gate import GATE, Gate, GatedTemplate, check_output_folder

# What this plugin adds (for templates, Pelican and readers), and what it reads
# that another plugin adds, each at the stage where it happens: held to the order
# of PLUGINS by tests/plugins/test_plugin_contracts.py.
PROVIDES = {"article.content": "page_generator_finalized",
            "article.summary": "page_generator_finalized",
            "context.staticfiles": "static_generator_finalized"}
READS = {}


def open_gate(generator):
    gate = generator.context.get(GATE)
    if gate is None:
        gate = generator.context[GATE] = Gate(generator.settings, generator.context)
    generator.env.template_class = GatedTemplate


def check_content(generator):
    # As soon as every post and page is read: whatever reads their HTML later
    # (the Site, summaries, feeds, pages) reads it checked and cleaned.
    generator.context[GATE].check_content()


def keep_referenced_static(generator):
    generator.context[GATE].keep_referenced_static(generator)


def check_folder(pelican):
    check_output_folder(pelican.output_path, pelican.settings)


def register():
    signals.generator_init.connect(open_gate)
    signals.static_generator_finalized.connect(keep_referenced_static)
    signals.page_generator_finalized.connect(check_content)
    signals.finalized.connect(check_folder)
