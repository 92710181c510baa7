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

Every image the site reads (a figure's, one in ``content/images/``) is opened
with :func:`open_image`: its size is checked before any pixel is decoded, and
whatever cannot be read is an :class:`ImageProblem` whose code names one of
``IMAGE_PROBLEMS``, never a Pillow exception or warning.
"""

import re
import unicodedata
import warnings
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from PIL import Image

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
# What Pillow calls the formats the site publishes (AVIF is not among them: its
# metadata cannot be taken out without encoding its pixels again).
PUBLISHED_FORMATS = ("PNG", "JPEG", "MPO", "GIF", "WEBP")  # MPO: a camera's JPEG


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


# Reading an image named by a post, or published from content/images/

# Larger than any screenshot or scan (an 8K screen is 33 million pixels), far
# below what would exhaust the build's memory; Pillow's own limit is not
# changed, its warning is never shown to an editor.
MAX_PIXELS = 50_000_000
IMAGE_PROBLEMS = {
    "unsafe-name": N_("'%(image)s' has a character no file name may hold (write the "
                      "image's path as it appears in content/images/)"),
    "outside": N_("'%(image)s' is not inside the content folder (put the image in "
                  "content/images/ and write /images/NAME)"),
    "missing": N_("'%(image)s' does not exist (check the path; '/' starts at the content "
                  "folder)"),
    "not-a-file": N_("'%(image)s' is a folder or a link, not an image (name the image "
                     "file itself, e.g. /images/NAME.png)"),
    "not-an-image": N_("'%(image)s' is not an image (a figure shows a PNG, JPEG, GIF or "
                       "WebP file from content/images/)"),
    "damaged": N_("'%(image)s' is damaged and cannot be read (open it and save it again "
                  "as a PNG or JPEG file)"),
    "too-large": N_("'%(image)s' has more than %(limit)s million pixels (save a smaller "
                    "copy; no screen shows more than 33 million)"),
}


UNPRINTED = {"Cc", "Cf", "Zl", "Zp"}


class ImageProblem(ValueError):
    """An image that cannot be read; ``code`` is a key of IMAGE_PROBLEMS."""

    def __init__(self, code):
        super().__init__(code)
        self.code = code


def problem_values(image):
    """The values an IMAGE_PROBLEMS message is formatted with."""
    return {"image": printable(image), "limit": MAX_PIXELS // 1_000_000}


def printable(text):
    """``text`` with control, format and line-breaking characters shown as
    escapes (``\\n``), so a name can never start a line of its own in a list
    of problems, nor reorder it; other characters (Japanese, spaces) stay."""
    return "".join(repr(c)[1:-1] if unicodedata.category(c) in UNPRINTED else c
                   for c in str(text))


def image_file(content_root, image):
    """The file of ``image`` (a path inside the content folder), or ImageProblem."""
    if "\x00" in image or any(ord(c) < 32 for c in image):
        raise ImageProblem("unsafe-name")
    root = Path(content_root).resolve()
    path = Path(content_root, image)
    try:
        if not path.resolve().is_relative_to(root):
            raise ImageProblem("outside")
        if path.is_symlink() or (path.exists() and not path.is_file()):
            raise ImageProblem("not-a-file")
        if not path.exists():
            raise ImageProblem("missing")
    except OSError:  # a name too long, a folder that cannot be read
        raise ImageProblem("missing") from None
    return path


@contextmanager
def open_image(path):
    """Pillow's image of the file at ``path``, its size checked before any
    pixel is decoded; every failure is an ImageProblem. Pillow's warnings (an
    enormous image, corrupt EXIF) are never printed: the problems say it."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            picture = Image.open(path)
        except Image.DecompressionBombError:
            raise ImageProblem("too-large") from None
        except Image.UnidentifiedImageError:
            raise ImageProblem("not-an-image") from None
        except (OSError, ValueError, SyntaxError, EOFError):
            raise ImageProblem("damaged") from None
        with picture:
            if picture.width * picture.height > MAX_PIXELS:
                raise ImageProblem("too-large")
            yield picture


def orientation(picture):
    """The EXIF orientation (1 to 8) a browser turns the published image by: a
    JPEG keeps it when published, other formats lose it with their EXIF."""
    if picture.format not in ("JPEG", "MPO"):
        return 1
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            value = int(picture.getexif().get(0x0112, 1))
    except Exception:  # noqa: BLE001 - EXIF written by anyone: unreadable means upright
        return 1
    return value if 1 <= value <= 8 else 1


def upright_size(picture):
    """(width, height) as a browser shows the published image."""
    width, height = picture.size
    return (height, width) if orientation(picture) >= 5 else (width, height)


def read_pixels(picture):
    """Decode every pixel of ``picture``; a damaged file is an ImageProblem."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            picture.load()
    except (OSError, ValueError, SyntaxError, EOFError):
        raise ImageProblem("damaged") from None


def image_problem(content_root, image, decode=True):
    """None when ``image`` (a path inside the content folder, e.g.
    "images/a.png") is a readable image of a format the site publishes, else a
    key of IMAGE_PROBLEMS; with ``decode``, every pixel is read."""
    try:
        path = image_file(content_root, image)
        with open_image(path) as picture:
            if picture.format not in PUBLISHED_FORMATS:
                return "not-an-image"
            if decode:
                read_pixels(picture)
    except ImageProblem as problem:
        return problem.code
    return None
