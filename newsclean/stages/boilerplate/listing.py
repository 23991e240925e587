"""Listings: entries of a list of other pages, each a link with its time stamp and counters.

A related-articles block, a forum's reply thread or a comment list shows, for every entry, a
link (a headline, a reply's title, a commenter's name) and beside it only a date, a time and
counters: ``* [旅行中，谁忽悠了你？](t.jsp?id=1)【[版主](u.jsp)】08-11 16:06 298字 [4321/87]``,
``·[某某新闻标题](http://…) (2005-04-27 18:03PM)``, ``* [Headline](/r/1) 19 hours ago``.
The article never reads like that: its sentences hold words outside their links (and a
table's row, ``2016年 | 5月6日至10月7日 | [KBS](…)``, is data, and a numbered list's item a
note or a reference, not an entry).

Evidence for one entry: link text, a time stamp (:data:`.content.STAMP`), and outside the links
nothing but stamps, numbers, brackets and at most ``STAMP_LEFT`` units of words (``回复``,
``PM``, ``字``). An entry goes only among others (``LISTING_MIN`` within ``LISTING_GAP`` lines of
each other): one link beside a date can be a byline's source. Bylines and datelines the rules
protect never go. The drops anchor no neighbours, and the markdown stage leaves no link behind,
so cleaning the output again finds no entry the first pass kept.

>>> lines = ["* [某地召开工作会议](/n/1) (2005-04-27 18:03PM)", "* [某地发布新规](/n/2) (2005-04-27 17:03PM)",
...          "* [某地举行活动](/n/3) (2005-04-26 12:00PM)", "据[新华社](/x)2005年4月27日报道，会议今天开幕。"]
>>> sorted(entries(lines))
[0, 1, 2]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...chars import units
from .content import STAMP, STAMP_LEFT
from .markdown import flatten

#: Entries that make a listing, within this many lines of the next one.
LISTING_MIN = 3
LISTING_GAP = 3
#: A link text longer than this (units) is not a headline or a name.
ENTRY_UNITS = 60

_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^()\n]*(?:\([^()\n]*\)[^()\n]*)*\)")
_LINK = re.compile(r"\[[^\[\]\n]*\]\([^()\n]*(?:\([^()\n]*\)[^()\n]*)*\)")
_NUMBERS = re.compile(r"\d+")
_NUMBERED = re.compile(r"^\s*\d{1,3}[.)、]\s")


def is_entry(line: str) -> bool:
    """A link with its time stamp and counters, and no other words.

    >>> is_entry("* [Headline about something](/r/1) 19 hours ago")
    True
    >>> is_entry("[新华网](http://x.cn) 2023-05-01 10:00 记者张三报道了这次会议的情况")
    False
    """
    if "](" not in line or _NUMBERED.match(line):
        return False  # a numbered list (notes, references, steps) is the article's
    if _NUMBERS.search(line) is None:
        return False  # every stamp holds a digit (and taking links out adds none)
    outside = _LINK.sub(" ", _IMAGE.sub(" ", line) if "![" in line else line)
    # every stamp holds a digit: one quick search spares most lines the stamps' search
    if (
        _NUMBERS.search(outside) is None
        or not STAMP.search(outside)
        or units(_NUMBERS.sub(" ", STAMP.sub(" ", outside))) > STAMP_LEFT
    ):
        return False
    m = flatten(line)
    # a table's row with a date cell is data
    return bool(m.link_chars) and not m.table and units(m.text) <= ENTRY_UNITS


def entries(lines: Sequence[str], skip: Sequence[int] = ()) -> list[int]:
    """The indexes of the lines that are entries of a listing (``skip``: lines that never go)."""
    # each line looked at once: a page repeats its menus and link lists
    linked = {line for line in lines if "](" in line}
    entry = {line for line in linked if is_entry(line)}
    found = [i for i, line in enumerate(lines) if line in entry]
    if len(found) < LISTING_MIN:
        return []
    never = set(skip)
    kept: list[int] = []
    cluster = [found[0]]
    for i in [*found[1:], None]:
        if i is not None and i - cluster[-1] <= LISTING_GAP:
            cluster.append(i)
            continue
        if len(cluster) >= LISTING_MIN:
            kept += [k for k in cluster if k not in never]
        if i is not None:
            cluster = [i]
    return kept
