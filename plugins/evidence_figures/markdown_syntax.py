"""The Markdown side of the ``::: figure`` block (syntax in
:mod:`site_model.figures`): a ``<figure>`` with an ``<img>`` and its caption."""

import xml.etree.ElementTree as etree

from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from site_model.figures import (
    CLOSE,
    IMAGE_PROBLEMS,
    OPEN,
    WIDTHS,
    ImageProblem,
    figure_blocks,
    image_file,
    image_path,
    open_image,
    problem_values,
    upright_size,
    variant_name,
)

# Replaced by SITEURL once the post is read (see evidence_figures.label_figures).
SITE_ROOT_MARK = "{figure-root}"


class FigureError(ValueError):
    """A figure block that cannot be rendered: the content check names the line."""


def image_size(content_path, image):
    """(width, height) of ``image`` as a browser shows it (turned upright)."""
    try:
        with open_image(image_file(content_path, image)) as picture:
            return upright_size(picture)
    except ImageProblem as problem:
        # Reached only when the checks before reading are off: they name the line.
        raise FigureError(IMAGE_PROBLEMS[problem.code] % problem_values(image)) from None


class FigureProcessor(BlockProcessor):
    def __init__(self, parser, content_path):
        super().__init__(parser)
        self.content_path = content_path

    def test(self, parent, block):
        return bool(OPEN.match(block.split("\n", 1)[0].strip()))

    def run(self, parent, blocks):
        block = blocks.pop(0)
        # Markdown splits blocks at blank lines; a figure runs to its ":::".
        while not any(CLOSE.match(line.strip()) for line in block.split("\n")[1:]) and blocks:
            block += "\n\n" + blocks.pop(0)
        [(_, fields, _), *_] = figure_blocks(block.split("\n"))
        value = {key: text for key, (text, _) in fields.items()}
        if not all(value.get(key) for key in ("image", "alt", "caption")):
            raise FigureError("a figure needs image, alt and caption")
        image = image_path(value["image"])
        width, height = image_size(self.content_path, image)
        figure = etree.SubElement(parent, "figure")
        figure.set("class", f"evidence evidence-{value.get('type', 'screenshot')}")
        img = etree.SubElement(figure, "img")
        widths = [w for w in WIDTHS if w < width] + [width]
        # WebP copies for every width; the original stays the fallback and the
        # full-quality evidence a reader can open.
        img.set("src", f"{SITE_ROOT_MARK}/{image}")
        img.set("srcset", ", ".join(
            f"{SITE_ROOT_MARK}/{variant_name(image, w)} {w}w" for w in widths))
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
    def __init__(self, content_path, **kwargs):
        self.content_path = content_path
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        md.parser.blockprocessors.register(
            FigureProcessor(md.parser, self.content_path), "figure", 105)
