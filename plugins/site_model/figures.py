"""The editors' evidence figure block::

    ::: figure
    image: /images/screenshot.png
    alt: What the picture shows, for readers who cannot see it
    caption: What it is evidence of
    type: screenshot
    captured: 2016-09-14
    source: example.net
    :::

``image``, ``alt`` and ``caption`` are required; ``type`` is ``screenshot``
(default), ``document`` or ``illustration``; ``captured`` is a date and
``source`` the domain it came from (shown defanged, never linked). Blank lines
inside the block are allowed.
"""

import re
from pathlib import PurePosixPath

from .catalogs import N_

OPEN = re.compile(r"^:::\s*figure\s*$")
CLOSE = re.compile(r"^:::\s*$")
FIELD = re.compile(r"^(?P<key>[a-z]+):\s*(?P<value>.*)$")
FIELDS = ("image", "alt", "caption", "type", "captured", "source")
REQUIRED = ("image", "alt", "caption")
TYPES = {
    "screenshot": N_("Screenshot"),
    "document": N_("Document"),
    "illustration": N_("Illustration"),
}
WIDTHS = (480, 800, 1200)
CAPTURED = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
# Where the smaller copies of figure images are written, under the output.
SIZES_FOLDER = "images/sizes"


def figure_blocks(lines, first_line=1):
    """[(line of '::: figure', {field: (value, line)}, closed)] in ``lines``."""
    blocks = []
    current = None
    for number, line in enumerate(lines, start=first_line):
        if current is None:
            if OPEN.match(line.strip()):
                current = (number, {}, False)
            continue
        start, fields, _ = current
        if CLOSE.match(line.strip()):
            blocks.append((start, fields, True))
            current = None
        elif match := FIELD.match(line.strip()):
            fields.setdefault(match["key"], (match["value"].strip(), number))
    if current is not None:
        blocks.append(current)
    return blocks


def image_path(value):
    """The image's path inside the content folder: "/images/a.png" -> "images/a.png"."""
    return value.removeprefix("{static}").lstrip("/")


def variant_name(image, width):
    """The WebP copy of ``image`` (a path inside the content folder) at ``width``.

    Named after the image's whole path, so two images that share a file name
    in different folders never share their copies.
    """
    inside = PurePosixPath(image).with_suffix("")
    if inside.parts and inside.parts[0] == "images":
        inside = PurePosixPath(*inside.parts[1:])
    return f"{SIZES_FOLDER}/{inside.as_posix()}-{width}.webp"
