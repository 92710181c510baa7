"""Editors start posts and translations with one command, and see stale translations."""

import contextlib
import importlib
import io
import os
import subprocess
import sys
from types import SimpleNamespace

import pytest

from tests.catalogs import translate
from tests.site import ROOT, Site, build, text_of

NOW = "2026-11-29T01:30:00+00:00"  # 10:30 in Tokyo, the site's timezone


def newsroom(content, *args, check=True):
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "newsroom.py"), *args],
        capture_output=True, text=True, cwd=ROOT,
        env={**os.environ, "NEWSROOM_CONTENT": str(content), "SITE_NOW": NOW},
    )
    if check:
        assert result.returncode == 0, result.stderr
    return result


def publishable(path):
    path.write_text(path.read_text().replace("Status: draft\n", ""))


def header(path):
    fields = {}
    for line in path.read_text().splitlines():
        if not line.strip():
            break
        key, _, value = line.partition(": ")
        fields[key] = value
    return fields


def test_new_post_has_every_required_field(tmp_path):
    content = tmp_path / "content"
    newsroom(content, "new", "--title", "Pharmacy Domains Seized", "--category", "enforcement")
    fields = header(content / "en" / "pharmacy-domains-seized.md")
    assert fields["Title"] == "Pharmacy Domains Seized"
    assert fields["Date"] == "2026-11-29 10:30"
    assert fields["Category"] == "enforcement"
    assert fields["Lang"] == "en"
    assert fields["Slug"] == "pharmacy-domains-seized"
    assert fields["Status"] == "draft"


def test_japanese_title_needs_an_ascii_slug(tmp_path):
    content = tmp_path / "content"
    refused = newsroom(content, "new", "--title", "日本語の記事", "--category", "policy",
                       "--lang", "ja", check=False)
    assert refused.returncode != 0 and "--slug" in refused.stderr
    newsroom(content, "new", "--title", "日本語の記事", "--category", "policy", "--lang", "ja",
             "--slug", "japanese-post")
    assert header(content / "ja" / "japanese-post.md")["Slug"] == "japanese-post"


def test_missing_title_or_post_is_explained(tmp_path):
    content = tmp_path / "content"
    no_title = newsroom(content, "new", "--title", "", "--category", "policy", check=False)
    assert no_title.returncode != 0 and "TITLE=" in no_title.stderr
    no_post = newsroom(content, "translate", "--post", str(content / "en" / "missing.md"),
                       check=False)
    assert no_post.returncode != 0 and "POST=" in no_post.stderr
    assert "Traceback" not in no_post.stderr


def test_unknown_category_is_refused_with_the_list(tmp_path):
    result = newsroom(tmp_path / "content", "new", "--title", "X", "--category", "pharmacy",
                      check=False)
    assert result.returncode != 0 and "internet-pharmacies" in result.stderr


def test_stale_translation_flow_end_to_end(tmp_path):
    content = tmp_path / "content"
    for folder in ("en", "ja", "pages", "images"):
        (content / folder).mkdir(parents=True)
    newsroom(content, "new", "--title", "Registrar Records", "--category", "policy")
    original = content / "en" / "registrar-records.md"
    publishable(original)

    newsroom(content, "translate", "--post", str(original))
    translation = content / "ja" / "registrar-records.md"
    fields = header(translation)
    assert fields["Slug"] == "registrar-records" and fields["Lang"] == "ja"
    assert fields["Translation-Of"].startswith("en ")
    publishable(translation)
    assert "ja: up to date" in newsroom(content, "status").stdout

    original.write_text(original.read_text().replace("Write the report", "Rewrite the report"))
    assert "ja: STALE" in newsroom(content, "status").stdout

    output = tmp_path / "output"
    build(output, content=content)
    notice = Site(output).soup("/ja/posts/registrar-records/").select_one(".notice-stale")
    assert notice is not None
    assert notice.select_one("a")["href"] == "/posts/registrar-records/"
    assert "2026年11月29日" in text_of(notice)
    message = "The %(language)s original was updated on %(date)s, after this translation was made."
    expected_start = translate("ja", message).split("%")[0]
    assert text_of(notice).startswith(expected_start.strip())
    assert not Site(output).soup("/posts/registrar-records/").select(".notice-stale")

    newsroom(content, "record", "--post", str(translation))
    assert "ja: up to date" in newsroom(content, "status").stdout
    build(output, content=content)
    assert not Site(output).soup("/ja/posts/registrar-records/").select(".notice-stale")


def test_make_passes_editors_text_exactly_as_typed(tmp_path):
    # Dollar signs, quotes, backticks and $(...) reach the file as typed; nothing runs.
    content = tmp_path / "content"
    title = 'Fined $500,000 "Premium" `touch pwned` $(touch pwned2) ; rm -rf x'
    result = subprocess.run(
        ["make", "-s", "post", f"TITLE={title}", "CATEGORY=enforcement",
         "SLUG=fined-premium"],
        cwd=ROOT, capture_output=True, text=True,
        env={**os.environ, "NEWSROOM_CONTENT": str(content), "SITE_NOW": NOW},
    )
    assert result.returncode == 0, result.stderr
    assert header(content / "en" / "fined-premium.md")["Title"] == title
    assert not (ROOT / "pwned").exists() and not (ROOT / "pwned2").exists()


def test_translation_carries_the_original_date_and_notes_and_lists_untranslated_ones(tmp_path):
    content = tmp_path / "content"
    newsroom(content, "new", "--title", "Registrar Records", "--category", "policy")
    original = content / "en" / "registrar-records.md"
    text = original.read_text().replace("Status: draft\n", "")
    original.write_text(text.replace(
        "Slug:", "Note: 2026-11-30 | correction | Fixed a name.\nSlug:"))
    newsroom(content, "translate", "--post", str(original))
    translation = content / "ja" / "registrar-records.md"
    assert header(translation)["Date"] == header(original)["Date"]
    assert header(translation)["Note"] == "2026-11-30 | correction | Fixed a name."
    # A translator who drops the note leaves it listed as not yet translated.
    translation.write_text(translation.read_text().replace(
        "Note: 2026-11-30 | correction | Fixed a name.\n", ""))
    status = newsroom(content, "status").stdout
    assert "note not yet translated: 2026-11-30 | correction | Fixed a name." in status
    assert "1 note(s) not yet translated" in status


def refused(result):
    """The command stopped with status 2 and one line saying why, never a traceback."""
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    return result.stderr


def written(root):
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def command(content, *args, **env):
    """Run an editor's command as `make` does (text in RAW_... variables), in
    this process: the dozens of hostile cases below would otherwise each start
    Python and Pelican again. The commands read their environment on import."""
    variables = {"NEWSROOM_CONTENT": str(content), "SITE_NOW": NOW,
                 **{f"RAW_{key}": value for key, value in env.items()}}
    saved = {name: os.environ.get(name) for name in (*variables, *RAW_NAMES)}
    out, err, here = io.StringIO(), io.StringIO(), os.getcwd()
    try:
        for name in RAW_NAMES:
            os.environ.pop(name, None)
        os.environ.update(variables)
        os.chdir(content.parent)
        module = importlib.reload(importlib.import_module("newsroom"))
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                module.main(list(args))
                code = 0
            except SystemExit as stop:
                code = stop.code if isinstance(stop.code, int) else 1
    finally:
        os.chdir(here)
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    return SimpleNamespace(returncode=code, stdout=out.getvalue(), stderr=err.getvalue())


RAW_NAMES = [f"RAW_{name}" for name in ("TITLE", "POST", "SLUG", "CATEGORY", "LANGUAGE", "TO")]


# "{outside}" stands for an absolute path outside content/, in the test's own folder.
ESCAPING_SLUGS = [
    "../../../outside", "..", ".", "../outside", "en/../../outside", "a/../../../outside",
    "{outside}", "/{outside}", "..%2f..%2foutside", "%2e%2e%2foutside", "a%5c..%5cb",
    "..\\..\\outside", "outside\n", "outside\r", "Outside", "out side", "-outside",
    "outside-", "out--side", "ｏｕｔｓｉｄｅ", "a" * 200,
]
ESCAPING_LANGUAGES = ["../..", "..", "{outside}", "ja/../..", "en/../../outside", "fr", "EN",
                      "%2e%2e", "ja\n"]


class TestEditorCommandsWriteOnlyInsideContent:
    """Whatever a Slug, POST, LANGUAGE or TO says, nothing is written outside
    content/<lang>/, and the editor reads one line saying why."""

    @staticmethod
    def project(tmp_path):
        content = tmp_path / "project" / "content"
        for folder in ("en", "ja", "pages", "images"):
            (content / folder).mkdir(parents=True)
        return content

    @staticmethod
    def original(content, slug="registrar-records", lang="en", **extra):
        path = content / lang / f"{slug}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        header = {"Title": "Registrar Records", "Date": "2026-11-29 10:30",
                  "Category": "policy", "Lang": lang, "Slug": slug, **extra}
        path.write_text("".join(f"{k}: {v}\n" for k, v in header.items()) + "\nText.\n")
        return path

    @pytest.mark.parametrize("slug", ESCAPING_SLUGS)
    def test_a_new_post_slug_as_option_or_as_typed_to_make(self, tmp_path, slug):
        content = self.project(tmp_path)
        slug = slug.format(outside=tmp_path / "outside")
        refused(command(content, "new", "--title", "X", "--category", "policy", f"--slug={slug}"))
        refused(command(content, "new", TITLE="X", CATEGORY="policy", SLUG=slug))
        assert written(tmp_path) == []

    @pytest.mark.parametrize("slug", [s for s in ESCAPING_SLUGS if s.strip() == s])
    def test_the_slug_an_original_names(self, tmp_path, slug):
        content = self.project(tmp_path)
        slug = slug.format(outside=tmp_path / "outside")
        original = content / "en" / "original.md"
        original.write_text(f"Title: T\nDate: 2026-11-29 10:30\nCategory: policy\nLang: en\n"
                            f"Slug: {slug}\n\nText.\n")
        before = written(tmp_path)
        refused(command(content, "translate", "--post", str(original)))
        assert written(tmp_path) == before

    @pytest.mark.parametrize("lang", ESCAPING_LANGUAGES)
    def test_a_language(self, tmp_path, lang):
        content = self.project(tmp_path)
        lang = lang.format(outside=tmp_path / "outside")
        refused(command(content, "new", TITLE="Registrar Records", CATEGORY="policy",
                        LANGUAGE=lang))
        original = self.original(content)
        before = written(tmp_path)
        refused(command(content, "translate", POST=str(original), TO=lang))
        assert written(tmp_path) == before

    def test_a_post_outside_content_or_outside_a_language_folder(self, tmp_path):
        content = self.project(tmp_path)
        self.original(content)
        outside = self.original(tmp_path / "project", "outside").parent  # project/en/
        translation = self.original(content, lang="ja", **{"Translation-Of": "en 0"})
        (content / "images" / "stray.md").write_text(translation.read_text())
        (content / "en" / "notes.txt").write_text(translation.read_text())
        for post in (outside / "outside.md", content / ".." / "en" / "outside.md",
                     f"{content}/ja/../../en/outside.md", content / "images" / "stray.md",
                     content / "en" / "notes.txt", content / "ja" / ".." / ".." / "en" /
                     "outside.md"):
            before = written(tmp_path)
            refused(command(content, "translate", "--post", str(post)))
            refused(command(content, "record", POST=str(post)))
            assert written(tmp_path) == before, post

    def test_a_symbolic_link_inside_content_leading_out(self, tmp_path):
        content = self.project(tmp_path)
        outside = tmp_path / "elsewhere"
        outside.mkdir()
        self.original(content)
        secret = self.original(outside, "registrar-records", lang=".", **{"Translation-Of": "en 0"})
        link = content / "ja" / "registrar-records.md"
        link.symlink_to(secret)
        before = secret.read_text()
        refused(command(content, "record", POST=str(link)))
        assert secret.read_text() == before
        link.unlink()
        link.symlink_to(outside / "new.md")  # a link to no file yet: writing follows it
        refused(command(content, "translate", POST=str(content / "en" / "registrar-records.md")))
        assert not (outside / "new.md").exists()
        (content / "ja").rename(tmp_path / "ja-real")
        (content / "ja").symlink_to(outside, target_is_directory=True)
        refused(command(content, "new", TITLE="Other", CATEGORY="policy", LANGUAGE="ja"))
        assert not (outside / "other.md").exists()

    def test_a_content_folder_that_is_a_symbolic_link(self, tmp_path):
        real = self.project(tmp_path)
        original = self.original(real)
        translation = self.original(real, lang="ja", **{"Translation-Of": "en 0"})
        content = tmp_path / "project" / "linked-content"
        content.symlink_to(real, target_is_directory=True)
        before = {path: path.read_text() for path in (original, translation)}
        for args in (["new", "--title", "Other", "--category", "policy"],
                     ["translate", "--post", str(content / "en" / original.name)],
                     ["record", "--post", str(content / "ja" / translation.name)],
                     ["status"]):
            assert "symbolic link" in refused(command(content, *args)), args
        assert written(real) == ["en/registrar-records.md", "ja/registrar-records.md"]
        assert {path: path.read_text() for path in before} == before
