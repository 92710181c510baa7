"""Turn the benchmark corpus into a Hugo site with the same reports, in two languages."""

import re
import shutil
from pathlib import Path

LAYOUTS = Path(__file__).resolve().parent / "hugo"
FIELD = re.compile(r"^([A-Za-z-]+): (.*)$")


def front_matter(fields):
    date = fields["date"].replace(" ", "T") + ":00+09:00"
    lines = ["---", f'title: "{fields["title"]}"', f"date: {date}", f"slug: {fields['slug']}",
             f"categories: [{fields['category']}]", "---"]
    return "\n".join(lines)


def convert(corpus, target):
    """Write the Hugo site for ``corpus`` into ``target``; return it."""
    target = Path(target)
    shutil.copytree(LAYOUTS, target)
    shutil.copytree(Path(corpus, "images"), target / "static" / "images")
    for lang in ("en", "ja"):
        folder = target / "content" / lang / "posts"
        folder.mkdir(parents=True)
        for post in sorted(Path(corpus, lang).glob("*.md")):
            header, _, body = post.read_text(encoding="utf-8").partition("\n\n")
            fields = {m[1].lower(): m[2] for line in header.splitlines()
                      if (m := FIELD.match(line))}
            body = body.replace("{static}/images/", "/images/")
            body = re.sub(r"\{filename\}/en/([\w-]+)\.md", r"/posts/\1/", body)
            (folder / post.name).write_text(front_matter(fields) + "\n\n" + body, encoding="utf-8")
    return target
