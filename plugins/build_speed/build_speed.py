"""Make the build cheaper without changing a byte of its output.

- Pelican builds a new Markdown parser, with all its extensions, for every
  file; :class:`ReusingMarkdownReader` builds one per reader and resets it
  between files (Markdown's ``reset()`` exists for exactly this).
- Pelican parses the posts one after another; with at least
  ``BUILD_PARALLEL_MIN_FILES`` posts (default 200) and more than one core,
  the Markdown is converted ahead in forked worker processes, and Pelican's
  own reading then takes the converted HTML (the content cache, when loaded,
  makes this unnecessary).
- Pelican recomputes ``url`` from the URL settings on every access, and the
  listings, series boxes and alternates ask for it tens of thousands of times;
  once the articles are final, each one's URL is fixed (``override_url``).

- Warm rebuilds render only the pages whose inputs changed
  (:mod:`.incremental`, with the content cache on).

Adds nothing to the template context. Settings read: ``MARKDOWN``,
``BUILD_PARALLEL_MIN_FILES``, and for warm rebuilds ``LOAD_CONTENT_CACHE``,
``CACHE_CONTENT``, ``DELETE_OUTPUT_DIRECTORY``, ``CACHE_PATH``.
"""

import multiprocessing
import os

from markdown import Markdown
from pelican import signals
from pelican.readers import MarkdownReader
from pelican.utils import pelican_open

from .incremental import finish_writing, remember_cache_key, trust_content_cache


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

    def convert(self, source_path):
        """(HTML, raw metadata) of one file."""
        parser = self._parser()
        with pelican_open(source_path) as text:
            return parser.convert(text), getattr(parser, "Meta", {})

    def read(self, source_path):
        self._source_path = source_path
        ahead = getattr(self, "converted", {}).pop(source_path, None)
        content, meta = ahead if ahead is not None else self.convert(source_path)
        self._md = self._parser()  # formatted fields (Summary) are converted here
        return content, self._parse_metadata(meta)


# The reader the forked workers use: set just before the fork, inherited by them.
_worker_reader = None


def _convert_ahead(path):
    try:
        return _worker_reader.convert(path)
    except Exception:  # Pelican reads it again in the main process and reports it
        return None


def convert_ahead(generator):
    if getattr(generator, "_converted_ahead", False):
        return
    generator._converted_ahead = True
    settings = generator.settings
    reader = generator.readers.readers.get("md")
    files = generator.get_files(settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"])
    paths = sorted(os.path.abspath(os.path.join(generator.path, f)) for f in files)
    paths = [p for p in paths if p.endswith(".md")]
    workers = min(os.cpu_count() or 1, 8)
    enough = len(paths) >= settings.get("BUILD_PARALLEL_MIN_FILES", 200)
    if not isinstance(reader, ReusingMarkdownReader) or workers < 2 or not enough:
        return
    if settings.get("LOAD_CONTENT_CACHE"):
        return
    global _worker_reader
    _worker_reader = reader
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        converted = pool.map(_convert_ahead, paths, chunksize=max(1, len(paths) // (workers * 4)))
    _worker_reader = None
    reader.converted = {p: c for p, c in zip(paths, converted, strict=True) if c is not None}


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


def adopt_cached(generator):
    """Give posts from Pelican's generator-level cache this build's context.

    They come back with the settings and context of the build that saved
    them, taken before any page was read, so a post's ``{filename}`` link to a
    page would not resolve.
    """
    for _, content in getattr(generator, "_cache", {}).values():
        if content is not None:
            content._context, content.settings = generator.context, generator.settings


def register():
    # Once every plugin has added its settings, before the generators load caches.
    signals.get_generators.connect(trust_content_cache)
    signals.readers_init.connect(use_reusing_reader)
    signals.article_generator_init.connect(adopt_cached)
    signals.page_generator_init.connect(adopt_cached)
    signals.article_generator_preread.connect(convert_ahead)
    signals.article_generator_finalized.connect(fix_urls)
    # Before any other plugin's: the pages are final when theirs run.
    signals.finalized.connect(finish_writing)
    signals.finalized.connect(remember_cache_key)
