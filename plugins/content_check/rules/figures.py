"""``::: figure`` blocks: closed, complete, known fields, an image that
exists, a known type, a real capture date."""

import re
from datetime import datetime

from site_model.catalogs import N_
from site_model.figures import (
    CAPTURED,
    FIELDS,
    IMAGE_PROBLEMS,
    REQUIRED,
    TYPES,
    figure_blocks,
    image_path,
    image_problem,
    problem_values,
)
from site_model.web_url import domain_of

from ..context import listing, suggestion


def check_figures(self, doc):
    lines = doc.header.body.split("\n")
    for start, fields, closed in figure_blocks(lines, doc.header.body_line):
        if not closed:
            self.report(doc, start, "figure", N_(
                "is not closed (end it with a line ':::')"))
        for key in REQUIRED:
            if not fields.get(key, ("", 0))[0]:
                self.report(doc, fields.get(key, ("", start))[1], "figure", N_(
                    "has no '%(key)s:' (add a line '%(key)s: ...' inside the ::: figure "
                    "block)"), key=key)
        for key, (_, line) in fields.items():
            if key not in FIELDS:
                close = suggestion(key, FIELDS)
                self.report(doc, line, "figure", N_(
                    "'%(key)s' is not a figure field (%(fix)s)"), key=key,
                    fix=self.choose_from(doc, key, FIELDS) if close else listing(FIELDS))
        if fields.get("image", ("", 0))[0]:
            value, line = fields["image"]
            code = None if re.match(r"^[a-z][a-z0-9+.-]*:|^//", value, re.I) else \
                image_problem(self.root, image_path(value), decode=False)
            if code:
                self.report(doc, line, "figure", IMAGE_PROBLEMS[code], **problem_values(value))
            else:
                self.check_image(doc, line, "figure", "/" + image_path(value))
        if "type" in fields and fields["type"][0] not in TYPES:
            value, line = fields["type"]
            self.report(doc, line, "figure", N_(
                "'%(value)s' is not a figure type (use one of: %(choices)s)"),
                value=value, choices=listing(TYPES))
        if fields.get("source", ("", 0))[0] and not domain_of(fields["source"][0]):
            value, line = fields["source"]
            self.report(doc, line, "figure", N_(
                "source '%(value)s' is not a domain name (write the domain the "
                "evidence came from alone, as in 'source: example.net')"), value=value)
        if fields.get("captured", ("", 0))[0]:
            value, line = fields["captured"]
            try:
                if not CAPTURED.match(value):
                    raise ValueError
                datetime.strptime(value, "%Y-%m-%d")
            except ValueError:
                self.report(doc, line, "figure", N_(
                    "captured '%(value)s' is not a date (write YYYY-MM-DD)"), value=value)
