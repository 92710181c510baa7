"""``Translation-Of: LANG HASH``: well formed, and naming an original, in
another language with the same slug, that is itself no translation: two
versions that each claim to translate the other leave no original."""

from site_model.catalogs import N_
from site_model.languages import language_name
from site_model.translation_of import parse as parse_translation_of

from .notes import check_translated_notes


def check_translation_of(self, doc):
    value = doc.value("translation-of")
    if value and parse_translation_of(value) is None:
        self.report(doc, doc.line("translation-of"), "Translation-Of", N_(
            "'%(value)s' is not 'LANG HASH' (let `make translate` write it)"),
            value=value)


def check_originals(self, docs, by_key):
    """Each translation against the original it names; ``by_key`` maps
    (kind, slug, lang) to the documents that have them."""
    for doc in docs:
        claim = parse_translation_of(doc.value("translation-of"))
        if not claim:
            continue
        source_lang = claim[0]
        originals = by_key.get((doc.kind, doc.value("slug"), source_lang), [])
        if source_lang == doc.value("lang") or not originals:
            self.report(doc, doc.line("translation-of"), "Translation-Of", N_(
                "no %(lang)s post has the slug '%(slug)s' (a translation uses the same "
                "Slug as its original)"), slug=doc.value("slug"),
                lang=language_name(source_lang, self.language_of(doc.shown, doc)))
            continue
        original = originals[0]
        its_claim = parse_translation_of(original.value("translation-of"))
        if its_claim and its_claim[0] == doc.value("lang"):
            self.report(doc, doc.line("translation-of"), "Translation-Of", N_(
                "this file and %(other)s each say they translate the other, so neither "
                "is the original (delete the Translation-Of line of the original)"),
                other=original.shown)
        elif its_claim:
            self.report(doc, doc.line("translation-of"), "Translation-Of", N_(
                "%(other)s is itself a translation, not an original (name the version "
                "it translates, in its language)"), other=original.shown)
        else:
            check_translated_notes(self, doc, original)
