"""Production overrides only: absolute URLs from SITEURL, no drafts."""

import os
import sys

sys.path.append(os.path.dirname(__file__))
from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ["SITEURL"].rstrip("/")  # `make publish` insists it is set
FEED_DOMAIN = SITEURL
RELATIVE_URLS = False

# Drafts are previewed locally and never published.
DRAFT_SAVE_AS = ""
DRAFT_LANG_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
DRAFT_PAGE_LANG_SAVE_AS = ""
