"""A "Changes since publication" page for every report readers saw change.

From the repository's own history of each published report's file (see
``git_history.py``): when at least one commit after publication changed what
readers see (title, summary or body text), the report gets a page in its
language at ``{report URL}history/`` listing each change, newest first, with
its date and a word-level comparison (``<del>``/``<ins>``). Only dates and
text are published, never an author, e-mail address or commit message, and no
date comes from the clock. Without git history (a tarball, a generated
corpus) the build says so once and writes no history pages. A long-lived
preview reads the history once, and again only when HEAD moves.

Adds ``article.history_url`` (the page's URL, or None: the article template
links it) and the template ``report_history`` (``listing``, ``report``,
``history``: :class:`history.History`). Settings read:
``REPORT_HISTORY_WITHHELD`` (``[[file as editors see it, commit], ...]``:
that commit's change to that report is listed as withheld by date only and its
text appears nowhere), ``PATH``, ``TIMEZONE``, ``MARKDOWN``, ``WARM_CACHE``.
"""

import os
from zoneinfo import ZoneInfo

from pelican import signals
from pelican.generators import Generator
from site_model.languages import links_for
from site_model.listings import Listing
from site_model.problems import ContentProblems, Problem
from site_model.site import site_of

from .git_history import repository_of, run_git, versions_of
from .history import history_of
from .reading import Converter, defang_reported, read_version

# What this plugin adds (for templates, Pelican and readers), and what it reads
# that another plugin adds, each at the stage where it happens: held to the order
# of PLUGINS by tests/plugins/test_plugin_contracts.py.
PROVIDES = {"article.history_url": "generate_context"}
READS = {}

DEFAULTS = {"REPORT_HISTORY_WITHHELD": []}
NO_HISTORY = ("Report history: no git history of %s (not a repository, or nothing in it "
              "committed); no \"Changes since publication\" pages are written.")
SHALLOW = ("Report history: this is a shallow clone, so histories start at its oldest "
           "commit (check out the full history: fetch-depth: 0).")


def history_url(report):
    return f"{report.url}history/"


def history_save_as(report):
    return f"{report.save_as.removesuffix('index.html')}history/index.html"


class HistoryMemo:
    """What a long-lived preview keeps between builds (in ``WARM_CACHE.history``),
    or a fresh one for a single build."""

    def __init__(self, warm):
        self.slot = getattr(warm, "history", None)
        if self.slot is None:
            self.slot = {}

    def say_once(self, message):
        if message not in self.slot.setdefault("said", set()):
            self.slot["said"].add(message)
            print(message)

    def versions(self, key, read):
        if self.slot.get("key") != key:
            self.slot["key"], self.slot["versions"] = key, read()
        return self.slot["versions"]

    def readings(self):
        return self.slot.setdefault("readings", {})


def withheld_test(settings, shown, folder, timeline, unmatched):
    """is_withheld(commit) for the report shown as ``shown`` (content/en/x.md).

    History is read along the first parent of each merge, so a change made on
    a branch and merged reaches it as the merge: a withheld commit withholds the
    first version of the report that contains it (``git merge-base --is-ancestor``).
    """
    prefixes = [str(commit).strip().lower() for path, commit in
                settings.get("REPORT_HISTORY_WITHHELD", DEFAULTS["REPORT_HISTORY_WITHHELD"])
                if str(path).strip() == shown and len(str(commit).strip()) >= 7]
    withheld = set()
    for prefix in prefixes:
        direct = [v.commit for v, _ in timeline if v.commit.startswith(prefix)]
        if direct:
            withheld.update(direct)
            continue
        for version, _ in timeline:  # oldest first
            if run_git(folder, "merge-base", "--is-ancestor", prefix, version.commit) is not None:
                withheld.add(version.commit)
                break
        else:
            unmatched.append(prefix)
    return lambda commit: commit in withheld


def report_histories(site, settings):
    """[(report, History)] for every published report that changed."""
    memo = HistoryMemo(settings.get("WARM_CACHE"))
    content = os.path.realpath(settings["PATH"])
    repository = repository_of(content)
    if repository is None:
        memo.say_once(NO_HISTORY % settings["PATH"])
        return []
    if repository.shallow:
        memo.say_once(SHALLOW)
    reports = {os.path.realpath(report.source_path): report
               for lang in site.languages for report in site.published_in(lang)}
    key = (repository.top, repository.head, content, tuple(sorted(reports)))
    versions = memo.versions(key, lambda: versions_of(content, repository, list(reports)))
    if reports and not any(versions.values()):
        memo.say_once(NO_HISTORY % settings["PATH"])
        return []
    converter, readings = Converter(settings), memo.readings()
    timezone = ZoneInfo(settings["TIMEZONE"])
    reported = frozenset(domain for post in site.articles for domain in site.facts(post).domains)
    found, unmatched = [], []
    for path, report in sorted(reports.items()):
        timeline = []
        for version in versions.get(path, []):
            if version.blob and version.blob not in readings:
                readings[version.blob] = read_version(version.text, converter, timezone.key)
            timeline.append((version, defang_reported(readings.get(version.blob), reported)))
        shown = os.path.relpath(path, os.path.dirname(content)).replace(os.sep, "/")
        is_withheld = withheld_test(settings, shown, content, timeline, unmatched)
        history = history_of(timeline, is_withheld, timezone)
        if history is not None:
            found.append((report, history))
    if unmatched:
        # A change the editors mean to withhold that the history does not hold
        # (a mistyped id, a rebased branch) must not pass in silence.
        raise ContentProblems([Problem("pelicanconf.py", 0, "REPORT_HISTORY_WITHHELD",
                                       f"'{prefix}' is no commit of that report's history "
                                       "(give the id `git log -- FILE` shows for the change)")
                               for prefix in unmatched])
    return found


class ReportHistoryGenerator(Generator):
    def generate_context(self):
        site = site_of(self.context)
        self.histories = report_histories(site, self.settings)
        # Every build sets it on every article: a preview keeps posts between builds.
        for article in site.articles:
            article.history_url = None
        for report, _ in self.histories:
            report.history_url = history_url(report)

    def generate_output(self, writer):
        template = self.get_template("report_history")
        for report, history in self.histories:
            url = history_url(report)
            listing = Listing(report.lang, "history", url,
                              links_for(self.settings, report.lang, {report.lang: url}))
            writer.write_file(history_save_as(report), template, self.context,
                              listing=listing, report=report, history=history)


def get_generators(pelican):
    return ReportHistoryGenerator


def register():
    signals.get_generators.connect(get_generators)
