"""Lists and quotes nested too deep: Python-Markdown converts each level by
recursion, so a list nested a thousand deep takes most of a minute and then
fails with no line named. Refused here, by line, in one pass over the text."""

import re

from site_model.catalogs import N_

NESTING_LIMIT = 20
QUOTE = re.compile(r"[ ]{0,3}>[ ]?")
LIST_ITEM = re.compile(r"(?P<indent>[ ]*)(?:[-*+]|[0-9]+[.)])(?:[ ]|$)")


def depth_of(line):
    """How many lists and quotes a line opens or sits in (a list level is four
    spaces, as Python-Markdown reads them)."""
    depth, position = 0, 0
    while True:
        quote = QUOTE.match(line, position)
        if not quote:
            break
        depth, position = depth + 1, quote.end()
    item = LIST_ITEM.match(line, position)
    if item:
        depth += len(item["indent"]) // 4 + 1
    return depth


def check_nesting(self, doc, plain_lines):
    for index, line in enumerate(plain_lines):
        depth = depth_of(line)
        if depth > NESTING_LIMIT:
            self.report(doc, doc.header.body_line + index, "body", N_(
                "lists or quotes are nested %(depth)s deep here (keep to %(limit)s levels "
                "or fewer)"), depth=depth, limit=NESTING_LIMIT)
            return  # one line is enough: the rest of the text is as deep
