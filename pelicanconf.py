"""Development settings: site, languages, categories, plugins. No logic."""

import sys
from pathlib import Path

from markdown.extensions.toc import slugify_unicode

ROOT = Path(__file__).parent
# The plugins share code through the site model, a plain package beside them.
sys.path.insert(0, str(ROOT / "plugins"))


def N_(message):
    """Mark a string for `pybabel extract`; the theme translates it per page."""
    return message


SITENAME = "Rogue Merchant Watch"
SITEURL = ""
# Feeds need absolute links even in preview.
FEED_DOMAIN = "http://127.0.0.1:8000"
TIMEZONE = "Asia/Tokyo"

PATH = str(ROOT / "content")
OUTPUT_PATH = str(ROOT / "output")
THEME = str(ROOT / "theme")
PLUGIN_PATHS = [str(ROOT / "plugins")]
# Setting PLUGINS turns off auto-discovery: every plugin we use is named here.
# Plugins never import each other (they share plugins/site_model), so the order
# is only the order of signals: search_index and bilingual_sitemap write after
# every other page, and output_gate checks last.
PLUGINS = [
    "build_speed",
    "content_check",
    "localised_interface",
    "translation_links",
    "language_sites",
    "category_filter",
    "series_nav",
    "translation_status",
    "scheduled_posts",
    "url_redirects",
    "domain_mentions",
    "domain_data",
    "report_history",
    "evidence_figures",
    "published_images",
    "post_notes",
    "bylines",
    "front_page",
    "related_reports",
    "english_typography",
    "summaries",
    "reading_time",
    "structured_data",
    "japanese_phrases",
    "security_headers",
    "search_index",
    "bilingual_sitemap",
    "output_gate",
]

# Languages: the first is served at /, every other at /{lang}/.
DEFAULT_LANG = "en"
SITE_LANGUAGES = {
    "en": {"name": "English", "locale": "en_US"},
    "ja": {"name": "日本語", "locale": "ja_JP"},
}
TRANSLATIONS_DIR = str(ROOT / "translations")

# Categories: posts name the key; the label is translated through the catalogs.
CATEGORIES = {
    "internet-pharmacies": N_("Internet pharmacies"),
    "enforcement": N_("Enforcement"),
    "payments": N_("Payments"),
    "policy": N_("Policy"),
}

# Bylines: posts name keys in `Authors:`; each key gives the name per language.
# Our shipped reports carry the desk byline.
AUTHORS = {
    "staff": {"en": "Rogue Merchant Watch staff", "ja": "編集部"},
}

# The home page: the editors' lead and secondary reports, by slug, per language
# (or one dict for every language). A slug a language lacks is skipped; without
# a lead, the newest report leads.
FRONT_PAGE = {
    "en": {"lead": "chemist-4-u-premium-members",
           "secondary": ["domains-shuttered-2016", "operation-pangea-ix"]},
    "ja": {"lead": "kamagra-gold-unapproved-drug",
           "secondary": ["chemist-4-u-premium-members", "domains-shuttered-2016"]},
}

# Series: posts name the key in `Series:` and their number in `Part:`; "parts"
# is the total announced to readers ("Part 1 of 5"). "kind" is "series" unless
# editors call it an "investigation"; "state" is "running" or "complete";
# "introduction" is Markdown per language, shown on the series page.
SERIES = {
    "bestkenko": {
        "title": N_("The BestKenko series"),
        "parts": 5,
        "kind": "series",
        "state": "complete",
        "introduction": {
            "en": (
                "LegitScript, a firm that monitors internet pharmacies, announced a "
                "five-part series on BestKenko, a network of 800 or more websites that "
                "sells prescription drugs to customers in Japan. Part 1 reports what "
                "LegitScript found. Parts 2 to 5 summarise what LegitScript said each "
                "part of its series would examine, and report no findings of their own."
            ),
            "ja": (
                "ネット薬局を監視する米レジットスクリプト（LegitScript）は、日本の利用者に"
                "処方箋薬を売る800以上のウェブサイトからなるネットワーク「ベストケンコー」"
                "について、全5回の連載を公表した。第1回は同社の調査結果を伝える。"
                "第2回から第5回は、同社が各回で検証するとしていた内容をまとめたもので、"
                "独自の調査結果は含まない。"
            ),
        },
    },
}

# Only Markdown ending in .md is read: any other file in content/ is named by
# the content check instead of being published, or lost, unchecked.
READERS = {"markdown": None, "mkd": None, "mdown": None, "html": None, "htm": None,
           "rst": None}
ARTICLE_PATHS = ["en", "ja"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]
USE_FOLDER_AS_CATEGORY = False
DEFAULT_CATEGORY = ""

ARTICLE_URL = "posts/{slug}/"
ARTICLE_SAVE_AS = "posts/{slug}/index.html"
ARTICLE_LANG_URL = "{lang}/posts/{slug}/"
ARTICLE_LANG_SAVE_AS = "{lang}/posts/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
PAGE_LANG_URL = "{lang}/{slug}/"
PAGE_LANG_SAVE_AS = "{lang}/{slug}/index.html"
DRAFT_URL = "drafts/posts/{slug}/"
DRAFT_SAVE_AS = "drafts/posts/{slug}/index.html"
DRAFT_LANG_URL = "drafts/{lang}/posts/{slug}/"
DRAFT_LANG_SAVE_AS = "drafts/{lang}/posts/{slug}/index.html"

# Listings, archives, category pages and feeds are written per language by
# plugins/language_sites; Pelican's single-language versions are switched off.
DIRECT_TEMPLATES = []
CATEGORY_SAVE_AS = ""
TAG_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""
DAY_ARCHIVE_SAVE_AS = ""
FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

DEFAULT_PAGINATION = 10
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)

MARKDOWN = {
    "extension_configs": {
        # Table alignment as an attribute: the policy forbids inline styles.
        "markdown.extensions.extra": {"tables": {"use_align_attribute": True}},
        "markdown.extensions.meta": {},
        # Curly quotes, apostrophes and dashes ("Premium Members" -> “Premium Members”),
        # as characters: the HTML sanitiser writes them so, and a page must read the
        # same whether its text was sanitised in this build or an earlier one.
        "markdown.extensions.smarty": {"substitutions": {
            "left-single-quote": "‘", "right-single-quote": "’",
            "left-double-quote": "“", "right-double-quote": "”",
            "left-angle-quote": "«", "right-angle-quote": "»",
            "ellipsis": "…", "ndash": "–", "mdash": "—",
        }},
        # Unicode-aware ids, so Japanese headings get readable anchors.
        "markdown.extensions.toc": {"slugify": slugify_unicode},
    },
    "output_format": "html5",
}

# Metadata is escaped by the theme; Jinja escapes everything by default.
JINJA_ENVIRONMENT = {
    "autoescape": True,
    "trim_blocks": True,
    "lstrip_blocks": True,
    "extensions": ["jinja2.ext.i18n"],
}

# Our own image for link previews (Open Graph, JSON-LD), 1200x630.
SHARE_IMAGE = "theme/images/share.png"

# Pages load nothing from any other host and run no inline code.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'"
)

# Pagefind runs its search in WebAssembly: only the search pages allow that.
SEARCH_CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; "
    "script-src 'self' 'wasm-unsafe-eval'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'"
)

# The open data of the domains our reports name (data/domains.json, .csv):
# the licence it is published under, shown on the domains page and in the files.
DOMAIN_DATA_LICENSE = "CC BY 4.0"
DOMAIN_DATA_LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
DOMAIN_DATA_FOLDER = "data"

# Changes to a report that its "Changes since publication" page lists by date
# only, never showing their text: [["content/en/FILE.md", "COMMIT"], ...].
REPORT_HISTORY_WITHHELD = []

# Retired URLs and where they live now (see README: "Retiring a URL").
REDIRECTS = {}

SUMMARY_MAX_LENGTH = 45
DELETE_OUTPUT_DIRECTORY = True
LOAD_CONTENT_CACHE = False
