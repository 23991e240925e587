"""Bytes to text."""

from __future__ import annotations

import codecs

import pytest

from newsclean import decode, decode_bytes

SIMPLIFIED = "国务院总理今天主持召开常务会议，部署进一步稳定经济的措施。"
TRADITIONAL = "行政院今日召開記者會，宣布明年度總預算將增加，重點投入長照與國防。"


@pytest.mark.parametrize(
    ("text", "codec", "name"),
    [
        (SIMPLIFIED, "utf-8", "utf-8"),
        (SIMPLIFIED, "gb18030", "gb18030"),
        (SIMPLIFIED, "gbk", "gb18030"),
        (TRADITIONAL, "big5", "big5"),
        (TRADITIONAL, "utf-8", "utf-8"),
        ("Ça coûte 5 € à Paris.", "cp1252", "cp1252"),
    ],
)
def test_decodes_common_encodings(text, codec, name):
    decoded = decode_bytes(text.encode(codec))
    assert decoded.text == text
    assert decoded.encoding == name


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_boms(bom, codec):
    data = bom + SIMPLIFIED.encode(codec)
    assert decode(data) == SIMPLIFIED


def test_undecodable_bytes_are_replaced_and_reported():
    data = SIMPLIFIED.encode("utf-8")[:-1] + b"\xff\xfe\x00abc" * 3 + b"\x81"
    decoded = decode_bytes(data)
    assert "\ufffd" in decoded.text
    (diag,) = decoded.diagnostics
    assert diag.severity == "error" and diag.kind == "undecodable-bytes"
    assert "replaced with U+FFFD" in diag.message


def test_forced_encoding():
    assert decode_bytes(TRADITIONAL.encode("big5"), "big5").text == TRADITIONAL
    forced = decode_bytes(b"abc\xff", "utf-8")
    assert forced.text == "abc\ufffd" and forced.diagnostics[0].severity == "error"


def test_empty():
    assert decode(b"") == ""
