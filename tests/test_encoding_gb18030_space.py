"""GB18030's bytes A3 A0, which old Chinese pages use as a full-width space.

Python's ``gb18030`` codec reads them as the private-use U+E5E5; the Web reads them as U+3000
(the WHATWG Encoding Standard), and so does whoever copies such a page. The encoding stage read
a line of them as cp1252 read as GBK and left ``£ £`` before the paragraph; now a line that is
Chinese text (or only spaces) once they are read as U+3000 gets U+3000, and a line that is
mojibake with them in it stays the misreadings' to judge.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from newsclean import Config, Doc, clean, decode_bytes
from newsclean.cli import main
from newsclean.stages import encoding
from newsclean.stages.encoding import web_space

A3A0 = "\ue5e5"
PARAGRAPHS = (
    "一、法官试验凡事谢恩",
    "有一个法官，因为听见一位传道人常常说要凡事谢恩，就想试试他。",
    "他在牢里祷告说：“感谢主，叫我有机会安静读圣经。”",
)


def _page(indent: str) -> str:
    return "".join(f"{indent}{p}\n" for p in PARAGRAPHS)


def test_a_gbk_page_indented_with_a3a0_comes_out_clean():
    data = _page("\u3000\u3000").encode("gb18030").replace(b"\xa1\xa1", b"\xa3\xa0")
    decoded = decode_bytes(data)
    assert A3A0 in decoded.text  # what Python's codec makes of the bytes
    result = clean(decoded.text)
    assert result.text == "".join(f"{p}\n" for p in PARAGRAPHS)
    assert not any(d.kind == "private-use" for d in result.diagnostics)
    assert any(c.stage == "encoding" and c.rule == "gb18030-space" for c in result.changes)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (f"{A3A0}{A3A0}{PARAGRAPHS[1]}", PARAGRAPHS[1]),  # an indent: the whitespace stage's
        (f"返目录{A3A0}下一页", "返目录\u3000下一页"),  # between words: a full-width space
        (f"{A3A0}{A3A0}", ""),  # nothing but spaces: the line goes
        (f"据新华社报道{A3A0}今天开幕。", "据新华社报道\u3000今天开幕。"),
    ],
)
def test_chinese_lines_read_a3a0_as_the_web_does(line, expected):
    assert clean(line + "\n").text.rstrip("\n") == expected


@pytest.mark.parametrize(
    "line",
    [
        f"Price {A3A0}100 a ticket",  # no Chinese: £\xa0 read as GBK is the misreadings' to judge
        f"{A3A0}鍏ㄩ儴鏂伴椈",  # mojibake around it: the same
    ],
)
def test_other_lines_are_left_to_the_misreadings(line):
    assert web_space(line) == line
    out = encoding(Doc.from_text(line), Config())
    assert all(c.rule != "gb18030-space" for c in out.changes)


def test_cleaning_the_output_again_changes_nothing():
    once = clean(_page(A3A0 * 2) + f"返目录{A3A0}下一页\n").text
    assert A3A0 not in once and "£" not in once
    assert clean(once).text == once


def test_explain_names_the_rule(tmp_path):
    path = tmp_path / "page.txt"
    path.write_bytes(_page("\u3000\u3000").encode("gb18030").replace(b"\xa1\xa1", b"\xa3\xa0"))
    result = CliRunner().invoke(main, ["fix", "--explain", str(path)])
    assert result.exit_code == 0, result.output
    assert "£" not in result.stdout
    assert "changed by encoding/gb18030-space" in result.stderr
