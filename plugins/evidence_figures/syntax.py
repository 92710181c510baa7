"""The editors' figure block, and the Markdown extension that renders it.

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
``source`` the domain it came from (shown defanged, never linked).
"""

import re
import xml.etree.ElementTree as etree
from pathlib import Path

from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension

OPEN = re.compile(r"^:::\s*figure\s*$")
CLOSE = re.compile(r"^:::\s*$")
FIELD = re.compile(r"^(?P<key>[a-z]+):\s*(?P<value>.*)$")
FIELDS = ("image", "alt", "caption", "type", "captured", "source")
REQUIRED = ("image", "alt", "caption")
TYPES = ("screenshot", "document", "illustration")
WIDTHS = (480, 800, 1200)
# Replaced by SITEURL once the post is read (see evidence_figures.label_figures).
SITE_ROOT_MARK = "{figure-root}"


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
            fields[match["key"]] = (match["value"].strip(), number)
    if current is not None:
        blocks.append(current)
    return blocks


def variant_name(image, width):
    return f"images/sizes/{Path(image).stem}-{width}.webp"


class FigureProcessor(BlockProcessor):
    def __init__(self, parser, figures):
        super().__init__(parser)
        self.figures = figures

    def test(self, parent, block):
        return bool(OPEN.match(block.split("\n", 1)[0].strip()))

    def run(self, parent, blocks):
        block = blocks.pop(0)
        [(_, fields, _)] = figure_blocks(block.split("\n"))
        value = {key: text for key, (text, _) in fields.items()}
        image = value["image"].removeprefix("{static}").lstrip("/")
        width, height = self.figures.dimensions(image)
        figure = etree.SubElement(parent, "figure")
        figure.set("class", f"evidence evidence-{value.get('type', 'screenshot')}")
        img = etree.SubElement(figure, "img")
        widths = [w for w in WIDTHS if w < width] + [width]
        # WebP copies for every width; the original stays the fallback and the
        # full-quality evidence a reader can open.
        img.set("src", f"{SITE_ROOT_MARK}/{image}")
        img.set("srcset", ", ".join(f"{SITE_ROOT_MARK}/{variant_name(image, w)} {w}w" for w in widths))
        img.set("sizes", "(max-width: 44rem) 100vw, 42rem")
        img.set("width", str(width))
        img.set("height", str(height))
        img.set("alt", value["alt"])
        img.set("decoding", "async")
        # The first blocks of a report are on screen at once; the rest can wait.
        img.set("loading", "eager" if len(parent) <= 2 else "lazy")
        caption = etree.SubElement(figure, "figcaption")
        kind = etree.SubElement(caption, "span")
        kind.set("class", "evidence-type")
        kind.set("data-type", value.get("type", "screenshot"))
        kind.tail = " " + value["caption"]
        if value.get("captured") or value.get("source"):
            meta = etree.SubElement(caption, "span")
            meta.set("class", "evidence-meta")
            meta.set("data-captured", value.get("captured", ""))
            meta.set("data-source", value.get("source", ""))


class FigureExtension(Extension):
    def __init__(self, figures, **kwargs):
        self.figures = figures
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        md.parser.blockprocessors.register(FigureProcessor(md.parser, self.figures), "figure", 105)
