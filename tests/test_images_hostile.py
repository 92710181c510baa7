"""Images that cannot be shown, or should not be: each is named by file (and by the
figure's line), in the post's language, never with a traceback, a raw Pillow
warning, or a line a file name forged. One test per class of image."""

import io
import struct
import warnings
import zlib

import pytest
from PIL import Image

from tests.catalogs import catalog
from tests.fixture_sites import WITHOUT_SEARCH, build_in_process, post, write_content

FIGURE_LINE = 8  # post(): five header lines, a blank line, "::: figure", then "image:"


def figure(image):
    return f"::: figure\nimage: {image}\nalt: Evidence\ncaption: Evidence.\n:::\n"


def png(size=(40, 30), mode="RGB"):
    out = io.BytesIO()
    Image.new(mode, size).save(out, "PNG")
    return out.getvalue()


def jpeg(size=(400, 300)):
    out = io.BytesIO()
    Image.effect_noise(size, 60).convert("RGB").save(out, "JPEG")
    return out.getvalue()


def png_with_damaged_pixels():
    """A PNG whose every chunk is well formed (checksums right) but whose
    compressed pixels are not: only decoding them finds it."""
    data = bytearray(png((200, 200)))
    at = data.index(b"IDAT")
    length = struct.unpack(">I", data[at - 4:at])[0]
    data[at + 4:at + 4 + length] = zlib.compress(b"\x07" * 1000)[:length].ljust(length, b"\x00")
    data[at + 4 + length:at + 8 + length] = struct.pack(">I", zlib.crc32(data[at:at + 4 + length]))
    return bytes(data)


def build(tmp_path, body, images=(), lang="en", plugins=None, ok=False):
    content = write_content(tmp_path / "content", {f"{lang}/report.md": post(lang=lang, body=body)})
    for name, data in dict(images).items():
        path = content / "images" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        _, result = build_in_process(tmp_path / "output", content, plugins=plugins)
    assert not [w for w in caught if issubclass(w.category, Image.DecompressionBombWarning)
                or "/PIL/" in w.filename], [str(w.message) for w in caught]
    for problem in result.problems:
        assert "own code failed" not in problem.message and "unknown error" not in problem.message
        assert "\n" not in str(problem), problem
    assert (tmp_path / "output").exists() == ok, result.problems
    return result


def named(result, path, line, field, words=""):
    found = [p for p in result.problems if (p.path, p.line, p.field) == (path, line, field)]
    assert found, f"{path}:{line}: {field} not named: {result.problems}"
    assert any(words in p.message for p in found), (words, found)


FIGURE = "content/en/report.md"


@pytest.mark.parametrize("name, data", [
    ("truncated.jpg", jpeg()[:3000]),
    ("pixels.png", png_with_damaged_pixels()),
])
def test_a_figure_whose_image_is_damaged(tmp_path, name, data):
    result = build(tmp_path, figure(f"/images/{name}"), {name: data})
    named(result, FIGURE, FIGURE_LINE, "figure", "damaged")


@pytest.mark.parametrize("image", ["/images/folder", "/en/report.md", "/images/"])
def test_a_figure_whose_image_is_a_folder_or_a_post(tmp_path, image):
    result = build(tmp_path, figure(image), {"folder/inside.png": png()})
    named(result, FIGURE, FIGURE_LINE, "figure", f"'{image}'")


def test_a_figure_in_japanese_is_named_in_japanese(tmp_path):
    result = build(tmp_path, figure("/images/folder"), {"folder/inside.png": png()}, lang="ja")
    japanese = catalog("ja").get("'%(image)s' is a folder or a link, not an image (name the "
                                 "image file itself, e.g. /images/NAME.png)").string
    named(result, "content/ja/report.md", FIGURE_LINE, "figure",
          japanese % {"image": "/images/folder"})


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def black_png(width, height):
    """A PNG of ``width`` x ``height`` black pixels, one bit each: a few
    kilobytes on disk, made without holding its pixels in memory."""
    row = bytes(1 + (width + 7) // 8)
    packer = zlib.compressobj(9)
    pixels = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels)
            + chunk(b"IEND", b""))


# Pillow warns from 89 million pixels and refuses from 179 million; the site
# stops at 50 million, which no screenshot or scan comes near.
@pytest.mark.parametrize("size", [(9500, 9500), (20000, 20000), (8000, 7000)],
                         ids=["warned", "refused", "huge"])
def test_an_enormous_image(tmp_path, size):
    data = black_png(*size)
    result = build(tmp_path / "figure", figure("/images/bomb.png"), {"bomb.png": data})
    named(result, FIGURE, FIGURE_LINE, "figure", "million pixels")
    result = build(tmp_path / "image", "![A map](/images/map.png)\n", {"map.png": data})
    named(result, "content/images/map.png", 0, "file", "million pixels")


def test_an_image_that_cannot_be_published_without_its_metadata(tmp_path):
    out = io.BytesIO()
    Image.new("RGB", (40, 30)).save(out, "AVIF", exif=Image.Exif().tobytes())
    result = build(tmp_path, "![A scan](/images/scan.avif)\n", {"scan.avif": out.getvalue()})
    named(result, "content/images/scan.avif", 0, "file")
    # Without the content check, the image is still never published as it is.
    result = build(tmp_path / "alone", "![A scan](/images/scan.avif)\n",
                   {"scan.avif": out.getvalue()},
                   plugins=[p for p in WITHOUT_SEARCH if p != "content_check"])
    named(result, "content/images/scan.avif", 0, "file", "metadata")


def test_a_published_image_that_is_damaged_is_named(tmp_path):
    plugins = [p for p in WITHOUT_SEARCH if p != "content_check"]
    result = build(tmp_path, "![A photo](/images/cut.jpg)\n", {"cut.jpg": jpeg()[:3000]},
                   plugins=plugins)
    named(result, "content/images/cut.jpg", 0, "file", "damaged")


def test_an_image_whose_name_lies_about_its_format(tmp_path):
    result = build(tmp_path, "![A photo](/images/photo.png)\n", {"photo.png": jpeg()})
    named(result, "content/images/photo.png", 0, "file")


def test_an_image_whose_exif_is_corrupt_is_published_quietly(tmp_path):
    data = jpeg()
    exif = b"Exif\x00\x00MM\x00*\x00\x00\x00\x08\x00\x09\x01\x12\x00\x03\xff\xff"
    segment = b"\xff\xe1" + struct.pack(">H", len(exif) + 2) + exif
    data = data[:2] + segment + data[2:]
    build(tmp_path, figure("/images/odd.jpg") + "\n![A photo](/images/odd.jpg)\n",
          {"odd.jpg": data}, ok=True)


def test_a_nul_in_a_figure_image_is_named_without_the_content_check(tmp_path):
    plugins = [p for p in WITHOUT_SEARCH if p != "content_check"]
    result = build(tmp_path, figure("/images/a\x00b.png"), plugins=plugins)
    named(result, FIGURE, FIGURE_LINE, "figure", "'/images/a\\x00b.png'")
    long = "/images/" + "a" * 300 + ".png"
    result = build(tmp_path / "long", figure(long), plugins=plugins)
    named(result, FIGURE, FIGURE_LINE, "figure", "does not exist")


@pytest.mark.parametrize("body", [
    figure("/images/a\x00b.png"), "![A](/images/a\x00b.png)\n",
    figure("/images/" + "a" * 300 + ".png"), f"![A](/images/{'a' * 300}.png)\n",
], ids=["nul-figure", "nul-image", "long-figure", "long-image"])
def test_a_nul_or_an_overlong_name_in_an_image_path(tmp_path, body):
    result = build(tmp_path, body)
    assert result.problems and all(p.path == FIGURE and p.line for p in result.problems)


def test_a_file_name_cannot_forge_a_problem_line(tmp_path):
    forged = "x\ncontent/en/report.md:1: Title: forged.txt"
    build(tmp_path, "Text.\n", {forged: b"not an image"})
