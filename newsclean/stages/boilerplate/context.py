"""Neighbours: a short line sitting between boilerplate lines goes with them (after jusText).

The per-line verdicts (:mod:`.classify`) leave some lines "short": under 40 units, no sentence
end — a menu item, a related headline, but also a title, a section tag, a list item. Such a line
is dropped only when boilerplate surrounds it:

* a run of short lines between two boilerplate lines goes (``分享到：`` / ``微信`` / ``微博`` /
  ``上一篇：…``);
* a run of short lines after a boilerplate line, reaching the end of the document, goes (the
  headlines under ``相关新闻``). The start of a document is no such anchor: titles live there;
* in the header zone (before the first content line) a short line of at least ``TITLE_UNITS``
  is a title candidate and never goes; protected lines (bylines, datelines) never go and stop a
  run.

Every drop here needs a boilerplate line next to the run, and boilerplate lines are all dropped
by the same pass: run again on its own output, the stage finds no anchor, so it drops nothing.
Later stages (duplicates, script, punctuation) cannot create an anchor either, because verdicts
are taken on folded text. That is the idempotence argument; tests/test_boilerplate_props.py
checks it.

>>> from newsclean.config import Config
>>> from .classify import classify
>>> lines = ["正文第一段，讲述会议的召开。", "分享到：", "微信", "微博", "上一篇：某某新闻"]
>>> sorted(neighbours(lines, (1, 2, 3, 4, 5), classify(lines, Config())))
[2, 3]
"""

from __future__ import annotations

from collections.abc import Sequence

from ...chars import units
from ...model import Change
from .classify import Verdict

STAGE = "boilerplate"
#: Short lines this long (units) in the header zone are title candidates.
TITLE_UNITS = 8


def _stops(i: int, verdicts: Sequence[Verdict], lines: Sequence[str], first_content: int) -> bool:
    if verdicts[i].label != "short":
        return True
    return i < first_content and units(lines[i]) >= TITLE_UNITS


def neighbours(
    lines: Sequence[str], linenos: Sequence[int], verdicts: Sequence[Verdict]
) -> dict[int, Change]:
    """Short lines that boilerplate surrounds, as drops (by index)."""
    labels = [v.label for v in verdicts]
    if "content" not in labels or "boilerplate" not in labels:
        return {}
    first_content = labels.index("content")
    drops: dict[int, Change] = {}
    n = len(lines)
    i = 0
    while i < n:
        if _stops(i, verdicts, lines, first_content):
            i += 1
            continue
        j = i
        while j < n and not _stops(j, verdicts, lines, first_content):
            j += 1
        if i > 0 and labels[i - 1] == "boilerplate":
            if j == n:
                detail = f"after boilerplate line {linenos[i - 1]}, at the end"
            elif labels[j] == "boilerplate":
                detail = f"between boilerplate lines {linenos[i - 1]} and {linenos[j]}"
            else:
                detail = ""
            if detail:
                for k in range(i, j):
                    drops[k] = Change(STAGE, "neighbours", linenos[k], "drop", detail=detail)
        i = j
    return drops
