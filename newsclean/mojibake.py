"""Reverse CJK mojibake: text whose bytes were decoded with the wrong codec.

Mojibake is ``text.encode(actual).decode(misread)``; if that decoding lost nothing, the repair
is the strict round trip back (:mod:`newsclean.roundtrip`). Every chain in :data:`CHAINS`
(UTF-8 read as GBK, Big5, Shift-JIS, EUC-KR…; GBK, Big5, Shift-JIS, EUC-KR and EUC-JP read as
cp1252; GBK and Big5 read as each other…) is tried, and so are two layers where the outer one
is UTF-8 read as cp1252 or GBK (mojibake saved as UTF-8 and misread again: ``é”Ÿæ–¤æ‹·``).
Each reading is judged by :func:`~newsclean.plausibility.cost`; one is taken only when it is
clearly better than the line as it is *and* than every other reading, and a reading with CJK
in it must be CJK where the line was not ASCII. A document settles its close calls by the
misreading its other lines show (:func:`fix_lines`).

UTF-8 read as cp1252 with a Latin result is left to ftfy, the reference for Western mojibake.

>>> fix("鍏ㄩ儴").text, fix("ÖÐÎÄÐÂÎÅ").text, fix("é”Ÿæ–¤æ‹·").text
('全部', '中文新闻', '锟斤拷')
>>> fix("中文") is None
True
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from .plausibility import Lazy, cost, has_cjk, is_cjk_dominant, thin
from .roundtrip import SINGLE, WEB_GBK, Chain

#: What a repair must gain: at least this much cost, and at least half of it.
MIN_GAIN = 3
MAX_RATIO = 0.5
#: How much cheaper than any other reading the chosen one must be.
MIN_LEAD = 2
#: Lines a document must have repaired before its misreading settles its other lines.
MIN_VOTES = 2
#: ...and the lines one misreading must have repaired before its other lines are all tried.
SWEEP_VOTES = 3
#: Mojibake rarely nests deeper than this.
MAX_LAYERS = 3
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
_ORDER = {chain: i for i, chain in enumerate(CHAINS)}
_ASCII = re.compile(r"[\x00-\x7f]")
_SINGLE_CHAINS = tuple(c for c in CHAINS if c.misread == SINGLE)
_WIDE_CHAINS = tuple(c for c in CHAINS if c.misread != SINGLE)
_LATIN1 = re.compile(
    "[\x80-\xff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
_WIDE_CJK = Lazy("[\u2e80-\u9fff\uac00-\ud7af\ue000-\ufaff\ufe30-\ufe4f\uff00-\uffef]")
#: Misreadings that wrap another one in double mojibake (the text was saved as UTF-8 again).
OUTER: tuple[Chain, ...] = CHAINS[:2]
#: Left to ftfy when the result is not CJK.
_FTFY_DOMAIN = CHAINS[0]

_KANA = re.compile("[\u3041-\u3096\u30a1-\u30fa]")
_HANGUL = re.compile("[\uac00-\ud7a3]")
_HAN = Lazy("[\u4e00-\u9fff]")
#: Text in one language's codecs holds that language's script: Japanese is written with kana,
#: Korean with hangul. Han characters with neither (four for Japanese, whose headlines can be
#: all kanji; two for Korean) are Chinese, not Japanese or Korean.
_LANGUAGE = {"cp932": (_KANA, 4), "euc_jp": (_KANA, 4), "cp949": (_HANGUL, 2)}


#: Big5 and Shift-JIS use trail bytes 40–7E for some two fifths and a fifth of real text;
#: this many double-byte characters without one is not text in them.
_LOW_TRAILS = {"cp950": 8, "cp932": 12}
_WIDE = re.compile(r"[^\x00-\x7f\uff61-\uff9f]")


def _unlike(chain: Chain, text: str) -> int:
    """Extra cost for a reading in a language's own codec that does not look like it: no
    kana in Japanese, no hangul in Korean, or (Big5, Shift-JIS) no low trail byte at all."""
    script, enough = _LANGUAGE.get(chain.actual, (None, 0))
    if script is not None and not script.search(text) and len(_HAN().findall(text)) >= enough:
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


def _apply(chain: Chain, line: str, lossy: bool, worse: bool = False) -> str | None:
    """Undo ``chain`` unit by unit, where that does not make a unit worse (unless ``worse``:
    the outer layer of double mojibake can read worse than the line until the inner one
    is undone too)."""
    pieces: list[str] = []
    last = 0
    for start, end in chain.units(line):
        unit = line[start:end]
        new = chain.undo(unit)
        if new is None and lossy:
            new = chain.undo_lossy(unit)
        if new is None or new == unit or (not worse and cost(new) > cost(unit)):
            continue
        if chain.misread == SINGLE and chain.actual != "utf-8" and _swallows_ascii(unit, new):
            continue
        pieces += (line[last:start], new)
        last = end
    if not pieces:
        return None
    pieces.append(line[last:])
    return "".join(pieces)


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


def readings(line: str, lossy: bool = False) -> list[Reading]:
    """Every reading of ``line`` that differs from it, cheapest first."""
    out: list[Reading] = []
    for chain in _candidates(line):
        text = _apply(chain, line, lossy, worse=chain in OUTER)
        if text is None:
            continue
        first = Reading(text, (chain,), cost(text) + _unlike(chain, text))
        out.append(first)
        if chain in OUTER and first.cost:
            out += _inner(first, lossy)
    out.sort(key=lambda r: (r.cost, len(r.chains), [_ORDER[c] for c in r.chains]))
    return out


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
        text = _apply(chain, outer.text, lossy)
        if text is not None:
            yield Reading(text, (*outer.chains, chain), cost(text) + _unlike(chain, text))


@dataclass(frozen=True, slots=True)
class Repair:
    """A line put back together: the text, the layers undone (outermost first), the costs."""

    text: str
    chains: tuple[Chain, ...]
    before: int
    after: int
    lossy: bool = False
    source: str = ""  # the variant of the line the repair was found on

    @property
    def detail(self) -> str:
        """What was undone, for reports: ``"UTF-8 read as GBK"``."""
        return "; ".join(chain.name for chain in self.chains)


def _acceptable(before: int, reading: Reading) -> bool:
    if before - reading.cost < MIN_GAIN or reading.cost > MAX_RATIO * before:
        return False
    if has_cjk(reading.text):
        return is_cjk_dominant(reading.text)
    return any(chain != _FTFY_DOMAIN for chain in reading.chains)


@dataclass(frozen=True, slots=True)
class _Choice:
    reading: Reading | None
    close: bool  # two readings were too near to call
    better: Reading | None = None  # a CJK reading better than the line, not good enough


def _choose(line: str, prefer: tuple[Chain, ...], lossy: bool) -> _Choice:
    """The one clearly best reading of ``line``, if there is one.

    ``prefer`` holds the misreadings the rest of the document shows, most frequent first;
    a reading in the first of them needs no more than to be better than the line.
    """
    before = cost(line)
    if before < (1 if prefer else MIN_GAIN) or thin(line):
        return _Choice(None, False)
    found = readings(line, lossy)
    if not found:
        return _Choice(None, False)
    best = found[0]
    close = [r for r in found if r.cost - best.cost < MIN_LEAD]
    if any(r.text != best.text for r in close):
        preferred = [r for c in prefer for r in close if r.chains[0] == c]
        # Readings that differ only in an inner layer agree on the outer one: undo that.
        outer = {r.chains[0] for r in close}
        common = [r for r in found if len(outer) == 1 and r.chains == (*outer,)]
        if not preferred and not common:
            return _Choice(None, True, _suspicion(before, best))
        best = (preferred or common)[0]
    if _acceptable(before, best) or (prefer and _in_line(before, best, prefer[0], found)):
        return _Choice(best, False)
    return _Choice(None, False, _suspicion(before, best))


def _in_line(before: int, best: Reading, chain: Chain, found: list[Reading]) -> bool:
    """Is ``best`` the document's own misreading, better than the line and than any other?"""
    if best.chains[0] != chain or best.cost >= before or not is_cjk_dominant(best.text):
        return False
    return all(r.cost > best.cost for r in found if r.text != best.text)


def _suspicion(before: int, best: Reading) -> Reading | None:
    """``best`` if it gains enough to be taken, but was not (a close call, or not half)."""
    if before - best.cost >= MIN_GAIN and has_cjk(best.text) and is_cjk_dominant(best.text):
        return best
    return None


def replay(repair: Repair, line: str) -> str | None:
    """Undo ``repair``'s layers on another ``line`` (a variant of the one it was found on)."""
    text: str | None = line
    for chain in repair.chains:
        text = _apply(chain, text, repair.lossy) if text is not None else None
    return text


def fix(line: str, prefer: Iterable[Chain] = (), lossy: bool = False) -> Repair | None:
    """Undo every layer of mojibake in ``line`` that can be undone with confidence."""
    return _fix(line, tuple(prefer), lossy)[0]


def _fix(line: str, prefer: tuple[Chain, ...], lossy: bool) -> tuple[Repair | None, _Choice]:
    chains: list[Chain] = []
    text, before = line, cost(line)
    after = before
    first = choice = _choose(text, prefer, lossy)
    for _ in range(MAX_LAYERS):
        if choice.reading is None:
            break
        text, after = choice.reading.text, choice.reading.cost
        chains += choice.reading.chains
        choice = _choose(text, prefer, lossy)
    if not chains:
        return None, first
    return Repair(text, tuple(chains), before, after, lossy and "\ufffd" in line, line), first


def _fix_any(
    variants: Sequence[str], prefer: tuple[Chain, ...], lossy: bool
) -> tuple[Repair | None, _Choice]:
    """:func:`_fix` on the first variant of a line that can be repaired; if none can, the
    last variant's verdict (the line as later stages leave it, which a second pass sees)."""
    choice = _Choice(None, False)
    for variant in dict.fromkeys(variants):
        repair, choice = _fix(variant, prefer, lossy)
        if repair is not None:
            return repair, choice
    return None, choice


@dataclass(frozen=True, slots=True)
class Outcome:
    """What :func:`fix_lines` found: repairs by line index, and lines that look like mojibake
    but could not be repaired with confidence (by index, with the best reading found)."""

    repairs: dict[int, Repair]
    suspects: dict[int, Reading]


Lines = Iterable[tuple[int, Sequence[str]]]


def fix_lines(
    lines: Lines, lossy: bool = False, rest: Callable[[], Lines] | None = None
) -> Outcome:
    """Repair a document's suspect lines, settling close calls by the document.

    ``lines`` gives each line's index and the variants of it to try in turn (the line as it
    is, and as later stages will leave it). A short line can read almost as well in two
    ways; the misreading the rest of the document shows is then the one to undo — there,
    and in the lines ``rest`` gives, which no cheap check flagged (mojibake made of common
    characters only) but which a document misread throughout will have.
    """
    done: dict[int, Repair] = {}
    suspects: dict[int, Reading] = {}
    undecided: list[tuple[int, Sequence[str]]] = []
    votes: dict[Chain, int] = {}
    for i, variants in lines:
        repair, choice = _fix_any(variants, (), lossy)
        if repair is not None:
            done[i] = repair
            votes[repair.chains[0]] = votes.get(repair.chains[0], 0) + 1
            continue
        if choice.close or choice.better is None:
            undecided.append((i, variants))
        if choice.better is not None:
            suspects[i] = choice.better
    if max(votes.values(), default=0) >= SWEEP_VOTES and rest is not None:
        undecided += rest()
    if sum(votes.values()) >= MIN_VOTES and undecided:
        prefer = tuple(sorted(votes, key=lambda c: (-votes[c], _ORDER[c])))
        for i, variants in undecided:
            repair, _ = _fix_any(variants, prefer, lossy)
            if repair is not None:
                done[i] = repair
                suspects.pop(i, None)
    return Outcome(done, suspects)
