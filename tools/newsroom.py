"""Editors' commands: start a post, start a translation, see and record translation status.

    python tools/newsroom.py new "Title" --category enforcement [--lang en] [--slug SLUG]
    python tools/newsroom.py translate content/en/SLUG.md [--to ja]
    python tools/newsroom.py status
    python tools/newsroom.py record content/ja/SLUG.md

NEWSROOM_CONTENT points the commands at another content folder (tests use it).

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

import pelicanconf  # noqa: E402
from content_check.checks import SLUG  # noqa: E402
from content_check.header import read_header  # noqa: E402
from scheduled_posts.scheduled_posts import site_now  # noqa: E402
from pelican.settings import DEFAULT_CONFIG  # noqa: E402
from pelican.utils import slugify  # noqa: E402
from translation_status.source_hash import content_hash, recorded  # noqa: E402

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


def write_new(path, lines, body):
    if path.exists():
        fail(f"{shown(path)} already exists: choose another slug.")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n\n" + body.rstrip() + "\n", encoding="utf-8")
    print(f"Created {shown(path)} (Status: draft; remove that line to publish).")


def new_post(args):
    if not args.title.strip():
        fail('Give the headline: make post TITLE="The headline" CATEGORY=key')
    substitutions = getattr(
        pelicanconf, "SLUG_REGEX_SUBSTITUTIONS", DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]
    )
    slug = args.slug or slugify(args.title, regex_subs=substitutions)
    if not args.title.isascii() and not args.slug:
        fail("A title with non-ASCII letters needs --slug in ASCII, e.g. --slug bestkenko-part-2")
    if not SLUG.match(slug):
        fail(f"'{slug}' is not a URL slug: use lowercase ASCII letters, digits and hyphens.")
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
    write_new(CONTENT / args.lang / f"{slug}.md", lines, "Write the report here, in Markdown.")


def translate(args):
    source = Path(args.post).resolve()
    if not args.post or not source.is_file():
        fail(f"No post at '{args.post}': make translate POST=content/en/SLUG.md")
    header = read_header(source.read_text(encoding="utf-8"))
    source_lang = header.value("lang")
    target_lang = args.to or next(lang for lang in LANGUAGES if lang != source_lang)
    if target_lang == source_lang:
        fail("--to must be another language than the original's.")
    slug = header.value("slug")
    lines = [
        f"Title: {header.value('title')}",
        f"Date: {now()}",
        f"Category: {header.value('category')}",
        f"Lang: {target_lang}",
        f"Slug: {slug}",
    ]
    lines += [f"{key}: {header.value(key.lower())}" for key in ("Series", "Part")
              if header.value(key.lower())]
    if header.value("summary"):
        lines.append(f"Summary: {header.value('summary')}")
    lines += [f"Translation-Of: {source_lang} {content_hash(source)}", "Status: draft"]
    write_new(CONTENT / target_lang / f"{slug}.md", lines, header.body)
    print("Translate the Title, Summary and body, then remove 'Status: draft'.")


def posts():
    found = {}
    for path in sorted(CONTENT.glob("*/*.md")):
        if path.parent.name not in LANGUAGES:
            continue
        header = read_header(path.read_text(encoding="utf-8"))
        found.setdefault(header.value("slug"), {})[header.value("lang")] = (path, header)
    return found


def state(versions, lang):
    if lang not in versions:
        return "missing"
    path, header = versions[lang]
    source_lang, digest = recorded(header.value("translation-of"))
    if not source_lang:
        return "original"
    if source_lang not in versions:
        return f"translation of a missing {source_lang} post"
    if content_hash(versions[source_lang][0]) != digest:
        return f"STALE: the {source_lang} original changed (make translation-done POST={shown(path)})"
    return "up to date"


def status(args):
    stale = 0
    for slug, versions in sorted(posts().items()):
        states = {lang: state(versions, lang) for lang in LANGUAGES}
        stale += sum(s.startswith("STALE") for s in states.values())
        print(slug)
        for lang, text in states.items():
            print(f"  {lang}: {text}")
    print(f"{stale} stale translation(s).")


def record(args):
    path = Path(args.post).resolve()
    text = path.read_text(encoding="utf-8")
    header = read_header(text)
    field = header.first("translation-of")
    if not field:
        fail(f"{args.post} has no Translation-Of line: it is not a tracked translation.")
    source_lang, _ = recorded(field.value)
    source = posts().get(header.value("slug"), {}).get(source_lang)
    if not source:
        fail(f"No {source_lang} original with the slug '{header.value('slug')}'.")
    lines = text.split("\n")
    lines[field.line - 1] = f"Translation-Of: {source_lang} {content_hash(source[0])}"
    path.write_text("\n".join(lines), encoding="utf-8")
    print(f"Recorded: {args.post} is up to date with {shown(source[0])}.")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    new = commands.add_parser("new", help="start a new post (as a draft)")
    new.add_argument("title")
    new.add_argument("--category")
    new.add_argument("--lang", default=pelicanconf.DEFAULT_LANG, choices=LANGUAGES)
    new.add_argument("--slug")
    new.set_defaults(run=new_post)
    start = commands.add_parser("translate", help="start the translation of a post")
    start.add_argument("post")
    start.add_argument("--to", choices=LANGUAGES)
    start.set_defaults(run=translate)
    commands.add_parser("status", help="which translations exist, are missing or stale") \
        .set_defaults(run=status)
    done = commands.add_parser("record", help="record that a translation caught up")
    done.add_argument("post")
    done.set_defaults(run=record)
    args = parser.parse_args(argv)
    args.run(args)


if __name__ == "__main__":
    main()
