"""The site's one URL reader: a browser's.

Every value that can hold a URL (``href``, ``src``, each ``srcset``
candidate, a refresh target, a ``mailto:`` address, a Markdown link) is read
here with a WHATWG URL parser (Ada, through ``ada-url``), against the URL of
the page it is on, with UTS 46 mapping of host names, exactly as browsers
read it: invisible characters dropped, ``\\\\`` taken for ``//``,
``///host`` reaching ``host``, numeric IPv4 forms converted. Nothing here
copies a browser rule by hand, and nothing here raises: a value a browser
would refuse has no host.

``tests/plugins/test_web_url.py`` holds the reader to the web-platform-tests
URL data.
"""

import re
from urllib.parse import parse_qsl, unquote

import ada_url

# The page a value is read on, when the caller does not know it: a host that
# is never a real one (RFC 6761). The live preview serves pages over http and
# the published site over https, and a browser reads "https:host" as a path on
# an https page but as a host on an http page: callers that cannot name the
# page read a value on both (:func:`hosts_of`).
PAGE_BASES = ("https://page.invalid/", "http://page.invalid/")
MAIL_HEADERS = frozenset({"to", "cc", "bcc"})


def parse(value, base=None):
    """The URL a browser makes of ``value`` on the page ``base``, or None."""
    if value is None:
        return None
    try:
        url = ada_url.URL(scalar_values(value), base) if base else ada_url.URL(
            scalar_values(value))
    except (ValueError, TypeError):
        return None
    return url if all(map(punycode_is_valid, url.hostname.split("."))) else None


def scalar_values(value):
    """``value`` as a browser hands it to the URL parser: a lone surrogate
    (possible in a Python string, as in a JavaScript one) becomes U+FFFD."""
    text = str(value)
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def punycode_is_valid(label):
    """UTS 46 reads an "xn--" label back to Unicode and refuses it when that
    fails or gives a label UTS 46 would itself map to something else; Ada
    4.0 skips this step (web-platform-tests "http://a.b.c.xn--pokxncvks"),
    so it is done here, with Ada's own UTS 46 mapping."""
    if not label.startswith("xn--"):
        return True
    try:
        shown = label[4:].encode("ascii").decode("punycode")
        return bool(shown) and ada_url.idna_to_ascii(shown).decode("ascii") == label
    except (UnicodeError, ValueError, TypeError):
        return False


def host_of(value, base=None):
    """The host a browser would contact for ``value`` on page ``base``, as the
    browser writes it (lower case, punycode); "" when it names none."""
    url = parse(value, base)
    return url.hostname if url is not None else ""


def scheme_of(value, base=None):
    """The scheme of ``value`` as a browser reads it ("javascript" in
    "jav\\tascript:x"); "" when a browser would not read it as a URL."""
    url = parse(value, base or PAGE_BASES[0])
    return url.protocol.rstrip(":") if url is not None else ""


def hosts_of(value, bases=PAGE_BASES):
    """Every host ``value`` reaches on any of the pages ``bases``, but theirs."""
    found = []
    for base in bases:
        host = host_of(value, base)
        if host and host != host_of(base) and host not in found:
            found.append(host)
    return found


MAIL_HOST = re.compile(r"@([^@\s,;<>()\"'\[\]]+)")


def mailto_domains(value, base=None):
    """The domains of the addresses a ``mailto:`` URL writes to (its path and
    its to/cc/bcc fields), lower case punycode; [] for any other URL."""
    url = parse(value, base or PAGE_BASES[0])
    if url is None or url.protocol != "mailto:":
        return []
    texts = [unquote(url.pathname)]
    for name, field in parse_qsl(url.search.lstrip("?"), keep_blank_values=True):
        if name.lower() in MAIL_HEADERS:
            texts.append(field)
    # Mail programs split addresses at "," or ";" (Outlook), around spaces and
    # brackets: the host after every "@" counts, whatever separates them.
    domains = []
    for text in texts:
        for found in MAIL_HOST.finditer(text):
            host = host_of(f"http://{found[1]}/")
            if host and host not in domains:
                domains.append(host)
    return domains


def domain_of(text):
    """``text`` read as a browser reads a host name, if it is a domain name
    (not an IP address, with a dot, nothing but the name); else None."""
    if not text or any(c in text for c in "/\\?#@:%[] \t\r\n") or text != text.strip():
        return None
    url = parse(f"https://{text}/")
    if url is None or url.host_type != ada_url.HostType.DEFAULT or not url.hostname:
        return None
    host = url.hostname.rstrip(".")
    return host if "." in host and "" not in host.split(".") else None


def unicode_host(host):
    """A host's display form: punycode labels decoded (UTS 46)."""
    if "xn--" not in host:
        return host
    try:
        shown = ada_url.idna_to_unicode(host)
    except (ValueError, TypeError):
        return host
    return shown or host
