"""The editors' syntax for naming a domain without linking it: ``[[bestkenko.com]]``."""

import re
import xml.etree.ElementTree as etree

from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor

MENTION_PATTERN = r"\[\[([^\[\]\s]+\.[^\[\]\s]+)\]\]"
MENTION = re.compile(MENTION_PATTERN)


def normalise(domain):
    domain = domain.strip().lower().removeprefix("www.")
    return re.sub(r"\[\.\]", ".", domain)


def defang(domain):
    """bestkenko.com -> bestkenko[.]com: readable, copyable, never clickable."""
    return domain.replace(".", "[.]")


def mentions_in(text):
    return [normalise(match) for match in MENTION.findall(text)]


class MentionProcessor(InlineProcessor):
    def handleMatch(self, match, data):
        domain = normalise(match.group(1))
        element = etree.Element("span")
        element.set("class", "domain")
        element.set("translate", "no")
        element.set("data-domain", domain)
        element.text = defang(domain)
        return element, match.start(0), match.end(0)


class DomainMentionExtension(Extension):
    def extendMarkdown(self, md):
        # Before links (priority 160), so "[[...]]" is never read as a link.
        md.inlinePatterns.register(MentionProcessor(MENTION_PATTERN, md), "domain_mention", 175)
