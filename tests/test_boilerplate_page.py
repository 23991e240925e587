"""Whole pages: long lines, tables and lists kept; a page dump's furniture dropped, explained."""

from __future__ import annotations

import pytest

from newsclean import Config, clean
from newsclean.model import Doc
from newsclean.stages.boilerplate import boilerplate
from newsclean.stages.boilerplate.page import key_value_tables, record_lists

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


# one sentence of 100 characters: long by its prose alone, not by its sentences
_ONE_SENTENCE_ZH = (
    "据介绍，这次会议由市政府牵头组织，邀请了来自全国各地的三百多名专家学者和企业代表参加，"
    "围绕城市更新、交通治理、公共服务和生态保护等议题进行了深入讨论，并形成了多项具体建议，"
    "有关部门将在下个月逐条研究落实"
)


@pytest.mark.parametrize("phrase", ["版权所有", "责任编辑：李四", "分享到"])
def test_a_line_of_100_characters_of_prose_is_not_dropped_for_a_phrase(phrase):
    line = f"{phrase} {_ONE_SENTENCE_ZH}"
    assert len(_ONE_SENTENCE_ZH) >= 100 > len(_ONE_SENTENCE_ZH[:99])
    assert line in _run([*_ARTICLE_ZH, line])


@pytest.mark.parametrize("phrase", ["版权所有", "分享到"])
def test_below_100_characters_of_prose_a_phrase_still_drops_the_line(phrase):
    """Under the threshold (one sentence, 99 characters with the phrase) the rule holds."""
    line = f"{phrase} {_ONE_SENTENCE_ZH[: 99 - len(phrase)]}"
    assert line not in _run([*_ARTICLE_ZH, line])


def test_link_text_and_targets_are_not_prose():
    """A row of links is long only in its markup: it still goes for the phrase in it."""
    links = " ".join(
        f"[某某地方召开会议研究部署今年的第{i}项重点工作](/news/{i}.html)" for i in range(12)
    )
    line = f"{links} 版权所有"
    assert len(line) > 400
    assert line not in _run([*_ARTICLE_ZH, line])


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


def test_a_tables_column_of_dates_is_no_meta_line():
    """``2024-06-25 | 来源：…`` is a page's meta line; rows that open with a date and a bar in a
    ruled table are its data (a list of appearances), which the credit family dropped."""
    table = [
        "播出日期 | 电视台 | 节目名称 | 备注",
        "---|---|---|---",
        "2015年3月2日 | [KBS2](/wiki/KBS2) | 音乐之夜 | 嘉宾",
        "2016年7月9日 | [MBC](/wiki/MBC) | 周末剧场 | 主持",
        "2018年11月20日 | [SBS](/wiki/SBS) | 新年晚会 | 演唱",
    ]
    lines = [*_ARTICLE_ZH, *table, "责任编辑：李四"]
    assert _run(lines) == (*_ARTICLE_ZH, *table)
    # a layout table's one meta line still goes
    meta = ["2024-06-25 | 来源：新华社 | 作者：张三", "---|---|---"]
    assert meta[0] not in _run([*meta, *_ARTICLE_ZH])


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


_BOX_TABLE = [
    "n │ zscore │ is_anomaly_1 │ is_anomaly_3",
    "───┼─────────────────────────┼──────────────┼──────────────",
    "2 │ -0.75703329861022517346 │ f │ f",
    "3 │ -0.43259045634870009448 │ f │ f",
    "12 │ 2.4873951240050256 │ t │ f",
]


def test_a_table_drawn_with_box_characters_is_kept():
    """A plain dump (inscriptis) of query output: rows shaped like a menu (short items, few
    figures) and rules with no text are the article's table."""
    lines = [*_ARTICLE_EN[:2], *_BOX_TABLE, *_ARTICLE_EN[2:]]
    assert _run(lines) == tuple(lines)


def test_a_one_column_box_tables_rule_stays_with_it():
    table = ["avg", "────────────────────", "4.3333333333333333"]
    lines = [*_ARTICLE_EN[:2], *table, *_ARTICLE_EN[2:]]
    assert _run(lines) == tuple(lines)


def test_a_charts_labels_beside_its_bars_are_kept():
    chart = [
        "│",
        "与圣经的原则吻合吗？ ←────┬───┐",
        "│ │",
        "有冲突 没冲突 不清楚 ─→ 再去弄清楚",
        "└──┬──┘",
    ]
    out = _run([*_ARTICLE_ZH[:2], *chart, *_ARTICLE_ZH[2:]])
    assert chart[1] in out and chart[3] in out


def test_a_menu_split_by_box_bars_still_goes():
    menu = "首页 │ 新闻 │ 体育 │ 财经 │ 联系我们"
    out = _run([*_ARTICLE_ZH, menu, "版权所有 © 2023 某某网"])
    assert out == tuple(_ARTICLE_ZH)


@pytest.mark.parametrize(
    "text",
    [
        "\n".join([*_ARTICLE_EN[:2], *_BOX_TABLE, "avg", "────", "4.33", *_ARTICLE_EN[2:]]),
        "\n\n".join([*_ARTICLE_EN[:2], "\n".join(_BOX_TABLE), *_ARTICLE_EN[2:]]),
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


@pytest.mark.parametrize(
    "row",
    [
        # html2text escapes the dash between a site's links
        "| [About us](http://example.com/a) \\- [Contact](http://example.com/c) \\- "
        "[Careers](http://example.com/j) \\- [Privacy](http://example.com/p)",
        "[Part one](http://example.com/1) · [Part two](http://example.com/2) · "
        "[Part three](http://example.com/3)",
    ],
)
def test_a_row_of_links_inside_the_article_block_is_a_menu(row):
    """A line of links alone inside the article block stayed when its text, flattened, read
    as words (``About us - Contact - Careers - Privacy``). (A table's header row of links,
    bars between them, is not such a row: see ``_link_row_in_a_cell``.)"""
    article = [*_ARTICLE_EN[:2], row, *_ARTICLE_EN[2:]]
    lines = clean(_page(article)).text.splitlines()
    assert [line for line in lines if line in _ARTICLE_EN] == _ARTICLE_EN
    assert not [line for line in lines if "About us" in line or "Part one" in line]


@pytest.mark.parametrize("heading", ["**What is new in this release?**", "The release brings:"])
def test_a_short_list_under_its_own_question_before_the_article_is_its_points(heading):
    """Five short items in plain words read as a menu by their shape; under a heading that
    asks or announces, right above the article, they are its points."""
    points = [
        "* Faster start-up",
        "* A new dark theme",
        "* Better search",
        "* Fewer crashes",
        "* Smaller downloads",
    ]
    lines = clean(_page([heading, "\n".join(points), *_ARTICLE_EN])).text.splitlines()
    assert [line for line in lines if line in _ARTICLE_EN] == _ARTICLE_EN
    assert [p for p in points if p in lines] == points
    related = [
        "* [Headline one about the city](http://example.com/1)",
        "* [Headline two about the city](http://example.com/2)",
        "* [Headline three about the city](http://example.com/3)",
    ]
    lines = clean(_page(["Here is more coverage:", "\n".join(related), *_ARTICLE_EN])).text
    assert "Headline one" not in lines  # a list of links under a colon is no list of points


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
        ("a.md", [], _MARKDOWN),
        ("a.txt", ["--keep-markdown"], _MARKDOWN),
        ("a.md", ["--flatten-markdown"], "会议开幕\n据新华社报道，会议今天开幕，各方代表出席。\n"),
    ],
)
def test_markdown_is_flattened_unless_kept(cli, tmp_path, name, flags, expected):
    """Plain text by default; a *.md input stays markdown, the blank line between its blocks
    kept (more in test_keep_markdown)."""
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


@pytest.mark.parametrize("title", ["## Top Rated Comments", "Top Rated Comments"])
def test_comments_a_plain_dump_runs_together_under_a_comments_title_go(title):
    # name, time stamp, comment and rating with no blank line between them, and the dump's
    # blank lines falling inside comments: the stamps head no paragraph of their own
    thread = "\n".join(
        f"reader{i}\n{i + 2} days ago at 07:5{i} am\n{c}\nRating: {i} Votes"
        + ("\n" if i % 2 else "")
        for i, c in enumerate(_COMMENTS)
    )
    lines = clean(_page([*_ARTICLE_EN, title, thread])).text.splitlines()
    assert [line for line in lines if line in _ARTICLE_EN] == _ARTICLE_EN
    assert not [line for line in lines if line in _COMMENTS]


def test_a_byline_over_a_dateline_under_a_comments_title_is_not_a_thread():
    # the article's own byline and dateline, run together, below a comments link
    paragraphs = [
        f"Jane Doe\nNovember {i + 10}, 2019 at 6:2{i} am\n{p}" for i, p in enumerate(_ARTICLE_EN)
    ]
    lines = clean(_page(["Comments (12)", *paragraphs])).text.splitlines()
    assert [line for line in lines if line in _ARTICLE_EN] == _ARTICLE_EN


def test_a_comments_link_above_the_article_does_not_make_it_a_thread():
    stamped = [f"Posted {i + 2} days ago at 07:5{i} am\n\n{p}" for i, p in enumerate(_ARTICLE_EN)]
    lines = clean(_page(["Comments (12)", *stamped])).text.splitlines()
    assert [line for line in lines if line in _ARTICLE_EN] == _ARTICLE_EN


def _zh_page(body: list[str]) -> str:
    """A Chinese page dump: a menu of links, the body, related headlines, a footer."""
    names = ["首页", "要闻", "财经", "科技", "房产", "国内", "国际", "体育", "娱乐", "汽车"]
    menu = [f"  * [{name}](/clist/{i}.html)" for i, name in enumerate(names)]
    related = [
        f"  * [某地第{i}次召开工作会议 研究部署相关工作](/content/{i}.html)" for i in range(8)
    ]
    return "\n".join(
        [*menu, "", "", *body, "", "| 最新", "", *related, "", "版权所有 © 2023 某某网"]
    )


def test_the_title_and_date_above_a_page_dumps_article_stay():
    """A date line between the title and the text does not cut the title off."""
    title, date = "某市召开会议部署今年重点工作", "2022-02-13 23:37"
    body = [title, "", date, "", _ARTICLE_ZH[0], "", _ARTICLE_ZH[1] + _ARTICLE_ZH[2]]
    lines = clean(_zh_page(body)).text.splitlines()
    assert lines[:2] == [title, date]
    assert "要闻" not in lines


def test_photos_between_paragraphs_do_not_cut_the_article():
    """The heading and first paragraph above a row of photos stay with the text below."""
    title = "# 图说某市| 某某学院：剪窗花 过新年"
    photos = [f"![](http://example.com/{i}.jpg)" for i in range(4)]
    body = [
        title,
        "",
        "1月20日，某某学院举办“剪窗花，过新年”活动。",
        "",
        *(p + "\n" for p in photos),
        _ARTICLE_ZH[1] + _ARTICLE_ZH[2] + _ARTICLE_ZH[3],
    ]
    lines = clean(_zh_page(body)).text.splitlines()
    assert lines[:2] == [
        "图说某市| 某某学院：剪窗花 过新年",
        "1月20日，某某学院举办“剪窗花，过新年”活动。",
    ]


def test_wrapped_prose_between_boilerplate_lines_stays():
    """A text wrapped at a fixed width leaves short lines with sentences running on: a
    phrase inside one of them (分享到) does not take the lines above it along."""
    wrapped = [
        "      造反派之间的内战，实际上是争夺优势。这种竞争比造反派与",
        "保守派的竞争更不容易解决。当两派相互斗争时，中央明确表态支持造",
        "反派反对保守派，这就等於宣判了斗争的胜负结果。可是，面对着两支队伍",
        "，中央不可能只支持一派不支持另一派，而造反派们又没",
    ]
    lines = ["。", *wrapped, "；这样，作为该派中一员，他就能分享到一份胜利者的光荣。今天的人"]
    kept = _run([*_ARTICLE_ZH, *lines])
    assert all(line in kept for line in wrapped)


def test_a_link_holding_a_whole_post_is_not_debris():
    line = f"[{_ARTICLE_ZH[0]}{_ARTICLE_ZH[1]}{_ARTICLE_ZH[2]}](http://example.com/post/1)"
    assert line in _run([*_ARTICLE_ZH, line])


@pytest.mark.parametrize(
    "text",
    [
        # a permalink "#" left by its link is a heading mark for the second pass
        '####  [#](http://example.com/a#1 "permalink") re: 很高兴入住博客堂  2004-12-27 12:53  '
        "[寒星](http://example.com/u)\n" + "\n".join(_ARTICLE_ZH),
        # strong emphasis that one pass leaves paired
        "\n".join(_ARTICLE_ZH[:2]) + "\n****思维，像清晨山涧涌出的泉水。 ****** 他说，这是好事。",
        # a table's rule whose rows the first pass dropped
        "| 当前位置：首页>>会议 | 双击自动滚屏 |\n---|---|---|---\n|  |  |\n"
        + "\n".join(_ARTICLE_ZH),
        # a share row whose javascript target holds parentheses: not prose
        "\n".join(_ARTICLE_ZH)
        + "\n[![](http://example.com/s.gif)发送给朋友](http://example.com/m?u=1) | "
        "[![](http://example.com/p.gif)打印本文](javascript:if \\(window.print != null\\) "
        "{ window.print\\(\\); } else { alert\\('Your browser does not support this feature. "
        "Please select Print from the File menu.'\\); })",
        # a layout row of links with nothing but separators outside them, in the article
        "\n\n".join(_ARTICLE_ZH[:2])
        + "\n\n| ![](http://example.com/t.gif) |  | · |  [医疗关注--新发现 ](http://example.com/a) "
        "| · |  [ 皮肤顽疾----康复圣地 ](http://example.com/b)\n\n"
        + "\n\n".join(_ARTICLE_ZH[2:])
        + "\n\n"
        + _zh_page([]),
        # a table whose rows all go leaves no header behind
        "\n".join(_ARTICLE_ZH)
        + "\n推出日期 | 歌曲名称 | 专辑 | 曲目数\n---|---|---|---\n2004年8月2日 | 高速公路 | 12 | 3\n"
        "2004年12月17日 | 我们的故事 | 10 | 2\n" + _ARTICLE_ZH[0],
    ],
)
def test_cleaning_a_dump_twice_changes_nothing_more(text):
    once = clean(text).text
    assert clean(once).text == once


_THREAD = [
    "* ![](images/face2/0.gif)[旅行中，谁忽悠了你？](t.jsp?id=1)【[版主](u.jsp?id=a)】08-11 16:06 298字 [4321/87]",
    "  * ![](images/face2/2.gif)[参与旅行社的一般都是弱势群体……](t.jsp?id=2)【[梅骏](u.jsp?id=b)】08-11 16:58 138字 [140/0]",
    "  * ![](images/face2/0.gif)[一把辛酸泪啊。](t.jsp?id=3)【[皮皮说话](u.jsp?id=c)】08-11 17:15 80字 [176/0]",
]
_RELATED = [
    "·[韩红发新专辑 好友齐助阵](http://example.com/1.html) (2005-04-27 18:03PM)",
    "·[蔡依林热舞](http://example.com/2.html) (2005-04-27 18:03PM)",
    "·[分手还可做朋友 新碟发布](http://example.com/3.html) (2005-04-26 11:03AM)",
    "* [Headline number one about something](http://example.com/r1) 19 hours ago",
]


@pytest.mark.parametrize("listing", [_THREAD, _RELATED])
def test_a_listing_of_links_with_time_stamps_goes(listing):
    """Reply threads and related headlines: a link beside its time stamp and counters."""
    result = boilerplate(
        Doc((*_ARTICLE_ZH, *listing), tuple(range(1, len(_ARTICLE_ZH) + len(listing) + 1))),
        Config(),
    )
    assert result.lines == tuple(_ARTICLE_ZH)


@pytest.mark.parametrize(
    "lines",
    [
        # one link beside a date: a source and its dateline, not a listing
        ["[新华网](http://example.com) 2023-05-01 10:00", *_ARTICLE_ZH],
        # a numbered list of references
        [
            *_ARTICLE_ZH,
            "1. **^** [某某报道](http://example.com/1). [2017-04-13].",
            "2. **^** [某某专访](http://example.com/2). [2015-07-12].",
            "3. **^** [存档副本](http://example.com/3). [2020-09-20].",
        ],
        # a table's rows with a date cell
        [
            *_ARTICLE_ZH,
            "2016年 | 5月6日至10月7日 | [KBS](/wiki/KBS)",
            "2017年 | 3月2日至7月6日 | [Mnet](/wiki/Mnet)",
            "2018年 | 1月26日至4月27日 | [Mnet](/wiki/Mnet)",
        ],
    ],
)
def test_what_is_not_a_listing_stays(lines):
    assert _run(lines) == tuple(lines)


@pytest.mark.parametrize(
    "notice",
    [
        "We use cookies and similar technologies to improve your experience on our site, to "
        "analyse traffic and to personalise advertising. By continuing to browse, you agree to "
        "our use of cookies.",
        "This article is for informational purposes only and does not constitute legal, "
        "financial or technical advice. The views expressed are those of the author and do not "
        "necessarily reflect the views of The Northern Press.",
    ],
)
def test_a_long_line_that_is_a_notice_sentence_by_sentence_goes(notice):
    """Not a phrase inside article text: every sentence is a site notice on its own."""
    assert len(notice) > 100
    assert _run([*_ARTICLE_EN, notice]) == tuple(_ARTICLE_EN)


def test_a_long_line_with_one_notice_sentence_stays():
    line = "We use cookies to improve your experience. " + " ".join(_ARTICLE_EN[:2])
    assert line in _run([*_ARTICLE_EN, line])


def test_a_paragraph_ending_in_a_long_link_is_the_articles():
    """Link text over half of a line does not make it furniture when the text beside the
    link is a sentence of its own: the article's paragraph that ends in a ``(RELATED: …)``."""
    last = (
        "In games like these, residents usually cheer for the underdog, but the vote had them "
        "wishing the council would win by a mile. [**(RELATED: Another story about the city "
        "budget and the long debate over the schools that went on all night)**]"
        "(http://example.com/related/budget-debate-schools)"
    )
    lines = clean(_page([*_ARTICLE_EN, last])).text.splitlines()
    assert any(line.startswith("In games like these") for line in lines)


def test_a_headline_link_after_the_article_still_goes():
    teaser = (
        "[**(RELATED: Another story about the city budget and the schools)**](http://example.com/r)"
    )
    lines = clean(_page([*_ARTICLE_EN, teaser])).text.splitlines()
    assert not any("Another story" in line for line in lines)


_CLOSERS = [
    "int add(int x, int y) {",
    "return x + y;",
    "}",
    "",
    "and one more function, the entry point,",
    "",
    "(func $_start",
    "(nop)",
    ")",
]
_OPENERS = [
    "return $app['twig']->render('badge.twig',",
    "[",
    "'username' => $username,",
    "'user' => $user,",
    "]",
    ");",
    "",
    "function handler(event)",
    "{",
    "console.log(event.type);",
    "}",
]

_COMMAS = [
    "WITH ranked AS (",
    "SELECT",
    "*,",
    "rank() OVER (ORDER BY total DESC) AS place",
    "FROM",
    "sales",
    ")",
    "",
    "and then the query that reads it:",
    "",
    "SELECT",
    "*,",
    "place <= 3 AS podium",
    "FROM",
    "ranked;",
]


@pytest.mark.parametrize(
    "code", [_CLOSERS, _OPENERS, _COMMAS], ids=["closers", "openers", "commas"]
)
def test_a_programs_brackets_and_the_prose_between_them_stay(code):
    """``}`` and ``)`` alone end a block of code: no debris, and no anchor that takes the
    code and the sentence between two of them along as neighbours. A ``[`` or ``{`` alone
    on its line, between a line of code that goes on into it and the code inside it, is the
    program's too (and the closer that ends it then stays), and so is SQL's ``*,``."""
    text = "\n".join([*_ARTICLE_EN[:2], "", *code, "", *_ARTICLE_EN[2:]])
    lines = clean(text).text.splitlines()
    assert [line for line in lines if line in code] == [line for line in code if line]


def test_a_linked_images_bracket_is_no_code():
    # html2text puts the ``[`` of a linked image on a line of its own: debris, as before
    lines = _run([*_ARTICLE_EN[:2], "See the photos,", "[", "![](http://e.com/a.jpg)", "](/g)"])
    assert "[" not in lines


def test_a_link_target_broken_over_two_lines_is_no_code():
    lines = _run([*_ARTICLE_ZH, "•[爱车清洁用品大检阅](http://store.example.com/a.jsp", ")"])
    assert ")" not in lines


def test_an_infobox_of_keys_and_values_is_data():
    """A table of facts drawn without a ``---|---`` rule (``key| value`` rows under a one-cell
    header) is the article's, as a table with its rule is."""
    infobox = [
        "Born| 12 March 1961",
        "Nationality| Irish",
        "Occupation| Singer, writer",
        "Years active| 1980 to now",
        "Labels| Star Music",
        "Other Records",
    ]
    text = _page(["\n".join(infobox), *_ARTICLE_EN])
    lines = clean(text).text.splitlines()
    flat = [line.replace("| ", " ") for line in infobox]  # the markdown stage joins the cells
    assert lines[: len(flat)] == flat


def test_a_listing_of_names_and_dates_is_no_infobox():
    rows = [f"By Writer Number{i} | Jan. {i}, 2015" for i in range(1, 7)]
    assert not key_value_tables(rows)


def test_rows_as_wide_as_a_tables_rule_are_its_rows():
    """A header wrapped over two lines shows fewer cells than the table has: rows as wide as
    its ``---|---`` rule, and the last line of a multi-line cell (``… |``), are the table's,
    whatever their shape (short cells, like a menu's)."""
    table = [
        "**专业代码及名称** | **导师** | **招生",
        "人数** | **考试科目** | **备注**",
        "---|---|---|---|---",
        "**050401 艺术学** | | 7 | |",
        "01艺术学原理 | 张 三 | | 1、英语或俄语或日语",
        "2、艺术概论",
        "3、中外艺术史 |",
        "02中国古代音乐史 | 李 四 | | 同 上 |",
        "03中国传统音乐遗产研究 | 王 五 | | 同 上 |",
        "04音乐文化人类学 | 赵 六 | | 同 上 |",
    ]
    kept = _run([*_ARTICLE_ZH, *table])
    assert kept[-len(table) + 1 :] == tuple(table[1:])  # (the header's first half is not judged)


def test_rows_a_spanning_cell_left_short_are_the_tables():
    """A cell spanning rows (the year of a list of awards) leaves the rows below it short by
    that cell, shaped like a menu's short items: between rows the table holds, they are its."""
    table = [
        "年份 | 典礼 | 奖项 | 作品 | 结果",
        "---|---|---|---|---",
        "2004 | 第十九届唱片大赏 | 人气歌手奖 | 不适用 | 获奖",
        "第十五届歌谣大赏 | 本赏 | 不适用 | 获奖",
        "年末歌谣大战 | 不适用 | 获奖",
        "2005 | 第七届音乐大奖 | 最佳男歌手奖 | 《原地踏步》 | 获奖",
        "最佳民谣表演 | 提名",
        "2006 | 第二十届唱片大赏 | 本奖 | 《信》 | 获奖",
    ]
    lines = [*_ARTICLE_ZH, *table, *_ARTICLE_ZH[:1]]
    assert _run(lines) == tuple(lines)
    # a short row below the last row the table holds is judged as it was
    menu = "首页 | 新闻 | 体育"
    assert menu not in _run([*_ARTICLE_ZH, *table, menu])


def test_a_charts_bars_and_corners_stay_with_it():
    """A chart drawn in the text keeps its bars and corners, with the table cells a scraper
    put among them: it is a figure of the article, not debris."""
    chart = [
        "我的问题",
        "↓",
        "与圣经的原则吻合吗？ ←────┬───┐",
        "┌───┬─────────────┼────────────┐| │",
        "│",
        "有冲突 没冲突 不清楚 ─→ 再去弄清楚",
        "┌────────────────┼────────────────┐",
        "↓| └──-──┬─-───┘",
    ]
    assert _run([*_ARTICLE_ZH[:2], *chart, *_ARTICLE_ZH[2:]]) == (
        *_ARTICLE_ZH[:2],
        *chart,
        *_ARTICLE_ZH[2:],
    )


def test_a_phrase_in_one_item_of_a_list_that_stays_does_not_take_it():
    """A list of what something does, in plain words: the one item a phrase family matches
    (``watch video``) is one of its items, not a widget."""
    items = [
        "* Read the latest news & blogs",
        "* Manage your downloads",
        "* Watch videos & view photos",
    ]
    lines = [*_ARTICLE_EN[:2], *items, *_ARTICLE_EN[2:]]
    assert _run(lines) == tuple(lines)


def test_a_widget_in_a_menu_list_still_goes():
    menu = ["* Home", "* Politics", "* Watch video"]
    assert "* Watch video" not in _run([*_ARTICLE_EN[:2], *menu, *_ARTICLE_EN[2:]])


def test_a_list_of_records_after_the_article_is_data():
    """A discography after a page dump's article: each release a heading and ``* key：value``
    items, the same keys in every record. The records are the page's data and stay; a page's
    one source line in the same shape is no record."""
    records = []
    for n, (day, label) in enumerate([("2001年12月14日", "甲唱片"), ("2004年6月19日", "乙唱片"),
                                      ("2005年7月1日", "丙唱片")], 1):  # fmt: skip
        records.append(f"## 第{n}张专辑\n\n* 发行日期：{day}\n\n* 唱片公司：{label}")
    text = _page([*_ARTICLE_ZH, "## 音乐作品", *records, "* 来源：某某网"])
    out = clean(text).text
    assert all(f"唱片公司：{label}" in out for label in ("甲唱片", "乙唱片", "丙唱片"))
    assert "发行日期：2004年6月19日" in out


def _wiki_page(after: list[str]) -> str:
    """A page dump whose article has sections under ``##`` headings, then ``after``."""
    prose = [
        "## Early life",
        "",
        _ARTICLE_EN[0],
        "",
        _ARTICLE_EN[1],
        "",
        "## Career",
        "",
        _ARTICLE_EN[2],
        "",
        _ARTICLE_EN[3],
    ]
    return _page([*prose, *after])


_DISCOGRAPHY = [
    "## Discography",
    "",
    "Album | Details | Tracks",
    "---|---|---",
    "**1st** | First album *Renaissance*",
    "* Released: 14 December 2001",
    "* Label: Synnara Music",
    "",
    "1. Prologue",
    "2. Sad Story",
    "3. Angel",
    "4. Because I am a man",
    "5. Night",
]


def test_a_section_of_data_after_the_articles_sections_is_the_articles():
    """A wiki page's discography (a table, facts, numbered track titles) under a heading of
    the level the article's own sections use is the article's, like the prose above it."""
    lines = clean(_wiki_page(["", *_DISCOGRAPHY])).text.splitlines()
    for kept in ("Prologue", "Sad Story", "Angel", "Night", "Released: 14 December 2001"):
        assert any(kept in line for line in lines), kept
    assert not any("Headline number" in line for line in lines)


@pytest.mark.parametrize(
    "box",
    [
        # other stories' headlines under a heading of the article's level
        [
            "## Most read",
            "",
            "FAT CHANCE",
            "No excuse for cold chips at school",
            "SOAP STARS",
            "New faces prepare to join the camp",
        ],
        # a menu under one
        ["## Sections", "", "* College", "* Retirement", "* Tax Planning", "* Savings"],
    ],
)
def test_a_sidebar_box_after_the_article_is_no_section_of_it(box):
    lines = clean(_wiki_page(["", *box])).text.splitlines()
    assert not any(line in box[2:] for line in lines)


_POINTS = [
    "player.setav speedmult 150 sets the running speed to one and a half times",
    "player.setav health 500 for more health",
    "player.setav stamina 300",
]


@pytest.mark.parametrize("where", ["before", "after"])
def test_a_short_plain_list_against_the_article_is_its_points(where):
    """A list of a few items in plain words right against the article's prose (the commands
    a tip names) is the article's: it is no menu (a few words an item) and links nowhere
    (unsure: kept)."""
    points = "\n".join(f"* {p}" for p in _POINTS)
    article = [points, *_ARTICLE_EN] if where == "before" else [*_ARTICLE_EN, points]
    lines = clean(_page(article)).text.splitlines()
    assert [line[2:] for line in lines if line[2:] in _POINTS] == _POINTS


def test_other_stories_headlines_in_plain_words_go_from_a_plain_text_dump():
    """In a plain text dump every list is plain: a list of headlines right after the article
    is no list of its points for that (only a short one is kept, unsure)."""
    headlines = "\n".join(f"* Headline number {i} about another story in town" for i in range(8))
    menu = "\n".join(f"* Section {name}" for name in "ABCDEFGHIJKLMNOPQRSTUVWX")
    page = "\n\n".join([menu, *_ARTICLE_EN, headlines, menu])
    lines = clean(page).text.splitlines()
    assert _ARTICLE_EN[0] in lines
    assert not any("Headline number" in line for line in lines)


_SPECS = [
    "爱迪尔CH7121",
    "发动机型式：直列4缸双顶置凸轮轴",
    "发动机总排量：1171ml",
    "最大功率：51Kw／6000rpm",
    "最大扭距：95N.m／3250rpm",
    "变速箱：国产手动五速",
    "北斗星CH6350B",
    "发动机型式：直列4缸双顶置凸轮轴",
    "发动机总排量：1171ml",
    "最大功率：51Kw／6000rpm",
    "最大扭距：95N.m／3250rpm",
    "变速箱：进口手动五速",
]


def test_a_plain_dumps_spec_sheets_after_the_article_are_data():
    """Two models' spec sheets (``key：value`` lines, their list's bullets lost in a plain
    text dump) after a review are its data, not furniture."""
    menu = "\n".join(f"{name}频道" for name in "新闻体育财经娱乐科技汽车房产教育旅游健康")
    page = "\n\n".join([menu, *_ARTICLE_ZH, "动力系统主要参数：", *_SPECS, menu])
    lines = clean(page).text.splitlines()
    assert _ARTICLE_ZH[0] in lines
    values = [line for line in _SPECS if "：" in line]
    assert [line for line in lines if line in values] == values


def test_a_bylines_keys_are_no_records():
    byline = ["来源：新华社", "作者：张三", "正文在这里。", "来源：人民网", "作者：李四"]
    assert not record_lists(byline)
