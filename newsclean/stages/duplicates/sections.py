"""Parallel sections: the parts of a series, each under a title alike but for its counter.

A meal plan's "Plan A", "Plan B"…, a trip's "Day 1", "Day 2"…, a course's "第一课", "第二课"…:
each part repeats what the parts share (the same supplement before the same workout, the same
note under every day), and those repeats are the text, not a scraper's copy of it. A line that
copies a line of another part of the same series stays; copies inside one part, and copies of
text outside any series (a body captured twice, the series in it too), go as before.

A series is two or more short lines, not sentences, the same but for one token, a counter
(a number, a letter, a Chinese numeral) that takes at least two values next to each other
(1 and 2, A and B): "Top 10 phones" beside "Top 5 phones" is no series.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from ...chars import CJK

#: A title is this short (characters) ...
TITLE_CHARS = 80
#: ... and holds this many tokens (words, CJK characters), at least and at most.
TITLE_TOKENS = (2, 12)

_TOKEN = re.compile(rf"[{CJK}]|[^\W_]+")
_CJK_NUMERALS = {c: n for n, c in enumerate("〇一二三四五六七八九十")}
_COUNTER = re.compile(r"\d{1,3}|[A-Za-z]|[〇一二三四五六七八九十]")
_SENTENCE_END = re.compile(r"[.!?。！？]\W*$")

#: A series: the lines of one shape, each with its counter's value, in the document's order.
Series = list[tuple[int, int]]


def _value(token: str) -> int:
    if token.isdigit():
        return int(token)
    if token in _CJK_NUMERALS:
        return _CJK_NUMERALS[token]
    return ord(token.lower())


def find_series(lines: Sequence[str]) -> list[Series]:
    """The series among ``lines`` (see the module docstring).

    >>> find_series(["Plan A", "x", "Meal 1", "Plan B", "Meal 1", "Meal 2", "Top 10", "Top 5"])
    [[(0, 97), (3, 98)], [(2, 1), (4, 1), (5, 2)]]
    """
    shapes: dict[tuple[str | None, ...], Series] = defaultdict(list)
    low, high = TITLE_TOKENS
    for i, line in enumerate(lines):
        if len(line) > TITLE_CHARS or _SENTENCE_END.search(line):
            continue
        tokens = _TOKEN.findall(line)
        if not low <= len(tokens) <= high:
            continue
        for k, token in enumerate(tokens):
            if _COUNTER.fullmatch(token):
                shapes[(*tokens[:k], None, *tokens[k + 1 :])].append((i, _value(token)))
    found = []
    for members in shapes.values():
        values = {v for _, v in members}
        if any(v + 1 in values for v in values):
            found.append(members)
    return found


Tags = list[tuple[int | None, ...]]


def section_tags(lines: Sequence[str]) -> tuple[Tags, frozenset[int]] | None:
    """For every line, the counter of the part of each series it stands in (``None`` before
    the series' first title), and the lines that title the parts; ``None`` when the document
    holds no series.

    >>> section_tags(["intro", "Day 1", "x", "Day 2", "x"])
    ([(None,), (1,), (1,), (2,), (2,)], frozenset({1, 3}))
    """
    series = find_series(lines)
    if not series:
        return None
    starts: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for s, members in enumerate(series):
        for i, value in members:
            starts[i].append((s, value))
    current: list[int | None] = [None] * len(series)
    tag = tuple(current)
    tags = []
    for i in range(len(lines)):
        if i in starts:  # a new tuple only where a part starts: the lines between share it
            for s, value in starts[i]:
                current[s] = value
            tag = tuple(current)
        tags.append(tag)
    return tags, frozenset(starts)


def parallel(tags: Sequence[tuple[int | None, ...]], i: int, j: int) -> bool:
    """Do lines ``i`` and ``j`` stand in different parts of one series?"""
    return any(
        a is not None and b is not None and a != b for a, b in zip(tags[i], tags[j], strict=True)
    )
