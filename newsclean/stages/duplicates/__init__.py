"""Stage ``duplicates``: collapse repeated paragraphs and repeated article bodies to one copy.

Scraped pages often carry the article twice, or repeat a caption or a credit. This stage keeps
one copy of each paragraph — the most complete one, at the position of the first — and drops
the rest, cheapest test first (see :mod:`.match`):

* exact repeats, after folding punctuation width, whitespace, case and script (会/會);
* containment: a long paragraph already contained in a kept one;
* near copies: rapidfuzz similarity at or above ``Config.near_duplicate``, checked only against
  the few kept paragraphs that share most of its sampled character n-grams (no all-pairs
  loop), and never between paragraphs whose figures differ.

Short paragraphs (under ``Config.min_duplicate_units``) repeat legitimately — a list item
"是。", a poem's chorus — so they go only inside a repeated block (see :mod:`.blocks`).
Paragraphs that share a formula (``新华社北京1月4日电``, "(Reuters) -") differ in the rest, so
they are neither equal, nor contained, nor near.

Each dropped line's :class:`~newsclean.model.Change` names the rule and the line it copies
("copy of line 3", "near copy of line 5 (similarity 0.94)", "… in a repeated block (lines
23-37 repeat lines 3-17)"); a more complete later copy that takes the first copy's place is a
``move``.

>>> from newsclean.model import Doc
>>> from newsclean.config import Config
>>> body = ["第一段" * 8 + "。", "本报记者 张三 摄", "第二段" * 8 + "。"]
>>> duplicates(Doc.from_text("\\n".join(["标题", *body, *body])), Config()).lines == ("标题", *body)
True
"""

from __future__ import annotations

from dataclasses import dataclass

from ...chars import units
from ...config import Config
from ...model import Change, Doc
from .blocks import STAGE, decide, how
from .fold import fold_key, fold_keys
from .match import Matching, match

__all__ = ["STAGE", "duplicates", "fold_key", "fold_keys"]


@dataclass
class _Lines:
    """The document as arrays, carried from pass to pass so nothing is folded twice."""

    lines: list[str]
    linenos: list[int]
    keys: list[str]
    big: list[bool]
    grams: list[list[str] | None]  # filled by match() as long lines need them

    def take(self, order: list[int]) -> _Lines:
        return _Lines(
            [self.lines[i] for i in order],
            [self.linenos[i] for i in order],
            [self.keys[i] for i in order],
            [self.big[i] for i in order],
            [self.grams[i] for i in order],
        )


def is_long(line: str, min_units: int) -> bool:
    """``units(line) >= min_units``, reading only a prefix when that already decides it.

    >>> is_long("第一段" * 8, 20), is_long("是。", 20)
    (True, False)
    """
    head = 4 * min_units  # units() of a prefix never exceeds units() of the line
    return units(line[:head]) >= min_units or (len(line) > head and units(line) >= min_units)


def _prepare(doc: Doc, config: Config) -> _Lines:
    keys = fold_keys(doc.lines)
    big = [is_long(line, config.min_duplicate_units) for line in doc.lines]
    no_grams: list[list[str] | None] = [None] * len(keys)
    return _Lines(list(doc.lines), list(doc.linenos), keys, big, no_grams)


def _collapse_once(state: _Lines, config: Config) -> tuple[_Lines, list[Change], bool] | None:
    """One pass: the document without its copies, what was done, and whether another pass
    may find more (only when a more complete copy moved: see :func:`duplicates`)."""
    m = match(state.keys, state.big, config.near_duplicate, state.grams)
    drops = decide(state.lines, state.linenos, state.big, m)
    if not drops:
        return None
    order = list(range(len(state.lines)))
    moves = _moves(state, m, drops, order)
    records = [drops[i] for i in sorted(drops)] + moves
    return state.take([order[i] for i in range(len(order)) if i not in drops]), records, bool(moves)


def _moves(state: _Lines, m: Matching, drops: dict[int, Change], order: list[int]) -> list[Change]:
    """Put each slot's most complete copy at the slot's first position (edits ``order``)."""
    linenos = state.linenos
    records = []
    for slot, h in enumerate(m.holder):
        pos = m.first[slot]
        if h == pos:
            continue
        order[pos] = h
        why = how(m.matches[h])
        drops[h] = Change(
            STAGE,
            "more-complete",
            linenos[h],
            "move",
            detail=f"more complete copy of line {linenos[pos]} ({why}), moved to its place",
        )
        records.append(
            Change(
                STAGE,
                "less-complete",
                linenos[pos],
                "drop",
                detail=f"less complete copy of line {linenos[h]}, which took its place",
            )
        )
    return records


def duplicates(doc: Doc, config: Config) -> Doc:
    """Collapse copies until none are left (so running the stage again changes nothing).

    A second pass over the result can only find something new where a more complete copy
    took a slot in the first (its text now stands earlier and reads longer); otherwise every
    kept line would meet the same index, the same candidates and the same neighbours again.
    So a pass follows only a pass that moved a line. Each pass drops a line: this ends.
    """
    if len(doc.lines) < 2:
        return doc
    state = _prepare(doc, config)
    records: list[Change] = []
    again = True
    while again and (step := _collapse_once(state, config)) is not None:
        state, done, again = step
        records += done
    if not records:
        return doc
    return doc.evolve(state.lines, state.linenos, records)
