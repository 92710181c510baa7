"""The editors' settings in ``pelicanconf.py`` that shape pages (series,
authors, the front page) have the shape the plugins read: a wrong one is a
named problem, before any rule or plugin reads it, never a traceback."""

from site_model.catalogs import N_

SETTINGS_FILE = "pelicanconf.py"


def is_text(value):
    return isinstance(value, str) and value.strip() != ""


def check_settings(check):
    """Problems of the settings; the other rules run only when there are none."""
    before = len(check.problems)
    check_series(check, check.settings.get("SERIES", {}))
    check_authors(check, check.settings.get("AUTHORS", {}))
    check_front_page(check, check.settings.get("FRONT_PAGE", {}))
    return len(check.problems) == before


def say(check, field, message, **values):
    check.say(SETTINGS_FILE, 0, field, message, **values)


def check_series(check, series):
    if not isinstance(series, dict):
        say(check, "SERIES", N_("must be a dict of series keys (see docs/EDITING.md)"))
        return
    for key, spec in series.items():
        field = f"SERIES['{key}']"
        if not isinstance(spec, dict):
            say(check, field, N_("must be a dict with 'title' and 'parts' (see docs/EDITING.md)"))
            continue
        parts = spec.get("parts")
        if not isinstance(parts, int) or isinstance(parts, bool) or parts < 1:
            say(check, field, N_("'parts' must be a whole number, 1 or more (write "
                                 "\"parts\": 5, without quotes)"))
        if not is_text(spec.get("title")):
            say(check, field, N_("'title' must be the series' name (write \"title\": "
                                 "N_(\"The BestKenko series\"))"))
        introduction = spec.get("introduction", {})
        if not isinstance(introduction, dict) or not all(
                isinstance(text, str) for text in introduction.values()):
            say(check, field, N_("'introduction' must give a text per language (write "
                                 "\"introduction\": {\"en\": \"...\", \"ja\": \"...\"})"))


def check_authors(check, authors):
    if not isinstance(authors, dict) or not all(
            isinstance(names, dict) and all(is_text(n) for n in names.values())
            for names in authors.values()):
        say(check, "AUTHORS", N_("must give each author's name per language (write "
                                 "\"staff\": {\"en\": \"...\", \"ja\": \"...\"})"))


def check_front_page(check, front_page):
    if not isinstance(front_page, dict):
        say(check, "FRONT_PAGE", N_("must be a dict (see docs/EDITING.md)"))
        return
    languages = set(check.settings["SITE_LANGUAGES"])
    choices = [front_page] if not languages & set(front_page) else [
        front_page[lang] for lang in languages & set(front_page)]
    for choice in choices:
        lead = choice.get("lead") if isinstance(choice, dict) else None
        secondary = choice.get("secondary", []) if isinstance(choice, dict) else None
        if not isinstance(choice, dict) or (lead is not None and not is_text(lead)) or \
                not isinstance(secondary, list) or not all(is_text(s) for s in secondary):
            say(check, "FRONT_PAGE", N_("names reports by slug: \"lead\" is one slug and "
                                        "\"secondary\" a list of slugs (write \"lead\": "
                                        "\"a-slug\", \"secondary\": [\"another-slug\"])"))
            return
