"""Every package the project installs, its dependencies included, is locked by
version and by the hashes of its files, and installed only that way."""

import re
import subprocess
from importlib import metadata

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.site import ROOT

LOCK = ROOT / "requirements.txt"
DIRECT = ROOT / "requirements.in"


def requirement_lines(path):
    """Each requirement of a requirements file, its continuation lines joined."""
    text = path.read_text().replace("\\\n", " ")
    lines = (line.split(" #", 1)[0].strip() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def locked():
    """{name: (version, [hashes])} of the lock."""
    packages = {}
    for line in requirement_lines(LOCK):
        requirement, *options = line.split()
        name, version = re.fullmatch(r"([\w.-]+)==([\w.+!-]+)", requirement).groups()
        hashes = [option.removeprefix("--hash=sha256:") for option in options]
        assert all(re.fullmatch(r"[0-9a-f]{64}", h) for h in hashes), line
        packages[canonicalize_name(name)] = (version, hashes)
    return packages


def test_every_locked_package_has_an_exact_version_and_hashes():
    lines = requirement_lines(LOCK)
    assert lines and not any(line.startswith("-") for line in lines)  # no index, no -e
    for line in lines:
        assert "==" in line.split()[0] and "--hash=sha256:" in line, line


def test_the_lock_holds_every_direct_pin_at_its_version():
    packages = locked()
    for line in requirement_lines(DIRECT):
        requirement = Requirement(line)
        assert str(requirement.specifier).startswith("=="), line
        assert packages[canonicalize_name(requirement.name)][0] == \
            str(requirement.specifier).removeprefix("=="), line


def test_the_lock_holds_every_dependency_of_what_it_locks():
    # Read from the installed packages' own metadata, as pip resolves them.
    packages = locked()
    extras = {canonicalize_name(Requirement(line).name): Requirement(line).extras
              for line in requirement_lines(DIRECT)}
    for name in packages:
        for text in metadata.requires(name) or ():
            needed = Requirement(text)
            wanted = extras.get(name, set()) | {""}
            if needed.marker and not any(needed.marker.evaluate({"extra": e}) for e in wanted):
                continue
            assert canonicalize_name(needed.name) in packages, (name, text)
            assert packages[canonicalize_name(needed.name)][0] in needed.specifier, (name, text)


def test_the_lock_holds_what_this_machine_installed():
    for name, (version, _) in locked().items():
        assert metadata.version(name) == version, name


def test_make_installs_only_what_the_lock_hashes():
    recipe = subprocess.run(["make", "-n", "-B", "venv"], cwd=ROOT, capture_output=True,
                            text=True, check=True).stdout.replace("\\\n", " ")
    installs = [line for line in recipe.splitlines() if "pip install" in line]
    assert installs
    for line in installs:
        assert "--require-hashes" in line and "-r requirements.txt" in line, line
