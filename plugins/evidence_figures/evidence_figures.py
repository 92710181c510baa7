"""Evidence figures: screenshots and documents with alt text, caption, capture
date and source, at the right size for every screen.

Editors write a ``::: figure`` block (see :mod:`site_model.figures`). It
renders as a ``<figure>`` whose ``<img>`` has ``width``/``height`` (no layout
shift), ``srcset`` WebP copies at 480, 800 and 1200 px made at build time
with Pillow, and ``loading="lazy"`` below the first blocks; the
``<figcaption>`` gives the type ("Screenshot", "Illustration"...), the
caption, and "Captured on DATE from DOMAIN" in the report's language, the
domain defanged like any mention.

Adds the Markdown block, the labels inside it, and the resized copies under
``images/sizes/`` in the output, made only for figures in reports whose page
this build writes (an embargoed report's figure stays out). The content check
requires ``alt`` and the other fields. Settings read: ``PATH``,
``DRAFT_SAVE_AS``, ``SITEURL``.
"""

import re
from datetime import date
from pathlib import Path

from babel.dates import format_date
from markupsafe import Markup, escape
from PIL import Image
from pelican import signals
from pelican.contents import Article, Page
from pelican.generators import Generator
from site_model.catalogs import translations_for
from site_model.domains import defang
from site_model.figures import TYPES, variant_name
from site_model.urls import is_written

from .markdown_syntax import SITE_ROOT_MARK, FigureExtension

# What this plugin adds (for templates, Pelican and readers), and what it reads
# that another plugin adds, each at the stage where it happens: held to the order
# of PLUGINS by tests/plugins/test_plugin_contracts.py.
PROVIDES = {"article.content": "content_object_init"}
READS = {}

TYPE_SPAN = re.compile(r'<span class="evidence-type" data-type="(\w+)"></span>')
META_SPAN = re.compile(
    r'<span class="evidence-meta" data-captured="([^"]*)" data-source="([^"]*)"></span>'
)
TYPE = Markup('<span class="evidence-type" data-type="{}">{}</span>')
META = Markup('<span class="evidence-meta">{}</span>')
DOMAIN = Markup('<span class="domain" translate="no">{}</span>')


def add_syntax(pelican):
    extensions = pelican.settings["MARKDOWN"].setdefault("extensions", [])
    extensions[:] = [e for e in extensions if not isinstance(e, FigureExtension)]
    extensions.append(FigureExtension(pelican.settings["PATH"]))


def caption_details(_, lang, captured, source):
    """'Captured on 14 September 2016 from example[.]net', in the report's language."""
    values = {"date": "", "source": ""}
    if captured:
        values["date"] = format_date(date.fromisoformat(captured), "long", locale=lang)
    if source:
        values["source"] = DOMAIN.format(defang(source))
    if captured and source:
        message = _("Captured on %(date)s from %(source)s")
    elif captured:
        message = _("Captured on %(date)s")
    else:
        message = _("From %(source)s")
    return escape(message) % values


def label_figures(content):
    if not isinstance(content, Article | Page) or "evidence-type" not in (content._content or ""):
        return
    _ = translations_for(content.settings, content.lang).gettext

    def type_label(match):
        return TYPE.format(match[1], _(TYPES[match[1]]))

    def details(match):
        return META.format(caption_details(_, content.lang, *match.groups()))

    html = META_SPAN.sub(details, TYPE_SPAN.sub(type_label, content._content))
    # Image URLs start from the site's root URL, which may have a path of its own.
    content._content = html.replace(SITE_ROOT_MARK, content.settings["SITEURL"])


def figure_images(root):
    """(image, srcset) of each figure in HTML whose image URLs start with ``root``."""
    return re.compile(r'<img [^>]*src="' + re.escape(root) + r'/([^"]+)" srcset="([^"]+)"')


class FigureSizesGenerator(Generator):
    """Makes the smaller copies the published reports' figures ask for."""

    def generate_context(self):
        # Read from the reports' HTML once all are read, not while each is
        # parsed: Pelican's content cache can hand back a report that was not.
        images = figure_images(self.settings["SITEURL"])
        self.wanted = set()
        for content in self.context["generated_content"].values():
            html = getattr(content, "_content", None) or ""
            if "evidence-type" in html and is_written(content, self.settings):
                for image, srcset in images.findall(html):
                    self.wanted.update((image, int(w)) for w in re.findall(r" (\d+)w", srcset))

    def generate_output(self, writer):
        content_path = Path(self.settings["PATH"])
        for image, width in sorted(self.wanted):
            target = Path(self.output_path, variant_name(image, width))
            source = content_path / image
            if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            with Image.open(source) as picture:
                height = round(picture.height * width / picture.width)
                resized = picture.convert("RGB").resize((width, height), Image.LANCZOS)
                resized.save(target, "WEBP", quality=85, method=6)


def get_generators(pelican):
    return FigureSizesGenerator


def register():
    signals.initialized.connect(add_syntax)
    signals.content_object_init.connect(label_figures)
    signals.get_generators.connect(get_generators)
