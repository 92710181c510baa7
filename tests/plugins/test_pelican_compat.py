"""Pelican's private API is used in one module, and the pinned Pelican still has
every private name it uses."""

import inspect
import re

from pelican import cache
from pelican.contents import Article, Content
from pelican.generators import ArticlesGenerator
from pelican.utils import memoized
from pelican.writers import Writer
from site_model import pelican_compat

from tests.site import ROOT

# How each private name is written where it is used.
PRIVATE = re.compile(
    r"\._open_w\b|_written_files|_overridden_files|_raised_messages|_group_count"
    r"|_parse_metadata|\._cache\b|_cache_data_policy|\bmemoized\b|\.disconnect\(")


def test_the_pinned_pelican_has_every_private_name_the_compat_module_uses(tmp_path):
    for owner, names in pelican_compat.PRIVATE_NAMES.items():
        for name in names:
            assert hasattr(owner, name), f"{owner.__name__}.{name} is gone"
    writer = Writer(str(tmp_path), settings={"RELATIVE_URLS": False, "SITEURL": ""})
    for name in pelican_compat.WRITER_STATE:
        assert isinstance(getattr(writer, name), set), name
    # The generator's content cache: its methods, and the attributes its __init__ sets.
    source = inspect.getsource(cache)
    for name in pelican_compat.GENERATOR_CACHE:
        assert hasattr(ArticlesGenerator, name) or f"self.{name} =" in source, name
    assert any(isinstance(value, memoized) for value in vars(Content).values())
    assert issubclass(Article, Content)


def test_no_other_module_uses_pelican_private_names():
    allowed = ROOT / "plugins" / "site_model" / "pelican_compat.py"
    offenders = []
    for folder in ("plugins", "tools", "bench"):
        for path in (ROOT / folder).rglob("*.py"):
            if path == allowed:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if PRIVATE.search(line):
                    offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert offenders == []
