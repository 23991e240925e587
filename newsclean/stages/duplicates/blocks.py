"""Deciding what goes, and saying why: long copies always, short ones only inside a repeated block.

A short paragraph (under ``Config.min_duplicate_units``) repeats legitimately — a list item
"是。", a poem's chorus — so it goes only when it sits inside a repeated run: the nearest long
paragraphs on both sides are dropped copies, of lines before and after the one it copies, not
far apart. A very short stub that copies nothing (a credit variant, a lone ``|``) goes when it
is sandwiched between two such copies.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from ...chars import units
from ...model import Change
from .match import Match, Matching

STAGE = "duplicates"
#: A stub that copies nothing goes with a repeated block only when it is this short.
STUB_UNITS = 6


def _in_block(i: int, big_idx: list[int], drops: dict[int, Change], m: Matching) -> bool:
    """Is short line ``i`` sandwiched between long copies that repeat in their original order?"""
    pos = bisect_left(big_idx, i)
    prev = big_idx[pos - 1] if pos > 0 else None
    nxt = big_idx[pos] if pos < len(big_idx) else None
    if prev is None and nxt is None:
        return False
    if any(n is not None and n not in drops for n in (prev, nxt)):
        return False
    match = m.matches.get(i)
    if match is None:  # a stub: it must sit between two copies
        return prev is not None and nxt is not None and _close(prev, nxt, m)
    origin = match.origin
    if prev is not None and not m.matches[prev].origin < origin:
        return False
    if nxt is not None and not origin < m.matches[nxt].origin:
        return False
    return prev is None or nxt is None or _close(prev, nxt, m)


def _close(prev: int, nxt: int, m: Matching) -> bool:
    """The two copies repeat a run about as long as the one between them (not two far places)."""
    return m.matches[nxt].origin - m.matches[prev].origin <= 2 * (nxt - prev) + 2


def how(match: Match) -> str:
    """The rule in words, for the detail of a move.

    >>> how(Match(0, "exact", 0)), how(Match(0, "near", 0, 0.94))
    ('copy', 'near copy, similarity 0.94')
    """
    if match.rule == "exact":
        return "copy"
    if match.rule == "contained" and match.similarity == 1.0:
        return "contained"
    what = "nearly contained" if match.rule == "contained" else "near copy"
    return f"{what}, similarity {match.similarity:.2f}"


def _what(match: Match, linenos: Sequence[int], m: Matching) -> str:
    """``copy of line 3``; ``near copy of line 3 (similarity 0.94)``; and, when a more
    complete copy took that line's place, which line is kept."""
    origin = match.origin
    if match.rule == "exact":
        text = f"copy of line {linenos[origin]}"
    elif match.rule == "contained" and match.similarity == 1.0:
        text = f"contained in line {linenos[origin]}"
    else:
        what = "nearly contained in" if match.rule == "contained" else "near copy of"
        text = f"{what} line {linenos[origin]} (similarity {match.similarity:.2f})"
    kept = m.holder[match.slot]
    return (
        text
        if kept == origin
        else f"{text} (kept in its place: line {linenos[kept]}, more complete)"
    )


def decide(
    lines: Sequence[str], linenos: Sequence[int], big: Sequence[bool], m: Matching
) -> dict[int, Change]:
    """The lines to drop (by position), each with the change that explains it."""
    drops: dict[int, Change] = {}
    for i, copied in m.matches.items():
        if big[i]:
            drops[i] = Change(
                STAGE, copied.rule, linenos[i], "drop", detail=_what(copied, linenos, m)
            )
    big_idx = [i for i, is_big in enumerate(big) if is_big]
    for i, is_big in enumerate(big):
        if is_big or not _in_block(i, big_idx, drops, m):
            continue
        match = m.matches.get(i)
        if match is not None:
            drops[i] = Change(STAGE, "block", linenos[i], "drop", detail=_what(match, linenos, m))
        elif units(lines[i]) <= STUB_UNITS:
            drops[i] = Change(
                STAGE, "block-stub", linenos[i], "drop", detail="short line between repeated copies"
            )
    _name_blocks(drops, linenos, m)
    return drops


def _name_blocks(drops: dict[int, Change], linenos: Sequence[int], m: Matching) -> None:
    """Say in each dropped line's detail which repeated block (of 2+ lines) it belongs to."""
    run: list[int] = []
    last_origin = -1

    def flush() -> None:
        origins = [m.matches[i].origin for i in run if i in m.matches]
        if len(run) >= 2 and len(origins) >= 2:
            block = (
                f"lines {linenos[run[0]]}-{linenos[run[-1]]} repeat "
                f"lines {linenos[origins[0]]}-{linenos[origins[-1]]}"
            )
            for i in run:
                change = drops[i]
                drops[i] = _with_detail(change, f"{change.detail}, in a repeated block ({block})")

    for i in sorted(drops):
        match = m.matches.get(i)
        extends = bool(run) and i == run[-1] + 1 and (match is None or match.origin > last_origin)
        if not extends:
            flush()
            run = []
            last_origin = -1
        run.append(i)
        if match is not None:
            last_origin = match.origin
    flush()


def _with_detail(change: Change, detail: str) -> Change:
    return Change(change.stage, change.rule, change.line, change.action, change.count, detail)
