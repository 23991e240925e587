"""Bytes to text: never crash, never guess silently.

Order of attempts: a byte-order mark (UTF-32, UTF-8, UTF-16); strict UTF-8; then the legacy
encodings news sites still serve — GB18030 and Big5 (whichever decodes strictly and reads as the
more common characters), and cp1252 for Western pages. If nothing decodes cleanly, the least
damaged decoding is used, with replacement characters and an error diagnostic that counts them.

>>> decode("中文".encode("gb18030"))
'中文'
>>> decode("中文".encode("big5"))
'中文'
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from functools import lru_cache

from .model import Diagnostic

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CJK_LEGACY = ("gb18030", "big5")
_SAMPLE = 64 * 1024
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text, the encoding it was read as, and anything worth telling the user."""

    text: str
    encoding: str
    diagnostics: tuple[Diagnostic, ...] = ()


def decode(data: bytes) -> str:
    """Decode raw input to text (see :func:`decode_bytes`)."""
    return decode_bytes(data).text


def decode_bytes(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode ``data``; ``encoding`` forces one (bad bytes then become U+FFFD, reported)."""
    if encoding is not None:
        return _lossy(data, codecs.lookup(encoding).name)
    for bom, name in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            try:
                return Decoded(body.decode(name), f"{name} (BOM)")
            except UnicodeDecodeError:
                return _lossy(body, name)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    strict = []
    for name in _CJK_LEGACY:
        try:
            strict.append((_commonness(data[:_SAMPLE], name), name, data.decode(name)))
        except UnicodeDecodeError:
            continue
    if strict:
        _, name, text = max(strict, key=lambda c: c[0])
        return Decoded(text, name, (_note(f"not UTF-8; decoded as {name}"),))
    try:
        text = data.decode("cp1252")
        return Decoded(text, "cp1252", (_note("not UTF-8; decoded as cp1252 (Western European)"),))
    except UnicodeDecodeError:
        pass
    # Nothing fits exactly: take the decoding that loses the fewest bytes.
    return min((_lossy(data, name) for name in ("utf-8", *_CJK_LEGACY)), key=_replaced)


def _lossy(data: bytes, name: str) -> Decoded:
    text = data.decode(name, errors="replace")
    lost = text.count("\ufffd") - data.decode(name, errors="ignore").count("\ufffd")
    if not lost:
        return Decoded(text, name)
    message = f"{lost} undecodable byte sequence(s) replaced with U+FFFD (decoded as {name})"
    return Decoded(text, name, (Diagnostic(0, "undecodable-bytes", message, "error", "encoding"),))


def _replaced(decoded: Decoded) -> int:
    return decoded.text.count("\ufffd")


def _note(message: str) -> Diagnostic:
    return Diagnostic(0, "legacy-encoding", message, "info", "encoding")


@lru_cache(maxsize=1)
def _common_re() -> re.Pattern[str]:
    """The level-1 (most common) characters of GB2312 and Big5, as one character class."""
    chars: set[str] = set()
    for lead in range(0xB0, 0xD8):
        for trail in range(0xA1, 0xFF):
            ch = bytes((lead, trail)).decode("gb2312", errors="ignore")
            chars.update(ch)
    for lead in range(0xA4, 0xC7):  # A440-C67E; C6A1 on is kana and symbols in Big5-ETEN
        trails = range(0x40, 0x7F) if lead == 0xC6 else [*range(0x40, 0x7F), *range(0xA1, 0xFF)]
        for trail in trails:
            chars.update(bytes((lead, trail)).decode("big5", errors="ignore"))
    return re.compile("[" + "".join(sorted(chars)) + "]")


def _commonness(sample: bytes, name: str) -> float:
    """Share of non-ASCII characters that are common Chinese characters, read as ``name``."""
    text = sample.decode(name, errors="ignore")
    wide = len(_NON_ASCII.findall(text)) or 1
    return len(_common_re().findall(text)) / wide
