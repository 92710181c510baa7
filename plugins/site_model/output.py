"""Files that are not rendered from a template (feeds, the sitemap), written
through the build's writer.

The preview's writer keeps a file whose inputs did not change and removes one
a build no longer writes (``writer.write_text``, ``writer.is_current``);
Pelican's own writer, as small test sites use it, simply writes.
"""

import os

from pelican.utils import sanitised_join


def write_text(writer, name, text):
    if hasattr(writer, "write_text"):
        writer.write_text(name, text)
        return
    path = sanitised_join(writer.output_path, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as stream:
        stream.write(text)


def is_current(writer, name, inputs):
    """Whether the file ``name``, made from ``inputs``, is the one already written."""
    return hasattr(writer, "is_current") and writer.is_current(name, inputs)
