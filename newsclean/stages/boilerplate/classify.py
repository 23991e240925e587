"""One verdict per line, from the line alone: boilerplate (and why), protected, content, or short.

Cheapest first. Most of a news text is prose — long lines ending like a sentence — and prose is
never matched against the phrase families: only a prose line whose first character can start
one of the few *strong* families (cookie banners, "凡本网注明…" disclaimers) has its beginning
folded and checked against them. The other lines are folded together (one OpenCC call) and go
through debris, strong, protection, learned site boilerplate, phrase families, the user's rules
and line shape, in that order.

>>> from newsclean.config import Config
>>> [v.label for v in classify(["（记者张三）", "责任编辑：李四", "两会专题"], Config())]
['protected', 'boilerplate', 'short']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from hashlib import blake2b
from itertools import compress
from operator import and_, itemgetter, not_
from typing import Literal

from ...chars import units
from ...config import Config
from ..script import traditional
from .lines import (
    SHORT_UNITS,
    SKIP_HEAD,
    core,
    debris_why,
    ends_like_sentence,
    fold_many,
    is_debris,
    prose_flags,
    shape_rule,
)
from .markdown import link_text
from .matcher import Hit, Matcher
from .rules import DROP, KEEP, STRONG, Rules, rules, user_rules

Label = Literal["boilerplate", "protected", "content", "short"]

#: How much of a prose line the strong families look at (they match at its start).
STRONG_PREFIX = 64
_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Verdict:
    """What one line is; ``rule`` and ``detail`` say why, for boilerplate."""

    label: Label
    rule: str = ""
    detail: str = ""


_CONTENT = Verdict("content")
_SHORT = Verdict("short")
_CELLS = re.compile(r"\s*\|\s*")
_PROTECTED = Verdict("protected")


@lru_cache(maxsize=1 << 14)
def site_key(folded: str) -> str:
    """The key a line is counted under across a run: digits, spaces, script, width and case folded.

    >>> site_key("第1期 关于我们") == site_key("第23期关于我们")
    True
    """
    norm = _SPACE.sub("", _DIGITS.sub("0", folded))
    return blake2b(norm.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


def _matched(found: Hit) -> Verdict:
    _, rule, text = found
    return Verdict("boilerplate", rule, f"matched {text.strip()!r}")


#: ``_judge`` ranks below those of the rules: no rule matched, the line's shape decides.
_UNMATCHED = DROP + 1


def _judge(line: str, folded: str) -> tuple[int, Verdict]:
    """The verdict from the line and the shipped rules alone, with the rank that decided it.

    A pure function of the line (and its folded form), so it is remembered
    (:func:`_judged`): a site's menu and footer lines come back on every page of a batch.
    """
    if is_debris(line):
        return STRONG, Verdict("boilerplate", "debris", debris_why(line))
    found = rules().short.find(core(folded))
    if not found and "|" in folded:  # a table row, as the markdown stage leaves it: its cells
        found = rules().short.find(core(_CELLS.sub(" ", folded).strip()))
    if found:
        return found[0], _PROTECTED if found[0] == KEEP else _matched(found)
    shape = shape_rule(folded)
    if shape is not None:
        return _UNMATCHED, Verdict("boilerplate", shape, "")
    # units(line) <= len(line) + 1: most lines are too short to need counting
    if ends_like_sentence(folded) or (len(line) >= SHORT_UNITS - 1 and _not_short(line)):
        return _UNMATCHED, _CONTENT
    return _UNMATCHED, _SHORT


#: ``SHORT_UNITS`` units of ASCII text: half as many words (:func:`...chars.units` counts a
#: word two), each a run of ASCII letters, digits and underscores; the search stops there.
_ASCII_NOT_SHORT = re.compile(rf"(?:[^a-zA-Z0-9_]*+[a-zA-Z0-9_]++){{{(SHORT_UNITS + 1) // 2}}}")


def _not_short(line: str) -> bool:
    """``units(line) >= SHORT_UNITS``, without counting every word of an ASCII line.

    >>> _not_short("word " * 19 + "end"), _not_short("word " * 19), _not_short("字" * 40)
    (True, False, True)
    """
    if line.isascii():
        return _ASCII_NOT_SHORT.match(line) is not None
    return units(line) >= SHORT_UNITS


#: Lines whose fold and verdict (:func:`_judge`) are remembered, per process: the stage and the
#: site learner (:mod:`newsclean.corpus.site`) classify the same short lines, and a site's
#: furniture recurs on all its pages. Emptied when it grows past this (a remembered line
#: costs about 800 bytes: this bounds the memo near 13 MB in every worker of a run).
JUDGED_LINES = 1 << 14
Judged = tuple[str, int, Verdict]  # (folded, rank, verdict)
#: A judged line as remembered: ``(folded, rank, label, rule, detail)``, strings and numbers
#: only (the garbage collector then leaves the memo alone).
_Kept = tuple[str, int, Label, str, str]
#: What is remembered of a line: its text (:func:`.markdown.link_text`), whether that holds
#: Traditional script, and its judgement when its batch was folded without, and with,
#: conversion to Simplified (``t2s`` also converts phrases that hold no character it changes
#: alone: a line's fold depends on its batch).
_Seen = tuple[str, bool, _Kept | None, _Kept | None]
_JUDGED: dict[str, _Seen] = {}
_PLAIN: dict[Label, Verdict] = {v.label: v for v in (_CONTENT, _SHORT, _PROTECTED)}
#: The verdicts made from remembered judgements, by ``(label, rule, detail)``: a frozen
#: verdict is shared, not made again for every line (emptied with :data:`_JUDGED`).
_VERDICTS: dict[tuple[Label, str, str], Verdict] = {}
#: One copy of each verdict's detail the memo holds (a few hundred tell tens of thousands of
#: lines why: ``no text``, ``matched 'subscribe'``), emptied with it.
_DETAILS: dict[str, str] = {}


def remembered(lines: Iterable[str]) -> dict[str, _Seen]:
    """What the stage remembers of ``lines``: for a batch to carry a document's judgements
    from the process that began it to the one that finishes it (:func:`remember`)."""
    get = _JUDGED.get
    return {line: seen for line in lines if (seen := get(line)) is not None}


def remember(seen: Mapping[str, _Seen]) -> None:
    """Remember again what :func:`remembered` gave (judgements made by this stage)."""
    _JUDGED.update(seen)


def _judged(lines: Sequence[str]) -> list[Judged]:
    """``(folded, rank, verdict)`` for each of the short ``lines``: their markup reduced to
    text (:func:`.markdown.link_text`), folded as :func:`.lines.fold_many` folds them together
    (converted to Simplified if any of them needs it), and judged by :func:`_judge`.

    A page repeats its furniture (``Reply``, ``|``, a menu at its top and its foot: a line in
    six on a dump): each line is judged once. That is the same judgement: whether the lines
    are converted depends on which lines there are, not how often (:func:`..script.traditional`
    looks for a character), and a line folds alike whatever lines are folded with it (the
    memo holds it for any batch).

    >>> [v.label for _, _, v in _judged(["Reply", "两会专题", "Reply"])]
    ['short', 'short', 'short']
    """
    unique = dict.fromkeys(lines)
    if len(unique) == len(lines):
        return _judged_once(lines)
    judged = dict(zip(unique, _judged_once(list(unique)), strict=True))
    return [judged[line] for line in lines]


def _judged_once(lines: Sequence[str]) -> list[Judged]:
    """:func:`_judged` for lines that are all different."""
    memo = _JUDGED
    if len(memo) > JUDGED_LINES:
        memo.clear()
        _VERDICTS.clear()
        _DETAILS.clear()
    seen: list[_Seen | None] = list(map(memo.get, lines))
    unseen = [k for k, got in enumerate(seen) if got is None]
    if unseen:
        texts = [link_text(lines[k]) for k in unseen]
        any_traditional = traditional("\n".join(texts))  # most batches: one test for all
        for k, linked in zip(unseen, texts, strict=True):
            line = lines[k]
            text = line if linked == line else linked  # most lines have no markup: one string
            seen[k] = memo[line] = (text, any_traditional and traditional(text), None, None)
    entries: list[_Seen] = seen  # type: ignore[assignment]
    simplify = any(entry[1] for entry in entries)
    new = [k for k, entry in enumerate(entries) if (entry[3] if simplify else entry[2]) is None]
    if new:
        folds = fold_many([entries[k][0] for k in new], simplify)
        for k, folded in zip(new, folds, strict=True):
            rank, v = _judge(lines[k], folded)
            detail = _DETAILS.setdefault(v.detail, v.detail)
            kept: _Kept = (folded, rank, v.label, v.rule, detail)
            text, trad, without, with_ = entries[k]
            entry: _Seen = (text, trad, without, kept) if simplify else (text, trad, kept, with_)
            entries[k] = memo[lines[k]] = entry
    found: list[Judged] = []
    verdicts = _VERDICTS
    for entry in entries:
        got = entry[3] if simplify else entry[2]
        assert got is not None
        why = got[2:]  # (label, rule, detail)
        verdict = verdicts.get(why)
        if verdict is None:
            label, rule, detail = why
            plain = _PLAIN.get(label) if not rule and not detail else None
            verdict = verdicts[why] = plain or Verdict(label, rule, detail)
        found.append((got[0], got[1], verdict))
    return found


def _classify_short(
    line: str, judged: Judged, table: Rules, user: Matcher | None, site: frozenset[str]
) -> Verdict:
    folded, rank, verdict = judged
    if rank <= KEEP:
        return verdict
    if site and site_key(folded) in site and not table.site_keep.find(core(folded)):
        return Verdict("boilerplate", "site", "recurs in many documents of this run")
    if rank == DROP or user is None:
        return verdict
    found = user.find(core(folded))
    return _matched(found) if found else verdict


def classify(lines: Sequence[str], config: Config) -> list[Verdict]:
    """A verdict for every line; each depends on that line (and the config) only."""
    return classify_folded(lines, config)[0]


def classify_folded(lines: Sequence[str], config: Config) -> tuple[list[Verdict], dict[int, str]]:
    """:func:`classify`, and the folded text of the lines that are not prose (by index)."""
    verdicts, folds, _ = judge(lines, config)
    return verdicts, folds


def judge(lines: Sequence[str], config: Config) -> tuple[list[Verdict], dict[int, str], list[int]]:
    """:func:`classify_folded`, and the indexes of the lines whose verdict may not be
    "content" (in order): the others need no second look."""
    table = rules()
    prose = prose_flags(lines)
    # a line with links is prose only if the text they leave is too: a long URL does not make
    # a menu row prose (and no line is prose here that is not prose on its own)
    linked = [i for i in compress(range(len(lines)), prose) if "](" in lines[i]]
    if linked:
        texts = [link_text(lines[i]) for i in linked]
        for i, text, flag in zip(
            linked, texts, prose_flags([t or "x" for t in texts]), strict=True
        ):
            prose[i] = bool(text) and flag
    verdicts = [_CONTENT] * len(lines)
    short = list(compress(range(len(lines)), map(not_, prose)))
    judged = _judged([lines[i] for i in short])
    folds = {i: got[0] for i, got in zip(short, judged, strict=True)}
    user = user_rules(config.boilerplate_phrases, config.boilerplate_patterns)
    site = config.site_boilerplate
    if site or user is not None:
        for i, got in zip(short, judged, strict=True):
            verdicts[i] = _classify_short(lines[i], got, table, user, site)
    else:  # no learned lines, no user's rules: each verdict is the shipped rules' (most runs)
        for i, got in zip(short, judged, strict=True):
            verdicts[i] = got[2]
    strong = _may_be_strong(lines, prose, table)
    for i, folded in zip(
        strong, fold_many([lines[i][:STRONG_PREFIX] for i in strong]), strict=True
    ):
        found = table.strong.find(core(folded))
        if found:
            verdicts[i] = _matched(found)
    if user is not None:  # the user's rules hold for every line, prose too
        strong = sorted(set(strong) | set(_user_matched(lines, prose, user, verdicts)))
    return verdicts, folds, sorted(set(short) | set(strong)) if strong else short


def _user_matched(
    lines: Sequence[str], prose: list[bool], user: Matcher, verdicts: list[Verdict]
) -> list[int]:
    """The prose lines a user rule matches (their verdicts set): the README promises the
    rules match anywhere in a line. A long line still does not go whole (:mod:`.page`)."""
    indexes = list(compress(range(len(lines)), prose))
    found = []
    for i, folded in zip(indexes, fold_many([lines[i] for i in indexes]), strict=True):
        hit = user.find(core(folded))
        if hit:
            verdicts[i] = _matched(hit)
            found.append(i)
    return found


def _may_be_strong(lines: Sequence[str], prose: list[bool], table: Rules) -> list[int]:
    """The prose lines whose start can start a strong match once folded: the first character
    must (or be decoration), and a line that opens with ASCII must open like a strong phrase.
    The first test runs over all lines at C speed (``map``, ``compress``)."""
    first = table.strong.first_chars
    if first is None:
        return list(compress(range(len(lines)), prose))
    firsts = list(map(itemgetter(0), lines))
    can = _can_start(set(firsts), first)
    k, openings = _ascii_openings(table.strong.anchored_starts)
    return [
        i
        for i in compress(range(len(lines)), map(and_, prose, map(can.__contains__, firsts)))
        if firsts[i] in SKIP_HEAD or not lines[i][:k].isascii() or lines[i][:k].lower() in openings
    ]


def _can_start(chars: set[str], first: frozenset[str]) -> set[str]:
    """Those of ``chars`` that a line can start with and start a strong match once folded.
    Decoration that :func:`.lines.core` strips may hide what follows: then yes. The answers
    are remembered; the characters not seen before are folded together (one OpenCC call).

    >>> sorted(_can_start({"本", "該", "a", "*", "新"}, rules().strong.first_chars or frozenset()))
    ['*', 'a', '本', '該']
    """
    memo = _start_memo(first)
    new = [char for char in chars if char not in memo]
    for char, folded in zip(new, fold_many(new), strict=True):
        memo[char] = folded[:1] in first or folded[:1] in SKIP_HEAD or char in first
    return {char for char in chars if memo[char]}


@lru_cache(maxsize=4)
def _start_memo(first: frozenset[str]) -> dict[str, bool]:
    """What :func:`_can_start` has found for each character, for one set of first characters."""
    return {}


@lru_cache(maxsize=4)
def _ascii_openings(starts: frozenset[str]) -> tuple[int, frozenset[str]]:
    """``(k, openings)``: a line whose first ``k`` characters are ASCII, the first not
    decoration, can start a match of rules with these literal ``starts`` only if those
    characters, lower-cased, are one of ``openings``. (Folding leaves ASCII as it is, but for
    case, and :func:`.lines.core` strips nothing before a character that is not decoration:
    they are the first characters the rules see.)

    >>> k, openings = _ascii_openings(frozenset(["we use cookies", "by using", "©", "本文"]))
    >>> k, sorted(openings)
    (8, ['by using', 'we use c'])
    """
    ascii_starts = [s for s in starts if s[0].isascii() and s[0] not in SKIP_HEAD]
    k = min((len(s) for s in ascii_starts), default=1)
    return k, frozenset(s[:k] for s in ascii_starts)
