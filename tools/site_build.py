"""Build the site with Pelican, and tell editors what stopped it, never with a traceback.

    python tools/site_build.py [--settings publishconf.py] [--output DIR]
                               [--content DIR] [-e KEY=JSON ...] [--verbose]

Every build (``make build``, ``make publish``, the live preview) goes through
:func:`build`:

- the site is built into a fresh folder (``OUTPUT.next``) and swapped in only
  when the build succeeds, so a failed build leaves the previous output as it
  was (``fresh=False`` builds in place, for the preview's own folders);
- every problem found (the content check, the output gate, a post Pelican
  could not read, any warning Pelican logs) is a
  :class:`site_model.problems.Problem`, printed one per line as
  ``content/PATH.md:LINE: FIELD: message (fix)``, and the build exits with
  status 1;
- an error in the site's own code is one line saying so, with the details in
  ``cache/last-build-error.txt`` for the developers.

Pelican's signals, its log de-duplication and its memoised content live in
its modules: all are reset before each build (:mod:`site_model.pelican_compat`),
so a process that builds many times (the preview, the tests) builds each time
exactly as a fresh process would.
"""

import argparse
import json
import logging
import re
import shutil
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "plugins")] if str(ROOT / "plugins") not in sys.path else []

from jinja2 import BytecodeCache  # noqa: E402
from pelican import Pelican  # noqa: E402
from pelican.settings import read_settings  # noqa: E402
from site_model.html_policy import UnsafeHTML  # noqa: E402
from site_model.output import Journal  # noqa: E402
from site_model.pelican_compat import reset_pelican  # noqa: E402
from site_model.problems import ContentProblems, Problem, report  # noqa: E402

ERROR_LOG = ROOT / "cache" / "last-build-error.txt"
WARM = "WARM_CACHE"


@dataclass
class BuildResult:
    problems: list = field(default_factory=list)
    seconds: float = 0.0
    output: Path = None
    changed: list = field(default_factory=list)  # files a warm build wrote or removed

    @property
    def ok(self):
        return not self.problems


class Collector(logging.Handler):
    """Every warning or error Pelican or a plugin logs during a build."""

    def __init__(self, content_path):
        super().__init__(logging.WARNING)
        self.content_path = Path(content_path)
        self.problems = []

    def emit(self, record):
        self.problems.append(self.as_problem(record))

    def as_problem(self, record):
        message = " ".join(record.getMessage().split())
        if record.msg == "Could not process %s" and record.args:
            shown = self.shown(record.args[0])
            error = record.exc_info[1] if record.exc_info else None
            reason = " ".join(str(error).split()) if error else "unknown error"
            return Problem(shown, 0, "file", f"could not be read: {reason} (check the header "
                                             "and the text; `make check` names most mistakes)")
        # Pelican names the file in its own words: name it as editors see it.
        found = re.search(re.escape(str(self.content_path)) + r"/\S+?(?=[:,]?(\s|$))", message)
        if found:
            reason = re.sub(r"\s+(in|for|of)$", "", message.replace(found[0], "").strip(" :"))
            return Problem(self.shown(found[0]), 0, "file", f"{reason} (fix it before publishing)")
        return Problem("build", 0, "pelican", f"{message} (fix it before publishing)")

    def shown(self, path):
        path = Path(path)
        if not path.is_absolute():
            path = self.content_path / path
        try:
            return (Path(self.content_path.name) / path.relative_to(self.content_path)).as_posix()
        except ValueError:
            return str(path)


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates shared by every generator of a build (Pelican gives
    each its own Jinja environment, so each would compile the theme again).
    Jinja checks each entry against the template's source checksum."""

    def __init__(self):
        self.store = {}

    def load_bytecode(self, bucket):
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket):
        self.store[bucket.key] = bucket.bytecode_to_string()


@dataclass(slots=True)
class WarmCache:
    """Everything a long-lived process (the live preview, tests of it) keeps
    from one build to the next, each under its own name. It is handed to a
    build as the setting ``WARM_CACHE``; builds without it (``make build``,
    ``make publish``) keep nothing. Slots: no plugin can add a field of its own.
    """

    journal: Journal = field(default_factory=Journal)  # writes held until a build succeeds
    templates: MemoryBytecodeCache = field(default_factory=MemoryBytecodeCache)
    read_posts: dict = field(default_factory=dict)  # generator -> Pelican's content cache
    checked: dict = field(default_factory=dict)  # the content check's results per file
    search_files: dict = field(default_factory=dict)  # bundle folder -> (version, files)
    output_checked: str = ""  # the output folder the gate has walked once
    gate_passed: set = field(default_factory=set)  # digests of HTML the gate has passed
    # What a build derives from a post's HTML alone, by a digest of that HTML:
    # (what, digest, settings it depends on) -> value; a changed post, a new digest.
    by_content: dict = field(default_factory=dict)
    writer: object = None  # the incremental writer of the build running now
    last_build: dict = field(default_factory=dict)  # pages rendered and written, last build
    after_build: list = field(default_factory=list)  # work left for after the build
    history: dict = field(default_factory=dict)  # report_history: git versions, per HEAD


def settings_for(settings_file="pelicanconf.py", output=None, content=None, overrides=None):
    override = dict(overrides or {})
    if output is not None:
        override["OUTPUT_PATH"] = str(Path(output).resolve())
    if content is not None:
        override["PATH"] = str(Path(content).resolve())
    settings = read_settings(str(ROOT / settings_file), override=override)
    # A long-lived preview compiles each template once, not once a build.
    warm = settings.get(WARM)
    cache = warm.templates if warm is not None else MemoryBytecodeCache()
    settings["JINJA_ENVIRONMENT"].setdefault("bytecode_cache", cache)
    return settings


def run(settings):
    """Run Pelican once with ``settings``; the problems it met, if any."""
    reset_pelican()
    collector = Collector(settings["PATH"])
    root = logging.getLogger()
    root.addHandler(collector)
    try:
        Pelican(settings).run()
    except ContentProblems as stop:
        return stop.problems + collector.problems
    except UnsafeHTML as unsafe:
        return collector.problems + [unsafe_problem(unsafe, settings)]
    except Exception as error:  # noqa: BLE001 - every other failure becomes one line
        return collector.problems + [internal_error(error)]
    finally:
        root.removeHandler(collector)
    return collector.problems


def unsafe_problem(unsafe, settings):
    item, field = unsafe.where
    source = getattr(item, "source_path", None)
    shown = Collector(settings["PATH"]).shown(source) if source else "build"
    found = ", ".join(str(v) for v in unsafe.violations)
    return Problem(shown, 0, field, f"would publish {found} in a feed (remove it from the post)")


def internal_error(error):
    ERROR_LOG.parent.mkdir(parents=True, exist_ok=True)
    ERROR_LOG.write_text("".join(traceback.format_exception(error)), encoding="utf-8")
    reason = " ".join(f"{type(error).__name__}: {error}".split())[:300]
    return Problem("build", 0, "error", f"the site's own code failed: {reason} (not a "
                   f"mistake in a post: tell the developers; details in "
                   f"{ERROR_LOG.relative_to(ROOT)})")


def build(settings, fresh=True, before_swap=None, on_done=None):
    """Build with ``settings``.

    With ``fresh``, into ``OUTPUT.next``, swapped in on success
    (``before_swap(folder)`` may return more problems first). Otherwise in
    place, as the live preview builds with a :class:`WarmCache`: its writes are
    held in a journal and applied only on success. ``on_done(result)`` is
    called once the build's pages are in place, before the work plugins left
    for after the build (``WarmCache.after_build``, each called with whether
    the build succeeded).
    """
    started = time.perf_counter()
    output = Path(settings["OUTPUT_PATH"])
    if Path(settings["PATH"]).is_symlink():  # posts read, images copied from anywhere
        result = BuildResult([Problem("content", 0, "folder", "is a symbolic link: the posts "
                                      "must live in the project (replace it with the folder)")])
        if on_done is not None:
            on_done(result)
        return result
    target = output.with_name(output.name + ".next") if fresh else output
    # A fresh folder needs no emptying; a folder built in place is kept on purpose.
    settings = {**settings, "OUTPUT_PATH": str(target), "DELETE_OUTPUT_DIRECTORY": False}
    warm = settings.get(WARM)
    journal = warm.journal if warm is not None else None
    if fresh:
        shutil.rmtree(target, ignore_errors=True)
    if journal is not None:
        journal.begin()
    problems = run(settings)
    if not problems and before_swap is not None:
        problems = before_swap(target)
    changed = []
    if journal is not None:
        changed = journal.commit(target) if not problems else journal.discard() or []
    if fresh:
        if problems:
            shutil.rmtree(target, ignore_errors=True)
        else:
            swap(target, output)
    result = BuildResult(sorted(set(problems)), time.perf_counter() - started, output, changed)
    if on_done is not None:
        on_done(result)
    jobs = warm.after_build if warm is not None else []
    while jobs:
        jobs.pop(0)(result.ok)
    return result


def swap(new, output):
    previous = output.with_name(output.name + ".previous")
    shutil.rmtree(previous, ignore_errors=True)
    if output.exists():
        output.rename(previous)
    new.rename(output)
    shutil.rmtree(previous, ignore_errors=True)


def parse_overrides(pairs):
    overrides = {}
    for pair in pairs or ():
        key, _, value = pair.partition("=")
        overrides[key] = json.loads(value)
    return overrides


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--settings", default="pelicanconf.py")
    parser.add_argument("--output")
    parser.add_argument("--content")
    parser.add_argument("-e", "--extra", nargs="*", help="KEY=JSON settings")
    parser.add_argument("--publish-checks", action="store_true",
                        help="run the pre-deploy checks (tools/check_site.py) before swapping")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    logging.getLogger().setLevel(logging.INFO if args.verbose else logging.WARNING)
    if args.verbose:
        logging.getLogger().addHandler(logging.StreamHandler())
    settings = settings_for(args.settings, args.output, args.content,
                            parse_overrides(args.extra))
    before_swap = None
    if args.publish_checks:
        import check_site

        before_swap = check_site.problems_before_publishing
    result = build(settings, before_swap=before_swap)
    if result.problems:
        report(result.problems, sys.stderr)
        return 1
    print(f"Built {result.output} in {result.seconds:.1f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
