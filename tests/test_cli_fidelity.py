"""Under -i a file keeps what the user did not ask to change: line endings and encoding."""

from __future__ import annotations

import pytest

from .test_cli import CLEANED, DIRTY

CLEAN_GBK_CRLF = "国务院召开会议，讨论预算。\r\n会议由总理主持。\r\n".encode("gbk")


def test_a_crlf_big5_file_under_in_place_keeps_crlf_and_big5(cli, tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(DIRTY.replace("\n", "\r\n").encode("big5hkscs"))
    cli("fix", "-i", str(path)).expect(0)
    assert path.read_bytes() == CLEANED.replace("\n", "\r\n").encode("big5hkscs")


def test_gbk_crlf_round_trip(cli, tmp_path):
    path = tmp_path / "g.txt"
    dirty = "国务院召开会议,讨论预算。\r\n会议由总理主持。\r\n"
    path.write_bytes(dirty.encode("gbk"))
    cli("fix", "-i", str(path)).expect(0)
    assert path.read_bytes() == CLEAN_GBK_CRLF  # cleaned (the comma), still GBK and CRLF
    cli("fix", "--check", str(path)).expect(0)  # and now nothing would change
    before = path.stat().st_mtime_ns
    cli("fix", "-i", str(path)).expect(0)
    assert path.stat().st_mtime_ns == before  # not even rewritten


def test_asked_for_utf8_and_lf(cli, tmp_path):
    path = tmp_path / "g.txt"
    path.write_bytes(CLEAN_GBK_CRLF)
    cli("fix", "-i", "--to-utf8", "--line-endings", "lf", str(path)).expect(0)
    assert path.read_bytes() == CLEAN_GBK_CRLF.decode("gbk").replace("\r\n", "\n").encode()


def test_output_dir_writes_utf8_and_lf_by_default(cli, tmp_path):
    path = tmp_path / "g.txt"
    path.write_bytes(CLEAN_GBK_CRLF)
    out = tmp_path / "out"
    cli("fix", "-o", str(out), str(path)).expect(0)
    assert (out / "g.txt").read_bytes() == CLEAN_GBK_CRLF.decode("gbk").replace(
        "\r\n", "\n"
    ).encode()


@pytest.mark.parametrize(
    ("flags", "reason"),
    [
        (("--to-utf8",), "only its encoding (gb18030 -> utf-8)"),
        (("--line-endings", "lf"), "only its line endings (CRLF -> LF)"),
        (
            ("--to-utf8", "--line-endings", "lf"),
            "only its encoding (gb18030 -> utf-8) and line endings (CRLF -> LF)",
        ),
    ],
)
def test_check_and_diff_say_why_when_only_encoding_or_line_endings_change(
    cli, tmp_path, flags, reason
):
    path = tmp_path / "g.txt"
    path.write_bytes(CLEAN_GBK_CRLF)
    cli("fix", "--check", str(path)).expect(0)  # kept as it is: nothing would change
    run = cli("fix", "--check", *flags, str(path)).expect(1)
    assert f"would change {path} ({reason})" in run.stderr
    run = cli("fix", "--diff", *flags, str(path)).expect(0)
    assert f"{path}: note: would change {reason}" in run.stderr
    assert run.stdout == b""  # no text to diff


def test_a_byte_order_mark_is_kept(cli, tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + DIRTY.encode())
    cli("fix", "-i", str(path)).expect(0)
    assert path.read_bytes() == b"\xef\xbb\xbf" + CLEANED.encode()
    path.write_bytes("Plain text.\r\n".encode("utf-16"))
    cli("fix", "--check", str(path)).expect(0)


def test_text_a_code_page_cannot_hold_is_written_as_utf8_and_said(cli, tmp_path):
    path = tmp_path / "cp.txt"
    # cp1252 text with UTF-8 mojibake in it: the repair gives characters cp1252 lacks
    path.write_bytes(b"Caf\xe9 menu: \xe4\xb8\xad\xe6\x96\x87 here and more words to read.\n")
    run = cli("fix", "--check", str(path)).expect(1)
    reason = "written as utf-8: the cleaned text has characters cp1252 cannot encode"
    assert f"would change {path} ({reason})" in run.stderr
    cli("fix", "-i", str(path)).expect(0)
    assert path.read_bytes().decode("utf-8").startswith("Café menu: ")
