"""Write ``_headers`` for hosts that read one (Netlify, Cloudflare Pages).

GitHub Pages cannot set headers, so every page also carries its policy in a
``<meta>`` (see ``base.html``); this file adds what only a header can do
(``frame-ancestors``, ``X-Frame-Options``) and the usual hardening headers.

A browser enforces the header's policy and the page's own together, so the
header carries ``SEARCH_CONTENT_SECURITY_POLICY``, the one that lets the
search pages run Pagefind's WebAssembly: with ``CONTENT_SECURITY_POLICY`` in
the header, search would break on such hosts, while every other page's
``<meta>`` still forbids WebAssembly there.

Adds nothing to the template context. Settings read:
``SEARCH_CONTENT_SECURITY_POLICY``, ``OUTPUT_PATH``.
"""

from pathlib import Path

from pelican import signals

# What this plugin adds (for templates, Pelican and readers), and what it reads
# that another plugin adds, each at the stage where it happens: held to the order
# of PLUGINS by tests/plugins/test_plugin_contracts.py.
PROVIDES = {}
READS = {}

HARDENING = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def headers_file(policy):
    lines = ["/*", f"  Content-Security-Policy: {policy}; frame-ancestors 'none'"]
    lines += [f"  {name}: {value}" for name, value in HARDENING.items()]
    return "\n".join(lines) + "\n"


def write_headers(pelican):
    policy = pelican.settings["SEARCH_CONTENT_SECURITY_POLICY"]
    target = Path(pelican.settings["OUTPUT_PATH"]) / "_headers"
    target.write_text(headers_file(policy), encoding="utf-8")


def register():
    signals.finalized.connect(write_headers)
