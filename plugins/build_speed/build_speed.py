"""Make the build cheaper without changing a byte of its output.

- Pelican builds a new Markdown parser, with all its extensions, for every
  file; :class:`ReusingMarkdownReader` builds one per reader and resets it
  between files (Markdown's ``reset()`` exists for exactly this).
- Pelican parses the posts one after another; with at least
  ``BUILD_PARALLEL_MIN_FILES`` posts (default 200) and more than one core,
  the Markdown is converted ahead in forked worker processes, and Pelican's
  own reading then takes the converted HTML (in the first build of a
  long-lived process only: later ones read the few posts just saved).
- Pelican recomputes ``url`` and ``save_as`` from the URL settings on every
  access, and the listings, series boxes and alternates ask for them tens of
  thousands of times; once the articles are final, each one's are fixed
  (``override_url``, ``override_save_as``).
- A process that builds many times (the live preview) passes a dict in
  ``WARM_CACHE``: the posts it read stay in memory and are read again only
  when their file changes, and only the pages whose inputs changed are
  rendered (:mod:`.incremental`). Pelican memoizes each post's content and
  summary, with its links resolved, on the class and for the life of the
  process: every build starts with those memos emptied, or a kept post would
  link to where another post used to be, and every post ever read would
  stay in memory.

Adds nothing to the template context. Settings read: ``MARKDOWN``,
``BUILD_PARALLEL_MIN_FILES``, ``WARM_CACHE``.
"""

import multiprocessing
import os

from pelican import signals
from pelican.readers import MarkdownReader
from site_model.listings import every_article
from site_model.pelican_compat import (
    ReusingMarkdownReader,
    forget_memoized_content,
    has_cached_posts,
    keep_in_memory,
)

from .incremental import IncrementalWriter, finish_writing, warm_state

# What this plugin adds (for templates, Pelican and readers), and what it reads
# that another plugin adds, each at the stage where it happens: held to the order
# of PLUGINS by tests/plugins/test_plugin_contracts.py.
PROVIDES = {"article.override_url": "article_generator_finalized",
            "article.override_save_as": "article_generator_finalized"}
# The incremental writer counts the static files published (the gate keeps those
# pages refer to) in every page's fingerprint.
READS = {"context.staticfiles": "generate_output"}


def _convert_ahead(path):
    # Runs in a worker forked after the reader was made: it is inherited, not sent.
    try:
        return multiprocessing.current_process().reader.convert(path)
    except Exception:  # Pelican reads it again in the main process and reports it
        return None


def _take_reader(reader):
    multiprocessing.current_process().reader = reader


def convert_ahead(generator):
    # Sent before each file is read: the first time does the work.
    if getattr(generator, "_converted_ahead", False):
        return
    generator._converted_ahead = True
    settings = generator.settings
    if warm_state(settings) is not None and has_cached_posts(generator):
        # A preview build after the first reads the few posts just saved.
        return
    reader = generator.readers.readers.get("md")
    files = generator.get_files(settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"])
    paths = sorted(os.path.abspath(os.path.join(generator.path, f)) for f in files)
    paths = [p for p in paths if p.endswith(".md")
             and generator.get_cached_data(os.path.relpath(p, generator.path)) is None]
    workers = min(os.cpu_count() or 1, 8)
    enough = len(paths) >= settings.get("BUILD_PARALLEL_MIN_FILES", 200)
    if not isinstance(reader, ReusingMarkdownReader) or workers < 2 or not enough:
        return
    context = multiprocessing.get_context("fork")
    with context.Pool(workers, initializer=_take_reader, initargs=(reader,)) as pool:
        converted = pool.map(_convert_ahead, paths, chunksize=max(1, len(paths) // (workers * 4)))
    reader.converted = {p: c for p, c in zip(paths, converted, strict=True) if c is not None}


def use_reusing_reader(readers):
    for extension in MarkdownReader.file_extensions:
        if readers.reader_classes.get(extension) is MarkdownReader:
            readers.reader_classes[extension] = ReusingMarkdownReader


def fix_urls(generator):
    for article in every_article(generator):
        article.override_url = article.url
        article.override_save_as = article.save_as


def keep_read_posts(generator):
    """In a long-lived process, hand the generator the posts earlier builds read.

    Pelican keeps a generator's read posts in ``_cache`` (its generator-level
    content cache) and can only load them from a pickle on disk; here they
    stay in memory. Each comes back with the settings and context of the
    build that read it, so it is given this build's, or a ``{filename}`` link
    would not resolve.
    """
    warm = warm_state(generator.settings)
    if warm is None:
        return
    cache = warm.read_posts.setdefault(type(generator).__name__, {})
    keep_in_memory(generator, cache, generator.context)


def forget_resolved_links(pelican):
    forget_memoized_content()


def get_writer(pelican):
    return IncrementalWriter


def register():
    signals.initialized.connect(forget_resolved_links)
    signals.readers_init.connect(use_reusing_reader)
    signals.article_generator_init.connect(keep_read_posts)
    signals.page_generator_init.connect(keep_read_posts)
    signals.article_generator_preread.connect(convert_ahead)
    signals.article_generator_finalized.connect(fix_urls)
    signals.get_writer.connect(get_writer)
    # Before any other plugin's: the pages are final when theirs run.
    signals.finalized.connect(finish_writing)
