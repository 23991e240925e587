"""Neighbours: a short line sitting between boilerplate lines goes with them (after jusText).

The per-line verdicts (:mod:`.classify`) leave some lines "short": under 40 units, no sentence
end — a menu item, a related headline, but also a title, a section tag, a list item. Such a line
is dropped only when boilerplate surrounds it:

* a run of short lines between two boilerplate lines goes (``分享到：`` / ``微信`` / ``微博`` /
  ``上一篇：…``), unless it holds sentences running on from line to line (a text wrapped at a
  fixed width: :func:`_wrapped_prose`); a line of table markup alone (``|``, ``---|---``) is
  no anchor: tables hold data as well as menus; nor is an elision mark alone (``[...]``), nor
  a heading's underline (``=====`` right under its line of text);
* so does a run between a boilerplate line and an edge of the document: the headlines under
  ``相关新闻`` at the end, a site's name above its menu at the start;
* titles live in the header zone (before the first content line), so there the short line
  nearest to the first content line (bylines, datelines and boilerplate skipped), and every
  short line of at least ``TITLE_UNITS``, are title candidates: they never go and stop a run.
  Protected lines (bylines, datelines) never go and stop a run either.

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

import re
from collections.abc import Sequence

from ...chars import units
from ...model import Change
from .classify import Verdict

STAGE = "boilerplate"
#: Short lines this long (units) in the header zone are title candidates.
TITLE_UNITS = 8
#: A run of short lines holding this many sentence ends is wrapped prose: it stays.
PROSE_ENDS = 3
#: A line of table markup alone (``|``, ``| |``, ``---|---``): it anchors no neighbours.
_TABLE_MARKUP = re.compile(r"^[\s|:\-]*\|[\s|:\-]*$")
#: An elision mark alone (``[...]``, ``(…)``, ``……``): a cut in a quotation or a program's
#: output, no furniture of the site. It goes as debris but anchors no neighbours.
_ELISION = re.compile(r"^\s*[\[(（【]?\s*(?:\.{3,}|…+)\s*[\])）】]?\s*$")
#: A heading's underline (markdown's setext headings: ``Title`` over ``=====`` or ``-----``; a
#: plain text's ``——————``, ``*****``, ``_____``; not a lone ``*``, an empty list item).
_SETEXT = re.compile(r"^ {0,3}(?:=+|-+|[—─━═]{2,}|\*{3,}|_{3,}|~{3,})[ \t]*$")
#: A sentence end with more text after it on the line (a run of marks is one end).
_INNER_END = re.compile(r"[。！？!?]+(?=[”’」』)]*\s*\w)")


def _underline(lines: Sequence[str], linenos: Sequence[int], i: int) -> bool:
    """Is ``lines[i]`` the underline of a heading (``=====``, ``-----``, ``——————`` right under a
    line of text, as markdown's setext headings and plain text's framed ones have it)? It goes
    as markup, but the heading is no furniture for it: the heading and a short paragraph
    under it stay.

    >>> _underline(["Section two", "-----------"], (6, 7), 1), _underline(["x", "", "---"], (1, 3), 1)
    (True, False)
    """
    return (
        i > 0
        and linenos[i - 1] == linenos[i] - 1
        and _SETEXT.match(lines[i]) is not None
        and _SETEXT.match(lines[i - 1]) is None
        and any(ch.isalnum() for ch in lines[i - 1])
    )


def _titles(labels: dict[int, str], lines: Sequence[str], first_content: int) -> set[int]:
    """Short lines of the header zone that may be the title."""
    header = [i for i, label in labels.items() if i < first_content and label == "short"]
    found = {i for i in header if units(lines[i]) >= TITLE_UNITS}
    if header:
        found.add(max(header))
    return found


def neighbours(
    lines: Sequence[str],
    linenos: Sequence[int],
    verdicts: Sequence[Verdict],
    flagged: Sequence[int] | None = None,
) -> dict[int, Change]:
    """Short lines that boilerplate surrounds, as drops (by index).

    ``flagged``, if given, lists (in order) every line whose verdict may not be "content":
    the others are not looked at.
    """
    indexes = range(len(lines)) if flagged is None else flagged
    labels: dict[int, str] = {
        i: verdicts[i].label for i in indexes if verdicts[i].label != "content"
    }
    for i, label in labels.items():
        if label == "boilerplate" and (
            _TABLE_MARKUP.match(lines[i])
            or _ELISION.match(lines[i])
            or _underline(lines, linenos, i)
        ):
            labels[i] = "markup"  # a table's empty cell or rule, an elision, a heading's
            # underline: not the site's words
    first_content = next((i for i, k in enumerate(labels) if i != k), len(labels))
    if first_content == len(lines) or "boilerplate" not in labels.values():
        return {}
    for i in _titles(labels, lines, first_content):
        labels[i] = "title"
    drops: dict[int, Change] = {}
    for run in _runs([i for i, label in labels.items() if label == "short"]):
        detail = _anchored(labels, len(lines), linenos, run[0], run[-1] + 1)
        # the cheap test first: most runs have no boilerplate around them
        if detail and not _wrapped_prose(lines, run):
            drops.update(
                (k, Change(STAGE, "neighbours", linenos[k], "drop", detail=detail)) for k in run
            )
    return drops


def _wrapped_prose(lines: Sequence[str], run: list[int]) -> bool:
    """Do the short lines of ``run`` hold sentences that go on from one line to the next
    (``PROSE_ENDS`` sentence ends or more inside them)? A text wrapped at a fixed width leaves
    every line short, none ending like a sentence: a run of them is prose, whatever lines
    surround it. Menus, headlines and link rows hold no sentence ends inside a line.

    >>> lines = ["他说，这种竞争更不容易解决。当两派相互", "斗争时，中央明确表态。可是面对", "两支队伍。因此内战"]
    >>> _wrapped_prose(lines, [0, 1, 2])
    True
    >>> _wrapped_prose(["微信", "微博", "QQ空间"], [0, 1, 2])
    False
    """
    ends = 0
    for i in run:
        ends += len(_INNER_END.findall(lines[i]))
        if ends >= PROSE_ENDS:
            return True
    return False


def _runs(indexes: list[int]) -> list[list[int]]:
    """Ascending ``indexes`` cut into runs of consecutive ones.

    >>> _runs([1, 2, 5, 7, 8])
    [[1, 2], [5], [7, 8]]
    """
    runs: list[list[int]] = []
    for i in indexes:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _anchored(labels: dict[int, str], n: int, linenos: Sequence[int], i: int, j: int) -> str:
    """Why the short lines ``i:j`` go with their neighbours, or "" if they stay."""
    above = labels.get(i - 1, "content") if i > 0 else "edge"
    below = labels.get(j, "content") if j < n else "edge"
    if above == below == "boilerplate":
        return f"between boilerplate lines {linenos[i - 1]} and {linenos[j]}"
    if above == "boilerplate" and below == "edge":
        return f"after boilerplate line {linenos[i - 1]}, at the end"
    if above == "edge" and below == "boilerplate":
        return f"before boilerplate line {linenos[j]}, at the start"
    return ""
