"""The screen: which long paragraphs could be copies at all, found at C speed.

Comparing every paragraph against the n-gram index (:mod:`.match`) costs tens of microseconds
a line; a clean document has thousands of lines and no copies. So every distinct key first
gives a handful of *anchors* — pieces a copy almost surely keeps — and only keys that share an
anchor with another key, and are then similar enough to it, go on to the index.

A key's anchors:

* its first and its last ``ENDS`` characters (a copy edited at one end keeps the other; a
  caption that shortens the lead keeps its beginning), and its first ``HEAD`` characters
  (the beginning of a lead that opens with a formula, a dateline, goes past the formula);
* ``MIDDLE`` characters at its middle, and one character either side (a copy edited near
  both ends keeps its middle, shifted by at most the edits' insertions or deletions);
* its sentences of at least ``SENTENCE`` characters (a paragraph quoted in a longer one).

Two edits can break at most two of the beginning, the middle and the end of a key longer
than the three anchors, so every near copy with up to two edits is found (more edits, when
they leave one of the three alone). Short keys take shorter middles (``TIERS``).

An anchor shared by more than ``SHARED_CAP`` keys is a formula (a dateline, a stock phrase),
not a sign of a copy. Lengths are per wide (CJK) key; a narrow key's are twice as long.

>>> lead = "1月4日上午,焦作市第十四届人民代表大会第一次会议在市会议中心圆形报告厅隆重开幕."
>>> caption = "1月4日,焦作市第十四届人民代表大会第一次会议在市会议中心圆形报告厅隆重开幕."
>>> sorted(candidates([lead, "本报记者赵林峰王正义摄这是另外一段很长很长的文字内容", caption], 0.9))
[0, 2]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from itertools import chain, combinations, compress, repeat
from operator import add, le

from .match import similar

#: Lengths of a key's first and last anchors, and of the first anchor of a key that may open
#: with a formula (a dateline): its beginning is specific only past the formula.
ENDS = (8, 12)
HEAD = 20
#: (MIDDLE, shortest key, longest key): a key gives the middle anchors of every tier its
#: length falls in (near copies are about as long as each other: the tiers overlap enough
#: that two of them always meet in one). A short key's middle is short, to keep clear of its
#: first and last ``ENDS`` characters.
TIERS = ((8, 40, None), (6, 0, 64))
#: Sentences shorter than this are too common to anchor anything.
SENTENCE = 10
#: An anchor in more keys than this is a formula.
SHARED_CAP = 8
#: How far (in characters) a contained copy may sit from where its anchor places it.
SLACK = 8
_WIDE = "\u2e80"

Pairs = dict[str, set[int]]


def _middles(keys: list[str], size: int) -> list[str]:
    """Each key's middle ``size`` characters, and shifted by one either way."""
    mids = [max((len(k) - size) // 2, 1) for k in keys]
    return [
        *[k[m - 1 : m - 1 + size] for k, m in zip(keys, mids, strict=True)],
        *[k[m : m + size] for k, m in zip(keys, mids, strict=True)],
        *[k[m + 1 : m + 1 + size] for k, m in zip(keys, mids, strict=True)],
    ]


def _shared(anchors: list[str], owners: Iterable[int]) -> Pairs:
    """Anchors shared by 2 to SHARED_CAP keys, with those keys (``owners``: the key of each
    anchor, in step with ``anchors``)."""
    repeated = {a for a, c in Counter(anchors).items() if 1 < c <= 3 * SHARED_CAP}
    if not repeated:
        return {}
    groups: Pairs = {}
    for a, i in compress(zip(anchors, owners, strict=True), map(repeated.__contains__, anchors)):
        groups.setdefault(a, set()).add(i)
    return {a: g for a, g in groups.items() if 1 < len(g) <= SHARED_CAP}


def _sentences(keys: list[str]) -> Pairs:
    """Sentences (pieces between full stops: ``。`` folds to ``.``) that stand in more than
    one key, all split by C code in one go."""
    pieces = ".".join(keys).split(".")
    per_key = map(add, map(str.count, keys, repeat(".")), repeat(1))
    owners = chain.from_iterable(map(repeat, range(len(keys)), per_key))
    long_ = list(map(le, repeat(SENTENCE), map(len, pieces)))
    return _shared(list(compress(pieces, long_)), compress(owners, long_))


def candidates(keys: list[str], threshold: float) -> set[int]:
    """Indexes of the (distinct) keys that may be a near or contained copy of another one,
    or have one: they share an anchor, and rapidfuzz finds them similar."""
    from rapidfuzz.fuzz import ratio

    starts: list[set[int]] = []
    ends: list[set[int]] = []
    near: list[set[int]] = []
    for wide, scale in ((True, 1), (False, 2)):
        ids = [i for i, k in enumerate(keys) if (k >= _WIDE) == wide]
        if len(ids) < 2:
            continue
        mine = [keys[i] for i in ids]
        for size in (HEAD, *ENDS):
            starts += _shared([k[: size * scale] for k in mine], ids).values()
        for size in ENDS:
            ends += _shared([k[-size * scale :] for k in mine], ids).values()
        for middle, shortest, longest in TIERS:
            tier = [
                (i, k)
                for i, k in zip(ids, mine, strict=True)
                if shortest * scale <= len(k) and (longest is None or len(k) < longest * scale)
            ]
            anchors = _middles([k for _, k in tier], middle * scale)
            near += _shared(anchors, [i for i, _ in tier] * 3).values()
    sentences = {pair: s for s, g in _sentences(keys).items() for pair in _pairs([g])}
    at_start, at_end = _pairs(starts), _pairs(ends)
    pairs = _pairs(near) | at_start | at_end | set(sentences)
    found: set[int] = set()
    for a, b in pairs:
        short, long_ = (keys[a], keys[b]) if len(keys[a]) <= len(keys[b]) else (keys[b], keys[a])
        if len(short) * (2 - threshold) >= threshold * len(long_):
            if not ratio(short, long_, score_cutoff=threshold * 100):
                continue
        elif short not in long_:
            start = _aligned(short, long_, (a, b), at_start, at_end, sentences)
            if start is None:
                continue
            stretch = long_[max(start - SLACK, 0) : start + len(short) + SLACK]
            cutoff = threshold * 100 * len(short) / (len(short) + SLACK)
            if not ratio(short, stretch, score_cutoff=cutoff):
                continue
        if similar(short, long_, threshold):
            found.update((a, b))
    return found


def _pairs(groups: Iterable[Iterable[int]]) -> set[tuple[int, int]]:
    """Every pair (smaller index first) within each group."""
    return set(chain.from_iterable(combinations(sorted(g), 2) for g in groups))


def _aligned(
    short: str,
    long_: str,
    pair: tuple[int, int],
    at_start: set[tuple[int, int]],
    at_end: set[tuple[int, int]],
    sentences: dict[tuple[int, int], str],
) -> int | None:
    """Where in ``long_`` a contained ``short`` would start, by the anchor they share (their
    beginnings, ends, or a sentence); ``None`` if they share only a near copy's anchor."""
    sentence = sentences.get(pair)
    if sentence is not None:
        return long_.find(sentence) - short.find(sentence)
    if pair in at_start:
        return 0
    if pair in at_end:
        return len(long_) - len(short)
    return None
