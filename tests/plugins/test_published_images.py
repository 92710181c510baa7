"""Images published without metadata: what a reader downloads from the site holds
no EXIF, GPS position, XMP, IPTC or comment, and the same pixels and colour
profile as the editor's file, byte for byte the same on every build."""

import io

import pytest
from PIL import Image

from tests.fixture_sites import (
    WITHOUT_SEARCH,
    assert_same_site,
    build_in_process,
    post,
    write_content,
)
from tests.fixtures.images.sources import SECRETS, SOURCES, jpeg

FIGURE = "::: figure\nimage: /images/{name}\nalt: Evidence {name}\ncaption: Evidence.\n:::\n"


def content_with_images(root):
    body = "\n".join(FIGURE.format(name=name) for name in SOURCES)
    body += "\n![A photo taken sideways](/images/sideways.jpg)\n"
    content = write_content(root, {"en/evidence.md": post(slug="evidence", body=body)})
    for name, make in SOURCES.items():
        (content / "images" / name).write_bytes(make())
    (content / "images" / "sideways.jpg").write_bytes(jpeg(orientation=6))
    return content


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("published-images")
    content = content_with_images(root / "content")
    site, result = build_in_process(root / "output", content)
    assert result.ok, result.problems
    return site, content


def published_images(site):
    """Every image file a reader can download: the originals and the sizes."""
    page = site.soup("/posts/evidence/")
    urls = {img["src"] for img in page.select("img")}
    urls |= {c.split()[0] for img in page.select("img[srcset]") for c in img["srcset"].split(",")}
    return {url: site.file_for(url) for url in sorted(urls) if url.startswith("/images/")}


def assert_no_metadata(data, url):
    if data.startswith(b"\xff\xd8") and b"Exif\x00\x00" in data:
        # A photo taken sideways keeps one EXIF segment: its orientation alone.
        at = data.index(b"Exif\x00\x00")
        assert data[at - 4:at - 2] == b"\xff\xe1" and data[at - 2:at] == b"\x00\x22", url
        data = data[:at] + data[at + 32:]
    for secret in SECRETS:
        assert secret not in data, (url, secret)
    with Image.open(io.BytesIO(data)) as image:
        exif = image.getexif()
        assert not exif.get_ifd(0x8825), url  # GPS
        assert not exif.get_ifd(0x8769), url  # camera, serial
        assert set(exif) <= {0x0112}, (url, dict(exif))  # the orientation alone may stay
        assert not {"exif", "xmp", "XML:com.adobe.xmp", "comment", "Author"} & set(image.info), url
        assert not getattr(image, "text", {}), url


def test_no_published_image_holds_metadata(built):
    site, _ = built
    images = published_images(site)
    assert len(images) == 9 and all(images.values()), images
    for url, path in images.items():
        assert_no_metadata(path.read_bytes(), url)


@pytest.mark.parametrize("name", [*SOURCES, "sideways.jpg"])
def test_originals_keep_their_pixels_and_colour_profile(built, name):
    site, content = built
    with Image.open(content / "images" / name) as source, \
            Image.open(site.root / "images" / name) as published:
        assert published.format == source.format
        assert published.info.get("icc_profile") == source.info.get("icc_profile")
        assert getattr(published, "n_frames", 1) == getattr(source, "n_frames", 1)
        for frame in range(getattr(source, "n_frames", 1)):
            source.seek(frame)
            published.seek(frame)
            assert published.convert("RGBA").tobytes() == source.convert("RGBA").tobytes()
        assert published.info.get("loop") == source.info.get("loop")


def test_a_photo_taken_sideways_still_shows_upright(built):
    site, _ = built
    with Image.open(site.root / "images" / "sideways.jpg") as published:
        assert dict(published.getexif()) == {0x0112: 6}


def test_figure_sizes_keep_the_colour_profile(built):
    site, content = built
    for img in site.soup("/posts/evidence/").select("figure img"):
        name = img["src"].rsplit("/", 1)[1]
        with Image.open(content / "images" / name) as source:
            profile = source.info.get("icc_profile")
        for candidate in img["srcset"].split(","):
            with Image.open(site.file_for(candidate.split()[0])) as size:
                assert size.info.get("icc_profile") == profile, (name, candidate)


def test_every_build_publishes_the_same_bytes(built, tmp_path):
    site, content = built
    again, result = build_in_process(tmp_path / "again", content)
    assert result.ok
    assert_same_site(site.root / "images", again.root / "images")


def test_the_preview_publishes_stripped_images_through_its_journal(tmp_path):
    content = content_with_images(tmp_path / "content")
    warm = {"WARM_STATE": {}}
    for _ in range(2):  # the second build rewrites nothing, and removes nothing
        site, result = build_in_process(tmp_path / "preview", content, extra=warm, fresh=False)
        assert result.ok, result.problems
        for url, path in published_images(site).items():
            assert_no_metadata(path.read_bytes(), url)


@pytest.mark.parametrize("links", [False, True], ids=["copies", "links"])
def test_an_earlier_builds_link_to_the_original_is_not_written_through(tmp_path, links):
    content = content_with_images(tmp_path / "content")
    original = (content / "images" / "photo.jpg").read_bytes()
    before = [p for p in WITHOUT_SEARCH if p != "published_images"]
    _, result = build_in_process(tmp_path / "output", content, fresh=False, plugins=before,
                                 extra={"STATIC_CREATE_LINKS": True})
    assert result.ok and (tmp_path / "output" / "images" / "photo.jpg").stat().st_nlink == 2
    site, result = build_in_process(tmp_path / "output", content, fresh=False,
                                    extra={"STATIC_CREATE_LINKS": links})
    assert result.ok, result.problems
    assert (content / "images" / "photo.jpg").read_bytes() == original
    assert_no_metadata((site.root / "images" / "photo.jpg").read_bytes(), "photo.jpg")


def test_the_themes_own_images_hold_no_metadata(built):
    # Copied by Pelican from the theme, not through this plugin: they must be clean already.
    site, _ = built
    from published_images.strip import format_of, stripped

    themes = [p for p in (site.root / "theme").rglob("*") if p.is_file()
              and format_of(p.read_bytes()[:16])]
    assert themes
    for path in themes:
        assert stripped(path.read_bytes()) == path.read_bytes(), path
