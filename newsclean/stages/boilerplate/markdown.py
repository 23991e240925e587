"""What a line of a markdown (html2text) page dump still says about the page: its links, images,
list and table markup, heading marks, and the text a reader sees once the markup is gone.

A scraper that turns a page into markdown keeps much of what an HTML extractor looks at: a menu
is a row of ``[item](url)`` links, a related-articles box a list of ``* [title](url)``, a
thumbnail a ``[ ![](….jpg) ](…)``; an article paragraph is mostly plain text. :func:`flatten`
gives the text and how much of it was link text, for :mod:`.content`.

>>> flatten("* [搜狐首页](http://www.sohu.com) > **财经**")
Markup(text='搜狐首页 > 财经', link_chars=4, links=1, images=0, list_item=True, heading=False, table=False)
>>> flatten("| 2023 | [报告](a.pdf) | 7% |").text
'2023 报告 7%'
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import NamedTuple

#: Link targets, one level of parentheses inside (``javascript:if \(window.print\) …``,
#: ``/wiki/Turbo_\(band\)``). The markdown stage reads links and strong emphasis with these
#: same patterns, so the text judged here is the text that stage leaves.
TARGET = r"\([^()\n]*(?:\([^()\n]*\)[^()\n]*)*\)"
_IMAGE = re.compile(r"!\[[^\]\n]*\]" + TARGET)
#: Strong emphasis, which the markdown stage takes away (``第**1** 页``). With underscores, not
#: inside a word (``snake__case__name``: CommonMark's rule), not around a code name (letters of
#: one case, digits, underscores: ``__init__``, ``__DIR__``) and not around a blank to fill in
#: (``要______主的``): html2text and its kin write ``**``, so such a ``__`` in a dump or in
#: plain text is the text's own (``__Facebook__`` still reads as emphasis).
STRONG = re.compile(
    r"(\*\*|(?<!\w)__(?!(?:[a-z0-9_]+|[A-Z0-9_]+)__(?!\w)))(?=\S)(.+?)(?<=\S)\1(?!(?<=__)\w)"
)
#: A link whose text may hold an image (``[ ![](x.jpg) ](url)``): images are removed first.
LINK = re.compile(r"\[([^\[\]\n]*)\]" + TARGET)
#: Links and images whose text holds brackets of its own (``[Clip [VIDEO]](…)``, ``[[1]](#c)``),
#: read after the plain ones.
_NESTED_TEXT = r"\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]"
LINK_NESTED = re.compile(_NESTED_TEXT + TARGET)
IMAGE_NESTED = re.compile("!" + _NESTED_TEXT + TARGET)
#: The end of a link whose text began on a line above (``詳しくはこちら](http://…)``, its
#: target perhaps cut off by the line's end): its text stays, its target goes.
LINK_TAIL = re.compile(r"^([^\[\]\n]*)\]\((?:[^()\s\\]|\\.)+(?:\s+\"[^\"\n]*\"?)?(?:\)|$)")
_REF_LINK = re.compile(r"\[([^\[\]\n]+)\]\[[^\]\n]*\]")
#: List markers, also as html2text escapes them (``\+ Added …``, ``\- Menu``).
_LIST = re.compile(r"^\s*(?:\\?[*+\-]|[•·]|\d{1,3}\\?[.)])\s+")
_HEADING = re.compile(r"^\s*#{1,6}\s+")
_QUOTE = re.compile(r"^\s*(?:>\s*)+")
#: Emphasis marks. Each branch opens with ``*`` or ``_``: the look-ahead first lets ``re`` pass
#: over other characters at once, not try every branch (and its look-behinds) at each of them.
_EMPHASIS = re.compile(r"(?=[*_])(?:\*\*|__|(?<![\w*])[*_](?=[^\s*_])|(?<=[^\s*_])[*_](?![\w*]))")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_CELL = re.compile(r"\s*\|\s*")
_SPACES = re.compile(r"\s{2,}")
#: What :func:`has_markup` looks for besides a list marker and ``://`` (one C-speed scan: a
#: class alone, not in an alternation, lets ``re`` skip to the characters it holds).
_MARKUP = re.compile(r"[\[\]*_#|>]")


class Markup(NamedTuple):
    """A line's visible text and its markup: link text length, links, images, list, heading,
    table row."""

    text: str
    link_chars: int
    links: int
    images: int
    list_item: bool
    heading: bool
    table: bool


#: An html2text escape; not a backslash after another (``\\(``: a backslash of the text, which
#: unescaped would read as an escape on the next run).
ESCAPE = re.compile(r"(?<!\\)\\([-+*_#.!|`\[\]()])")


def without_images(line: str) -> str:
    """The line with its images gone (``![alt](src)``), links as they are.

    >>> without_images("姓名![](a.jpg) | [张三](/z)")
    '姓名 | [张三](/z)'
    """
    return _IMAGE.sub("", line) if "![" in line else line


def link_text(line: str) -> str:
    """The line with images gone and links as their text, the rest as it is: what the phrase
    families and the line's shape are judged on (as the markdown stage will leave it).

    >>> link_text("| [北京大学](http://www.pku.edu.cn/) | [中心概况](Intro.asp) | ![](a.gif) 站点导航 |")
    '| 北京大学 | 中心概况 |  站点导航 |'
    >>> link_text("第**1** 页/共**1** 页")
    '第1 页/共1 页'
    """
    if "**" in line or "__" in line:
        line = STRONG.sub(r"\2", line)
    if "](" in line:
        line = LINK.sub(_inner, _IMAGE.sub("", line))
        if "](" in line and "[" in line:
            line = LINK_NESTED.sub(_inner, IMAGE_NESTED.sub("", line))
    if "\\" in line:  # html2text's escapes, last (as the markdown stage takes them)
        line = ESCAPE.sub(r"\1", line)
    return line


def _inner(m: re.Match[str]) -> str:
    return m.group(1).strip()


def numbered_runs(lines: Sequence[str], item: re.Pattern[str], gap: int = 1) -> Iterator[list[int]]:
    """The runs of list items numbered 1, 2, 3… in ``lines`` (``item`` matches one, its group 1
    the number), each at most ``gap`` lines after the one before: their line indexes.

    >>> list(numbered_runs(["1. a", "2. b", "x", "1. c", "3. d"], re.compile(r"(\\d+)\\. ")))
    [[0, 1], [3]]
    >>> list(numbered_runs(["1. a", "note", "2. b"], re.compile(r"(\\d+)\\. "), gap=2))
    [[0, 2]]
    """
    i, n = 0, len(lines)
    while i < n:
        m = item.match(lines[i])
        if not m or m.group(1) != "1":
            i += 1
            continue
        run, j = [i], i + 1
        while j < n and j - run[-1] <= gap:
            m = item.match(lines[j])
            if m and int(m.group(1)) == len(run) + 1:
                run.append(j)
            j += 1
        yield run
        i = run[-1] + 1


def is_list_item(line: str) -> bool:
    """Does the line start with a list marker?

    >>> is_list_item("* Politics"), is_list_item("\\\\+ Added blocks"), is_list_item("3. Third")
    (True, True, True)
    """
    return bool(_LIST.match(line))


def list_items(lines: Sequence[str]) -> list[bool]:
    """:func:`is_list_item` for many lines, without a call per line.

    >>> list_items(["* Politics", "Politics"])
    [True, False]
    """
    return [m is not None for m in map(_LIST.match, lines)]


def is_table_rule(line: str) -> bool:
    """``---|---|---``: the rule under a markdown table's header.

    >>> is_table_rule("---|---|---"), is_table_rule("| :--- | ---: |"), is_table_rule("---")
    (True, True, False)
    """
    return "|" in line and bool(_TABLE_RULE.match(line))


#: Column bars of tables drawn with box-drawing characters (``a │ b``).
BOX_BARS = "│┃║"
_BOX_RULE = re.compile(r"^[\s\u2500-\u257f]*$")


def is_box_rule(line: str) -> bool:
    """A rule of a table drawn with box-drawing characters (``───┼───``, ``└──┴──┘``): only
    those characters (three or more) and spaces. It is the text's own, not markup.

    >>> is_box_rule("───┼────────"), is_box_rule("  ────  "), is_box_rule("│"), is_box_rule("a │ b")
    (True, True, False, False)
    """
    return bool(_BOX_RULE.match(line)) and sum(1 for ch in line if not ch.isspace()) >= 3


def is_any_rule(line: str) -> bool:
    """A table's rule: markdown (``---|---``) or drawn with box characters."""
    return is_table_rule(line) or is_box_rule(line)


def has_markup(line: str) -> bool:
    """A cheap test: could :func:`flatten` change this line?"""
    return _MARKUP.search(line) is not None or "://" in line or _LIST.match(line) is not None


def _tail(text: str, parts: list[str]) -> tuple[str, int]:
    """``text`` without the target of a link that began on a line above (its text, link text,
    added to ``parts``), and how many such links (0 or 1)."""
    tail = LINK_TAIL.match(text) if "](" in text else None
    if tail is None:
        return text, 0
    parts.append(tail.group(1).strip())
    return tail.group(1).rstrip() + text[tail.end() :], 1


def _links(text: str) -> tuple[str, int, int, int]:
    """The text with links as their text, how many links, how many characters of link text,
    and how many images were inside links with brackets in their text. A link around a link
    (``[standfirst … [More…](u)](u)``): the markdown stage reads three levels, so the outer
    link's text is link text too (the inner's counted once). Then, as the markdown stage
    reads them, links whose text holds brackets (``[Clip [VIDEO]](u)``) and the end of a link
    that began on a line above (``詳しくはこちら](u)``)."""
    parts: list[str] = []

    def _text(m: re.Match[str]) -> str:
        inner = m.group(1).strip()
        parts.append(inner)
        return inner

    text, links = LINK.subn(_text, text)
    for _ in range(2):
        if not links or "](" not in text:
            break
        inner = parts[:]
        parts.clear()
        text, more = LINK.subn(_text, text)
        links += more
        parts += [p for p in inner if not any(p in q for q in parts)]
        if not more:
            break
    images = 0
    if "](" in text and "[" in text:
        text, images = IMAGE_NESTED.subn("", text)
        text, more = LINK_NESTED.subn(_text, text)
        links += more
    text, more = _tail(text, parts)
    return text, links + more, sum(len(p) for p in parts), images


@lru_cache(maxsize=1 << 10)  # pure; the page model flattens a paragraph twice (class, notices)
def flatten(line: str) -> Markup:
    """The line as a reader sees it: images gone, links as their text, list, heading, quote and
    emphasis marks gone, table cells joined by a space."""
    images = 0
    text = line
    if "](" in text or "][" in text:
        text, images = _IMAGE.subn("", text)
    links = 0
    link_chars = 0
    if "](" in text:
        text, links, link_chars, more = _links(text)
        images += more
    if "][" in text:
        text = _REF_LINK.sub(r"\1", text)
    list_item = bool(_LIST.match(text))
    if list_item:
        text = _LIST.sub("", text, count=1)
    heading = bool(_HEADING.match(text))
    if heading:
        text = _HEADING.sub("", text, count=1).rstrip(" #")
    if ">" in text:  # a quote's mark: most lines have none
        text = _QUOTE.sub("", text)
    if "*" in text or "_" in text:
        text = _EMPHASIS.sub("", text)
    table = False
    if "|" in text:
        if _TABLE_RULE.match(text):
            return Markup("", 0, links, images, list_item, heading, True)
        cells = [c for c in _CELL.split(text) if c]
        table = len(cells) >= 2 or text.strip().startswith("|")
        text = " ".join(cells)
    if "  " in text:
        text = _SPACES.sub(" ", text)
    return Markup(text.strip(), link_chars, links, images, list_item, heading, table)


def visible_text(line: str) -> str:
    """``flatten(line).text``, without the call for a line that has no markup
    (:func:`has_markup`): then all :func:`flatten` does is make runs of spaces one and strip
    the ends.

    >>> visible_text("  a  b "), visible_text("* [a](/x)  b")
    ('a b', 'a b')
    """
    if has_markup(line):
        return flatten(line).text
    return (_SPACES.sub(" ", line) if "  " in line else line).strip()
