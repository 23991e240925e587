"""Invariants, fuzzed: cleaning is idempotent and never raises, on any text or any bytes."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newsclean import Config, clean, decode

from .conftest import CASES

_SETTINGS = settings(
    max_examples=int(os.environ.get("NEWSCLEAN_FUZZ_EXAMPLES", "300")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# Text that looks like scraped news: Chinese, ASCII, the punctuation the stages act on,
# pinyin, debris characters, and line breaks, mixed in arbitrary ways.
_PIECES = st.sampled_from(
    [
        "會",
        "議",
        "发",
        "展",
        "新",
        "华",
        "社",
        "的",
        "。",
        "，",
        "：",
        "“",
        "”",
        "、",
        ",",
        ":",
        ";",
        "!",
        "?",
        "(",
        ")",
        " ",
        "\u3000",
        "\n",
        "\n",
        "|",
        "![]()",
        "(huì )",
        "(fā)",
        "(chóng)",
        "Ã©",
        "â€™",
        "\ufffd",
        "锟斤拷",
        "版权所有",
        "分享到",
        "The",
        "news",
        "2.3%",
        "8:30",
        "a",
        "é",
        "\u200b",
        "\t",
        "&amp;",
        "上一篇",
    ]
)
_NEWSY = st.lists(_PIECES, max_size=60).map("".join)
_LINES = st.lists(
    st.sampled_from(
        (CASES / "clean" / "zh-hans.txt").read_text("utf-8").splitlines()
        + (CASES / "clean" / "en.txt").read_text("utf-8").splitlines()
    )
    | _NEWSY,
    max_size=12,
).map("\n".join)


_DEFAULT = Config()


def _assert_idempotent(text: str, config: Config = _DEFAULT) -> None:
    """Cleaning the cleaned text changes nothing."""
    once = clean(text, config).text
    assert clean(once, config).text == once


@_SETTINGS
@given(st.text())
def test_idempotent_on_arbitrary_unicode(text):
    _assert_idempotent(text)


@_SETTINGS
@given(_NEWSY)
@example("上一篇![]()![]()(")  # two images side by side left a space the first run kept
def test_idempotent_on_newsy_fragments(text):
    _assert_idempotent(text)


@_SETTINGS
@given(_LINES)
# Found by the fuzzer: converted to Simplified, this line once read as "Big5 read as GBK" on
# the second pass (CJK strayed among letters counted as evidence for a reading keeping CJK).
@example("會(huì )é會newsnews")
# marks with no word since the last sentence end counted as an end (a mark opening a line, one
# left where an image went, an ASCII mark the punctuation stage widens and splits off)
@example("!版权所有。會。")
@example("版权所有。會。![]()。")
@example("版权所有。會。，!會")
# a closing bracket kept under a line ending in ";" (code), then dropped as debris once the
# punctuation stage had widened that ";" after a Han character to "；"
@example("會;\n)")
@example("會。;\n)")
@example("會  ;\n)")
@example("會,;\n)")
# three rows of a key-value table, a sentence twice, then a fourth row: the doubled sentence
# kept them four lines apart, a table no more; once it was gone the rows made a table
@example(
    "會|會\n會|會\n會|會\n"
    + "The quick brown fox jumped over the lazy dog today.\n" * 2
    + "會\n會|會"
)
# Found by the fuzzer: a key with an image beside it was no table's key until the markdown
# stage had taken the image away; then the rows made a table of four
@example("會|議\n會會|會\n會|會會\n會![]()|會")
def test_idempotent_on_documents(text):
    for config in (Config(), Config(to="zh-hans")):
        _assert_idempotent(text, config)


@_SETTINGS
@given(st.binary())
# Found by the fuzzer: a compatibility ideograph (U+FA01) that NFC made into one a misreading
# explains, judged only on the second pass.
@example(b"\x01\xfa\xe6\xcb\x00\xd5")
# Found by the fuzzer: a backslash before an html2text escape ("\\(" was unescaped to "\(",
# itself unescaped on the next run).
@example(b"\\\\(A.")
# Found by the fuzzer: "Ã" and a tab, which ftfy leaves, became "Ã" and a space, which it reads
# as "à" (the stage flags a line as the whitespace stage will leave it)
@example(b"\xc3\t!")
# Found by the fuzzer: a line of Big5 that reads as cp1252 read as GBK only once the
# punctuation stage has made its final "." a "。" (repaired on the second run)
@example(b"A\xcd\xa2A\xdfD.")
@example(b"A\xcd\xa2A\xdfF.")
def test_decode_never_raises_and_cleans(data):
    text = decode(data)
    assert isinstance(text, str)
    _assert_idempotent(text)


@_SETTINGS
@given(_LINES)
def test_output_shape(text):
    out = clean(text).text
    if out:
        assert out.endswith("\n") and not out.endswith("\n\n")
        assert all(line and line == line.strip() for line in out[:-1].split("\n"))
