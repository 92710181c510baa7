"""Make the build cheaper without changing a byte of its output.

- Pelican builds a new Markdown parser, with all its extensions, for every
  file; :class:`ReusingMarkdownReader` builds one per reader and resets it
  between files (Markdown's ``reset()`` exists for exactly this).
- Pelican recomputes ``url`` from the URL settings on every access, and the
  listings, series boxes and alternates ask for it tens of thousands of times;
  once the articles are final, each one's URL is fixed (``override_url``).

Adds nothing to the template context; reads ``MARKDOWN``.
"""

from markdown import Markdown
from pelican import signals
from pelican.readers import MarkdownReader
from pelican.utils import pelican_open


class ReusingMarkdownReader(MarkdownReader):
    def _parser(self):
        if not hasattr(self, "_reused"):
            self._reused = Markdown(**self.settings["MARKDOWN"])
            self._meta = self._reused.preprocessors["meta"]
        parser = self._reused
        parser.reset()
        # Pelican's metadata handling unregisters "meta" after each file.
        if "meta" not in parser.preprocessors:
            parser.preprocessors.register(self._meta, "meta", 27)
        return parser

    def read(self, source_path):
        self._source_path = source_path
        self._md = self._parser()
        with pelican_open(source_path) as text:
            content = self._md.convert(text)
        metadata = self._parse_metadata(self._md.Meta) if hasattr(self._md, "Meta") else {}
        return content, metadata


def use_reusing_reader(readers):
    for extension in MarkdownReader.file_extensions:
        if readers.reader_classes.get(extension) is MarkdownReader:
            readers.reader_classes[extension] = ReusingMarkdownReader


def fix_urls(generator):
    for article in (
        *generator.articles, *generator.translations, *generator.drafts,
        *generator.drafts_translations, *generator.hidden_articles,
        *generator.hidden_translations,
    ):
        article.override_url = article.url


def register():
    signals.readers_init.connect(use_reusing_reader)
    signals.article_generator_finalized.connect(fix_urls)
