"""The records of ``domains.json`` and the rows of ``domains.csv``."""

import csv
import io

import idna
from site_model.domains import defang_mentions
from site_model.urls import absolute

CSV_COLUMNS = ("domain", "unicode", "first_mention", "last_mention", "categories",
               "report_lang", "report_title", "report_url", "report_date", "report_category",
               "license", "license_url")
# A spreadsheet runs a cell that starts with one of these as a formula (OWASP
# "CSV injection"): such a cell is written after an apostrophe.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def ascii_form(domain):
    """The name a resolver looks up: punycode for Unicode labels (UTS 46)."""
    if domain.isascii():
        return domain
    try:
        return idna.encode(domain, uts46=True).decode("ascii")
    except idna.IDNAError:
        try:  # IDNA 2003, as older browsers read it
            return domain.encode("idna").decode("ascii")
        except UnicodeError:
            return domain


def unicode_form(ascii_name, written):
    """The name as UTS 46 reads it back; else (a name IDNA 2008 refuses, such
    as one with an emoji) as the reports wrote it."""
    try:
        return idna.decode(ascii_name, uts46=True)
    except (idna.IDNAError, UnicodeError):
        return min(written)


def report_record(settings, article):
    return {
        "lang": article.lang,
        "title": defang_mentions(str(article.title)),
        "url": absolute(settings, article.url),
        "date": article.date.date().isoformat(),
        "category": str(getattr(article, "category", "") or ""),
    }


def domain_records(site, settings):
    """One record per domain named in a published report, sorted by its ASCII
    form; two spellings a browser reads as one name are one record."""
    reports, written = {}, {}
    for lang in site.languages:
        for article in site.published_in(lang):
            for domain in site.facts(article).domains:
                reports.setdefault(ascii_form(domain), {})[id(article)] = article
                written.setdefault(ascii_form(domain), set()).add(domain)
    records = []
    for name in sorted(reports):
        found = [report_record(settings, a) for a in reports[name].values()]
        found.sort(key=lambda r: (r["date"], r["url"], r["lang"]), reverse=True)
        records.append({
            "domain": name,
            "unicode": unicode_form(name, written[name]),
            "first_mention": found[-1]["date"],
            "last_mention": found[0]["date"],
            "categories": sorted({r["category"] for r in found if r["category"]}),
            "reports": found,
        })
    return records


def spreadsheet_safe(value):
    value = str(value)
    return f"'{value}" if value.startswith(FORMULA_START) else value


def as_csv(records, license):
    """One row per domain and report naming it (RFC 4180, UTF-8)."""
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for record in records:
        for report in record["reports"]:
            row = (record["domain"], record["unicode"], record["first_mention"],
                   record["last_mention"], " ".join(record["categories"]), report["lang"],
                   report["title"], report["url"], report["date"], report["category"],
                   license["name"], license["url"])
            writer.writerow([spreadsheet_safe(cell) for cell in row])
    return stream.getvalue()
