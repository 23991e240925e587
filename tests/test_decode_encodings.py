"""Decoding every encoding class: real files (regression cases), our own sentences, and the
forms byte patterns decide (UTF-16/32 without a BOM, ISO-2022)."""

from __future__ import annotations

import codecs
import os
import re
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.bench_chardet import TESTS, expected, label_codecs, normalise
from newsclean import decode_bytes
from newsclean.codepages import plausible_cjk, reading_cost, script, single_byte
from newsclean.sniff import hz, iso2022, wide

from .conftest import CASES

TEXTS = tomllib.loads((CASES / "legacy_texts.toml").read_text("utf-8"))

# A few small real files per class, from chardet's test files (folder = encoding).
REAL = [
    "UTF-16LE/nobom-utf16le.txt",
    "UTF-16BE/nobom-utf16be.txt",
    "UTF-32LE/nobom-utf32le.txt",
    "UTF-32BE/nobom-utf32be.txt",
    "iso-2022-jp/_ude_1.txt",
    "iso-2022-kr/_ude_iso1.txt",
    "iso-2022-kr/_ude_iso2.txt",
    "Big5/_ude_1.txt",
    "GB2312/_mozilla_bug171813_text.html",  # CJK in HTML: markup is not Western text
    "EUC-JP/_mozilla_bug431054_text.html",
    "SHIFT_JIS/_chromium_Shift-JIS_with_no_encoding_specified.html",
    "EUC-KR/_mozilla_bug9357_text.html",
    "Johab/hlpro-readme.txt",
    "KOI8-R/_chromium_KOI8-R_with_no_encoding_specified.html",
    "IBM855/intertat.ru.xml",
    "IBM866/intertat.ru.xml",
    "MacCyrillic/intertat.ru.xml",
    "iso-8859-5-russian/intertat.ru.xml",
    "windows-1251-russian/intertat.ru.xml",
    "iso-8859-7-greek/_chromium_ISO-8859-7_with_no_encoding_specified.html",
    "windows-1255-hebrew/_ude_he3.txt",
    "iso-8859-6-arabic/_chromium_ISO-8859-6_with_no_encoding_specified.html",
    "windows-1256-arabic/_chromium_windows-1256_with_no_encoding_specified.html",
    "TIS-620/_mozilla_bug488426_text.html",
    "iso-8859-9-turkish/_ude_1.txt",
    "windows-1254-turkish/_chromium_windows-1254_with_no_encoding_specified.html",
    "iso-8859-2-czech/_ude_2.txt",
    "windows-1250-czech/_ude_2.txt",
    "iso-8859-2-slovak/_ude_2.txt",
    "MacRoman/ioreg_output.txt",  # one ’ in 750 KB: Mac Roman, not cp1252's Õ
    "windows-1252/github_bug_9.txt",
]


@pytest.mark.skipif(not TESTS.is_dir(), reason="../shared/encodings not present")
@pytest.mark.parametrize("name", REAL)
def test_real_files(name: str) -> None:
    path = TESTS / name
    data = path.read_bytes()
    right, _ = expected(data, label_codecs(path.parent.name))
    decoded = decode_bytes(data)
    assert normalise(decoded.text) in right, decoded.encoding


def _sizes(text: str) -> list[tuple[str, str]]:
    sentence = re.split(r"(?<=[.。]) ?", text)[0]
    return [("sentence", sentence), ("paragraph", text), ("page", "\n".join([text] * 8))]


@pytest.mark.parametrize(
    ("lang", "codec", "size"),
    [
        (lang, codec, size)
        for lang, case in TEXTS.items()
        for codec in case["codecs"]
        for size in ("sentence", "paragraph", "page")
    ],
)
def test_our_sentences_in_each_encoding(lang: str, codec: str, size: str) -> None:
    text = dict(_sizes(TEXTS[lang]["text"]))[size]
    decoded = decode_bytes(text.encode(codec))
    assert decoded.text == text, decoded.encoding
    assert not [d for d in decoded.diagnostics if d.severity == "error"]


# --- UTF-16/32 without a byte-order mark -----------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("lang", list(TEXTS))
def test_our_sentences_in_utf16_and_utf32_without_bom(lang: str, codec: str) -> None:
    for _, text in _sizes(TEXTS[lang]["text"]):
        assert decode_bytes(text.encode(codec)).text == text


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize(
    "text", ["Hello 世界", "Hi", "Ελληνικά", "a\tb\r\nc", "😀 ok", "Hello 一", "一一一 一个一"]
)
def test_bomless_utf16_and_utf32(codec: str, text: str) -> None:
    decoded = decode_bytes(text.encode(codec))
    assert decoded.text == text
    assert decoded.encoding == codec


def test_bomless_utf16_cut_inside_its_last_unit() -> None:
    data = "Hello 世界".encode("utf-16-le") + b"\x41"
    decoded = decode_bytes(data)
    assert decoded.text == "Hello 世界\ufffd" and decoded.encoding == "utf-16-le"
    assert decoded.replaced == 1 and decoded.diagnostics[0].severity == "error"


@pytest.mark.parametrize(
    "data",
    [
        "国务院今天召开会议\x00".encode(),  # a stray NUL in UTF-8 text
        b"The Council met today.\x00\x00 It agreed.",
        b"\x00",
        b"ab\x00\x00",
    ],
)
def test_nul_bytes_alone_do_not_make_utf16(data: bytes) -> None:
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8" and decoded.text == data.decode("utf-8")
    assert wide(data) is None


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("国务院今天召开会议\x00 部署工作", "gbk"),
        ("行政院今日召開記者會\x00 宣布預算", "big5"),
        ("東京都は今日\x00 条例を発表した", "cp932"),
    ],
)
def test_a_stray_nul_in_a_legacy_file_does_not_make_utf16(text: str, codec: str) -> None:
    """chardet answers UTF-16 at 95% for such input: that reading must still compete."""
    decoded = decode_bytes(text.encode(codec))
    assert decoded.text == text


# --- ISO-2022 ---------------------------------------------------------------------------------


def _iso2022_cn(text: str) -> bytes:
    """GB 2312 in 7 bits between SO and SI, after the designation (RFC 1922)."""
    out = b"\x1b$)A"
    for char in text:
        if char.isascii():
            out += char.encode()
        else:
            out += b"\x0e" + bytes(b & 0x7F for b in char.encode("gb2312")) + b"\x0f"
    return out


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("東京都は今日、新しい条例を発表しました。", "iso2022_jp"),
        ("ニュース: 政府は予算案を決定 (2024)", "iso2022_jp"),
        ("中文和日本語", "iso2022_jp_2"),
        ("서울시는 오늘 새로운 정책을 발표했다.", "iso2022_kr"),
    ],
)
def test_iso2022(text: str, codec: str) -> None:
    decoded = decode_bytes(text.encode(codec))
    assert decoded.text == text
    assert decoded.encoding.startswith(codec[:10])


def test_iso2022_cn() -> None:
    text = "国务院今天召开会议, 部署 2024 年工作。"
    decoded = decode_bytes(_iso2022_cn(text))
    assert (decoded.text, decoded.encoding) == (text, "iso-2022-cn")


@pytest.mark.parametrize(
    "data",
    [
        b"\x1b[31mred\x1b(B\x1b[m and plain",  # terminal colours: no double-byte designation
        "终端 \x1b[1m粗体\x1b[0m".encode(),
        b"\x1b$)G\x0e!!\x0f",  # ISO-2022-CN with CNS 11643: no codec
    ],
)
def test_escapes_that_are_not_iso2022_stay_utf8(data: bytes) -> None:
    assert iso2022(data) is None
    assert decode_bytes(data).text == data.decode("utf-8")


# --- HZ ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "国务院今天召开会议，部署 2024 年工作。\nHZ 是 Usenet 上的中文编码。\n",
        "新闻",
        "标题: 会议开幕 (2024)",
    ],
)
def test_hz(text: str) -> None:
    decoded = decode_bytes(text.encode("hz"))
    assert (decoded.text, decoded.encoding) == (text, "hz")


@pytest.mark.parametrize(
    "data",
    [
        b"echo ~{a,b} and ls ~{x,y}/",  # shell braces: their bytes read as rare characters
        b"cd ~{project~}",
        b"~{~}",
        "路径 ~{ 中文".encode(),  # UTF-8 that is not ASCII: no HZ
    ],
)
def test_tildes_that_are_not_hz_stay_utf8(data: bytes) -> None:
    assert hz(data) is None
    assert decode_bytes(data).text == data.decode("utf-8")


# --- code pages against CJK -------------------------------------------------------------------


@pytest.mark.parametrize("repeat", [1, 2, 3, 5, 20])
@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("繁體中文", "big5"),
        ("简体中文", "gb18030"),
        ("日本語のニュース", "cp932"),
        ("한국어 뉴스 ", "cp949"),
    ],
)
def test_short_cjk_is_never_read_as_a_code_page(text: str, codec: str, repeat: int) -> None:
    """``繁體中文`` three times was cp500 (EBCDIC), chardet's 2%-confidence guess."""
    decoded = decode_bytes((text * repeat).encode(codec))
    assert decoded.text == text * repeat
    assert not single_byte(decoded.encoding)


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("Ελληνικά γλώσσα", "cp1253"),
        ("שלום עולם", "cp1255"),
        ("привет мир", "cp1251"),
        ("مرحبا بالعالم", "cp1256"),
    ],
)
def test_short_other_scripts_are_not_read_as_cjk(text: str, codec: str) -> None:
    """Two words: which code page of the script is a guess (``שלום עולם`` in cp1255 reads as
    well-formed Russian in cp1251), but never CJK, which code pages are not."""
    decoded = decode_bytes(text.encode(codec))
    assert single_byte(decoded.encoding), decoded.text
    assert not plausible_cjk(decoded.text)


def test_reading_cost_is_fair_to_other_alphabets() -> None:
    hebrew = "הממשלה אישרה היום את התקציב"
    as_latin = hebrew.encode("cp1255").decode("cp1252")
    assert reading_cost(hebrew) == 0 < reading_cost(as_latin)
    russian = "Правительство утвердило бюджет"
    as_koi8 = russian.encode("cp1251").decode("koi8_r")  # оПЮБХРЕКЭЯРБН: case flips
    assert reading_cost(russian) == 0 < reading_cost(as_koi8)


def test_codec_classes() -> None:
    assert [script(n) for n in ("cp1252", "cp1251", "cp1253", "cp1255", "cp874")] == [
        "LATIN",
        "CYRILLIC",
        "GREEK",
        "HEBREW",
        "THAI",
    ]
    assert single_byte("mac_roman") and not single_byte("johab")
    assert plausible_cjk("国务院今天召开会议") and not plausible_cjk("przysz造")


def test_every_codec_named_resolves() -> None:
    for case in TEXTS.values():
        for codec in case["codecs"]:
            codecs.lookup(codec)


def test_bench_labels() -> None:
    assert label_codecs("windows-1250-czech") == ("windows-1250",)
    assert label_codecs("iso-8859-9-turkish") == ("iso8859-9", "cp1254")
    assert "cp932" in label_codecs("SHIFT_JIS") and "gb18030" in label_codecs("GB2312")
    assert Path(TESTS).name == "tests"


# --- properties -------------------------------------------------------------------------------

_SETTINGS = settings(
    max_examples=int(os.environ.get("NEWSCLEAN_FUZZ_EXAMPLES", "300")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
_WORDS = st.sampled_from(
    ["The", "council", "met", "2024", "国务院", "会议", "東京", "서울", "Ελλάδα"]
)


@_SETTINGS
@given(
    st.lists(_WORDS, min_size=2, max_size=12).map(" ".join),
    st.sampled_from(["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"]),
)
def test_wide_forms_of_spaced_text_decode_exactly(text: str, codec: str) -> None:
    """Spaced text (any language here) has NUL bytes in UTF-16/32: the pattern decides,
    also where ``一`` (U+4E00) puts NULs on the other side."""
    decoded = decode_bytes(text.encode(codec))
    assert decoded.text == text


@_SETTINGS
@given(st.text(st.characters(blacklist_characters="\x00\x1b\ufeff", blacklist_categories=["Cs"])))
def test_utf8_without_nul_or_esc_is_utf8(text: str) -> None:
    decoded = decode_bytes(text.encode("utf-8"))
    assert (decoded.text, decoded.encoding) == (text, "utf-8")


def test_superset_table_is_keyed_by_codec_names() -> None:
    """chardet's answers are looked up by :func:`codecs.lookup` names: another key is dead."""
    from newsclean.decode import _COMMON, _SUPERSETS

    for key in (*_SUPERSETS, *_COMMON, *_COMMON.values()):
        assert codecs.lookup(key).name == key


# --- end to end -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("Hello 世界, the Council met.\nSecond line.\n", "utf-16-le"),
        ("Hello 世界, the Council met.\nSecond line.\n", "utf-32-be"),
        ("東京都は今日、新しい条例を発表しました。\n", "iso2022_jp"),
        ("繁體中文\n", "big5"),
    ],
)
def test_cli_reads_them(cli, text: str, codec: str) -> None:
    out = cli("fix", "--stages", "encoding", "-q", stdin=text.encode(codec)).expect(0).out
    assert out == text


def test_iso_answer_with_c1_controls_competes_with_windows(monkeypatch) -> None:
    """chardet confident in ISO-8859-2 for cp1250 text: the quotes would be C1 controls."""
    import sys

    dec = sys.modules["newsclean.decode"]  # the package's ``decode`` is the function

    text = "Ministrul a declarat: „Bugetul pentru educaţie va creşte.” Opoziţia a criticat."
    monkeypatch.setattr(dec, "_detect", lambda sample: [(("iso8859-2",), 0.9)])
    decoded = dec.decode_bytes(text.encode("cp1250"))
    assert (decoded.text, decoded.encoding) == (text, "cp1250")
    plain = "Ministrul a declarat că bugetul pentru educaţie va creşte."
    assert dec.decode_bytes(plain.encode("iso8859-2")).encoding == "iso8859-2"
