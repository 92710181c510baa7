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
this build writes (an embargoed report's figure stays out), without EXIF or
XMP and with the original's colour profile, through the build's writer. The
content check requires ``alt`` and the other fields; before any post is read,
every figure's image is read too (:mod:`.figure_images`), so one that cannot
be shown is named with its line. Settings read: ``PATH``, ``DRAFT_SAVE_AS``,
``SITEURL``, ``ARTICLE_PATHS``, ``PAGE_PATHS``, ``SITE_LANGUAGES``,
``DEFAULT_LANG``, ``TRANSLATIONS_DIR``, ``WARM_STATE``.
"""

import io
import re
from datetime import date
from pathlib import Path, PurePosixPath

from babel.dates import format_date
from markupsafe import Markup, escape
from pelican import signals
from pelican.contents import Article, Page
from pelican.generators import Generator
from PIL import Image, ImageOps
from site_model.catalogs import translations_for
from site_model.domains import defang
from site_model.figures import (
    IMAGE_PROBLEMS,
    TYPES,
    WIDTHS,
    ImageProblem,
    image_file,
    open_image,
    orientation,
    problem_values,
    read_pixels,
    upright_size,
    variant_name,
)
from site_model.output import keep, write_bytes
from site_model.problems import ContentProblems, Problem
from site_model.urls import is_written

from .figure_images import check_figure_images, image_line
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
        self.shown_in = {}  # image -> the first report showing it, to name a problem
        for content in self.context["generated_content"].values():
            html = getattr(content, "_content", None) or ""
            if "evidence-type" in html and is_written(content, self.settings):
                for image, srcset in images.findall(html):
                    widths = self.widths_for(image, re.findall(r" (\d+)w", srcset))
                    self.wanted.update((image, width) for width in widths)
                    self.shown_in.setdefault(image, content)

    def widths_for(self, image, asked):
        """The widths of ``image`` to make, of those ``asked``: only an image in
        the static folders inside the content folder, only the sizes the figure
        syntax makes (WIDTHS below the image's own, and its own). Raw HTML that
        mimics a figure asks for nothing else."""
        if PurePosixPath(image).parts[:1] not in [(p,) for p in self.settings["STATIC_PATHS"]]:
            return set()
        try:
            with open_image(image_file(self.settings["PATH"], image)) as picture:
                own = upright_size(picture)[0]
        except ImageProblem:
            return set()  # the figure check names it by line
        allowed = {w for w in WIDTHS if w < own} | {own}
        return {int(width) for width in asked if int(width) in allowed}

    def generate_output(self, writer):
        content_path = Path(self.settings["PATH"])
        problems = []
        for image, width in sorted(self.wanted):
            name = variant_name(image, width)
            target = Path(self.output_path, name)
            source = content_path / image
            if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
                keep(writer, name)
                continue
            try:
                write_bytes(writer, name, smaller_copy(source, width))
            except ImageProblem as problem:
                problems.append(self.problem(image, problem.code))
        if problems:
            raise ContentProblems(problems)

    def problem(self, image, code):
        """The figure showing ``image`` whose pixels could not be read, named."""
        content = self.shown_in[image]
        shown = Path(Path(self.settings["PATH"]).name,
                     Path(content.source_path).relative_to(self.settings["PATH"])).as_posix()
        _ = translations_for(self.settings, content.lang).gettext
        line, value = image_line(Path(content.source_path).read_text(encoding="utf-8"), image)
        return Problem(shown, line, "figure", _(IMAGE_PROBLEMS[code]) % problem_values(value))


def upright_copy(picture):
    """``picture`` turned as a browser shows its published original."""
    if orientation(picture) == 1:
        return picture
    try:
        return ImageOps.exif_transpose(picture)
    except Exception:  # noqa: BLE001 - EXIF written by anyone: unreadable means upright
        return picture


def smaller_copy(source, width):
    """The WebP bytes of the image at ``source``, ``width`` pixels wide, upright:
    no EXIF or XMP (nothing about the camera), the original's colour profile."""
    with open_image(source) as picture:
        read_pixels(picture)
        profile = picture.info.get("icc_profile") or b""
        if picture.mode not in ("RGB", "RGBA", "P"):
            profile = b""  # a profile for CMYK or grey pixels does not fit RGB ones
        upright = upright_copy(picture)
        height = round(upright.height * width / upright.width)
        resized = upright.convert("RGB").resize((width, height), Image.LANCZOS)
    out = io.BytesIO()
    # Quality 80: a screenshot's text stays sharp, and a report with its first
    # figure stays within a phone's 30 KB (tests/test_page_weight.py).
    resized.save(out, "WEBP", quality=80, method=6, exif=b"", xmp=b"", icc_profile=profile)
    return out.getvalue()


def get_generators(pelican):
    # Before any post is read: a figure whose image cannot be shown is named
    # with its line, not left to fail inside Markdown.
    check_figure_images(pelican.settings)
    return FigureSizesGenerator


def register():
    signals.initialized.connect(add_syntax)
    signals.content_object_init.connect(label_figures)
    signals.get_generators.connect(get_generators)
