"""Every use of Pelican's private API, in one place.

Pelican has no public hook for what the live preview needs: keeping read posts
in memory between builds, reusing one Markdown parser, writing only changed
files through a journal, and starting a build with none of the state an
earlier build in the same process left in Pelican's modules. Each of those
reaches into a name Pelican does not promise to keep; they are all here, and
``tests/plugins/test_pelican_compat.py`` fails the day the pinned Pelican
drops one of them (and fails if any other module uses them).
"""

import weakref

from blinker import Signal
from markdown import Markdown
from pelican.contents import Content
from pelican.log import LimitFilter
from pelican.plugins import signals
from pelican.readers import MarkdownReader
from pelican.utils import memoized, pelican_open
from pelican.writers import FileOverwriteFailedError, Writer

# The private names used below, checked against the installed Pelican by the test.
PRIVATE_NAMES = {
    MarkdownReader: ("_parse_metadata",),
    Writer: ("_open_w",),
    LimitFilter: ("_raised_messages", "_group_count"),
}
WRITER_STATE = ("_written_files", "_overridden_files")
GENERATOR_CACHE = ("_cache", "_cache_data_policy", "save_cache", "get_cached_data")


class ReusingMarkdownReader(MarkdownReader):
    """Pelican's Markdown reader with one parser per reader, reset between files
    (Pelican builds a parser with all its extensions for every file)."""

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


def keep_in_memory(generator, cache, context):
    """Give a generator ``cache`` as its content cache (Pelican's ``_cache``,
    which it can otherwise only load from a pickle), never saved to disk; the
    posts in it get this build's context and settings."""
    generator._cache = cache
    generator._cache_data_policy = True
    generator.save_cache = lambda: None
    for _, content in cache.values():
        if content is not None:
            content._context, content.settings = context, generator.settings


def has_cached_posts(generator):
    return bool(getattr(generator, "_cache", None))


class JournalledWriter(Writer):
    """Pelican's writer whose files are opened through :meth:`open_file`.

    ``claim`` applies Pelican's rule for a file written twice (from
    ``Writer._open_w``) without opening anything.
    """

    def claim(self, filename, override=False):
        if filename in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{filename}" a second time (was previously overwritten)'
                )
            return False
        if filename in self._written_files and not override:
            raise FileOverwriteFailedError(
                f'Failed to overwrite "{filename}" as Pelican has already written to it '
                "previously (set `override=True` if intended)"
            )
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return True

    def open_file(self, filename, encoding, claimed):
        raise NotImplementedError

    def _open_w(self, filename, encoding, override=False):
        return self.open_file(filename, encoding, self.claim(filename, override))


def reset_pelican():
    """Forget what an earlier build in this process left in Pelican's modules:
    the plugins it connected (each build connects those of its own settings),
    the messages it has already logged once, and each post's memoized content
    and summary (links resolved against the last build's posts)."""
    for name in dir(signals):
        signal = getattr(signals, name)
        if isinstance(signal, Signal):
            for receiver in list(signal.receivers.values()):
                function = receiver() if isinstance(receiver, weakref.ref) else receiver
                if function is not None:
                    signal.disconnect(function)
    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()
    forget_memoized_content()


def forget_memoized_content():
    for kind in (Content, *Content.__subclasses__()):
        for attribute in vars(kind).values():
            if isinstance(attribute, memoized):
                attribute.cache.clear()
