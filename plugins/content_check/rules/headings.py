"""Headings whose id is one the theme already writes on every page.

Markdown's ``toc`` extension gives each heading an id made from its text
(``MARKDOWN`` in ``pelicanconf.py``): a heading "Main" becomes ``id="main"``,
the target of the theme's skip link, and a page with two equal ids sends
links and assistive technology to the wrong one. The theme's fixed ids are
read from its templates at every check (an ``id="..."`` with no Jinja in it),
and each heading's id is made by Markdown itself, with the site's extensions.
"""

import re
from pathlib import Path

from markdown.extensions.toc import unique
from site_model.catalogs import N_

THEME_ID = re.compile(r"""(?<![\w-])id\s*=\s*(?:"([^"]*)"|'([^']*)')""")
ATX = re.compile(r"^(?:[ ]{0,3}>[ ]?)*+#")  # possessive: never backtracks
SETEXT_UNDERLINE = re.compile(r"^[=-]+[ ]*$")
MADE_ID = re.compile(r"<h[1-6]\b[^>]*?\bid=\"([^\"]*)\"")


def theme_ids(settings):
    """The ids written literally in the theme's templates."""
    found = set()
    templates = Path(settings["THEME"]) / "templates"
    for template in sorted(templates.rglob("*.html")):
        for match in THEME_ID.finditer(template.read_text(encoding="utf-8")):
            value = match[1] if match[1] is not None else match[2]
            if value.strip() and "{" not in value:  # "{{ ... }}" varies by page
                found.add(value.strip())
    return frozenset(found)


def heading_sources(plain_lines, lines):
    """[(index, Markdown of one heading)] outside code blocks, as Python-Markdown
    finds them: a line starting with '#', or the first line of a block
    underlined with '=' or '-'."""
    found = []
    for index, plain in enumerate(plain_lines):
        if plain.startswith("    ") or not plain.strip():
            continue
        if ATX.match(plain):
            found.append((index, lines[index]))
        elif (index + 1 < len(plain_lines) and SETEXT_UNDERLINE.match(plain_lines[index + 1])
              and (index == 0 or not plain_lines[index - 1].strip())):
            found.append((index, lines[index] + "\n" + plain_lines[index + 1]))
    return found


def check_heading_ids(self, doc, plain_lines):
    if not self.theme_ids:
        return
    lines = doc.header.body.split("\n")
    headings = heading_sources(plain_lines, lines)
    if not headings:
        return
    converter = self.markdown
    # As toc counts: a hundred headings "Main" are numbered once each, not rescanned.
    used, counters = set(), {}
    for index, source in headings:
        converter.reset()
        made = MADE_ID.search(converter.convert(source))
        if not made:
            continue
        heading_id = unique(made[1], used, counters)
        if heading_id in self.theme_ids:
            self.report(doc, doc.header.body_line + index, "body", N_(
                "the heading '%(heading)s' would get the id '%(id)s', which the site's "
                "own layout already uses on the page (reword the heading)"),
                heading=heading_text(source), id=heading_id)


def heading_text(source):
    """The heading as the editor wrote it, without its '>' and '#' marks."""
    return source.split("\n")[0].lstrip("> ").lstrip("#").strip().rstrip("#").strip()
