"""Editors' commands: start a post, start a translation, see and record translation status.

    python tools/newsroom.py new --title "Title" --category enforcement [--lang en] [--slug SLUG]
    python tools/newsroom.py translate --post content/en/SLUG.md [--to ja]
    python tools/newsroom.py status
    python tools/newsroom.py record --post content/ja/SLUG.md

Each option left out is read from the environment variable RAW_NAME (RAW_TITLE,
RAW_POST...): the Makefile passes editors' text that way, exactly as typed, never
through the shell (`make post TITLE='Fined $500,000 "Premium"'`).
NEWSROOM_CONTENT points the commands at another content folder (tests use it).

Every command reads and writes posts only inside content/<lang>/, content/
itself a real folder (not a symbolic link): whatever a Slug, POST or LANGUAGE
says, a path that resolves elsewhere is refused with one line and status 2.

The Makefile wraps each one (`make post`, `make translate`, `make translation-status`,
`make translation-done`); docs/EDITING.md explains them.
"""

import argparse
import os
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "plugins")]

from pelican.settings import DEFAULT_CONFIG  # noqa: E402
from pelican.utils import slugify  # noqa: E402
from site_model.clock import site_now  # noqa: E402
from site_model.header import read_header  # noqa: E402
from site_model.notes import notes_in  # noqa: E402
from site_model.translation_of import content_hash  # noqa: E402
from site_model.translation_of import parse as recorded_translation  # noqa: E402
from site_model.urls import SLUG, SLUG_LENGTH  # noqa: E402

import pelicanconf  # noqa: E402

CONTENT = Path(os.environ.get("NEWSROOM_CONTENT", pelicanconf.PATH))
LANGUAGES = list(pelicanconf.SITE_LANGUAGES)


def now():
    """Now in the site's timezone, as a Date line wants it (SITE_NOW fixes it)."""
    return site_now().astimezone(ZoneInfo(pelicanconf.TIMEZONE)).strftime("%Y-%m-%d %H:%M")


def shown(path):
    """A path as editors see it: relative to the project when it is inside it."""
    return path.relative_to(ROOT) if path.is_relative_to(ROOT) else path


def fail(message):
    print(message, file=sys.stderr)
    raise SystemExit(2)


def choose_category(given):
    keys = list(pelicanconf.CATEGORIES)
    if given in keys:
        return given
    if given or not sys.stdin.isatty():
        fail(f"--category must be one of: {', '.join(keys)}")
    for number, key in enumerate(keys, start=1):
        print(f"  {number}. {key} ({pelicanconf.CATEGORIES[key]})")
    answer = input("Category number: ").strip()
    if not answer.isdigit() or not 1 <= int(answer) <= len(keys):
        fail("No such category number.")
    return keys[int(answer) - 1]


def real_content_folder():
    """content/, refused when it is a symbolic link: posts are read and written
    only inside the project's own folder."""
    if CONTENT.is_symlink():
        fail(f"{shown(CONTENT)} is a symbolic link: the posts must live in a real folder "
             "inside the project (replace the link with the folder).")
    return CONTENT.resolve()


def post_path(lang, slug, name):
    """content/<lang>/<slug>.md, refused unless the language is the site's, the
    slug a URL slug, and the path, resolved, inside that language's folder."""
    if lang not in LANGUAGES:
        fail(f"{name}: {lang!r} is not a language of the site: use one of "
             f"{', '.join(LANGUAGES)}.")
    if not slug or not SLUG.fullmatch(slug) or len(slug) > SLUG_LENGTH:
        fail(f"{name}: {slug or ''!r} is not a URL slug: use lowercase ASCII letters, digits and "
             f"hyphens ({SLUG_LENGTH} at most).")
    return inside_content(CONTENT / lang / f"{slug}.md", name)


def inside_content(path, name):
    """``path`` resolved (symbolic links followed), required to be a post of
    content/<lang>/ for a language of the site."""
    folder = real_content_folder()
    resolved = Path(path).resolve()
    if (resolved.parent.parent != folder or resolved.parent.name not in LANGUAGES
            or resolved.suffix != ".md"):
        fail(f"{name}: {str(path)!r} is not a post in {shown(CONTENT)}/<language>/: "
             f"name one there, e.g. {shown(CONTENT)}/{LANGUAGES[0]}/SLUG.md.")
    return resolved


def write_new(path, lines, body):
    if path.exists() or path.is_symlink():
        fail(f"{shown(path)} already exists: choose another slug.")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n\n" + body.rstrip() + "\n", encoding="utf-8")
    print(f"Created {shown(path)} (Status: draft; remove that line to publish).")


def one_line(value, name):
    if any(character in value for character in "\r\n\x00"):
        fail(f"{name} must be one line of text.")
    return value.strip()


def new_post(args):
    args.title = one_line(args.title or "", "TITLE")
    if not args.title:
        fail('Give the headline: make post TITLE="The headline" CATEGORY=key')
    substitutions = getattr(
        pelicanconf, "SLUG_REGEX_SUBSTITUTIONS", DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]
    )
    slug = args.slug or slugify(args.title, regex_subs=substitutions)
    if not args.title.isascii() and not args.slug:
        fail("A title with non-ASCII letters needs --slug in ASCII, e.g. --slug bestkenko-part-2")
    path = post_path(args.lang, slug, "SLUG" if args.slug else "TITLE")
    category = choose_category(args.category)
    lines = [
        f"Title: {args.title}",
        f"Date: {now()}",
        f"Category: {category}",
        f"Lang: {args.lang}",
        f"Slug: {slug}",
        "Summary: One or two sentences for the listing, feeds and link previews.",
        "Status: draft",
    ]
    write_new(path, lines, "Write the report here, in Markdown.")


def translate(args):
    post = one_line(args.post or "", "POST")
    if not post or not Path(post).is_file():
        fail(f"No post at '{post}': make translate POST=content/en/SLUG.md")
    source = inside_content(post, "POST")
    header = read_header(read(source))
    source_lang = header.value("lang")
    target_lang = args.to or next(lang for lang in LANGUAGES if lang != source_lang)
    if target_lang == source_lang:
        fail("--to must be another language than the original's.")
    slug = header.value("slug")
    # The Slug comes from the original's header, as its author wrote it.
    path = post_path(target_lang, slug, f"{shown(source)}: Slug")
    # A translation carries its original's date, and its notes to translate.
    lines = [f"{key}: {header.value(key.lower())}"
             for key in ("Title", "Date", "Category") if header.value(key.lower())]
    lines += [f"Lang: {target_lang}", f"Slug: {slug}"]
    lines += [f"{key}: {header.value(key.lower())}" for key in ("Series", "Part", "Summary")
              if header.value(key.lower())]
    lines += [f"Note: {field.value}" for field in header.fields if field.key.lower() == "note"]
    lines += [f"Translation-Of: {source_lang} {content_hash(source)}", "Status: draft"]
    write_new(path, lines, header.body)
    print("Translate the Title, Summary, notes and body, then remove 'Status: draft'.")


def read(path):
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        fail(f"{shown(path)}: cannot be read as UTF-8 text ({error.__class__.__name__}).")


def posts():
    found = {}
    for path in sorted(real_content_folder().glob("*/*.md")):
        if path.parent.name not in LANGUAGES or path.is_symlink() or path.parent.is_symlink():
            continue
        header = read_header(read(path))
        found.setdefault(header.value("slug"), {})[header.value("lang")] = (path, header)
    return found


def state(versions, lang):
    """(what the version in ``lang`` is, [lines about its untranslated notes])."""
    if lang not in versions:
        return "missing", []
    path, header = versions[lang]
    claim = recorded_translation(header.value("translation-of"))
    if not claim:
        return "original", []
    source_lang, digest = claim
    if source_lang not in versions:
        return f"translation of a missing {source_lang} post", []
    original = versions[source_lang][1]
    carried = notes_in(header)
    untranslated = [
        f"note not yet translated: {day.isoformat()} | {kind} | {note.text}"
        for (day, kind), (_, note) in sorted(notes_in(original).items(), key=lambda i: i[0])
        if (day, kind) not in carried
    ]
    if content_hash(versions[source_lang][0]) != digest:
        return (f"STALE: the {source_lang} original changed "
                f"(make translation-done POST={shown(path)})"), untranslated
    return "up to date", untranslated


def status(args):
    stale = notes = 0
    for slug, versions in sorted(posts().items()):
        print(slug)
        for lang in LANGUAGES:
            text, untranslated = state(versions, lang)
            stale += text.startswith("STALE")
            notes += len(untranslated)
            print(f"  {lang}: {text}")
            for line in untranslated:
                print(f"      {line}")
    print(f"{stale} stale translation(s); {notes} note(s) not yet translated.")


def record(args):
    post = one_line(args.post or "", "POST")
    if not post or not Path(post).is_file():
        fail(f"No post at '{post}': make translation-done POST=content/ja/SLUG.md")
    path = inside_content(post, "POST")
    text = read(path)
    header = read_header(text)
    field = header.first("translation-of")
    claim = recorded_translation(field.value) if field else None
    if not claim:
        fail(f"{post} has no valid Translation-Of line: it is not a tracked translation.")
    source_lang, _ = claim
    source = posts().get(header.value("slug"), {}).get(source_lang)
    if not source:
        fail(f"No {source_lang} original with the slug '{header.value('slug')}'.")
    lines = text.split("\n")
    lines[field.line - 1] = f"Translation-Of: {source_lang} {content_hash(source[0])}"
    path.write_text("\n".join(lines), encoding="utf-8")
    print(f"Recorded: {post} is up to date with {shown(source[0])}.")


def raw(name):
    """An editor's text as the Makefile passes it: exactly as typed, or None."""
    return os.environ.get(f"RAW_{name}") or None


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    new = commands.add_parser("new", help="start a new post (as a draft)")
    new.add_argument("--title", default=raw("TITLE"))
    new.add_argument("--category", default=raw("CATEGORY"))
    # argparse checks choices on the command line only, not on defaults: the
    # languages from the environment are checked where the path is made.
    new.add_argument("--lang", default=raw("LANGUAGE") or pelicanconf.DEFAULT_LANG,
                     choices=LANGUAGES)
    new.add_argument("--slug", default=raw("SLUG"))
    new.set_defaults(run=new_post)
    start = commands.add_parser("translate", help="start the translation of a post")
    start.add_argument("--post", default=raw("POST"))
    start.add_argument("--to", default=raw("TO"), choices=LANGUAGES)
    start.set_defaults(run=translate)
    commands.add_parser("status", help="which translations exist, are missing or stale") \
        .set_defaults(run=status)
    done = commands.add_parser("record", help="record that a translation caught up")
    done.add_argument("--post", default=raw("POST"))
    done.set_defaults(run=record)
    args = parser.parse_args(argv)
    args.run(args)


if __name__ == "__main__":
    main()
