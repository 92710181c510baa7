"""How long a report takes to read, counting Japanese and English alike.

Japanese is counted in characters (``READING_CHARACTERS_PER_MINUTE``, default
500) and English in words (``READING_WORDS_PER_MINUTE``, default 230), in the
same post, so a Japanese report quoting English sources is timed right.

Adds ``article.reading_minutes`` (at least 1); the theme shows it as
"5 min read" / 「5分で読めます」.
"""

import math
import re

from lxml import html as lxml_html
from pelican import signals
from pelican.contents import Article

JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]")
WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.-]*")


def text_of(content):
    if not content.strip():
        return ""
    return lxml_html.fragment_fromstring(content, create_parent="div").text_content()


def reading_minutes(text, characters_per_minute=500, words_per_minute=230):
    japanese = len(JAPANESE.findall(text))
    english = len(WORD.findall(JAPANESE.sub(" ", text)))
    return max(1, math.ceil(japanese / characters_per_minute + english / words_per_minute))


def time_article(content):
    # Timed as the post is read, so the content cache keeps the result for
    # warm rebuilds. The raw body: resolving its links changes no text.
    if not isinstance(content, Article):
        return
    characters = content.settings.get("READING_CHARACTERS_PER_MINUTE", 500)
    words = content.settings.get("READING_WORDS_PER_MINUTE", 230)
    content.reading_minutes = reading_minutes(text_of(content._content), characters, words)


def register():
    signals.content_object_init.connect(time_article)
