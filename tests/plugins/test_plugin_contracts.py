"""Plugins say what they add and what they read, and nothing depends on an
undeclared order.

Every plugin's main module declares ``PROVIDES`` and ``READS``: names
(``article.NAME``, ``page.NAME``, ``context.NAME``, ``jinja.NAME``) with the
stage of the build where each is written or read. The tests hold the code to
the declarations (a plugin that reads a name another plugin adds must declare
it; a plugin that sets an attribute or a context key must say so) and the
declarations to the order of ``PLUGINS``: a name is read only after its
providers have run. Everything else a plugin needs it reads from the Site
(:mod:`site_model.site`), which no plugin writes.
"""

import ast
import importlib

import pytest

import pelicanconf
from tests.site import ROOT

# Pelican 4.12's run, in order; generators run in the order of get_generators,
# which is the order of PLUGINS, as are the receivers of one signal.
STAGES = [
    "initialized", "get_generators", "readers_init", "generator_init", "static_generator_init",
    "article_generator_preread", "content_object_init", "article_generator_finalized",
    "page_generator_finalized", "generate_context", "static_generator_finalized",
    "all_generators_finalized", "get_writer", "generate_output", "content_written", "finalized",
]
# Attributes Pelican itself gives every post: read everywhere, so a plugin that
# changes one must declare it, and one that reads another plugin's change too.
PELICAN_OWN = {"content", "summary", "title", "status", "url", "save_as", "date",
               "modified", "override_url", "override_save_as", "lang", "slug", "category"}
CONTENT_NAMES = {"article", "content", "page", "post", "original", "report", "item",
                 "version", "translation"}


def contract(name):
    module = importlib.import_module(f"{name}.{name}")
    return module.PROVIDES, module.READS


def sources(name):
    return sorted((ROOT / "plugins" / name).glob("*.py"))


def order_violations(plugins, contracts):
    """[(reader, name, provider)] where ``reader`` reads ``name`` before
    ``provider`` has added it."""
    found = []
    for index, reader in enumerate(plugins):
        for name, read_at in contracts[reader][1].items():
            for where, provider in enumerate(plugins):
                provided_at = contracts[provider][0].get(name)
                if provider == reader or provided_at is None:
                    continue
                before = (STAGES.index(provided_at), where) < (STAGES.index(read_at), index)
                if not before:
                    found.append((reader, name, provider))
    return found


def test_every_plugin_declares_what_it_provides_and_reads_at_known_stages():
    for name in pelicanconf.PLUGINS:
        provides, reads = contract(name)
        for declared in (provides, reads):
            assert isinstance(declared, dict), name
            for key, stage in declared.items():
                assert key.split(".")[0] in ("article", "page", "context", "jinja"), key
                assert stage in STAGES, (name, key, stage)


def test_no_plugin_reads_a_name_before_its_providers_have_run():
    contracts = {name: contract(name) for name in pelicanconf.PLUGINS}
    assert order_violations(pelicanconf.PLUGINS, contracts) == []


def test_the_order_check_catches_a_reader_placed_before_its_provider():
    # The bug this contract exists for: translation_status read an original's
    # `modified` in the same stage before post_notes changed it.
    contracts = {
        "post_notes": ({"article.modified": "article_generator_finalized"}, {}),
        "translation_status": ({}, {"article.modified": "article_generator_finalized"}),
    }
    assert order_violations(["translation_status", "post_notes"], contracts) == [
        ("translation_status", "article.modified", "post_notes")]
    assert order_violations(["post_notes", "translation_status"], contracts) == []


def attribute_writes(tree):
    """Names set on posts (``article.x = ...``) and context keys set."""
    found = set()
    for node in ast.walk(tree):
        targets = node.targets if isinstance(node, ast.Assign) else (
            [node.target] if isinstance(node, (ast.AugAssign, ast.AnnAssign)) else [])
        for target in targets:
            if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) \
                    and target.value.id in CONTENT_NAMES and not target.attr.startswith("__"):
                found.add(f"article.{target.attr.lstrip('_')}")
            elif isinstance(target, ast.Subscript) and isinstance(target.slice, ast.Constant) \
                    and _is_context(target.value):
                found.add(f"context.{target.slice.value}")
    return found


def _is_context(node):
    return (isinstance(node, ast.Name) and node.id == "context") or (
        isinstance(node, ast.Attribute) and node.attr == "context")


def _is_post(node):
    """A variable that holds a post or page (by the names the plugins use)."""
    return isinstance(node, ast.Name) and node.id in CONTENT_NAMES | {"here", "other", "part"} \
        or isinstance(node, ast.Attribute) and node.attr in {"original", "article", "report"}


def name_reads(tree):
    """Attribute names read anywhere, and context keys read by item or .get()."""
    attributes, keys = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Load) \
                and _is_post(node.value):
            attributes.add(node.attr)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                and node.func.id == "getattr" and len(node.args) > 1 \
                and _is_post(node.args[0]) and isinstance(node.args[1], ast.Constant):
            attributes.add(node.args[1].value)
        elif isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Load) \
                and isinstance(node.slice, ast.Constant) and _is_context(node.value):
            keys.add(node.slice.value)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr == "get" and _is_context(node.func.value) and node.args \
                and isinstance(node.args[0], ast.Constant):
            keys.add(node.args[0].value)
    return attributes, keys


@pytest.mark.parametrize("name", pelicanconf.PLUGINS)
def test_a_plugin_declares_every_attribute_and_context_key_it_sets(name):
    provides, _ = contract(name)
    declared = {key.replace("page.", "article.") for key in provides}
    for path in sources(name):
        written = attribute_writes(ast.parse(path.read_text(encoding="utf-8")))
        # "_" keys of the context are a plugin's own machinery, read by it alone.
        undeclared = {w for w in written - declared if not w.startswith("context._")}
        assert not undeclared, f"{path.relative_to(ROOT)} sets {undeclared} without PROVIDES"


@pytest.mark.parametrize("name", pelicanconf.PLUGINS)
def test_a_plugin_reads_no_name_another_plugin_adds_unless_it_declares_it(name):
    others = {}
    for other in pelicanconf.PLUGINS:
        if other != name:
            for key in contract(other)[0]:
                others.setdefault(key, other)
    _, reads = contract(name)
    for path in sources(name):
        attributes, keys = name_reads(ast.parse(path.read_text(encoding="utf-8")))
        for key, provider in others.items():
            kind, _, attribute = key.partition(".")
            used = (kind in ("article", "page") and attribute not in PELICAN_OWN
                    and attribute in attributes) or (kind == "context" and attribute in keys)
            assert not used or key in reads, (
                f"{path.relative_to(ROOT)} reads {key}, which {provider} adds: read it "
                "from the Site instead, or declare it in READS")


def test_the_contract_check_catches_a_plugin_that_reads_another_plugins_attribute():
    planted = ast.parse("def describe(article):\n    return article.notes, article.series_box\n")
    attributes, _ = name_reads(planted)
    assert {"notes", "series_box"} <= attributes
    planted = ast.parse("def f(self):\n    return self.context['category_filter']\n")
    assert name_reads(planted)[1] == {"category_filter"}
    planted = ast.parse("def f(article):\n    article.notes = []\n")
    assert attribute_writes(planted) == {"article.notes"}
