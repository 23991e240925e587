"""GB18030's bytes A3 A0, which old Chinese pages use as a full-width space.

Python's ``gb18030`` codec reads them as the private-use U+E5E5; the Web reads them as U+3000
(the WHATWG Encoding Standard), and so does whoever copies such a page. The encoding stage read
a line of them as cp1252 read as GBK and left ``£ £`` before the paragraph; now a
line of CJK text (or of nothing but spaces) that no misreading explains gets U+3000; a
reading that changes nothing but private-use characters is no evidence of a misreading.
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


def test_a_line_without_cjk_keeps_it():
    """``£\\xa0`` read as GBK is U+E5E5 too; in a line with no CJK text there is nothing to
    space, and a reading that changes nothing but it is no evidence: it stays, reported."""
    line = f"Price {A3A0}100 a ticket"
    assert web_space(line) == line
    result = clean(line + "\n")
    assert result.text == line + "\n"
    assert any(d.kind == "private-use" for d in result.diagnostics)


def test_misreadings_are_undone_first():
    """A misreading around it is undone; what is left of it is then the Chinese space."""
    out = encoding(Doc.from_text(f"{A3A0}鍏ㄩ儴鏂伴椈"), Config())
    assert out.lines == ("\u3000全部新闻",)
    assert clean(f"{A3A0}鍏ㄩ儴鏂伴椈\n").text == "全部新闻\n"


def test_a_private_use_character_read_as_two_is_no_evidence():
    """GB18030's A3 7C (U+E5C2 in every decoder, the Web's too) read as cp1252 is ``£|``:
    nothing says so, the line's words read the same either way. It stays, reported."""
    line = "[ 黄宇 ]\ue5c2 来源：[ 国际金融报 ]\ue5c2 洛克菲勒家族的继承人劳伦斯今天去世，享年九十四岁。"
    result = clean(line + "\n")
    assert "£" not in result.text and "\ue5c2" in result.text
    assert any(d.kind == "private-use" for d in result.diagnostics)


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
