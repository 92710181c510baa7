"""The site's languages: their names, and a page's versions in the other ones."""

from dataclasses import dataclass

from babel import Locale

from .urls import home_url


def language_name(code, in_lang):
    """What readers of ``in_lang`` call the language ``code`` ("英語" for en in ja)."""
    return Locale.parse(in_lang).languages.get(code, code)


@dataclass(frozen=True)
class LanguageSwitch:
    lang: str
    name: str
    url: str
    is_translation: bool


@dataclass(frozen=True)
class LanguageLinks:
    """Templates read ``alternates`` (for ``<link rel="alternate">``) and
    ``switches`` (the language switch: a translation, else that language's home)."""

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
