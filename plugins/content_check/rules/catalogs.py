"""Every string of the interface translated: an empty or fuzzy one would show
English on the pages of that language."""

from pathlib import Path

from babel.messages.pofile import read_po
from site_model.catalogs import N_


def catalog_files(self):
    """[(lang, .po path)] of the languages that need a translated catalog; a
    missing one is named."""
    directory = Path(self.settings["TRANSLATIONS_DIR"])
    for lang in self.languages:
        po = directory / lang / "LC_MESSAGES" / "messages.po"
        if lang == self.default_lang:
            continue
        if po.exists():
            yield lang, po
        else:
            self.say(po.relative_to(directory.parent).as_posix(), 0, "file", N_(
                "is missing, so pages in this language would show English (ask a "
                "developer to run `make translations`)"))


def check_catalog(self, lang, po):
    directory = Path(self.settings["TRANSLATIONS_DIR"])
    with open(po, "rb") as stream:
        catalog = read_po(stream, locale=lang)
    shown = po.relative_to(directory.parent).as_posix()
    for message in catalog:
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.id and (message.fuzzy or not all(strings)):
            line = message.lineno or 0
            self.say(shown, line, "msgstr", N_(
                "'%(msgid)s' has no translation, so pages in this language would "
                "show it in English (translate it, and remove any 'fuzzy' mark)"),
                msgid=message.id[0] if isinstance(message.id, tuple) else message.id)
