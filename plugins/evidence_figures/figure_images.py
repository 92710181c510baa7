"""Every figure's image, read before any post is: one that cannot be shown (a
folder, a post, a damaged or enormous file, a name with a control character)
stops the build with ``content/PATH.md:LINE: figure: message (fix)`` in the
post's language, instead of failing inside Markdown, where Pelican would only
say that the post "could not be read".

The content check, which runs first, names most of these; this check is the
figure block's own guarantee, also when the content check is off. A long-lived
preview (``WARM_STATE``) remembers each unchanged post's figures and each
unchanged image's verdict.
"""

import os
from pathlib import Path

from site_model.catalogs import translations_for
from site_model.figures import (
    IMAGE_PROBLEMS,
    figure_blocks,
    image_path,
    image_problem,
    problem_values,
)
from site_model.header import read_header
from site_model.problems import ContentProblems, Problem


def image_fields(text):
    """(line, value) of every figure's ``image:`` in the post ``text``."""
    header = read_header(text)
    for _, fields, _ in figure_blocks(header.body.split("\n"), header.body_line):
        if fields.get("image", ("", 0))[0]:
            value, line = fields["image"]
            yield line, value


def image_line(text, image):
    """(line, value) of the first figure in ``text`` showing ``image``."""
    for line, value in image_fields(text):
        if image_path(value) == image:
            return line, value
    return 0, image


def language(settings, relative, text):
    """The post's language, as the content check finds it: its folder, else ``Lang``."""
    languages = settings["SITE_LANGUAGES"]
    if len(relative.parts) > 1 and relative.parts[0] in languages:
        return relative.parts[0]
    lang = read_header(text).value("lang")
    return lang if lang in languages else settings["DEFAULT_LANG"]


def posts(settings):
    root = Path(settings["PATH"])
    for folder in (*settings["ARTICLE_PATHS"], *settings["PAGE_PATHS"]):
        for directory, folders, files in os.walk(root / folder):
            folders.sort()
            for name in sorted(files):
                if name.endswith(".md"):
                    yield Path(directory, name)


def verdict(settings, image, memo):
    """image_problem(), remembered per unchanged file in a long-lived preview."""
    path = Path(settings["PATH"], image)
    try:
        status = path.lstat()
        stamp = (status.st_size, status.st_mtime_ns, status.st_mode)
    except (OSError, ValueError):
        stamp = None
    remembered = memo.get(("image", image))
    if stamp is None or remembered is None or remembered[0] != stamp:
        remembered = memo[("image", image)] = (stamp, image_problem(settings["PATH"], image))
    return remembered[1]


def figures_of(settings, path, memo):
    """(language, [(line, value)]) of the post at ``path``, remembered while it
    is unchanged; None for a file that is not UTF-8 text."""
    status = path.stat()
    stamp = (status.st_size, status.st_mtime_ns)
    remembered = memo.get(("post", path))
    if remembered is None or remembered[0] != stamp:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            found = None  # the content check names a file that is not UTF-8 text
        else:
            relative = path.relative_to(settings["PATH"])
            found = (language(settings, relative, text), list(image_fields(text)))
        remembered = memo[("post", path)] = (stamp, found)
    return remembered[1]


def check_figure_images(settings):
    warm = settings.get("WARM_STATE")
    memo = warm.setdefault("figure_images", {}) if warm is not None else {}
    root = Path(settings["PATH"])
    problems = []
    for path in posts(settings):
        found = figures_of(settings, path, memo)
        if found is None:
            continue
        lang, fields = found
        for line, value in fields:
            code = verdict(settings, image_path(value), memo)
            if code:
                _ = translations_for(settings, lang).gettext
                shown = (Path(root.name) / path.relative_to(root)).as_posix()
                problems.append(Problem(shown, line, "figure",
                                        _(IMAGE_PROBLEMS[code]) % problem_values(value)))
    if problems:
        raise ContentProblems(problems)
