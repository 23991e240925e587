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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .plausibility import cost, has_cjk, is_cjk_dominant
from .roundtrip import SINGLE, WEB_GBK, Chain

#: What a repair must gain: at least this much cost, and at least half of it.
MIN_GAIN = 3
MAX_RATIO = 0.5
#: How much cheaper than any other reading the chosen one must be.
MIN_LEAD = 2
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
#: Misreadings that wrap another one in double mojibake (the text was saved as UTF-8 again).
OUTER: tuple[Chain, ...] = CHAINS[:2]
#: Left to ftfy when the result is not CJK.
_FTFY_DOMAIN = CHAINS[0]

_KANA = re.compile("[\u3041-\u3096\u30a1-\u30fa]")
_HANGUL = re.compile("[\uac00-\ud7a3]")
_HAN = re.compile("[\u4e00-\u9fff]")
#: Text in one language's codecs holds that language's script: Japanese is written with kana,
#: Korean with hangul. Han characters with neither (four for Japanese, whose headlines can be
#: all kanji; two for Korean) are Chinese, not Japanese or Korean.
_LANGUAGE = {"cp932": (_KANA, 4), "euc_jp": (_KANA, 4), "cp949": (_HANGUL, 2)}


def _unlike(chain: Chain, text: str) -> int:
    """Extra cost for a reading in a language's own codec that does not look like it."""
    script, enough = _LANGUAGE.get(chain.actual, (None, 0))
    if script is None or script.search(text) or len(_HAN.findall(text)) < enough:
        return 0
    return LANGUAGE_COST


def _apply(chain: Chain, line: str, lossy: bool) -> str | None:
    """Undo ``chain`` unit by unit, where that does not make a unit worse."""
    pieces: list[str] = []
    last = 0
    for start, end in chain.units(line):
        unit = line[start:end]
        new = chain.undo(unit)
        if new is None and lossy:
            new = chain.undo_lossy(unit)
        if new is None or new == unit or cost(new) > cost(unit):
            continue
        pieces += (line[last:start], new)
        last = end
    if not pieces:
        return None
    pieces.append(line[last:])
    return "".join(pieces)


@dataclass(frozen=True, slots=True)
class Reading:
    """One way to undo the mojibake: the text, the layers undone (outermost first), its cost."""

    text: str
    chains: tuple[Chain, ...]
    cost: int


def readings(line: str, lossy: bool = False) -> list[Reading]:
    """Every reading of ``line`` that differs from it, cheapest first."""
    out: list[Reading] = []
    for chain in CHAINS:
        text = _apply(chain, line, lossy)
        if text is None:
            continue
        first = Reading(text, (chain,), cost(text) + _unlike(chain, text))
        out.append(first)
        if chain in OUTER and first.cost:
            out += _inner(first, lossy)
    out.sort(key=lambda r: (r.cost, len(r.chains), [_ORDER[c] for c in r.chains]))
    return out


def _inner(outer: Reading, lossy: bool) -> Iterator[Reading]:
    for chain in CHAINS:
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
    """The one clearly best reading of ``line``, if there is one."""
    before = cost(line)
    if before < MIN_GAIN:
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
    if _acceptable(before, best):
        return _Choice(best, False)
    return _Choice(None, False, _suspicion(before, best))


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
    return Repair(text, tuple(chains), before, after, lossy and "\ufffd" in line), first


@dataclass(frozen=True, slots=True)
class Outcome:
    """What :func:`fix_lines` found: repairs by line index, and lines that look like mojibake
    but could not be repaired with confidence (by index, with the best reading found)."""

    repairs: dict[int, Repair]
    suspects: dict[int, Reading]


def fix_lines(lines: Iterable[tuple[int, str]], lossy: bool = False) -> Outcome:
    """Repair a document's suspect lines (index, text), settling close calls by the document.

    A short line can read almost as well in two ways; the misreading the rest of the document
    shows is then the one to undo.
    """
    done: dict[int, Repair] = {}
    suspects: dict[int, Reading] = {}
    undecided: list[tuple[int, str]] = []
    votes: dict[Chain, int] = {}
    for i, line in lines:
        repair, choice = _fix(line, (), lossy)
        if repair is not None:
            done[i] = repair
            votes[repair.chains[0]] = votes.get(repair.chains[0], 0) + 1
        elif choice.close:
            undecided.append((i, line))
        if repair is None and choice.better is not None:
            suspects[i] = choice.better
    if votes and undecided:
        prefer = tuple(sorted(votes, key=lambda c: (-votes[c], _ORDER[c])))
        for i, line in undecided:
            repair, _ = _fix(line, prefer, lossy)
            if repair is not None:
                done[i] = repair
                suspects.pop(i, None)
    return Outcome(done, suspects)
