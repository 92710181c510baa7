"""The HTML a published page may carry, read with a real HTML5 parser.

Two levels:

- **Fragments** from content (a report's body, summary, note, caption) may
  use only the elements, attributes, classes and URLs listed here.
  :func:`fragment_violations` names everything outside the list (the build
  fails on it: the editor must know), and :class:`Sanitiser` (Ammonia, through
  ``nh3``) removes it, so nothing outside the list reaches a page or a feed
  whatever the trick that hid it from the check.
- **Pages** (theme plus content) may hold only the elements and attributes
  the theme uses, in ``<head>`` and in ``<body>`` (lists below), run no
  script but the theme's own files (by exact URL) and JSON-LD data blocks,
  carry no event-handler attribute, no ``javascript:``/``vbscript:``/
  ``data:`` URL, no HTML comment, no refresh but a redirect page's to the
  site itself, and no link to a domain our reports name:
  :func:`page_violations`.

Both read the HTML with Lexbor (``selectolax``), which parses as browsers do,
and every URL with the browser's URL reader (:mod:`site_model.web_url`).
"""

import json
import re
from dataclasses import dataclass

import nh3
from selectolax.lexbor import LexborHTMLParser

from . import web_url
from .catalogs import N_
from .domains import from_host, is_reported

FRAGMENT_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "cite", "code", "dd", "del", "div", "dl", "dt",
    "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins",
    "li", "mark", "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub", "sup",
    "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "wbr",
})
_ALL = {"title", "lang", "translate"}
FRAGMENT_ATTRIBUTES = {
    "*": _ALL,
    "a": {"href", "rel", "hreflang", "class"},
    "img": {"src", "alt", "width", "height", "srcset", "sizes", "loading", "decoding"},
    "abbr": set(), "blockquote": {"cite"}, "q": {"cite"}, "del": {"cite"}, "ins": {"cite"},
    "ol": {"start", "reversed"}, "li": {"id", "value"}, "sup": {"id"},
    "th": {"align", "scope"}, "td": {"align"},
    "span": {"class", "data-domain", "data-type"}, "figure": {"class"},
    "div": {"class"}, "code": {"class"},
    **{f"h{level}": {"id"} for level in range(2, 7)},
}
# Classes the site's own Markdown extensions and Python-Markdown's write.
CLASSES = {
    "a": {"footnote-ref", "footnote-backref"},
    "div": {"footnote"},
    "span": {"domain", "evidence-type", "evidence-meta", "nobreak"},
    "figure": {"evidence", "evidence-screenshot", "evidence-document", "evidence-illustration"},
}
CODE_CLASS = re.compile(r"^language-[A-Za-z0-9_+#-]+$")
URL_ATTRIBUTES = frozenset({
    "href", "src", "cite", "action", "formaction", "poster", "background", "ping",
    "xlink:href", "data", "manifest", "codebase", "longdesc", "usemap",
})
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
ACTIVE = frozenset({
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input",
    "button", "textarea", "select", "style", "link", "meta", "base", "svg", "math",
    "template", "noscript", "portal", "audio", "video", "source", "track",
})


# What is wrong with each kind of violation, and the fix: the content check
# names the same things by line in the source.
MESSAGES = {
    "element": N_("%(what)s is not an element reports may use (remove it; to show code, "
                  "put it in a ``` block)"),
    "attribute": N_("%(what)s is not an attribute reports may use (remove it)"),
    "event-handler": N_("%(what)s runs script, which is never published (remove it)"),
    "url-scheme": N_("a '%(what)s' link runs code or hides content (link to a web page with "
                     "https:// instead)"),
    "reported-domain": N_("links to %(host)s, a site our reports name (write [[%(host)s]] "
                          "instead: we never link to the sites we report on)"),
    "external-image": N_("'%(src)s' is on another site (save it under content/images/ and "
                         "link {static}/images/NAME: readers' browsers must not contact "
                         "other hosts)"),
    "comment": N_("an HTML comment would be published in the page's source "
                  "(delete it; keep notes for editors outside the post)"),
    "class": N_("%(what)s is not a class reports may use (remove it)"),
    "script": N_("%(what)s would run on the page, and only the theme's own scripts may "
                 "(remove it)"),
}


def describe(_, violation):
    """What is wrong, and the fix, in the language of the gettext ``_``."""
    detail = violation.detail
    return _(MESSAGES[violation.kind]) % {"what": detail, "host": detail, "src": detail}


@dataclass(frozen=True, order=True)
class Violation:
    """One thing outside the policy: ``kind`` names the rule, ``detail`` the offender."""

    kind: str  # element, attribute, event-handler, url-scheme, external-image,
    #           reported-domain, comment, class, script
    detail: str

    def __str__(self):
        return f"{self.kind}: {self.detail}"


def parse(html):
    # After <body>, everything the fragment holds lands inside it, as in a page.
    return LexborHTMLParser(f"<!DOCTYPE html><html><head></head><body>{html}")


def url_scheme(value):
    """The scheme a browser reads in a URL ("javascript" in "jav\\tascript:");
    "" for a relative URL or one a browser would not follow."""
    url = web_url.parse(value)
    return url.protocol.rstrip(":") if url is not None else ""


def srcset_urls(value):
    return [candidate.strip().split()[0] for candidate in value.split(",") if candidate.strip()]


def url_violations(attribute, value, reported, tag="", own_root=None, base=None):
    """What is wrong with a URL attribute, read by the browser's URL reader on
    the page ``base`` (on any page when None); ``own_root`` is the site's own
    absolute root, where images may be (feeds use absolute URLs)."""
    urls = srcset_urls(value) if attribute == "srcset" else [value]
    bases = (base,) if base else web_url.PAGE_BASES
    own_host = web_url.host_of(own_root) if own_root else ""
    found = []
    for url in urls:
        scheme = url_scheme(url)
        hosts = [from_host(host) for host in web_url.hosts_of(url, bases)]
        hosts += [from_host(host) for host in web_url.mailto_domains(url)]
        reached = [host for host in hosts if is_reported(host, reported)]
        if scheme and scheme not in SAFE_SCHEMES:
            found.append(Violation("url-scheme", f"{scheme}:"))
        elif reached:
            found.append(Violation("reported-domain", reached[0]))
        elif tag == "img" and (scheme or hosts) and not (
                own_host and all(web_url.host_of(url, b) == own_host for b in bases)):
            found.append(Violation("external-image", url))
    return found


def class_allowed(tag, name):
    return name in CLASSES.get(tag, ()) or (tag == "code" and bool(CODE_CLASS.match(name)))


def fragment_violations(html, reported=frozenset(), own_root=None):
    """Everything in a content fragment that the policy does not allow, sorted."""
    if not html or not html.strip():
        return []
    found = set()
    for node in parse(html).root.traverse(include_text=False):
        tag = node.tag
        if tag == "-comment":
            found.add(Violation("comment", "<!-- -->"))
            continue
        if tag in ("html", "head", "body"):
            # Attributes on a stray <html> or <body> tag land on the page's own.
            for name in node.attributes:
                found.add(Violation(_attribute_kind(name), f"<{tag} {name}>"))
            continue
        known = tag in FRAGMENT_TAGS
        if not known:
            found.add(Violation("element", f"<{tag}>"))
        allowed = FRAGMENT_ATTRIBUTES["*"] | FRAGMENT_ATTRIBUTES.get(tag, set())
        for name, value in node.attributes.items():
            value = value or ""
            if name not in allowed and (known or _attribute_kind(name) == "event-handler"):
                found.add(Violation(_attribute_kind(name), f"<{tag} {name}>"))
            elif name == "class":
                for word in value.split():
                    if not class_allowed(tag, word):
                        found.add(Violation("class", f'<{tag} class="{word}">'))
            if name in URL_ATTRIBUTES or name == "srcset":
                found.update(url_violations(name, value, reported, tag, own_root))
    return sorted(found)


def _attribute_kind(name):
    return "event-handler" if name.lower().startswith("on") else "attribute"


class Sanitiser:
    """Ammonia with the fragment policy: what it returns is inside the list."""

    def __init__(self, reported=frozenset(), own_root=None):
        self.reported, self.own_root = frozenset(reported), own_root
        attributes = {tag: set(names) for tag, names in FRAGMENT_ATTRIBUTES.items()}
        self._cleaner = nh3.Cleaner(
            tags=set(FRAGMENT_TAGS),
            attributes=attributes,
            url_schemes=set(SAFE_SCHEMES),
            strip_comments=True,
            link_rel=None,
            attribute_filter=self._attribute,
        )

    def _attribute(self, tag, name, value):
        if name == "class":
            kept = [word for word in value.split() if class_allowed(tag, word)]
            return " ".join(kept) or None
        if name in URL_ATTRIBUTES or name == "srcset":
            violations = url_violations(name, value, self.reported, tag, self.own_root)
            return None if violations else value
        return value

    def clean(self, html):
        return self._cleaner.clean(html) if html else html


# What a whole page may hold: the theme's own elements and attributes
# (theme/templates), and what content may add. Nothing else is published.
PAGE_HEAD_TAGS = frozenset({"head", "meta", "link", "title", "script"})
PAGE_BODY_TAGS = FRAGMENT_TAGS | frozenset({
    "html", "body", "header", "footer", "main", "nav", "aside", "article", "section",
    "details", "summary", "time", "form", "input", "label", "button", "noscript", "h1",
    "script", "fieldset", "legend", "select", "option",
})
PAGE_GLOBAL_ATTRIBUTES = frozenset({"class", "id", "lang", "translate", "title", "role",
                                    "tabindex", "hidden", "dir"})
PAGE_ATTRIBUTE_PREFIXES = ("aria-", "data-pagefind-")
PAGE_ATTRIBUTES = {
    **{tag: set(names) for tag, names in FRAGMENT_ATTRIBUTES.items() if tag != "*"},
    "a": FRAGMENT_ATTRIBUTES["a"] | {"download", "type"},  # the Domains page's data files
    "html": {"lang", "dir"},
    "meta": {"charset", "content", "name", "property", "http-equiv"},
    "link": {"href", "hreflang", "rel", "type", "sizes"},
    "script": {"src", "type"},
    "time": {"datetime"},
    "form": {"action", "method", "data-bundles", "data-failed", "data-none", "data-one",
             "data-other", "data-root", "data-search", "data-none-filtered",
             "data-one-filtered", "data-other-filtered"},
    "select": {"name", "data-filter"},  # the search page's category and year filters
    "option": {"value", "selected"},
    "input": {"autocomplete", "name", "spellcheck", "type", "value", "placeholder"},
    "label": {"for"},
    "button": {"type"},
}
LINK_RELS = frozenset({"canonical", "alternate", "icon", "stylesheet", "next", "prev",
                       "author", "license"})
META_NAMES = frozenset({"color-scheme", "description", "referrer", "robots", "viewport",
                        "twitter:card"})
META_PROPERTY_PREFIXES = ("og:", "article:")
META_HTTP_EQUIV = frozenset({"content-security-policy"})
ASCII_WHITESPACE = "\t\n\x0c\r "


def refresh_target(content):
    """The URL a ``<meta http-equiv="refresh" content=...>`` sends a browser to,
    read with the HTML standard's steps ("0;url='x'", "0, x", "1.5 URL = x"):
    None when a browser would not refresh, "" for the page itself."""
    text, position = content or "", 0

    def skip_whitespace(at):
        while at < len(text) and text[at] in ASCII_WHITESPACE:
            at += 1
        return at

    position = skip_whitespace(position)
    start = position
    while position < len(text) and text[position].isascii() and text[position].isdigit():
        position += 1
    if position == start and text[position:position + 1] != ".":
        return None
    while position < len(text) and (text[position] == "." or (
            text[position].isascii() and text[position].isdigit())):
        position += 1
    if position < len(text):
        if text[position] not in ";," + ASCII_WHITESPACE:
            return None
        position = skip_whitespace(position)
        if text[position:position + 1] in (";", ","):
            position += 1
        position = skip_whitespace(position)
    if position >= len(text):
        return ""
    whole = text[position:]
    if text[position:position + 1].lower() == "u":
        for letter in "url"[1:]:
            position += 1
            if text[position:position + 1].lower() != letter:
                return whole
        position = skip_whitespace(position + 1)
        if text[position:position + 1] != "=":
            return whole
        position = skip_whitespace(position + 1)
    quote = text[position:position + 1] if text[position:position + 1] in ("'", '"') else ""
    target = text[position + len(quote):]
    return target[:target.index(quote)] if quote and quote in target else target


def page_violations(html, scripts, reported=frozenset(), page_url=None, redirect=False,
                    memo=None):
    """Everything on a whole page outside the policy.

    ``scripts``: the URLs of the theme's own script files a page may load;
    ``page_url``: the page's own address (URLs are read against it);
    ``redirect``: the page is one of the site's redirects, whose refresh may
    lead to a page of the same site; ``memo``: a dict the caller keeps across
    the pages of one build (a URL reaches the same host from every page of a
    site: the host never depends on the page's path).
    """
    tree = LexborHTMLParser(html)
    found = set()
    if "<!--" in html:
        found.add(Violation("comment", "<!-- -->"))
    reader = _Reader(scripts, reported, page_url, {} if memo is None else memo)
    # <head> holds only what a head may; the rest (<html>, <body> and all in
    # it, comments anywhere) is held to the body's list.
    head = set()
    if tree.head is not None:
        for node in tree.head.traverse(include_text=False):
            if node is not tree.head:
                head.add(node.mem_id)
                found.update(reader.node(node, PAGE_HEAD_TAGS))
    for node in tree.root.traverse(include_text=False):
        if node.mem_id not in head:
            found.update(reader.node(node, PAGE_BODY_TAGS))
        if node.tag == "meta":
            found.update(_meta_violations(node, reported, page_url, redirect))
    return sorted(found)


class _Reader:
    """The elements of one page, held to the page lists."""

    def __init__(self, scripts, reported, page_url, memo):
        self.scripts, self.page_url, self.memo = scripts, page_url, memo
        self.reported = frozenset(reported)
        self.origin = web_url.parse(page_url).origin if web_url.parse(page_url) else None

    def url(self, name, value):
        # A URL reaches the same host from every page of one site.
        key = ("url", name, value, self.origin, self.reported)
        if key not in self.memo:
            self.memo[key] = url_violations(name, value, self.reported, base=self.page_url)
        return self.memo[key]

    def node(self, node, allowed_tags):
        tag = node.tag
        if tag == "-comment":
            return [Violation("comment", "<!-- -->")]
        found = [] if tag in allowed_tags else [Violation("element", f"<{tag}>")]
        allowed = PAGE_ATTRIBUTES.get(tag, set())
        for name, value in node.attributes.items():
            if name.lower().startswith("on"):
                found.append(Violation("event-handler", f"<{tag} {name}>"))
            elif not (name in allowed or name in PAGE_GLOBAL_ATTRIBUTES
                      or name.startswith(PAGE_ATTRIBUTE_PREFIXES)):
                found.append(Violation("attribute", f"<{tag} {name}>"))
            elif name in URL_ATTRIBUTES or name == "srcset":
                found += self.url(name, value or "")
        if tag == "script":
            found += _script_violations(node, self.scripts)
        elif tag == "link":
            for rel in (node.attributes.get("rel") or "").lower().split():
                if rel not in LINK_RELS:
                    found.append(Violation("attribute", f'<link rel="{rel}">'))
        return found


def _script_violations(node, scripts):
    attributes = node.attributes
    kind = (attributes.get("type") or "").lower()
    if kind == "application/ld+json" and "src" not in attributes:
        if not _is_json(node.text(deep=True)):
            return [Violation("script", "JSON-LD that is not JSON")]
    elif attributes.get("src") not in scripts or node.text(deep=True).strip():
        return [Violation("script", f"<script src={attributes.get('src')!r}>")]
    return []


def _meta_violations(node, reported, page_url, redirect):
    attributes = {name: (value or "") for name, value in node.attributes.items()}
    equiv = attributes.get("http-equiv", "").strip().lower()
    name = attributes.get("name", "").strip().lower()
    prop = attributes.get("property", "").strip().lower()
    found = []
    if equiv == "refresh":
        target = refresh_target(attributes.get("content"))
        page = page_url or web_url.PAGE_BASES[0]
        own = web_url.parse(page)
        reached = web_url.parse(target, page) if target is not None else None
        if not redirect or reached is None or own is None or reached.origin != own.origin:
            found.append(Violation("element", '<meta http-equiv="refresh">'))
        if target:
            found += url_violations("href", target, reported, base=page_url)
    elif equiv and equiv not in META_HTTP_EQUIV:
        found.append(Violation("attribute", f'<meta http-equiv="{equiv}">'))
    if name and name not in META_NAMES:
        found.append(Violation("attribute", f'<meta name="{name}">'))
    if prop and not prop.startswith(META_PROPERTY_PREFIXES):
        found.append(Violation("attribute", f'<meta property="{prop}">'))
    return found


def _is_json(text):
    try:
        json.loads(text)
    except ValueError:
        return False
    return "</" not in text


class UnsafeHTML(Exception):
    """HTML outside the policy, found at ``where``: (item, field) or an output path."""

    def __init__(self, where, violations):
        super().__init__(where, violations)
        self.where, self.violations = where, violations


def require_clean(html, where, reported=frozenset(), own_root=None):
    """Raise :class:`UnsafeHTML` when a content fragment breaks the policy."""
    violations = fragment_violations(html, reported, own_root)
    if violations:
        raise UnsafeHTML(where, violations)
