"""Paragraphs that a converter wrapped at a fixed width, found and joined again.

html2text (and mail, RFCs, some text browsers) break every paragraph into lines of at most
*W* characters (78 for html2text), breaking only at spaces: a line ends where the next word
would not have fitted. Read line by line, such a text has no paragraphs: a stage that judges
lines (the duplicates stage, above all) sees ``A video showing the moment a girl was`` and
drops it as a copy of the first line of another paragraph, leaving ``rescued by police was
released on Monday.`` without the start of its sentence. newsclean writes one paragraph per
line, so it joins such paragraphs again.

A document is taken as wrapped at width *W* only on strong evidence (:func:`wrap_width`):

* blank lines set its paragraphs apart (:func:`blank_lines`), as every such converter does;
* no fenced code block (```` ``` ````): markdown written by hand, not a converter's dump;
* no line longer than *W* but those a converter does not wrap (list items, headings, table
  rows, quotes, indented code) or that hold a word too long to break (a link's address), and
  no indented paragraph longer than any width (a text browser's or inscriptis's dump);
* at least ``MIN_BREAKS`` places, and most places, where a line of prose is followed, with no
  blank line between, by another one whose first word would not have fitted on it: the
  signature of a wrap at *W*.

Then two adjacent lines are joined when the first is such a break (:func:`breaks_at`), and
neither reads as code (:func:`_code_like`: by the time the lines are joined, the whitespace
stage has taken a listing's indentation away).
newsclean's output has no blank lines, so cleaning it again joins nothing. Chinese and
Japanese text is not wrapped by these converters (no spaces to break at), and is left alone.

>>> para = ("The council met on Tuesday to discuss the budget for the coming year, and\\n"
...         "officials said that the plan would be reviewed again by an independent panel.")
>>> doc = Doc.from_text("\\n\\n".join([para] * 6))
>>> wrap_width(doc.lines, doc.linenos), blank_lines(doc)
(77, True)
>>> doc = Doc.from_text("\\n".join(["A line of a poem, or an item of a list"] * 12))
>>> wrap_width(doc.lines, doc.linenos), blank_lines(doc)
(None, False)
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..chars import CJK
from ..model import Doc
from .boilerplate.markdown import is_list_item

#: Widths a converter wraps at: html2text 78, mail and RFCs 72, text browsers 76–79.
MIN_WIDTH, MAX_WIDTH = 60, 160
#: A line this short is never a wrapped one (a wrap leaves most of the width filled).
_MIN_LINE = 30
#: A word longer than this is not broken by a wrap (an address): the line that holds it may
#: be longer than the width.
LONG_WORD = 25
#: Evidence: at least this many breaks, and this share of the places that could be one.
MIN_BREAKS, MIN_SHARE = 5, 0.6

#: A heading, a quote or a table row: lines a converter does not wrap, however long.
_BLOCK = re.compile(r"#|>|.*\|")
#: Lines a converter does not wrap: those, and indented ones (list items are checked apart:
#: :func:`is_list_item`).
_UNWRAPPED = re.compile(r"\s|" + _BLOCK.pattern)
#: What prose seldom holds and code is made of: ``snake_case``, a call's ``name(``, ``=``,
#: braces, ``;``, ``<>``, a ``$variable``, a backslash (not ``(AP)``, ``$5``, ``[a link]``
#: or ``_emphasis_``); this many in a line is code.
_CODE_MARK = re.compile(r"\w_\w|\w\(|[={};<>\\]|\$[A-Za-z_]")
CODE_MARKS = 3
#: Paragraphs html2text leaves unwrapped however long (its ``skipwrap``): those that open
#: like a list item, an emphasis included (``*These statements have not been evaluated…*``).
_NOT_WRAPPED = re.compile(r"\s*(?:[*+-]|\d+\.\s)")
#: A fenced code block's fence.
_FENCE = re.compile(r"\s*(?:```|~~~)")
#: A markdown heading: not a line that goes on a paragraph, but one that may go on.
_HEADING = re.compile(r"#{1,6} ")
#: A wrapped line ends in a letter or a figure (not a Han or kana character) or in a mark a
#: line of prose ends in.
_ENDS = re.compile(f"[^\\W_{CJK}]|[,;:)'\"’”.!?\\-–—]")
#: A line that goes on a paragraph starts with a letter, a figure or an opening mark, not
#: with a Han character.
_STARTS = re.compile(f"[^\\s{CJK}#>|]")


def _wraps(line: str) -> bool:
    """Could a converter have wrapped this line (prose at the margin, no list or table)?"""
    return bool(line) and not _UNWRAPPED.match(line) and not is_list_item(line)


def _code_like(line: str) -> bool:
    """Does the line read as code, not prose (``CODE_MARKS`` or more of :data:`_CODE_MARK`
    among its words, addresses left out)? The whitespace stage has taken an indented
    listing's indentation away before the lines are joined, so it is told by its marks.

    >>> _code_like("result = compute_value(first, second);"), _code_like("(AP) — $5 (D-Calif.)")
    (True, False)
    """
    if not _CODE_MARK.search(line):
        return False
    words = " ".join(w for w in line.split() if len(w) <= LONG_WORD)
    return len(_CODE_MARK.findall(words)) >= CODE_MARKS


def _rest(line: str) -> int:
    """The line's length without its words too long to break."""
    sizes = list(map(len, line.split()))
    if not sizes or max(sizes) <= LONG_WORD:  # most lines: no word too long
        return len(line)
    return len(line) - sum(n for n in sizes if n > LONG_WORD)


def _break_span(line: str, below: str) -> tuple[int, int] | None:
    """The widths ``w`` (``lo <= w < hi``) at which ``line``, followed with no blank line by
    ``below``, is a wrap: ``line`` fits and ``below``'s first word would not have (whether
    either line reads as code is the caller's to ask: :func:`_code_like`)."""
    n = len(line)
    if n < _MIN_LINE or n > MAX_WIDTH or not _wraps(below):
        return None
    if not _wraps(line) and not _HEADING.match(line):  # html2text wraps headings too
        return None
    if not _ENDS.fullmatch(line[-1]) or not _STARTS.match(below):
        return None
    first = below.split(None, 1)[0]
    if len(first) > LONG_WORD or len(line.rsplit(None, 1)[-1]) > LONG_WORD:
        return None  # a word too long to break: the line's length says nothing of a width
    return n, n + 1 + len(first)


#: A line that ends in a word and a hyphen (``well-``): a wrap broke the word there.
_HYPHENATED = re.compile(r"[^\W\d_]-$")


def joined(head: str, tail: str) -> str:
    """Two lines a wrap broke, one again: a space between them, none where the wrap cut a
    word at its hyphen (``well-`` / ``timed``).

    >>> joined("a well-", "timed move"), joined("the end ", " of it")
    ('a well-timed move', 'the end of it')
    """
    head, tail = head.rstrip(), tail.lstrip()
    cut = head.endswith("-") and _HYPHENATED.search(head, len(head) - 2) is not None
    return head + ("" if cut and tail[:1].isalpha() else " ") + tail


def blank_lines(doc: Doc) -> bool:
    """Does the input hold a blank line between two of the document's lines (a gap in their
    numbers that no stage's dropping explains)? A converter that wraps paragraphs sets them
    apart by blank lines; newsclean's own output has none, so it is never taken for wrapped
    text when it is cleaned again, however its lines end."""
    gaps = [(a, b) for a, b in zip(doc.linenos, doc.linenos[1:], strict=False) if b > a + 1]
    if not gaps:
        return False
    dropped = {c.line for c in doc.changes if c.action == "drop"}
    return any(any(n not in dropped for n in range(a + 1, b)) for a, b in gaps)


def _longest(lines: Sequence[str], lengths: Sequence[int]) -> int | None:
    """The longest line a converter would have wrapped (its words too long to break not
    counted), or ``None`` when a paragraph is longer than any width: most documents end here,
    and only lines longer than the narrowest width are looked at."""
    longest = 0
    for i in [i for i, n in enumerate(lengths) if n > MIN_WIDTH]:
        text = lines[i].rstrip()
        if _NOT_WRAPPED.match(text):
            continue
        if _wraps(text):
            longest = max(longest, _rest(text))
            if longest > MAX_WIDTH:
                return None
        # an indented paragraph longer than any width: a text browser's or an inscriptis
        # dump, whose paragraphs are lines of their own
        elif (
            lengths[i] > MAX_WIDTH
            and not _BLOCK.match(text.lstrip())
            and not is_list_item(text)
            and _rest(text.strip()) > MAX_WIDTH
        ):
            return None
    return longest


def wrap_width(lines: Sequence[str], linenos: Sequence[int]) -> int | None:
    """The width the document's paragraphs were wrapped at (the narrowest that explains the
    most breaks), or ``None`` when it does not show one (see the module's notes).
    ``linenos``: the lines' numbers in the input, so that lines with a blank line (or a
    dropped line) between them are not taken as one paragraph's."""
    found = wrap_breaks(lines, linenos)
    return None if found is None else found[0]


def wrap_breaks(lines: Sequence[str], linenos: Sequence[int]) -> tuple[int, set[int]] | None:
    """:func:`wrap_width`, and the positions of the lines that break at it into the next
    one (the lines a paragraph goes on from), found in the same pass."""
    if any(map(_FENCE.match, lines)):
        return None  # markdown written by hand (a fenced code block), not a converter's dump
    lengths = list(map(len, lines))
    longest = _longest(lines, lengths)
    if longest is None:
        return None
    last = len(lines) - 1
    candidates = [
        i
        for i, n in enumerate(lengths)
        if n >= _MIN_LINE and i < last and linenos[i + 1] == linenos[i] + 1
    ]
    if len(candidates) < MIN_BREAKS:
        return None
    starts = [0] * (MAX_WIDTH + 2)
    ends = [0] * (MAX_WIDTH + 2)
    spans: dict[int, tuple[int, int]] = {}
    code: dict[int, bool] = {}  # a line is asked as the upper and as the lower of two
    for i in candidates:
        span = _break_span(lines[i].rstrip(), lines[i + 1])
        if span is not None and not _code_at(lines, i, code) and not _code_at(lines, i + 1, code):
            spans[i] = span
            starts[span[0]] += 1
            ends[min(span[1], MAX_WIDTH + 1)] += 1
    if len(spans) < MIN_BREAKS:
        return None
    best, best_count, count = None, 0, 0
    for w in range(MAX_WIDTH + 1):
        count += starts[w] - ends[w]
        if w >= max(MIN_WIDTH, longest) and count > best_count:
            best, best_count = w, count
    if best is None or best_count < MIN_BREAKS or best_count < MIN_SHARE * len(spans):
        return None
    return best, {i for i, (lo, hi) in spans.items() if lo <= best < hi}


def breaks_at(line: str, below: str, width: int) -> bool:
    """Is ``line``, followed with no blank line between by ``below``, a paragraph wrapped
    at ``width`` going on?

    >>> breaks_at("The council met on Tuesday to discuss the budget for the coming year, and",
    ...           "officials said that the plan would be reviewed.", 78)
    True
    >>> breaks_at("The council met on Tuesday.", "Officials said so.", 78)
    False
    """
    span = _break_span(line.rstrip(), below)
    if span is None or _code_like(line) or _code_like(below):
        return False
    return span[0] <= width < span[1]


def _code_at(lines: Sequence[str], i: int, memo: dict[int, bool]) -> bool:
    """:func:`_code_like` for ``lines[i]``, asked once."""
    found = memo.get(i)
    if found is None:
        found = memo[i] = _code_like(lines[i])
    return found
