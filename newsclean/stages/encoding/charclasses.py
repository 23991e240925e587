"""The character classes the plausibility cost is made of, and the tables that apply them.

Classes are written as regex character-class bodies (ranges and characters), so that the same
string serves a compiled pattern and :func:`tables`, which turns them, with the levels of the
encoding standards (:mod:`newsclean.stages.encoding.tiers`), into two translations of the Basic Multilingual
Plane: a character's own cost, and what kind of character it is.

>>> t = tables()
>>> t.cost[ord("中")], t.cost[ord("倜")], t.cost[ord("\ue000")], t.kind[ord("中")]
('0', 'w', '4', '7')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .tiers import tiers as levels

# Han in the Basic Multilingual Plane: what mojibake is made of (a class with the
# supplementary planes in it also takes ten times as long to compile).
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
KANA = "\u3041-\u3096\u309d\u309e\u30a1-\u30fa\u30fd\u30fe"
HANGUL = "\uac00-\ud7a3"
#: What a single-byte reading of the bytes 0x80–0xFF produces (Latin-1 and cp1252's extras).
LATIN1_LIKE = (
    "\x80-\xff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014"
    "\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
)

# Cost 0 besides the first levels: ASCII, Latin-1 letters and the marks French and German
# need, the punctuation CJK and Western prose use, fullwidth digits and marks, kana.
FREE = (
    "\t\x20-\x7e\xa0\xab\xb0\xb7\xbb\xc0-\xd6\xd8-\xf6\xf8-\xff\u0152\u0153\u2010-\u2027"
    "\u2030\u2032\u2033\u2039\u203a\u20ac\u2122\u2103\u3000-\u3003\u3005-\u3011\u3014-\u301f"
    "\u30fb\u30fc\uff01-\uff20\uff3b-\uff40\uff5b-\uff5e\uffe5" + KANA
)
# Cost 1: real but less common. Symbols, Latin Extended letters, Greek, Cyrillic, fullwidth
# Latin letters.
RARE = (
    "\xa1-\xbf\xd7\xf7\u0100-\u024f\u0370-\u03ff\u0400-\u04ff\u1e00-\u1eff\u2028-\u2031"
    "\u2034-\u205e\u2070-\u209f\u20a0-\u20bf\u2100-\u214f\u2150-\u218f\u2190-\u21ff"
    "\u2200-\u22ff\u2460-\u24ff\u25a0-\u25ff\u2600-\u26ff\u3004\u3012\u3013\u3020-\u303f"
    "\u3099-\u309c\u309f\u30a0\u30ff\u3190-\u319f\u3220-\u32ff\u3300-\u33ff\uff21-\uff3a"
    "\uff41-\uff5a\uffe0-\uffe6"
    "\U0001f000-\U0001faff"
)
# Cost 4: never written on purpose. C1 controls, private use, U+FFFD, surrogates, specials.
NEVER = "\x80-\x9f\ud800-\udfff\ue000-\uf8ff\ufff0-\uffff\U000f0000-\U0010ffff"
# What has no place inside a Latin word: enclosed forms, box drawing, shapes, CJK, hangul.
FOREIGN = "\u2460-\u27ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff61-\uff9f"


def private_use(ch: str) -> bool:
    """Is ``ch`` in the Basic Multilingual Plane's private-use area (a site's icon font, a
    GBK page's user-defined characters)?"""
    return "\ue000" <= ch <= "\uf8ff"


#: Letters with diacritics: Latin-1's and Latin Extended's (not × and ÷).
LATIN_LETTERS = "\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
# Capitals with diacritics: not after a small letter in the same word (``musĲe``).
CAPITALS = "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper())
# ...and what cannot even touch one: enclosed forms, box drawing, CJK symbols, halfwidth kana.
SYMBOLS = "\u2460-\u27ff\u3200-\u33ff\uff61-\uff9f"
# Latin-1 characters that may not stand next to another one (no-break space may: « oui »),
# nor next to one of the cp1252 extras that are not punctuation prose uses (l’été, „Über“).
PAIRED = "\x80-\x9f\xa1-\xff"
PARTNERS = (
    PAIRED
    + "\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u201a\u2020\u2021\u2022\u2030\u20ac\u2122"
)


class Lazy:
    """A regular expression compiled when first used: classes of thousands of characters
    take milliseconds to compile, and ``newsclean --help`` should not wait for them."""

    __slots__ = ("_args", "_compiled")

    def __init__(self, pattern: str | bytes, flags: int = 0) -> None:
        self._args = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None

    def __call__(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(*self._args)  # type: ignore[arg-type]
        return self._compiled


def cls(chars: str) -> str:
    """``chars`` made safe inside a regex character class."""
    return "".join("\\" + c if c in "\\]^-[" else c for c in chars)


def ranges(chars: set[str]) -> str:
    """A class body for a set of characters, runs of consecutive ones as ranges (big classes
    parse many times faster so).

    >>> ranges(set("abcdxz"))
    'a-dxz'
    """
    codes = [ord(ch) for ch in chars]
    plane = bytearray(max(codes, default=0) + 1)
    for code in codes:
        plane[code] = 1
    out: list[str] = []
    for run in re.finditer(b"\x01+", plane):  # the runs, found at C speed
        lo, hi = chr(run.start()), chr(run.end() - 1)
        lo, hi = "\\" + lo if lo in _SPECIAL else lo, "\\" + hi if hi in _SPECIAL else hi
        size = run.end() - run.start()
        out.append(lo if size == 1 else f"{lo}{hi}" if size == 2 else f"{lo}-{hi}")
    return "".join(out)


_SPECIAL = "\\]^-["


def expand(spec: str) -> set[str]:
    """The characters (of the Basic Multilingual Plane) a class body written as here holds.

    >>> sorted(expand("a-cz"))
    ['a', 'b', 'c', 'z']
    """
    return {chr(code) for lo, hi in _spans(spec) for code in range(lo, hi + 1)}


def _spans(spec: str) -> list[tuple[int, int]]:
    """The code point ranges of a character-class body written as in this module."""
    out, i = [], 0
    while i < len(spec):
        if i + 2 < len(spec) and spec[i + 1] == "-":
            out.append((ord(spec[i]), ord(spec[i + 2])))
            i += 3
        else:
            out.append((ord(spec[i]), ord(spec[i])))
            i += 1
    return [(lo, min(hi, 0xFFFF)) for lo, hi in out if lo <= 0xFFFF]


def spans_of(spec: str) -> list[tuple[int, int]]:
    """The code point ranges (first, last) of a class body written as in this module."""
    return _spans(spec)


def _fill(table: bytearray, value: str, spec: str = "", chars: str = "") -> None:
    code = ord(value)
    for lo, hi in _spans(spec):
        table[lo : hi + 1] = bytes((code,)) * (hi + 1 - lo)
    for ch in chars:
        table[ord(ch)] = code


@dataclass(frozen=True, slots=True)
class Tables:
    """Two translations of the Basic Multilingual Plane, one character per code point.

    ``cost`` gives each character's own cost as a digit (0, 1, 2 or 4; ``w`` for a
    second-level ideograph, which costs 1 but is weak evidence); ``kind`` gives what
    the penalties need to see: ``a``/``A`` ASCII small/capital letter, ``s``/``C`` Latin-1
    small/capital letter, ``p`` another Latin-1 character, ``q``/``Q`` a cp1252 extra that
    pairs with them, ``l``/``E`` another small/capital letter with a diacritic, ``k`` kana,
    ``h`` hangul, ``y`` a symbol, ``z`` other CJK, and for a Han character a digit telling
    whether GB 2312 (4), Big5 (2) and JIS X 0208 (1) have it. Characters beyond the plane are
    left as they are.
    """

    cost: str
    kind: str


@lru_cache(maxsize=1)
def tables() -> Tables:
    t = levels()
    cost = bytearray(b"2" * 0x10000)
    _fill(cost, "1", RARE, t.gb2312_2 + t.big5_less + t.jis_2 + t.ks_hanja)
    _fill(cost, "4", NEVER)
    _fill(cost, "0", FREE, t.gb2312_1 + t.big5_common + t.jis_1 + t.ks_hangul)
    kind = bytearray(b"." * 0x10000)
    _fill(kind, "a", "a-z")
    _fill(kind, "A", "A-Z")
    _fill(kind, " ", " ")
    _fill(kind, "z", FOREIGN)
    _fill(kind, "y", SYMBOLS)
    _fill(kind, "k", KANA)
    _fill(kind, "h", HANGUL)
    _fill(kind, "E", chars=CAPITALS)
    _fill(kind, "l", chars="".join(c for c in map(chr, range(0x100, 0x250)) if c.islower()))
    _fill(kind, "p", PAIRED)
    _fill(kind, "C", chars="".join(c for c in map(chr, range(0xC0, 0xDF)) if c.isupper()))
    _fill(kind, "s", chars="".join(c for c in map(chr, range(0xDF, 0x100)) if c.islower()))
    extras = PARTNERS[len(PAIRED) :]
    _fill(kind, "Q", chars="".join(c for c in extras if c.isupper()))
    _fill(kind, "q", chars="".join(c for c in extras if not c.isupper()))
    gb, big5, jis = (
        set(t.gb2312_1 + t.gb2312_2),
        set(t.big5_common + t.big5_less),
        set(t.jis_1 + t.jis_2),
    )
    for lo, hi in _spans(HAN):
        for code in range(lo, hi + 1):
            ch = chr(code)
            kind[code] = 0x30 + 4 * (ch in gb) + 2 * (ch in big5) + (ch in jis)
    for code, (c, k) in enumerate(zip(cost, kind, strict=True)):
        if c == ord("1") and 0x30 <= k <= 0x37:
            cost[code] = ord("w")  # a second-level ideograph: cost 1, but weak evidence
    return Tables(cost.decode("ascii"), kind.decode("ascii"))
