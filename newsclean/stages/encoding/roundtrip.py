"""Round trips: undo one misreading of bytes, ``text.encode(misread).decode(actual)``.

The codecs are the ones browsers and scrapers really use: "cp1252" here is Windows-1252 as a
browser decodes it (the five undefined bytes kept as C1 controls, so Latin-1 readings come back
too), "gb18030" is GBK as a browser decodes it (the lone byte 0x80 is "€"), and characters that
Shift-JIS or Big5 decode from two different byte pairs are tried both ways.

>>> Chain("utf-8", "gb18030").undo("鍏ㄩ儴"), Chain("gb18030", "cp1252").undo("ÖÐÎÄ")
('全部', '中文')
>>> Chain("utf-8", "gb18030").undo_lossy("鍏ㄩ儴\\ufffd")
'全部\\ufffd'
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass
from functools import cache

from .charclasses import Lazy
from .plausibility import cost

SINGLE = "cp1252"
WEB_GBK = "gb18030"
_UNDEFINED_1252 = (0x81, 0x8D, 0x8F, 0x90, 0x9D)
_EXTRAS = {b: bytes((b,)).decode("cp1252") for b in range(0x80, 0xA0) if b not in _UNDEFINED_1252}
# cp1252 as browsers decode it: the five bytes it leaves undefined are C1 controls.
_SLOPPY = "".join(_EXTRAS.get(b, chr(b)) for b in range(256))
_SLOPPY_ENCODE = codecs.charmap_build(_SLOPPY)
_C1_AS_1252 = {b: ch for b, ch in _EXTRAS.items()}
_C1_RE = re.compile("[\x80-\x9f]")
_LATIN1_ONLY = re.compile("[\x00-\xff]*")
_SINGLE_RUN = re.compile("[\\x00-\\xff" + "".join(_EXTRAS.values()) + "]+")
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_CJK = Lazy("[\u2e80-\u9fff\uac00-\ud7af\ue000-\ufaff\ufe30-\ufe4f\uff00-\uffef]")
# Codecs with characters at two byte pairs, and the lead bytes of the pairs they do not
# encode to (NEC row 13 and the IBM extensions in Shift-JIS; a few in Big5). A test checks
# these against a scan of every lead byte.
_TWINNED = {"cp932": (0x87, 0xED, 0xEE, 0xFA, 0xFB, 0xFC), "cp950": (0xA1, 0xA2, 0xF9)}
_LOST = "\ufffd"
# Bytes a lost one can have been: anything a UTF-8 character is made of but ASCII.
_CANDIDATE_BYTES = tuple(bytes((b,)) for b in range(0x80, 0xF5))

LABELS = {
    "utf-8": "UTF-8",
    WEB_GBK: "GBK",
    "cp950": "Big5",
    "cp932": "Shift-JIS",
    "cp949": "EUC-KR",
    "euc_jp": "EUC-JP",
    SINGLE: "cp1252",
    "cp1250": "cp1250",
    "iso8859_2": "ISO-8859-2",
    "cp1251": "cp1251",
    "mac_roman": "MacRoman",
    "cp437": "cp437",
}


def _encodings(text: str, codec: str) -> Iterator[bytes]:
    """The byte strings ``text`` can have been decoded from with ``codec``."""
    if codec == SINGLE:
        yield _single(text)
    elif codec == WEB_GBK:
        pieces = [piece.encode(codec) for piece in text.split("€")]
        euros = len(pieces) - 1
        wide = len(_NON_ASCII.findall(text)) - euros
        # Two bytes a character: no real mojibake holds a four-byte GB18030 sequence.
        if sum(map(len, pieces)) == len(text) - euros + wide:
            yield b"\x80".join(pieces)
            if euros:
                yield "€".encode(codec).join(pieces)
    else:
        yield text.encode(codec)


def _single(text: str) -> bytes:
    """Bytes a cp1252 or Latin-1 reading (or a mix of the two) was decoded from."""
    try:
        return codecs.charmap_encode(text, "strict", _SLOPPY_ENCODE)[0]
    except UnicodeEncodeError:
        if not _C1_RE.search(text):
            raise
    if _LATIN1_ONLY.fullmatch(text):  # a Latin-1 reading: C1 controls are bytes 80–9F
        return text.encode("latin-1")
    return codecs.charmap_encode(text.translate(_C1_AS_1252), "strict", _SLOPPY_ENCODE)[0]


def _decode(data: bytes, codec: str) -> str:
    if codec == SINGLE:
        return codecs.charmap_decode(data, "strict", _SLOPPY)[0]
    return data.decode(codec)


@cache
def twins(codec: str) -> dict[str, bytes]:
    """Characters a double-byte codec decodes from two byte pairs, with the one it does not
    encode them to (Shift-JIS has NEC and IBM copies of some 400, Big5 a few).

    >>> twins("cp932")["ⅰ"].hex(), len(twins("gb18030"))
    ('fa40', 0)
    """
    return scan_twins(codec, _TWINNED.get(codec, ()))


def scan_twins(codec: str, leads: Iterable[int]) -> dict[str, bytes]:
    """The twins among the byte pairs that start with ``leads``."""
    out: dict[str, bytes] = {}
    for lead in leads:
        for trail in range(0x40, 0xFF):
            pair = bytes((lead, trail))
            try:
                ch = pair.decode(codec)
            except UnicodeDecodeError:
                continue
            if len(ch) == 1 and ch not in out and ch.encode(codec) != pair:
                out[ch] = pair
    return out


@cache
def _twin_pattern(codec: str) -> re.Pattern[str]:
    return re.compile("[" + "".join(sorted(twins(codec))) + "]")


def _untwin(text: str, codec: str, actual: str) -> str | None:
    """Decode ``text``'s bytes as ``actual``, choosing for each twin character the byte pair
    that reads better (left to right)."""
    pairs_of = twins(codec)
    pairs = [ch.encode(codec) for ch in text]
    best: str | None = None
    with suppress(UnicodeDecodeError):
        best = b"".join(pairs).decode(actual)
    for i, ch in enumerate(text):
        if ch not in pairs_of:
            continue
        trial = [*pairs[:i], pairs_of[ch], *pairs[i + 1 :]]
        try:
            new = b"".join(trial).decode(actual)
        except UnicodeDecodeError:
            continue
        if best is None or cost(new) < cost(best):
            best, pairs = new, trial
    return best


_HANGUL = re.compile("[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")


def _pieces(line: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """``line[start:end]`` cut around its hangul."""
    at = start
    for m in _HANGUL.finditer(line, start, end):
        if m.start() > at:
            yield at, m.start()
        at = m.end()
    if end > at:
        yield at, end


@dataclass(frozen=True, slots=True, eq=False)
class Chain:
    """Bytes in ``actual`` decoded as ``misread``."""

    actual: str
    misread: str

    @property
    def name(self) -> str:
        return f"{LABELS[self.actual]} read as {LABELS[self.misread]}"

    def units(self, line: str) -> list[tuple[int, int]]:
        """Spans of ``line`` that round-trip on their own."""
        if self.misread == SINGLE:
            runs = _SINGLE_RUN  # every byte shows, ASCII trail bytes too
        elif self.actual == "utf-8" or self.misread != "cp932":
            runs = _NON_ASCII_RUN  # no ASCII byte hides inside a character
        else:  # Shift-JIS reads A1–DF alone, leaving an ASCII trail byte in view
            return [(0, len(line))] if _CJK().search(line) else []
        if self.misread == SINGLE:
            return [m.span() for m in runs.finditer(line) if not m.group().isascii()]
        # A CJK codec's misreading is CJK: "éé" is no Big5 read as GBK, though it could be.
        spans = [m.span() for m in runs.finditer(line) if _CJK().search(m.group())]
        if self.actual == "cp949" and _HANGUL.search(line):
            # Korean read in another double-byte codec: the hangul left in view were never
            # misread (no other codec's table holds them), and a unit ends there (``않绊``:
            # 않 stays, 绊 is 고 misread).
            spans = [
                piece
                for start, end in spans
                for piece in _pieces(line, start, end)
                if _CJK().search(line[piece[0] : piece[1]])
            ]
        return spans

    def undo(self, unit: str) -> str | None:
        """The unit as it was before the misreading, or ``None`` if it cannot have been."""
        try:
            if self.misread in _TWINNED and _twin_pattern(self.misread).search(unit):
                return _untwin(unit, self.misread, self.actual)
            found = []
            for data in _encodings(unit, self.misread):
                try:
                    found.append(_decode(data, self.actual))
                except UnicodeDecodeError:
                    continue
        except UnicodeEncodeError:
            return None
        return min(found, key=cost) if found else None

    def undo_lossy(self, unit: str) -> str | None:
        """Like :meth:`undo` for a unit with U+FFFD in it, each standing for one lost byte.

        UTF-8 alone can say which bytes belong together, so only UTF-8 comes back this way.
        Where exactly one byte value makes the unit valid UTF-8, the surviving bytes determine
        the character and it is put back; otherwise the character stays U+FFFD.
        """
        if self.actual != "utf-8" or _LOST not in unit:
            return None
        pieces = unit.split(_LOST)
        try:
            parts = [_pick(list(_encodings(pieces[0], self.misread)))]
            if not _starts_utf8(parts[0]):  # no lost byte can mend what comes before it
                return None
            parts += (_pick(list(_encodings(piece, self.misread))) for piece in pieces[1:])
        except (UnicodeEncodeError, ValueError):
            return None
        if len(parts) == 2 and _around_one(*parts):
            whole = [b"".join((parts[0], b, parts[1])) for b in _CANDIDATE_BYTES]
            valid = [text for text in map(_strict_utf8, whole) if text is not None]
            if len(valid) == 1:
                return valid[0]
        return _around_losses(parts)


def _around_one(before: bytes, after: bytes) -> bool:
    """Can one byte between ``before`` and ``after`` make them UTF-8? Only if what they hold
    besides the character it was part of is UTF-8 already (a quick test, before 117 tries)."""
    head = len(after) - len(after.lstrip(bytes(range(0x80, 0xC0))))
    if head > 3:
        return False
    core = before[: len(before) - _incomplete_tail(before)]
    return _strict_utf8(core) is not None and _strict_utf8(after[head:]) is not None


def _starts_utf8(data: bytes) -> bool:
    """Can ``data`` begin UTF-8 that a lost byte interrupts? Whole characters, then perhaps
    the start of one (what :func:`_around_losses` asks of the bytes before the first loss)."""
    if data[:1] and 0x80 <= data[0] <= 0xBF:
        return False
    return _strict_utf8(data[: len(data) - _incomplete_tail(data)]) is not None


def _pick(variants: list[bytes]) -> bytes:
    """The variant of a run between losses whose whole characters are UTF-8."""
    if not variants:
        raise ValueError("no encoding")
    for data in variants:
        head = len(data) - len(data.lstrip(bytes(range(0x80, 0xC0))))
        if _strict_utf8(data[min(head, 3) : len(data) - _incomplete_tail(data)]) is not None:
            return data
    return variants[0]


def _around_losses(parts: list[bytes]) -> str | None:
    """UTF-8 text from the byte runs between lost bytes: a lost byte took the character it
    was part of with it, so that character's bytes on either side go too and one U+FFFD
    stands for it (several when the bytes gone are more than one character can have).
    ``None`` if what is left is not UTF-8."""
    out: list[str] = []
    lost = 0  # bytes gone since the last character kept
    for n, part in enumerate(parts):
        head = 0
        while head < min(3, len(part)) and 0x80 <= part[head] <= 0xBF:
            head += 1
        tail = _incomplete_tail(part)
        if (n == 0 and head) or (n == len(parts) - 1 and tail):
            return None
        if n:
            lost += 1
        if head + tail >= len(part) and 0 < n < len(parts) - 1:
            lost += len(part)  # nothing whole between two losses: the same character
            continue
        core = _strict_utf8(part[head : len(part) - tail])
        if core is None:
            return None
        if n:
            out.append(_LOST * max(1, -(-(lost + head) // 4)))
        out.append(core)
        lost = tail
    return "".join(out)


def _incomplete_tail(data: bytes) -> int:
    """How many bytes at the end of ``data`` start a UTF-8 character that does not end."""
    for back in range(1, min(4, len(data) + 1)):
        byte = data[-back]
        if byte < 0x80:
            return 0
        if byte >= 0xC0:
            need = 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
            return back if back < need else 0
    return 0


def _strict_utf8(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None
