"""What a post's text must not contain, found in the source with its line.

This is the early, line-numbered half of the rule: the output gate holds the
converted HTML of every post to the site's HTML policy whatever the trick, and
names the post; here the usual cases are named by line before anything is
built.

What is there is decided by the readers browsers use, never by patterns: the
text outside code is read as HTML by Lexbor (``selectolax``), which decodes
entities and splits tags and attributes as a browser does, and every URL, in
HTML or in Markdown's own link syntax (inline links, reference definitions
indented or not, autolinks, ``<address@host>``), is read by the browser's URL
reader (:mod:`site_model.web_url`), the one the output gate uses. Patterns
only find the line a finding is on. Every step is one pass over the text, so
the time taken grows with the length of the post, never faster (see
``bench/hostile_scaling.py``).
"""

import html
import itertools
import re
from collections import defaultdict

import markdown
from selectolax.lexbor import LexborHTMLParser
from site_model import web_url
from site_model.domains import from_host, invalid_mentions, is_reported
from site_model.html_policy import ACTIVE, URL_ATTRIBUTES, srcset_urls, url_scheme

SAFE_SCHEMES = ("http", "https", "mailto")
FENCE_OPEN = re.compile(r"^[ ]{0,3}(?P<fence>`{3,}|~{3,})")
BACKTICKS = re.compile(r"(?<!\\)`+")
# A block Python-Markdown may pass through as raw HTML: it starts with a tag.
HTML_BLOCK_START = re.compile(r"^[ ]{0,3}<(?P<name>[a-zA-Z][a-zA-Z0-9-]*|[!?])", re.MULTILINE)
# The elements Python-Markdown reads as raw HTML blocks (its own list).
BLOCK_LEVEL = frozenset(markdown.Markdown().block_level_elements)
BLANK_LINE = re.compile(r"\n[ \t]*\n")
# Markdown's link syntax, as Python-Markdown reads it (each pattern stops at
# the first character that cannot continue it: no pattern scans twice).
INLINE_LINK = re.compile(r"\]\(\s*(?:<(?P<angled>[^<>\n]*)>|(?P<plain>[^\s)]*))")
REFERENCE = re.compile(r"^[ \t]*\[[^\[\]\n]*\]:[ \t]*(?:\n[ \t]*)?<?(?P<url>[^\s<>]+)",
                       re.MULTILINE)
AUTOLINK = re.compile(r"<(?P<url>[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>]*)>")
AUTOMAIL = re.compile(r"<(?P<address>[^<>\s!:/]+@[^@<>\s]+)>")
# Markdown's attribute lists ("{: onclick=... }") set attributes on an element.
ATTRIBUTE_LIST = re.compile(r"\{:?(?P<attributes>[^{}\n]*)\}")
# Where to point: the places an element, an attribute or a comment starts.
TAG_START = re.compile(r"<\s*/?\s*(?P<name>[a-zA-Z][a-zA-Z0-9-]*)")
ATTRIBUTE_NAME = re.compile(r"(?<![\w-])(?P<name>[a-zA-Z_:][\w:.-]*)\s*=")
URL_ATTRIBUTE = re.compile(
    r"(?<![\w:-])(?P<name>" + "|".join(sorted(map(re.escape, URL_ATTRIBUTES | {"srcset"}),
                                               key=len, reverse=True))
    + r""")\s*=\s*(?:"(?P<double>[^"]*)"?|'(?P<single>[^']*)'?|(?P<bare>[^\s>"']+))""",
    re.IGNORECASE)
# Browsers stop nesting at 512 elements (Chromium); Lexbor does not, and takes
# time that grows with the square of the depth, so a text nested deeper than
# any report needs is refused before it is parsed.
NESTING_LIMIT = 256
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "source", "track", "wbr", "param"})
COMMENT = re.compile(r"<!--")
BOGUS_COMMENT = re.compile(r"<[!?]")
BAD_SCHEME = re.compile(r"(?<![a-z])(javascript|vbscript|data)\s*:", re.IGNORECASE)
MARKDOWN_IMAGE = re.compile(r"!\[(?P<alt>[^\[\]]*)\]\((?P<src>[^)\s]+)")
INTERNAL_LINK = re.compile(r"(?<!!)\[[^\[\]]*\]\((?P<src>\{(?:filename|static|attach)\}[^)\s]+)")


def blank(text):
    return re.sub(r"[^\n]", " ", text)


def fenced_blocks(lines):
    """[(first, last)] line indexes of the fenced code blocks, as Python-Markdown
    reads them: closed by the same character, at least as long, alone on its
    line; a fence never closed is no fence. One pass: for each fence character
    the longest bare fence still to come is known, so an opener that is never
    closed is passed over at once."""
    bare = []
    for line in lines:
        match = FENCE_OPEN.match(line)
        closing = match and not line.strip().strip(match["fence"][0])
        bare.append((match["fence"][0], len(match["fence"])) if closing else None)
    longest_after = {"`": [0] * (len(lines) + 1), "~": [0] * (len(lines) + 1)}
    for index in range(len(lines) - 1, -1, -1):
        for character, longest in longest_after.items():
            own = bare[index][1] if bare[index] and bare[index][0] == character else 0
            longest[index] = max(longest[index + 1], own)
    blocks, index = [], 0
    while index < len(lines):
        match = FENCE_OPEN.match(lines[index])
        if match:
            character, length = match["fence"][0], len(match["fence"])
            if longest_after[character][index + 1] >= length:
                end = next(i for i in range(index + 1, len(lines))
                           if bare[i] and bare[i][0] == character and bare[i][1] >= length)
                blocks.append((index, end))
                index = end + 1
                continue
        index += 1
    return blocks


def html_blocks(text):
    """[(start, end)] offsets of the raw HTML Python-Markdown passes through as
    it is, where backticks make no code: from a line that starts with one of
    Markdown's own block-level tags (or "<!", "<?") to the first blank line
    after its closing tag (to the end of the text when it is never closed)."""
    regions, position = [], 0
    lowered = text.lower()
    for match in HTML_BLOCK_START.finditer(text):
        name = (match["name"] or "").lower()
        if match.start() < position or (name[:1].isalpha() and name not in BLOCK_LEVEL):
            continue
        close = lowered.find(f"</{name}", match.start()) if name[:1].isalpha() else match.start()
        found = BLANK_LINE.search(text, close) if close >= 0 else None
        position = found.start() if found else len(text)
        regions.append((match.start(), position))
    return regions


def code_spans(text, start, end):
    """[(start, end)] of the code spans between ``start`` and ``end``: a run of
    backticks opens one, closed by the next run of the same length (each run
    looked at once)."""
    runs = [(m.start(), m.end()) for m in BACKTICKS.finditer(text, start, end)]
    following, seen = [None] * len(runs), {}
    for index in range(len(runs) - 1, -1, -1):
        length = runs[index][1] - runs[index][0]
        following[index] = seen.get(length)
        seen[length] = index
    spans, index = [], 0
    while index < len(runs):
        closing = following[index]
        if closing is None:
            index += 1
            continue
        spans.append((runs[index][0], runs[closing][1]))
        index = closing + 1
    return spans


def without_code(text):
    """``text`` with fenced blocks and code spans blanked out, line numbers kept.

    Backticks inside a raw HTML block are no code (Markdown passes the block
    through as it is), and a code span never crosses a blank line."""
    lines = text.split("\n")
    for first, last in fenced_blocks(lines):
        for index in range(first, last + 1):
            lines[index] = ""
    joined = "\n".join(lines)
    raw = html_blocks(joined)
    pieces, position = [], 0
    paragraphs = [0] + [m.end() for m in BLANK_LINE.finditer(joined)] + [len(joined)]
    raw_index = 0
    for start, end in itertools.pairwise(paragraphs):
        while raw_index < len(raw) and raw[raw_index][1] <= start:
            raw_index += 1
        if raw_index < len(raw) and raw[raw_index][0] < end:
            continue  # holds raw HTML: Markdown leaves its backticks alone
        for span_start, span_end in code_spans(joined, start, end):
            pieces.append(joined[position:span_start])
            pieces.append(blank(joined[span_start:span_end]))
            position = span_end
    pieces.append(joined[position:])
    return "".join(pieces)


class Lines:
    """Line numbers of offsets in a text, found by bisection."""

    def __init__(self, text, first_line):
        self.first_line = first_line
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def __call__(self, offset):
        low, high = 0, len(self.starts)
        while high - low > 1:
            middle = (low + high) // 2
            if self.starts[middle] <= offset:
                low = middle
            else:
                high = middle
        return self.first_line + low


def url_findings(value, reported):
    """[(kind, detail)] for one URL-bearing value, read as a browser reads it."""
    found = []
    scheme = url_scheme(value)
    if scheme and scheme not in SAFE_SCHEMES:
        found.append(("scheme", f"{scheme}:"))
    hosts = web_url.hosts_of(value) + web_url.mailto_domains(value)
    for host in hosts:
        shown = from_host(host)
        if is_reported(shown, reported):
            found.append(("reported", shown))
    return found


def element_findings(node, read_url, image=0):
    """[(kind, detail, needle)] for one element Lexbor read (the ``image``-th
    img of the text, if an img); the needle says where to look for it in the
    text ("tag", "attribute", "url" or "img", and which)."""
    found = []
    tag = node.tag
    if tag == "-comment":
        return [("comment", "<!--", ("comment", ""))]
    if tag in ACTIVE:
        found.append(("active", f"<{tag}>", ("tag", tag)))
    attributes = node.attributes
    if tag == "img" and not (attributes.get("alt") or "").strip():
        found.append(("img-alt", "<img>", ("img", image)))
    for name, value in attributes.items():
        if name.lower().startswith("on"):
            found.append(("active", f"{name.lower()}=", ("attribute", name.lower())))
        elif name in URL_ATTRIBUTES or name == "srcset":
            urls = srcset_urls(value or "") if name == "srcset" else [value or ""]
            for url in urls:
                for kind, detail in read_url(url):
                    found.append((kind, detail, ("url", url)))
    return found


def html_findings(plain, read_url):
    """[(kind, detail, needle)] of everything Lexbor reads in ``plain``."""
    tree = LexborHTMLParser(f"<!DOCTYPE html><html><head></head><body>{plain}")
    found, images = [], 0
    # From the root: a stray <body onload=...> lands on the page's own body.
    for node in tree.root.traverse(include_text=False):
        found += element_findings(node, read_url, images)
        images += node.tag == "img"
    return found


def places(plain):
    """Where things start in ``plain``: {needle: [offsets]}, in one pass each."""
    where = defaultdict(list)
    images = 0
    for match in TAG_START.finditer(plain):
        where[("tag", match["name"].lower())].append(match.start())
        if match["name"].lower() == "img" and not plain.startswith("/", match.start() + 1):
            where[("img", images)].append(match.start())
            where[("img", None)].append(match.start())
            images += 1
    for match in ATTRIBUTE_NAME.finditer(plain):
        where[("attribute", match["name"].lower())].append(match.start())
    for match in URL_ATTRIBUTE.finditer(plain):
        value = html.unescape(next(g for g in (match["double"], match["single"], match["bare"])
                                   if g is not None))
        urls = srcset_urls(value) if match["name"].lower() == "srcset" else [value]
        for url in urls:
            where[("url", url)].append(match.start())
    for pattern in (COMMENT, BOGUS_COMMENT):
        for match in pattern.finditer(plain):
            where[("comment", "")].append(match.start())
    return where


def markdown_links(plain):
    """[(offset, url)] of every link Markdown's own syntax makes in ``plain``."""
    found = []
    for match in INLINE_LINK.finditer(plain):
        found.append((match.start(), match["angled"] if match["angled"] is not None
                      else match["plain"]))
    for match in REFERENCE.finditer(plain):
        found.append((match.start(), match["url"]))
    for match in AUTOLINK.finditer(plain):
        found.append((match.start(), match["url"]))
    for match in AUTOMAIL.finditer(plain):
        found.append((match.start(), "mailto:" + match["address"]))
    return [(offset, html.unescape(url)) for offset, url in found if url]


def attribute_list_findings(plain, read_url):
    """[(offset, kind, detail)] for Markdown's attribute lists, read as the
    attributes of an element."""
    found = []
    for match in ATTRIBUTE_LIST.finditer(plain):
        if "=" not in match["attributes"]:
            continue
        tree = LexborHTMLParser(f"<body><p {match['attributes']}></p>")
        for node in tree.body.css("p") if tree.body else ():
            for kind, detail, _ in element_findings(node, read_url):
                found.append((match.start(), kind, detail))
    return found


def too_deep(plain):
    """The offset where elements opened in ``plain`` first nest deeper than
    :data:`NESTING_LIMIT` (counting every start tag that is not void, so never
    less deep than a browser would), or None."""
    depth = 0
    for match in TAG_START.finditer(plain):
        name = match["name"].lower()
        if match[0].lstrip("<").lstrip().startswith("/"):
            depth = max(depth - 1, 0)
        elif name not in VOID:
            depth += 1
            if depth > NESTING_LIMIT:
                return match.start()
    return None


def findings(text, first_line, reported):
    """[(line, kind, detail)] for the text of a post starting at ``first_line``."""
    plain = without_code(text)
    line = Lines(plain, first_line)
    where = places(plain)
    found = set()
    deep = too_deep(plain)
    if deep is not None:
        found.add((line(deep), "nesting", str(NESTING_LIMIT)))
    read = {}  # the same URL is read once

    def read_url(url):
        if url not in read:
            read[url] = url_findings(url, reported)
        return read[url]

    for kind, detail, needle in html_findings(plain, read_url) if deep is None else ():
        offsets = where.get(needle) or where.get((needle[0], None), [0])[:1]
        for offset in offsets:
            found.add((line(offset), kind, detail))
    for offset, url in markdown_links(plain):
        for kind, detail in read_url(url):
            found.add((line(offset), kind, detail))
    for offset, kind, detail in attribute_list_findings(plain, read_url):
        found.add((line(offset), kind, detail))
    # A scheme that runs code is refused wherever it stands outside code, the
    # tabs and newlines browsers drop inside URLs left out.
    decoded = html.unescape(plain)
    squeezed, offsets = squeeze(decoded)
    decoded_line = Lines(decoded, first_line)
    for match in BAD_SCHEME.finditer(squeezed):
        found.add((decoded_line(offsets[match.start()]), "scheme", f"{match[1].lower()}:"))
    for offset, raw in invalid_mentions(plain):
        found.add((line(offset), "mention", raw))
    return sorted(found)


def squeeze(text):
    """``text`` without tabs and newlines, and where each character came from."""
    kept = [(index, character) for index, character in enumerate(text)
            if character not in "\t\r\n"]
    return "".join(c for _, c in kept), [index for index, _ in kept] + [len(text)]


def images_and_links(text, first_line):
    """[(line, "image"|"link", alt or None, target)] of Markdown images and
    {filename}/{static} links, outside code."""
    plain = without_code(text)
    line = Lines(plain, first_line)
    found = []
    for match in MARKDOWN_IMAGE.finditer(plain):
        found.append((line(match.start()), "image", match["alt"], match["src"]))
    for match in INTERNAL_LINK.finditer(plain):
        found.append((line(match.start()), "link", None, match["src"]))
    return found
