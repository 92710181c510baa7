"""The Markdown side of ``[[domain]]``: a defanged span, never a link."""

import xml.etree.ElementTree as etree

from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from site_model.domains import MENTION_PATTERN, defang, normalise


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
