"""How plausible a piece of text is as something a person wrote: a cost, lower is better.

No corpus: the cost is built from the character levels of the encoding standards
(:mod:`newsclean.stages.encoding.tiers`) and a few facts about how real text is put together. Common characters
cost nothing: ASCII, the first-level hanzi of GB 2312, Big5 and JIS, KS X 1001 hangul, kana, CJK
and general punctuation, Latin-1 letters. Second-level ideographs and less common symbols cost
1, other characters 2, and what no text holds on purpose (private-use characters, C1 controls,
U+FFFD, surrogates) 4. On top of that:

* two Latin-1 characters side by side (``ÖÐÎÄ``) cost 2: real Western text puts an accented
  letter between ASCII ones (and such a letter costs nothing, whatever its block: ``Dvořák``,
  the pinyin ``huì`` and ``chǎng``);
* CJK wedged inside a Latin word (``d茅clar茅``), a symbol touching one (``┨berflutet``),
  or a capital Latin-1 letter after a small one (``erÀ[ffnet``), or an ASCII capital after
  a small accented letter (``ïLa``: 風a read as cp1252), costs 3;
* a line keeps to one script: with kana, every Han character outside JIS X 0208 costs 2 (and
  kana with hangul cost 2 each, the fewer of the two); with hangul, every Han character
  costs 1; otherwise every Han character outside GB 2312 (or outside Big5, whichever fits the
  line better) costs 1, and so does a space between two Han characters (Chinese is not
  spaced, Korean is).

Mojibake is made of the expensive characters and mixes scripts, so the right repair costs far
less than the text it replaces; clean text costs little, so nothing beats leaving it alone.

>>> cost("中文"), cost("國務院"), cost("東京都は今日"), cost("Déjà vu, l’été dernier")
(0, 0, 0, 0)
>>> cost("Dvořák"), cost("大會(huì )開(kāi)幕"), cost("ā"), cost("ÖÐÎÄ")
(0, 0, 1, 6)
>>> cost("鍏ㄩ儴"), cost("d茅clar茅")
(4, 3)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from .charclasses import FREE, HAN, HANGUL, KANA, LATIN1_LIKE, LATIN_LETTERS, Lazy, cls, tables
from .tiers import tiers

# Patterns over the ``kind`` translation (see _Tables).
_HAN_KINDS = "0-7"
# Each pattern starts with one character class, which the regex engine scans for at C speed.
_LATIN_PAIRS = (re.compile("[pCs](?=[pCsqQ])"), re.compile("[qQ](?=[pCs])"))
_SANDWICHES = (
    re.compile(f"[aA][zykh{_HAN_KINDS}](?=[aA])"),  # CJK inside a Latin word
    re.compile("[as][CEQ]|s(?=A)"),  # a capital after a small letter (ASCII after accented)
    re.compile("[aA]y|y(?=[aA])"),  # a symbol touching a letter
)
_HAN_KIND = re.compile(f"[{_HAN_KINDS}]")
_NOT_JIS = re.compile("[0246]")
_SPACED_HAN = re.compile(f"(?<=[{_HAN_KINDS}]) (?=[{_HAN_KINDS}])")
_IN_WORD = re.compile("[lE](?:(?<=[aA].)|(?=[aA]))")  # Latin Extended inside a Latin word
_NEVER_BEYOND = re.compile("[\U000f0000-\U0010ffff]")
_LATIN1_LIKE = re.compile(f"[{LATIN1_LIKE}]")


def _count(pattern: re.Pattern[str], text: str) -> int:
    return len(pattern.findall(text))


class _Profile(NamedTuple):
    """What :func:`cost`, :func:`thin` and :func:`suspicious` need to know about a text."""

    base: int  # the characters' own costs
    rare_han: int  # second-level ideographs among them (cost 1 each, weak evidence)
    strong: int  # the penalties for how characters are put together
    script: int  # the penalty for mixing scripts (weak when only GB 2312 against Big5)
    han: int
    stray: int = 0  # the part of ``strong`` for CJK characters strayed into Western text
    simplified: int = 0  # Han only GB 2312 has, less Han only Big5 has


def _profile(text: str) -> _Profile:
    """The profile of ``text``, kept for the short texts that come back (lines, units)."""
    return _cached(text) if len(text) <= _CACHED else _compute(text)


_CACHED = 2048  # characters: not whole pages (decoding scores 64 KB of each candidate)


@lru_cache(maxsize=4096)
def _cached(text: str) -> _Profile:
    return _compute(text)


def _compute(text: str) -> _Profile:
    t = tables()
    return _measured(text, text.translate(t.cost), text.translate(t.kind))


def spliced(line: str, pieces: Iterable[tuple[int, int, str]]) -> tuple[str, int]:
    """``line`` with each ``(start, end, new)`` piece put in place of its span, and what the
    result costs: :func:`cost` of it, for the price of reading only the new pieces (a line
    read in twenty ways differs from it only in a few runs of characters).

    >>> spliced("Bev枚lkerung 鍏ㄩ儴", [(3, 4, "ö"), (12, 16, "全部")])
    ('Bevölkerung 全部', 0)
    """
    t = tables()
    digits, kinds = _translation(line)
    text: list[str] = []
    new_digits: list[str] = []
    new_kinds: list[str] = []
    last = 0
    for start, end, new in pieces:
        text += (line[last:start], new)
        new_digits += (digits[last:start], new.translate(t.cost))
        new_kinds += (kinds[last:start], new.translate(t.kind))
        last = end
    text.append(line[last:])
    new_digits.append(digits[last:])
    new_kinds.append(kinds[last:])
    result = "".join(text)
    p = _measured(result, "".join(new_digits), "".join(new_kinds))
    return result, p.base + p.strong + p.script


@lru_cache(maxsize=256)
def _translation(line: str) -> tuple[str, str]:
    t = tables()
    return line.translate(t.cost), line.translate(t.kind)


def _measured(text: str, digits: str, kinds: str) -> _Profile:
    """The profile of ``text`` from its two translations (see :class:`Tables`)."""
    ones, rare_han = digits.count("1"), digits.count("w")
    twos, fours = digits.count("2"), digits.count("4")
    beyond = len(text) - digits.count("0") - ones - rare_han - twos - fours  # beyond the BMP
    base = ones + rare_han + 2 * (twos + beyond) + 4 * fours
    if beyond:
        base += 2 * _count(_NEVER_BEYOND, text)
    if "l" in kinds or "E" in kinds:
        base -= _count(_IN_WORD, kinds)
    strong = 0
    if any(k in kinds for k in "pCsqQ"):
        strong += 2 * sum(_count(pattern, kinds) for pattern in _LATIN_PAIRS)
    letters = sum(kinds.count(k) for k in "aAsC")
    if letters and any(k in kinds for k in "zykhCEQs01234567"):
        strong += 3 * sum(_count(pattern, kinds) for pattern in _SANDWICHES)
    per = [kinds.count(d) for d in "01234567"]  # Han by (GB 2312, Big5, JIS) membership
    han, kana, hangul = sum(per), kinds.count("k"), kinds.count("h")
    cjk = han + kana + hangul
    stray = 0
    if letters >= 12 and 4 * cjk < letters:  # a stray CJK character in Western text
        stray = 3 * cjk
        strong += stray
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
    simplified = per[4] + per[5] - per[2] - per[3]
    return _Profile(base, rare_han, strong, script, han, stray, simplified)


def cost(text: str) -> int:
    """The implausibility of ``text``: 0 for ordinary prose, high for mojibake."""
    p = _profile(text)
    return p.base + p.strong + p.script


def own_cost(text: str) -> int:
    """The part of :func:`cost` that is the characters' own costs, whatever surrounds them:
    what a run of text adds to any line it is put in.

    >>> own_cost("鍏ㄩ儴"), own_cost("全部"), own_cost("Ϊ")
    (4, 0, 1)
    """
    return _profile(text).base


def stray_cost(text: str) -> int:
    """The part of :func:`cost` that says "CJK characters strayed into Western text".

    It is evidence for a reading that takes them out (``h枚here`` → ``höhere``), never for one
    that keeps CJK among the letters: that reading is no less Western text with CJK in it.

    >>> stray_cost("Die Gewerkschaft fordert h枚here L枚hne"), stray_cost("全部新闻")
    (6, 0)
    """
    return _profile(text).stray


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


def simplified(text: str) -> bool:
    """Does ``text`` hold more Han characters only GB 2312 has than ones only Big5 has?

    >>> simplified("已经湛善坋二万亩"), simplified("爲了保障羣衆出行安全，交警部門加大了")
    (True, False)
    """
    return _profile(text).simplified > 0


def suspicious(text: str) -> bool:
    """Can :func:`cost` be more than 0? Cheaper than computing it, for ordinary text.

    >>> suspicious("国务院今天召开会议。"), suspicious("鍏ㄩ儴"), suspicious("Bev枚lkerung")
    (False, True, True)
    """
    if _not_free().search(text):
        return True
    # What is left to find pairs Latin-1 characters, or puts CJK beside something.
    if not _LATIN1_LIKE.search(text) and not has_cjk(text):
        return False
    kinds = text.translate(tables().kind)
    return (
        any(pattern.search(kinds) for pattern in _LATIN_PAIRS)
        or _SPACED_HAN.search(kinds) is not None
        or _MIXED.search(kinds) is not None
        or ("k" in kinds and _NOT_JIS.search(kinds) is not None)
    )


# An accented Latin letter beside an ASCII one: part of a Latin word (café, Dvořák, the pinyin
# huì or chǎng), whatever else the line holds.
_IN_LATIN_WORD = re.compile(f"[{LATIN_LETTERS}](?:(?<=[A-Za-z].)|(?=[A-Za-z]))")


def worth_a_reading(text: str) -> bool:
    """Could a misreading explain ``text``? :func:`suspicious`, once accented letters inside
    Latin words are taken as the letters they are: a line of Chinese with leaked pinyin
    (``會(huì )議``) or a name like Dvořák needs no round trip through nineteen codecs, while
    mojibake keeps its telltale pairs (``ÖÐÎÄ``) and misplaced characters (``Bev枚lkerung``).

    >>> worth_a_reading("大會(huì )開(kāi)幕"), worth_a_reading("ÖÐÎÄ"), worth_a_reading("Bev枚lkerung")
    (False, True, True)
    """
    if _IN_LATIN_WORD.search(text):
        text = _IN_LATIN_WORD.sub("a", text)
    return suspicious(text)


@lru_cache(maxsize=1)
def _not_free() -> re.Pattern[str]:
    t = tiers()
    common = t.gb2312_1 + t.big5_common + t.jis_1 + t.ks_hangul
    return re.compile(f"[^{FREE}{cls(common)}]")


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
