"""The same bytes for the same reports: Pagefind's filter indexes, made stable.

Pagefind writes a filter's values (and the list of filters in its metadata
file) in the order of a Rust hash map, which changes from run to run, so two
builds of the same commit would publish different search bundles (Pagefind
#638: "other files will still change, such as the filter/metadata indexes").
This module reads those two kinds of file (gzip around a ``pagefind_dcd``
marker and CBOR), sorts what Pagefind left unsorted, writes them back with
CBOR's shortest encodings (as Pagefind's own serialiser does), and renames
each after a digest of its new bytes, following the names through the
metadata file and ``pagefind-entry.json``. Search works on the result
unchanged: only orders and file names differ from what Pagefind wrote.
"""

import gzip
import hashlib
import json
import struct

MARKER = b"pagefind_dcd"


def decode(data, at=0):
    """(value, next position) of the CBOR item at ``at``: the kinds Pagefind writes."""
    head = data[at]
    major, info = head >> 5, head & 0x1F
    at += 1
    if info < 24:
        argument = info
    elif info in (24, 25, 26, 27):
        size = 1 << (info - 24)
        argument = int.from_bytes(data[at:at + size], "big")
        at += size
    else:
        raise ValueError(f"CBOR item {head:#x} is not one Pagefind writes")
    if major == 0:
        return argument, at
    if major == 1:
        return -1 - argument, at
    if major == 2:
        return bytes(data[at:at + argument]), at + argument
    if major == 3:
        return data[at:at + argument].decode("utf-8"), at + argument
    if major == 4:
        items = []
        for _ in range(argument):
            item, at = decode(data, at)
            items.append(item)
        return items, at
    if major == 5:
        pairs = []
        for _ in range(argument):
            key, at = decode(data, at)
            value, at = decode(data, at)
            pairs.append((key, value))
        return dict(pairs), at
    if major == 7 and info in (20, 21, 22):
        return {20: False, 21: True, 22: None}[info], at
    if major == 7 and info == 27:
        return struct.unpack(">d", data[at - 8:at])[0], at
    raise ValueError(f"CBOR item {head:#x} is not one Pagefind writes")


def _head(major, argument):
    if argument < 24:
        return bytes([major << 5 | argument])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if argument < 1 << (8 * size):
            return bytes([major << 5 | info]) + argument.to_bytes(size, "big")
    raise ValueError("too large")


def encode(value):
    if value is False or value is True or value is None:
        return bytes([0xF4 + (value is True) + 2 * (value is None)])
    if isinstance(value, int):
        return _head(0, value) if value >= 0 else _head(1, -1 - value)
    if isinstance(value, float):
        return b"\xfb" + struct.pack(">d", value)
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    if isinstance(value, str):
        data = value.encode("utf-8")
        return _head(3, len(data)) + data
    if isinstance(value, list):
        return _head(4, len(value)) + b"".join(encode(item) for item in value)
    if isinstance(value, dict):
        return _head(5, len(value)) + b"".join(encode(k) + encode(v) for k, v in value.items())
    raise TypeError(type(value))


def read(data):
    raw = gzip.decompress(data)
    if not raw.startswith(MARKER):
        raise ValueError("not a Pagefind index file")
    value, end = decode(raw, len(MARKER))
    if end != len(raw):
        raise ValueError("trailing bytes in a Pagefind index file")
    return value


def write(value):
    # mtime=0: gzip would otherwise stamp the clock into the header.
    return gzip.compress(MARKER + encode(value), compresslevel=9, mtime=0)


def renamed(prefix, data):
    """``en_1234abc``: a language and a digest of the bytes, as Pagefind names files."""
    return f"{prefix}_{hashlib.sha256(data).hexdigest()[:7]}"


def stable(files):
    """``files`` ({path in the bundle: bytes}) with every filter index, the
    metadata index and the entry file in an order and under names that
    depend only on what they hold."""
    files = dict(files)
    entry = json.loads(files["pagefind-entry.json"])
    for lang, language in sorted(entry["languages"].items()):
        meta_path = f"pagefind.{language['hash']}.pf_meta"
        meta = read(files.pop(meta_path))
        names = {}
        for filter_entry in meta[3]:
            old_hash = filter_entry[1]
            path = f"filter/{old_hash}.pf_filter"
            index = read(files.pop(path))
            index[1] = sorted(index[1], key=lambda pair: pair[0])
            data = write(index)
            names[old_hash] = renamed(lang, data)
            files[f"filter/{names[old_hash]}.pf_filter"] = data
            filter_entry[1] = names[old_hash]
        meta[3] = sorted(meta[3], key=lambda pair: pair[0])
        data = write(meta)
        language["hash"] = f"{lang}_{hashlib.sha256(data).hexdigest()[:10]}"
        files[f"pagefind.{language['hash']}.pf_meta"] = data
    files["pagefind-entry.json"] = json.dumps(entry, sort_keys=True,
                                              ensure_ascii=False).encode()
    return files
