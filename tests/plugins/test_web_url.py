"""The site's URL reader reads as browsers read: held to the web-platform-tests
URL data, and to whole classes of host forms that browsers reduce to one host."""

import bisect
import json
from urllib.parse import quote

import pytest
from idna.uts46data import uts46_starts, uts46_statuses
from site_model import web_url
from site_model.domains import (
    invalid_mentions,
    is_reported,
    mentions_in,
    named_domains,
    url_host,
)
from site_model.header import read_header

from tests.site import ROOT

WPT = json.loads((ROOT / "tests" / "fixtures" / "wpt-url" / "urltestdata.json")
                 .read_text(encoding="utf-8"))
CASES = [case for case in WPT if isinstance(case, dict)]
WEB = [case for case in CASES if not case.get("failure")
       and case["protocol"] in ("http:", "https:")]
FAILURES = [case for case in CASES if case.get("failure")]


def ignored_code_points():
    """Every code point UTS 46 (in the idna package's tables) maps to nothing:
    browsers drop it from a host name."""
    return [code for code in range(0x110000)
            if chr(uts46_statuses[bisect.bisect_right(uts46_starts, code) - 1]) == "I"]


def test_the_data_holds_the_cases_it_is_used_for():
    assert len(WEB) > 200 and len(FAILURES) > 250


def test_the_reader_finds_the_host_browsers_find_in_every_web_case():
    wrong = [(case["input"], case["base"], web_url.host_of(case["input"], case["base"]),
              case["hostname"]) for case in WEB
             if web_url.host_of(case["input"], case["base"]) != case["hostname"]]
    assert wrong == []


def test_the_reader_refuses_every_url_browsers_refuse():
    read = [(case["input"], case["base"]) for case in FAILURES
            if web_url.parse(case["input"], case["base"]) is not None]
    assert read == []


def test_the_site_model_never_raises_and_agrees_with_the_reader():
    for case in CASES:
        url_host(case["input"], case["base"])  # never raises
    for case in WEB:
        host = url_host(case["input"], case["base"])
        if case["hostname"].strip(".") and case["hostname"] != web_url.host_of(case["base"] or ""):
            assert is_reported(host, {url_host(f"http://{case['hostname']}/")}), case["input"]


def test_every_code_point_browsers_drop_from_a_host_is_dropped():
    dropped = ignored_code_points()
    assert len(dropped) > 250
    forms = {code: [f"https://best{chr(code)}kenko.com/order",
                    f"https://best{quote(chr(code))}kenko.com/order"] for code in dropped}
    missed = [(hex(code), form) for code, pair in forms.items() for form in pair
              if url_host(form) != "bestkenko.com"]
    assert missed == []


@pytest.mark.parametrize("slashes", ["//", "///", "////", "\\\\", "\\/", "/\\", "\\\\\\",
                                     "\t/\n/", "https://", "https:\\\\", "https:///",
                                     "http:", "HTTP:\\/"])
def test_every_slash_form_of_a_host_reaches_it(slashes):
    assert url_host(f"{slashes}bestkenko.com/order") == "bestkenko.com"


def test_numeric_and_control_forms_read_as_browsers_read_them():
    assert url_host("http://0xffffffff/") == "255.255.255.255"
    assert url_host("http://192.168.257/") == "192.168.1.1"
    assert url_host("https://evil.example-") == "evil.example-"
    assert url_host("http://f:999999/c") == ""
    assert url_host("http://[::1/") == url_host("http://]/") == ""


def test_mailto_names_the_domains_it_writes_to():
    assert web_url.mailto_domains(
        "mailto:orders@BestKenko.com,a@%62est.example?cc=c@cc.example&BCC=d@xn--eckwd4c7c.jp"
        "&subject=x@not.example") == ["bestkenko.com", "best.example", "cc.example",
                                      "xn--eckwd4c7c.jp"]
    assert web_url.mailto_domains("https://bestkenko.com/") == []
    assert web_url.mailto_domains("ma\tilto:x@best\u00adkenko.com") == ["bestkenko.com"]


def test_a_mention_is_a_domain_name_or_refused():
    text = ("[[bestkenko.com]] [[ＢＥＳＴ。ｃｏｍ]] [[bestkenko com]] [[127.0.0.1]] "
            "[[nodot]] [[a.b/c]] [[x@y.com]] [[ドメイン.テスト]] [[0x7f.1]]")
    assert mentions_in(text) == ["bestkenko.com", "best.com", "ドメイン.テスト"]
    assert [raw for _, raw in invalid_mentions(text)] == [
        "bestkenko com", "127.0.0.1", "nodot", "a.b/c", "x@y.com", "0x7f.1"]


def test_a_report_names_the_domains_of_every_field():
    header = read_header("Title: On [[title.example]]\nSummary: [[summary.example]]\n"
                         "Note: 2016-01-01 | update | [[note.example]]\n\n"
                         "Body [[body.example]].\n\n::: figure\nimage: /images/a.png\n"
                         "alt: a\ncaption: from [[caption.example]]\nsource: source.example\n:::\n")
    assert set(named_domains(header)) == {
        "title.example", "summary.example", "note.example", "body.example",
        "caption.example", "source.example"}


def test_the_check_and_the_gate_read_the_same_domains_from_a_file():
    text = ("Title: On [[title.example]]\nNote: 2016-01-01 | update | [[note.example]]\n\n"
            "Body.\n\n::: figure\nimage: /images/a.png\nalt: a\ncaption: c\n"
            "source: source.example\n:::\n")
    assert set(mentions_in(text)) == set(named_domains(read_header(text))) == {
        "title.example", "note.example", "source.example"}
