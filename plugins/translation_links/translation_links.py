"""Link every article and page to its versions in the other languages.

Adds ``language_links`` (a :class:`LanguageLinks`) to every article, page and
draft. Templates read from it:
- ``alternates``: ``(hreflang, url)`` for every language version plus
  ``x-default``, for ``<link rel="alternate" hreflang>``;
- ``switches``: one entry per other language: its ``url`` (the translation, or
  that language's home page when there is none), its ``name`` and whether it
  ``is_translation``, so the switch never leads to a missing page.

Pelican groups translations by slug; this plugin only reads those groups.
Settings read: ``SITE_LANGUAGES``, ``DEFAULT_LANG``.
"""

from dataclasses import dataclass

from pelican import signals


def home_url(lang, default_lang):
    return "" if lang == default_lang else f"{lang}/"


@dataclass(frozen=True)
class LanguageSwitch:
    lang: str
    name: str
    url: str
    is_translation: bool


@dataclass(frozen=True)
class LanguageLinks:
    lang: str
    versions: dict  # language -> url of this same page in that language
    languages: dict  # SITE_LANGUAGES
    default_lang: str

    @property
    def alternates(self):
        links = sorted(self.versions.items())
        fallback = self.versions.get(self.default_lang, self.versions[self.lang])
        return [*links, ("x-default", fallback)]

    @property
    def switches(self):
        return [
            LanguageSwitch(
                lang=lang,
                name=spec["name"],
                url=self.versions.get(lang, home_url(lang, self.default_lang)),
                is_translation=lang in self.versions,
            )
            for lang, spec in self.languages.items()
            if lang != self.lang
        ]


def links_for(settings, lang, versions):
    return LanguageLinks(
        lang=lang,
        versions=versions,
        languages=settings["SITE_LANGUAGES"],
        default_lang=settings["DEFAULT_LANG"],
    )


def link_content(content, settings):
    versions = {other.lang: other.url for other in content.translations}
    versions[content.lang] = content.url
    content.language_links = links_for(settings, content.lang, versions)


def link_articles(generator):
    for article in (
        *generator.articles,
        *generator.translations,
        *generator.hidden_articles,
        *generator.hidden_translations,
        *generator.drafts,
        *generator.drafts_translations,
    ):
        link_content(article, generator.settings)


def link_pages(generator):
    for page in (
        *generator.pages,
        *generator.translations,
        *generator.hidden_pages,
        *generator.hidden_translations,
        *generator.draft_pages,
        *generator.draft_translations,
    ):
        link_content(page, generator.settings)


def register():
    signals.article_generator_finalized.connect(link_articles)
    signals.page_generator_finalized.connect(link_pages)
