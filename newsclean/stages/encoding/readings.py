"""The readings of a line: what it was before each misreading the wild knows, and their costs.

:data:`CHAINS` lists the misreadings (UTF-8 read as GBK, Big5, Shift-JIS, EUC-KR…; GBK, Big5,
Shift-JIS, EUC-KR and EUC-JP read as cp1252; GBK and Big5 read as each other…), most common
first; two layers are read too where the outer one is UTF-8 read as cp1252 or GBK (mojibake
saved as UTF-8 and misread again). A reading's cost is :func:`~newsclean.stages.encoding.plausibility.cost`
plus what its language makes unlikely: Japanese without kana, Korean without hangul, Big5 or
Shift-JIS without a single low trail byte.

>>> [(r.cost, r.chains[0].name, r.text) for r in readings("鍏ㄩ儴")][:1]
[(0, 'UTF-8 read as GBK', '全部')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from . import frequency
from .charclasses import Lazy, private_use
from .plausibility import cost, has_cjk, spliced
from .roundtrip import SINGLE, WEB_GBK, Chain

#: A reading in a language's own codec that lacks its script costs this much more.
LANGUAGE_COST = 3

#: The misreadings that occur in the wild, most common first (the order breaks exact ties).
CHAINS: tuple[Chain, ...] = tuple(
    Chain(a, m)
    for a, m in (
        ("utf-8", SINGLE),
        ("utf-8", WEB_GBK),
        (WEB_GBK, SINGLE),
        ("cp950", SINGLE),
        ("utf-8", "cp950"),
        ("utf-8", "cp932"),
        ("utf-8", "cp949"),
        ("cp932", SINGLE),
        ("cp949", SINGLE),
        ("euc_jp", SINGLE),
        ("cp950", WEB_GBK),
        (WEB_GBK, "cp950"),
        ("cp932", WEB_GBK),
        (WEB_GBK, "cp932"),
        ("cp949", WEB_GBK),
        (WEB_GBK, "cp949"),
        ("euc_jp", WEB_GBK),
        ("utf-8", "euc_jp"),
        (SINGLE, WEB_GBK),
    )
)
ORDER = {chain: i for i, chain in enumerate(CHAINS)}
_ASCII = re.compile(r"[\x00-\x7f]")
_LOST = "\ufffd"
_SINGLE_CHAINS = tuple(c for c in CHAINS if c.misread == SINGLE)
_WIDE_CHAINS = tuple(c for c in CHAINS if c.misread != SINGLE)
_LATIN1 = re.compile(
    "[\x80-\xff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
_WIDE_CJK = Lazy("[\u2e80-\u9fff\uac00-\ud7af\ue000-\ufaff\ufe30-\ufe4f\uff00-\uffef]")
#: Misreadings that wrap another one in double mojibake (the text was saved as UTF-8 again).
OUTER: tuple[Chain, ...] = CHAINS[:2]
#: Left to ftfy when the result is not CJK.
FTFY_DOMAIN = CHAINS[0]
#: The misreadings that can give back what a U+FFFD stands for: UTF-8 read in a CJK codec.
_LOSSY_CHAINS = tuple(c for c in CHAINS if c.actual == "utf-8" and c.misread != SINGLE)

_KANA_CHARS = "\u3041-\u3096\u30a1-\u30fa"
_HANGUL_CHARS = "\uac00-\ud7a3"
_HAN_CHARS = "\u4e00-\u9fff"
_KANA = re.compile(f"[{_KANA_CHARS}]")
_HANGUL = re.compile(f"[{_HANGUL_CHARS}]")
_HAN = Lazy(f"[{_HAN_CHARS}]")
#: Text in one language's codecs holds that language's script: Japanese is written with kana,
#: Korean with hangul. Han characters with neither (four for Japanese, whose headlines can be
#: all kanji; two for Korean) are Chinese, not Japanese or Korean.
_LANGUAGE = {"cp932": (_KANA, 4), "euc_jp": (_KANA, 4), "cp949": (_HANGUL, 2)}
_CHINESE = (WEB_GBK, "cp950")


#: Big5 and Shift-JIS use trail bytes 40–7E for some two fifths and a fifth of real text;
#: this many double-byte characters without one is not text in them.
_LOW_TRAILS = {"cp950": 8, "cp932": 12}
_WIDE = re.compile(r"[^\x00-\x7f\uff61-\uff9f]")


def _unlike(chain: Chain, text: str) -> int:
    """Extra cost for a reading in a language's own codec that does not look like it: no
    kana in Japanese, no hangul in Korean, kana in Chinese (GBK and Big5 have kana, but a
    byte misread as one is likelier than Chinese that quotes Japanese), or (Big5, Shift-JIS)
    no low trail byte at all."""
    script, enough = _LANGUAGE.get(chain.actual, (None, 0))
    if script is not None and not script.search(text) and len(_HAN().findall(text)) >= enough:
        return LANGUAGE_COST
    if chain.actual in _CHINESE and _KANA.search(text):
        return LANGUAGE_COST
    wide = _LOW_TRAILS.get(chain.actual)
    if wide is None or len(_WIDE.findall(text)) < wide:
        return 0
    try:
        data = text.encode(chain.actual)
    except UnicodeEncodeError:
        return 0
    return 0 if _LOW_TRAIL[chain.actual].match(data) else LANGUAGE_COST


#: Does a double-byte character have a trail byte in 40–7E? (Pairs read in order.)
_LOW_TRAIL = {
    "cp950": re.compile(rb"(?:[\x00-\x7f]|[\x81-\xfe][\x80-\xfe])*[\x81-\xfe][\x40-\x7e]"),
    "cp932": re.compile(
        rb"(?:[\x00-\x7f\xa1-\xdf]|[\x81-\x9f\xe0-\xfc][\x80-\xfc])*[\x81-\x9f\xe0-\xfc][\x40-\x7e]"
    ),
}


def apply(chain: Chain, line: str, lossy: bool, worse: bool = False) -> str | None:
    """Undo ``chain`` unit by unit, where that does not make a unit worse (unless ``worse``:
    the outer layer of double mojibake can read worse than the line until the inner one
    is undone too)."""
    found = _read(chain, line, lossy, worse)
    return found[0] if found is not None else None


def _read(chain: Chain, line: str, lossy: bool, worse: bool = False) -> tuple[str, int] | None:
    """:func:`apply`, and what the text it gives costs."""
    pieces = []
    for start, end in chain.units(line):
        new = _undo_unit(chain, line[start:end], lossy, worse)
        if new is not None:
            pieces.append((start, end, new))
    if not pieces or _rarer(chain, line, pieces):
        return None
    text, cost_ = spliced(line, pieces)
    return text, cost_ + _unlike(chain, text)


def _rarer(chain: Chain, line: str, pieces: list[tuple[int, int, str]]) -> bool:
    """Does undoing one CJK codec read as another turn the characters it changes into ones
    the text's language writes less often than those characters are written as they are?

    Such a misreading swaps characters one for one, so any CJK text reads in it: Korean
    names inside Chinese text "read back" as GBK (``김종국`` -> ``辫辆惫``), and the Chinese
    around them with it (``2004年8月28日`` -> ``2004掖8昱28祉``). Real mojibake of that kind
    is made of characters rare in every language, and comes back as common ones.
    """
    lang = frequency.CODEC_LANGUAGE.get(chain.actual)
    if lang is not None and chain.misread == SINGLE:
        return _garbled(lang, "".join(new for _, _, new in pieces))
    if lang is None or chain.misread not in frequency.CODEC_LANGUAGE:
        return False
    old: list[str] = []
    new: list[str] = []
    where: list[int] = []  # where the changed characters stand in the line
    for start, end, piece in pieces:
        unit = line[start:end]
        if len(unit) == len(piece):
            changed = [
                (k, a, b) for k, (a, b) in enumerate(zip(unit, piece, strict=True)) if a != b
            ]
            old += (a for _, a, _ in changed)
            new += (b for _, _, b in changed)
            where += (start + k for k, _, _ in changed)
        else:
            old.append(unit)
            new.append(piece)
            where += range(start, end)
    before, after = "".join(old), "".join(new)
    if frequency.best_points(after) < frequency.best_points(before):
        return True
    # ...nor may it read worse in the language it gives than what it changes reads in the
    # language of the codec it undoes (a Korean name in Chinese text, 朴明洙, is Chinese,
    # not EUC-KR read as GBK: 팰츠十 reads worse as Korean than 朴明洙 as Chinese).
    misread = frequency.CODEC_LANGUAGE[chain.misread]
    if frequency.points(lang, after) < frequency.points(misread, before):
        return True
    # Mojibake of one codec read as another comes in runs: a whole line, or a run of it inside
    # correct text (Korean's spaced words among them). A reading that changes a few characters
    # standing each alone among many it leaves, each where that alone reads better
    # (``环 肢 行 心 自 行 其`` -> ``遠 … む``), picks characters; it undoes no misreading.
    # (Judged on letters: a private-use glyph or a mark it turns into another is no word.)
    letters = [
        k for k, ch in zip(where, before, strict=True) if ch.isalpha() and not private_use(ch)
    ]
    if 2 * len(letters) < _cjk_count(line) and _scattered(letters):
        return True
    # Japanese read as another codec leaves no kana of its own in view (Shift-JIS kana
    # read as GBK are Han; EUC-JP's read as GBK stay kana): a reading back into Japanese
    # that changes a kana reads the line's correct Japanese as something else
    # (東京の -> 翻ｾｩ､ﾎ while the run after it is undone).
    if lang == "ja" and _KANA.search(before):
        return True
    # ...or takes common characters with it into rare ones (a line partly misread: its
    # correct part reads as garbage, 今年的高考 -> 醒掖钴驮团). Not judged for Japanese:
    # chardet's model of it rates many common kanji low (雑, 昨, 閣 are band 1).
    return lang != "ja" and _demoted(before, after) >= _DEMOTED


#: Common Han characters a reading may turn into rare ones, and still be taken: the bands
#: are coarse, so real mojibake can show one or two.
_DEMOTED = 2
_CJK_CHAR = Lazy(f"[{_KANA_CHARS}{_HAN_CHARS}{_HANGUL_CHARS}]")


def _cjk_count(text: str) -> int:
    return len(_CJK_CHAR().findall(text))


def _scattered(where: list[int]) -> bool:
    """Does each of the positions stand apart from the others (more than a space between)?

    >>> _scattered([0, 12]), _scattered([0, 2, 12]), _scattered([])
    (True, False, False)
    """
    ordered = sorted(where)
    return bool(ordered) and all(b - a > 2 for a, b in pairwise(ordered))


def _demoted(before: str, after: str) -> int:
    """How many Han characters common in some CJK language (band 3 or 4) a reading turns,
    one for one, into Han characters rare in every one (band 0 or 1)."""
    if len(before) != len(after):
        return 0
    old = frequency.best_bands(before)
    new = frequency.best_bands(after)
    return sum(
        a >= "3" and b <= "1" and _HAN().match(x) is not None and _HAN().match(y) is not None
        for a, b, x, y in zip(old, new, before, after, strict=True)
    )


def _garbled(lang: str, text: str) -> bool:
    """Is the CJK a legacy codec read as cp1252 gives back made of characters its language
    rarely writes, one point in two (UTF-8 read as cp1252 taken for GBK: ``å¨´å³°`` ->
    濞村嘲, UTF-8 read as GBK again)?"""
    cjk = "".join(_HAN().findall(text))
    return len(cjk) >= 4 and frequency.best_points(cjk) < -len(cjk)


# 4,096 units: 16,384 held 5 MB per worker for 6% more hits on a crawl of real pages
@lru_cache(maxsize=1 << 12)
def _undo_unit(chain: Chain, unit: str, lossy: bool, worse: bool) -> str | None:
    """What :func:`apply` puts in place of one unit, or ``None`` to leave it. (The same
    units come back often: between the parentheses of leaked pinyin, in boilerplate.)"""
    new = chain.undo(unit)
    if new is None and lossy:
        new = chain.undo_lossy(unit)
    if new is None or new == unit or (not worse and cost(new) > cost(unit)):
        return None
    if chain.misread == SINGLE and chain.actual != "utf-8" and _swallows_ascii(unit, new):
        return None
    return new


def _swallows_ascii(unit: str, new: str) -> bool:
    """Did a double-byte codec take an ASCII letter into a character that is not CJK?

    Western text in GBK or Big5 keeps its ASCII as it is (``Le mus¨¦e``); a stray C1 byte
    before a letter (``l\x81ine``) is no reason to read the two as one character.
    """
    if has_cjk(new):
        return False
    return len(_ASCII.findall(new)) != len(_ASCII.findall(unit))


@dataclass(frozen=True, slots=True)
class Reading:
    """One way to undo the mojibake: the text, the layers undone (outermost first), its cost."""

    text: str
    chains: tuple[Chain, ...]
    cost: int


@lru_cache(maxsize=512)
def readings(line: str, lossy: bool = False) -> tuple[Reading, ...]:
    """Every reading of ``line`` that differs from it, cheapest first. (A document asks
    twice for the lines it settles by its misreading, and boilerplate repeats.)"""
    out = [r for chain in _candidates(line) for r in chain_readings(line, chain, lossy)]
    out.sort(key=lambda r: (r.cost, len(r.chains), [ORDER[c] for c in r.chains]))
    return tuple(out)


def chain_readings(line: str, chain: Chain, lossy: bool = False) -> list[Reading]:
    """The readings of ``line`` that undo ``chain`` first (a candidate for it, or not)."""
    found = _read(chain, line, lossy, worse=chain in OUTER)
    if found is None:
        return []
    first = Reading(found[0], (chain,), found[1])
    if chain in OUTER and first.cost:
        # An outer layer undoes even the units its reading makes worse: the inner layer may
        # need them. Where none does, so that a unit of correct text (曰, whose GBK bytes are
        # UTF-8's Ի) stays as it was beside the run undone, the reading that leaves such units
        # competes too.
        kept = _read(chain, line, lossy)
        alone = [Reading(kept[0], (chain,), kept[1])] if kept and kept[1] < first.cost else []
        return [first, *alone, *_inner(first, lossy)]
    return [first]


def is_candidate(line: str, chain: Chain) -> bool:
    """Can ``chain``'s misreading have made ``line``?"""
    return chain in _candidates(line)


def floor(line: str, lossy: bool = False) -> int:
    """A lower bound on what every reading of ``line`` costs, for as little work as can be.

    A U+FFFD costs 4 and stays in every reading but one that undoes a lossy UTF-8 misreading
    of the run of characters it is in (that run is the same in the inner layer of a reading
    of two, unless the outer one reads single bytes); where one might, all are read.

    >>> floor("今天\ufffd天气很好"), floor("鍏ㄩ儴"), floor("鍥藉姟闄㈡\ufffd荤悊", lossy=True)
    (4, 0, 4)
    """
    lost = line.count(_LOST)
    if not lost:
        return 0
    if lossy and (_loss_undone(line) or _reads_single_bytes(line)):
        return min((r.cost for r in readings(line, lossy)), default=4 * lost)
    return 4 * lost


def _reads_single_bytes(line: str) -> bool:
    """Is there an outer layer read as single bytes (which can change the runs around)?"""
    return FTFY_DOMAIN in _candidates(line) and apply(FTFY_DOMAIN, line, True, True) is not None


def _loss_undone(line: str) -> bool:
    """Does a lossy UTF-8 reading change a run of ``line`` that holds a U+FFFD?"""
    units = (line[start:end] for start, end in _LOSSY_CHAINS[0].units(line))
    runs = [unit for unit in units if _LOST in unit]  # the same for all of them
    return any(
        _undo_unit(chain, run, True, worse)
        for chain in _LOSSY_CHAINS
        for worse in (chain in OUTER,)  # what a worse reading leaves, a better one does too
        for run in runs
    )


def _candidates(line: str) -> tuple[Chain, ...]:
    """The chains whose misreading can have made ``line``: a single-byte reading leaves
    Latin-1 characters, a CJK codec's leaves CJK ones."""
    single = _LATIN1.search(line) is not None
    wide = _WIDE_CJK().search(line) is not None
    if single and wide:
        return CHAINS
    if single:
        return _SINGLE_CHAINS
    return _WIDE_CHAINS if wide else ()


def _inner(outer: Reading, lossy: bool) -> Iterator[Reading]:
    for chain in _candidates(outer.text):
        found = _read(chain, outer.text, lossy)
        if found is not None:
            yield Reading(found[0], (*outer.chains, chain), found[1])
