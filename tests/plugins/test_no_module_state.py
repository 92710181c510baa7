"""No plugin keeps state at module level: a value that outlives a build lives in
the warm cache, never in a module (where it would survive into the next build
of a long-lived process and make it show what a fresh build would not)."""

import ast

import pytest

from tests.site import ROOT

MUTATORS = {"append", "add", "update", "setdefault", "pop", "popitem", "clear", "extend",
            "insert", "remove", "discard", "__setitem__"}
MUTABLE_CALLS = {"dict", "list", "set", "defaultdict", "Counter", "OrderedDict", "deque",
                 "WeakValueDictionary", "WeakKeyDictionary"}
# Caches that may live as long as the process: pure functions of their arguments.
CACHE_ALLOWED = {
    ("japanese_phrases/japanese_phrases.py", "parser"): "the BudouX model, read-only",
    ("japanese_phrases/japanese_phrases.py", "phrases"): "phrases of a text: a pure function",
    ("content_check/context.py", "markdown"): "one check's Markdown converter, on the check",
    ("localised_interface/localised_interface.py", "a function wrapped at run time"):
        "dates and numbers formatted by one build's Interface, which dies with the build",
}
CACHES = {"cache", "lru_cache", "cached_property"}


def module_state_problems(source):
    """Module-level values the module changes, ``global`` statements, and
    function caches: each a way for one build to leave something for the next."""
    tree = ast.parse(source)
    mutable = set()
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else (
            [node.target] if isinstance(node, ast.AnnAssign) and node.value else [])
        value = getattr(node, "value", None)
        is_mutable = isinstance(value, (ast.Dict, ast.List, ast.Set, ast.DictComp,
                                        ast.ListComp, ast.SetComp)) or (
            isinstance(value, ast.Call) and getattr(value.func, "id",
                                                    getattr(value.func, "attr", None))
            in MUTABLE_CALLS)
        if is_mutable:
            mutable |= {t.id for t in targets if isinstance(t, ast.Name)}
    problems = []
    decorators = {id(d) for node in ast.walk(tree)
                  if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
                  for d in node.decorator_list}
    for node in ast.walk(tree):
        if isinstance(node, ast.Global):
            problems.append(("global", ", ".join(node.names)))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr in MUTATORS and isinstance(node.func.value, ast.Name) \
                and node.func.value.id in mutable:
            problems.append(("changed", node.func.value.id))
        elif isinstance(node, (ast.Assign, ast.AugAssign, ast.Delete)):
            targets = node.targets if isinstance(node, (ast.Assign, ast.Delete)) else [
                node.target]
            for target in targets:
                if isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name) \
                        and target.value.id in mutable:
                    problems.append(("changed", target.value.id))
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for decorator in node.decorator_list:
                called = decorator.func if isinstance(decorator, ast.Call) else decorator
                name = getattr(called, "id", getattr(called, "attr", None))
                if name in CACHES:
                    problems.append(("cache", node.name))
        elif isinstance(node, ast.Call) and getattr(node.func, "id", None) in CACHES \
                and id(node) not in decorators:
            problems.append(("cache", "a function wrapped at run time"))
    return problems


def plugin_modules():
    return sorted(path for path in (ROOT / "plugins").rglob("*.py"))


@pytest.mark.parametrize("path", plugin_modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_plugin_module_keeps_state_between_builds(path):
    relative = path.relative_to(ROOT / "plugins").as_posix()
    problems = [(kind, name) for kind, name in
                module_state_problems(path.read_text(encoding="utf-8"))
                if (relative, name) not in CACHE_ALLOWED]
    assert problems == []


def test_the_rule_catches_each_way_of_keeping_state_in_a_module():
    planted = {
        "a dict filled as a cache": "_minutes = {}\ndef f(p):\n    _minutes[p] = 1\n",
        "a dict filled by a method": "SEEN = dict()\ndef f(p):\n    SEEN.setdefault(p, 1)\n",
        "a list appended to": "DONE = []\ndef f(p):\n    DONE.append(p)\n",
        "a global rebound": "last = None\ndef f(p):\n    global last\n    last = p\n",
        "lru_cache": "from functools import lru_cache\n@lru_cache\ndef f(p):\n    return p\n",
        "cache": "import functools\n@functools.cache\ndef f(p):\n    return p\n",
    }
    for name, source in planted.items():
        assert module_state_problems(source), name
    assert module_state_problems("TABLE = {'a': 1}\ndef f(k):\n    return TABLE[k]\n") == []
