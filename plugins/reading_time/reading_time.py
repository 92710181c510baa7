"""How long a report takes to read, counting Japanese and English alike.

Japanese is counted in characters (``READING_CHARACTERS_PER_MINUTE``, default
500) and English in words (``READING_WORDS_PER_MINUTE``, default 230), in the
same post, so a Japanese report quoting English sources is timed right.

Adds ``article.reading_minutes`` (at least 1); the theme shows it as
"5 min read" / 「5分で読めます」.
"""

import math
import re

from pelican import signals
from site_model.site import content_digest, derived, site_of

# What this plugin adds (for templates, Pelican and readers), and what it reads
# that another plugin adds, each at the stage where it happens: held to the order
# of PLUGINS by tests/plugins/test_plugin_contracts.py.
PROVIDES = {"article.reading_minutes": "all_generators_finalized"}
READS = {}

JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]")
WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.-]*")


def reading_minutes(text, characters_per_minute=500, words_per_minute=230):
    japanese = len(JAPANESE.findall(text))
    english = len(WORD.findall(JAPANESE.sub(" ", text)))
    return max(1, math.ceil(japanese / characters_per_minute + english / words_per_minute))


def time_articles(generators):
    """Set ``reading_minutes`` on every article, every build, from the Site's text."""
    site = site_of(generators[0].context)
    memo = derived(generators[0].settings)
    for article in site.articles:
        characters = article.settings.get("READING_CHARACTERS_PER_MINUTE", 500)
        words = article.settings.get("READING_WORDS_PER_MINUTE", 230)
        text = site.facts(article).text
        if memo is None:
            article.reading_minutes = reading_minutes(text, characters, words)
            continue
        key = ("reading_minutes", content_digest(text), characters, words)
        if key not in memo:
            memo[key] = reading_minutes(text, characters, words)
        article.reading_minutes = memo[key]


def register():
    signals.all_generators_finalized.connect(time_articles)
