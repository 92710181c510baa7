"""A word-level comparison of two texts, as HTML with <del> and <ins>.

Latin words (and numbers) are compared whole; Japanese and Chinese characters
one by one, since those scripts do not put spaces between words."""

import difflib
import re

from markupsafe import Markup, escape

# A run of word characters outside the CJK blocks, a run of spaces, or any one character.
TOKEN = re.compile(
    r"(?:(?![\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f])\w)+"
    r"|\s+|.", re.DOTALL)
# Below this share of words in common, a paragraph is shown removed and added whole.
REWRITTEN = 0.4


def tokens(text):
    return TOKEN.findall(text)


def marked(before, after):
    """``after`` as readers see it now, with what was removed in <del> and what
    was added in <ins>."""
    old, new = tokens(before), tokens(after)
    pieces = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    if old and new and matcher.ratio() < REWRITTEN:
        # Rewritten rather than edited: word-by-word marks would only be noise.
        return Markup("<del>{}</del><ins>{}</ins>").format(before, after)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            pieces.append(escape("".join(new[j1:j2])))
            continue
        if i2 > i1:
            pieces.append(Markup("<del>{}</del>").format("".join(old[i1:i2])))
        if j2 > j1:
            pieces.append(Markup("<ins>{}</ins>").format("".join(new[j1:j2])))
    return Markup("").join(pieces)


def changed_paragraphs(before, after):
    """[(old, new)] for the paragraphs that differ ("" where one was added or
    removed): paragraphs are paired first, then compared word by word
    (:func:`marked`), so a long report compares quickly."""
    found = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        old, new = list(before[i1:i2]), list(after[j1:j2])
        for index in range(max(len(old), len(new))):
            found.append((old[index] if index < len(old) else "",
                          new[index] if index < len(new) else ""))
    return found
