import pytest

from tests.fixture_sites import build_in_process, write_content
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
    """Build a small site, in this process, from Markdown files given as
    {relative path: text}; returns (Site, BuildResult)."""
    runs = 0

    def make(files, settings="pelicanconf.py", extra=None, images=None, plugins=None,
             check=True):
        nonlocal runs
        runs += 1
        content = write_content(tmp_path / f"content-{runs}", files, images)
        site, result = build_in_process(tmp_path / f"output-{runs}", content, settings, extra,
                                        plugins)
        if check and not result.ok:
            raise AssertionError("build failed:\n" + "\n".join(map(str, result.problems)))
        return site, result

    return make
