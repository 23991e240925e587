"""Clean text passes through unchanged: nothing to fix means nothing changes."""

from __future__ import annotations

import pytest

from newsclean import Config, clean

from .conftest import CASES

CLEAN = sorted((CASES / "clean").glob("*.txt"))


@pytest.mark.parametrize("path", CLEAN, ids=[p.stem for p in CLEAN])
def test_clean_text_is_unchanged(path):
    text = path.read_text("utf-8")
    result = clean(text)
    assert result.text == text
    assert not result.changed and not result.changes
    assert not [d for d in result.diagnostics if d.severity != "info"]


def test_simplified_text_unchanged_when_converting_to_simplified():
    text = (CASES / "clean" / "zh-hans.txt").read_text("utf-8")
    assert clean(text, Config(to="zh-hans")).text == text


def test_english_unchanged_with_any_target():
    text = (CASES / "clean" / "en.txt").read_text("utf-8")
    for target in ("zh-hans", "zh-hant", "zh-tw", "zh-hk"):
        assert clean(text, Config(to=target)).text == text


@pytest.mark.parametrize(
    "line",
    [
        "增长2.3%，创下新高。",
        "会议于8:30开始。",
        "网址是 https://example.com/path?a=1&b=2 。",
        "他重(chóng)新开始了工作。",
        "“你好，”她说。",
        "He said “hello” and ‘goodbye’.",
        "Prices rose 2.3% by 8:30 a.m.",
    ],
)
def test_single_clean_lines(line):
    assert clean(line + "\n").text == line + "\n"
