"""Content written to publish a script, leak a file or hide a post: every trick is
named by file (and line where the source shows it), nothing is published, no
traceback. One fixture folder per class of trick, in tests/fixtures/hostile/."""

import os
import shutil

import pytest

from tests.fixture_sites import WITHOUT_SEARCH, build_in_process, fixture_content, named
from tests.site import ROOT

HOSTILE = ROOT / "tests" / "fixtures" / "hostile"
VALID = ROOT / "tests" / "fixtures" / "valid"

# class -> {file: (line, field), or a list of them} that the build must name (line 0:
# the file alone)
NAMED = {
    "scripts": {
        "en/indented-script.md": (8, "body"),
        "en/tilde-fence.md": (11, "body"),
        "en/entity-scheme.md": (7, "body"),
        "en/split-handler.md": (7, "body"),
        "en/summary-link.md": (6, "Summary"),
        "en/comment.md": (9, "body"),
        "en/data-url.md": (7, "body"),
        "en/attribute-list.md": (8, "body"),
        "en/iframe-block.md": (8, "body"),
    },
    "readers": {
        **{f"en/post.{ext}": (0, "file") for ext in ("markdown", "rst", "html", "MD", "txt")},
        "en/restructured.rst": (0, "file"),
        "ja/page.htm": (0, "file"),
    },
    "headers": {
        "en/status-space.md": (6, "Status"),
        "en/status-after-blank.md": (7, "Status"),
        "en/part-superscript.md": (7, "Part"),
        "en/control-character.md": (1, "Title"),
        "en/long-slug.md": (5, "Slug"),
        "en/note-date.md": (6, "Note"),
        "en/captured-date.md": (11, "figure"),
        "en/figure-climbing.md": (8, "figure"),
        "ja/untranslated-note.md": (7, "Note"),
        "pages/ja-slug.md": (3, "Slug"),
        "pages/feeds-slug.md": (3, "Slug"),
    },
    "links": {"en/reported-domains.md": [(line, "link") for line in range(9, 22, 2)]},
}


def expected(name):
    """(file, (line, field)) pairs the build must name for the class ``name``."""
    for file, where in NAMED[name].items():
        for each in where if isinstance(where, list) else [where]:
            yield file, each


def content_of(tmp_path, name):
    return fixture_content(tmp_path, HOSTILE / name)



@pytest.mark.parametrize("name", sorted(NAMED))
def test_every_trick_is_named_and_nothing_is_published(tmp_path, name):
    output = tmp_path / "output"
    _, result = build_in_process(output, content_of(tmp_path, name))
    found = named(result)
    for file, where in expected(name):
        assert where in found.get(file, []), f"{file} not named at {where}: {found.get(file)}"
    assert all("Traceback" not in problem.message for problem in result.problems)
    assert not output.exists()


@pytest.mark.parametrize("name", ["scripts", "links"])
def test_the_output_gate_alone_stops_what_the_source_check_would(tmp_path, name):
    # Without the content check, what is published is still held to the policy.
    plugins = [p for p in WITHOUT_SEARCH if p != "content_check"]
    output = tmp_path / "output"
    _, result = build_in_process(output, content_of(tmp_path, name), plugins=plugins)
    found = named(result)
    assert set(NAMED[name]) <= set(found), sorted(set(NAMED[name]) - set(found))
    if name == "scripts":  # the gate finds the line in the source, too
        for file, where in expected(name):
            assert where in found[file], (file, found[file])
    assert not output.exists()


def test_files_that_hide_or_leak_are_named(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(VALID, content)
    (content / "en" / ".#original.md").symlink_to("root@host.1234:1")  # an Emacs lock file
    (content / "en" / "original.md~").write_text("a backup")
    (content / "images" / "environment.png").symlink_to("/proc/self/environ")
    (content / "images" / "script.js").write_text("alert(1)")
    (content / "images" / "not-really.png").write_text("<svg onload=alert(1)>")
    (content / "images" / "sizes").mkdir()
    (content / "images" / "sizes" / "pixel-480.webp").write_bytes(b"RIFF")
    (content / "notes.md").write_text("Stray notes.")
    output = tmp_path / "output"
    _, result = build_in_process(output, content)
    found = named(result)
    for file in ("en/.#original.md", "en/original.md~", "images/environment.png",
                 "images/script.js", "images/not-really.png", "images/sizes/pixel-480.webp",
                 "notes.md"):
        assert (0, "file") in found.get(file, []), (file, found)
    assert not output.exists()


def test_a_byte_order_mark_is_read_as_pelican_reads_it(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(VALID, content)
    post = content / "en" / "original.md"
    post.write_bytes(b"\xef\xbb\xbf" + post.read_bytes())
    site, result = build_in_process(tmp_path / "output", content)
    assert result.ok, result.problems


def test_a_blank_line_inside_a_figure_block_is_read(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(VALID, content)
    (content / "en" / "figure.md").write_text(
        "Title: Figure\nDate: 2016-10-05 09:00\nCategory: policy\nLang: en\nSlug: figure\n\n"
        "::: figure\nimage: /images/pixel.png\n\nalt: A pixel\ncaption: A pixel.\n:::\n")
    site, result = build_in_process(tmp_path / "output", content)
    assert result.ok, result.problems
    assert site.soup("/posts/figure/").select_one("figure img")["alt"] == "A pixel"


def test_figures_whose_images_share_a_name_keep_their_own_sizes(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(VALID, content)
    shot = ROOT / "content" / "images" / "kamagra-gold-illustration.png"
    body = ""
    for folder in ("a", "b"):
        (content / "images" / folder).mkdir()
        shutil.copy(shot, content / "images" / folder / "checkout.png")
        body += (f"::: figure\nimage: /images/{folder}/checkout.png\nalt: Checkout {folder}\n"
                 f"caption: The checkout page {folder}.\n:::\n\n")
    (content / "en" / "figures.md").write_text(
        "Title: Figures\nDate: 2016-10-05 09:00\nCategory: policy\nLang: en\nSlug: figures\n\n"
        + body)
    site, result = build_in_process(tmp_path / "output", content)
    assert result.ok, result.problems
    first, second = (img["srcset"] for img in site.soup("/posts/figures/").select("figure img"))
    assert first != second
    for srcset in (first, second):
        for candidate in srcset.split(","):
            assert site.file_for(candidate.split()[0])


def test_an_embargoed_reports_images_wait_for_the_report(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(VALID, content)
    shutil.copy(ROOT / "content" / "images" / "kamagra-gold-illustration.png",
                content / "images" / "embargoed.png")
    (content / "en" / "embargoed.md").write_text(
        "Title: Embargoed\nDate: 2099-01-01 09:00\nCategory: policy\nLang: en\nSlug: embargoed\n\n"
        "::: figure\nimage: /images/embargoed.png\nalt: Evidence\ncaption: Evidence.\n:::\n")
    os.environ["SITEURL"] = "https://news.example.org"
    try:
        site, result = build_in_process(tmp_path / "published", content,
                                        settings="publishconf.py")
    finally:
        del os.environ["SITEURL"]
    assert result.ok, result.problems
    published = {p.relative_to(site.root).as_posix() for p in site.root.rglob("*") if p.is_file()}
    assert not [p for p in published if "embargoed" in p]
    preview, result = build_in_process(tmp_path / "preview", content)
    assert result.ok and (preview.root / "images" / "embargoed.png").exists()
    assert list((preview.root / "images" / "sizes").glob("embargoed-*.webp"))
