"""The domains our reports name (``[[domain]]`` anywhere in ``content/``):
a post never links to them (:mod:`.body`)."""


def reported_domains(docs):
    found = set()
    for doc in docs:
        found.update(doc.mentions)
    return found
