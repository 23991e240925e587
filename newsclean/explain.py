"""The ``--explain`` listing: every line a stage dropped, changed or moved, and why.

One line per :class:`~newsclean.model.Change`, in input order, in the ``PATH:LINE:`` form editors
and CI annotators read, with the stage and rule that acted, the stage's detail, and an excerpt of
the input line so that a user can audit a decision and report a misfire::

    article.txt:21: dropped by boilerplate/copyright (matched '版权与免责声明'): "焦作網版權與免責聲明: | …"
    article.txt:27: dropped by duplicates/exact (copy of line 7): "在主席臺就座的有…"

It knows nothing about particular stages: any stage that records changes is explained.

>>> from newsclean.model import Change
>>> explain("a.txt", [Change("boilerplate", "share", 2, "drop")], "正文。\\n分享到：微信 微博\\n")
['a.txt:2: dropped by boilerplate/share: "分享到：微信 微博"']
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .model import Action, Change, Doc

#: Characters of a line quoted in the listing.
EXCERPT = 40

_VERBS: dict[Action, str] = {"edit": "changed", "drop": "dropped", "move": "moved"}
_SPACE = re.compile(r"\s+")


def excerpt(line: str, width: int = EXCERPT) -> str:
    """The line on one line, quoted, cut to ``width`` characters.

    >>> excerpt('He said "no"' + "!" * 50, 14)
    '"He said \\\\"no\\\\"!! …"'
    """
    text = _SPACE.sub(" ", line).strip()
    if len(text) > width:
        text = text[:width] + " …"
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def explain(
    display: str, changes: Iterable[Change], source: str | None = None, record: int | None = None
) -> list[str]:
    """The listing for one input. ``source`` is the input text (decoded); without it the
    listing has no excerpts. For a dataset record, ``record`` is its line (JSONL) or row
    (Parquet), and the change's line is a line of the record's text.

    >>> explain("d.jsonl", [Change("boilerplate", "share", 3, "drop")], record=12)
    ['d.jsonl:12: dropped by boilerplate/share (text line 3)']
    """
    lines = {}
    if source is not None:
        doc = Doc.from_text(source)
        lines = dict(zip(doc.linenos, doc.lines, strict=True))
    out = []
    for change in sorted(changes, key=lambda c: c.line):
        rule = f"{change.stage}/{change.rule}" if change.rule else change.stage
        notes = [change.detail] if change.detail else []
        text = lines.get(change.line)
        quoted = f": {excerpt(text)}" if text is not None else ""
        if record is not None:
            where = f"{display}:{record}"
            notes.append(f"text line {change.line}")
        else:
            where = f"{display}:{change.line}" if change.line else display
        detail = f" ({'; '.join(notes)})" if notes else ""
        out.append(f"{where}: {_VERBS.get(change.action, change.action)} by {rule}{detail}{quoted}")
    return out
