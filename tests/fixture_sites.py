"""Small sites built in this process with real Pelican, as `make build` builds them."""

import filecmp
import shutil
from pathlib import Path

import site_build

from tests.site import ROOT, Site

FOLDERS = ("en", "ja", "pages", "images")
# Every plugin but the search index, whose Pagefind process costs a second a build.
WITHOUT_SEARCH = [p for p in site_build.settings_for()["PLUGINS"] if p != "search_index"]


def write_content(root, files, images=None):
    """A content folder holding ``files`` ({relative path: text}) and ``images``."""
    for folder in FOLDERS:
        (root / folder).mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for name, source in (images or {}).items():
        shutil.copy(source, root / "images" / name)
    return root


def build_in_process(output, content=None, settings="pelicanconf.py", extra=None,
                     plugins=None, fresh=True):
    """Build into ``output``; returns (Site, BuildResult). ``plugins`` defaults to
    every plugin of the site but the search index."""
    overrides = {"PLUGINS": list(plugins if plugins is not None else WITHOUT_SEARCH)}
    overrides.update(extra or {})
    config = site_build.settings_for(settings, output, content, overrides)
    result = site_build.build(config, fresh=fresh)
    return Site(Path(output)), result


def post(title="A report", slug="a-report", lang="en", date="2016-10-05 09:00",
         category="policy", body="The text of the report.", **fields):
    """A post's Markdown, with any other header fields given as keyword arguments."""
    header = {"Title": title, "Date": date, "Category": category, "Lang": lang, "Slug": slug}
    header.update({key.replace("_", "-").title(): value for key, value in fields.items()})
    lines = [f"{key}: {value}" for key, value in header.items()]
    return "\n".join(lines) + "\n\n" + body + "\n"


VALID = ROOT / "tests" / "fixtures" / "valid"


def site_files(root):
    return sorted(str(p.relative_to(root)) for p in Path(root).rglob("*") if p.is_file())


def assert_same_site(first, second):
    """The two folders hold the same files, byte for byte."""
    assert site_files(first) == site_files(second)
    _, mismatch, errors = filecmp.cmpfiles(first, second, site_files(first), shallow=False)
    assert mismatch == [] and errors == []


def warm_cache():
    """Settings for builds that keep what they read between them, as the live
    preview's builds do (pass the same value to every build of one "process")."""
    return {site_build.WARM: site_build.WarmCache()}


def fixture_content(tmp_path, fixture):
    """A content folder copied from the fixture folder ``fixture``, with every
    folder the site reads present."""
    content = tmp_path / "content"
    shutil.copytree(fixture, content)
    for folder in FOLDERS:
        (content / folder).mkdir(exist_ok=True)
    return content


def named(result):
    """{file: [(line, field)]} of the problems a build reported."""
    found = {}
    for problem in result.problems:
        found.setdefault(problem.path.removeprefix("content/"), []).append(
            (problem.line, problem.field))
    return found
