"""What a regular expression's matches must start with, read from its source.

:class:`.matcher.Matcher` uses it to try a rule only where it can match: an anchored rule on the
lines that start with one of its first characters, a floating rule where one of its literal
starts occurs. The reading is conservative: when the source does not say (a wildcard, a negated
class, a lookaround at the start), the answer is None and the rule is tried everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

_SPECIAL = frozenset(".^$*+?{}[]\\|()")
DIGITS = "0123456789"


def literal_starts(source: str) -> frozenset[str] | None:
    """Literal strings one of which begins every match of ``source`` (an ``^`` is ignored);
    None when the source does not say (a wildcard, a negated class, a lookaround first).
    ``\\d`` stands for the ASCII digits (lines are folded: fullwidth digits are ASCII by then).

    >>> sorted(literal_starts("^\\\\(?(责任编辑|编辑)\\\\s*:"))
    ['(', '编辑', '责任编辑']
    >>> len(literal_starts("^\\\\d+ min read")), sorted(literal_starts("icp(备|证)")), literal_starts("^.x")
    (10, ['icp备', 'icp证'], None)
    >>> sorted(literal_starts("(?:(?<=网)|(?<=台))欢迎(您|你)$")), sorted(literal_starts("^[a-c][.)]"))
    (['欢迎你', '欢迎您'], ['a)', 'a.', 'b)', 'b.', 'c)', 'c.'])
    """
    try:
        found = _starts(source.removeprefix("^"))
    finally:  # the memo serves one source: kept, it would hold every suffix of every rule
        _starts.cache_clear()
    if not found or "" in found:
        return None
    return frozenset(found)


_MAX_STARTS = 64


def _union(parts: list[frozenset[str] | None]) -> frozenset[str] | None:
    out: set[str] = set()
    for part in parts:
        if part is None:
            return None
        out |= part
    return frozenset(out)


@lru_cache(maxsize=4096)
def _starts(src: str) -> frozenset[str] | None:
    """Prefixes one of which starts every match of ``src`` ("" if it may start anyhow).

    Remembered while one source is read (:func:`literal_starts`): it is read suffix by suffix,
    a group's alternatives each with what follows the group."""
    alternatives = _split_top(src)
    if len(alternatives) > 1:
        return _union([_starts(alt) for alt in alternatives])
    if not src or src[0] == "$":
        return frozenset({""})
    if src[0] == "(":
        return _group_starts(src)
    if src[0] == "^":
        return _starts(src[1:])
    chars, rest = _single(src)
    if chars is None:
        return None
    quantifier, after = _quantifier(rest)
    if quantifier == "optional":
        return _union([frozenset(chars), _starts(after)])
    if quantifier == "repeated":
        return frozenset(chars)
    more = _starts(after)
    if more is None or len(chars) * len(more) > _MAX_STARTS:
        return frozenset(chars)
    return frozenset(c + m for c in chars for m in more)


def _group_starts(src: str) -> frozenset[str] | None:
    end = _group_end(src)
    if end is None:
        return None
    inner = src[1:end]
    quantifier, after = _quantifier(src[end + 1 :])
    if inner.startswith(("?=", "?!", "?<=", "?<!")):  # zero width
        return _starts(after)
    if inner.startswith("?:"):
        inner = inner[2:]
    elif inner.startswith("?P<"):
        inner = inner[inner.index(">") + 1 :]
    elif inner.startswith("?"):
        return None
    alternatives = _split_top(inner)
    if quantifier == "once":
        return _union([_starts(alt + after) for alt in alternatives])
    parts = [_starts(alt) for alt in alternatives]
    if quantifier == "optional":
        parts.append(_starts(after))
    return _union(parts)


_QUANT = re.compile(r"(?:[?*+]|\{(\d*)(?:,\d*)?\})[?+]?")


def _quantifier(rest: str) -> tuple[str, str]:
    """("once" | "optional" | "repeated", what follows the quantifier)."""
    m = _QUANT.match(rest)
    if not m:
        return "once", rest
    optional = m.group().startswith(("?", "*")) or m.group(1) in ("", "0")
    return ("optional" if optional else "repeated"), rest[m.end() :]


def _single(src: str) -> tuple[set[str] | None, str]:
    """The characters one leading element can be: a literal, an escaped character, ``\\d``
    (ASCII digits) or a plain class of literals and small ranges."""
    if src.startswith("\\d"):
        return set(DIGITS), src[2:]
    if src[0] == "\\":
        ch = src[1:2]
        return ({ch}, src[2:]) if ch and not ch.isalnum() else (None, src)
    if src[0] == "[":
        return _class(src)
    return (None, src) if src[0] in _SPECIAL else ({src[0]}, src[1:])


def _class(src: str) -> tuple[set[str] | None, str]:
    close = _class_end(src, 0)
    if src[1:2] == "^" or close < 0 or "\\" in src[1:close]:
        return None, src
    body, chars, i = src[1:close], set(), 0
    while i < len(body):
        if i + 2 < len(body) and body[i + 1] == "-":
            if ord(body[i + 2]) - ord(body[i]) > 64:
                return None, src
            chars |= {chr(c) for c in range(ord(body[i]), ord(body[i + 2]) + 1)}
            i += 3
        else:
            chars.add(body[i])
            i += 1
    return chars, src[close + 1 :]


def _class_end(src: str, i: int) -> int:
    """Index of the ``]`` closing the class that opens at ``i`` (-1 if none)."""
    j = i + 1
    if src[j : j + 1] == "^":
        j += 1
    if src[j : j + 1] == "]":
        j += 1
    while j < len(src):
        if src[j] == "\\":
            j += 2
            continue
        if src[j] == "]":
            return j
        j += 1
    return -1


def _scan(src: str) -> Iterator[tuple[int, str, int]]:
    """The characters outside escapes and classes, with the group depth after each."""
    depth, i = 0, 0
    while i < len(src):
        ch = src[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            close = _class_end(src, i)
            if close < 0:
                return
            i = close + 1
            continue
        depth += {"(": 1, ")": -1}.get(ch, 0)
        yield i, ch, depth
        i += 1


def _group_end(src: str) -> int | None:
    return next((i for i, _, depth in _scan(src) if depth == 0), None)


def _split_top(group: str) -> list[str]:
    parts, start = [], 0
    for i, ch, depth in _scan(group):
        if ch == "|" and depth == 0:
            parts.append(group[start:i])
            start = i + 1
    return [*parts, group[start:]]
