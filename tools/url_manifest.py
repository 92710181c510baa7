"""Add the URLs a build produces to published-urls.txt (never removes one).

    python tools/url_manifest.py OUTPUT [MANIFEST]

Run by `make urls` after a build. Once a URL is in the manifest, the site
checks fail if a later build stops producing it and REDIRECTS does not send it
elsewhere; taking a URL out of the manifest is a deliberate, reviewed edit.
"""

import sys
from pathlib import Path

from check_site import produced_urls, read_manifest

HEADER = (
    "# Every URL the site has published. `make urls` adds new ones; a URL that\n"
    "# stops being built must be redirected (REDIRECTS in pelicanconf.py).\n"
)


def update(output, manifest):
    known = read_manifest(manifest) if Path(manifest).exists() else set()
    new = produced_urls(output) - known
    Path(manifest).write_text(HEADER + "".join(f"{url}\n" for url in sorted(known | new)))
    return sorted(new)


if __name__ == "__main__":
    output = sys.argv[1]
    manifest = sys.argv[2] if len(sys.argv) > 2 else "published-urls.txt"
    added = update(output, manifest)
    print(f"{len(added)} new URL(s) added to {manifest}.")
