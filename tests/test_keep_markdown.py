"""Markdown that stays markdown (``--keep-markdown``, the default for ``*.md``): code as it is
written, blank lines between blocks, indentation, markup the punctuation stage leaves alone."""

from __future__ import annotations

import gzip
import json
import os

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newsclean import Config, clean
from newsclean.layout import layout

from .conftest import CASES
from .engine_cases import REALBENCH_DATA

KEEP = Config(keep_markdown=True)

_GOLDEN = CASES / "keep_markdown"
_DOC = (_GOLDEN / "document.md").read_text("utf-8")
_EXPECTED = (_GOLDEN / "document.expected.md").read_text("utf-8")


def test_a_markdown_document_stays_markdown():
    out = clean(_DOC, KEEP).text
    assert out == _EXPECTED
    assert clean(out, KEEP).text == out


def test_the_same_document_flattened_is_plain_text():
    out = clean(_DOC).text
    assert "\n\n" not in out and "```" in out  # (a fence is text to the plain output)
    assert "据新华社报道，会议今天开幕。" in out.splitlines()


def test_code_is_never_dropped_as_a_copy_or_as_debris():
    block = "```\nx = 1\n}\n```"
    text = f"第一段内容在这里，说明如下。\n\n{block}\n\n第二段内容在这里，说明如下。\n\n{block}\n"
    assert clean(text, KEEP).text == text


def test_mojibake_in_code_is_still_repaired():
    text = '```yaml\nlabel: "鏂伴椈"\n```\n'
    assert clean(text, KEEP).text == '```yaml\nlabel: "新闻"\n```\n'


def test_an_unclosed_fence_runs_to_the_end():
    text = "说明如下：\n\n```\nx = 1 ,  2\n\n\n   y\n"
    assert clean(text, KEEP).text == text


def test_indented_lines_inside_a_list_are_no_code():
    found = layout("- 项目\n\n    项目的第二段, 内容\n\n正文\n\n    code\n")
    assert sorted(found.verbatim) == [7]


def test_a_front_matter_needs_a_key_and_a_closing_line():
    assert layout("---\ntitle: x\n---\n正文\n").verbatim == {1, 2, 3}
    assert layout("---\n正文\n---\n").verbatim == {1, 3}  # rules, not a front matter
    assert layout("---\ntitle: x\n正文\n").verbatim == {1}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("正文一。\n\n\n\n正文二。\n", "正文一。\n\n正文二。\n"),  # blank lines: one
        ("正文一。\n正文二。\n", "正文一。\n正文二。\n"),  # none: none
        ("  正文 ,  有空格  \n", "  正文，有空格\n"),  # indentation kept, the rest tidied
    ],
)
def test_blank_lines_and_indentation(text, expected):
    assert clean(text, KEEP).text == expected


def test_an_image_after_chinese_text_keeps_its_mark():
    text = "对头发产生伤害。![脂溢性脱发](http://a.com/x.jpg) 更多内容请看这里。\n"
    assert clean(text, Config(stages=("punctuation",))).text == text


_SETTINGS = settings(
    max_examples=int(os.environ.get("NEWSCLEAN_FUZZ_EXAMPLES", "300")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
# The layout's own pieces (fences, indentation, list markers, blank lines) among text; what
# the boilerplate stage decides of a phrase beside widened marks is fuzzed in test_properties.
_PIECES = st.sampled_from(
    [
        "```",
        "~~~",
        "    ",
        "\t",
        "  ",
        "- ",
        "1. ",
        "* ",
        "---",
        "title: ",
        "\n",
        "\n",
        "\n\n",
        "会议",
        "开幕",
        ",",
        ".",
        "!",
        "![](a.jpg)",
        "[新华社](http://x.cn)",
        "| 甲 | 乙 |",
        "|---|---|",
        "The news",
        "鏂伴椈",
        "\u3000",
        "</p>",
        "<br/>",
        "<!--",
        "-->",
    ]
)


@_SETTINGS
@given(st.lists(_PIECES, max_size=40).map("".join))
# a table's rule kept for the header above it, which went as debris: alone on the second pass
@example(".|---|---|\n|---|---|")
def test_keeping_markdown_is_idempotent_and_keeps_code_as_written(text):
    once = clean(text, KEEP).text
    assert clean(once, KEEP).text == once
    found = layout(text)
    out = set(once.splitlines())
    for n in found.verbatim:
        line = found.raw[n - 1]
        if "鏂" not in line and line.isprintable():
            assert line in out


def test_a_nested_item_given_back_its_indentation_is_no_change():
    result = clean("- 项目\n  - 子项目\n", KEEP)
    assert result.text == "- 项目\n  - 子项目\n"
    assert not result.changed and not result.changes


@pytest.mark.skipif(not REALBENCH_DATA.is_dir(), reason="../shared/realbench not there")
def test_real_page_dumps_kept_as_markdown_clean_once():
    # html2text's page dumps, kept as markdown: the output's blank lines are read again as the
    # edges of paragraphs, so the pipeline settles on what it will write (pipeline's
    # _as_markdown). Without that, 108 of the 510 pages changed when cleaned again; the few
    # left are the plain output's own (a mangled table) or code a dropped list uncovered.
    pages = unstable = 0
    for path in sorted(REALBENCH_DATA.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for row in f:
                text = json.loads(row)["input"]
                once = clean(text, KEEP).text
                pages += 1
                unstable += clean(once, KEEP).text != once
    assert pages >= 500
    assert unstable <= pages // 100


def test_a_readmes_html_is_kept_as_written():
    text = (
        '<!-- toc -->\n\n<p align="center">\n  <img src="logo.png" width="200">\n</p>\n\n'
        "# 项目\n\n这是一个用于清洗新闻文本的工具，支持多种编码。\n\n"
        "<!--\n  注释, 多行\n-->\n\n<details>\n<summary>更多</summary>\n\n"
        "更多说明在这里，内容很长很长。\n\n</details>\n"
    )
    assert clean(text, KEEP).text == text


def test_headings_underlined_and_rules_stay_and_keep_their_sections():
    # A heading's underline and a thematic break read as lines of symbols: the boilerplate
    # stage dropped them, and then the short paragraph between them as their neighbour.
    text = (_GOLDEN / "setext.md").read_text("utf-8")
    assert clean(text, KEEP).text == text
    flat = clean(text).text.splitlines()  # plain text: the underlines go, the paragraph stays
    assert "=============" not in flat and "A paragraph with a footnote.[^1]" in flat


def test_a_heading_framed_by_rules_in_plain_text_stays():
    lines = [
        "市议会周一经过长时间辩论后批准了新的预算案，辩论一直持续到深夜。",
        "——————————",
        "背景",
        "——————————",
        "预算包括道路维修、新建学校以及扩建公共图书馆系统的资金。",
        "**********",
        "下一步",
        "**********",
        "官员表示，市长预计将在本周晚些时候签署该预算案。",
    ]
    out = clean("\n".join(lines)).text.splitlines()
    assert [line for line in lines if line not in out] == [lines[1], lines[3], lines[5], lines[7]]
