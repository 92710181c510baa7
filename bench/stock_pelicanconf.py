"""Stock Pelican for comparison: no plugins, default theme, one language."""

PLUGINS = []
DEFAULT_LANG = "en"
TIMEZONE = "Asia/Tokyo"
SITENAME = "Stock"
ARTICLE_PATHS = ["en", "ja"]
PAGE_PATHS = ["pages"]
USE_FOLDER_AS_CATEGORY = False
FEED_DOMAIN = "http://127.0.0.1:8000"
DELETE_OUTPUT_DIRECTORY = True
