"""Multi-part investigations, navigable part by part in every language.

Posts join a series with ``Series: KEY`` and ``Part: N``; ``SERIES[KEY]``
gives the title msgid, the number of parts announced, and optionally
``kind`` ("series", the default, or "investigation" when editors call it one:
the kicker says which), ``state`` ("running", the default, or "complete") and
``introduction`` (Markdown per language, shown on the series page). Parts are counted
per language: a Japanese page never counts an English part as Japanese. A part
that exists only in another language is still listed, linked to that language
and marked with its language name.

Adds:
- ``article.series_box`` (a :class:`SeriesBox`) to every part: ``title``,
  ``kind``, ``state``, ``number``, ``total``, ``published``, ``parts`` (one
  :class:`SeriesPart` per announced part, with its ``subtitle``: the title
  after the series prefix, "The Suppliers" for "BestKenko, Part V: The
  Suppliers"), ``previous``/``next`` and ``url`` of the series page;
- a series page per language that has a part (template ``series``):
  ``series/{key}/``, ``{lang}/series/{key}/``, with ``series_box`` in its
  context, and its ``introduction`` (sanitised HTML, or "").

Settings read: ``SERIES``, ``SITE_LANGUAGES``, ``DEFAULT_LANG``, ``MARKDOWN``.
"""

import re
from dataclasses import dataclass

from markdown import Markdown
from markupsafe import Markup
from pelican import signals
from pelican.generators import Generator
from site_model.html_policy import Sanitiser
from site_model.listings import linked_listings
from site_model.site import site_of
from site_model.urls import site_paths

# What this plugin adds (for templates, Pelican and readers), and what it reads
# that another plugin adds, each at the stage where it happens: held to the order
# of PLUGINS by tests/plugins/test_plugin_contracts.py.
PROVIDES = {"article.series_box": "generate_context"}  # and series_box on its series pages
READS = {}

KINDS = ("series", "investigation")
STATES = ("running", "complete")
# "BestKenko, Part V: The Suppliers", "ベストケンコー第5回：医薬品の供給元": the
# series name and number before the first colon; the part's own title after it.
PREFIX = re.compile(r"^[^:：]*?(?:\bParts?\b|第\s*[0-9０-９]+\s*回)[^:：]*[:：]\s*")


@dataclass(frozen=True)
class SeriesPart:
    number: int
    article: object  # None when no language has this part yet
    is_current: bool
    in_other_language: bool

    @property
    def subtitle(self):
        """The part's own title, without the series name and number before it."""
        title = self.article.title if self.article else ""
        return PREFIX.sub("", title, count=1).strip() or title


@dataclass(frozen=True)
class SeriesBox:
    key: str
    title: str
    lang: str
    total: int
    url: str
    parts: tuple
    number: int = 0  # the current part; 0 on the series page
    kind: str = "series"
    state: str = "running"

    @property
    def published(self):
        """How many announced parts readers can read, in any language."""
        return sum(1 for part in self.parts if part.article)

    @property
    def complete(self):
        return self.state == "complete" and self.published == self.total

    def _published(self, numbers):
        return next(
            (p for n in numbers for p in self.parts if p.number == n and p.article), None
        )

    @property
    def previous(self):
        return self._published(range(self.number - 1, 0, -1)) if self.number else None

    @property
    def next(self):
        if not self.number:
            return None
        return self._published(range(self.number + 1, self.total + 1))


def part_number(article):
    """The part's number; 0 for one the content check would name."""
    part = str(getattr(article, "part", ""))
    return int(part) if part.isascii() and part.isdigit() else 0


def parts_by_language(articles_by_lang, key):
    """{lang: {part number: article}} for one series."""
    return {
        lang: {part_number(a): a for a in articles
               if getattr(a, "series", None) == key and part_number(a)}
        for lang, articles in articles_by_lang.items()
    }


def choose_version(versions, number, lang, preference):
    """The part in ``lang`` if it exists, else in the first other language that has it."""
    for candidate in (lang, *preference):
        if number in versions.get(candidate, {}):
            return versions[candidate][number], candidate
    return None, None


def build_box(settings, key, lang, versions, number=0):
    spec = settings["SERIES"][key]
    preference = [other for other in settings["SITE_LANGUAGES"] if other != lang]
    parts = []
    for n in range(1, spec["parts"] + 1):
        article, found_in = choose_version(versions, n, lang, preference)
        parts.append(
            SeriesPart(
                number=n,
                article=article,
                is_current=n == number,
                in_other_language=bool(article) and found_in != lang,
            )
        )
    return SeriesBox(
        key=key,
        title=spec["title"],
        lang=lang,
        total=spec["parts"],
        url=site_paths(settings)[lang].series(key),
        parts=tuple(parts),
        number=number,
        kind=spec.get("kind") if spec.get("kind") in KINDS else "series",
        state=spec.get("state") if spec.get("state") in STATES else "running",
    )


def introduction(settings, key, lang):
    """The series' introduction in ``lang``, as HTML inside the content policy."""
    text = settings["SERIES"][key].get("introduction", {}).get(lang, "")
    if not text.strip():
        return Markup("")
    config = settings.get("MARKDOWN", {})
    extensions = [name for name in config.get("extension_configs", {})
                  if name.endswith(("smarty", "extra"))]
    html = Markdown(extensions=extensions, output_format="html5").convert(text)
    return Markup(Sanitiser().clean(html))


class SeriesPagesGenerator(Generator):
    def generate_context(self):
        site = site_of(self.context)
        by_lang = site.articles_by_lang
        self.boxes = {}
        for article in site.articles:  # recomputed every build: none is left from the last
            article.series_box = None
        for key in self.settings["SERIES"]:
            versions = parts_by_language(by_lang, key)
            for lang, parts in versions.items():
                for number, article in parts.items():
                    article.series_box = build_box(self.settings, key, lang, versions, number)
                if parts:
                    self.boxes[(key, lang)] = build_box(self.settings, key, lang, versions)

    def generate_output(self, writer):
        for key in self.settings["SERIES"]:
            present = {lang: box for (k, lang), box in self.boxes.items() if k == key}
            listings = linked_listings(
                self.settings, "series", {lang: box.url for lang, box in present.items()}
            )
            for lang, box in present.items():
                writer.write_file(
                    f"{box.url}index.html",
                    self.get_template("series"),
                    self.context,
                    url=box.url,
                    listing=listings[lang],
                    series_box=box,
                    introduction=introduction(self.settings, key, lang),
                )


def get_generators(pelican):
    return SeriesPagesGenerator


def register():
    signals.get_generators.connect(get_generators)
