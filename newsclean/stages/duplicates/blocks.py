"""Deciding what goes, and saying why: long copies always, short ones only inside a repeated block.

A short paragraph (under ``Config.min_duplicate_units``) repeats legitimately — a list item
"是。", a poem's chorus — so it goes only when it sits inside a repeated run: the nearest long
paragraphs on both sides are dropped copies, of lines before and after the one it copies, not
far apart. A very short stub that copies nothing (a credit variant, a lone ``|``) goes when it
is sandwiched between two such copies.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from ...chars import units
from ...model import Change
from .listings import keep_edited_listings
from .match import Match, Matching

STAGE = "duplicates"
#: A stub that copies nothing goes with a repeated block only when it is this short.
STUB_UNITS = 6


class Longness:
    """Which lines are long (``units >= min_units``), measured only for the lines asked about,
    and the nearest long line before or after a line, found without rescanning."""

    def __init__(
        self, lines: Sequence[str], is_long: Callable[[str], bool], known: dict[str, bool]
    ) -> None:
        self.lines = lines
        self.is_long = is_long
        self.known = known  # line -> is it long: shared by the passes over one document
        self._before: dict[int, int | None] = {}
        self._after: dict[int, int | None] = {}

    def __getitem__(self, i: int) -> bool:
        line = self.lines[i]
        big = self.known.get(line)
        if big is None:
            big = self.known[line] = self.is_long(line)
        return big

    def before(self, i: int) -> int | None:
        """The nearest long line before line ``i``."""
        return self._nearest(i, -1, self._before)

    def after(self, i: int) -> int | None:
        """The nearest long line after line ``i``."""
        return self._nearest(i, 1, self._after)

    def _nearest(self, i: int, step: int, memo: dict[int, int | None]) -> int | None:
        seen = []
        j = i + step
        found: int | None = None
        while 0 <= j < len(self.lines):
            if j in memo:
                found = memo[j]
                break
            seen.append(j)
            if self[j]:
                found = j
                break
            j += step
        for k in seen:  # memo[k]: the nearest long line at or beyond k in this direction
            memo[k] = found
        return found


def _in_block(
    i: int, big: Longness, drops: Mapping[int, object], m: Matching, edges: tuple[int, int]
) -> bool:
    """Is short line ``i`` sandwiched between long copies that repeat in their original order?
    ``edges``: :func:`_copied_edges`."""
    prev, nxt = big.before(i), big.after(i)
    if prev is None and nxt is None:
        return False
    if any(n is not None and n not in drops for n in (prev, nxt)):
        return False
    # At the document's edge there is no long copy on that side to close the block: it holds
    # the line only where every line from it to the edge is a copy too (a doubled body's tail).
    # A short line that copies nothing closes it first: the second of two lists alike (two
    # products' specs, the last line different) is no copy of the first.
    head, tail = edges
    if (nxt is None and i + 1 < tail) or (prev is None and i > head):
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


def _copied_edges(n: int, m: Matching) -> tuple[int, int]:
    """``(head, tail)``: every line before ``head`` is a copy, and every line from ``tail`` on
    (of ``n`` lines)."""
    head = 0
    while head < n and head in m.matches:
        head += 1
    tail = n
    while tail > 0 and tail - 1 in m.matches:
        tail -= 1
    return head, tail


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
    elif match.rule == "repeated-item":
        text = f"a list item repeating line {linenos[origin]}, which stays"
    else:
        what = "nearly contained in" if match.rule == "contained" else "near copy of"
        text = f"{what} line {linenos[origin]} (similarity {match.similarity:.2f})"
    kept = m.holder[match.slot]
    why = "tidier" if match.slot in m.tidier else "more complete"
    if kept in (origin, match.slot):  # (a copy in a part of a series: see .sections)
        return text
    return f"{text} (kept in its place: line {linenos[kept]}, {why})"


def decide(
    lines: Sequence[str],
    linenos: Sequence[int],
    big: Longness,
    m: Matching,
    titles: frozenset[int] = frozenset(),
) -> dict[int, Change]:
    """The lines to drop (by position), each with the change that explains it. ``titles``:
    lines that title the parts of a series (:mod:`.sections`), never stubs."""
    drops: dict[int, tuple[str, str]] = {}  # line -> (rule, detail)
    for i, copied in m.matches.items():
        if big[i]:
            drops[i] = (copied.rule, _what(copied, linenos, m))
    edges = _copied_edges(len(lines), m)
    for i in _next_to(drops, big):
        if not _in_block(i, big, drops, m, edges):
            continue
        match = m.matches.get(i)
        if match is not None:
            drops[i] = ("block", _what(match, linenos, m))
        elif units(lines[i]) <= STUB_UNITS and i not in titles:
            drops[i] = ("block-stub", "short line between repeated copies")
    origins = {m.matches[i].origin for i in drops if i in m.matches}
    drops = keep_edited_listings(lines, drops, origins)
    _name_blocks(drops, linenos, m)
    return {
        i: Change(STAGE, rule, linenos[i], "drop", detail=detail)
        for i, (rule, detail) in drops.items()
    }


def _next_to(drops: Mapping[int, object], big: Longness) -> list[int]:
    """The short lines whose nearest long line before or after is a dropped copy: the only
    ones that can be inside a repeated block."""
    found: set[int] = set()
    for d in list(drops):
        for step in (-1, 1):
            j = d + step
            while 0 <= j < len(big.lines) and j not in found and not big[j]:
                found.add(j)
                j += step
    return sorted(found)


def _name_blocks(drops: dict[int, tuple[str, str]], linenos: Sequence[int], m: Matching) -> None:
    """Say in each dropped line's detail which repeated block (of 2+ lines) it belongs to."""
    run: list[int] = []
    last_origin = -1

    def flush() -> None:
        origins = [m.matches[i].origin for i in run if i in m.matches]
        if len(run) >= 2 and len(origins) >= 2:
            block = (
                f", in a repeated block (lines {linenos[run[0]]}-{linenos[run[-1]]} repeat "
                f"lines {linenos[origins[0]]}-{linenos[origins[-1]]})"
            )
            for i in run:
                rule, detail = drops[i]
                drops[i] = (rule, detail + block)

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
