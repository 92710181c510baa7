"""What a hostile contributor found past the gate, each as a class of input:
raw HTML that mimics a figure to publish files, mail links to a named domain,
links that give away unpublished reports, settings of the wrong shape, a
translation ahead of its embargoed original, and report histories that show
text readers never saw or the editors withheld."""

import pytest
from PIL import Image

from tests.fixture_sites import post
from tests.plugins.test_report_history import Repository, every_file_text, report

FUTURE = "2099-01-01 09:00"


def png(path, size=(40, 30)):
    Image.new("RGB", size, "white").save(path)
    return path


# Raw HTML that looks like a figure's <img>: the sizes made for figures must
# come only from images in content/images/, at the widths the syntax makes.
MIMICS = [
    '{figure-root}/../secret.png" srcset="{figure-root}/../secret.png 40w',
    '{figure-root}/images/../../secret.png" srcset="{figure-root}/images/../../secret.png 40w',
    '{figure-root}/pages/about.md" srcset="{figure-root}/pages/about.md 40w',
    '{figure-root}/images/real.png" srcset="{figure-root}/images/real.png 60000w',
]


@pytest.mark.parametrize("src", MIMICS)
def test_raw_html_mimicking_a_figure_publishes_no_other_file(fixture_site, tmp_path, src):
    images = {"real.png": png(tmp_path / "real.png")}
    body = f'A screenshot. <span class="evidence-type"></span>\n\n<img alt="x" src="{src}">'
    files = {"en/a.md": post(body=body)}
    site, result = fixture_site(files, images=images, check=False)
    made = [p.relative_to(site.root).as_posix() for p in (site.root / "images").rglob("*")
            if p.is_file()] if (site.root / "images").exists() else []
    assert not any("secret" in name or "about" in name or "60000" in name for name in made)
    assert all(not str(p).startswith("build") for p in result.problems), result.problems


MAIL_FORMS = ["mailto:sales@{d};tips@example.org", "mailto:tips@example.org,sales@{d}",
              "mailto:tips@example.org%3Bsales@{d}", "mailto:x@example.org?cc=sales@{d}",
              "mailto:x@example.org?bcc=a@example.org;sales@{d}",
              "mailto:%22a%22%20%3Csales@{d}%3E"]


@pytest.mark.parametrize("form", MAIL_FORMS)
def test_a_mail_link_to_a_named_domain_is_refused_however_addresses_are_separated(
        fixture_site, form):
    href = form.format(d="evil-pharmacy.com")
    body = f'We name [[evil-pharmacy.com]].\n\n<a href="{href}">write</a>'
    _, result = fixture_site({"en/a.md": post(body=body)}, check=False)
    assert any("evil-pharmacy.com" in p.message for p in result.problems), result.problems


@pytest.mark.parametrize("hidden", [{"Status": "draft"}, {"date": FUTURE}])
def test_a_published_report_never_links_one_not_yet_published(fixture_site, hidden):
    fields = {key.lower(): value for key, value in hidden.items()}
    secret = post(title="Raid", slug="secret-raid-on-acme", **fields)
    linking = post(body="See [the raid]({filename}secret.md).")
    _, result = fixture_site({"en/a.md": linking, "en/secret.md": secret}, check=False)
    assert [(p.path.split("/", 1)[1], p.field) for p in result.problems] == [("en/a.md", "link")]
    # A draft may link another draft: neither is online.
    _, result = fixture_site({"en/a.md": post(body="See [it]({filename}secret.md).",
                                              status="draft"), "en/secret.md": secret})
    assert result.ok


@pytest.mark.parametrize("setting, value", [
    ("SERIES", {"s": {"title": "S", "parts": "5"}}),
    ("SERIES", {"s": {"title": "S", "parts": 0}}),
    ("SERIES", {"s": {"parts": 3}}),
    ("SERIES", ["s"]),
    ("FRONT_PAGE", {"lead": ["a-report"]}),
    ("FRONT_PAGE", {"en": {"secondary": "a-report"}}),
    ("AUTHORS", {"staff": "Staff"}),
])
def test_a_setting_of_the_wrong_shape_is_named_never_a_traceback(fixture_site, setting, value):
    _, result = fixture_site({"en/a.md": post()}, extra={setting: value}, check=False)
    assert result.problems
    assert all(p.path == "pelicanconf.py" and p.field.startswith(setting)
               for p in result.problems), result.problems


def test_a_translation_waits_for_its_scheduled_original(fixture_site):
    original = post(title="Raid", slug="raid", date=FUTURE)
    translation = post(title="捜索", slug="raid", lang="ja", date="2016-10-05 09:00",
                       translation_of="en 0123456789ab", body="[[evil-pharmacy.com]]")
    _, result = fixture_site({"en/raid.md": original, "ja/raid.md": translation},
                             check=False)
    assert any(p.path.endswith("/ja/raid.md") for p in result.problems), result.problems


def test_history_never_shows_a_version_dated_after_its_commit(tmp_path):
    repo = Repository(tmp_path / "repo")
    repo.commit("2016-10-06T00:00:00+00:00", {"en/fined.md": report()})
    # Re-dated into the future with new words, then brought back and replaced.
    held = report("EMBARGOSECRET the second indictment.").replace(
        "2016-10-05 09:00", "2099-01-01 09:00")
    repo.commit("2016-10-07T00:00:00+00:00", {"en/fined.md": held})
    repo.commit("2016-10-08T00:00:00+00:00", {"en/fined.md": report("The fine was paid.")})
    site, result = build_site(tmp_path, repo)
    assert result.ok, result.problems
    assert "EMBARGOSECRET" not in every_file_text(site)


def test_a_withheld_passage_stays_withheld_when_edited_or_merged(tmp_path):
    repo = Repository(tmp_path / "repo")
    repo.commit("2016-10-06T00:00:00+00:00", {"en/fined.md": report()})
    repo.git("checkout", "-q", "-b", "branch")
    secret = repo.commit("2016-10-07T00:00:00+00:00", {"en/fined.md": report(
        "WITHHELDSECRET the minister took a bribe.")})
    repo.git("checkout", "-q", "main")
    repo.git("merge", "-q", "--no-ff", "-m", "Merge", "branch", date="2016-10-08T00:00:00+00:00")
    repo.commit("2016-10-09T00:00:00+00:00", {"en/fined.md": report(
        "WITHHELDSECRET the minister took a bribe last March.")})
    repo.commit("2016-10-10T00:00:00+00:00", {"en/fined.md": report("The fine was paid.")})
    withheld = {"REPORT_HISTORY_WITHHELD": [["content/en/fined.md", secret]]}
    site, result = build_site(tmp_path, repo, extra=withheld)
    assert result.ok, result.problems
    assert "WITHHELDSECRET" not in every_file_text(site)
    assert "bribe" not in every_file_text(site)


def test_a_withheld_id_that_matches_no_change_is_named(tmp_path):
    repo = Repository(tmp_path / "repo")
    repo.commit("2016-10-06T00:00:00+00:00", {"en/fined.md": report()})
    repo.commit("2016-10-08T00:00:00+00:00", {"en/fined.md": report("The fine was paid.")})
    withheld = {"REPORT_HISTORY_WITHHELD": [["content/en/fined.md", "deadbeef12"]]}
    _, result = build_site(tmp_path, repo, extra=withheld)
    assert [p.field for p in result.problems] == ["REPORT_HISTORY_WITHHELD"]


def build_site(tmp_path, repository, extra=None):
    from tests.fixture_sites import build_in_process

    return build_in_process(tmp_path / "out", repository.content, extra=extra)
