"""How plausible a piece of text is as something a person wrote: a cost, lower is better.

No corpus: the cost is built from the character levels of the encoding standards
(:mod:`newsclean.tiers`) and a few facts about how real text is put together. Common characters
cost nothing: ASCII, the first-level hanzi of GB 2312, Big5 and JIS, KS X 1001 hangul, kana, CJK
and general punctuation, Latin-1 letters. Second-level ideographs and less common symbols cost
1, other characters 2, and what no text holds on purpose (private-use characters, C1 controls,
U+FFFD, surrogates) 4. On top of that:

* two Latin-1 characters side by side (``ÖÐÎÄ``) cost 2: real Western text puts an accented
  letter between ASCII ones;
* CJK wedged inside a Latin word (``d茅clar茅``), a symbol touching one (``┨berflutet``),
  or a capital Latin-1 letter after a small one (``erÀ[ffnet``), costs 3;
* a line keeps to one script: with kana, every Han character outside JIS X 0208 costs 2 (and
  kana with hangul cost 2 each, the fewer of the two); with hangul, every Han character costs 1; otherwise every Han character outside GB 2312 (or
  outside Big5, whichever fits the line better) costs 1, and so does a space between two Han
  characters (Chinese is not spaced, Korean is).

Mojibake is made of the expensive characters and mixes scripts, so the right repair costs far
less than the text it replaces; clean text costs little, so nothing beats leaving it alone.

>>> cost("中文"), cost("國務院"), cost("東京都は今日"), cost("Déjà vu, l’été dernier")
(0, 0, 0, 0)
>>> cost("ÖÐÎÄ"), cost("鍏ㄩ儴"), cost("d茅clar茅")
(6, 4, 3)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from .tiers import tiers

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
_RARE = (
    "\xa1-\xbf\xd7\xf7\u0100-\u024f\u0370-\u03ff\u0400-\u04ff\u1e00-\u1eff\u2028-\u2031"
    "\u2034-\u205e\u2070-\u209f\u20a0-\u20bf\u2100-\u214f\u2150-\u218f\u2190-\u21ff"
    "\u2200-\u22ff\u2460-\u24ff\u25a0-\u25ff\u2600-\u26ff\u3004\u3012\u3013\u3020-\u303f"
    "\u3099-\u309c\u309f\u30a0\u30ff\u3190-\u319f\u3220-\u32ff\u3300-\u33ff\uff21-\uff3a"
    "\uff41-\uff5a\uffe0-\uffe6"
    "\U0001f000-\U0001faff"
)
# Cost 4: never written on purpose. C1 controls, private use, U+FFFD, surrogates, specials.
_NEVER = "\x80-\x9f\ud800-\udfff\ue000-\uf8ff\ufff0-\uffff\U000f0000-\U0010ffff"
# What has no place inside a Latin word: enclosed forms, box drawing, shapes, CJK, hangul.
_FOREIGN = "\u2460-\u27ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff61-\uff9f"
# Capitals with diacritics: not after a small letter in the same word (``musĲe``).
_CAPITALS = "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper())
# ...and what cannot even touch one: enclosed forms, box drawing, CJK symbols, halfwidth kana.
_SYMBOLS = "\u2460-\u27ff\u3200-\u33ff\uff61-\uff9f"
# Latin-1 characters that may not stand next to another one (no-break space may: « oui »),
# nor next to one of the cp1252 extras that are not punctuation prose uses (l’été, „Über“).
_PAIRED = "\x80-\x9f\xa1-\xff"
_PARTNERS = (
    _PAIRED
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


def _cls(chars: str) -> str:
    """``chars`` made safe inside a regex character class."""
    return "".join("\\" + c if c in "\\]^-[" else c for c in chars)


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


def _fill(table: bytearray, value: str, spec: str = "", chars: str = "") -> None:
    code = ord(value)
    for lo, hi in _spans(spec):
        table[lo : hi + 1] = bytes((code,)) * (hi + 1 - lo)
    for ch in chars:
        table[ord(ch)] = code


@dataclass(frozen=True, slots=True)
class _Tables:
    """Two translations of the Basic Multilingual Plane, one character per code point.

    ``cost`` gives each character's own cost as a digit (0, 1, 2 or 4; ``w`` for a
    second-level ideograph, which costs 1 but is weak evidence); ``kind`` gives what
    the penalties need to see: ``a``/``A`` ASCII small/capital letter, ``s``/``C`` Latin-1
    small/capital letter, ``p`` another Latin-1 character, ``q``/``Q`` a cp1252 extra that
    pairs with them, ``E`` another capital with a diacritic, ``k`` kana, ``h`` hangul, ``y`` a
    symbol, ``z`` other CJK, and for a Han character a digit telling whether GB 2312 (4), Big5
    (2) and JIS X 0208 (1) have it. Characters beyond the plane are left as they are.
    """

    cost: str
    kind: str


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    t = tiers()
    cost = bytearray(b"2" * 0x10000)
    _fill(cost, "1", _RARE, t.gb2312_2 + t.big5_less + t.jis_2 + t.ks_hanja)
    _fill(cost, "4", _NEVER)
    _fill(cost, "0", FREE, t.gb2312_1 + t.big5_common + t.jis_1 + t.ks_hangul)
    kind = bytearray(b"." * 0x10000)
    _fill(kind, "a", "a-z")
    _fill(kind, "A", "A-Z")
    _fill(kind, " ", " ")
    _fill(kind, "z", _FOREIGN)
    _fill(kind, "y", _SYMBOLS)
    _fill(kind, "k", KANA)
    _fill(kind, "h", HANGUL)
    _fill(kind, "E", chars=_CAPITALS)
    _fill(kind, "p", _PAIRED)
    _fill(kind, "C", chars="".join(c for c in map(chr, range(0xC0, 0xDF)) if c.isupper()))
    _fill(kind, "s", chars="".join(c for c in map(chr, range(0xDF, 0x100)) if c.islower()))
    extras = _PARTNERS[len(_PAIRED) :]
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
    return _Tables(cost.decode("ascii"), kind.decode("ascii"))


# Patterns over the ``kind`` translation (see _Tables).
_HAN_KINDS = "0-7"
# Each pattern starts with one character class, which the regex engine scans for at C speed.
_LATIN_PAIRS = (re.compile("[pCs](?=[pCsqQ])"), re.compile("[qQ](?=[pCs])"))
_SANDWICHES = (
    re.compile(f"[aA][zykh{_HAN_KINDS}](?=[aA])"),  # CJK inside a Latin word
    re.compile("[as][CEQ]"),  # a capital after a small letter
    re.compile("[aA]y|y(?=[aA])"),  # a symbol touching a letter
)
_HAN_KIND = re.compile(f"[{_HAN_KINDS}]")
_NOT_JIS = re.compile("[0246]")
_SPACED_HAN = re.compile(f"(?<=[{_HAN_KINDS}]) (?=[{_HAN_KINDS}])")
_NEVER_BEYOND = re.compile("[\U000f0000-\U0010ffff]")


def _count(pattern: re.Pattern[str], text: str) -> int:
    return len(pattern.findall(text))


class _Profile(NamedTuple):
    """What :func:`cost`, :func:`thin` and :func:`suspicious` need to know about a text."""

    base: int  # the characters' own costs
    rare_han: int  # second-level ideographs among them (cost 1 each, weak evidence)
    strong: int  # the penalties for how characters are put together
    script: int  # the penalty for mixing scripts (weak when only GB 2312 against Big5)
    han: int


@lru_cache(maxsize=4096)
def _profile(text: str) -> _Profile:
    tables = _tables()
    digits = text.translate(tables.cost)
    ones, rare_han = digits.count("1"), digits.count("w")
    twos, fours = digits.count("2"), digits.count("4")
    beyond = len(text) - digits.count("0") - ones - rare_han - twos - fours  # beyond the BMP
    base = ones + rare_han + 2 * (twos + beyond) + 4 * fours
    if beyond:
        base += 2 * _count(_NEVER_BEYOND, text)
    kinds = text.translate(tables.kind)
    strong = 0
    if any(k in kinds for k in "pCsqQ"):
        strong += 2 * sum(_count(pattern, kinds) for pattern in _LATIN_PAIRS)
    letters = sum(kinds.count(k) for k in "aAsC")
    if letters and any(k in kinds for k in "zykhCEQ01234567"):
        strong += 3 * sum(_count(pattern, kinds) for pattern in _SANDWICHES)
    per = [kinds.count(d) for d in "01234567"]  # Han by (GB 2312, Big5, JIS) membership
    han, kana, hangul = sum(per), kinds.count("k"), kinds.count("h")
    cjk = han + kana + hangul
    if letters >= 12 and 4 * cjk < letters:  # a stray CJK character in Western text
        strong += 3 * cjk
    script = 0
    if han and kana:
        strong += 2 * min(kana, hangul) + 2 * (per[0] + per[2] + per[4] + per[6])
    elif han and hangul:
        strong += han
    elif han:
        script = min(sum(per[:4]), per[0] + per[1] + per[4] + per[5])
        if " " in kinds:
            strong += _count(_SPACED_HAN, kinds)
    elif kana and hangul:
        strong += 2 * min(kana, hangul)
    return _Profile(base, rare_han, strong, script, han)


def cost(text: str) -> int:
    """The implausibility of ``text``: 0 for ordinary prose, high for mojibake."""
    p = _profile(text)
    return p.base + p.strong + p.script


def thin(text: str) -> bool:
    """Is all the cost of ``text`` rare ideographs and a mix of Simplified and Traditional
    forms, a few of them among many common characters? Real text has such lines (machine
    conversion writes 爲 and 羣); mojibake is rarely only that, and never that thinly.

    >>> thin("爲了保障羣衆出行安全，交警部門加大了對酒後駕駛的查處力度。"), thin("鍏ㄩ儴")
    (True, False)
    """
    p = _profile(text)
    weak = p.rare_han + p.script
    return not p.strong and p.base == p.rare_han and weak > 0 and 4 * weak < p.han


def suspicious(text: str) -> bool:
    """Can :func:`cost` be more than 0? Cheaper than computing it, for ordinary text.

    >>> suspicious("国务院今天召开会议。"), suspicious("鍏ㄩ儴"), suspicious("Bev枚lkerung")
    (False, True, True)
    """
    if _not_free().search(text):
        return True
    kinds = text.translate(_tables().kind)
    return (
        any(pattern.search(kinds) for pattern in _LATIN_PAIRS)
        or _SPACED_HAN.search(kinds) is not None
        or _MIXED.search(kinds) is not None
        or ("k" in kinds and _NOT_JIS.search(kinds) is not None)
    )


@lru_cache(maxsize=1)
def _not_free() -> re.Pattern[str]:
    t = tiers()
    common = t.gb2312_1 + t.big5_common + t.jis_1 + t.ks_hangul
    return re.compile(f"[^{FREE}{_cls(common)}]")


# A CJK character touching a Latin letter, or hangul touching Han.
_MIXED = re.compile(
    f"[aAsC][kh{_HAN_KINDS}]|[kh{_HAN_KINDS}][aAsC]|h[{_HAN_KINDS}]|[{_HAN_KINDS}]h"
)


_LETTERS = re.compile(r"[A-Za-z\xc0-\xff]")
_CJK_CHARS = Lazy(
    f"[{HAN}{KANA}{HANGUL}\u3000-\u303f\u30fb\u30fc\uff01-\uff5e\u2018\u2019\u201c\u201d\u2026\u2014]"
)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_HAS_CJK = Lazy(f"[{HAN}{KANA}{HANGUL}]")


def has_cjk(text: str) -> bool:
    """Does ``text`` hold a Han, kana or hangul character?"""
    return _HAS_CJK().search(text) is not None


def is_cjk_dominant(text: str) -> bool:
    """Is ``text`` CJK where it is not ASCII (two thirds at least), and not mostly Latin?

    >>> is_cjk_dominant("据Reuters报道"), is_cjk_dominant("Müller")
    (True, False)
    >>> is_cjk_dominant("Die Gewerkschaft fordert h念狄here L念狄hne")
    False
    """
    wide = len(_NON_ASCII.findall(text))
    cjk = len(_CJK_CHARS().findall(text))
    return wide > 0 and 3 * cjk >= 2 * wide and 4 * cjk >= len(_LETTERS.findall(text))
