"""Many named patterns, matched fast: the best-ranked match of any, and the name of its family.

One big alternation is slow in Python's ``re``: named groups defeat both of its shortcuts (skip
positions whose character cannot start a match; skip branches whose first literal differs), so
every branch is tried at every position. Instead:

* patterns anchored at the start (``^…``) are bucketed by the characters they can start with,
  and only the bucket of the line's first character is tried, once, at position 0;
* floating rules (phrases, unanchored patterns) are found through a trie of the literal strings
  they must start with — one search that ``re`` runs at C speed — and only the rules behind a
  found prefix are tried, at that position. There are two tries, for the starts that begin
  with an ASCII character and for the others: ``re`` tries the branches of a trie one by one,
  and an English line should not pay for the Chinese ones at every letter.

Rules whose start cannot be worked out from their source go to a fallback, tried on every line
(anchored ones at position 0 only).

>>> m = Matcher.build([(1, "nav", "^(上一篇|下一篇)"), (1, "copy", "版权所有"), (0, "keep", "记者")])
>>> m.find("上一篇：新闻"), m.find("某网 版权所有 记者"), m.find("正文")
((1, 'nav', '上一篇'), (0, 'keep', '记者'), None)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from .starts import literal_starts

Hit = tuple[int, str, str]  # (rank, family, matched text)


@dataclass(frozen=True)
class Matcher:
    """Rules compiled for :meth:`find`. Build one with :meth:`build`.

    Every rule has a rank: when several match a line, the lowest rank wins (protection before
    boilerplate, say), whatever their positions.
    """

    anchored: dict[str, re.Pattern[str]] = field(default_factory=dict)
    #: Tries of the floating rules' starts (ASCII-initial ones, the others), where there are any.
    prefixes: tuple[re.Pattern[str], ...] = ()
    floating: dict[str, tuple[tuple[int, str, re.Pattern[str]], ...]] = field(default_factory=dict)
    #: Rules whose start is unknown, by rank: (anchored ones, matched at 0; floating ones).
    unknown: tuple[tuple[re.Pattern[str] | None, re.Pattern[str] | None], ...] = ()
    groups: dict[str, tuple[int, str]] = field(default_factory=dict)
    #: What matches of the anchored rules start with (see :func:`.starts.literal_starts`).
    anchored_starts: frozenset[str] = frozenset()

    @classmethod
    def build(cls, rules: Iterable[tuple[str, str] | tuple[int, str, str]]) -> Matcher:
        """``rules`` are ``(family, regex source)`` or ``(rank, family, regex source)``."""
        buckets: dict[str, list[tuple[int, str, str]]] = {}
        floating: dict[str, list[tuple[int, str, re.Pattern[str]]]] = {}
        unknown: dict[int, tuple[list[tuple[int, str, str]], list[tuple[int, str, str]]]] = {}
        anchored_starts: set[str] = set()
        for rule in rules:
            rank, family, source = rule if len(rule) == 3 else (0, *rule)
            starts = literal_starts(source)
            if starts is None:
                anchored, floats = unknown.setdefault(rank, ([], []))
                (anchored if source.startswith("^") else floats).append((rank, family, source))
            elif source.startswith("^"):
                anchored_starts |= starts
                for first in sorted({s[0] for s in starts}):
                    buckets.setdefault(first, []).append((rank, family, source))
            else:
                compiled = re.compile(source)
                for start in sorted(starts):
                    floating.setdefault(start, []).append((rank, family, compiled))
        groups: dict[str, tuple[int, str]] = {}
        return cls(
            anchored={first: _named(items, groups) for first, items in buckets.items()},
            prefixes=tuple(
                re.compile(trie_regex(starts))
                for starts in (
                    [s for s in floating if s[0].isascii()],
                    [s for s in floating if not s[0].isascii()],
                )
                if starts
            ),
            floating=_closure(floating),
            unknown=tuple(
                (_named(a, groups) if a else None, _named(f, groups) if f else None)
                for _, (a, f) in sorted(unknown.items())
            ),
            groups=groups,
            anchored_starts=frozenset(anchored_starts),
        )

    @cached_property
    def first_chars(self) -> frozenset[str] | None:
        """What a match can start with, if every rule is anchored and plain; else None."""
        if self.floating or self.unknown:
            return None
        return frozenset(self.anchored)

    @cached_property
    def _tries(self) -> tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]]:
        """The tries of :attr:`prefixes` to search ASCII text with, and other text: a trie
        whose starts all begin beyond ASCII finds nothing in ASCII text."""
        starts = [s for s in self.floating if s[0].isascii()]
        return tuple(p for p in self.prefixes if any(p.match(s) for s in starts)), self.prefixes

    def find(self, text: str) -> Hit | None:
        """``(rank, family, matched text)`` of the best rule that matches, or None."""
        best: Hit | None = None
        bucket = self.anchored.get(text[:1])
        if bucket is not None:
            m = bucket.match(text)
            if m:
                best = (*self.groups[m.lastgroup or ""], m.group())
        where = -1  # where ``best`` was found: an anchored match comes first
        for prefixes in self._tries[0] if text.isascii() else self._tries[1]:
            m = prefixes.search(text)  # most lines hold no start: no further call
            if m is not None:
                best, where = self._floating(text, prefixes, m, best, where)
        for at_start, floats in self.unknown:
            # (no tuple of the two looks per line: most lines match neither)
            found = at_start.match(text) if at_start else None
            if found:
                best = self._unknown_hit(found, best)
            found = floats.search(text) if floats else None
            if found:
                best = self._unknown_hit(found, best)
        return best

    def _unknown_hit(self, found: re.Match[str], best: Hit | None) -> Hit | None:
        """The better of ``best`` and a rule's match that :attr:`unknown` found."""
        hit = (*self.groups[found.lastgroup or ""], found.group())
        return hit if best is None or hit[0] < best[0] else best

    def _floating(
        self,
        text: str,
        prefixes: re.Pattern[str],
        m: re.Match[str] | None,
        best: Hit | None,
        where: int,
    ) -> tuple[Hit | None, int]:
        """The best hit so far and its position, after the rules whose starts ``prefixes``
        finds (``m``: its first find): a hit wins with a better rank, or the same rank
        earlier in the line."""
        while m:
            at = m.start()
            for rank, family, rule in self.floating[m.group()]:
                if best is not None and (rank, at) >= (best[0], where):
                    break
                found = rule.match(text, at)
                if found:
                    best, where = (rank, family, found.group()), at
            m = prefixes.search(text, at + 1)
        return best, where


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
