"""The boilerplate stage's fast paths give what the slow ones they stand for give.

Each shortcut taken for speed on page dumps (a test reordered or stopped early, a call spared,
a search skipped, a result worked out once per document) is compared with the plain reading it
replaced: on generated text, and on the lines and paragraphs of the shared realbench pages when
``../shared`` sits beside the clone.
"""

from __future__ import annotations

import gzip
import json
import os
import re
from dataclasses import replace
from functools import cache

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newsclean import Config
from newsclean.pipeline import begin
from newsclean.stages.boilerplate import content, markdown, page
from newsclean.stages.boilerplate import lines as lines_module
from newsclean.stages.boilerplate.classify import _ascii_openings
from newsclean.stages.boilerplate.content import line_class
from newsclean.stages.boilerplate.lines import SKIP_HEAD, core, ends_like_sentence, fold
from newsclean.stages.boilerplate.markdown import flatten, visible_text
from newsclean.stages.boilerplate.matcher import Matcher, trie_regex
from newsclean.stages.boilerplate.rules import rules

from .engine_cases import REALBENCH_DATA

EXAMPLES = int(os.environ.get("NEWSCLEAN_FUZZ_EXAMPLES", "300"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: Pieces of markup and text a page dump's line is made of.
_PIECES = [
    "[首页](/)",
    "[Home](http://a.com/x?id=1)",
    "![](a.jpg)",
    "* ",
    "1. ",
    "## ",
    "> ",
    "**",
    "__",
    "_",
    " | ",
    "---|---",
    "  ",
    "\t",
    "\u3000",
    "\xa0",
    "。",
    "，",
    "、",
    "；",
    ". ",
    ".",
    "!",
    "?",
    "…",
    "版权所有",
    "责任编辑：",
    "We use cookies",
    "said",
    "the",
    "新闻",
    "2023年5月1日",
    "19 hours ago",
    "://",
    "#",
    "[",
    "]",
    "(",
    ")",
]
_LINES = st.lists(st.sampled_from(_PIECES) | st.text(max_size=4), max_size=12).map("".join)


@cache
def _realbench_pages(limit: int = 40) -> list[tuple[tuple[str, ...], tuple[int, ...]]]:
    """The first ``limit`` pages of each realbench set, both fields, as the stage sees them
    (read once, when a test first asks)."""
    pages = []
    for path in sorted(REALBENCH_DATA.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for n, row in enumerate(f):
                if n >= limit:
                    break
                for field in ("input", "input_plain"):
                    doc = begin(json.loads(row)[field], Config(), "boilerplate")[0]
                    pages.append((doc.lines, doc.linenos))
    return pages


needs_realbench = pytest.mark.skipif(
    not REALBENCH_DATA.is_dir(), reason="../shared/realbench not there"
)


def _paragraph_texts() -> list[str]:
    return [
        " ".join(lines[a:b])
        for lines, linenos in _realbench_pages()
        for a, b in page.paragraphs(lines, linenos)
    ]


# --- markdown.visible_text: flatten's text without the call for a line with no markup


@FUZZ
@given(_LINES)
def test_visible_text_is_flattens_text(line):
    assert visible_text(line) == flatten(line).text


@needs_realbench
def test_visible_text_is_flattens_text_on_real_paragraphs():
    texts = _paragraph_texts()
    assert texts
    assert [visible_text(t) for t in texts] == [flatten(t).text for t in texts]


# --- content._two_marks: two marks searched for, not all found


def _two_marks_slow(text: str) -> bool:
    return len(content._MARKS.findall(text)) >= 2


@FUZZ
@given(_LINES)
def test_two_marks_is_two_found(text):
    assert content._two_marks(text) == _two_marks_slow(text)


@needs_realbench
def test_two_marks_is_two_found_on_real_paragraphs():
    texts = _paragraph_texts()
    assert [content._two_marks(t) for t in texts] == [_two_marks_slow(t) for t in texts]


# --- page._menu: sentence ends first, sizes no further than the first too big


def _menu_slow(lines: list[str] | tuple[str, ...], a: int, b: int) -> bool:
    sizes = [line_class(line).size for line in lines[a:b]]
    if max(sizes) > page.HEADLINE_SIZE or sum(sizes) > page.MENU_ITEM_SIZE * (b - a):
        return False
    return not any(ends_like_sentence(line.rstrip(" *_")) for line in lines[a:b])


_ITEMS = st.lists(
    st.sampled_from(
        [
            "* Home",
            "* World",
            "* [Sport](/s)",
            "* 首页",
            "* 新闻中心",
            "* The council voted on Monday.",
            "* A long headline about something that happened somewhere far away today",
            "* 会议指出，要坚持稳中求进的工作总基调，做好今年的各项工作",
            "* 好。",
            "* ",
        ]
    )
    | _LINES.map(lambda s: "* " + s),
    min_size=1,
    max_size=12,
)


@FUZZ
@given(_ITEMS)
def test_menu_is_the_plain_reading(items):
    assert page._menu(items, 0, len(items)) == _menu_slow(items, 0, len(items))


@needs_realbench
def test_menu_is_the_plain_reading_on_real_lists():
    checked = 0
    for lines, linenos in _realbench_pages():
        for a, b in page.paragraphs(lines, linenos):
            if b - a >= 2:
                assert page._menu(lines, a, b) == _menu_slow(lines, a, b), lines[a:b]
                checked += 1
    assert checked


# --- page.data_tables: worked out once per document's lines


def test_data_tables_remembered_per_document_and_not_shared():
    lines = ("x", "名称 | 人数", "---|---", "艺术学 | 7", "（续）", "音乐学 | 9", "y")
    first = data = page.data_tables(lines)
    assert data == page._data_tables(list(lines)) == {1, 2, 3, 4, 5}
    data.add(99)  # a caller's change to its set does not reach the next caller
    assert page.data_tables(lines) == {1, 2, 3, 4, 5} and page.data_tables(lines) is not first
    other = ("a | b", "---|---", "1 | 2")
    assert page.data_tables(other) == page._data_tables(list(other)) == {0, 1, 2}
    assert page.data_tables(lines) == {1, 2, 3, 4, 5}


@needs_realbench
def test_data_tables_the_same_remembered_or_not():
    for lines, _ in _realbench_pages():
        assert page.data_tables(lines) == page._data_tables(list(lines))
        assert page.data_tables(lines) == page._data_tables(list(lines))  # remembered


# --- Matcher: ASCII text is not searched with a trie of starts beyond ASCII


def _all_tries(matcher: Matcher) -> Matcher:
    """The matcher, searching every trie of its starts in every text."""
    every = replace(matcher)
    every.__dict__["_tries"] = (matcher.prefixes, matcher.prefixes)
    return every


def test_ascii_text_is_searched_with_the_ascii_trie_only():
    m = Matcher.build([(1, "share", "share this"), (1, "copy", "版权所有"), (0, "keep", "by ")])
    ascii_only, every = m._tries
    assert len(every) == 2 and len(ascii_only) == 1
    assert ascii_only[0].search("please share this") and not ascii_only[0].search("版权所有")
    one = Matcher.build([(1, "copy", "版权所有")])
    assert one._tries[0] == () and one.find("all rights reserved") is None
    assert one.find("本站版权所有") == (1, "copy", "版权所有")


@FUZZ
@given(
    st.lists(
        st.sampled_from(sorted(rules().short.floating)[:400]) | st.text(max_size=3), max_size=8
    ).map("".join)
)
def test_matcher_finds_what_every_trie_would(text):
    for matcher in (rules().short, rules().strong, rules().site_keep):
        assert matcher.find(text) == _all_tries(matcher).find(text)


@needs_realbench
def test_matcher_finds_what_every_trie_would_on_real_lines():
    short = rules().short
    every = _all_tries(short)
    single = replace(short, prefixes=(re.compile(trie_regex(short.floating)),))
    for lines, _ in _realbench_pages()[::4]:
        for line in lines:
            text = core(fold(line))
            assert short.find(text) == every.find(text) == single.find(text), line


# --- one class searched alone, not an alternation of branches


_MARKUP_SLOW = re.compile(r"[\[\]*_#|>]|://")
_SEPARATOR_SLOW = re.compile(r"[|丨│¦]|\s[·•]\s|\s/\s")
_THREE_CONTENT_SLOW = re.compile(r"[^\W_](?:[\W_]*?[^\W_]){2}")

_SHAPES = st.lists(
    st.sampled_from(
        ["|", "丨", "│", "¦", " · ", " • ", "·", " / ", "/", "://", ":", "_", "☀", "🎉"]
    )
    | st.sampled_from(_PIECES)
    | st.text(max_size=3),
    max_size=10,
).map("".join)


def _slow_readings(line: str) -> tuple[bool, bool, bool, bool]:
    return (
        _MARKUP_SLOW.search(line) is not None or markdown._LIST.match(line) is not None,
        _SEPARATOR_SLOW.search(line) is not None,
        _THREE_CONTENT_SLOW.search(line) is not None,
        not lines_module.CONTENT.search(lines_module.MARKDOWN_DEBRIS.sub("", line)),
    )


def _fast_readings(line: str) -> tuple[bool, bool, bool, bool]:
    return (
        markdown.has_markup(line),
        lines_module.has_separator(line),
        lines_module._THREE_CONTENT.search(line) is not None,
        lines_module.is_debris(line),
    )


@FUZZ
@given(_SHAPES)
def test_split_searches_read_as_the_alternations(line):
    assert _fast_readings(line) == _slow_readings(line)


@needs_realbench
def test_split_searches_read_as_the_alternations_on_real_lines():
    for lines, _ in _realbench_pages():
        for line in lines:
            assert _fast_readings(line) == _slow_readings(line), line
            folded = fold(line)
            assert _fast_readings(folded) == _slow_readings(folded), folded


# --- page._has_reply_word: ASCII text lowered and matched with case


@FUZZ
@given(
    st.lists(
        st.sampled_from(["reply", "REPLY", "Respond", "antWORTEN", "répondre", "rispondi", "回复"])
        | st.sampled_from(["ſ", "K", "İ", "ı", "é", "É", "R", "e", "p", "l", "y", " ", "*"])
        | st.text(max_size=3),
        max_size=8,
    ).map("".join)
)
def test_reply_word_as_the_case_blind_search(line):
    assert page._has_reply_word(line) == (page._REPLY_WORD.search(line) is not None)


@needs_realbench
def test_reply_word_as_the_case_blind_search_on_real_lines():
    for lines, _ in _realbench_pages():
        for line in lines:
            assert page._has_reply_word(line) == (page._REPLY_WORD.search(line) is not None)


# --- a look-ahead before an alternation: the same matches, found without trying every branch


_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_STAMP_SLOW = re.compile(
    rf"(?i)\b{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\b\d{{1,2}}\s+{_MONTH}\s+\d{{4}}"
    r"|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\b\d{1,2}/\d{1,2}/\d{4}\b|\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?"
    r"|\b\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\b"
    rf"|\b\d+\s?[smhdw]\s+ago\b|^{_MONTH}\s+\d{{1,2}}$"
    r"|\d{2,4}年\d{1,2}月(?:\d{1,2}日)?|\d{1,2}月\d{1,2}日|\d+\s*(?:分钟|小时|天)前"
    r"|[:：]\s*\d+\s*$|^\(?\d+\)?$|\(\d+\)\s*$"
)
_EMPHASIS_SLOW = re.compile(r"\*\*|__|(?<![\w*])[*_](?=[^\s*_])|(?<=[^\s*_])[*_](?![\w*])")
_DEBRIS_SLOW = re.compile(r"!?\[[^\]\n]{0,1000}\]\([^)\n]{0,2000}\)")

_LOOKAHEAD_PAIRS = [
    (content._STAMP, _STAMP_SLOW),
    (markdown._EMPHASIS, _EMPHASIS_SLOW),
    (lines_module.MARKDOWN_DEBRIS, _DEBRIS_SLOW),
]

_STAMPS = st.lists(
    st.sampled_from(
        [
            "Nov",
            "NOVEMBER",
            "Sept.",
            "ſept",  # a long s: the same letter to a case-blind match
            "jan",
            "May",
            "DEC",
            " 19, 2019",
            " 19",
            "2010/03/12",
            "10:20",
            " am",
            "PM",
            " hours ago",
            "5h ago",
            "2023年5月1日",
            "5月1日",
            "3 分钟前",
            "指数：5",
            ":5",
            "(185)",
            "(",
            ")",
            "١٢",  # digits of another script: \d
            "*",
            "**",
            "_",
            "__",
            "![](a.jpg)",
            "[x](/y)",
            "![",
        ]
    )
    | st.sampled_from(_PIECES)
    | st.text(max_size=3),
    max_size=10,
).map("".join)


def _readings(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """Where the pattern matches, one match after the other (what ``search``, ``sub`` and
    ``findall`` find)."""
    return [m.span() for m in pattern.finditer(text)]


@FUZZ
@given(_STAMPS)
@example("Posted Nov 19, 2019 at 6:34 am · 19 hours ago")
@example("ſept 5")
@example("无耻指数：5 (2005-07-03 09:23:57)")
@example("a _word_ and **strong** text_with_underscores * star")
@example("! [](x) ![](a.jpg) [ ![](b.png) ](/c)")
def test_look_ahead_patterns_match_as_the_alternations(text):
    for fast, slow in _LOOKAHEAD_PAIRS:
        assert _readings(fast, text) == _readings(slow, text), fast.pattern


@needs_realbench
def test_look_ahead_patterns_match_as_the_alternations_on_real_lines():
    texts = [line for lines, _ in _realbench_pages() for line in lines] + _paragraph_texts()
    for fast, slow in _LOOKAHEAD_PAIRS:
        for text in texts:
            assert _readings(fast, text) == _readings(slow, text), (fast.pattern, text)


# --- page._may_open_strong: two patterns, not one alternation


def _ascii_opening_slow() -> re.Pattern[str]:
    """The one pattern :func:`page._may_open_strong` stands for."""
    _, openings = _ascii_openings(rules().strong.anchored_starts)
    heads = "".join(ch for ch in SKIP_HEAD if not ch.isspace())
    alternatives = "|".join(re.escape(o) for o in sorted(openings))
    return re.compile(
        rf"(?:^\s*|(?<=[.!?])\s+)(?:[{re.escape(heads)}]"
        + (rf"|(?i:{alternatives})" if alternatives else "")
        + ")"
    )


_SENTENCES = st.lists(
    st.sampled_from(
        [
            "We use cookies",
            "we USE cookies",
            "By using this site",
            "Copyright",
            "All rights reserved",
            "Hi",
            ". ",
            "! ",
            "? ",
            ".",
            " ",
            "\t",
            "  ",
            "* ",
            "| ",
            "(",
            "[",
            "the",
            "said",
        ]
    )
    | st.text(alphabet=st.characters(max_codepoint=127), max_size=3),
    max_size=10,
).map("".join)


@FUZZ
@given(_SENTENCES)
def test_may_open_strong_as_the_one_alternation(text):
    slow = _ascii_opening_slow()
    starts = rules().strong.anchored_starts
    assert page._may_open_strong(text, starts) == (slow.search(text) is not None)


@needs_realbench
def test_may_open_strong_as_the_one_alternation_on_real_paragraphs():
    slow = _ascii_opening_slow()
    starts = rules().strong.anchored_starts
    for text in _paragraph_texts():
        if text.isascii():
            assert page._may_open_strong(text, starts) == (slow.search(text) is not None), text


def _data_tables_slow(lines: list[str] | tuple[str, ...]) -> set[int]:
    """Every kind of table looked for, whatever the lines hold."""
    return page.ruled_tables(lines) | page.key_value_tables(lines) | page.record_lists(lines)


@FUZZ
@given(
    st.lists(
        st.sampled_from(
            [
                "名称 | 人数",
                "---|---",
                "艺术学 | 7",
                "（续）",
                "x",
                "* 发行日期：2001年",
                "───┼───",
                " 2 │ f",
            ]
        )
        | _LINES,
        max_size=12,
    )
)
@example(
    [
        "## 第一张专辑",
        "* 发行日期：2001年12月14日",
        "* 唱片公司：甲唱片",
        "## 第二张专辑",
        "* 发行日期：2004年6月19日",
        "* 唱片公司：乙唱片",
        "正文。",
        "* 发行日期：2005年7月1日",
        "* 唱片公司：丙唱片",
    ]
)
def test_data_tables_without_rows_as_with_every_look(lines):
    assert page._data_tables(lines) == _data_tables_slow(lines)


@needs_realbench
def test_data_tables_without_rows_as_with_every_look_on_real_pages():
    for lines, _ in _realbench_pages():
        assert page._data_tables(lines) == _data_tables_slow(lines)
