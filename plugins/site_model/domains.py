"""Domains our reports name: written ``[[bestkenko.com]]``, shown defanged
(``bestkenko[.]com``), never linked, in any form of URL.

Hosts and mentions are read by the browser's URL reader
(:mod:`site_model.web_url`), so ``[[ＢＥＳＴＫＥＮＫＯ。com]]``, a link to
``https://best%C2%ADkenko.com`` and one to ``///bestkenko.com`` all name the
same domain, compared in one form (:func:`normalise`).
"""

import re

from markupsafe import Markup, escape

from . import web_url
from .figures import figure_blocks

# What the Markdown syntax reads as a mention (plugins/domain_mentions); only
# the valid ones name a domain (:func:`mentions_in`), the rest are refused.
# The dots are those UTS 46 reads as ".".
MENTION_PATTERN = r"\[\[([^\[\]\s]+[.\u3002\uff0e\uff61][^\[\]\s]+)\]\]"
MENTION = re.compile(MENTION_PATTERN)
# Anything an editor may have meant as a mention: "[[bestkenko com]]" too.
MENTION_LIKE = re.compile(r"\[\[([^\[\]\n]*)\]\]")
# How a mention is marked in converted HTML (here and in the Markdown extension).
DOMAIN_SPAN = re.compile(r'data-domain="([^"]+)"')
# Browsers drop these from anywhere in a URL before reading it (WHATWG URL).
TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")


def normalise(domain):
    """The form a domain is compared in: read as a browser reads a host (UTS 46),
    then in Unicode (not punycode), with no "www." and no trailing dot."""
    text = re.sub(r"\[\.\]", ".", domain.strip())
    host = web_url.host_of(f"https://{text}/") if text else ""
    if not host:  # not a host a browser could reach: compared as written
        return text.lower().rstrip(".").removeprefix("www.")
    return from_host(host)


def from_host(host):
    """A browser's host ("xn--...", lower case) in the form domains are compared in."""
    return web_url.unicode_host(host.rstrip(".")).removeprefix("www.")


def defang(domain):
    """bestkenko.com -> bestkenko[.]com: readable, copyable, never clickable."""
    return domain.replace(".", "[.]")


def is_valid_mention(raw):
    return web_url.domain_of(raw.replace("[.]", ".")) is not None


def mentions_in(text):
    """The domains ``text`` names, normalised: each valid ``[[domain]]``, and
    the ``source:`` of each figure block in it (shown as a domain too)."""
    found = [normalise(m) for m in MENTION.findall(text or "") if is_valid_mention(m)]
    if "figure" in (text or ""):
        for _, fields, _ in figure_blocks(text.split("\n")):
            source = fields.get("source", ("", 0))[0]
            if web_url.domain_of(source) is not None:
                found.append(normalise(source))
    return found


def invalid_mentions(text):
    """[(offset, raw)] of every ``[[...]]`` in ``text`` that is not a domain name."""
    return [(match.start(), match[1]) for match in MENTION_LIKE.finditer(text or "")
            if not is_valid_mention(match[1])]


def named_domains(header, body=None):
    """Every domain a report names: ``[[...]]`` in any header field (title,
    summary, notes...) or in its body (captions included), and the ``source:``
    of its figures; the content check's list (:func:`mentions_in` of the
    whole file) and the gate's are the same. ``header`` is a
    :class:`site_model.header.Header`."""
    body = header.body if body is None else body
    found = [domain for field in header.fields for domain in mentions_in(field.value)]
    return tuple(dict.fromkeys(found + mentions_in(body)))


def defang_mentions(text):
    """Plain text with every ``[[domain]]`` shown defanged (titles, feeds)."""
    return MENTION.sub(lambda match: defang(normalise(match[1])), text)


def url_host(url, base=None):
    """The host a browser would contact for ``url``, normalised; "" for none.

    Read on the page ``base``, or, when the page is not known, on an https
    and an http page (the first host other than the page's). Never raises.
    """
    hosts = web_url.hosts_of(url, (base,) if base else web_url.PAGE_BASES)
    return from_host(hosts[0]) if hosts else ""


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
