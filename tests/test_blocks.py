"""A huge document is converted and folded a run of lines at a time: same result as at once."""

from __future__ import annotations

import sys

import pytest

from newsclean import Config, clean
from newsclean.model import Doc, blocks
from newsclean.stages import duplicates, script

_TEXT = (
    "會議今天在北京開幕，來自各地的代表出席了會議。\n"
    "The Council met today; it agreed the budget.\n"
    "瞭解情況後，他們藉口天氣不好，推遲了行程。\n"
    "會議今天在北京開幕，來自各地的代表出席了會議。\n"
    "乾隆年間的文物在博物館展出，吸引了大批觀眾。\n"
    "會議今天在北京開幕，來自各地的代表都出席了會議。\n"
) * 4


@pytest.mark.parametrize("chars", [1, 5, 40, 10_000])
def test_blocks_cover_every_line_once_in_order(chars):
    lines = _TEXT.splitlines()
    runs = list(blocks(lines, chars))
    assert [line for run in runs for line in run] == lines
    assert all(runs)


@pytest.mark.parametrize("chars", [1, 50, 130])
def test_small_blocks_change_nothing(monkeypatch, chars):
    config = Config(to="zh-hans")
    whole = clean(_TEXT, config)
    keys = sys.modules["newsclean.stages.duplicates.keys"]
    monkeypatch.setattr(sys.modules["newsclean.stages.script"], "BLOCK_CHARS", chars)
    monkeypatch.setattr(keys, "BLOCK_CHARS", chars)
    doc = Doc.from_text(_TEXT)
    assert keys.screen_keys(doc.lines) == keys._screen_keys(doc.lines)
    converted = script(doc, config).body
    assert "了解情况后，他们借口天气不好" in converted  # phrases still converted, run by run
    assert "瞭解" not in converted and "會" not in converted
    assert clean(_TEXT, config) == whole
    assert duplicates(doc, Config()).lines == duplicates(Doc.from_text(_TEXT), Config()).lines
