"""Draw the illustration in the Kamagra Gold report (content/images/kamagra-gold-illustration.png).

    python tools/illustrations/kamagra_gold.py

An illustration, not a screenshot: the layout of a shop page that lists
medicines, with the one medicine the report names marked as LegitScript
describes it. It names no price and no claim of the real site. Needs Debian's
fonts-noto-cjk (installed with `make test`).
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[2]
TARGET = ROOT / "content" / "images" / "kamagra-gold-illustration.png"
FONTS = Path("/usr/share/fonts/opentype/noto")
WIDTH, HEIGHT = 1200, 750
INK, PAPER, RULE = (33, 31, 29), (255, 255, 255), (214, 209, 200)
RED, RED_SOFT, GOLD, TEAL = (164, 22, 26), (251, 238, 238), (214, 170, 60), (40, 110, 120)


def font(size, bold=False):
    name = "NotoSansCJK-Bold.ttc" if bold else "NotoSansCJK-Regular.ttc"
    return ImageFont.truetype(str(FONTS / name), size, index=0)  # index 0: Japanese


def box(draw, x, y, colour, label):
    """A medicine carton in perspective, with a label band."""
    draw.polygon([(x, y + 28), (x + 36, y), (x + 156, y), (x + 120, y + 28)], fill=tuple(
        min(255, c + 40) for c in colour))
    draw.polygon([(x + 120, y + 28), (x + 156, y), (x + 156, y + 92), (x + 120, y + 120)],
                 fill=tuple(max(0, c - 40) for c in colour))
    draw.rectangle([x, y + 28, x + 120, y + 120], fill=colour)
    draw.rectangle([x, y + 58, x + 120, y + 84], fill=PAPER)
    draw.text((x + 60, y + 71), label, font=font(15, bold=True), fill=INK, anchor="mm")


def main():
    picture = Image.new("RGB", (WIDTH, HEIGHT), (236, 232, 225))
    draw = ImageDraw.Draw(picture)
    # The browser window.
    draw.rounded_rectangle([40, 30, WIDTH - 40, HEIGHT - 90], radius=18, fill=PAPER, outline=RULE,
                           width=3)
    draw.rounded_rectangle([40, 30, WIDTH - 40, 100], radius=18, fill=(244, 241, 236))
    draw.rectangle([40, 80, WIDTH - 40, 100], fill=(244, 241, 236))
    for number, colour in enumerate(((226, 94, 84), (238, 184, 66), (98, 182, 96))):
        draw.ellipse([70 + number * 30, 55, 88 + number * 30, 73], fill=colour)
    draw.rounded_rectangle([180, 48, WIDTH - 80, 82], radius=17, fill=PAPER, outline=RULE, width=2)
    draw.text((205, 65), "ばいあぐらジェネリック通販[.]net", font=font(20), fill=INK, anchor="lm")
    # The shop's heading and a row of category tabs, as such shops lay them out.
    draw.rectangle([40, 100, WIDTH - 40, 170], fill=(250, 247, 242))
    draw.text((80, 135), "ジェネリック医薬品の通販サイト（イメージ）", font=font(28, bold=True),
              fill=INK, anchor="lm")
    for number, tab in enumerate(("医薬品一覧", "よくある質問", "ご注文方法")):
        draw.text((80 + number * 170, 200), tab, font=font(20), fill=(90, 86, 80), anchor="lm")
    draw.line([80, 222, WIDTH - 80, 222], fill=RULE, width=2)
    # Six cartons; the one the report names is drawn in gold and marked.
    colours = [TEAL, (120, 80, 150), (70, 120, 70), GOLD, (60, 90, 150), (160, 90, 60)]
    labels = ["医薬品A", "医薬品B", "医薬品C", "カマグラ", "医薬品D", "医薬品E"]
    for number, (colour, label) in enumerate(zip(colours, labels, strict=True)):
        column, row = number % 3, number // 3
        x, y = 110 + column * 340, 250 + row * 190
        card = [x - 30, y - 12, x + 270, y + 160]
        marked = label == "カマグラ"
        draw.rounded_rectangle(card, radius=12, fill=RED_SOFT if marked else PAPER,
                               outline=RED if marked else RULE, width=5 if marked else 2)
        box(draw, x, y + 8, colour, label)
        draw.rectangle([x + 180, y + 40, x + 250, y + 52], fill=RULE)
        draw.rectangle([x + 180, y + 66, x + 235, y + 78], fill=RULE)
    # The report's finding, as an annotation.
    x, y = 110 + 0 * 340, 250 + 1 * 190
    draw.rounded_rectangle([x + 300, y + 180, x + 760, y + 236], radius=10, fill=RED)
    draw.text((x + 530, y + 208), "日本では「未承認医薬品」", font=font(24, bold=True), fill=PAPER,
              anchor="mm")
    draw.line([x + 320, y + 180, x + 250, y + 150], fill=RED, width=5)
    # What this picture is, in the report's language.
    draw.rectangle([0, HEIGHT - 70, WIDTH, HEIGHT], fill=INK)
    draw.text((WIDTH // 2, HEIGHT - 35), "イラスト（実際の画面ではありません）",
              font=font(26, bold=True),
              fill=PAPER, anchor="mm")
    picture.save(TARGET, optimize=True)
    print(f"Wrote {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
