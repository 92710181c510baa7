"""The open data of named domains: valid against its own schema, the same in
JSON and CSV, and made only of published reports."""

import csv
import io
import json

from jsonschema import Draft202012Validator

from tests.fixture_sites import post

EN = post(title="Pharmacy [[rogue.example]] fined", slug="fined", date="2016-10-05 09:00",
          body="The shop [[rogue.example]] and [[ＳＨＯＰ。ドメイン.テスト]] sold it; "
               "so did [[💊pills.example]] and [[rogue_shop.example]].")
JA = post(title="=HYPERLINK(\"x\")「薬局」", slug="yakkyoku", lang="ja", date="2016-11-01 09:00",
          category="enforcement", body="[[xn--eckwd4c7c.xn--zckzah]] と [[www.Rogue.example.]]。")
DRAFT = post(title="Unfinished", slug="unfinished", status="draft",
             body="[[draft-only.example]] is not ready.")
EMBARGOED = post(title="Tomorrow", slug="tomorrow", date="2030-01-01 09:00",
                 body="[[embargoed-only.example]] goes out on its date.")


def data_of(site):
    folder = site.root / "data"
    return (json.loads((folder / "domains.json").read_text(encoding="utf-8")),
            (folder / "domains.csv").read_text(encoding="utf-8"),
            json.loads((folder / "domains.schema.json").read_text(encoding="utf-8")))


def names(data):
    return [record["domain"] for record in data["domains"]]


def test_the_data_names_each_domain_of_published_reports_valid_against_its_schema(
        fixture_site):
    site, _ = fixture_site({"en/fined.md": EN, "ja/yakkyoku.md": JA, "en/draft.md": DRAFT})
    data, _, schema = data_of(site)
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    assert list(validator.iter_errors(data)) == []
    # Every spelling a browser reads as one name is one record, in both forms.
    assert names(data) == ["rogue.example", "rogue_shop.example",
                           "shop.xn--eckwd4c7c.xn--zckzah", "xn--eckwd4c7c.xn--zckzah",
                           "xn--pills-u804d.example"]
    by_name = {record["domain"]: record for record in data["domains"]}
    rogue = by_name["rogue.example"]
    assert rogue["unicode"] == "rogue.example"
    assert by_name["xn--eckwd4c7c.xn--zckzah"]["unicode"] == "ドメイン.テスト"
    # Names IDNA 2008 refuses keep a readable form: as the report wrote it.
    assert by_name["xn--pills-u804d.example"]["unicode"] == "💊pills.example"
    assert by_name["rogue_shop.example"]["unicode"] == "rogue_shop.example"
    assert (rogue["first_mention"], rogue["last_mention"]) == ("2016-10-05", "2016-11-01")
    assert rogue["categories"] == ["enforcement", "policy"]
    assert [(r["lang"], r["url"], r["date"]) for r in rogue["reports"]] == [
        ("ja", "http://127.0.0.1:8000/ja/posts/yakkyoku/", "2016-11-01"),
        ("en", "http://127.0.0.1:8000/posts/fined/", "2016-10-05")]
    # Titles as readers see them: a domain in one is defanged.
    assert rogue["reports"][1]["title"] == "Pharmacy rogue[.]example fined"
    assert data["license"] == {"name": "CC BY 4.0",
                               "url": "https://creativecommons.org/licenses/by/4.0/"}
    assert "draft-only" not in json.dumps(data)


def test_the_csv_reads_back_as_the_json_and_no_cell_is_a_formula(fixture_site):
    site, _ = fixture_site({"en/fined.md": EN, "ja/yakkyoku.md": JA})
    data, text, _ = data_of(site)
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
    plain = [{key: value.removeprefix("'") for key, value in row.items()} for row in rows]
    expected = [
        {"domain": d["domain"], "unicode": d["unicode"], "first_mention": d["first_mention"],
         "last_mention": d["last_mention"], "categories": " ".join(d["categories"]),
         "report_lang": r["lang"], "report_title": r["title"], "report_url": r["url"],
         "report_date": r["date"], "report_category": r["category"],
         "license": data["license"]["name"], "license_url": data["license"]["url"]}
        for d in data["domains"] for r in d["reports"]]
    assert plain == expected
    assert any(row["report_title"].startswith("'=HYPERLINK") for row in rows)


def test_an_embargoed_reports_domains_appear_only_from_its_date(fixture_site, monkeypatch):
    files = {"en/fined.md": EN, "en/tomorrow.md": EMBARGOED}
    monkeypatch.setenv("SITE_NOW", "2029-12-31T23:00:00+00:00")
    before, _ = fixture_site(files)
    assert "embargoed-only.example" not in names(data_of(before)[0])
    assert "embargoed-only" not in (before.root / "data" / "domains.csv").read_text()
    monkeypatch.setenv("SITE_NOW", "2030-01-01T01:00:00+00:00")
    after, _ = fixture_site(files)
    assert "embargoed-only.example" in names(data_of(after)[0])


def test_the_same_content_gives_the_same_bytes(fixture_site):
    files = {"en/fined.md": EN, "ja/yakkyoku.md": JA}
    first, _ = fixture_site(files)
    second, _ = fixture_site(dict(reversed(files.items())))
    for name in ("domains.json", "domains.csv", "domains.schema.json"):
        assert (first.root / "data" / name).read_bytes() == \
            (second.root / "data" / name).read_bytes()


def test_the_domains_page_links_the_data_and_names_its_licence_in_both_languages(
        fixture_site):
    site, _ = fixture_site({"en/fined.md": EN})
    for home in ("/", "/ja/"):
        soup = site.soup(f"{home}domains/")
        links = {a["href"] for a in soup.select(".domain-data a")}
        assert {"/data/domains.json", "/data/domains.csv", "/data/domains.schema.json",
                "https://creativecommons.org/licenses/by/4.0/"} <= links
        assert soup.select_one('.domain-data a[rel~="license"]').get_text() == "CC BY 4.0"
        for href in links - {"https://creativecommons.org/licenses/by/4.0/"}:
            assert site.file_for(href) is not None, href
