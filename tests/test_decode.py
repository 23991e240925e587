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


# Documents from our own sentences in the legacy encodings news sites serve, decoded whole.
_LEGACY = {
    "zh": ("gbk", "gb18030", "utf-16-le", "utf-16-be"),
    "zht": ("big5", "cp950"),
    "ja": ("cp932", "shift_jis", "euc_jp"),
    "ko": ("cp949", "euc_kr"),
    "fr": ("cp1252", "latin-1"),
    "de": ("cp1252", "latin-1"),
}


@pytest.mark.parametrize(
    ("lang", "codec"), [(lang, codec) for lang, codecs_ in _LEGACY.items() for codec in codecs_]
)
def test_legacy_documents(lang, codec):
    import random

    from bench import textgen

    pool = textgen.pool(textgen.TEST_POOL)
    rng = random.Random(f"{lang}:{codec}")
    for lines in (2, 5, 20):
        text = "\n".join(textgen.line(pool, lang, rng) for _ in range(lines))
        try:
            data = text.encode(codec)
        except UnicodeEncodeError:
            continue
        decoded = decode_bytes(data)
        assert decoded.text == text, decoded.encoding
        assert not [d for d in decoded.diagnostics if d.severity == "error"]


@pytest.mark.parametrize(
    ("codec", "name"), [("gbk", "gb18030"), ("shift_jis", "cp932"), ("euc_kr", "cp949")]
)
def test_detected_encodings_are_read_as_their_web_supersets(codec, name):
    text = "\n".join([SIMPLIFIED] * 20) if codec == "gbk" else None
    if codec == "shift_jis":
        text = "東京都は今日、新しい条例を発表しました。これは市民の生活を守るためです。\n" * 20
    if codec == "euc_kr":
        text = "서울시는 오늘 새로운 정책을 발표했다. 시민들의 생활을 지키기 위해서다.\n" * 20
    assert text is not None
    decoded = decode_bytes(text.encode(codec))
    assert decoded.text == text and decoded.encoding == name


def test_truncated_utf8_stays_utf8():
    """A file cut inside its last character is UTF-8 with one character lost, not GB18030."""
    data = (SIMPLIFIED * 3).encode("utf-8")[:-1]
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8"
    assert decoded.text == (SIMPLIFIED * 3)[:-1] + "\ufffd"
    (diag,) = decoded.diagnostics
    assert diag.kind == "undecodable-bytes" and diag.severity == "error"
    assert diag.message.startswith("2 undecodable byte(s)")


def test_one_bad_byte_in_utf8():
    data = bytearray((SIMPLIFIED * 3).encode("utf-8"))
    data[30] = 0xFF
    decoded = decode_bytes(bytes(data))
    assert decoded.encoding == "utf-8" and decoded.text.count("\ufffd") >= 1
    assert decoded.text.replace("\ufffd", "")[:9] == (SIMPLIFIED * 3)[:9]


def test_a_guess_is_said_to_be_one():
    """Too short for the detector to be sure: the most plausible reading, with a warning."""
    decoded = decode_bytes("Ça coûte 5 € à Paris.".encode("cp1252"))
    assert decoded.encoding == "cp1252"
    assert [d.severity for d in decoded.diagnostics] in (["warning"], ["info"])


def test_mostly_utf8_with_junk_counts_replaced_bytes():
    data = SIMPLIFIED.encode("utf-8") + b"\xff\xfe" * 20 + b"\x81"
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8" and decoded.text.startswith(SIMPLIFIED)
    (diag,) = decoded.diagnostics
    assert diag.severity == "error" and decoded.replaced == 41
    assert diag.message.startswith("41 undecodable byte(s)")


_PAGES = {
    "gb18030": "<p>国务院总理今天主持召开常务会议，部署进一步稳定经济的措施。会议指出，要加大对中小企业的支持力度，稳定就业，保障民生。</p>\n",
    "cp950": "<p>行政院今日召開記者會，宣布明年度總預算將增加，重點投入長照與國防。立法院將於下週開始審查預算案。</p>\n",
    "cp932": "<p>県議会は今日、新しい予算案を可決しました。台風の接近に伴い、多くの便が欠航となった。</p>\n",
    "cp949": "<p>서울시는 오늘 새로운 교통 정책을 발표했습니다. 시민들은 대중교통을 더 편리하게 이용할 수 있게 됩니다.</p>\n",
}


@pytest.mark.parametrize(
    ("codec", "broken"),
    [
        *((codec, "cut inside a character") for codec in sorted(_PAGES)),
        ("gb18030", "trail byte lost"),
    ],
)
def test_a_legacy_cjk_page_with_a_broken_character_is_read_in_its_encoding(codec, broken):
    """A page cut inside a character, or with a byte lost, decodes strictly in no CJK
    encoding; read in a single-byte code page (which decodes anything) it was all gibberish.
    Its own encoding competes with the few bytes it loses, which are reported. (A byte lost
    inside Korean can leave a reading that costs more than Thai read from the same bytes,
    which costs nothing: that one still goes to cp874.)"""
    data = (_PAGES[codec] * 8).encode(codec)
    if broken == "cut inside a character":
        data = data[: data.rindex(b"</p>")] + _PAGES[codec][3:5].encode(codec)[:1]
    else:
        lead = next(i for i in range(len(data) // 2, len(data)) if data[i] >= 0x81)
        data = data[: lead + 1] + data[lead + 2 :]
    decoded = decode_bytes(data)
    assert decoded.encoding == codec
    assert 1 <= decoded.replaced <= 3
    assert any(d.kind == "undecodable-bytes" for d in decoded.diagnostics)
    text = _PAGES[codec] * 8
    kept = sum(a == b for a, b in zip(decoded.text, text, strict=False))
    assert kept >= len(text) // 2  # all of it up to the break, and most after it


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("Правительство сегодня утвердило новый бюджет на следующий год. " * 20, "cp1251"),
        ("Η κυβέρνηση ενέκρινε σήμερα τον νέο προϋπολογισμό για το επόμενο έτος. " * 20, "cp1253"),
    ],
)
def test_a_single_byte_page_keeps_its_code_page(text, codec):
    """The lossy CJK readings compete on their cost: a Russian or Greek page stays itself."""
    decoded = decode_bytes(text.encode(codec))
    assert decoded.text == text and decoded.replaced == 0


# A mostly-English file with one line in another alphabet: chardet reads it as Western, and
# the right code page must still get to compete (sentences of our own).
_CONFIG_PAGE = [
    "/etc/backup.conf",
    "holds one line for each folder to copy, with the host, the user and the time of day:",
    "Lines that start with a hash are comments and are skipped.",
    "The file is read once, when the tool starts.",
]


@pytest.mark.parametrize(
    ("title", "codec"),
    [
        ("backup.conf - файл настроек", "cp1251"),
        ("backup.conf - файл настроек", "koi8_r"),  # the same words as cp1251's capitals
        ("backup.conf - αρχείο ρυθμίσεων", "cp1253"),
        # Polish: Windows-1252 reads symbols inside its words (``Ka¿dy``, ``ustawieñ``)
        (
            "backup.conf - plik ustawień kopii zapasowej\nKażdy wiersz opisuje jeden katalog.",
            "cp1250",
        ),
        (
            "backup.conf - plik ustawień kopii zapasowej\nKażdy wiersz opisuje jeden katalog.",
            "iso8859_2",
        ),
    ],
)
def test_a_line_in_another_alphabet_among_english_is_read_in_its_code_page(title, codec):
    text = "\n".join([title, *_CONFIG_PAGE])
    decoded = decode_bytes(text.encode(codec))
    assert decoded.text == text, decoded.encoding


def test_one_windows_ellipsis_is_not_read_as_mac_roman():
    # chardet names Mac OS Roman, confidently, for this (0x85 is ``Ö`` there)
    body = (
        "Das Programm sichert die Dateien eines Ordners auf einem anderen Rechner. Es liest "
        "dazu die Einstellungen aus der Datei, die zuerst genannt wird, und schreibt ein "
        "Protokoll.\n"
    )
    text = "sichern [Option …] [Befehl]\n" + body * 3
    decoded = decode_bytes(text.encode("cp1252"))
    assert (decoded.text, decoded.encoding) == (text, "cp1252")


def test_one_letter_of_another_alphabet_is_no_evidence():
    # cp1251 reads the pound sign as the Cyrillic letter Ј: one letter, no word of Russian
    text = "Tickets cost £25 at the door.\nThe show starts at eight and ends at ten.\n"
    decoded = decode_bytes(text.encode("cp1252"))
    assert decoded.text == text, decoded.encoding


def test_ordinals_and_an_opening_question_mark_stay_windows_1252():
    # º and ¿ are Central European letters in cp1250 (ş, ż): not inside a word here
    text = (
        "El nº 5 de la calle abre a las 9; el 1º de mayo, no.\n"
        "¿Qué hora es? La tienda cierra tarde.\nO nº 3 da rua fica à esquerda.\n"
    )
    decoded = decode_bytes(text.encode("cp1252"))
    assert (decoded.text, decoded.encoding) == (text, "cp1252")


@pytest.mark.parametrize(
    "lines",
    [
        ["backup-tool - copy folders to another host", "backup-tool [选项] folder", *_CONFIG_PAGE],
        ["backup-tool - copy folders to another host", "backup-tool [选项] FOLDER"],
    ],
)
def test_a_chinese_word_among_english_is_read_in_its_code_page(lines):
    # two characters of Chinese in an English page: a word of its own (brackets around it),
    # not GBK read as something else; Windows-1252 reads it as Ñ¡Ïî
    text = "\n".join(lines)
    decoded = decode_bytes(text.encode("gb18030"))
    assert (decoded.text, decoded.encoding) == (text, "gb18030")


def test_japanese_with_kana_in_euc_jp_is_not_read_as_gb18030():
    # EUC-JP's kana are GB 2312's too; GB 2312 reads 調 as another character (拇)
    text = "backup-tool - フォルダを調べる\nbackup-tool [--force] FOLDER"
    decoded = decode_bytes(text.encode("euc_jp"))
    assert (decoded.text, decoded.encoding) == (text, "euc_jp")
