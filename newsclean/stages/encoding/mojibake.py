"""Reverse CJK mojibake: text whose bytes were decoded with the wrong codec.

Mojibake is ``text.encode(actual).decode(misread)``; if that decoding lost nothing, the repair
is the strict round trip back (:mod:`newsclean.stages.encoding.roundtrip`). Every misreading the wild knows is
tried, in one layer or two (:mod:`newsclean.stages.encoding.readings`: ``é”Ÿæ–¤æ‹·`` is UTF-8 read as GBK,
saved as UTF-8 and read as cp1252). Each reading is judged by its cost; one is taken only when it is
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
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from . import frequency
from .charclasses import HAN, HANGUL, KANA, Lazy, private_use
from .plausibility import cost, has_cjk, is_cjk_dominant, stray_cost, thin
from .readings import (
    FTFY_DOMAIN,
    ORDER,
    Reading,
    apply,
    chain_readings,
    floor,
    is_candidate,
    readings,
)
from .roundtrip import SINGLE, Chain

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


def _acceptable(line: str, before: int, reading: Reading) -> bool:
    if has_cjk(reading.text):
        before -= stray_cost(line)  # CJK kept among letters: the stray ones are no evidence
    if before - reading.cost < MIN_GAIN or reading.cost > MAX_RATIO * before:
        return False
    if has_cjk(reading.text):
        return is_cjk_dominant(reading.text)
    return any(chain != FTFY_DOMAIN for chain in reading.chains)


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
    if floor(line, lossy) > before - MIN_GAIN:  # no reading can gain enough to be taken…
        if not prefer or not is_candidate(line, prefer[0]):
            return _Choice(None, False)  # …nor to be suspected
        if all(r.cost >= before for r in chain_readings(line, prefer[0], lossy)):
            return _Choice(None, False)  # …nor is the document's own better than the line
    found = [r for r in readings(line, lossy) if not _western_left_cjk(r)]
    if not found:
        return _Choice(None, False)
    best = _simplest(found)
    if _needs_cjk_evidence(line, best, prefer):
        return _Choice(None, True)  # settled by the document's misreading, if it has one
    if not (prefer and best.chains[0] == prefer[0]) and _han_standing_alone(line, best):
        return _Choice(None, False)
    close = [r for r in found if r.cost - best.cost < MIN_LEAD]
    if any(r.text != best.text for r in close):
        preferred = [r for c in prefer for r in close if r.chains[0] == c]
        # Readings that differ only in an inner layer agree on the outer one: undo that.
        outer = {r.chains[0] for r in close}
        common = [r for r in found if len(outer) == 1 and r.chains == (*outer,)]
        if not preferred and not common:
            return _Choice(None, True, _suspicion(line, before, best))
        best = (preferred or common)[0]
    if _acceptable(line, before, best) or (prefer and _in_line(before, best, prefer[0], found)):
        return _Choice(best, False)
    return _Choice(None, False, _suspicion(line, before, best))


def _western_left_cjk(reading: Reading) -> bool:
    """Does ``reading`` say the text was written in cp1252 (its innermost misreading's
    actual encoding) and still hold CJK? cp1252 decodes to no Han, kana or hangul: a line
    of spaced Traditional Chinese (``家 裡 的 電 話``, whose spacing costs something) read
    as cp1252 text read as GBK keeps some of its Han and makes letters of the rest
    (``家 Ñe 的 電 Ô’``), and that is no repair."""
    return reading.chains[-1].actual == SINGLE and has_cjk(reading.text)


def _simplest(found: Sequence[Reading]) -> Reading:
    """The cheapest of ``found`` (cheapest first), unless it undoes one layer more than a
    reading that is CJK text already and turns some of that text's CJK into other letters:
    ``å®š ç¾©`` is 定 義, UTF-8 read as cp1252 (spaced Han cost some); reading cp1252 as GBK
    inside that too makes 定 Áx, cheaper only for the Latin letters it makes of 義. (Real
    double mojibake reads as no CJK text at one layer: ``ÃÃÃÃ``.)"""
    best = found[0]
    ours = len(_CJK_CHARS().findall(best.text))
    for reading in found[1:]:
        layers = len(reading.chains)
        if (
            layers < len(best.chains)
            and best.chains[:layers] == reading.chains
            and len(_CJK_CHARS().findall(reading.text)) > ours
            and is_cjk_dominant(reading.text)
        ):
            return reading
    return best


def _needs_cjk_evidence(line: str, best: Reading, prefer: tuple[Chain, ...]) -> bool:
    """Is ``best`` a CJK reading of a line without CJK that has no evidence for it?

    A line that reads as CJK must show it: the document misread that way (``prefer``), or
    two CJK characters at least (``( o¬ô )`` is an emoticon, not ``( o紂 )``) and no
    reading ftfy, the reference for Western mojibake, finds instead (Greek UTF-8 read as
    cp1252 reads as GBK too: ``Î•Î»Î»Î·Î½Î¹ÎºÎ¬`` is ``Ελληνικά``, not ``螘位位畏谓喂魏维``).
    """
    if has_cjk(line) or not has_cjk(best.text) or (prefer and best.chains[0] == prefer[0]):
        return False
    if len(_CJK_CHARS().findall(best.text)) < 2:
        return True
    # A double-byte codec read in a code page makes many different characters of its upper
    # half; Western text with one of them over and over (soft hyphens between the letters
    # of a web address, ``w\xad\xad\xadw``) reads as CJK only by chance (苟限負限虻限).
    if len({ch for ch in line if ch > "\x7f"}) < 2:
        return True
    # Imported here: the stage's package imports this module.
    from .western import western_reading

    return western_reading(line) is not None


_CJK_CHARS = Lazy(f"[{HAN}{KANA}{HANGUL}]")
#: A Han character beside a Latin letter, and one with none on either side of it.
_HAN_IN_WORD = Lazy(f"[A-Za-z\u00c0-\u024f][{HAN}]|[{HAN}][A-Za-z\u00c0-\u024f]")
_HAN_ALONE = Lazy(f"(?<![A-Za-z\u00c0-\u024f])[{HAN}](?![A-Za-z\u00c0-\u024f])")


def _han_standing_alone(line: str, best: Reading) -> bool:
    """Does ``best``, a reading of ``line`` into another script, take away a common Han
    character that stands with no Latin letter beside it? Western text read in a CJK codec
    puts Han inside its words (``Bev枚lkerung``, ``caf茅``: then its quotation marks may stand
    alone, ``竄 Nous … 罈``), and a code page read as one makes rare Han of its accented
    letters; in a line with no Han inside a Latin word, a common character standing on its
    own is the text's (``[僰 女]`` is no ``[ƒk Ů]``).

    >>> from .readings import readings
    >>> line = "[僰 女](forumbbsui.jsp?id=scbonv1)】08"
    >>> _han_standing_alone(line, readings(line)[0]), _han_standing_alone("Bev枚lkerung", readings("Bev枚lkerung")[0])
    (True, False)
    """
    if is_cjk_dominant(best.text) or _HAN_IN_WORD().search(line):
        return False  # (Han inside a Latin word: the line shows Western text read as CJK)
    gone = Counter(_HAN_ALONE().findall(line)) - Counter(_HAN_ALONE().findall(best.text))
    return bool(gone) and max(frequency.best_bands("".join(gone))) >= "3"


def _in_line(before: int, best: Reading, chain: Chain, found: Sequence[Reading]) -> bool:
    """Is ``best`` the document's own misreading, better than the line and than any other?"""
    if best.chains[0] != chain or best.cost >= before or not is_cjk_dominant(best.text):
        return False
    return all(r.cost > best.cost for r in found if r.text != best.text)


def _suspicion(line: str, before: int, best: Reading) -> Reading | None:
    """``best`` if it gains enough to be taken, but was not (a close call, or not half)."""
    if not has_cjk(best.text):
        return None
    before -= stray_cost(line)
    if before - best.cost >= MIN_GAIN and is_cjk_dominant(best.text):
        return best
    return None


def replay(repair: Repair, line: str) -> str | None:
    """Undo ``repair``'s layers on another ``line`` (a variant of the one it was found on)."""
    text: str | None = line
    for chain in repair.chains:
        text = apply(chain, text, repair.lossy) if text is not None else None
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
    if not chains or _private_only(line, text):
        return None, first
    return Repair(text, tuple(chains), before, after, lossy and "\ufffd" in line, line), first


def _private_only(line: str, text: str) -> bool:
    """Does the reading change private-use characters and, besides them, no letter (only
    marks such as ``……``)? A site's private-use glyphs (an icon font, a GBK page's
    user-defined characters) are not mojibake: they are no evidence for a misreading when every
    word of the line reads the same either way (``投身外交(3)\ue004`` is not Big5 read as GBK).

    >>> _private_only("投身外交(3)\ue004", "投身外交(3)炙"), _private_only("ÃƒÂ©", "é")
    (True, False)
    >>> _private_only("说……\ue004", "说＃＃炙"), _private_only("瑁瑁\ue004", "說說炙")
    (True, False)

    A private-use character can read as two (GB18030's A3 7C as cp1252: ``£|``): where the
    lengths differ, the reading may change nothing but the private-use runs.

    >>> _private_only("[ 黄宇 ]\ue5c2 来源", "[ 黄宇 ]£| 来源"), _private_only("丕\ue5c2", "中文|")
    (True, False)
    """
    if len(line) != len(text):
        return _only_runs_differ(line, text)
    changed = [a for a, b in zip(line, text, strict=True) if a != b]
    return any(map(private_use, changed)) and not any(
        a.isalpha() for a in changed if not private_use(a)
    )


_PRIVATE_RUN = re.compile("[\ue000-\uf8ff]+")


def _only_runs_differ(line: str, text: str) -> bool:
    """Is ``text`` ``line`` with something else in place of each of its private-use runs
    (and of at least one), the rest as it was, in order?"""
    kept = _PRIVATE_RUN.split(line)
    if len(kept) == 1 or not (text.startswith(kept[0]) and text.endswith(kept[-1])):
        return False
    at, end = len(kept[0]), len(text) - len(kept[-1])
    for piece in kept[1:-1]:
        at = text.find(piece, at, end)
        if at < 0:
            return False
        at += len(piece)
    return at <= end


# 1,024 entries: its hits are a document's own lines asked again (4,096 held 3.8 MB of lines
# per worker for 5% more hits on a crawl; see the memory figures of bench/crawl.py)
@lru_cache(maxsize=1024)
def _fix_any(
    variants: tuple[str, ...], prefer: tuple[Chain, ...], lossy: bool
) -> tuple[Repair | None, _Choice]:
    """:func:`_fix` on the first variant of a line that can be repaired; if none can, the
    last variant's verdict (the line as later stages leave it, which a second pass sees).

    Where the last variant is the first without the spaces at its ends (a page dump indents
    most of its lines; the whitespace stage takes that away), it is read first: spaces at a
    line's ends cost nothing and every reading keeps them, so where the bare line has no
    repair the padded one has none either, and its verdict is the bare line's."""
    choice = _Choice(None, False)
    ordered = tuple(dict.fromkeys(variants))
    if len(ordered) == 2 and ordered[0].strip(" ") == ordered[1]:
        repair, choice = _fix(ordered[1], prefer, lossy)
        if repair is None:
            return None, choice
    for variant in ordered:
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


Lines = Iterable[tuple[int, tuple[str, ...]]]


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
    undecided: list[tuple[int, tuple[str, ...]]] = []
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
        prefer = tuple(sorted(votes, key=lambda c: (-votes[c], ORDER[c])))
        for i, variants in undecided:
            repair, _ = _fix_any(variants, prefer, lossy)
            if repair is not None:
                done[i] = repair
                suspects.pop(i, None)
    return Outcome(done, suspects)
