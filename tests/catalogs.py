"""The gettext catalogs in translations/, as Babel reads them."""

import subprocess
import sys

from babel.messages.pofile import read_po

from tests.site import ROOT

TRANSLATIONS = ROOT / "translations"


def catalog(lang):
    with open(TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po", "rb") as stream:
        return read_po(stream, locale=lang)


def template():
    with open(TRANSLATIONS / "messages.pot", "rb") as stream:
        return read_po(stream)


def extract(output):
    """Extract the theme's strings the way `make translations` does."""
    subprocess.run(
        [
            sys.executable, "-m", "babel.messages.frontend", "extract",
            "-F", str(TRANSLATIONS / "babel.cfg"), "--no-location", "--sort-output",
            "-k", "N_", "-o", str(output), ".",
        ],
        cwd=ROOT, check=True, capture_output=True,
    )
    with open(output, "rb") as stream:
        return read_po(stream)


def msgids(cat):
    return {message.id for message in cat if message.id}


def translate(lang, msgid):
    return catalog(lang)[msgid].string
