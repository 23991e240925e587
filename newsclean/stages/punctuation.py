"""Stage ``punctuation``: restore fullwidth punctuation that was narrowed to ASCII in Chinese text.

An ASCII ``, : ; ! ?`` that touches Chinese text (a Han character or CJK punctuation right
before or after it) becomes ``， ： ； ！ ？``. A pair of ASCII parentheses becomes ``（ ）`` when
it holds Chinese and touches Chinese text (or the line's edge) on the outside. Everything else
is left alone: English text, ``2.3%``, ``8:30``, URLs, and ``重(chóng)新`` (Latin inside). Spans
the damage detector flags (``確!,``) keep their ASCII marks: converting them would hide damage.

A conversion only ever adds Chinese context and never takes a condition away, so converting
until nothing changes gives one result whatever the order: the stage converts all the lines
that need it at once, as one text, with a plain-string substitution per mark.

>>> from newsclean.model import Doc
>>> from newsclean.config import Config
>>> punctuation(Doc.from_text("8:30,大会宣布:开幕!(记者张三)"), Config()).lines
('8:30，大会宣布：开幕！（记者张三）',)
"""

from __future__ import annotations

import re
from itertools import repeat
from typing import NamedTuple

from ..chars import CJK_PUNCT, HAN
from ..config import Config
from ..model import Change, Doc
from .encoding.damage import damage_spans

STAGE = "punctuation"

_CTX = f"[{HAN}{CJK_PUNCT}]"
_FULL = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？"}


class _Mark(NamedTuple):
    """One ASCII mark, its fullwidth form, and two patterns that each start with the mark, so
    that ``re`` scans for them fast: the mark with Chinese context on either side (converted),
    and with none (left)."""

    ascii: str
    full: str
    converted: re.Pattern[str]
    left: re.Pattern[str]


_MARKS = tuple(
    _Mark(
        mark,
        full,
        re.compile(rf"{re.escape(mark)}(?:(?={_CTX})|(?<={_CTX}.))"),
        re.compile(rf"{re.escape(mark)}(?<![{HAN}{CJK_PUNCT}].)(?!{_CTX})"),
    )
    for mark, full in _FULL.items()
)
#: A parenthesised span holding Han, with Chinese context or the line's edge before it
#: (nothing before it but Chinese or a newline) or after it. Starts with ``(``: a fast scan;
#: possessive, so that ``(huì)`` fails at once.
_PAREN = re.compile(
    rf"\((?=[^()\n{HAN}]*+[{HAN}])(?:(?<![^{HAN}{CJK_PUNCT}\n]\()|(?=[^()\n]*+\)(?:{_CTX}|$)))"
    rf"([^()\n]*+)\)",
    re.MULTILINE,
)


#: What finds a conversion to make: each a literal scan, much faster than one for a class.
_FINDERS = (*(mark.converted for mark in _MARKS), _PAREN)


def _paren(m: re.Match[str]) -> str:
    return f"（{m.group(1)}）"


def restore(text: str) -> str:
    """Convert ``text`` (no damage in it; one or more lines) until it is stable.

    One conversion can enable another: here the second pair, at the end of the line, makes
    the first one touch Chinese; the commas are converted from the right.

    >>> restore("a,,中 (中)(中)")
    'a，，中 （中）（中）'
    """
    while True:
        count = 0
        for mark in _MARKS:
            if mark.ascii not in text:  # finding one character is much faster than a scan
                continue
            if mark.left.search(text) is None:  # every one is converted: a plain replace
                count += text.count(mark.ascii)
                text = text.replace(mark.ascii, mark.full)
            else:
                text, n = mark.converted.subn(mark.full, text)
                count += n
        if "(" in text:
            text, n = _PAREN.subn(_paren, text)
            count += n
        if not count:
            return text


def _restore_around_damage(line: str, spans: list[tuple[int, int]]) -> str:
    out, last = [], 0
    for start, end in spans:
        out.append(restore(line[last:start]))
        out.append(line[start:end])
        last = end
    out.append(restore(line[last:]))
    return "".join(out)


def _restore_line(line: str) -> str:
    spans = damage_spans(line)
    return _restore_around_damage(line, spans) if spans else restore(line)


def punctuation(doc: Doc, config: Config) -> Doc:
    """Restore fullwidth punctuation in Chinese text, leaving damaged spans untouched."""
    text = doc.body
    if not _may_convert(text):
        return doc
    if text.count("\n") != len(doc.lines) - 1:  # a line holds a newline (a Doc built by hand)
        return doc.edited([_restore_line(line) for line in doc.lines], STAGE, "fullwidth")
    lines = restore(text).split("\n")
    changed = [i for i, (old, new) in enumerate(zip(doc.lines, lines, strict=True)) if old != new]
    # damage is looked for where conversions were made, and converted around, line by line
    damaged = [changed[k] for k in _damaged_lines("\n".join(doc.lines[i] for i in changed))]
    for i in damaged:
        lines[i] = _restore_line(doc.lines[i])
    if damaged:
        changed = [i for i in changed if lines[i] != doc.lines[i]]
    if not changed:
        return doc
    linenos = [doc.linenos[i] for i in changed]
    changes = map(Change, repeat(STAGE), repeat("fullwidth"), linenos)
    # a conversion never empties a line, so no line is dropped: no rewrite needed
    return doc.evolve(lines, changes=changes)


def _may_convert(text: str) -> bool:
    """Is there a mark or a pair of parentheses to convert? (One literal scan per mark: a scan
    for a class of characters costs several times as much.)

    >>> _may_convert("Hello, world (again)."), _may_convert("开幕!")
    (False, True)
    """
    try:
        text.encode("latin-1")  # all in one byte per character: no Chinese
        return False
    except UnicodeEncodeError:
        pass
    return any(pattern.search(text) for pattern in _FINDERS)


def _damaged_lines(text: str) -> set[int]:
    """The indexes of the lines of ``text`` with damage (found in the whole text at once: no
    damage span crosses a line break)."""
    out, line, pos = set(), 0, 0
    for start, _ in damage_spans(text):
        line += text.count("\n", pos, start)
        out.add(line)
        pos = start
    return out
