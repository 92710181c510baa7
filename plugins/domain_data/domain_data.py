"""Open data of the domains our reports name: ``data/domains.json``,
``data/domains.csv`` and ``data/domains.schema.json``.

Every domain named (``[[domain]]``) in a published report, in any language,
with its ASCII (punycode) and Unicode forms, the dates of its first and last
mention, the categories of the reports naming it, and those reports (language,
title, address, date, category). Drafts and embargoed reports (dated after
"now") are not published, so they never appear. The files carry the licence
the editors chose. These files are the one place a domain is written raw, as
data, never as a link; the bytes depend only on content and settings (sorted,
no clock).

Adds nothing to posts or to the template context (the domains page reads the
settings below). Settings read: ``DOMAIN_DATA_LICENSE``,
``DOMAIN_DATA_LICENSE_URL``, ``DOMAIN_DATA_FOLDER`` (defaults in
:data:`DEFAULTS`), ``SITEURL``/``FEED_DOMAIN``.
"""

import json

from pelican import signals
from pelican.generators import Generator
from site_model.output import write_text
from site_model.site import site_of
from site_model.urls import site_root

from .records import as_csv, domain_records
from .schema import domains_schema

# What this plugin adds (for templates, Pelican and readers), and what it reads
# that another plugin adds, each at the stage where it happens: held to the order
# of PLUGINS by tests/plugins/test_plugin_contracts.py.
PROVIDES = {}
READS = {}

DEFAULTS = {
    "DOMAIN_DATA_LICENSE": "CC BY 4.0",
    "DOMAIN_DATA_LICENSE_URL": "https://creativecommons.org/licenses/by/4.0/",
    "DOMAIN_DATA_FOLDER": "data",
}


def add_defaults(pelican):
    # The domains page links to the files and names the licence from these.
    for name, value in DEFAULTS.items():
        pelican.settings.setdefault(name, value)


def as_json(value):
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


class DomainDataGenerator(Generator):
    def generate_output(self, writer):
        settings = {**DEFAULTS, **self.settings}
        site = site_of(self.context)
        license = {"name": settings["DOMAIN_DATA_LICENSE"],
                   "url": settings["DOMAIN_DATA_LICENSE_URL"]}
        records = domain_records(site, settings)
        folder = settings["DOMAIN_DATA_FOLDER"].strip("/")
        write_text(writer, f"{folder}/domains.json",
                   as_json({"license": license, "domains": records}))
        write_text(writer, f"{folder}/domains.csv", as_csv(records, license))
        write_text(writer, f"{folder}/domains.schema.json",
                   as_json(domains_schema(site_root(settings))))


def get_generators(pelican):
    return DomainDataGenerator


def register():
    signals.initialized.connect(add_defaults)
    signals.get_generators.connect(get_generators)
