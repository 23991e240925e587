"""Finding, for each paragraph, the earlier paragraph it copies: cheapest test first.

1. exact: the folded keys are equal (a dict lookup);
2. contained: one long paragraph's key is a substring of the other's;
3. near: rapidfuzz ``ratio`` at or above the threshold, or, when the lengths differ too much for
   that, ``partial_ratio`` (the shorter one nearly contained in the longer: a caption that
   shortens the lead).

Tests 2 and 3 run only for the long lines the screen picked (:mod:`.screen`), and only
against a few candidates: the kept paragraphs that share most of this one's sampled n-grams (see :func:`~.fold.sampled_grams`), and a fair share of them. An n-gram
that already appears in ``POSTING_CAP`` kept paragraphs (a dateline, a formula) stops being
indexed: it says nothing about which paragraph is a copy, and a capped index keeps the cost
linear. Paragraphs alike but for their figures are not copies (see :func:`similar`).

>>> keys = ["甲乙丙丁戊己庚辛壬癸子丑", "甲乙丙丁戊己庚辛壬癸子丑寅"]
>>> m = match(keys, dict(enumerate(keys)), 0.9, {})
>>> m.matches[1].rule, m.holder
('contained', {0: 1})
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain, compress
from operator import ne

from .fold import DENSE_LEN, anchored_grams, sampled_grams

_FIGURES = re.compile(r"\d+(?:[.,]\d+)*")

#: Kept paragraphs per n-gram in the index, at most.
POSTING_CAP = 8
#: How many candidates (the kept paragraphs sharing most n-grams) are compared in full.
MAX_CANDIDATES = 4
#: A candidate must share this share of the smaller one's sampled n-grams to be compared in full.
MIN_SHARED = 0.4


@dataclass(frozen=True, slots=True)
class Match:
    """Line ``i`` repeats slot ``slot``; ``origin`` is the line whose text it repeats."""

    slot: int
    rule: str  # "exact", "contained", "near" or "repeated-item"
    origin: int
    similarity: float = 1.0


@dataclass
class Matching:
    """Slots are the distinct paragraphs; each shows one line's text at its first line's place.

    A slot is named by its first line; ``holder`` lists only the slots of lines that took part
    in a match (every other line is a slot of its own, holding itself).
    """

    holder: dict[int, int] = field(default_factory=dict)  # slot -> line whose text it shows
    matches: dict[int, Match] = field(default_factory=dict)
    tidier: set[int] = field(default_factory=set)  # slots showing a tidier, not a longer, copy


class _Index:
    """Kept long paragraphs (slots), findable by their n-grams.

    Most n-grams belong to one paragraph only, so the first slot of an n-gram is kept in a
    plain dict (filled in C with ``dict.fromkeys``) and only further slots in lists; an n-gram
    found in ``POSTING_CAP`` slots moves to ``stop``: too common to say which paragraph is
    copied. Queries are set operations, so the per-n-gram work stays in C.
    """

    def __init__(self) -> None:
        self.first: dict[str, int] = {}
        self.more: dict[str, list[int]] = {}
        self.stop: set[str] = set()

    def query(self, grams: list[str]) -> tuple[set[str], Counter[int], int]:
        """The indexed n-grams among ``grams``, how many of them each slot has, and how many
        of ``grams`` are too common to count (any slot may have those)."""
        shared = self.first.keys() & grams
        full = len(self.stop.intersection(grams)) if self.stop else 0
        if not shared:
            return shared, Counter(), full
        more = self.more
        extra = chain.from_iterable(map(more.__getitem__, more.keys() & shared))
        return shared, Counter(chain(map(self.first.__getitem__, shared), extra)), full

    def add(self, slot: int, grams: list[str], shared: set[str]) -> None:
        """Index a new slot (``shared``: which of its n-grams are indexed already)."""
        stop = self.stop
        new = [g for g in grams if g not in shared and g not in stop]
        self.first.update(dict.fromkeys(new, slot))
        for g in shared:
            self._another(g, slot)

    def readd(self, slot: int, grams: list[str]) -> None:
        """Index a slot's new, more complete text too."""
        for g in grams:
            if g not in self.stop and self.first.setdefault(g, slot) != slot:
                self._another(g, slot)

    def _another(self, g: str, slot: int) -> None:
        extra = self.more.get(g)
        if extra is None:
            self.more[g] = [slot]
        elif slot not in extra:
            extra.append(slot)
            if len(extra) >= POSTING_CAP - 1:
                self.stop.add(g)
                del self.first[g], self.more[g]


def similar(key: str, other: str, threshold: float) -> tuple[str, float] | None:
    """How ``key`` copies ``other`` (rule and similarity 0–1), or ``None``.

    >>> similar("abcdefghij", "xxabcdefghijxx", 0.9)
    ('contained', 1.0)
    >>> similar("abcdefghij", "abcdefghik", 0.9)
    ('near', 0.9)

    Figures are facts: paragraphs alike but for their numbers (two quarters' results, two
    days' weather) are not copies of each other.

    >>> similar("第一季度营收增长5.2%，利润增长3.1%。", "第一季度营收增长7.2%，利润增长3.1%。", 0.9)
    """
    from rapidfuzz.fuzz import partial_ratio, ratio

    short, long_ = (key, other) if len(key) <= len(other) else (other, key)
    if short in long_:
        return "contained", 1.0
    cutoff = threshold * 100
    # ratio = 2·matches / (len(a) + len(b)) can reach the threshold only when the lengths allow
    if len(short) * (2 - threshold) >= threshold * len(long_):
        score = ratio(key, other, score_cutoff=cutoff)
        if not score or _FIGURES.findall(key) != _FIGURES.findall(other):
            return None
        return "near", round(score / 100, 2)
    score = partial_ratio(short, long_, score_cutoff=cutoff)
    if not score or Counter(_FIGURES.findall(short)) - Counter(_FIGURES.findall(long_)):
        return None
    return "contained", round(score / 100, 2)


def match(
    labels: Sequence[Hashable],
    near: Mapping[int, str],
    threshold: float,
    grams: dict[int, list[str]],
    keep: Callable[[int, int, str], str | None] | None = None,
) -> Matching:
    """Assign lines to slots: equal ``labels`` are exact copies (the first keeps the slot);
    the lines in ``near`` (long lines that the screen found may be copies, with their keys)
    may also join a slot by containment or nearness.

    Only lines that repeat a label, and lines in ``near``, are visited: every other line is a
    slot of its own. ``grams[i]`` caches line ``i``'s sampled n-grams (see
    :func:`~.fold.sampled_grams`), filled the first time a line needs them and kept for the
    next pass. ``keep(gone, kept, rule)``, when given, may overrule a containment or a near
    copy (``rule``) that would drop line ``gone`` for line ``kept``: ``"distinct"`` (they
    tell different facts) and ``"both"`` keep both lines, ``"item"`` (``kept`` is a later
    list item holding ``gone``) drops the item as a ``repeated-item`` instead. A ``"both"``
    is not heeded when the line above ``gone`` is itself a copy.
    """
    n = len(labels)
    first = dict(zip(reversed(labels), range(n - 1, -1, -1), strict=True))
    repeats = list(compress(range(n), map(ne, map(first.__getitem__, labels), range(n))))
    visit = sorted({*repeats, *(first[labels[i]] for i in repeats), *near})
    m = Matching()
    slot_of: dict[Hashable, int] = {}
    index = _Index()
    keys = near
    for i in visit:
        label = labels[i]
        slot = slot_of.get(label)
        if slot is not None:
            m.matches[i] = Match(slot, "exact", first[label])
            continue
        found = None
        mine: list[str] = []
        shared: set[str] = set()
        key = keys.get(i)
        if key is not None:
            cached = grams.get(i)
            mine = grams[i] = sampled_grams(key) if cached is None else cached
            shared, votes, full = index.query(mine)
            if votes:
                found = _find(i, keys, grams, m.holder, votes, full, threshold)
        if found is not None and keep is not None:
            h = m.holder[found[0]]
            gone, kept = (h, i) if len(key or "") > len(keys[h]) else (i, h)
            veto = keep(gone, kept, found[1])
            if veto == "both" and gone - 1 in m.matches:
                veto = None  # the line above is a copy too: a repeated paragraph's piece
            if veto == "item":
                m.matches[i] = Match(found[0], "repeated-item", h, found[2])
                slot_of[label] = found[0]
                continue
            if veto in ("both", "distinct"):
                found = None
        if found is not None:
            slot, rule, score = found
            m.matches[i] = Match(slot, rule, m.holder[slot], score)
            if len(key or "") > len(keys[m.holder[slot]]):  # the more complete copy wins
                m.holder[slot] = i
                index.readd(slot, mine)
        else:
            slot = i
            m.holder[slot] = i
            if key is not None:
                index.add(slot, mine, shared)
        slot_of[label] = slot
    return m


def _find(
    i: int,
    keys: Mapping[int, str],
    grams: Mapping[int, list[str]],
    holder: Mapping[int, int],
    votes: Counter[int],
    full: int,
    threshold: float,
) -> tuple[int, str, float] | None:
    """The first of the best-voted candidates that line ``i`` copies (``full``: how many of
    its n-grams are too common to vote)."""
    ranked = sorted(votes.items(), key=_by_votes)[:MAX_CANDIDATES]
    for slot, shared in ranked:
        h = holder[slot]
        if not _share_enough(keys[i], grams[i], keys[h], grams[h], shared, full):
            continue
        verdict = similar(keys[i], keys[h], threshold)
        if verdict is not None:
            return slot, *verdict
    return None


def _share_enough(
    key: str, mine: list[str], other: str, theirs: list[str], voted: int, full: int
) -> bool:
    """Do two lines share MIN_SHARED of the n-grams they can share? (cheap, before rapidfuzz)

    ``voted`` n-grams are known shared; ``full`` more may be. Two short or two long lines are
    sampled alike (see :func:`~.fold.sampled_grams`); between a short and a long one only the
    short one's anchored n-grams can be expected in the long one.
    """
    short, long_short = len(key) < DENSE_LEN, len(other) < DENSE_LEN
    if short == long_short:
        need = MIN_SHARED * min(len(mine), len(theirs))
        if voted >= need or voted + full < need:
            return voted >= need
        return len(set(mine).intersection(theirs)) >= need
    small, large = (key, theirs) if short else (other, mine)
    anchored = anchored_grams(small)
    return len(anchored.intersection(large)) >= MIN_SHARED * len(anchored)


def _by_votes(item: tuple[int, int]) -> tuple[int, int]:
    return -item[1], item[0]  # most votes first, then the earliest slot: never hash order
