"""An article's own notes: the numbered list of references at its end, and its sources.

A wiki (MediaWiki's ``References``, ``Notes``) or a blog's markdown footnotes end the article
with a numbered list whose items open with a link back to where the note is cited (``^``,
``↑``, ``Jump up to:``) or close with one (``↩``). Those notes are the article's sources, as
much its text as a final list of steps: they stay with it, however many links they hold and
however far down the page they go (a ranking of linked headlines has no back links).

>>> notes_list(["1. **[^](#cite_ref-1)** Smith (2011).", "x", "2. ^ Doe.", "3. ↑ Roe."])
[(0, 4)]
>>> notes_list(["1. [Top story](/a)", "2. [Next story](/b)", "3. [Last story](/c)"])
[]

A list of web addresses and nothing else (``* <https://nodejs.org/api/inspector.html>``) right
after the article, under its ``Sources & links`` header or none, is where the article got what
it says: no menu or list of other stories is written as bare addresses.

>>> is_address_item("  * <https://nodejs.org/api/inspector.html>"), is_address_item("* [Home](/)")
(True, False)
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .markdown import numbered_runs

#: A numbered item that opens with a back link to its citation (``^``, ``↑``, after markdown
#: emphasis or inside a link's text, ``Jump up`` in words), or closes with one (``↩``).
_NOTE = re.compile(
    r"^\s*(\d{1,4})[.)]\s+(?:[*_]{0,3}\[?[*_]{0,3}(?:\^|↑|jump up\b)|.*↩\ufe0e?\]?\(?[^()\s]*\)?\s*$)",
    re.IGNORECASE,
)
#: This many notes or more, numbered 1, 2, 3…, make the list.
NOTES = 3
#: A note's own lines (the rest of its citation, wrapped) run at most this many lines on.
NOTE_GAP = 8


def notes_list(lines: Sequence[str]) -> list[tuple[int, int]]:
    """``(first, stop)`` line spans of the lists of notes in ``lines``: items numbered 1, 2, 3…
    (each at most ``NOTE_GAP`` lines after the one before), ``NOTES`` of them or more, each
    opening or closing with a back link. ``stop`` is past the last item's line."""
    return [
        (run[0], run[-1] + 1) for run in numbered_runs(lines, _NOTE, NOTE_GAP) if len(run) >= NOTES
    ]


#: A list item that is one web address: bare, in angle brackets, or a link whose text is it.
_ADDRESS_ITEM = re.compile(
    r"^\s*(?:[*+\-•o]|\d{1,3}[.)])\s+<?(https?://[^\s<>()\[\]]+)>?\s*$"
    r"|^\s*(?:[*+\-•o]|\d{1,3}[.)])\s+\[(https?://[^\s\]]+)\]\([^()\s]*\)\s*$"
)
#: This many addresses or more make a list of sources.
SOURCES = 2
#: The list starts at most this many paragraphs after a block's end (a header between).
SOURCES_GAP = 2


def is_address_item(line: str) -> bool:
    """A list item that is one web address and nothing else."""
    return _ADDRESS_ITEM.match(line) is not None


def sources(
    lines: Sequence[str], spans: Sequence[tuple[int, int]], blocks: Sequence[tuple[int, int]]
) -> set[int]:
    """The paragraphs (indices into ``spans``) that are lists of ``SOURCES`` web addresses or
    more and nothing else, starting within ``SOURCES_GAP`` paragraphs after a block's end."""
    if "://" not in "".join(lines[a] for _, last in blocks for a, _ in spans[last : last + 2]):
        return set()
    found: set[int] = set()
    for _, last in blocks:
        for k in range(last, min(len(spans), last + SOURCES_GAP)):
            a, b = spans[k]
            if b - a >= SOURCES and all(is_address_item(lines[i]) for i in range(a, b)):
                found.add(k)
    return found


def notes(
    lines: Sequence[str], spans: Sequence[tuple[int, int]], blocks: Sequence[tuple[int, int]]
) -> set[int]:
    """The paragraphs (indices into ``spans``) of the lists of notes that start at or after
    the first article block's start: an article's notes follow its text."""
    if not blocks or not any("^" in line or "↑" in line or "↩" in line for line in lines):
        return set()
    start = spans[blocks[0][0]][0]
    found: set[int] = set()
    for first, stop in notes_list(lines):
        if first < start:
            continue
        found.update(k for k, (a, b) in enumerate(spans) if a < stop and b > first)
    return found
