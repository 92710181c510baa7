"""Evidence figures: screenshots and documents with alt text, caption, capture
date and source, at the right size for every screen.

Editors write a ``::: figure`` block (see ``syntax.py``). It renders as a
``<figure>`` whose ``<img>`` has ``width``/``height`` (no layout shift),
``srcset`` WebP copies at 480, 800 and 1200 px made at build time with Pillow, and ``loading="lazy"`` below
the first blocks; the ``<figcaption>`` gives the type ("Screenshot",
"Illustration"...), the caption, and "Captured on DATE from DOMAIN" in the
report's language, the domain defanged like any mention.

Adds the Markdown block, the labels inside it, and the resized copies under
``images/sizes/`` in the output. The content check requires ``alt`` and the
other fields. Settings read: ``PATH``, ``OUTPUT_PATH``.
"""

import re
from datetime import date
from pathlib import Path

from babel.dates import format_date
from domain_mentions.syntax import defang
from localised_interface.localised_interface import translations_for
from markupsafe import Markup, escape
from PIL import Image
from pelican import signals
from pelican.contents import Article, Page

from .syntax import SITE_ROOT_MARK, FigureExtension, variant_name


def N_(message):
    return message


TYPE_LABELS = {
    "screenshot": N_("Screenshot"),
    "document": N_("Document"),
    "illustration": N_("Illustration"),
}
TYPE_SPAN = re.compile(r'<span class="evidence-type" data-type="(\w+)"></span>')
META_SPAN = re.compile(
    r'<span class="evidence-meta" data-captured="([^"]*)" data-source="([^"]*)"></span>'
)
TYPE = Markup('<span class="evidence-type" data-type="{}">{}</span>')
META = Markup('<span class="evidence-meta">{}</span>')
DOMAIN = Markup('<span class="domain" translate="no">{}</span>')


class Figures:
    """What one build's figures need: image sizes in, resized copies out."""

    def __init__(self, content_path):
        self.content_path = Path(content_path)
        self.wanted = set()

    def dimensions(self, image):
        with Image.open(self.content_path / image) as picture:
            return picture.size

    def write_variants(self, output_path):
        for image, width in sorted(self.wanted):
            target = Path(output_path, variant_name(image, width))
            source = self.content_path / image
            if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            with Image.open(source) as picture:
                height = round(picture.height * width / picture.width)
                resized = picture.convert("RGB").resize((width, height), Image.LANCZOS)
                resized.save(target, "WEBP", quality=85, method=6)


def add_syntax(pelican):
    figures = Figures(pelican.settings["PATH"])
    pelican.settings["EVIDENCE_FIGURES"] = figures
    extensions = pelican.settings["MARKDOWN"].setdefault("extensions", [])
    extensions[:] = [e for e in extensions if not isinstance(e, FigureExtension)]
    extensions.append(FigureExtension(figures))


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
        return TYPE.format(match[1], _(TYPE_LABELS[match[1]]))

    def details(match):
        return META.format(caption_details(_, content.lang, *match.groups()))

    html = META_SPAN.sub(details, TYPE_SPAN.sub(type_label, content._content))
    # Image URLs start from the site's root URL, which may have a path of its own.
    content._content = html.replace(SITE_ROOT_MARK, content.settings["SITEURL"])


def figure_images(root):
    """(image, srcset) of each figure in HTML whose image URLs start with ``root``."""
    return re.compile(r'<img [^>]*src="' + re.escape(root) + r'/([^"]+)" srcset="([^"]+)"')


def want_sizes(generators):
    """The image sizes the posts' figures ask for.

    Read from every post's HTML once all are read, not while each is parsed
    or labelled: Pelican's content cache can hand back a post that was not.
    """
    settings = generators[0].settings
    figures, images = settings["EVIDENCE_FIGURES"], figure_images(settings["SITEURL"])
    for content in generators[0].context["generated_content"].values():
        if isinstance(content, Article | Page) and "evidence-type" in (content._content or ""):
            for image, srcset in images.findall(content._content):
                figures.wanted.update((image, int(w)) for w in re.findall(r" (\d+)w", srcset))


def write_variants(pelican):
    pelican.settings["EVIDENCE_FIGURES"].write_variants(pelican.settings["OUTPUT_PATH"])


def register():
    signals.initialized.connect(add_syntax)
    signals.content_object_init.connect(label_figures)
    signals.all_generators_finalized.connect(want_sizes)
    signals.finalized.connect(write_variants)
