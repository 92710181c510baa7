"""The checks of the output gate (see ``output_gate.py``)."""

import hashlib
import os
import re
import stat
from html import unescape
from pathlib import Path

from jinja2 import Template
from pelican.contents import Article, Page
from site_model.catalogs import N_, translations_for
from site_model.header import read_header
from site_model.html_policy import (
    Sanitiser,
    describe,
    fragment_violations,
    page_violations,
)
from site_model.problems import ContentProblems, Problem
from site_model.site import site_of
from site_model.urls import is_written

GATE = "_output_gate"
# The one template whose pages may refresh, to a page of the site itself.
REDIRECT_TEMPLATE = "redirect.html"
URL_VALUES = re.compile(r'\b(?:src|href|srcset)="([^"]*)"')

PAGE_MESSAGE = N_("the page %(page)s would carry %(what)s, which the site never publishes "
                  "(%(fix)s)")


class Gate:
    """One build's gate: the content it has read, and what it found."""

    def __init__(self, settings, context):
        self.settings, self.context = settings, context
        root = settings["SITEURL"]
        static = settings["THEME_STATIC_DIR"]
        self.scripts = {f"{root}/{static}/{name}"
                        for name in settings.get("OUTPUT_GATE_SCRIPTS", ["js/search.js"])}
        self.content_path = Path(settings["PATH"])
        self.reported = frozenset()
        self.read_urls = {}  # what the pages of this build link to, read once

    # 1. Content

    def contents(self):
        found = self.context.get("generated_content", {}).values()
        return [c for c in found if isinstance(c, Article | Page)]

    def check_content(self):
        contents = self.contents()
        # The build's one list of named domains: the Site's, read from every
        # field of every source, as the content check reads it.
        site = site_of(self.context)
        self.reported = frozenset(domain for post in (*site.articles, *site.pages)
                                  for domain in site.facts(post).domains)
        own_root = self.settings["SITEURL"] or None  # figures' images are absolute there
        sanitiser = Sanitiser(self.reported, own_root)
        problems = []
        warm = self.settings.get("WARM_CACHE")
        passed = warm.gate_passed if warm is not None else set()
        for content in contents:
            # HTML a long-lived preview has already checked and cleaned, against
            # the same domains and root, passes again.
            summary = content.metadata.get("summary")
            key = (digest(content._content, summary), self.reported, own_root)
            if key in passed:
                continue
            found = []
            for field, html in (("body", content._content), ("Summary", summary)):
                for violation in fragment_violations(html, self.reported, own_root):
                    found.append(self.problem(content, field, violation))
            content._content = sanitiser.clean(content._content)
            if summary:
                content.metadata["summary"] = sanitiser.clean(summary)
                if hasattr(content, "_summary"):
                    content._summary = content.metadata["summary"]
            if not found:
                passed.add((digest(content._content, content.metadata.get("summary")),
                            self.reported, own_root))
            problems += found
        if problems:
            raise ContentProblems(problems)

    def problem(self, content, field, violation):
        shown = self.shown(content)
        _ = translations_for(self.settings, content.lang).gettext
        message = describe(_, violation)
        return Problem(shown, source_line(content.source_path, violation, field), field, message)

    def shown(self, content):
        return (Path(self.content_path.name) / content.relative_source_path).as_posix()

    # 2. Pages

    def check_page(self, html, context, template):
        page = context.get("output_file", "")
        root = self.settings["SITEURL"] or "http://page.invalid"
        violations = page_violations(html, self.scripts, self.reported,
                                     page_url=f"{root}/{page}",
                                     redirect=template == REDIRECT_TEMPLATE,
                                     memo=self.read_urls)
        if not violations:
            return
        here = context.get("article") or context.get("page")
        lang = getattr(here or context.get("listing"), "lang", self.settings["DEFAULT_LANG"])
        _ = translations_for(self.settings, lang).gettext
        shown = self.shown(here) if here is not None else f"output/{page}"
        raise ContentProblems([
            Problem(shown, 0, "page", _(PAGE_MESSAGE) % {
                "page": page, "what": violation.detail,
                "fix": describe(_, violation)})
            for violation in violations
        ])

    # 3. Static files

    def keep_referenced_static(self, generator):
        referenced = set()
        siteurl = self.settings["SITEURL"]
        for content in self.contents():
            if is_written(content, self.settings):
                html = (content._content or "") + (content.metadata.get("summary") or "")
                referenced.update(referenced_paths(html, siteurl))
        problems = []
        kept = []
        for static in generator.staticfiles:
            source = self.content_path / static.relative_source_path
            inside = source.resolve().is_relative_to(self.content_path.resolve())
            if source.is_symlink() or not inside:
                problems.append(Problem(self.shown(static), 0, "file", translations_for(
                    self.settings, self.settings["DEFAULT_LANG"]).gettext(N_(
                        "is a symbolic link or lies outside the content folder, and is "
                        "never published (replace it with the file itself)"))))
            elif static.save_as in referenced:
                kept.append(static)
        if problems:
            raise ContentProblems(problems)
        generator.staticfiles[:] = kept
        generator.context["staticfiles"] = generator.staticfiles



def digest(*parts):
    hashed = hashlib.blake2b(digest_size=16)
    for part in parts:
        hashed.update(f"{len(part or '')}:{part or ''}".encode("utf-8", "surrogatepass"))
    return hashed.digest()


class GatedTemplate(Template):
    """A template whose every rendering is held to the page policy."""

    def render(self, *args, **kwargs):
        html = super().render(*args, **kwargs)
        context = dict(*args, **kwargs)
        gate = context.get(GATE)
        if gate is not None and self.name and self.name.endswith(".html"):
            gate.check_page(html, context, self.name)
        return html


def referenced_paths(html, siteurl):
    """The paths inside the site that ``html`` links or shows ("images/a.png")."""
    found = set()
    for value in URL_VALUES.findall(html):
        for candidate in value.split(","):
            url = unescape(candidate.strip().split(" ")[0]) if candidate.strip() else ""
            for prefix in ("{static}", "{attach}", siteurl):
                if prefix and url.startswith(prefix):
                    url = url[len(prefix):]
            if "://" not in url and not url.startswith("//"):
                found.add(url.split("#")[0].split("?")[0].lstrip("/"))
    return found


def needle(violation):
    """A pattern that finds ``violation`` in the Markdown that made it."""
    detail = violation.detail
    if violation.kind == "element":
        return re.escape("<" + detail.strip("<>").split()[0])
    if violation.kind in ("attribute", "event-handler"):
        return r"(?<![\w-])" + re.escape(detail.strip("<>").split()[-1]) + r"\s*="
    if violation.kind == "url-scheme":
        return re.escape(detail.rstrip(":")) + r"\s*:"
    if violation.kind == "comment":
        return re.escape("<!--")
    if violation.kind == "class":
        return re.escape(detail.split('"')[1]) if '"' in detail else "class"
    return re.escape(detail)


def source_line(path, violation, field):
    """The line of the source that shows ``violation`` in ``field``, or 0."""
    try:
        header = read_header(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return 0
    if field != "body":
        found = header.first(field.lower())
        return found.line if found else 0
    text = unescape(re.sub(r"[\t\r]", "", header.body))  # as a browser reads it
    match = re.search(needle(violation), text, re.IGNORECASE)
    return header.body_line + text.count("\n", 0, match.start()) if match else 0


def check_output_folder(output_path, settings):
    """No symbolic link, and nothing that resolves outside the output folder.

    A long-lived preview walks its folder once: later builds write through
    the journal, which writes regular files only."""
    warm = settings.get("WARM_CACHE")
    if warm is not None:
        if warm.output_checked == str(output_path):
            return
        warm.output_checked = str(output_path)
    root = Path(output_path).resolve()
    problems = []
    for directory, folders, files in os.walk(root, followlinks=False):
        for name in folders + files:
            path = Path(directory, name)
            mode = path.lstat().st_mode
            if stat.S_ISLNK(mode) or not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
                problems.append(path)
    if problems:
        _ = translations_for(settings, settings["DEFAULT_LANG"]).gettext
        message = _(N_("is a symbolic link or not a regular file, and is never published "
                       "(find what put it there)"))
        raise ContentProblems([
            Problem(f"output/{p.relative_to(root).as_posix()}", 0, "file", message)
            for p in problems
        ])
