"""Images published without their metadata: a photo never tells where it was taken.

Pelican copies ``content/images/`` to the site as it is, and a camera's JPEG
carries its GPS position, serial number and owner's name in EXIF; editing
programs add XMP, IPTC and comments. This plugin takes over Pelican's copy of
every image (``static_generator_init``: the static generator's copy of one
file is replaced, so Pelican still decides which files are published and
where): the published file is the original's bytes without EXIF, XMP, IPTC,
GPS, comments, text chunks or anything after the image's end, rewritten by
the format's structure (:mod:`.strip`), so pixels, colour profile (ICC) and
animation are exactly the original's and every build writes the same bytes.
A JPEG keeps only its orientation, so a photo taken sideways still shows
upright.

The copy goes through the build's writer (``site_model.output.write_bytes``),
so the live preview's journal holds it until the build succeeds. An image
that cannot be rewritten (damaged, too large, or of a format such as AVIF,
TIFF or HEIC) stops the build with ``content/images/NAME: file: message
(fix)``, in the site's default language: it is never published as it is.

Adds nothing to the template context. Settings read: ``PATH``,
``OUTPUT_PATH``, ``DEFAULT_LANG``, ``TRANSLATIONS_DIR``.
"""

import io
import os
from pathlib import Path

from pelican import signals
from site_model.catalogs import N_, translations_for
from site_model.figures import IMAGE_PROBLEMS, ImageProblem, open_image, problem_values
from site_model.output import write_bytes
from site_model.problems import ContentProblems, Problem

from .strip import DamagedImage, UnknownImage, format_of, stripped

# What this plugin adds (for templates, Pelican and readers), and what it reads
# that another plugin adds, each at the stage where it happens: held to the order
# of PLUGINS by tests/plugins/test_plugin_contracts.py.
PROVIDES = {}
READS = {}

# Names of image files, published or not: one whose bytes this module cannot
# rewrite is refused rather than copied with its metadata.
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".jpe", ".jfif", ".png", ".apng", ".gif", ".webp",
                  ".avif", ".heic", ".heif", ".tif", ".tiff", ".jxl", ".bmp", ".ico"}
MESSAGES = {
    "unknown": N_("is an image the site cannot publish without its metadata (location, "
                  "camera) (save it as PNG, JPEG, GIF or WebP)"),
    "damaged": N_("is damaged: %(reason)s (open it and save it again as a PNG or JPEG file)"),
}


def publish_images_stripped(generator):
    """Route the static generator's copy of each image through :func:`publish`."""
    copy = generator._link_or_copy_staticfile
    update_required = generator._file_update_required
    generate_output = generator.generate_output
    settings = generator.settings

    def generate_output_stripped(writer):
        refused = []

        def link_or_copy(static):
            if is_image(settings, static):
                publish(settings, writer, static, refused)
            else:
                copy(static)

        # An image is written every build: Pelican would keep a link to the
        # original (STATIC_CREATE_LINKS), or a copy made before this plugin.
        generator._file_update_required = lambda static: (
            is_image(settings, static) or update_required(static))
        generator._link_or_copy_staticfile = link_or_copy
        try:
            generate_output(writer)
        finally:
            generator._link_or_copy_staticfile = copy
            generator._file_update_required = update_required
        if refused:
            raise ContentProblems(refused)

    generator.generate_output = generate_output_stripped


def is_image(settings, static):
    """Whether the static file is an image, by its bytes or by its name."""
    source = Path(settings["PATH"], static.source_path)
    with open(source, "rb") as stream:
        head = stream.read(16)
    return format_of(head) is not None or source.suffix.lower() in IMAGE_SUFFIXES


def publish(settings, writer, static, refused):
    """Write the image ``static`` without metadata, or add to ``refused`` why not."""
    source = Path(settings["PATH"], static.source_path)
    relative = source.relative_to(settings["PATH"]).as_posix()
    shown = f"{Path(settings['PATH']).name}/{relative}"
    _ = translations_for(settings, settings["DEFAULT_LANG"]).gettext
    try:
        with open_image(source):  # its size, before any pixel is decoded
            pass
        data = stripped(source.read_bytes())
        with open_image(io.BytesIO(data)):  # what is published still opens as an image
            pass
    except ImageProblem as problem:
        if problem.code == "not-an-image":
            refused.append(Problem(shown, 0, "file", _(MESSAGES["unknown"])))
        else:
            values = problem_values(relative)
            refused.append(Problem(shown, 0, "file", _(IMAGE_PROBLEMS[problem.code]) % values))
        return
    except UnknownImage:
        refused.append(Problem(shown, 0, "file", _(MESSAGES["unknown"])))
        return
    except DamagedImage as damage:
        refused.append(Problem(shown, 0, "file", _(MESSAGES["damaged"]) % {
            "reason": _(str(damage))}))
        return
    unlink_if_linked(source, Path(settings["OUTPUT_PATH"], static.save_as))
    write_bytes(writer, static.save_as, data)


def unlink_if_linked(source, target):
    """An earlier build may have linked the published file to the original
    (``STATIC_CREATE_LINKS``): writing through the link would strip the original."""
    try:
        if target.is_symlink() or os.path.samefile(source, target):
            target.unlink()
    except FileNotFoundError:
        pass


def register():
    signals.static_generator_init.connect(publish_images_stripped)
