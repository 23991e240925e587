"""The screen: which long paragraphs could be copies at all, found at C speed.

Comparing every paragraph against the n-gram index (:mod:`.match`) costs tens of microseconds
a line; a clean document has thousands of lines and no copies. So every distinct key first
gives a handful of *anchors* — pieces a copy almost surely keeps — and only keys that share an
anchor with another key, and are then similar enough to it (rapidfuzz, on screen keys), go on
to the index:

* its first and its last ``ANCHOR`` characters (a caption that shortens the lead keeps the
  lead's beginning; a copy edited at one end keeps the other), and its first ``HEAD``
  characters (the beginning of a paragraph that opens with a formula);
* ``ANCHOR`` characters at its middle, and one character either side (a copy edited near
  both ends keeps its middle, shifted by at most the edits' insertions or deletions);
* its sentences of at least ``SENTENCE`` characters (a paragraph that repeats a sentence).

Two edits can break at most two of the beginning, the middle and the end of a key longer
than three anchors, so every near copy with up to two edits is found; more edits are found
when they leave a sentence, the beginning or the end alone. An anchor shared by more than
``SHARED_CAP`` keys is a formula (a dateline, a stock phrase), not a sign of a copy.

>>> lead = "1月4日上午,焦作市第十四届人民代表大会第一次会议在市会议中心圆形报告厅隆重开幕."
>>> caption = "1月4日,焦作市第十四届人民代表大会第一次会议在市会议中心圆形报告厅隆重开幕."
>>> sorted(candidates([lead, "本报记者赵林峰王正义摄这是另外一段很长很长的文字内容", caption], 0.9))
[0, 2]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from itertools import accumulate, combinations

from .match import similar

#: Anchor length for keys that start with a wide (CJK) character, and for the others.
ANCHOR = 8
NARROW_ANCHOR = 16
#: A longer beginning, for a wide key (narrow: in proportion): what a caption that shortens a
#: paragraph opening with a formula (a dateline) shares with it.
HEAD = 20
#: Sentences shorter than this are too common to anchor anything.
SENTENCE = 10
#: An anchor in more keys than this is a formula.
SHARED_CAP = 8
#: How far (in characters) a contained copy may sit from where its anchor places it.
SLACK = 8
_WIDE = "\u2e80"
_SENTENCE_END = re.compile(r"[.!?;\n]")


def _ends_and_middles(keys: list[str], size: int) -> list[list[str]]:
    """Per kind of anchor, one anchor per key (same order as ``keys``)."""
    mids = [max((len(k) - size) // 2, 1) for k in keys]
    head = HEAD * size // ANCHOR
    return [
        [k[:head] for k in keys],
        [k[:size] for k in keys],
        [k[-size:] for k in keys],
        [k[m - 1 : m - 1 + size] for k, m in zip(keys, mids, strict=True)],
        [k[m : m + size] for k, m in zip(keys, mids, strict=True)],
        [k[m + 1 : m + 1 + size] for k, m in zip(keys, mids, strict=True)],
    ]


def _shared(anchors: list[str], n: int) -> dict[str, set[int]]:
    """Anchors shared by 2 to SHARED_CAP keys, with those keys (anchor ``p`` is key ``p % n``'s:
    the anchors come kind after kind, ``n`` keys each)."""
    counts = Counter(anchors)
    repeated = {a for a, c in counts.items() if c > 1}
    if not repeated:
        return {}
    groups: dict[str, set[int]] = {}
    for p, a in enumerate(anchors):
        if a in repeated:
            groups.setdefault(a, set()).add(p % n)
    return {a: g for a, g in groups.items() if 1 < len(g) <= SHARED_CAP}


def _sentence_groups(keys: list[str]) -> dict[str, set[int]]:
    text = "\n".join(keys)
    pieces = _SENTENCE_END.split(text)
    counts = Counter(pieces)
    repeated = [p for p, c in counts.items() if c > 1 and len(p) >= SENTENCE]
    if not repeated:
        return {}
    starts = list(accumulate((len(k) + 1 for k in keys), initial=0))
    groups = {}
    for piece in repeated:
        owners: set[int] = set()
        at = text.find(piece)
        while at >= 0 and len(owners) <= SHARED_CAP:
            owners.add(bisect_right(starts, at) - 1)
            at = text.find(piece, at + 1)
        if 1 < len(owners) <= SHARED_CAP:
            groups[piece] = owners
    return groups


def candidates(keys: list[str], threshold: float) -> set[int]:
    """Indexes of the (distinct) keys that may be a near or contained copy of another one,
    or have one: they share an anchor, and rapidfuzz finds them similar."""
    wide = [i for i, k in enumerate(keys) if k >= _WIDE]
    narrow = [i for i, k in enumerate(keys) if k < _WIDE]
    groups = _sentence_groups(keys)
    for ids, size in ((wide, ANCHOR), (narrow, NARROW_ANCHOR)):
        if len(ids) < 2:
            continue
        kinds = _ends_and_middles([keys[i] for i in ids], size)
        for anchor, owners in _shared([a for kind in kinds for a in kind], len(ids)).items():
            groups.setdefault(anchor, set()).update(ids[p] for p in owners)
    found: set[int] = set()
    checked: set[tuple[int, int]] = set()
    for anchor, group in groups.items():
        for a, b in combinations(sorted(group), 2):
            if (a, b) in checked or (a in found and b in found):
                continue
            checked.add((a, b))
            if _plausible(keys[a], keys[b], anchor, threshold) and similar(
                keys[a], keys[b], threshold
            ):
                found.update((a, b))
    return found


def _plausible(key: str, other: str, anchor: str, threshold: float) -> bool:
    """A cheap necessary test for :func:`~.match.similar` (which ``partial_ratio`` makes slow
    on long lines): the shorter key, against the longer one's stretch the anchor aligns it
    with, give or take ``SLACK`` characters."""
    from rapidfuzz.fuzz import ratio

    short, long_ = (key, other) if len(key) <= len(other) else (other, key)
    if len(short) * (2 - threshold) >= threshold * len(long_):
        return bool(ratio(short, long_, score_cutoff=threshold * 100))
    if short in long_:
        return True
    at = long_.find(anchor) - short.find(anchor)
    stretch = long_[max(at - SLACK, 0) : at + len(short) + SLACK]
    return bool(
        ratio(short, stretch, score_cutoff=threshold * 100 * len(short) / (len(short) + SLACK))
    )
