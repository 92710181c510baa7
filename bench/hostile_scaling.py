"""How the content check's reading of a post grows with hostile input.

Run by hand (not a test: times depend on the machine):

    .venv/bin/python bench/hostile_scaling.py

Each input is checked at 20,000 and then 40,000 (and 80,000) repetitions;
the time should about double each time (ratio ~2). A ratio near 4 is
quadratic growth: a pattern or a loop that rescans the text.
"""

import itertools
import sys
import time
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parents[1] / "plugins")]

from content_check import body  # noqa: E402

REPORTED = frozenset({"bestkenko.com"})
INPUTS = {
    "<img ": "<img ",
    "<img + newline": "<img \n",
    "nested <div>": "<div>",
    "long line of words": "word ",
    "unclosed [": "[",
    "unclosed ![": "![",
    "backticks": "` a ",
    "growing fences": None,  # "```", "````", ... each on its line, never closed
    '<a href="': '<a href="',
    "attribute lists {": "{",
    "]( links": "](https://bestkenko.com) ",
    "[[ mentions": "[[a b]] ",
    "<!-- comments": "<!-- ",
    "reference definitions": "   [a]: https://b.example\n",
    "javascript:": "javascript: ",
}
SIZES = (20_000, 40_000, 80_000)


def text_for(unit, size):
    if unit is None:
        return "\n".join("`" * (3 + index % 50) for index in range(size))
    return unit * size


def seconds(text):
    started = time.perf_counter()
    body.findings(text, 1, REPORTED)
    body.images_and_links(text, 1)
    return time.perf_counter() - started


def main():
    print(f"{'input':24} " + " ".join(f"{size:>9,}" for size in SIZES) + "   ratios")
    for name, unit in INPUTS.items():
        times = [seconds(text_for(unit, size)) for size in SIZES]
        ratios = " ".join(f"{b / a:4.1f}" for a, b in itertools.pairwise(times))
        print(f"{name:24} " + " ".join(f"{t:8.2f}s" for t in times) + f"   {ratios}")


if __name__ == "__main__":
    main()
