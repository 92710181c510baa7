"""Evidence figures: accessible, sized, and labelled in the report's language."""

from PIL import Image

from tests.catalogs import translate
from tests.site import text_of

POST = """Title: A Report With Evidence
Date: 2016-05-01 09:00
Category: policy
Lang: {lang}
Slug: evidence
Summary: Summary.

First paragraph.

::: figure
image: /images/shot.png
alt: The checkout page of a pharmacy website, listing prices in yen
caption: The checkout page.
type: screenshot
captured: 2016-04-30
source: rogue-pharmacy.example
:::

Second paragraph.

Third paragraph.

::: figure
image: /images/shot.png
alt: The same page, further down
caption: The footer.
:::
"""


def build(fixture_site, tmp_path, lang="en", status=None):
    shot = tmp_path / "shot.png"
    Image.new("RGB", (1000, 600), "white").save(shot)
    text = POST.format(lang=lang)
    if status:
        text = text.replace("Summary:", f"Status: {status}\nSummary:")
    site, _ = fixture_site({f"{lang}/evidence.md": text}, images={"shot.png": shot})
    return site


def assert_every_size_is_built(site, page):
    for img in site.soup(page).select("figure.evidence img"):
        for candidate in img["srcset"].split(","):
            url, width = candidate.split()
            path = site.file_for(url)
            assert path is not None, url
            assert Image.open(path).width == int(width.removesuffix("w"))


def test_figure_markup_sizes_and_loading(fixture_site, tmp_path):
    site = build(fixture_site, tmp_path)
    figures = site.soup("/posts/evidence/").select("figure.evidence")
    assert len(figures) == 2
    img = figures[0].select_one("img")
    assert (img["width"], img["height"]) == ("1000", "600")
    assert img["alt"].startswith("The checkout page")
    assert img["loading"] == "eager" and figures[1].select_one("img")["loading"] == "lazy"
    assert_every_size_is_built(site, "/posts/evidence/")
    caption = figures[0].select_one("figcaption")
    assert text_of(caption.select_one(".evidence-type")) == "Screenshot"
    assert "Captured on April 30, 2016 from" in text_of(caption)
    assert text_of(caption.select_one(".domain")) == "rogue-pharmacy[.]example"
    assert not caption.select("a")


def test_a_hidden_report_written_by_the_build_gets_its_figure_sizes(fixture_site, tmp_path):
    # Pelican writes a hidden report at its address; only listings leave it out.
    site = build(fixture_site, tmp_path, status="hidden")
    assert_every_size_is_built(site, "/posts/evidence/")


def test_figure_labels_follow_the_report_language(fixture_site, tmp_path):
    site = build(fixture_site, tmp_path, lang="ja")
    caption = site.soup("/ja/posts/evidence/").select_one("figcaption")
    assert text_of(caption.select_one(".evidence-type")) == translate("ja", "Screenshot")
    assert "2016年4月30日" in text_of(caption)


def test_kamagra_report_uses_an_honestly_labelled_illustration(site):
    page = site.soup("/ja/posts/kamagra-gold-unapproved-drug/")
    figure = page.select_one("figure.evidence-illustration")
    assert text_of(figure.select_one(".evidence-type")) == translate("ja", "Illustration")
    assert "イラスト" in figure.select_one("img")["alt"]
    assert site.file_for(figure.select_one("img")["src"])
