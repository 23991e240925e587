"""What one line looks like: folded form, length in units, sentence end, and shape.

Everything here depends on the line alone, and on its folded form (script, punctuation width,
case), so a line gets the same verdict after ``script`` or ``punctuation`` have rewritten it:
that is what makes the stage idempotent through the whole pipeline.

>>> is_prose("新修订的著作权法明确规定，未经授权不得转载他人作品，版权所有人有权追究侵权者的责任。")
True
>>> shape_rule(fold("首页 | 新闻 | 体育 | 财经 | 联系我们"))
'link-list'
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...chars import CJK, units
from .rules import fold_text

#: Lines at least this long (CJK characters + 2 x words) that end like a sentence are prose.
PROSE_UNITS = 25
#: Lines without a sentence end shorter than this are "short": boilerplate if their neighbours are.
SHORT_UNITS = 40
#: A link-list item is at most this long.
ITEM_UNITS = 12

_END = frozenset("。．.!?！？…⋯")
_CLOSERS = "\"'”’）)」』》>]】〕"
_CLOSER_SET = frozenset(_CLOSERS)
#: The last characters of the lines that may end like a sentence (:func:`ends_like_sentence`).
_MAY_END = _END | _CLOSER_SET
# Fast sufficient tests for "at least PROSE_UNITS units": that many CJK characters, or half as
# many words (runs of word characters, each holding a non-CJK one); reading stops as soon as
# they are found. Lines that fail get counted exactly.
_MANY_CJK = re.compile(rf"(?:[^{CJK}\n]*+[{CJK}]){{{PROSE_UNITS}}}")
_MANY_WORDS = re.compile(rf"(?:[^\w\n]*+[^\W{CJK}]\w*+){{{(PROSE_UNITS + 1) // 2}}}")
#: Words of English text, found faster (classes of bytes, not of Unicode categories): runs of
#: ASCII letters and digits, each after characters that cannot be in a word (ASCII spaces and
#: punctuation, English quotes and dashes). A run is then a whole word, or (the last) begins one.
_NOT_IN_WORD = r"\x00-\x09\x0b-\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\x7f\u00a0\u2013\u2014\u2018\u2019\u201c\u201d\u2026"
_MANY_ASCII_WORDS = re.compile(rf"(?:[{_NOT_IN_WORD}]*+[a-zA-Z0-9_]++){{{(PROSE_UNITS + 1) // 2}}}")

# Bounded spans: unbounded ones rescan the rest of the line from every "[" when no ")" follows
# ("[](" * 100_000 took minutes); a longer link text or URL is simply not taken as debris.
# The look-ahead lets ``re`` pass over the characters that cannot open one (``!?`` cannot).
MARKDOWN_DEBRIS = re.compile(r"(?=[!\[])!?\[[^\]\n]{0,1000}\]\([^)\n]{0,2000}\)")
CONTENT = re.compile(r"[^\W_]|[\u2600-\u27bf\U0001f000-\U0001faff]")
#: :data:`CONTENT`'s two classes, each searched alone (faster than their alternation).
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_EMOJI = re.compile(r"[\u2600-\u27bf\U0001f000-\U0001faff]")
_SYMBOL = re.compile(r"[^\w\s]")
#: Three letters or digits, with anything between (possessive: what lies between holds none).
_THREE_CONTENT = re.compile(r"[^\W_](?:[\W_]*+[^\W_]){2}")
#: Decoration around a line that says nothing about it (after folding).
_DECOR = " \t#*+-–—•·■□◆◇●○◎★☆▶►▷▲△▼▽→←↑↓»«›‹<>|¦:~=_"
_PAIRS = {"(": ")", "[": "]", "<": ">", "〔": "〕", "〖": "〗", "{": "}"}
#: What :func:`core` can strip from the start of a line.
SKIP_HEAD = _DECOR + "".join(_PAIRS)
_SEPARATOR = re.compile(r"\s*(?:[|丨│¦]|\s[·•]\s|\s/\s)\s*")
#: Is there a separator? (What :data:`_SEPARATOR` needs, without the spaces around it: searched
#: with them, a long run of spaces costs its length squared.) The bars are one class, searched
#: alone (an alternation makes ``re`` try every branch at every character); a dot or a slash
#: between spaces is looked for only in a line that holds one (:func:`has_separator`).
_SEPARATOR_BAR = re.compile(r"[|丨│¦]")
_SEPARATOR_SPACED = re.compile(r"\s[·•]\s|\s/\s")
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")


def ends_like_sentence(line: str) -> bool:
    """Does the line end with a full stop, question or exclamation mark (quotes may follow)?

    >>> ends_like_sentence("他说：“好。”"), ends_like_sentence("【打印】【关闭】")
    (True, False)
    """
    last = line[-1] if line else ""
    if last in _CLOSER_SET:
        line = line.rstrip(_CLOSERS)
        last = line[-1] if line else ""
    return last in _END


def prose_flags(lines: Sequence[str]) -> list[bool]:
    """:func:`is_prose` for many lines. The common cases (a Chinese paragraph ending in 。, an
    English one ending in .) are decided by one fast sufficient test, the one the final mark
    suggests, without a function call per line.

    >>> prose_flags(["这是一个很长的中文段落，讲述了会议召开的经过和主要内容以及下一步安排。", "Home"])
    [True, False]
    """
    many_cjk, many_words, end, may_end = (
        _MANY_CJK.match,
        _MANY_ASCII_WORDS.match,
        _END,
        _MAY_END,
    )
    # a line whose last character is neither a sentence mark nor a closing quote does not end
    # like a sentence (:func:`ends_like_sentence`), so is no prose: most short lines need no call
    return [
        bool(line[-1] in end and (many_cjk if line[-1] >= "\u3000" else many_words)(line))
        or (line[-1] in may_end and is_prose(line))
        for line in lines
    ]


def is_prose(line: str) -> bool:
    """Long enough and ending like a sentence: content, whatever words it mentions."""
    return ends_like_sentence(line) and bool(
        _MANY_CJK.match(line) or _MANY_WORDS.match(line) or units(line) >= PROSE_UNITS
    )


def fold(line: str) -> str:
    """The line in the form rules see it (see :func:`.rules.fold_text`)."""
    return fold_text(line)


def fold_many(lines: Sequence[str], simplify: bool | None = None) -> list[str]:
    """Fold many lines at once (one OpenCC call for all of them). ``simplify``: see
    :func:`.rules.fold_text` (by default, whether any of the lines needs it)."""
    if not lines:
        return []
    folded = fold_text("\n".join(lines), simplify).split("\n")
    if len(folded) != len(lines):  # never expected: fold line by line
        folded = [fold_text(line, simplify) for line in lines]
    return folded


def core(folded: str) -> str:
    """The folded line without edge decoration and without one bracket pair around it all.

    >>> core("(来源:新华社)"), core("[打印][关闭]"), core("## 相关新闻 >>")
    ('来源:新华社', '[打印][关闭]', '相关新闻')
    """
    text = folded.strip(_DECOR)
    while len(text) > 1 and text[0] in _PAIRS:
        close = text.find(_PAIRS[text[0]])
        if close != len(text) - 1:
            break
        text = text[1:-1].strip(_DECOR)
    return text


def is_debris(line: str) -> bool:
    """No letter, digit or emoji once markdown image/link leftovers are removed.

    >>> is_debris("![]() |"), is_debris("| |||||"), is_debris("[首页](http://a.cn)"), is_debris("图")
    (True, True, True, False)
    """
    if "](" in line:
        line = MARKDOWN_DEBRIS.sub("", line)
    return _LETTER_OR_DIGIT.search(line) is None and _EMOJI.search(line) is None


def debris_why(line: str) -> str:
    """What :func:`is_debris` found: ``no text``, or ``only links`` where links hold words (a
    link alone on its line: the words are the link's, none the line's own).

    >>> debris_why("![]() |"), debris_why("[首页](http://a.cn)")
    ('no text', 'only links')
    """
    if "](" in line and any(_LETTER_OR_DIGIT.search(m[1]) for m in _LINK_WORDS.finditer(line)):
        return "only links"
    return "no text"


#: A link's words (not an image's): ``[words](`` not after ``!``.
_LINK_WORDS = re.compile(r"(?<!!)\[([^\[\]\n]{0,1000})\]\(")


def has_separator(text: str) -> bool:
    """Does ``text`` hold a separator of link-list items (``|``, ``丨``, `` · ``, `` / ``…)?

    >>> has_separator("首页 | 新闻"), has_separator("a · b"), has_separator("1/2"), has_separator("a / b")
    (True, True, False, True)
    """
    return _SEPARATOR_BAR.search(text) is not None or (
        ("·" in text or "•" in text or "/" in text) and _SEPARATOR_SPACED.search(text) is not None
    )


def shape_rule(folded: str) -> str | None:
    """``link-list`` for ``A | B | C``, ``symbols`` for lines that are mostly symbols, else None.

    A row whose items are mostly numbers is a table of data, not links: it stays.

    >>> shape_rule("北京 | 123 | 4.5% | 7"), shape_rule("===== 2 ====="), shape_rule("(1)")
    (None, 'symbols', None)
    >>> shape_rule("“……嗯……？”"), shape_rule("~~~ 1 ~~~。")
    (None, 'symbols')
    """
    text = folded.strip()
    parts = _SEPARATOR.split(text) if has_separator(text) else [text]
    if len(parts) >= 3:
        items = [p for p in (p.strip() for p in parts) if p]
        if (
            len(items) >= 3
            and all(units(item) <= ITEM_UNITS and not ends_like_sentence(item) for item in items)
            and 2 * sum(1 for item in items if _DIGIT.search(item)) < len(items)
        ):
            return "link-list"
    if _THREE_CONTENT.search(text):
        return None
    content = len(CONTENT.findall(text))
    symbols = len(_SYMBOL.findall(text))
    if content <= 2 and symbols >= 3 and symbols > 2 * content:
        # a word ending like a sentence is speech (“……嗯……？”), not a line of symbols
        if _LETTER.search(text) and ends_like_sentence(text):
            return None
        return "symbols"
    return None
