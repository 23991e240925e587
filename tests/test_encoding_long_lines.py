"""A long line is read in windows around what flags it (``encoding.LONG_LINE``), and whole
where a window changes: the result is what reading it whole gives, for far less work.

Each case compares the stage (``encoding``) with the same stage reading every line whole
(``_repaired``): the windows are a shortcut, never another answer.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newsclean.config import Config
from newsclean.model import Doc
from newsclean.stages.encoding import LONG_LINE, _in_windows, _repaired, encoding

PROSE = "今天天气很好，我们去公园散步。孩子们在草地上奔跑，老人们在树下下棋聊天。"
LONG = PROSE * (LONG_LINE // len(PROSE) + 2)
MOJIBAKE = "鍏ㄩ儴鏂伴椈"  # 全部新闻, UTF-8 read as GBK


def _both(text: str) -> tuple[Doc, Doc]:
    doc = Doc.from_text(text)
    return encoding(doc, Config()), _repaired(doc, Config())


@pytest.mark.parametrize(
    "text",
    [
        LONG + "★" + LONG,  # an emoji: nothing to repair, only windows read
        LONG + "AT&amp;T" + LONG,  # an entity in a window
        LONG + "CafÃ© crÃ¨me" + LONG,  # Western mojibake in a window
        LONG + MOJIBAKE + LONG,  # a run of CJK mojibake in a window
        LONG + "\n" + MOJIBAKE,  # a short line repaired, the long one clean
        (MOJIBAKE * (LONG_LINE // len(MOJIBAKE) + 2)),  # a long line of mojibake: whole
        (PROSE + "★") * (LONG_LINE // len(PROSE) + 2),  # flags all along: windows meet
    ],
    ids=["emoji", "entity", "western", "cjk-run", "short-line", "all-mojibake", "dense-flags"],
)
def test_a_long_line_reads_as_it_reads_whole(text):
    windowed, whole = _both(text)
    assert windowed.lines == whole.lines
    assert [(c.rule, c.line) for c in windowed.changes] == [(c.rule, c.line) for c in whole.changes]


def test_a_clean_long_line_is_read_in_windows_only():
    doc = Doc.from_text(LONG + "★" + LONG + "\n" + LONG)
    assert _in_windows(doc, Config()) is doc  # (no window changed, nothing else to do)


def test_mojibake_in_a_long_line_is_repaired():
    out = encoding(Doc.from_text(LONG + MOJIBAKE + LONG), Config())
    assert out.lines == (LONG + "全部新闻" + LONG,)


REALBENCH = Path(__file__).resolve().parents[2] / "shared" / "realbench" / "data"


@pytest.mark.skipif(not REALBENCH.is_dir(), reason="../shared/realbench not present")
def test_real_pages_with_long_lines_read_as_they_read_whole():
    """Every realbench page with a line over LONG_LINE (18 of 1,020 texts: table layouts,
    pages on one line): the stage gives what reading every line whole gives."""
    seen = 0
    for name in ("cwce", "aeb", "np4k", "rdb"):
        with gzip.open(REALBENCH / f"{name}.jsonl.gz", "rt", encoding="utf-8") as f:
            for row in f:
                page = json.loads(row)
                for field in ("input", "input_plain"):
                    text = page[field]
                    if not any(len(line) > LONG_LINE for line in text.split("\n")):
                        continue
                    seen += 1
                    windowed, whole = _both(text)
                    assert windowed.lines == whole.lines, (name, page["id"], field)
    assert seen >= 10
