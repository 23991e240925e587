"""A paragraph that a converter wrapped at a fixed width is judged whole.

html2text writes a paragraph as lines of at most 78 characters (see :mod:`..hardwrap`); the
rules here judge lines. A teaser under a related-stories header, wrapped over two lines, lost
its first line to the page model and kept ``ranks with the ATA.`` (which ends like a
sentence, so the model spares it); a disclaimer paragraph lost the line its phrase stands on
and kept the rest. So where the rules drop some lines of a wrapped paragraph and keep others,
the paragraph goes whole, with the reason of its first dropped line — unless a phrase was
all that dropped it and the paragraph is long prose (:func:`.page.is_long`, as for a long
line), and then it stays whole: a long line never goes for a phrase inside it, nor does a
long paragraph for a phrase on one of its lines. Nor does a paragraph go for a line with no
text (the ``…`` the wrap put alone on its last line): that line says nothing of it, and stays
with the text.

A paragraph none of whose lines the rules drop is judged joined too, as the ``markdown``
stage joins it and a second cleaning reads it: ``**[Related: a headline cut`` / ``by the
wrap] **`` is a related-stories line only whole, and went on the second cleaning.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ...model import Change
from ..hardwrap import joined, wrap_breaks
from .classify import Verdict
from .page import NOT_A_PHRASE, is_long


def whole_paragraphs(
    lines: Sequence[str],
    linenos: Sequence[int],
    drops: dict[int, Change],
    blank: bool,
    judge: Callable[[str], Verdict],
) -> dict[int, Change]:
    """``drops`` (by position) with every wrapped paragraph either dropped whole or kept
    whole. ``blank``: whether blank lines set the document's paragraphs apart
    (:func:`..hardwrap.blank_lines`); without them nothing is taken as wrapped. ``judge``:
    the rules' verdict on a line, for a paragraph joined."""
    wrapped = wrap_breaks(lines, linenos) if blank else None
    if wrapped is None:
        return drops
    breaks = wrapped[1]
    out = dict(drops)
    start = 0
    for i in range(len(lines)):
        if i in breaks:
            continue
        members = range(start, i + 1)
        start = i + 1
        gone = [j for j in members if j in drops]
        if not gone and len(members) > 1:
            out.update(_joined_drops(lines, linenos, members, judge))
        if not gone or len(gone) == len(members):
            continue
        if all(drops[j].rule == "debris" and drops[j].detail.startswith("no text") for j in gone):
            for j in gone:  # a line with no text says nothing of its paragraph: the text
                del out[j]  # stays, and the ``…`` or ``)`` it wrapped onto stays with it
            continue
        phrase = any(drops[j].rule not in NOT_A_PHRASE for j in gone)
        if phrase and is_long(" ".join(lines[j] for j in members)):
            for j in gone:
                del out[j]
            continue
        first = drops[gone[0]]
        span = f"lines {linenos[members[0]]}-{linenos[i]}"
        detail = f"{first.detail}; with its paragraph ({span})"
        for j in members:
            if j not in drops:
                out[j] = Change(first.stage, first.rule, linenos[j], "drop", detail=detail)
    return out


def _joined_drops(
    lines: Sequence[str], linenos: Sequence[int], members: range, judge: Callable[[str], Verdict]
) -> dict[int, Change]:
    """The drops of a wrapped paragraph whose joined text the rules drop (and that is not long
    prose, which no phrase drops): all its lines; else none."""
    text = lines[members[0]]
    for j in members[1:]:
        text = joined(text, lines[j])
    if is_long(text):
        return {}
    verdict = judge(text)
    if verdict.label != "boilerplate":
        return {}
    span = f"lines {linenos[members[0]]}-{linenos[members[-1]]}"
    detail = f"{verdict.detail}; the paragraph joined ({span})"
    return {
        j: Change("boilerplate", verdict.rule, linenos[j], "drop", detail=detail) for j in members
    }
