"""The site model: the header reader agrees with Markdown, and the plugins share
code only through it."""

import ast
import sys

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st
from site_model.domains import url_host
from site_model.header import read_header

from tests.site import ROOT

PLUGINS = ROOT / "plugins"


def markdown_meta(text):
    """What Python-Markdown's meta extension hands Pelican."""
    md = markdown.Markdown(extensions=["markdown.extensions.meta"])
    md.convert(text.removeprefix("\ufeff"))
    return md.Meta


LINES = st.sampled_from([
    "Title: A title", "Status : draft", "status: draft", "    continued", "Note: a | b | c",
    "", "   ", "---", "...", "Key_with-dash: value", "Not a field", "\tTabbed: x", "Date:",
    "Title:no space", "ÜTitle: x", "\ufeffTitle: x", "Summary: *it*", "\x0bTitle: x",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(LINES, max_size=8), st.booleans())
def test_the_header_reader_reads_what_markdown_reads(lines, crlf):
    text = ("\r\n" if crlf else "\n").join(lines) + "\n\nBody.\n"
    assert read_header(text).as_markdown_meta() == markdown_meta(text)


def test_a_header_that_stops_early_says_where():
    header = read_header("Title: x\nStatus : draft\n\nBody.\n")
    assert header.stopped_at == (2, "Status : draft")
    assert header.value("status") is None


def test_every_url_form_of_a_host_reads_the_same():
    forms = ["//Rogue.example./x", "https://user@rogue.example:443/", "HTTPS://WWW.ROGUE.EXAMPLE",
             "https:\\\\rogue.example", "ht\ttps://rogue.example", "https://rogue%2Eexample/",
             "https://ｒｏｇｕｅ。ｅｘａｍｐｌｅ/"]
    assert {url_host(form) for form in forms} == {"rogue.example"}
    assert url_host("https://xn--eckwd4c7c.xn--zckzah/") == "ドメイン.テスト"
    assert url_host("/posts/x/") == url_host("javascript:x") == ""


def imports_of(path):
    """The top-level names a module imports (relative imports as "."), and
    "importlib" for any import made by name at run time."""
    return imports_in(path.read_text(encoding="utf-8"))


def imports_in(source):
    names = set()
    for node in ast.walk(ast.parse(source)):
        # importlib.metadata reads installed versions; importlib itself imports by name.
        if isinstance(node, ast.Import):
            names.update(alias.name if alias.name == "importlib.metadata"
                         else alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            names.add("." if node.level else
                      module if module == "importlib.metadata" else module.split(".")[0])
        elif isinstance(node, ast.Call) and getattr(node.func, "id", None) == "__import__":
            names.add("importlib")
    return names


PLUGIN_PACKAGES = {p.name for p in PLUGINS.iterdir() if (p / "__init__.py").exists()}
# The project's own modules outside plugins/: a plugin reads settings, not these.
PROJECT_MODULES = {path.stem for folder in (ROOT, ROOT / "tools", ROOT / "bench")
                   for path in folder.glob("*.py")} | {"tools", "tests", "bench"}
SITE_MODEL_LIBRARIES = {"site_model", "pelican", "markdown", "markupsafe", "babel",
                        "feedgenerator", "nh3", "selectolax", "blinker", "lxml", "pagefind",
                        "PIL", "ada_url"}


def plugin_import_problems(package, imported):
    """What is wrong with the imports of a module of the plugin ``package``."""
    problems = set()
    problems |= imported & (PLUGIN_PACKAGES - {"site_model", package})
    problems |= imported & PROJECT_MODULES
    problems |= imported & {"importlib"}
    if package == "site_model":
        problems |= imported - set(sys.stdlib_module_names) - SITE_MODEL_LIBRARIES - {"."}
    return problems


def test_plugins_import_only_pelican_libraries_themselves_and_the_site_model():
    for package in sorted(PLUGIN_PACKAGES):
        for module in sorted((PLUGINS / package).glob("*.py")):
            problems = plugin_import_problems(package, imports_of(module) - {"."})
            assert not problems, f"{module.relative_to(ROOT)} imports {problems}"


def test_tools_reach_plugins_only_through_the_site_model():
    for module in sorted((ROOT / "tools").rglob("*.py")):
        others = imports_of(module) & (PLUGIN_PACKAGES - {"site_model"})
        assert not others, f"{module.relative_to(ROOT)} imports the plugins {others}"


def test_the_import_rule_catches_every_way_of_reaching_another_plugin():
    planted = [
        "from post_notes.post_notes import Note",
        "import importlib\nnotes = importlib.import_module('post_notes')",
        "notes = __import__('post_notes')",
        "from pelicanconf import CATEGORIES",
        "import site_build",
    ]
    for source in planted:
        assert plugin_import_problems("series_nav", imports_in(source)), source


def test_every_plugin_registers_and_says_what_it_adds():
    import pelicanconf

    for name in pelicanconf.PLUGINS:
        package = PLUGINS / name
        assert (package / "__init__.py").read_text().count("register") >= 1, name
        module = package / f"{name}.py"
        docstring = ast.get_docstring(ast.parse(module.read_text(encoding="utf-8")))
        assert docstring and ("Adds" in docstring or "adds" in docstring), name
    assert "site_model" not in pelicanconf.PLUGINS
