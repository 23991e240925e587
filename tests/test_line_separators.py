"""Lines break at ``\\n``, ``\\r\\n`` and ``\\r`` only: what else :meth:`str.splitlines` breaks
at is text inside a line (mojibake is full of it), kept, repaired or reported."""

from __future__ import annotations

import os
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsclean import Config, Doc, clean
from newsclean.model import IN_LINE_SEPARATORS

_SETTINGS = settings(
    max_examples=int(os.environ.get("NEWSCLEAN_FUZZ_EXAMPLES", "300")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
_ENDINGS = re.compile(r"\r\n|\r|\n")


@pytest.mark.parametrize("sep", list(IN_LINE_SEPARATORS))
def test_a_separator_does_not_split_a_line(sep: str) -> None:
    text = f"第一行{sep}还是第一行\n第二行 second line\n"
    assert Doc.from_text(text).lines == (f"第一行{sep}还是第一行", "第二行 second line")


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"])
def test_the_three_line_endings(ending: str) -> None:
    assert Doc.from_text(f"a{ending}b{ending}").lines == ("a", "b")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # U+0085 in mojibake: the C1 control is a byte of the character, repaired with it.
        ("Ã\x85ngstr\u00f6m is a unit of length.\n", "Ångström is a unit of length.\n"),
        ("Wait\x85 what?\n", "Wait… what?\n"),  # cp1252's … read as Latin-1
        # UTF-8 Chinese read as Latin-1: 全 is E5 85 A8, its 0x85 a NEL (it was split here).
        ("全部新闻都在这里。".encode().decode("latin-1") + "\n", "全部新闻都在这里。\n"),
        # U+2028 and U+2029 are kept where they are (and reported).
        ("Line one\u2028line two\nNext\n", "Line one\u2028line two\nNext\n"),
        ("段落一\u2029段落二\n", "段落一\u2029段落二\n"),
    ],
)
def test_encoding_stage_sees_the_whole_line(text: str, expected: str) -> None:
    assert clean(text, Config(stages=("encoding",))).text == expected


@pytest.mark.parametrize("sep", ["\u2028", "\u2029", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e"])
def test_separators_left_in_the_output_are_reported(sep: str) -> None:
    """A stage that leaves them (here ``pinyin``): the pipeline reports each kept one."""
    result = clean(f"first\nsecond{sep}half\n", Config(stages=("pinyin",)))
    assert result.text == f"first\nsecond{sep}half\n"
    (note,) = result.diagnostics
    assert (note.line, note.kind, note.severity) == (2, "in-line-separator", "info")
    assert f"U+{ord(sep):04X}" in note.message


@pytest.mark.parametrize("sep", ["\u2028", "\u2029", "\x0c"])
def test_the_encoding_stage_keeps_separators_and_they_are_reported(sep: str) -> None:
    result = clean(f"first\nsecond{sep}half\n", Config(stages=("encoding",)))
    assert result.text == f"first\nsecond{sep}half\n"
    assert [d.kind for d in result.diagnostics] == ["in-line-separator"]


@pytest.mark.parametrize("sep", ["\x0b", "\x1c", "\x1d", "\x1e"])
def test_the_encoding_stage_removes_c0_controls_as_ftfy_does(sep: str) -> None:
    result = clean(f"first\nsecond{sep}half\n", Config(stages=("encoding",)))
    assert result.text == "first\nsecondhalf\n"
    assert [(c.stage, c.line) for c in result.changes] == [("encoding", 2)]


def test_nel_is_reported_once_as_damage_when_the_encoding_stage_runs() -> None:
    result = clean("a\x85\x85b\n", Config(stages=("encoding",)))
    kinds = [d.kind for d in result.diagnostics]
    assert "in-line-separator" not in kinds
    assert clean("a\x85b\n", Config(stages=("pinyin",))).diagnostics[0].kind == (
        "in-line-separator"
    )


def test_whitespace_stage_removes_the_c0_separators() -> None:
    """Documented behaviour of the ``whitespace`` stage: C0 controls go (nothing to report)."""
    result = clean("a\x0bb\x1cc\n", Config(stages=("whitespace",)))
    assert result.text == "abc\n" and not result.diagnostics


_LINE = st.text(
    alphabet=st.sampled_from(["a", "字", " ", "Ã", "\x85", *IN_LINE_SEPARATORS]),
    max_size=12,
)


@_SETTINGS
@given(st.lists(_LINE, max_size=6), st.sampled_from(["\n", "\r\n", "\r"]))
def test_lines_are_the_pieces_between_line_endings(lines: list[str], ending: str) -> None:
    text = ending.join(lines)
    expected = tuple(p for p in _ENDINGS.split(text) if p and not p.isspace())
    assert Doc.from_text(text).lines == expected


@_SETTINGS
@given(st.lists(_LINE, min_size=1, max_size=6))
def test_no_stage_splits_a_line_at_a_separator(lines: list[str]) -> None:
    text = "\n".join(lines)
    out = clean(text).text
    assert out.count("\n") <= len([p for p in lines if p and not p.isspace()])
    assert "\r" not in out
