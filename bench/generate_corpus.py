"""Write a deterministic synthetic corpus of reports for the benchmark.

    python bench/generate_corpus.py DIR [--reports 1000] [--seed 2016]

Never writes into content/. 40 % of the reports get a Japanese translation;
every block of twenty reports opens with a five-part series (see
``series_settings``). Lengths, categories and
dates are drawn from a seeded random generator, so the same arguments always
give the same files.
"""

import argparse
import random
import sys
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pelicanconf import CATEGORIES  # noqa: E402

ENGLISH = (
    "The network registered new domain names every week. Payment processors were asked "
    "to review the merchant accounts. Regulators in several countries issued warnings. "
    "The pharmacy shipped medicines that are not approved for sale. Customers were told "
    "that no prescription was needed. Investigators compared the registration records."
).split(". ")
JAPANESE = (
    "このネットワークは毎週のように新しいドメイン名を登録していた。決済代行会社には加盟店"
    "口座の見直しが求められた。複数の国の規制当局が警告を出した。このサイトは承認されていない"
    "医薬品を発送していた。利用者には処方箋は不要だと説明されていた。調査担当者は登録記録を"
    "照合した。"
).split("。")


def paragraphs(rng, sentences, joiner, end, count):
    return "\n\n".join(
        joiner.join(rng.choice(sentences).strip() + end for _ in range(rng.randint(3, 7)))
        for _ in range(count)
    )


def header(**fields):
    return "\n".join(f"{key}: {value}" for key, value in fields.items() if value is not None)


def write_corpus(target, reports=1000, seed=2016):
    rng = random.Random(seed)
    target = Path(target)
    for folder in ("en", "ja", "pages", "images"):
        (target / folder).mkdir(parents=True, exist_ok=True)
    start = datetime(2016, 1, 1, 9, 0)
    categories = list(CATEGORIES)
    for number in range(reports):
        slug = f"report-{number:04d}"
        date = start + timedelta(hours=7 * number)
        category = rng.choice(categories)
        series = part = None
        if number % 20 < 5:
            series, part = f"series-{number // 20}", number % 20 + 1
        length = rng.randint(4, 14)
        english = header(
            Title=f"Report {number}: {rng.choice(ENGLISH).strip()}",
            Date=f"{date:%Y-%m-%d %H:%M}", Category=category, Lang="en", Slug=slug,
            Series=series, Part=part,
        )
        (target / "en" / f"{slug}.md").write_text(
            english + "\n\n" + paragraphs(rng, ENGLISH, " ", ".", length) + "\n", encoding="utf-8"
        )
        if rng.random() < 0.4:
            japanese = header(
                Title=f"報告{number}：{rng.choice(JAPANESE).strip()}",
                Date=f"{date + timedelta(days=1):%Y-%m-%d %H:%M}", Category=category,
                Lang="ja", Slug=slug, Series=series, Part=part,
            )
            (target / "ja" / f"{slug}.md").write_text(
                japanese + "\n\n" + paragraphs(rng, JAPANESE, "", "。", length) + "\n",
                encoding="utf-8",
            )
    (target / "pages" / "about.md").write_text(
        "Title: About\nLang: en\nSlug: about\n\nA benchmark corpus.\n", encoding="utf-8"
    )
    return target


def series_settings(reports=1000):
    """The SERIES setting the corpus needs (its series are not in pelicanconf)."""
    return {f"series-{n}": {"title": "A series", "parts": 5} for n in range((reports + 19) // 20)}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target")
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2016)
    args = parser.parse_args()
    write_corpus(args.target, args.reports, args.seed)
    print(f"Wrote {args.reports} reports to {args.target}")
