"""Files that are not rendered from a template (feeds, the sitemap, search
bundles), written through the build's writer, and the journal in which a
long-lived preview holds a build's writes until the build has succeeded.

The preview's writer keeps a file whose inputs did not change and removes one
a build no longer writes (``writer.write_text``, ``writer.is_current``);
Pelican's own writer, as ``make build`` and small test sites use it, simply
writes.
"""

import os
from pathlib import Path

from pelican.utils import sanitised_join


def write_text(writer, name, text):
    write_bytes(writer, name, text.encode("utf-8"))


def write_bytes(writer, name, data):
    if hasattr(writer, "write_bytes"):
        writer.write_bytes(name, data)
        return
    path = Path(sanitised_join(writer.output_path, name))
    if path.exists() and path.read_bytes() == data:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def written_bytes(path, settings):
    """What the build now running has written at ``path``: in a preview, the
    journal holds it until the build succeeds."""
    warm = settings.get("WARM_CACHE")
    journal = warm.journal if warm is not None else None
    pending = journal.writes.get(str(path)) if journal is not None else None
    return pending if pending is not None else Path(path).read_bytes()


def remove(writer, name):
    if hasattr(writer, "remove"):
        writer.remove(name)
    else:
        Path(writer.output_path, name).unlink(missing_ok=True)


def keep(writer, name):
    """Say that the file ``name``, written by an earlier build, is still part of
    the site: a writer that removes what a build did not write leaves it."""
    if hasattr(writer, "keep"):
        writer.keep(name)


def is_current(writer, name, inputs):
    """Whether the file ``name``, made from ``inputs``, is the one already written."""
    return hasattr(writer, "is_current") and writer.is_current(name, inputs)


class Journal:
    """A build's writes and removals, applied to the output folder only when the
    build has succeeded, so a failed build leaves the last good site served.

    ``records[output folder]`` is what the last committed build rendered there
    (page -> fingerprint); ``pending`` what the build running now rendered.
    """

    def __init__(self):
        self.records = {}
        self.begin()

    def begin(self):
        self.writes, self.removals, self.pending = {}, set(), {}

    def write(self, path, data):
        self.writes[str(path)] = data
        self.removals.discard(str(path))

    def remove(self, path):
        self.writes.pop(str(path), None)
        self.removals.add(str(path))

    def commit(self, root):
        """Apply the build's writes in the output folder ``root``; returns the
        paths that changed."""
        changed = []
        for path, data in sorted(self.writes.items()):
            target = Path(path)
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary = target.with_name(f".{target.name}.next")
            temporary.write_bytes(data)
            os.replace(temporary, target)  # readers see the old file or the new one
            changed.append(path)
        for path in sorted(self.removals):
            target = Path(path)
            if target.exists():
                target.unlink()
                changed.append(path)
                prune_empty(target.parent, Path(root))
        self.records.update(self.pending)
        self.begin()
        return changed

    def discard(self):
        self.begin()


def prune_empty(folder, root):
    """Remove ``folder`` and its parents while they are empty, up to ``root``."""
    while folder != root and folder.is_relative_to(root) and folder.is_dir() \
            and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
