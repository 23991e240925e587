"""Every damage marker is reported, with the input line it is on, and none is deleted."""

from __future__ import annotations

import pytest

from newsclean import Config, Doc, clean
from newsclean.stages import encoding

# (line text, the diagnostic kinds it must get). Blank lines between them test that line
# numbers are input line numbers.
MARKERS = [
    ("今天\ufffd天气很好，大家出门散步。", ["replacement-char"]),
    ("标题&#65533;正文内容在这里继续。", ["replacement-char"]),  # ftfy unescapes it first
    ("标题锟斤拷锟斤拷正文内容在这里继续。", ["replacement-mojibake"]),
    ("標題嚙踝蕭正文內容在這裡繼續。", ["replacement-mojibake"]),
    ("제목占쏙옙본문 내용이 여기에 이어진다.", ["replacement-mojibake"]),
    ("見出し鐃緒申本文がここに続く。", ["replacement-mojibake"]),
    ("Titre ï¿½ et la suite du texte ici.", ["replacement-char"]),  # ftfy decodes it
    ("烫烫烫烫烫烫烫烫", ["filler-mojibake"]),
    ("屯屯屯屯屯屯", ["filler-mojibake"]),
    ("中华人民??国成立七十多年来", ["lost-chars"]),
    ("王波、劉宏?yáng)|、張現儉出席", ["orphan-pinyin"]),
    ("錨定“兩個確!,實施“十大戰略”", ["garbled-punct"]),
    ("半个\ud800字符丢失了", ["lone-surrogate", "replacement-char"]),
    ("控制\x81字符出现在这里", ["c1-control"]),
    ("私用\ue000字符出现在这里", ["private-use"]),
]
DOC = "第一行是正常的文字。\n\n" + "\n\n".join(text for text, _ in MARKERS) + "\n最后一行。\n"


def _expected() -> list[tuple[int, str]]:
    return [(3 + 2 * i, kind) for i, (_, kinds) in enumerate(MARKERS) for kind in kinds]


def test_stage_reports_each_marker_on_its_line():
    out = encoding(Doc.from_text(DOC), Config())
    found = sorted((d.line, d.kind) for d in out.diagnostics)
    assert found == sorted(_expected())


def test_pipeline_reports_each_marker_on_its_input_line():
    result = clean(DOC)
    found = sorted((d.line, d.kind) for d in result.diagnostics if d.stage == "encoding")
    assert found == sorted(_expected())


def test_damage_is_never_deleted():
    out = encoding(Doc.from_text(DOC), Config())
    for text, kinds in MARKERS:
        if "replacement-char" not in kinds:  # ftfy turns some forms of U+FFFD into U+FFFD
            assert text in out.lines


@pytest.mark.parametrize(
    ("text", "severity"),
    [("今天\ufffd天气", "warning"), ("私用\ue000字符", "info"), ("标题锟斤拷正文", "warning")],
)
def test_severity(text, severity):
    (d,) = encoding(Doc.from_text(text), Config()).diagnostics
    assert d.severity == severity


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\ufeff第一段。", "第一段。"),  # U+FEFF anywhere
        ("ï»¿Hello", "Hello"),  # UTF-8 BOM read as cp1252
        ("锘縜bc", "abc"),  # UTF-8 BOM read as GBK swallows the next byte: bytes EF BB BF 61
        ("锘\ufffd<?xml version", "<?xml version"),
        ("锘是一种人工合成的放射性元素。", "锘是一种人工合成的放射性元素。"),  # nobelium: real
    ],
)
def test_bom_read_as_text_is_removed(text, expected):
    out = encoding(Doc.from_text(text), Config())
    assert out.lines == (expected,)
    assert not out.diagnostics


def test_clean_text_with_one_damaged_character_is_not_reread():
    """One U+FFFD or private-use character is damage to report, not mojibake to re-read."""
    for text in ("私用\ue000字符出现在这里", "这部电影\ufffd上映", "控制\x81字符"):
        assert encoding(Doc.from_text(text), Config()).lines == (text,)
