"""Write ``_headers`` for hosts that read one (Netlify, Cloudflare Pages).

GitHub Pages cannot set headers, so every page also carries the same
``CONTENT_SECURITY_POLICY`` in a ``<meta>`` (see ``base.html``); this file
adds what only a header can do (``frame-ancestors``, ``X-Frame-Options``) and
the usual hardening headers.

Adds nothing to the template context. Settings read:
``CONTENT_SECURITY_POLICY``, ``OUTPUT_PATH``.
"""

from pathlib import Path

from pelican import signals

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
    policy = pelican.settings["CONTENT_SECURITY_POLICY"]
    target = Path(pelican.settings["OUTPUT_PATH"]) / "_headers"
    target.write_text(headers_file(policy), encoding="utf-8")


def register():
    signals.finalized.connect(write_headers)
