"""Stage ``duplicates``: collapse repeated paragraphs and repeated article bodies to one copy.

Scraped pages often carry the article twice, or repeat a caption or a credit. This stage keeps
one copy of each paragraph — the most complete one, at the position of the first — and drops
the rest, cheapest test first:

* exact repeats, after folding punctuation width, whitespace, case and script (会/會);
* containment: a paragraph already contained in a kept one;
* near copies: rapidfuzz similarity at or above ``Config.near_duplicate``, checked only against
  the few kept paragraphs that share sampled character 4-grams with it (no all-pairs loop).

Short paragraphs (under ``Config.min_duplicate_units``) repeat legitimately — a list item
"是。", a poem's chorus — so they are dropped only inside a repeated block: when the long
paragraphs around them are copies too, in the same order as the first time. Very short stubs
sandwiched in such a block (a lone credit variant) go with it.

>>> from newsclean.model import Doc
>>> from newsclean.config import Config
>>> body = ["第一段" * 8 + "。", "本报记者 张三 摄", "第二段" * 8 + "。"]
>>> duplicates(Doc.from_text("\\n".join(["标题", *body, *body])), Config()).lines == ("标题", *body)
True
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..chars import WIDTH_FOLD, units
from ..config import Config
from ..model import Change, Doc
from .script import fold_script

STAGE = "duplicates"
GRAM = 4
SAMPLE_MOD = 3  # index one 4-gram in three, chosen by content: the same grams in every copy
MAX_CANDIDATES = 8
STUB_UNITS = 6
MAX_PASSES = 5

_SPACE = re.compile(r"\s+")


def fold_key(line: str) -> str:
    """Comparison key: punctuation width, whitespace and case folded away (script is folded
    for the whole document at once, see :func:`fold_keys`).

    >>> fold_key("1月4日, 焦作") == fold_key("1月4日，焦作")
    True
    """
    return _SPACE.sub("", line.translate(WIDTH_FOLD)).lower()


def fold_keys(lines: tuple[str, ...]) -> list[str]:
    """Keys for every line, with Traditional folded to Simplified (one OpenCC call)."""
    folded = fold_script("\n".join(lines)).split("\n")
    if len(folded) != len(lines):  # never expected; fall back to unfolded script
        folded = list(lines)
    return [fold_key(line) for line in folded]


def _grams(key: str) -> set[str]:
    # Sample by code points, not hash(): str hashes change between processes, and the same
    # input must give the same output in every process.
    grams = {key[i : i + GRAM] for i in range(len(key) - GRAM + 1)}
    return {g for g in grams if (ord(g[0]) + ord(g[-1])) % SAMPLE_MOD == 0} or grams


@dataclass
class _Match:
    slot: int
    rule: str
    origin: int  # index of the line whose text this one copies (for block alignment)


@dataclass
class _Index:
    """Kept long paragraphs, findable by the sampled grams they contain."""

    keys: list[str] = field(default_factory=list)
    postings: dict[str, list[int]] = field(default_factory=dict)

    def add(self, slot: int, key: str) -> None:
        while len(self.keys) <= slot:
            self.keys.append("")
        self.keys[slot] = key
        for g in _grams(key):
            self.postings.setdefault(g, []).append(slot)

    def candidates(self, key: str) -> Iterator[int]:
        shared: Counter[int] = Counter()
        for g in _grams(key):
            shared.update(self.postings.get(g, ()))
        ranked = sorted(shared.items(), key=lambda item: (-item[1], item[0]))
        for slot, _ in ranked[:MAX_CANDIDATES]:
            yield slot


def _near(key: str, index: _Index, threshold: float) -> tuple[int, str] | None:
    from rapidfuzz.fuzz import ratio

    cutoff = threshold * 100
    for slot in index.candidates(key):
        other = index.keys[slot]
        if key in other or other in key:
            return slot, "contained"
        short, long_ = sorted((len(key), len(other)))
        if short / long_ < threshold - 0.1:
            continue
        if ratio(key, other, score_cutoff=cutoff):
            return slot, "near"
    return None


@dataclass
class _Matching:
    """Which earlier copy each line repeats, and which line each kept copy ends up showing."""

    holder: list[int] = field(default_factory=list)  # slot -> line whose text the slot shows
    first: list[int] = field(default_factory=list)  # slot -> line at the slot's position
    matches: dict[int, _Match] = field(default_factory=dict)


def _match(keys: list[str], big: list[bool], threshold: float) -> _Matching:
    m = _Matching()
    slot_of: dict[str, int] = {}
    origin_of: dict[str, int] = {}
    index = _Index()
    for i, key in enumerate(keys):
        slot = slot_of.get(key)
        if slot is not None:
            m.matches[i] = _Match(slot, "exact", origin_of[key])
            continue
        found = _near(key, index, threshold) if big[i] else None
        if found is not None:
            slot, rule = found
            m.matches[i] = _Match(slot, rule, m.holder[slot])
            if len(key) > len(keys[m.holder[slot]]):  # the more complete copy wins
                m.holder[slot] = i
                index.add(slot, key)
        else:
            slot = len(m.holder)
            m.holder.append(i)
            m.first.append(i)
            if big[i]:
                index.add(slot, key)
        slot_of[key] = slot
        origin_of[key] = i
    return m


def _decide(doc: Doc, m: _Matching, big: list[bool]) -> dict[int, Change]:
    """Long copies go; short ones only inside a repeated block."""
    linenos = doc.linenos
    drops: dict[int, Change] = {}
    for i, match in m.matches.items():
        if big[i]:
            detail = f"copy of line {linenos[match.origin]}"
            drops[i] = Change(STAGE, match.rule, linenos[i], "drop", detail=detail)
    big_idx = [i for i, is_big in enumerate(big) if is_big]
    for i, is_big in enumerate(big):
        if is_big or not _in_block(i, big_idx, drops, m.matches):
            continue
        if i in m.matches:
            detail = f"copy of line {linenos[m.matches[i].origin]}, inside a repeated block"
            drops[i] = Change(STAGE, "block", linenos[i], "drop", detail=detail)
        elif units(doc.lines[i]) <= STUB_UNITS:
            detail = "inside a repeated block"
            drops[i] = Change(STAGE, "block-stub", linenos[i], "drop", detail=detail)
    return drops


def _assemble(doc: Doc, m: _Matching, drops: dict[int, Change]) -> Doc:
    """Put each slot's most complete copy at the slot's position and drop the rest."""
    lines, linenos = list(doc.lines), list(doc.linenos)
    moves = []
    for slot, h in enumerate(m.holder):
        pos = m.first[slot]
        if h != pos:
            lines[pos], linenos[pos] = doc.lines[h], doc.linenos[h]
            detail = f"more complete copy, moved to replace line {doc.linenos[pos]}"
            drops[h] = Change(STAGE, "more-complete", doc.linenos[h], "move", detail=detail)
            detail = f"replaced by line {doc.linenos[h]}"
            moves.append(Change(STAGE, "less-complete", doc.linenos[pos], "drop", detail=detail))
    keep = [i for i in range(len(lines)) if i not in drops]
    records = [drops[i] for i in sorted(drops)] + moves
    return doc.evolve([lines[i] for i in keep], [linenos[i] for i in keep], records)


def _collapse_once(doc: Doc, config: Config) -> Doc:
    big = [units(line) >= config.min_duplicate_units for line in doc.lines]
    matching = _match(fold_keys(doc.lines), big, config.near_duplicate)
    drops = _decide(doc, matching, big)
    return _assemble(doc, matching, drops) if drops else doc


def _in_block(
    i: int, big_idx: list[int], drops: dict[int, Change], matches: dict[int, _Match]
) -> bool:
    """Is short line ``i`` sandwiched between long copies that repeat in their original order?"""
    from bisect import bisect_left

    pos = bisect_left(big_idx, i)
    prev = big_idx[pos - 1] if pos > 0 else None
    nxt = big_idx[pos] if pos < len(big_idx) else None
    if prev is None and nxt is None:
        return False
    for neighbour in (prev, nxt):
        if neighbour is not None and neighbour not in drops:
            return False
    if i not in matches:  # a stub: it must sit between two copies
        return prev is not None and nxt is not None
    origin = matches[i].origin
    if prev is not None and not matches[prev].origin < origin:
        return False
    return nxt is None or origin < matches[nxt].origin


def duplicates(doc: Doc, config: Config) -> Doc:
    """Collapse copies until none are left (so running the stage again changes nothing)."""
    for _ in range(MAX_PASSES):
        new = _collapse_once(doc, config)
        if new is doc:
            break
        doc = new
    return doc
