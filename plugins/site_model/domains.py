"""Domains our reports name: written ``[[bestkenko.com]]``, shown defanged
(``bestkenko[.]com``), never linked, in any form of URL."""

import re
import unicodedata
from urllib.parse import unquote, urlsplit

from markupsafe import Markup, escape

MENTION_PATTERN = r"\[\[([^\[\]\s]+\.[^\[\]\s]+)\]\]"
MENTION = re.compile(MENTION_PATTERN)
# How a mention is marked in converted HTML (here and in the Markdown extension).
DOMAIN_SPAN = re.compile(r'data-domain="([^"]+)"')
# Browsers drop these from anywhere in a URL before reading it (WHATWG URL).
TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")
# Dots that IDNA (UTS 46) reads as "." in a host name.
DOTS = re.compile("[\u3002\uff0e\uff61]")


def normalise(domain):
    """The form a domain is compared in: lowercase, Unicode (not punycode),
    no "www." and no trailing dot."""
    domain = unicodedata.normalize("NFKC", unquote(domain.strip()))
    domain = DOTS.sub(".", re.sub(r"\[\.\]", ".", domain)).lower().rstrip(".")
    try:
        domain = domain.encode("ascii").decode("idna") if "xn--" in domain else domain
    except UnicodeError:
        pass
    return domain.removeprefix("www.")


def defang(domain):
    """bestkenko.com -> bestkenko[.]com: readable, copyable, never clickable."""
    return domain.replace(".", "[.]")


def mentions_in(text):
    return [normalise(match) for match in MENTION.findall(text)]


def defang_mentions(text):
    """Plain text with every ``[[domain]]`` shown defanged (titles, feeds)."""
    return MENTION.sub(lambda match: defang(normalise(match[1])), text)


def url_host(url):
    """The host a browser would contact for ``url``, normalised; "" for none.

    Reads the URL as a browser does: tabs and newlines dropped, backslashes
    taken as slashes, scheme-relative ``//host/`` included, then any
    user name, port and trailing dot removed and punycode decoded.
    """
    url = TAB_OR_NEWLINE.sub("", url).strip(" \x00-\x1f").replace("\\", "/")
    parts = urlsplit(url)
    if parts.scheme and parts.scheme.lower() not in ("http", "https", "ftp", "ws", "wss"):
        return ""
    if not parts.netloc:
        if parts.scheme:  # "https:host/path" is read as "https://host/path"
            return normalise(urlsplit(f"//{url.split(':', 1)[1].lstrip('/')}").hostname or "")
        return ""
    return normalise(parts.hostname or "")


def domains_in_html(html):
    """The domains that converted HTML names as mentions (``data-domain``), each once."""
    return tuple(dict.fromkeys(DOMAIN_SPAN.findall(html or "")))


def is_reported(host, reported):
    """Whether ``host`` is a domain in ``reported``, or a subdomain of one."""
    labels = host.split(".") if host else []
    return any(".".join(labels[index:]) in reported for index in range(len(labels)))


def mention_markup(text):
    """Escaped text in which every ``[[domain]]`` is a defanged domain span (notes)."""
    pieces, last = [], 0
    for match in MENTION.finditer(text):
        domain = normalise(match[1])
        pieces.append(escape(text[last:match.start()]))
        pieces.append(Markup('<span class="domain" translate="no" data-domain="{}">{}</span>')
                      .format(domain, defang(domain)))
        last = match.end()
    pieces.append(escape(text[last:]))
    return Markup("").join(pieces)
