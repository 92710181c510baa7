"""What readers saw of one committed version of a report: its title, summary
and body text (no markup; domains defanged, figures as their captions), and
whether it was published (its status and date)."""

import re
from dataclasses import dataclass, replace
from datetime import datetime

import markdown
from lxml import html as lxml_html
from pelican.utils import get_date, set_date_tzinfo
from site_model.domains import defang_mentions, is_reported, normalise
from site_model.figures import CLOSE, FIELD, OPEN
from site_model.header import read_header
from site_model.html_policy import Sanitiser

# A host name as text: labels of word characters and hyphens, joined by dots.
HOST = re.compile(r"(?<![\w.-])(?:[\w-]+\.)+[\w-]+")
# Elements whose children are each a block of their own for the comparison.
CONTAINERS = {"ul", "ol", "table", "thead", "tbody", "tfoot", "tr", "blockquote", "div", "dl",
              "figure", "section"}


@dataclass(frozen=True)
class Reading:
    title: str
    summary: str
    paragraphs: tuple
    draft: bool  # a draft, hidden, or without a readable date: not published
    date: datetime  # None when unreadable


class Converter:
    """Markdown as the site configures it, without the header reader (the
    header is read apart) and without any plugin's syntax (applied here), then
    the site's HTML policy. One per build."""

    def __init__(self, settings):
        configs = {name: config for name, config in
                   settings["MARKDOWN"].get("extension_configs", {}).items()
                   if name != "markdown.extensions.meta"}
        self.markdown = markdown.Markdown(
            extensions=list(configs), extension_configs=configs,
            output_format=settings["MARKDOWN"].get("output_format", "html5"))
        self.sanitiser = Sanitiser()

    def html(self, source):
        self.markdown.reset()
        # Held to the policy as pages are: an old version's <script> or <style>
        # was never text a reader saw.
        return self.sanitiser.clean(self.markdown.convert(defang_mentions(source)))


def figures_as_captions(lines):
    """A figure block shows readers its picture and caption: the caption is its text."""
    kept, caption, inside = [], None, False
    for line in lines:
        if not inside and OPEN.match(line.strip()):
            inside, caption = True, ""
        elif inside and CLOSE.match(line.strip()):
            kept += ["", caption, ""]
            inside = False
        elif inside:
            field = FIELD.match(line.strip())
            if field and field["key"] == "caption" and not caption:
                caption = field["value"].strip()
        else:
            kept.append(line)
    return kept


def blocks_of(element):
    for child in element:
        if not isinstance(child.tag, str):
            continue
        if child.tag in CONTAINERS:
            yield from blocks_of(child)
        else:
            text = " ".join(child.text_content().split())
            if text:
                yield text


def text_blocks(converter, source):
    converted = converter.html(source)
    if not converted.strip():
        return ()
    return tuple(blocks_of(lxml_html.fragment_fromstring(converted, create_parent="div")))


def read_version(text, converter, timezone):
    header = read_header(text)
    status = (header.value("status") or "published").strip().lower()
    try:
        date = set_date_tzinfo(get_date(header.value("date") or ""), timezone)
    except ValueError:
        date = None
    summary = header.value("summary") or ""
    return Reading(
        title=" ".join(defang_mentions(header.value("title") or "").split()),
        summary=" ".join(text_blocks(converter, summary)) if summary else "",
        paragraphs=text_blocks(converter, "\n".join(figures_as_captions(
            header.body.split("\n")))),
        draft=status != "published" or date is None,
        date=date,
    )


def same_for_readers(first, second):
    return (first.title, first.summary, first.paragraphs) == \
        (second.title, second.summary, second.paragraphs)


def defang_reported(reading, reported):
    """``reading`` with every domain our reports name shown defanged, also where
    an old version wrote it bare (the content check reads only today's files)."""
    if reading is None:
        return None

    def defang(text):
        return HOST.sub(lambda m: m[0].replace(".", "[.]")
                        if is_reported(normalise(m[0]), reported) else m[0], text)

    return replace(reading, title=defang(reading.title), summary=defang(reading.summary),
                   paragraphs=tuple(defang(p) for p in reading.paragraphs))
