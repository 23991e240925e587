"""Is this input a binary file (an image, an archive, an executable) rather than text?

A binary file handed to a text cleaner must be refused, not "repaired": decoding it replaces
most of its bytes with U+FFFD, and writing that back under ``-i`` destroys it. Three kinds of
evidence, any one of which decides (all cheap, on the first :data:`SAMPLE` bytes):

1. the magic number of a common binary format at the start (PNG, JPEG, GIF, PDF, ZIP, gzip,
   ELF, ...);
2. NUL bytes, unless the data reads as UTF-16 or UTF-32 (text in those is full of NULs);
3. a high share of ASCII control bytes (other than tab, line breaks, form feed, the
   ISO-2022 shifts and escape).

Text in any 8-bit or multi-byte legacy encoding has no NUL and almost no control bytes, so a
scraped page with a few stray control characters is still text.

>>> binary_reason(b"\\x89PNG\\r\\n\\x1a\\n" + bytes(100))
'PNG image'
>>> binary_reason("中文".encode("utf-16-le")) is None, binary_reason("中文".encode("gbk")) is None
(True, True)
>>> binary_reason(b"text\\x00\\x00\\x00with NULs")
'NUL bytes'
"""

from __future__ import annotations

import re

#: The one line a refused file gets (``PATH: error: ...``).
BINARY_ERROR = "binary file, not cleaned"
#: Bytes looked at (the start of the file).
SAMPLE = 8192
#: Share of control bytes above which the data is not text.
CONTROL_SHARE = 0.05

#: (prefix, name). A prefix alone decides; the ones that could begin a text ("MZ", "BM",
#: "ID3") are not listed: such files have NUL bytes and are caught by that rule.
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "gzip data"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"(\xb5/\xfd", "zstd data"),
    (b"7z\xbc\xaf\x27\x1c", "7-zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x7fELF", "ELF executable"),
    (b"\xca\xfe\xba\xbe", "Mach-O or Java class"),
    (b"\xcf\xfa\xed\xfe", "Mach-O executable"),
    (b"\xce\xfa\xed\xfe", "Mach-O executable"),
    (b"\x00asm", "WebAssembly"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office document"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"PAR1", "Parquet table"),
    (b"OggS", "Ogg media"),
    (b"fLaC", "FLAC audio"),
    (b"wOFF", "WOFF font"),
    (b"wOF2", "WOFF2 font"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
)
_RIFF = re.compile(rb"RIFF....(WEBP|WAVE|AVI )", re.DOTALL)
_FTYP = re.compile(rb"....ftyp", re.DOTALL)  # MP4, MOV, HEIC
_BZIP2 = re.compile(rb"BZh[1-9]1AY&SY")
_UTF_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff", b"\xef\xbb\xbf")
#: Control bytes that plain text does not contain (tab, LF, VT, FF, CR, the ISO-2022 shifts
#: SO and SI, and ESC are allowed).
_CONTROLS = bytes([*range(0x00, 0x09), *range(0x10, 0x1B), *range(0x1C, 0x20), 0x7F])
_DROP_TEXT = bytes.maketrans(b"", b"")


def binary_reason(data: bytes) -> str | None:
    """Why ``data`` is binary (a short phrase), or ``None`` if it may be text."""
    head = data[:SAMPLE]
    if not head:
        return None
    for magic, name in MAGIC:
        if head.startswith(magic):
            if magic == b"BZh" and not _BZIP2.match(head):
                continue
            return name
    if _RIFF.match(head):
        return "RIFF media"
    if _FTYP.match(head) and len(head) >= 12:
        return "MP4/QuickTime media"
    if head.startswith(_UTF_BOMS) or _wide_text(head):
        return None
    if b"\x00" in head:
        return "NUL bytes"
    controls = len(head) - len(head.translate(_DROP_TEXT, _CONTROLS))
    if controls > 2 and controls > CONTROL_SHARE * len(head):
        return "control bytes"
    return None


def _wide_text(head: bytes) -> bool:
    """Does it read as UTF-16 or UTF-32 without a BOM: strictly decodable, and without the
    control characters and private-use code points binary data decodes to?"""
    if b"\x00" not in head:
        return False
    for name, width in (("utf-32-le", 4), ("utf-32-be", 4), ("utf-16-le", 2), ("utf-16-be", 2)):
        cut = len(head) - len(head) % width
        try:
            text = head[:cut].decode(name)
        except UnicodeDecodeError:
            # The sample may end inside a surrogate pair: one code unit less.
            try:
                text = head[: max(0, cut - width)].decode(name)
            except UnicodeDecodeError:
                continue
        if text and len(_ODD.findall(text)) <= 0.01 * len(text):
            return True
    return False


_ODD = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f\ue000-\uf8ff\ufff0-\uffff]")
