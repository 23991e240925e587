"""Acceptance table: boilerplate lines that must go, content lines that must stay.

Each line is checked on its own (a one-line document), inside an article (between two prose
paragraphs), and after the later stages could have rewritten it (script converted, punctuation
widened): the verdict must not change, or cleaning a cleaned text would change it again.
"""

from __future__ import annotations

import tomllib

import pytest

from newsclean import Config, Doc
from newsclean.stages import boilerplate
from newsclean.stages.boilerplate import classify_line
from newsclean.stages.script import convert

from .conftest import CASES

TABLE = tomllib.loads((CASES / "boilerplate_lines.toml").read_text("utf-8"))
DROP = [(lang, line) for lang, lines in TABLE["drop"].items() for line in lines]
KEEP = [(lang, line) for lang, lines in TABLE["keep"].items() for line in lines]

_BEFORE = {
    "zh-hans": "市政府昨日召开常务会议，研究部署春节前后安全生产和市场保供工作。",
    "zh-hant": "市政府昨日召開常務會議，研究部署春節前後安全生產和市場保供工作。",
    "en": "The city council met on Tuesday to discuss the transport budget for next year.",
}
_AFTER = {
    "zh-hans": "会议强调，各级各部门要压实责任，确保群众度过一个平安祥和的节日。",
    "zh-hant": "會議強調，各級各部門要壓實責任，確保群眾度過一個平安祥和的節日。",
    "en": "Officials said the plan would be reviewed again before the end of the year.",
}


def _run(lines: list[str]) -> tuple[str, ...]:
    return boilerplate(Doc.from_text("\n".join(lines)), Config()).lines


def test_the_table_is_big_enough():
    assert len(DROP) >= 60 and len(KEEP) >= 60
    for kind in (TABLE["drop"], TABLE["keep"]):
        assert set(kind) == {"zh-hans", "zh-hant", "en"}
        assert all(len(lines) >= 10 for lines in kind.values())


@pytest.mark.parametrize(("lang", "line"), DROP, ids=[line[:30] for _, line in DROP])
def test_boilerplate_goes(lang, line):
    assert _run([line]) == ()
    assert _run([_BEFORE[lang], line, _AFTER[lang]]) == (_BEFORE[lang], _AFTER[lang])
    assert classify_line(line).label == "boilerplate"


@pytest.mark.parametrize(("lang", "line"), KEEP, ids=[line[:30] for _, line in KEEP])
def test_content_stays(lang, line):
    assert _run([line]) == (line,)
    assert _run([_BEFORE[lang], line, _AFTER[lang]]) == (_BEFORE[lang], line, _AFTER[lang])


def _rewritten(line: str) -> list[str]:
    """What later stages may turn a line into: other script, widened or narrowed punctuation."""
    width = str.maketrans({",": "，", ":": "：", ";": "；", "!": "！", "?": "？"})
    narrow = str.maketrans({"，": ",", "：": ":", "；": ";", "！": "!", "？": "?"})
    return [
        convert(line, "t2s"),
        convert(line, "s2t"),
        convert(line, "s2hk"),
        line.translate(width),
        line.translate(narrow),
    ]


@pytest.mark.parametrize(("lang", "line"), DROP + KEEP, ids=[ln[:30] for _, ln in DROP + KEEP])
def test_verdict_survives_later_stages(lang, line):
    label = classify_line(line).label
    for variant in _rewritten(line):
        assert classify_line(variant).label == label, variant


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Reading time: 7 minutes", "credit"),
        ("12,408 views", "credit"),
        ("Sign in | Register", "navigation"),
        ("Click here to load more", "navigation"),
        ("Advertisement - Scroll to continue", "ads"),
        ("This story first appeared on example.org.", "disclaimer"),
        ("This article is for informational purposes only and is not advice.", "disclaimer"),
        ("请登录", "navigation"),
        ("热门排行榜", "related"),
        ("联系电话：010-12345678", "credit"),
        ("网站地图 - 联系我们 - 广告服务", "sitelinks"),
        ("免责声明：本页内容由用户上传，本站仅提供信息存储服务。", "disclaimer"),
    ],
)
def test_furniture_families(line, rule):
    verdict = classify_line(line)
    assert (verdict.label, verdict.rule) == ("boilerplate", rule)


@pytest.mark.parametrize(
    "line",
    [
        "The video has 12,408 views since Monday, the company said.",
        "电话：022-23508981",
        "Photo: the mayor at the opening of the new bridge",
        "他登录了系统。",
        "排行第三的是一家来自上海的企业，去年的营收增长了百分之二十。",
    ],
)
def test_lines_like_furniture_stay(line):
    assert classify_line(line).label != "boilerplate"


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ("[首页](http://a.cn)", "only links"),  # its words are the link's
        ("* [Politics](/politics)", "only links"),
        ("![](a.jpg)", "no text"),
        ("[ ![](t.jpg) ](http://a.cn/1)", None),  # an image's link: judged by the page model
        ("| |||", "no text"),
    ],
)
def test_debris_says_what_it_found(line, why):
    # --explain said "no text" of a link alone on its line, which has words (the link's)
    verdict = classify_line(line)
    if why is None:
        assert verdict.rule != "debris"
    else:
        assert (verdict.rule, verdict.detail) == ("debris", why)
