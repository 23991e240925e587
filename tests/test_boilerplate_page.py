"""Whole pages: long lines, tables and lists kept; a page dump's furniture dropped, explained."""

from __future__ import annotations

import pytest

from newsclean import Config, clean
from newsclean.model import Doc
from newsclean.stages.boilerplate import boilerplate

_ARTICLE_ZH = [
    "新华社北京1月4日电 今年以来，各地认真贯彻落实中央经济工作会议精神，经济运行总体回升向好。",
    "国家统计局有关负责人表示，前三季度国内生产总值同比增长，就业形势保持稳定，居民收入稳步增加。",
    "他说，我们有信心在今年完成这些目标，并为下一步的发展打下坚实的基础，这也是大家共同的期待。",
    "专家认为，下一阶段要继续扩大内需，稳定市场预期，推动经济实现质的有效提升和量的合理增长。",
]
_ARTICLE_EN = [
    "The city council voted on Monday to approve the new budget, which increases funding for "
    "public transport and schools after a long debate that lasted into the night.",
    "Council members said that the plan would be reviewed again in the spring, when the first "
    "figures for the year are known and the mayor has presented her report to the public.",
    "Residents who spoke at the meeting were divided, and several of them asked the council to "
    "publish the full list of projects that the money will pay for before the next session.",
    "The mayor said she was confident that the budget would help the city grow, and that the "
    "council would listen to everyone who had taken the time to come to the meeting.",
]


def _run(lines: list[str]) -> tuple[str, ...]:
    return boilerplate(Doc(tuple(lines), tuple(range(1, len(lines) + 1))), Config()).lines


def test_a_one_line_article_with_a_copyright_notice_is_kept():
    """A table layout puts the whole article on one line, the site's notice and all."""
    line = "版权所有 中国网 " + "".join(_ARTICLE_ZH)
    assert _run(["首页 | 新闻 | 体育 | 财经", line, "版权所有 © 2023 某某网"]) == (line,)


@pytest.mark.parametrize("rule", ["版权所有", "all rights reserved", "分享到"])
def test_no_long_line_goes_whole_for_a_phrase(rule):
    line = f"{rule} " + " ".join(_ARTICLE_EN[:3])
    assert line in _run([*_ARTICLE_EN, line])


def test_a_table_at_the_end_is_kept():
    table = [
        "名次 | 车手 | 积分",
        "---|---|---",
        "1 | 张三 | 5040",
        "2 | 李四 | 5035",
        "3 | 王五 | 5033",
    ]
    lines = [*_ARTICLE_ZH, "责任编辑：李四", *table]
    assert _run(lines) == (*_ARTICLE_ZH, *table)


def test_a_data_table_inside_a_layout_table_is_kept():
    """A page laid out as one big table: the data table (multi-line cells) sits between the
    site's rows, and a footer row with links follows it without a blank line."""
    table = [
        "专业名称 | 导师 | 人数 | 考试科目",
        "---|---|---|---",
        "01艺术学原理 | 王一 | 7 | 1、英语",
        "2、艺术概论",
        "3、中国艺术史",
        "02音乐学 | 李二 | 9 | 同 上",
        "03美术学 | 张三 | 6 | 同 上",
        "04设计学 | 赵四 | 5 | 同 上",
    ]
    footer = ["[首页](/) | [关于我们](/a) | [联系我们](/c)", "版权所有 © 2023 某某研究院"]
    lines = [*_ARTICLE_ZH, *table, *footer]
    out = _run(lines)
    assert out[: len(_ARTICLE_ZH) + len(table)] == (*_ARTICLE_ZH, *table)
    assert footer[1] not in out


@pytest.mark.parametrize(
    "text",
    [
        # a notice spared as "long" for its marks must not anchor its neighbours: once the
        # duplicate between them goes, the second pass would drop the last line
        f"{_ARTICLE_ZH[0]}\n。。。版权所有\n{_ARTICLE_ZH[0]}\n會",
        # an image between two characters leaves a space, not a new sequence (here mojibake)
        "é“![]()\ufffd",
        "word![](x.png)word and more",
    ],
)
def test_cleaning_twice_changes_nothing_more(text):
    once = clean(text).text
    assert clean(once).text == once


_LONG_URL = "http://example.com/mailto/?url=" + "%2f".join(["abcdefgh"] * 30)


@pytest.mark.parametrize(
    "line",
    [
        f"| | [![](http://example.com/i.gif)发送给朋友]({_LONG_URL}) | | [打印本文]({_LONG_URL}) |",
        "第**1** 页/共**1** 页 << 上一页 | 下一页 >>",
    ],
)
def test_markup_lines_are_judged_as_the_markdown_stage_leaves_them(line):
    """A long URL does not make a share row prose, nor emphasis hide a pager: the first pass
    drops what a second pass, on the flattened text, would drop."""
    lines = [*_ARTICLE_ZH[:2], line, *_ARTICLE_ZH[2:]]
    once = clean("\n".join(lines)).text
    assert once.splitlines() == _ARTICLE_ZH
    assert clean(once).text == once


def test_a_run_of_sentence_marks_is_not_a_long_line():
    assert _run([*_ARTICLE_ZH, "。。。版权所有"]) == tuple(_ARTICLE_ZH)


def test_a_final_numbered_list_is_kept():
    items = [
        "1. 坚持稳中求进，做好今年的工作。",
        "2. 扩大内需，稳定市场预期。",
        "3. 推动高质量发展。",
    ]
    lines = [*_ARTICLE_ZH, "责任编辑：李四", *items]
    assert _run(lines) == (*_ARTICLE_ZH, *items)


_PLAIN_MENU = ["* Sign in", "* Newsletters", "* Weather", "* Crosswords"]


def _page(article: list[str]) -> str:
    menu = [
        f"* [{name}](http://example.com/{i})"
        for i, name in enumerate(
            ["Home", "Politics", "Business", "Sports", "Culture", "Opinion", "Travel", "Video"] * 2
        )
    ]
    related = [
        f"* [Headline number {i} about something else](http://example.com/r{i})" for i in range(12)
    ]
    stamps = [
        "Posted by Jane Doe on November 19, 2019, 6:21 AM EST",
        "![](http://example.com/a.jpg)",
    ]
    body = "\n\n".join(article)
    return "\n".join(
        [
            *menu,
            "",
            *_PLAIN_MENU,
            "",
            *stamps,
            "",
            body,
            "",
            "## Related",
            *related,
            "",
            "19 hours ago",
            "(185)",
        ]
    )


def test_a_page_dump_keeps_the_article_and_drops_its_furniture():
    result = clean(_page(_ARTICLE_EN))
    lines = result.text.splitlines()
    assert [line for line in lines if line in _ARTICLE_EN] == _ARTICLE_EN
    furniture = ("* ", "Home", "Politics", "Related", "Headline", "19 hours ago", "(185)", "![]")
    assert not [line for line in lines if line.startswith(furniture)]
    outside = [c for c in result.changes if c.rule == "outside-article"]
    assert {c.line for c in outside} >= {20, 21}  # Weather, Crosswords: no phrase rule knows them
    assert all("outside the article block" in c.detail for c in outside)


def test_links_inside_the_article_keep_their_text():
    article = [
        *_ARTICLE_EN[:2],
        "[Read the full transcript of the interview](http://example.com/t)",
        *_ARTICLE_EN[2:],
    ]
    lines = clean(_page(article)).text.splitlines()
    assert "Read the full transcript of the interview" in lines


def test_cleaning_a_page_twice_changes_nothing_more():
    once = clean(_page(_ARTICLE_EN)).text
    assert clean(once).text == once


_MARKDOWN = (
    "## 会议开幕\n\n据[新华社](http://www.xinhuanet.com/)报道，**会议**今天开幕，各方代表出席。\n"
)


@pytest.mark.parametrize(
    ("name", "flags", "expected"),
    [
        ("a.txt", [], "会议开幕\n据新华社报道，会议今天开幕，各方代表出席。\n"),
        ("a.md", [], _MARKDOWN.replace("\n\n", "\n")),
        ("a.txt", ["--keep-markdown"], _MARKDOWN.replace("\n\n", "\n")),
        ("a.md", ["--flatten-markdown"], "会议开幕\n据新华社报道，会议今天开幕，各方代表出席。\n"),
    ],
)
def test_markdown_is_flattened_unless_kept(cli, tmp_path, name, flags, expected):
    """Plain text by default; a *.md input stays markdown (blank lines still go: the pipeline
    keeps paragraphs, one a line)."""
    path = tmp_path / name
    path.write_text(_MARKDOWN, encoding="utf-8")
    assert cli("fix", "-q", *flags, str(path)).expect(0).out == expected


def test_a_numbered_list_after_the_article_of_a_page_dump_is_kept():
    items = [
        "1) A wooden train set with forty pieces",
        "http://example.com/p1",
        "2) The complete box set of a television series",
        "http://example.com/p2",
        "3) A board game for the whole family",
        "http://example.com/p3",
    ]
    lines = clean(_page([*_ARTICLE_EN, "\n".join(items)])).text.splitlines()
    assert [line for line in lines if line in items] == items


def test_a_ranking_of_linked_headlines_after_the_article_still_goes():
    ranking = [f"{i}. [Most read headline number {i}](http://example.com/m{i})" for i in (1, 2, 3)]
    lines = clean(_page([*_ARTICLE_EN, "\n".join(ranking)])).text.splitlines()
    assert not [line for line in lines if "Most read headline" in line]


def test_a_subhead_above_prose_that_stays_outside_the_block_stays():
    section = [
        "## Web Console",
        "See logged information associated with a page and use the console to talk to it.",
    ]
    lines = clean(_page([*_ARTICLE_EN, "* [A](http://a.com/1)\n* [B](http://a.com/2)", *section]))
    assert "Web Console" in lines.text.splitlines()


@pytest.mark.parametrize("stamp", ["32M ago", "5H ago", "updated 16M ago", "Nov 18", "2 days ago"])
def test_short_relative_times_and_bare_dates_are_stamps(stamp):
    from newsclean.stages.boilerplate.content import line_class

    assert line_class(stamp).why == "date, time or counter"


def test_a_teaser_that_does_not_end_like_a_sentence_is_only_near_good():
    from newsclean.stages.boilerplate.content import line_class

    teaser = (
        "Some people thought the striped cattle in a pasture were a practical joke, but the "
        "science behind the painted animals could save farmers a lot of money"
    )
    assert line_class(teaser).cls == "near"
    assert line_class(teaser + ".").cls == "good"
    # a long paragraph with the function words of prose is good without its final stop
    assert line_class(" ".join([teaser] * 2)).cls == "good"


@pytest.mark.parametrize("mark", ["#### ", ""])
def test_teasers_between_headlines_and_time_stamps_go(mark):
    teasers = [
        "Officials said on Tuesday that the plan for the new bridge would be delayed until the "
        f"end of the year because of rising costs in story {i}"
        for i in range(4)
    ]
    units = [
        f"{mark}Another story number {i}\n\n{t}\n\n{i + 2}H ago" for i, t in enumerate(teasers)
    ]
    lines = clean(_page([*_ARTICLE_EN, "### More news", *units])).text.splitlines()
    assert [line for line in lines if line in _ARTICLE_EN] == _ARTICLE_EN
    assert not [line for line in lines if line in teasers]


def test_a_comment_thread_under_the_article_goes():
    comments = [
        f"I have been reading this site for years and I think the council made the right call "
        f"here, even if the budget is not perfect and the debate took far too long ({i})."
        for i in range(3)
    ]
    thread = [
        f"{i + 1}. **reader{i}** says:\n\nNovember 19, 2019 at 6:3{i} am\n\n{c}"
        for i, c in enumerate(comments)
    ]
    lines = clean(_page([*_ARTICLE_EN, "## 3 responses", *thread])).text.splitlines()
    assert [line for line in lines if line in _ARTICLE_EN] == _ARTICLE_EN
    assert not [line for line in lines if line in comments]


def test_a_quote_introduced_by_said_is_not_a_comment_thread():
    quotes = [f"* The mayor said:\n\n{line}" for line in _ARTICLE_EN[2:]]
    lines = clean(_page([*_ARTICLE_EN[:2], *quotes])).text.splitlines()
    assert [line for line in lines if line in _ARTICLE_EN] == _ARTICLE_EN


def _thread(comments: list[str]) -> list[str]:
    return [
        f"reader{i}\n\n{i + 2} days ago at 07:5{i} am\n\n{c}\n\nRating: {i} Votes"
        for i, c in enumerate(comments)
    ]


_COMMENTS = [
    f"I have been reading this site for years and I think the council made the right call "
    f"here, even if the budget is not perfect and the debate took far too long ({i})."
    for i in range(4)
]


def test_time_stamped_comments_under_a_comments_title_go():
    page = _page([*_ARTICLE_EN, "## Top Rated Comments", *_thread(_COMMENTS)])
    lines = clean(page).text.splitlines()
    assert [line for line in lines if line in _ARTICLE_EN] == _ARTICLE_EN
    assert not [line for line in lines if line in _COMMENTS]


def test_a_comments_link_above_the_article_does_not_make_it_a_thread():
    stamped = [f"Posted {i + 2} days ago at 07:5{i} am\n\n{p}" for i, p in enumerate(_ARTICLE_EN)]
    lines = clean(_page(["Comments (12)", *stamped])).text.splitlines()
    assert [line for line in lines if line in _ARTICLE_EN] == _ARTICLE_EN
