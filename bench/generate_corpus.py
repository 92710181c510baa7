"""Write a deterministic synthetic corpus of reports for the benchmark.

    python bench/generate_corpus.py DIR [--reports 1000] [--seed 2016]

Never writes into content/. Each report reads like one of ours: English bodies of
800-1,500 words, Japanese ones of 2,000-4,000 characters, in sections with
headings, a list, links to other sites and to other reports, a named domain
and an evidence image. 40 % of the reports get a Japanese translation; every
block of twenty reports opens with a five-part series (see
``series_settings``). Everything is drawn from a seeded random generator, so
the same arguments always give the same files.
"""

import argparse
import random
import sys
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pelicanconf import CATEGORIES  # noqa: E402

SUBJECTS = [
    "The network", "The pharmacy", "Its operator", "A payment processor", "The registrar",
    "Investigators", "The regulator", "A former employee", "The supplier", "Customs officers",
    "The website", "Court records", "The company", "Health authorities", "A customer",
]
VERBS = [
    "registered", "shipped", "advertised", "refused", "confirmed", "described", "moved",
    "transferred", "reviewed", "warned about", "listed", "denied", "investigated", "sold",
    "removed", "traced", "seized", "hosted", "approved", "questioned",
]
OBJECTS = [
    "hundreds of domain names", "unapproved prescription medicines", "the merchant accounts",
    "controlled substances without a prescription", "a new payment gateway",
    "the registration records", "counterfeit packaging", "customer testimonials",
    "the shipping labels", "a network of affiliate sites", "its hosting provider",
    "the wholesale invoices", "a maintenance notice for foreign visitors", "the refund policy",
    "price lists in three currencies", "an offshore company", "the import permits",
]
TAILS = [
    "in 2016", "over several months", "according to public records", "despite warnings",
    "within a week", "through an intermediary", "after the raid", "in several countries",
    "before the domain expired", "according to the filing", "without explanation",
]
JA_SUBJECTS = ["このネットワークは", "薬局サイトは", "運営者は", "決済代行会社は", "レジストラは",
               "調査担当者は", "規制当局は", "元従業員は", "供給元は", "税関は", "同社は",
               "利用者は"]
JA_OBJECTS = ["数百件のドメイン名を", "未承認の処方箋薬を", "加盟店口座を",
              "処方箋のない規制薬物を", "新しい決済手段を", "登録記録を", "偽造パッケージを",
              "利用者の体験談を", "発送伝票を",
              "提携サイトの一覧を", "ホスティング事業者を", "卸売の請求書を", "海外向けの告知を"]
JA_VERBS = ["登録した", "発送した", "宣伝した", "拒否した", "確認した", "説明した", "移転した",
            "見直した", "警告した", "掲載した", "否定した", "調べた", "販売した", "押収した"]
JA_TAILS = ["2016年に", "数か月にわたり", "公開記録によると", "警告を無視して", "1週間のうちに",
            "仲介業者を通じて", "捜索の後に", "複数の国で", "届け出によると"]
HEADINGS = ["Background", "What the records show", "How the network operates", "The payments",
            "What regulators said", "The suppliers", "Who is behind it", "What comes next"]
JA_HEADINGS = ["背景", "記録からわかること", "ネットワークの仕組み", "決済の流れ", "規制当局の見解",
               "供給元", "背後にいる人物", "今後の焦点"]
IMAGES = 12


def english_sentence(rng):
    return (f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} "
            f"{rng.choice(TAILS)}.")


def japanese_sentence(rng):
    subject, thing = rng.choice(JA_SUBJECTS), rng.choice(JA_OBJECTS)
    return f"{rng.choice(JA_TAILS)}、{subject}{thing}{rng.choice(JA_VERBS)}。"


def body(rng, lang, number, reports):
    """Sections until the report is long enough: words for English, characters for Japanese."""
    english = lang == "en"
    target = rng.randint(800, 1500) if english else rng.randint(2000, 4000)
    sentence = english_sentence if english else japanese_sentence
    size = (lambda text: len(text.split())) if english else len
    other = f"report-{rng.randrange(reports):04d}"
    parts = []
    while size("\n".join(parts)) < target:
        heading = rng.choice(HEADINGS if english else JA_HEADINGS)
        paragraphs = [(" " if english else "").join(sentence(rng) for _ in range(rng.randint(3, 7)))
                      for _ in range(rng.randint(2, 4))]
        parts.append(f"## {heading}\n\n" + "\n\n".join(paragraphs))
    items = "\n".join(f"- {sentence(rng)}" for _ in range(rng.randint(3, 5)))
    domain = f"rogue-pharmacy-{number % 97}.example"
    extras = [
        items,
        f"![{'Evidence' if english else '証拠'} {number}]"
        f"({{static}}/images/evidence-{number % IMAGES}.png)",
        (f"See [the court filing](https://court.example/case/{number}) and "
         f"[an earlier report]({{filename}}/en/{other}.md). The site was [[{domain}]].")
        if english else
        (f"[裁判所の記録](https://court.example/case/{number})と"
         f"[以前の記事]({{filename}}/en/{other}.md)も参照。サイトは[[{domain}]]だった。"),
    ]
    for extra in extras:
        parts.insert(rng.randint(1, len(parts)), extra)
    return "\n\n".join(parts)


def header(**fields):
    return "\n".join(f"{key}: {value}" for key, value in fields.items() if value is not None)


def write_images(target):
    from PIL import Image, ImageDraw

    for number in range(IMAGES):
        picture = Image.new("RGB", (1400, 900), (240, 240 - number * 8, 230))
        ImageDraw.Draw(picture).rectangle((100, 100, 1300, 800), outline=(90, 20, 20), width=12)
        picture.save(target / "images" / f"evidence-{number}.png", optimize=True)


def write_corpus(target, reports=1000, seed=2016):
    rng = random.Random(seed)
    target = Path(target)
    for folder in ("en", "ja", "pages", "images"):
        (target / folder).mkdir(parents=True, exist_ok=True)
    write_images(target)
    start = datetime(2016, 1, 1, 9, 0)
    categories = list(CATEGORIES)
    for number in range(reports):
        slug = f"report-{number:04d}"
        date = start + timedelta(hours=7 * number)
        category = rng.choice(categories)
        series = part = None
        if number % 20 < 5:
            series, part = f"series-{number // 20}", number % 20 + 1
        english = header(
            Title=f"Report {number}: {english_sentence(rng).rstrip('.')}",
            Date=f"{date:%Y-%m-%d %H:%M}", Category=category, Lang="en", Slug=slug,
            Series=series, Part=part,
        )
        (target / "en" / f"{slug}.md").write_text(
            english + "\n\n" + body(rng, "en", number, reports) + "\n", encoding="utf-8")
        if rng.random() < 0.4:
            japanese = header(
                Title=f"報告{number}：{japanese_sentence(rng).rstrip('。')}",
                Date=f"{date:%Y-%m-%d %H:%M}", Category=category,
                Lang="ja", Slug=slug, Series=series, Part=part,
            )
            (target / "ja" / f"{slug}.md").write_text(
                japanese + "\n\n" + body(rng, "ja", number, reports) + "\n", encoding="utf-8")
    (target / "pages" / "about.md").write_text(
        "Title: About\nLang: en\nSlug: about\n\nA benchmark corpus.\n", encoding="utf-8")
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
