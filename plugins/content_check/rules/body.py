"""A post's text and summary: active HTML, comments, schemes, images without
alt text, links to the sites our reports name, and image and link targets
(:mod:`.links`). What is found, and where, is ``content_check.body``'s."""

from site_model.catalogs import N_
from site_model.domains import invalid_mentions
from site_model.html_policy import MESSAGES

from .. import body
from .links import check_target


def check_body(self, doc):
    summary = doc.header.first("summary")
    texts = [(doc.header.body, doc.header.body_line)]
    if summary:
        texts.append(("\n".join(summary.values), summary.line))
    # A [[...]] in any other field (Title, Note...) must name a domain too.
    for found in doc.header.fields:
        if found.key.lower() != "summary":
            for _, raw in invalid_mentions(found.value):
                report_finding(self, doc, found.line, found.key, "mention", raw)
    for text, first_line in texts:
        field = "body" if first_line == doc.header.body_line else "Summary"
        for number, kind, detail in body.findings(text, first_line, self.reported_domains):
            report_finding(self, doc, number, field, kind, detail)
        for number, kind, alt, target in body.images_and_links(text, first_line):
            if kind == "image" and not alt.strip():
                self.report(doc, number, "image", N_(
                    "'%(src)s' has no alt text (describe it: ![what it shows](%(src)s))"),
                    src=target)
            if kind == "image":
                self.check_image(doc, number, "image", target)
            else:
                check_target(self, doc, number, "link", target)


def report_finding(self, doc, number, field, kind, detail):
    if kind == "active":
        self.report(doc, number, field, N_(
            "%(what)s is active HTML, which is never published (remove it; to show "
            "code, put it in a ``` block)"), what=detail)
    elif kind == "scheme":
        self.report(doc, number, field, MESSAGES["url-scheme"], what=detail)
    elif kind == "comment":
        self.report(doc, number, field, MESSAGES["comment"])
    elif kind == "img-alt":
        self.report(doc, number, "image", N_(
            "an img element without alt text (use ![description](path))"))
    elif kind == "reported":
        self.report(doc, number, "link", MESSAGES["reported-domain"], host=detail)
    elif kind == "nesting":
        self.report(doc, number, field, N_(
            "elements are nested more than %(limit)s deep from here, which no report "
            "needs (close each element you open, or write it in Markdown)"), limit=detail)
    elif kind == "mention":
        self.report(doc, number, field, N_(
            "[[%(value)s]] is not a domain name (write the site's domain alone, as in "
            "[[example.com]]: no spaces, paths or addresses)"), value=detail)
