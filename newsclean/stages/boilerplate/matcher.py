"""Many named patterns, matched fast: the first match of any, and the name of its family.

One big alternation is slow in Python's ``re``: named groups defeat both of its shortcuts (skip
positions whose character cannot start a match; skip branches whose first literal differs), so
every branch is tried at every position. Instead:

* patterns anchored at the start (``^…``) are bucketed by the characters they can start with,
  and only the bucket of the line's first character is tried, once, at position 0;
* floating rules (phrases, unanchored patterns) are found through a trie of the literal strings
  they must start with — one search that ``re`` runs at C speed — and only the rules behind a
  found prefix are tried, at that position.

Rules whose start cannot be worked out from their source go to a fallback, tried on every line
(anchored ones at position 0 only).

>>> m = Matcher.build([(1, "nav", "^(上一篇|下一篇)"), (1, "copy", "版权所有"), (0, "keep", "记者")])
>>> m.find("上一篇：新闻"), m.find("某网 版权所有 记者"), m.find("正文")
((1, 'nav', '上一篇'), (0, 'keep', '记者'), None)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

_SPECIAL = frozenset(".^$*+?{}[]\\|()")
DIGITS = "0123456789"


Hit = tuple[int, str, str]  # (rank, family, matched text)


@dataclass(frozen=True)
class Matcher:
    """Rules compiled for :meth:`find`. Build one with :meth:`build`.

    Every rule has a rank: when several match a line, the lowest rank wins (protection before
    boilerplate, say), whatever their positions.
    """

    anchored: dict[str, re.Pattern[str]] = field(default_factory=dict)
    prefixes: re.Pattern[str] | None = None
    floating: dict[str, tuple[tuple[int, str, re.Pattern[str]], ...]] = field(default_factory=dict)
    #: Rules whose start is unknown, by rank: (anchored ones, matched at 0; floating ones).
    unknown: tuple[tuple[re.Pattern[str] | None, re.Pattern[str] | None], ...] = ()
    groups: dict[str, tuple[int, str]] = field(default_factory=dict)

    @classmethod
    def build(cls, rules: Iterable[tuple[str, str] | tuple[int, str, str]]) -> Matcher:
        """``rules`` are ``(family, regex source)`` or ``(rank, family, regex source)``."""
        buckets: dict[str, list[tuple[int, str, str]]] = {}
        floating: dict[str, list[tuple[int, str, re.Pattern[str]]]] = {}
        unknown: dict[int, tuple[list[tuple[int, str, str]], list[tuple[int, str, str]]]] = {}
        for rule in rules:
            rank, family, source = rule if len(rule) == 3 else (0, *rule)
            starts = literal_starts(source)
            if starts is None:
                anchored, floats = unknown.setdefault(rank, ([], []))
                (anchored if source.startswith("^") else floats).append((rank, family, source))
            elif source.startswith("^"):
                for first in sorted({s[0] for s in starts}):
                    buckets.setdefault(first, []).append((rank, family, source))
            else:
                compiled = re.compile(source)
                for start in sorted(starts):
                    floating.setdefault(start, []).append((rank, family, compiled))
        groups: dict[str, tuple[int, str]] = {}
        return cls(
            anchored={first: _named(items, groups) for first, items in buckets.items()},
            prefixes=re.compile(trie_regex(floating)) if floating else None,
            floating=_closure(floating),
            unknown=tuple(
                (_named(a, groups) if a else None, _named(f, groups) if f else None)
                for _, (a, f) in sorted(unknown.items())
            ),
            groups=groups,
        )

    @property
    def first_chars(self) -> frozenset[str] | None:
        """What a match can start with, if every rule is anchored and plain; else None."""
        if self.floating or self.unknown:
            return None
        return frozenset(self.anchored)

    def find(self, text: str) -> Hit | None:
        """``(rank, family, matched text)`` of the best rule that matches, or None."""
        best: Hit | None = None
        bucket = self.anchored.get(text[:1])
        m = bucket.match(text) if bucket is not None else None
        if m:
            best = (*self.groups[m.lastgroup or ""], m.group())
        if self.prefixes is not None:
            best = self._floating(text, self.prefixes, best)
        for at_start, floats in self.unknown:
            for found in (
                at_start.match(text) if at_start else None,
                floats.search(text) if floats else None,
            ):
                if found:
                    hit = (*self.groups[found.lastgroup or ""], found.group())
                    if best is None or hit[0] < best[0]:
                        best = hit
        return best

    def _floating(self, text: str, prefixes: re.Pattern[str], best: Hit | None) -> Hit | None:
        pos = 0
        while m := prefixes.search(text, pos):
            at = m.start()
            for rank, family, rule in self.floating[m.group()]:
                if best is not None and rank >= best[0]:
                    break
                found = rule.match(text, at)
                if found:
                    best = (rank, family, found.group())
            pos = at + 1
        return best


def _closure(
    floating: dict[str, list[tuple[int, str, re.Pattern[str]]]],
) -> dict[str, tuple[tuple[int, str, re.Pattern[str]], ...]]:
    """For each start, its rules and those of the shorter starts it begins with, best rank first
    (the trie reports the longest start found at a position)."""
    out = {}
    for key in floating:
        rules = [rule for k in range(1, len(key) + 1) for rule in floating.get(key[:k], ())]
        out[key] = tuple(sorted(rules, key=lambda rule: rule[0]))
    return out


def _named(
    items: list[tuple[int, str, str]], groups: dict[str, tuple[int, str]]
) -> re.Pattern[str]:
    """One pattern; its named groups (recorded in ``groups``) say the rank and family."""
    ordered: dict[tuple[int, str], list[str]] = {}
    for rank, family, source in sorted(items, key=lambda item: item[0]):
        ordered.setdefault((rank, family), []).append(f"(?:{source})")
    parts = []
    for (rank, family), sources in ordered.items():
        name = f"g{rank}_{family}"
        groups[name] = (rank, family)
        parts.append(f"(?P<{name}>{'|'.join(sources)})")
    return re.compile("|".join(parts))


def trie_regex(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, shaped as a trie so ``re`` never backtracks far.

    >>> trie_regex(["分享到", "分享至", "扫一扫"])
    '(?:分享(?:到|至)|扫一扫)'
    """
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(trie)


def _emit(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
    end = "" in node
    branches = [re.escape(ch) + _emit(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and not end else "(?:" + "|".join(branches) + ")"
    return body + "?" if end else body


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
    found = _starts(source.removeprefix("^"))
    if not found or "" in found:
        return None
    return frozenset(found)


_MAX_STARTS = 64


def _union(parts: list[set[str] | None]) -> set[str] | None:
    out: set[str] = set()
    for part in parts:
        if part is None:
            return None
        out |= part
    return out


def _starts(src: str) -> set[str] | None:
    """Prefixes one of which starts every match of ``src`` ("" if it may start anyhow)."""
    alternatives = _split_top(src)
    if len(alternatives) > 1:
        return _union([_starts(alt) for alt in alternatives])
    if not src or src[0] == "$":
        return {""}
    if src[0] == "(":
        return _group_starts(src)
    if src[0] == "^":
        return _starts(src[1:])
    chars, rest = _single(src)
    if chars is None:
        return None
    quantifier, after = _quantifier(rest)
    if quantifier == "optional":
        return _union([chars, _starts(after)])
    if quantifier == "repeated":
        return chars
    more = _starts(after)
    if more is None or len(chars) * len(more) > _MAX_STARTS:
        return chars
    return {c + m for c in chars for m in more}


def _group_starts(src: str) -> set[str] | None:
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
