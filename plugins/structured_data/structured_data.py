"""Machine-readable facts about each report: JSON-LD ``NewsArticle``.

Adds ``article.json_ld``: a JSON string (safe to place in a
``<script type="application/ld+json">``) with ``headline``, ``inLanguage``,
``datePublished``, ``dateModified``, ``description``, ``url``, ``image``,
``publisher``, ``author`` (the post's ``Authors:``, named in its language,
with the author page's URL; the publisher when it names none), and the links between language versions: a translation names
its original in ``translationOfWork``, an original lists its translations in
``workTranslation``. A translation is the version whose ``Translation-Of``
names the other, or else the one not in the default language.

Settings read: ``SITEURL`` (``FEED_DOMAIN`` in preview), ``SITENAME``,
``DEFAULT_LANG``, ``SHARE_IMAGE``, ``AUTHORS``.
"""

import json

from lxml import html as lxml_html
from pelican import signals
from site_model.authors import authors_of
from site_model.listings import every_article
from site_model.translation_of import original_of, parse
from site_model.urls import site_root


def plain(html):
    if not html or not html.strip():
        return ""
    return " ".join(lxml_html.fragment_fromstring(html, create_parent="div").text_content().split())


def translated_work(article, default_lang):
    """The version ``article`` translates, or None when it is an original: the
    one its Translation-Of names, else (without one) the default language's."""
    if parse(article.metadata.get("translation-of")) or article.lang == default_lang:
        return original_of(article)
    return next((o for o in article.translations if o.lang == default_lang), None)


def news_article(article, settings):
    root = site_root(settings)
    url = f"{root}/{article.url}"
    modified = getattr(article, "modified", None) or article.date
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "inLanguage": article.lang,
        "datePublished": article.date.isoformat(),
        "dateModified": modified.isoformat(),
        "description": plain(article.summary),
        "url": url,
        "mainEntityOfPage": url,
        "image": [f"{root}/{settings['SHARE_IMAGE']}"],
        "publisher": {"@type": "Organization", "name": settings["SITENAME"]},
        "author": [
            {"@type": "Organization", "name": author.name, "url": f"{root}/{author.url}"}
            for author in authors_of(article, settings)
        ] or [{"@type": "Organization", "name": settings["SITENAME"], "url": f"{root}/"}],
    }
    default_lang = settings["DEFAULT_LANG"]
    original = translated_work(article, default_lang)
    if original is not None:
        data["translationOfWork"] = {"@id": f"{root}/{original.url}", "inLanguage": original.lang}
    translations = [t for t in article.translations if translated_work(t, default_lang) is article]
    if translations:
        data["workTranslation"] = [
            {"@id": f"{root}/{t.url}", "inLanguage": t.lang}
            for t in sorted(translations, key=lambda t: t.lang)
        ]
    return data


def to_script_json(data):
    # "<" escaped so that no "</script>" inside a headline can end the element.
    return json.dumps(data, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")


def inputs(article, settings):
    """What ``news_article`` reads, cheap to compare: a post kept between
    preview builds is described again only when one of them changed."""
    others = tuple((t.url, t.lang, t.metadata.get("translation-of")) for t in article.translations)
    return (article.title, article.lang, article.date, getattr(article, "modified", None),
            article.summary, article.url, article.metadata.get("translation-of"), others,
            site_root(settings), settings["SITENAME"], settings["SHARE_IMAGE"],
            settings["DEFAULT_LANG"], str(article.metadata.get("authors")),
            repr(settings.get("AUTHORS")))


def describe(generator):
    for article in every_article(generator):
        found = inputs(article, generator.settings)
        remembered = getattr(article, "_memo_json_ld", None)
        if remembered is None or remembered[0] != found:
            remembered = article._memo_json_ld = (
                found, to_script_json(news_article(article, generator.settings)))
        article.json_ld = remembered[1]


def register():
    signals.article_generator_finalized.connect(describe)
