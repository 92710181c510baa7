"""The byline: every key in ``Authors:`` names an author of the ``AUTHORS`` setting."""

from site_model.authors import author_problems


def check_authors(check, doc):
    for message, values in author_problems(doc.value("authors"), check.settings):
        check.report(doc, doc.line("authors"), "Authors", message, **values)
