"""Whatever editors write, a build ends in a site or in named problems: never in a
traceback or an error of the site's own code. Real Pelican, many generated posts
per build, random headers and bodies."""

import shutil
import struct
import tempfile
import zlib
from pathlib import Path

from hypothesis import HealthCheck, Phase, event, given, settings
from hypothesis import strategies as st
from site_model.html_policy import page_violations

from tests.fixture_sites import VALID, WITHOUT_SEARCH, build_in_process

SCRIPTS = {"/theme/js/search.js"}
REPORTED = {"rogue.example"}

FIELDS = ["Title", "Date", "Category", "Lang", "Slug", "Series", "Part", "Summary", "Status",
          "Translation-Of", "Modified", "Note", "Save_as", "Template", "status ", "Status "]
VALUES = st.one_of(
    st.text(max_size=30).map(lambda text: text.replace("\n", " ").replace("\r", " ")),
    st.sampled_from([
        "2016-10-05 09:00", "2016-9-1", "2016-10", "²", "3", "0", "99", "ja", "en", "policy",
        "bestkenko", "draft", "hidden", "published", "en 0123456789ab", "a" * 300, "ja",
        "2016-09-12 | correction | Fixed [[rogue.example]].", "2016-9-12 | update | x",
        "[x](jav&#x61;script:alert(1))", "<script>alert(1)</script>", "feeds", "\ufeffx",
        "x\x07y", "[[rogue.example]] seized", "../../index.html",
    ]),
)
BLOCKS = st.sampled_from([
    "A paragraph.", "    <script src=/images/x.js></script>", "~~~\ncode\n```",
    "```\n<script>ok in code</script>\n```", "<!-- hidden -->", "<img src=x alt=\"\">",
    "<img src=\"/images/pixel.png\" alt=\"p\" onload\n=\"x\">", "[a](//rogue.example/)",
    "[b](https://court.example/)", "We name [[rogue.example]].", "Text{: onclick=\"x\" }",
    "::: figure\nimage: /images/pixel.png\n\nalt: A\ncaption: B.\ncaptured: 2016-9-1\n:::",
    "::: figure\nimage: /images/../../etc/passwd\nalt: A\ncaption: B\n:::", "::: figure",
    "| a | b |\n|:--|--:|\n| 1 | 2 |", "Footnote.[^1]\n\n[^1]: The note.", "&#x26;&amp;&lt;",
    "## Heading", "# Big heading", "* one\n* two", "> quoted", "Status: draft",
    "[link]({filename}/en/nowhere.md)", "![alt]({static}/images/pixel.png)", "\x0b\x1b\u202e",
    "<div markdown=\"1\">**x**</div>", "<svg onload=x>", "<a href=\"\tjavascript:x\">x</a>",
])
# Files editors may add: names with spaces, "%", a line break, a leading dash or
# non-ASCII letters, and images that are broken or not what their name says.
ODD_NAMES = st.sampled_from(["a b.md", "100%.md", "line\nbreak.md", "-dash.md", "日本語.md",
                             "tab\tname.md", "quote\".md", "x.MD", "bidi\u202egpj.md"])
def png_header(width, height):
    """A PNG that says it is ``width`` x ``height`` and holds no pixels: a
    decompression bomb as a reader of headers meets it."""
    chunk = b"IHDR" + struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + chunk
            + struct.pack(">I", zlib.crc32(chunk)))


IMAGES = st.sampled_from([
    ("huge.png", png_header(60_000, 60_000)),
    ("broken.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 20),
    ("truncated.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF"),
    ("png-named.jpg", (VALID / "images" / "pixel.png").read_bytes()
     if (VALID / "images" / "pixel.png").exists() else b"\x89PNG"),
    ("text.webp", b"RIFF\x00\x00\x00\x00WEBPnot really"),
    ("-lead dash.png", b"GIF89a"),
])
NESTED = st.integers(min_value=1, max_value=60).map(
    lambda depth: "\n".join("  " * level + "- item" for level in range(depth)))
POSTS = st.lists(
    st.tuples(st.sampled_from(["en", "ja", "pages"]),
              st.lists(st.tuples(st.sampled_from(FIELDS), VALUES), max_size=9),
              st.lists(BLOCKS, max_size=6)),
    min_size=1, max_size=8,
)


# Allowed constructs that are easy to get wrong: these builds go all the way.
BENIGN = st.sampled_from([
    "A paragraph.", "~~~\n<script>shown as code</script>\n~~~", "    indented code",
    "We name [[rogue.example]].", "| a | b |\n|:--|--:|\n| 1 | 2 |",
    "Footnote.[^1]\n\n[^1]: The note.", "&#x26;&amp;&lt;", "## 見出し", "* one\n* two",
    "> quoted", "::: figure\nimage: /images/pixel.png\n\nalt: A\ncaption: B.\n:::",
    "[b](https://court.example/)", "`<script>`", "日本語の段落です。", "**bold** _it_",
])


@settings(max_examples=25, deadline=None, database=None, phases=[Phase.generate, Phase.shrink],
          suppress_health_check=[HealthCheck.too_slow])
@given(posts=POSTS, valid_header=st.booleans(), benign=st.lists(BENIGN, max_size=8),
       with_check=st.booleans(), hostile=st.booleans(), names=st.lists(ODD_NAMES, max_size=2),
       images=st.lists(IMAGES, max_size=2), nested=st.none() | NESTED)
def test_a_build_ends_in_a_site_or_in_named_problems(posts, valid_header, benign, with_check,
                                                     hostile, names, images, nested):
    scratch = Path(tempfile.mkdtemp())
    try:
        content = scratch / "content"
        shutil.copytree(VALID, content)
        for index, (folder, fields, blocks) in enumerate(posts):
            header = [f"{key}: {value}" for key, value in fields]
            if valid_header:
                lang = "en" if folder == "pages" else folder
                header = [f"Title: Post {index} [[rogue.example]]", f"Lang: {lang}",
                          f"Slug: post-{index}"]
                if folder != "pages":
                    header += ["Date: 2016-10-05 09:00", "Category: policy",
                               "Note: 2016-10-06 | update | See [[rogue.example]]."]
                blocks = benign + (blocks[:1] if hostile else [])
            if nested and index == 0:
                blocks = [*blocks, nested]
            text = "\n".join(header) + "\n\n" + "\n\n".join(blocks) + "\n"
            (content / folder / f"post-{index}.md").write_text(text, encoding="utf-8")
            for name in names if index == 0 else ():
                (content / folder / name).write_text(text, encoding="utf-8")
        for name, data in images:
            (content / "images" / name).write_bytes(data)
        output = scratch / "output"
        # Without the content check, Pelican and the output gate meet everything.
        plugins = WITHOUT_SEARCH if with_check else [
            p for p in WITHOUT_SEARCH if p != "content_check"]
        site, result = build_in_process(output, content, plugins=plugins)
        event("built" if result.ok else "stopped by " + min(p.field for p in result.problems))
        for problem in result.problems:
            assert "Traceback" not in problem.message, problem
            # The plugins read what the content check let through; without it a
            # malformed header may stop them, but nothing is published then.
            if with_check:
                assert problem.field != "error", problem
                assert problem.path.startswith(("content/", "translations/")), problem
        if result.ok:
            for page in output.rglob("*.html"):
                html = page.read_text(encoding="utf-8")
                assert page_violations(html, SCRIPTS, REPORTED) == [], page
        else:
            assert not output.exists()
    finally:
        shutil.rmtree(scratch)
