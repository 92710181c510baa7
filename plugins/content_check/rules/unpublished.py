"""A published report never gives away one that is not published yet: no
``{filename}`` link from a published post to a draft or a post scheduled for
later (its address, ``drafts/posts/SLUG/``, and so its slug, would be online
before it is). Checked at every run: a link's target changes status on its own.
"""

from site_model.catalogs import N_
from site_model.translation_of import parse as parse_translation_of

from .. import body
from .dates import moment


def is_unpublished(check, doc):
    """A draft, or a post whose Date is still to come."""
    if (doc.value("status") or "published") == "draft":
        return True
    date = moment(check, doc.value("date"))
    return bool(date and check.now and date > check.now)


def check_links_to_unpublished(check, docs):
    by_path = {doc.path.resolve(): doc for doc in docs}
    for doc in docs:
        if is_unpublished(check, doc):
            continue  # a draft may link another draft: neither is online
        for number, target in filename_links(doc):
            linked = linked_doc(check, doc, target, by_path)
            if linked is not None and is_unpublished(check, linked):
                check.report(doc, number, "link", N_(
                    "'%(src)s' is a draft or is scheduled for later, and this link "
                    "would publish its address now (remove the link until %(other)s "
                    "is published)"), src=target, other=linked.shown)


def filename_links(doc):
    """[(line, target)] of the ``{filename}`` links in a post's body and summary,
    found once per reading of the file (a preview keeps unchanged documents)."""
    found = doc.__dict__.get("_filename_links")
    if found is None:
        texts = [(doc.header.body, doc.header.body_line)]
        summary = doc.header.first("summary")
        if summary:
            texts.append(("\n".join(summary.values), summary.line))
        found = doc.__dict__["_filename_links"] = [
            (number, target) for text, first_line in texts
            for number, _kind, _alt, target in body.images_and_links(text, first_line)
            if target.startswith("{filename}")]
    return found


def linked_doc(check, doc, target, by_path):
    if not target.startswith("{filename}"):
        return None
    path = target.removeprefix("{filename}").split("#")[0].split("?")[0]
    if not path:
        return None
    candidate = check.root / path.lstrip("/") if path.startswith("/") else doc.path.parent / path
    try:
        return by_path.get(candidate.resolve())
    except (OSError, ValueError):
        return None


def check_translations_wait(check, docs):
    """A translation goes online with its original, never before: while the
    original is a draft or scheduled, a published translation would give it away."""
    originals = {(doc.kind, doc.value("slug"), doc.value("lang")): doc for doc in docs}
    for doc in docs:
        claim = parse_translation_of(doc.value("translation-of"))
        original = originals.get((doc.kind, doc.value("slug"), claim[0])) if claim else None
        if original is None or is_unpublished(check, doc) or not is_unpublished(check, original):
            continue
        check.report(doc, doc.line("date") if doc.value("date") else 1, "Status", N_(
            "would be published before its original %(original)s, which is a draft or is "
            "scheduled for later (add 'Status: draft', or give it the original's Date)"),
            original=original.shown)
