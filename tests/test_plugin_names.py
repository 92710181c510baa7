"""No module of the project's own hides an installed library or a standard one.

plugins/ and tools/ come first on sys.path (site_build.py, newsroom.py and the
tests put them there): a plugins/nh3.py would be imported instead of the HTML
sanitiser, a tools/json.py instead of the standard library, with no error.
"""

import importlib.machinery
import pkgutil
import sys
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

from tests.site import ROOT

OWN_FOLDERS = [ROOT / "plugins", ROOT / "tools"]


def importable_names(folder):
    """Every top-level name ``import NAME`` could find in ``folder``: modules
    (source, compiled, extension) and folders (a package, or a namespace)."""
    suffixes = tuple(importlib.machinery.all_suffixes())
    names = set()
    for entry in Path(folder).iterdir():
        if entry.name.startswith((".", "__")):
            continue
        if entry.is_dir():
            names.add(entry.name)
        elif entry.name.endswith(suffixes):
            names.add(entry.name.split(".", 1)[0])
    return names


def libraries():
    """Top-level names of the standard library, of every installed distribution,
    and of anything else importable from outside the project's own folders."""
    own = {str(folder) for folder in (*OWN_FOLDERS, ROOT)}
    elsewhere = [path for path in sys.path if path and str(Path(path).resolve()) not in own]
    return (set(sys.stdlib_module_names) | set(sys.builtin_module_names)
            | set(packages_distributions())
            | {module.name for module in pkgutil.iter_modules(elsewhere)})


def shadowing(folder, known):
    return sorted(importable_names(folder) & known)


@pytest.mark.parametrize("folder", OWN_FOLDERS, ids=lambda folder: folder.name)
def test_no_own_module_shares_a_library_name(folder):
    assert shadowing(folder, libraries()) == []


def test_the_check_sees_each_way_a_name_can_shadow(tmp_path):
    (tmp_path / "nh3.py").write_text("")  # the sanitiser
    (tmp_path / "yaml").mkdir()  # a namespace folder
    (tmp_path / "json").mkdir()  # a package of the standard library
    (tmp_path / "json" / "__init__.py").write_text("")
    (tmp_path / "lxml.cpython-311-x86_64-linux-gnu.so").write_bytes(b"")
    (tmp_path / "markdown.pyc").write_bytes(b"")
    (tmp_path / "sys.py").write_text("")
    (tmp_path / "our_own_plugin").mkdir()
    assert shadowing(tmp_path, libraries()) == ["json", "lxml", "markdown", "nh3", "sys", "yaml"]
