"""Pelican with i18n_subsites for comparison: the default theme, a Japanese sub-site."""

PLUGINS = ["i18n_subsites"]
DEFAULT_LANG = "en"
TIMEZONE = "Asia/Tokyo"
SITENAME = "i18n_subsites"
ARTICLE_PATHS = ["en", "ja"]
PAGE_PATHS = ["pages"]
USE_FOLDER_AS_CATEGORY = False
FEED_DOMAIN = "http://127.0.0.1:8000"
DELETE_OUTPUT_DIRECTORY = True
JINJA_ENVIRONMENT = {"extensions": ["jinja2.ext.i18n"]}
I18N_SUBSITES = {"ja": {"SITENAME": "i18n_subsites ja"}}
