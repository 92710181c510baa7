"""Who wrote a report: ``Authors: KEY, KEY`` naming keys of the ``AUTHORS`` setting.

``AUTHORS = {"staff": {"en": "Rogue Merchant Watch staff", "ja": "編集部"}}``
gives each author's name in every site language; a post names the keys, so a
byline is spelled one way on every page and in every language. Pelican reads
the field as a comma-separated list (its ``authors`` metadata).
"""

import difflib
from dataclasses import dataclass

from .catalogs import N_
from .urls import home_url


@dataclass(frozen=True)
class Author:
    key: str
    name: str  # in the language of the page that shows it
    url: str  # the author's page in that language


def author_keys(value):
    """The keys a header value names, in order: "staff, desk" -> ["staff", "desk"].
    Accepts the raw header string or Pelican's list of ``Author`` objects."""
    if value is None:
        return []
    items = value.split(",") if isinstance(value, str) else [str(item) for item in value]
    return [item.strip() for item in items if item.strip()]


def author_url(settings, lang, key):
    return f"{home_url(lang, settings['DEFAULT_LANG'])}authors/{key}/"


def author_name(settings, key, lang):
    """The author's name for readers of ``lang``; the default language's when
    ``AUTHORS`` gives none in ``lang``."""
    names = settings.get("AUTHORS", {}).get(key, {})
    return names.get(lang) or names.get(settings["DEFAULT_LANG"]) or key


def authors_of(article, settings, lang=None):
    """The known authors a post names, as :class:`Author` in ``lang`` (default:
    the post's language). Unknown keys are left to the content check."""
    lang = lang or article.lang
    known = settings.get("AUTHORS", {})
    keys = author_keys(article.metadata.get("authors"))
    return tuple(Author(key, author_name(settings, key, lang), author_url(settings, lang, key))
                 for key in dict.fromkeys(keys) if key in known)


def author_problems(value, settings):
    """What is wrong with an ``Authors:`` value: ``[(message msgid, values)]``.

    The content check reports each in the editor's language, with the line.
    """
    known = settings.get("AUTHORS", {})
    choices = ", ".join(sorted(known))
    if value is not None and not author_keys(value):
        return [(N_("names no author (write one or more of: %(choices)s, separated "
                    "by commas)"), {"choices": choices})]
    problems = []
    for key in author_keys(value):
        if key in known:
            continue
        close = difflib.get_close_matches(key.lower(), list(known), n=1, cutoff=0.5)
        if close:
            problems.append((N_("'%(key)s' is not an author (did you mean '%(close)s'? use "
                                "one of: %(choices)s, or add the author to AUTHORS in "
                                "pelicanconf.py)"),
                             {"key": key, "close": close[0], "choices": choices}))
        else:
            problems.append((N_("'%(key)s' is not an author (use one of: %(choices)s, or "
                                "add the author to AUTHORS in pelicanconf.py)"),
                             {"key": key, "choices": choices}))
    return problems
