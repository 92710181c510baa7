import shutil

import pytest

from tests.site import Site, build

PUBLISH_URL = "https://news.example.org"


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The development build of content/, made once per test session.

    Its search index comes in shards of three reports, so the search tests
    cover merging shards, which only sites of hundreds of reports need.
    """
    output = tmp_path_factory.mktemp("site")
    build(output, extra={"SEARCH_SHARD_SIZE": 3})
    return Site(output)


@pytest.fixture(scope="session")
def published(tmp_path_factory):
    """The production build (publishconf.py) of content/."""
    output = tmp_path_factory.mktemp("published")
    build(output, settings="publishconf.py", env={"SITEURL": PUBLISH_URL})
    return Site(output, siteurl=PUBLISH_URL)


@pytest.fixture
def fixture_site(tmp_path):
    """Build a small site from Markdown files given as {relative path: text}."""
    runs = 0

    def make(files, settings="pelicanconf.py", check=True, extra=None, images=None):
        nonlocal runs
        runs += 1
        content = tmp_path / f"content-{runs}"
        for name, text in files.items():
            path = content / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        for folder in ("en", "ja", "pages", "images"):
            (content / folder).mkdir(parents=True, exist_ok=True)
        for name, source in (images or {}).items():
            shutil.copy(source, content / "images" / name)
        output = tmp_path / f"output-{runs}"
        result = build(output, settings=settings, content=content, check=check, extra=extra)
        return Site(output), result

    return make
