"""UTF-8's no-break space (C2 A0) read as GBK: 聽.

A page that indents with ``&nbsp;`` and is read as GBK shows runs of 聽 before its paragraphs,
and alone at the edges of the runs the span search gives back. 聽 is a character of its own in
Traditional Chinese ("listen"), and Chinese doubles a verb (你聽聽這首歌, 聽聽看) but never
triples it: a run of three or more is the misreading wherever it stands, a run of two only
between spaces or a line's edges; one alone only in a document that shows UTF-8 read as GBK,
and only at a line's edge or beside a space, never inside words (聽說, 聽(tīng)).
"""

from __future__ import annotations

import pytest

from newsclean import clean
from newsclean.stages.encoding import nbsp_read_as_gbk

_ARTICLE = "市政府昨日召开常务会议，研究部署春节前后安全生产和市场保供工作。"
#: 排版约定 as UTF-8 read as GBK (a run the span search reads back).
_MISREAD = "排版约定".encode().decode("gbk")


@pytest.mark.parametrize(
    ("text", "out"),
    [
        (f"聽聽聽聽{_ARTICLE}", _ARTICLE),
        (f"{_ARTICLE}\n聽聽聽聽", _ARTICLE),
        (f"{_ARTICLE}\n聽聽 |", _ARTICLE),
        (f"{_ARTICLE}\n　聽聽", _ARTICLE),
    ],
)
def test_runs_of_nbsp_read_as_gbk_are_spaces(text, out):
    assert clean(text).text.rstrip("\n") == out


def test_one_alone_beside_a_run_read_back_goes_too():
    text = f"聽聽聽{_MISREAD}，各级各部门要压实责任。\n{_ARTICLE}聽"
    assert clean(text).text.splitlines() == ["排版约定，各级各部门要压实责任。", _ARTICLE]


@pytest.mark.parametrize(
    "line",
    [
        "他聽說會議延期了，便打電話告訴家裡的人。",
        "新翻胡部曲，聽(tīng)氈幕元戎歌吹。",
        "靜靜地聽 那風聲雨聲讀書聲。",
        "你聽聽這首歌，再告訴我喜不喜歡。",
        "聽聽看吧，你一定會喜歡的。",
    ],
)
def test_listen_in_traditional_text_stays(line):
    assert clean(line).text.rstrip("\n") == line
    assert nbsp_read_as_gbk(line, False) == line


def test_one_alone_needs_the_documents_evidence():
    assert nbsp_read_as_gbk("聽 排版约定", True) == "\xa0 排版约定"
    assert nbsp_read_as_gbk("聽 排版约定", False) == "聽 排版约定"
    assert nbsp_read_as_gbk("他聽說了", True) == "他聽說了"


def test_the_change_is_explained():
    result = clean(f"聽聽聽聽{_ARTICLE}")
    rules = [c.rule for c in result.changes if c.stage == "encoding"]
    assert rules == ["cjk-mojibake"]
