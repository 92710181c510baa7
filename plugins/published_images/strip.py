"""An image's bytes without what a camera or an editing program wrote about it.

Each format is rewritten by its own structure, never decoded: the pixels,
the colour profile and the animation stay exactly as they were; EXIF (with
its GPS position, camera serial and owner's name), XMP, IPTC, comments, text
chunks and whatever follows the image's end are left out. What is kept is
named (a list of what renders), so a block no list knows is left out too.
"""

import struct
import warnings

from PIL import Image
from site_model.catalogs import N_

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# Chunks that change what is drawn: pixels, palette, transparency, colour, animation.
PNG_KEEP = {b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"cHRM", b"gAMA", b"iCCP",
            b"sBIT", b"sRGB", b"cICP", b"mDCV", b"cLLI", b"bKGD", b"pHYs",
            b"acTL", b"fcTL", b"fdAT"}
# Chunks of an extended WebP that are drawn; EXIF and "XMP " are not among them.
WEBP_KEEP = {b"VP8X", b"ICCP", b"ANIM", b"ANMF", b"ALPH", b"VP8 ", b"VP8L"}
WEBP_EXIF_FLAG, WEBP_XMP_FLAG = 0x08, 0x04
# GIF application extensions that are drawn: the animation's loop count, a profile.
GIF_KEEP_APPLICATIONS = (b"NETSCAPE2.0", b"ANIMEXTS1.0", b"ICCRGBG1012")


class DamagedImage(ValueError):
    """The file does not follow its format's structure to the end."""


class UnknownImage(ValueError):
    """Not a format this module can rewrite."""


def format_of(data):
    """"JPEG", "PNG", "WEBP", "GIF", or None."""
    if data.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if data.startswith(PNG_SIGNATURE):
        return "PNG"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "GIF"
    return None


def stripped(data):
    """``data`` without metadata; raises DamagedImage or UnknownImage."""
    kind = format_of(data)
    if kind is None:
        raise UnknownImage("not a JPEG, PNG, WebP or GIF image")
    return {"JPEG": jpeg, "PNG": png, "WEBP": webp, "GIF": gif}[kind](data)


def _need(data, end):
    if end > len(data):
        raise DamagedImage(N_("the file ends too soon"))


# JPEG: markers and segments (ITU T.81, annex B)

def jpeg_keeps(marker, payload):
    if 0xE0 <= marker <= 0xEF:  # APPn: only what changes how pixels are drawn
        return ((marker == 0xE0 and payload.startswith(b"JFIF\x00"))
                or (marker == 0xE2 and payload.startswith(b"ICC_PROFILE\x00"))
                or (marker == 0xEE and payload.startswith(b"Adobe")))
    return marker != 0xFE  # COM: a comment


def orientation_exif(payload):
    """An EXIF segment holding only the photo's orientation, or b"" when upright.

    Browsers turn a JPEG by its EXIF orientation: without it, a photo taken
    sideways would be published sideways.
    """
    try:
        with warnings.catch_warnings():  # Pillow warns of corrupt EXIF: unreadable is upright
            warnings.simplefilter("ignore")
            turn = Image.Exif()
            turn.load(payload)
            value = int(turn.get(0x0112, 1))
    except Exception:  # noqa: BLE001 - EXIF written by anyone: unreadable means upright
        return b""
    if not 2 <= value <= 8:
        return b""
    tiff = b"MM\x00*" + struct.pack(">IH", 8, 1) + struct.pack(">HHIHH", 0x0112, 3, 1, value, 0)
    body = b"Exif\x00\x00" + tiff + struct.pack(">I", 0)
    return b"\xff\xe1" + (len(body) + 2).to_bytes(2, "big") + body


def jpeg(data):
    out = [b"\xff\xd8"]
    at = 2
    turned = False
    while True:
        _need(data, at + 2)
        if data[at] != 0xFF:
            raise DamagedImage(N_("a JPEG marker was expected"))
        while data[at] == 0xFF:  # fill bytes before a marker
            at += 1
            _need(data, at + 1)
        marker = data[at]
        at += 1
        if marker == 0xD9:  # end of image: what follows (a second image, a note) is left out
            out.append(b"\xff\xd9")
            return b"".join(out)
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:  # markers without a length
            out.append(bytes((0xFF, marker)))
            continue
        _need(data, at + 2)
        length = int.from_bytes(data[at:at + 2], "big")
        if length < 2:
            raise DamagedImage(N_("a JPEG segment has no length"))
        _need(data, at + length)
        payload = data[at + 2:at + length]
        if jpeg_keeps(marker, payload):
            out.append(bytes((0xFF, marker)) + data[at:at + length])
        elif marker == 0xE1 and payload.startswith(b"Exif\x00\x00") and not turned:
            out.append(orientation_exif(payload))
            turned = True
        at += length
        if marker == 0xDA:  # start of scan: coded data runs to the next real marker
            end = scan_end(data, at)
            out.append(data[at:end])
            at = end


def scan_end(data, at):
    while True:
        at = data.find(b"\xff", at)
        if at < 0 or at + 1 >= len(data):
            raise DamagedImage(N_("the JPEG's image data ends too soon"))
        following = data[at + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7:  # a coded 0xFF, a restart
            at += 2
        elif following == 0xFF:
            at += 1
        else:
            return at


# PNG: chunks (ISO/IEC 15948 and the APNG extension)

def png(data):
    out = [PNG_SIGNATURE]
    at = len(PNG_SIGNATURE)
    while True:
        _need(data, at + 8)
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        end = at + 12 + length
        _need(data, end)
        if kind in PNG_KEEP:
            out.append(data[at:end])
        at = end
        if kind == b"IEND":
            return b"".join(out)


# WebP: RIFF chunks (RFC 9649)

def webp(data):
    _need(data, 12)
    chunks = []
    at = 12
    end = min(len(data), 8 + int.from_bytes(data[4:8], "little"))
    while at + 8 <= end:
        kind = data[at:at + 4]
        size = int.from_bytes(data[at + 4:at + 8], "little")
        following = at + 8 + size + (size & 1)
        _need(data, at + 8 + size)
        if kind in WEBP_KEEP:
            chunk = data[at:at + 8 + size] + (b"\x00" if size & 1 else b"")
            if kind == b"VP8X":
                flags = chunk[8] & ~(WEBP_EXIF_FLAG | WEBP_XMP_FLAG)
                chunk = chunk[:8] + bytes((flags,)) + chunk[9:]
            chunks.append(chunk)
        at = following
    if not any(c[:4] in (b"VP8 ", b"VP8L", b"ANMF") for c in chunks):
        raise DamagedImage(N_("the WebP file holds no image"))
    body = b"WEBP" + b"".join(chunks)
    return b"RIFF" + len(body).to_bytes(4, "little") + body


# GIF: blocks (GIF89a specification)

def gif_sub_blocks(data, at):
    """The end of the data sub-blocks starting at ``at``."""
    while True:
        _need(data, at + 1)
        size = data[at]
        at += 1 + size
        if size == 0:
            return at


def gif(data):
    _need(data, 13)
    flags = data[10]
    at = 13 + (3 * 2 ** ((flags & 0x07) + 1) if flags & 0x80 else 0)
    _need(data, at)
    out = [data[:at]]
    while True:
        _need(data, at + 1)
        introducer = data[at]
        if introducer == 0x3B:  # trailer: what follows is left out
            out.append(b"\x3b")
            return b"".join(out)
        if introducer == 0x2C:  # an image: descriptor, local colours, coded data
            _need(data, at + 10)
            local = data[at + 9]
            start = at
            at += 10 + (3 * 2 ** ((local & 0x07) + 1) if local & 0x80 else 0)
            at = gif_sub_blocks(data, at + 1)  # after the LZW code size
            out.append(data[start:at])
        elif introducer == 0x21:
            _need(data, at + 2)
            label = data[at + 1]
            start = at
            at = gif_sub_blocks(data, at + 2)
            block = data[start:at]
            if label == 0xF9 or (label == 0xFF and block[3:14] in GIF_KEEP_APPLICATIONS):
                out.append(block)
        else:
            raise DamagedImage(N_("a GIF block was expected"))
