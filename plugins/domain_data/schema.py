"""The JSON Schema of ``data/domains.json`` (draft 2020-12), published beside it
so that anyone reusing the data can validate what they download."""

DATE = {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
TEXT = {"type": "string", "minLength": 1}


def domains_schema(root):
    """The schema, with its ``$id`` at the site's own address."""
    report = {
        "type": "object",
        "additionalProperties": False,
        "required": ["lang", "title", "url", "date", "category"],
        "properties": {
            "lang": {**TEXT, "description": "The report's language (BCP 47)."},
            "title": {**TEXT, "description": "The report's title, domains defanged."},
            "url": {**TEXT, "format": "uri", "description": "The report's address."},
            "date": {**DATE, "description": "Publication date, in the newsroom's time zone."},
            "category": {"type": "string", "description": "The report's category key."},
        },
    }
    domain = {
        "type": "object",
        "additionalProperties": False,
        "required": ["domain", "unicode", "first_mention", "last_mention", "categories",
                     "reports"],
        "properties": {
            "domain": {**TEXT, "description": "The domain in ASCII (punycode) form."},
            "unicode": {**TEXT, "description": "The domain in Unicode form."},
            "first_mention": DATE,
            "last_mention": DATE,
            "categories": {"type": "array", "items": {"type": "string"},
                           "uniqueItems": True},
            "reports": {"type": "array", "minItems": 1, "items": report,
                        "description": "The reports that name the domain, newest first."},
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{root}/data/domains.schema.json",
        "title": "Domains named in our reports",
        "type": "object",
        "additionalProperties": False,
        "required": ["license", "domains"],
        "properties": {
            "license": {
                "type": "object",
                "additionalProperties": False,
                "required": ["name", "url"],
                "properties": {"name": TEXT, "url": {**TEXT, "format": "uri"}},
            },
            "domains": {"type": "array", "items": domain,
                        "description": "Sorted by the ASCII form of the domain."},
        },
    }
