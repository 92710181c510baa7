"""Listing excerpts that end at a sentence, in English and in Japanese.

An explicit ``Summary:`` always wins. Otherwise the summary is the opening
sentences of the report's paragraphs, stopping at the sentence end (``.``,
``!``, ``?`` in English; ``。``, ``！``, ``？`` in Japanese) nearest the budget:
``SUMMARY_WORDS`` words for English, ``SUMMARY_CHARACTERS`` characters for
Japanese, which has no spaces to count. A first sentence far over budget is cut
at a word (English) or at a ``、`` (Japanese), never inside a word, and marked
with an ellipsis. A summary is never the whole post.

Sets the summary of every article that has none, every build, from the
paragraphs the Site read (:mod:`site_model.site`); adds no other context.
Settings read: ``SUMMARY_WORDS`` (default 40), ``SUMMARY_CHARACTERS``
(default 110).
"""

import re
from html import escape

from pelican import signals
from pelican.contents import Article
from site_model.site import content_digest, derived, site_of

# What this plugin adds (for templates, Pelican and readers), and what it reads
# that another plugin adds, each at the stage where it happens: held to the order
# of PLUGINS by tests/plugins/test_plugin_contracts.py.
PROVIDES = {"article.summary": "all_generators_finalized",
            "article.summary_given": "content_object_init"}
READS = {}

SENTENCE_END = {
    "ja": re.compile(r"(?<=[。！？])"),
    "en": re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[A-Z0-9\"“‘(])"),
}
ELLIPSIS = {"ja": "…", "en": " …"}


def size(text, lang):
    return len(text) if lang == "ja" else len(text.split())


def sentences(text, lang):
    splitter = SENTENCE_END["ja" if lang == "ja" else "en"]
    return [s.strip() for s in splitter.split(text) if s.strip()]


def shorten(sentence, lang, budget):
    """Cut one long sentence at a word or clause boundary before the budget."""
    if lang == "ja":
        cut = sentence[:budget]
        comma = cut.rfind("、")
        cut = cut[: comma + 1] if comma > budget // 3 else cut
        return cut.rstrip("、") + ELLIPSIS["ja"]
    return " ".join(sentence.split()[:budget]).rstrip(",;:") + ELLIPSIS["en"]


def excerpt(text, lang, budget):
    parts = sentences(text, lang)
    if not parts:
        return ""
    chosen = []
    for sentence in parts:
        if chosen and size(" ".join(chosen + [sentence]), lang) > budget:
            break
        chosen.append(sentence)
    if len(chosen) == len(parts) and len(parts) > 1:
        chosen.pop()  # never the whole post
    summary = ("" if lang == "ja" else " ").join(chosen)
    if chosen == parts:  # a one-sentence post: show its first half
        return shorten(summary, lang, max(1, size(summary, lang) // 2))
    if size(summary, lang) > budget * 1.5:
        return shorten(summary, lang, budget)
    return summary


def note_given_summary(content):
    # What the reader read, kept with the post: a summary this plugin makes is
    # set again every build, one the editor wrote never.
    if isinstance(content, Article):
        content.summary_given = "summary" in content.metadata


def summarise(generators):
    site = site_of(generators[0].context)
    memo = derived(generators[0].settings)
    for article in site.articles:
        if getattr(article, "summary_given", True):
            continue
        settings = article.settings
        budget = settings.get("SUMMARY_CHARACTERS", 110) if article.lang == "ja" else (
            settings.get("SUMMARY_WORDS", 40))
        paragraphs = site.facts(article).paragraphs
        if memo is None:
            text = excerpt(paragraphs, article.lang, budget)
        else:
            key = ("summary", content_digest(paragraphs), article.lang, budget)
            if key not in memo:
                memo[key] = excerpt(paragraphs, article.lang, budget)
            text = memo[key]
        article._summary = article.metadata["summary"] = f"<p>{escape(text)}</p>" if text else ""


def register():
    signals.content_object_init.connect(note_given_summary)
    signals.all_generators_finalized.connect(summarise)
