"""The content model over lines: which lines of a page are the article (after jusText).

Each line gets a class from its own evidence (:func:`line_class`):

* ``bad``: no visible text (an image, an empty link, a table rule), or mostly link text (a
  menu row, a related-articles list), or a boilerplate verdict from the phrase families;
* ``good``: long, little link text, and written in sentences: function words (的/了/是…,
  the/of/and…, de/la/que…, の/は/を…) at the density prose has, or several sentence marks;
* ``near``: shorter, but reads like prose (function words or a sentence end);
* ``short``: the rest — titles, menu items, counters, dates, list items.

Then context (:func:`smooth`): a short or near-good line between good ones is good, between bad
ones bad; the **main block** is the densest run of prose (the best-scoring span, good lines
scoring their length and the others costing theirs, :func:`main_block`). A line in the main
block is the article unless its own evidence says otherwise; outside it, only good lines and
title candidates stay, and only on pages that show a page's furniture (:func:`is_page_dump`):
an article with a few debris lines keeps the rules of :mod:`.context`.

>>> lines = ["[首页](/) | [新闻](/n) | [体育](/s)", "* [财经](/f)", "* [娱乐](/e)",
...          "会议指出，要坚持稳中求进的工作总基调，做好今年的各项工作，确保经济平稳运行。",
...          "他说，我们有信心在今年完成这些目标，并为下一步的发展打下坚实的基础。"]
>>> [f.cls for f in features(lines)]
['bad', 'bad', 'bad', 'near', 'near']
>>> main_block([f.cls for f in features(lines)], [f.size for f in features(lines)])
(3, 5)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from ...chars import CJK, HAN
from ...chars import units as units_left
from .lines import ends_like_sentence
from .markdown import LINK, flatten, has_markup

Class = Literal["good", "near", "short", "bad"]

#: A line this long (CJK characters + 2 × words) can be good; this long, near-good.
GOOD_SIZE = 50
NEAR_SIZE = 20
#: More link text than this (share of the visible characters) makes a line bad.
BAD_LINK_DENSITY = 0.5
#: A good line has at most this much link text.
GOOD_LINK_DENSITY = 0.3
#: Function-word density of prose: Latin words (share of words), CJK (share of characters).
WORDS_DENSITY = 0.22
CJK_DENSITY = 0.06
KANA_DENSITY = 0.15

_ZH_FUNCTION = frozenset(
    "的了是在和有也就不这我他她们为与对说将被把个等中上以及其而并或于从到之已都要会"
)
_JA_FUNCTION = frozenset("のにはをがでとたてしもなるいれ")
_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "he",
        "she",
        "they",
        "we",
        "you",
        "i",
        "his",
        "her",
        "their",
        "our",
        "your",
        "not",
        "but",
        "which",
        "who",
        "whom",
        "what",
        "when",
        "where",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "than",
        "then",
        "there",
        "also",
        "into",
        "about",
        "after",
        "over",
        "said",
        "says",
        "de",
        "la",
        "le",
        "les",
        "des",
        "du",
        "et",
        "en",
        "un",
        "une",
        "est",
        "que",
        "qui",
        "dans",
        "pour",
        "pas",
        "sur",
        "au",
        "aux",
        "el",
        "los",
        "las",
        "del",
        "y",
        "por",
        "con",
        "para",
        "una",
        "es",
        "se",
        "lo",
        "der",
        "die",
        "das",
        "und",
        "ist",
        "nicht",
        "mit",
        "den",
        "dem",
        "ein",
        "eine",
        "zu",
        "von",
        "auf",
        "im",
        "für",
        "sich",
        "o",
        "os",
        "as",
        "do",
        "da",
        "dos",
        "das",
        "em",
        "um",
        "uma",
        "para",
        "com",
        "não",
        "na",
        "no",
        "il",
        "di",
        "che",
        "per",
        "non",
        "sono",
        "e",
        "è",
        "del",
        "della",
        "dei",
        "delle",
        "nel",
        "nella",
        "alla",
        "al",
        "gli",
        "si",
        "ha",
        "anche",
        "come",
        "più",
        "ma",
    ]
)
_ZH_FUNCTION_RE = re.compile("[" + "".join(sorted(_ZH_FUNCTION)) + "]")
_JA_FUNCTION_RE = re.compile("[" + "".join(sorted(_JA_FUNCTION)) + "]")
_WORD = re.compile(rf"[^\W\d_{CJK}]+")
#: :data:`_WORD` on ASCII text, where it is the same and faster.
_ASCII_WORD = re.compile(r"[a-zA-Z]+")
_CJK_CHAR = re.compile(f"[{CJK}]")
_HAN_CHAR = re.compile(f"[{HAN}]")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
#: Dates, times and counters: ``November 19, 2019 at 6:34 am``, ``11/20/2019 01:14 PM``,
#: ``(2005-07-03 09:23:57)``, ``19 hours ago``, ``2010/03/12 10:20``, ``2023年5月1日``, ``无耻指数：5``, ``(185)``.
#: Every stamp opens with a digit, a month's first letter, a colon or a bracket: the look-ahead
#: lets ``re`` pass over other characters at once, not try every branch at each of them.
_STAMP_OPENS = r"(?=[\djfmasond:：(])"
_STAMP_BRANCHES = (
    rf"\b{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\b\d{{1,2}}\s+{_MONTH}\s+\d{{4}}"
    r"|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\b\d{1,2}/\d{1,2}/\d{4}\b|\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?"
    r"|\b\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\b"
    rf"|\b\d+\s?[smhdw]\s+ago\b|^{_MONTH}\s+\d{{1,2}}$"
    r"|\d{2,4}年\d{1,2}月(?:\d{1,2}日)?|\d{1,2}月\d{1,2}日|\d+\s*(?:分钟|小时|天)前"
    r"|[:：]\s*\d+\s*$|^\(?\d+\)?$|\(\d+\)\s*$"
)
_STAMP = re.compile(f"(?i){_STAMP_OPENS}(?:{_STAMP_BRANCHES})")
STAMP = _STAMP
_BULLETS = frozenset("*+-•·")
#: Why a list item that is a heading (``* ### Title``) is bad.
LISTED_HEADLINE_WHY = "a heading as a list item: another story's headline"
#: Why a line that is only a date, time or counter is bad.
STAMP_WHY = "date, time or counter"
#: What may be left of a stamp line once its stamps are gone (units): ``Posted at``, ``回复``.
STAMP_LEFT = 6
_DIGIT = re.compile(r"\d")
#: An HTML tag (or a closing one, or a comment) with its attributes.
#: Only HTML's own element names: ``<The Palace: Tale of Jang Noksu>`` is a title in brackets.
_TAG = re.compile(
    r"(?i)<!--.*?-->|</?(?:a|abbr|b|br|button|center|div|em|embed|font|form|h[1-6]|hr|i|iframe"
    r"|img|input|ins|label|li|link|meta|noscript|object|ol|option|p|param|picture|script|select"
    r"|small|source|span|strong|style|sup|table|tbody|td|th|tr|u|ul|video)(?:\s[^<>]*)?/?>"
)
_SPACES = re.compile(r"\s{2,}")
#: Why a line of HTML tags and no text between them is bad.
MARKUP_ONLY_WHY = "HTML tags, no text"
_MARKS = re.compile(r"[。！？!?；;]|[.](?:\s|$)|，|、")


def is_stamp(text: str) -> bool:
    """Is ``text`` a date, time or counter and little else (``STAMP_LEFT`` units of words)?

    >>> is_stamp("Posted 19 hours ago"), is_stamp("2023年5月1日 发布"), is_stamp("The 2023 budget")
    (True, True, False)
    """
    # every stamp holds a digit: most texts need no look for one
    return (
        _DIGIT.search(text) is not None
        and _STAMP.search(text) is not None
        and units_left(_STAMP.sub("", text)) <= STAMP_LEFT
    )


@dataclass(frozen=True, slots=True)
class Features:
    """A line's evidence and the class it gives, with a short account of why."""

    cls: Class
    size: int
    link_density: float
    why: str


def features(lines: Sequence[str]) -> list[Features]:
    """:func:`line_class` for every line."""
    return [line_class(line) for line in lines]


@lru_cache(maxsize=1 << 14)  # a pure function of the line: a site's furniture recurs on its pages
def line_class(line: str) -> Features:
    """The class of one line from its own evidence.

    >>> line_class("* Politics").cls, line_class("![](a.jpg)").cls
    ('short', 'bad')
    >>> line_class("The council said on Monday that it would review the plan after the vote.").cls
    'near'
    """
    marked = has_markup(line)
    if marked:
        m = flatten(line)
        text, link_chars = m.text, m.link_chars
        if not text:
            return Features("bad", 0, 1.0, "no text" if not m.images else "image")
        if m.list_item and m.heading and line.lstrip()[:1] in _BULLETS:
            # ``* ### Title``: a list of headings is a list of other stories' headlines
            return Features("bad", 0, 1.0, LISTED_HEADLINE_WHY)
    else:
        text, link_chars = line.strip(), 0
    if "<" in text and ">" in text:
        # HTML a scraper left (``<div><a href=…><img src=…></a></div>``): a reader sees the
        # text between the tags, not their attributes
        text = _SPACES.sub(" ", _TAG.sub(" ", text)).strip()
        if not text:
            return Features("bad", 0, 1.0, MARKUP_ONLY_WHY)
    is_ascii = text.isascii()
    n_cjk = len(text) - len(_CJK_CHAR.sub("", text)) if not is_ascii else 0
    words = (_ASCII_WORD if is_ascii else _WORD).findall(text) if n_cjk < len(text) // 2 else []
    size = n_cjk + 2 * len(words)
    visible = max(1, len(text) - text.count(" "))
    density = min(1.0, link_chars / visible)
    if density > BAD_LINK_DENSITY:
        beside = _prose_beside_links(line)
        if beside is not None:
            return Features(beside.cls, size, density, PROSE_BESIDE_LINKS_WHY)
        return Features("bad", size, density, f"link text {density:.0%}")
    if size < NEAR_SIZE:
        if is_stamp(text):
            return Features("bad", size, density, STAMP_WHY)
        return Features("short", size, density, f"short ({size} units)")
    ends = ends_like_sentence(text) or _two_marks(text)
    prose = ends or _function_density(text, n_cjk, words)
    # a teaser (a headline's standfirst) reads like prose but seldom ends like a sentence
    if (
        size >= GOOD_SIZE
        and density <= GOOD_LINK_DENSITY
        and (ends or (prose and size >= 2 * GOOD_SIZE))
    ):
        return Features("good", size, density, "prose")
    if prose:
        return Features("near", size, density, "near prose")
    return Features("short", size, density, f"no prose evidence ({size} units)")


#: Why a line mostly link text is prose all the same (:func:`_prose_beside_links`).
PROSE_BESIDE_LINKS_WHY = "prose beside its links"


def _prose_beside_links(line: str) -> Features | None:
    """The class of the text a line holds outside its links, when that text alone is a
    sentence of prose (good or near-good, ending like a sentence): an article's paragraph that
    ends in a long ``(RELATED: …)`` link is the article's, whatever share of it the link takes.
    A menu, a headline list or a teaser link has no such sentence beside its links.

    >>> _prose_beside_links("In games like these, I usually cheer for the underdog, but that "
    ...                     "flop had me wanting them to win. [**(RELATED: A long headline about "
    ...                     "something else entirely that runs on and on)**](http://a.com/b)").cls
    'near'
    >>> _prose_beside_links("Read [more about ad blocking here](http://a.com/x).") is None
    True
    """
    if "](" not in line:
        return None
    rest = LINK.sub(" ", line)
    if "](" in rest:  # an image or a link this pattern leaves: no plain text to judge
        return None
    f = line_class(rest)
    if f.cls not in ("good", "near"):
        return None
    text = flatten(rest).text if has_markup(rest) else rest.strip()
    return f if ends_like_sentence(text.rstrip(" *_")) else None


def _two_marks(text: str) -> bool:
    """Does ``text`` hold two sentence or clause marks (:data:`_MARKS`, found one after the
    other as ``findall`` finds them)? The search stops at the second.

    >>> _two_marks("甲，乙"), _two_marks("甲，乙、丙"), _two_marks("a. b."), _two_marks("3.5 and 4.2")
    (False, True, True, False)
    """
    first = _MARKS.search(text)
    return first is not None and _MARKS.search(text, first.end()) is not None


def _function_density(text: str, n_cjk: int, words: list[str]) -> bool:
    """Does the line hold function words at the density running text has?"""
    if n_cjk >= len(words):
        if not n_cjk:
            return False
        han = len(text) - len(_HAN_CHAR.sub("", text))
        if han < n_cjk // 2:  # Japanese kana, Korean hangul
            kana = len(_JA_FUNCTION_RE.findall(text))
            return kana >= KANA_DENSITY * n_cjk or "다" in text or "는" in text
        return len(_ZH_FUNCTION_RE.findall(text)) >= CJK_DENSITY * n_cjk
    return sum(map(_WORDS.__contains__, map(str.lower, words))) >= WORDS_DENSITY * len(words)


def smooth(classes: Sequence[Class]) -> list[Class]:
    """jusText's context step: short and near-good lines take the class of their non-short
    neighbours when both agree (near-good becomes good next to good, else bad); a short line
    between good and bad stays short."""
    n = len(classes)
    # the nearest good-or-bad class before and after each line, in two linear passes
    before: list[Class | None] = [None] * n
    after: list[Class | None] = [None] * n
    last: Class | None = None
    for i in range(n):
        before[i] = last
        if classes[i] in ("good", "bad"):
            last = classes[i]
    last = None
    for i in range(n - 1, -1, -1):
        after[i] = last
        if classes[i] in ("good", "bad"):
            last = classes[i]
    out = list(classes)
    for i, c in enumerate(classes):
        prev, nxt = before[i], after[i]
        if c == "near":
            out[i] = "good" if "good" in (prev, nxt) else "near"
        elif c == "short":
            if prev == nxt == "good":
                out[i] = "good"
            elif prev in ("bad", None) and nxt in ("bad", None):
                out[i] = "bad"
    return out


def main_block(classes: Sequence[Class], sizes: Sequence[int]) -> tuple[int, int]:
    """``(start, end)``: the span with the best score, good lines scoring their size, near-good
    half of it, short lines costing 2 and bad lines their size (at least 6). Empty ``(0, 0)``
    when no line is good."""
    return _best(classes, sizes, 0, len(classes))[1]


def article_blocks(
    classes: Sequence[Class], sizes: Sequence[int], ratio: float = 0.25
) -> list[tuple[int, int]]:
    """The main block, and the other blocks scoring at least ``ratio`` of it (and at least
    ``GOOD_SIZE``): an article that a table, a quote box or an advertisement cuts in two is
    two blocks. In order.

    >>> article_blocks(["good", "bad", "bad", "bad", "good", "short"], [60, 30, 30, 30, 55, 3])
    [(0, 1), (4, 5)]
    """
    score, best = _best(classes, sizes, 0, len(classes))
    if best[1] == 0:
        return []
    floor = max(ratio * score, GOOD_SIZE)
    found = [best]
    todo = [(0, best[0]), (best[1], len(classes))]
    while todo:
        lo, hi = todo.pop()
        if hi - lo < 1:
            continue
        got, (a, b) = _best(classes, sizes, lo, hi)
        if b > a and got >= floor:
            found.append((a, b))
            todo += [(lo, a), (b, hi)]
    return sorted(found)


def _best(
    classes: Sequence[Class], sizes: Sequence[int], lo: int, hi: int
) -> tuple[int, tuple[int, int]]:
    best, best_span = 0, (0, 0)
    run, start = 0, lo
    for i in range(lo, hi):
        c, size = classes[i], sizes[i]
        if c == "good":
            gain = size
        elif c == "near":
            gain = size // 2
        else:
            gain = -2 if c == "short" else -max(size, 6)
        if run <= 0:
            run, start = 0, i
        run += gain
        if run > best:
            best, best_span = run, (start, i + 1)
    return best, best_span
