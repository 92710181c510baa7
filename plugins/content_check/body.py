"""What a post's text must not contain, found in the source with its line.

This is the early, line-numbered half of the rule: the output gate holds the
converted HTML of every post to the site's HTML policy whatever the trick, and
names the post; here the usual cases are named by line before anything is
built. The whole text is searched, not line by line, so an attribute split
across lines is still found, and entities are decoded first, as a browser
would (``jav&#x61;script:``).
"""

import html
import re

from site_model.domains import is_reported, url_host

FENCE_OPEN = re.compile(r"^[ ]{0,3}(?P<fence>`{3,}|~{3,})")
CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.S)
ACTIVE_ELEMENT = re.compile(
    r"<\s*(script|iframe|frame|object|embed|applet|form|style|link|meta|base|svg|math|"
    r"template|portal)\b", re.I)
EVENT_HANDLER = re.compile(r"<[a-z][^>]*?\s(on[a-z]+)\s*=", re.I | re.S)
# Markdown's attribute lists, "{: onclick=...}", set any attribute on an element.
ATTRIBUTE_LIST_HANDLER = re.compile(r"\{:?[^}\n]*?(?<![\w-])(on[a-z]+)\s*=", re.I)
BAD_SCHEME = re.compile(r"(?<![a-z])(javascript|vbscript|data)\s*:", re.I)
COMMENT = re.compile(r"<!--")
LINK_TARGETS = re.compile(
    r"\]\(\s*<?([^)\s>]+)"  # [text](url)
    r"|\b(?:href|src|cite|action|formaction)\s*=\s*[\"']?([^\"'\s>]+)"  # HTML attributes
    r"|<([a-z][a-z0-9+.-]*:[^>\s]+)>"  # <https://...>
    r"|^\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)",  # [ref]: url
    re.I | re.M)
HTML_IMG_WITHOUT_ALT = re.compile(
    r"<img\b(?:(?![^>]*\balt\s*=)|(?=[^>]*\balt\s*=\s*(?:\"\"|''|[\s>])))[^>]*>", re.I | re.S)
MARKDOWN_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)")
INTERNAL_LINK = re.compile(r"(?<!!)\[[^\]]*\]\((?P<src>\{(?:filename|static|attach)\}[^)\s]+)")


def closing_fence(lines, start, fence):
    """The index of the line that closes ``fence`` opened at ``start``, or None.

    As Python-Markdown reads it: the same character, at least as long, alone on
    its line ("~~~" is not closed by "```"); a fence never closed is no fence.
    """
    for index in range(start + 1, len(lines)):
        match = FENCE_OPEN.match(lines[index])
        if match and match["fence"][0] == fence[0] and len(match["fence"]) >= len(fence) \
                and not lines[index].strip().strip(fence[0]):
            return index
    return None


def without_code(text):
    """``text`` with fenced blocks and code spans blanked out, line numbers kept."""
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        match = FENCE_OPEN.match(lines[index])
        end = closing_fence(lines, index, match["fence"]) if match else None
        if end is None:
            index += 1
            continue
        for blank in range(index, end + 1):
            lines[blank] = ""
        index = end + 1
    joined = "\n".join(lines)
    return CODE_SPAN.sub(lambda m: re.sub(r"[^\n]", " ", m[0]), joined)


def line_at(text, offset, first_line):
    return first_line + text.count("\n", 0, offset)


def findings(text, first_line, reported):
    """[(line, kind, detail)] for the text of a post starting at ``first_line``."""
    plain = without_code(text)
    decoded = html.unescape(plain)
    found = []
    for match in ACTIVE_ELEMENT.finditer(decoded):
        found.append((match.start(), "active", f"<{match[1].lower()}>"))
    for pattern in (EVENT_HANDLER, ATTRIBUTE_LIST_HANDLER):
        for match in pattern.finditer(decoded):
            found.append((match.start(1), "active", f"{match[1].lower()}="))
    squeezed = re.sub(r"[\t\r\n]", "", decoded)  # browsers drop these inside URLs
    for match in BAD_SCHEME.finditer(squeezed):
        offset = _offset_in(decoded, match.start(), squeezed)
        found.append((offset, "scheme", f"{match[1].lower()}:"))
    for match in COMMENT.finditer(decoded):
        found.append((match.start(), "comment", "<!--"))
    for match in HTML_IMG_WITHOUT_ALT.finditer(decoded):
        found.append((match.start(), "img-alt", "<img>"))
    for match in LINK_TARGETS.finditer(decoded):
        target = next(group for group in match.groups() if group)
        host = url_host(target)
        if is_reported(host, reported):
            found.append((match.start(), "reported", host))
    return [(line_at(decoded, offset, first_line), kind, detail)
            for offset, kind, detail in sorted(set(found))]


def _offset_in(decoded, squeezed_offset, squeezed):
    """Where an offset in the text without tabs and newlines falls in the text."""
    seen = 0
    for index, character in enumerate(decoded):
        if seen == squeezed_offset:
            return index
        if character not in "\t\r\n":
            seen += 1
    return len(decoded)


def images_and_links(text, first_line):
    """[(line, "image"|"link", alt or None, target)] of Markdown images and
    {filename}/{static} links, outside code."""
    plain = without_code(text)
    found = []
    for match in MARKDOWN_IMAGE.finditer(plain):
        found.append((line_at(plain, match.start(), first_line), "image", match["alt"], match["src"]))
    for match in INTERNAL_LINK.finditer(plain):
        found.append((line_at(plain, match.start(), first_line), "link", None, match["src"]))
    return found
