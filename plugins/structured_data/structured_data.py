"""Machine-readable facts about each report: JSON-LD ``NewsArticle``.

Adds ``article.json_ld``: a JSON string (safe to place in a
``<script type="application/ld+json">``) with ``headline``, ``inLanguage``,
``datePublished``, ``dateModified``, ``description``, ``url``, ``image``,
``publisher``, ``author`` (the post's ``Authors:``, named in its language,
with the author page's URL; the publisher when it names none), and the links
between language versions: a translation names its original in
``translationOfWork``, an original lists its translations in
``workTranslation``. A translation is the version whose ``Translation-Of``
names the other, or else the one not in the default language.

Settings read: ``SITEURL`` (``FEED_DOMAIN`` in preview), ``SITENAME``,
``DEFAULT_LANG``, ``SHARE_IMAGE``, ``AUTHORS``.
"""

import json

from lxml import html as lxml_html
from pelican import signals
from site_model.authors import authors_of
from site_model.site import site_of
from site_model.translation_of import parse

# What this plugin adds (for templates, Pelican and readers), and what it reads
# that another plugin adds, each at the stage where it happens: held to the order
# of PLUGINS by tests/plugins/test_plugin_contracts.py.
PROVIDES = {"article.json_ld": "all_generators_finalized"}
READS = {"article.summary": "all_generators_finalized"}  # summaries' own, when none is given


def plain(html):
    if not html or not html.strip():
        return ""
    return " ".join(lxml_html.fragment_fromstring(html, create_parent="div").text_content().split())


def translated_work(site, article):
    """The version ``article`` translates, or None when it is an original: the
    one its Translation-Of names, else (without one) the default language's."""
    if parse(article.metadata.get("translation-of")) or article.lang == site.default_lang:
        return site.facts(article).original
    return site.facts(article).versions.get(site.default_lang)


def news_article(site, article, settings):
    root = site.root
    url = f"{root}/{article.url}"
    modified = site.facts(article).modified or article.date
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
    original = translated_work(site, article)
    if original is not None:
        data["translationOfWork"] = {"@id": f"{root}/{original.url}", "inLanguage": original.lang}
    translations = [t for t in article.translations if translated_work(site, t) is article]
    if translations:
        data["workTranslation"] = [
            {"@id": f"{root}/{t.url}", "inLanguage": t.lang}
            for t in sorted(translations, key=lambda t: t.lang)
        ]
    return data


def to_script_json(data):
    # "<" escaped so that no "</script>" inside a headline can end the element.
    return json.dumps(data, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")


def describe(generators):
    """Set ``json_ld`` on every article, every build, from the Site."""
    site = site_of(generators[0].context)
    settings = generators[0].settings
    for article in site.articles:
        article.json_ld = to_script_json(news_article(site, article, settings))


def register():
    signals.all_generators_finalized.connect(describe)
