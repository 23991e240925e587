"""Code listings a tutorial shows again, edited: their lines are no copies.

A page that explains code shows a function, then shows it again with a few lines changed. Line
by line, most of the second listing copies the first (``// Get the user record``, ``}``, the
same ``if`` test), and a repeated block of them would go, leaving the new listing in pieces.
Yet a page whose whole body is doubled repeats its listings whole. So the lines of a listing
(a run of lines that read as code, :func:`is_code`, with no prose between them) go as copies
only when every code line in it does: one line of it that is new says the listing was edited,
and all of it stays.

>>> first = ["$user = load($name);", "if (!$user) {", "abort(404);", "}", "return render($user);"]
>>> second = ["$user = load($name);", "if (!$user) {", "abort(404);", "}", "return json($user);"]
>>> keep_edited_listings(first + second, dict.fromkeys(range(5, 9)), origins=range(4))
{}
>>> len(keep_edited_listings(first + first, dict.fromkeys(range(5, 10)), origins=range(5)))
5
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from typing import TypeVar

T = TypeVar("T")

#: What a line of code shows and prose does not: a comment or a keyword opening it, a brace or
#: a semicolon ending it, operators and sigils inside it. (Only ever used to keep lines.)
_CODE = re.compile(
    r"""^\s*(?://|/\*|\*/|<\?php|\#include\b|(?:return|if|for|while|elif|else|def|class
    |function|var|let|const|import|public|private|static|void)\b(?![\s\w]*[.!?]$))
    |[;{]\s*$|^\s*[})\]]+[;,)]*\s*$
    |->|=>|::|\$\w|[!=]==?|&&|\|\||\w\(\S*\)\s*[;{]""",
    re.X,
)
#: A line of prose is not code, however it ends: many words, few symbols.
_WORDS = re.compile(r"[^\W\d_]{2,}")
_SYMBOLS = re.compile(r"[{}()\[\];=$<>&|/\\*]")


def is_code(line: str) -> bool:
    """Does ``line`` read as a line of program code?

    >>> is_code("if (!isset($app['users'][$name])) {"), is_code("// Build the HTML"), is_code("});")
    (True, True, True)
    >>> is_code("He said the results, as expected, were good;")
    False
    """
    if not _CODE.search(line):
        return False
    words = len(_WORDS.findall(line))
    return words < 8 or len(_SYMBOLS.findall(line)) * 4 >= words


def keep_edited_listings(
    lines: Sequence[str], drops: dict[int, T], origins: Collection[int] = ()
) -> dict[int, T]:
    """``drops`` (by position in ``lines``) without the code lines of the listings some of
    whose code lines stay: a listing is a run of code lines (:func:`is_code`) around a
    dropped one, lines of a few characters between them counted in, that holds none of the
    ``origins`` (the lines the dropped ones copy: where a copy follows its listing at once,
    that listing is another one)."""
    dropped = sorted(i for i in drops if is_code(lines[i]))
    if not dropped:
        return drops
    kept = dict(drops)
    seen: set[int] = set()
    stops = set(origins)
    for start in dropped:
        if start in seen:
            continue
        listing = _listing(lines, start, stops)
        seen.update(listing)
        code = [i for i in listing if is_code(lines[i])]
        if any(i not in drops for i in code):
            for i in listing:  # its brackets too (``[``, ``});``): a listing stays whole
                kept.pop(i, None)
    return kept


def _listing(lines: Sequence[str], start: int, origins: set[int]) -> list[int]:
    """The run of code lines around line ``start`` (a line of a few characters between two
    belongs to it), up to a line some dropped line copies."""
    run = [start]
    for step in (-1, 1):
        j = start + step
        while (
            0 <= j < len(lines)
            and j not in origins
            and (is_code(lines[j]) or len(lines[j].strip()) <= 3)
        ):
            run.append(j)
            j += step
    return sorted(run)
