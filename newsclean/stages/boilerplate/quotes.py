"""Quoted passages: the lines of a markdown quote (``> …``) are the article's words.

A quote in an article (a reader's letter, a passage it cites, the lines it answers) is short
line after short line, and html2text marks each of them with ``>``: between two boilerplate
lines, the neighbours rule (:mod:`.context`) would take them for a menu. The quote mark is
the page's own evidence that they are text: they go only on their own evidence (a phrase
family, debris), never for their neighbours'.

>>> from newsclean.model import Change
>>> lines = ["> **Makali wrote:**", "> _Have you tried vlc?_", "* Home"]
>>> drops = {i: Change("boilerplate", "neighbours", i + 1, "drop") for i in range(3)}
>>> sorted(quoted(lines, drops))
[2]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...model import Change

#: A line of a quote with text in it (not a lone ``>``).
_QUOTED = re.compile(r"^\s*(?:>\s*)+[^\s>]")


def quoted(lines: Sequence[str], drops: dict[int, Change]) -> dict[int, Change]:
    """``drops`` without the quoted lines that only their neighbours dropped."""
    if not any(c.rule == "neighbours" and ">" in lines[i] for i, c in drops.items()):
        return drops
    return {
        i: c for i, c in drops.items() if not (c.rule == "neighbours" and _QUOTED.match(lines[i]))
    }
