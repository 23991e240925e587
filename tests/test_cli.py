"""The command line: ways in and out, errors, exit codes, help."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from newsclean import __version__

from .conftest import SAMPLE, run_subprocess

DIRTY = (
    "1月4日,大會(huì )開(kāi)幕,會(huì )議開(kāi)始,會(huì )場(chǎng)熱鬧,會(huì )後散場(chǎng)。\n"
)
CLEANED = "1月4日，大會開幕，會議開始，會場熱鬧，會後散場。\n"


def _tree(root: Path) -> Path:
    (root / "in" / "sub").mkdir(parents=True)
    (root / "in" / "a.txt").write_text(DIRTY, "utf-8")
    (root / "in" / "sub" / "b.txt").write_text(DIRTY, "utf-8")
    (root / "in" / "notes.md").write_text(DIRTY, "utf-8")
    (root / "in" / ".hidden").mkdir()
    (root / "in" / ".hidden" / "c.txt").write_text(DIRTY, "utf-8")
    return root / "in"


def test_stdin_to_stdout(cli):
    assert cli("fix", stdin=DIRTY.encode()).expect(0).out == CLEANED
    assert cli("fix", "-", stdin=DIRTY.encode()).expect(0).out == CLEANED


def test_file_to_stdout(cli, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(DIRTY, "utf-8")
    assert cli("fix", str(path)).expect(0).out == CLEANED
    assert path.read_text("utf-8") == DIRTY  # the input is not touched


def test_to_simplified(cli):
    assert cli("fix", "--to", "simplified", stdin=DIRTY.encode()).expect(0).out == (
        "1月4日，大会开幕，会议开始，会场热闹，会后散场。\n"
    )


def test_output_dir_mirrors_relative_paths(cli, tmp_path):
    src = _tree(tmp_path)
    out = tmp_path / "out"
    cli("fix", "-o", str(out), str(src)).expect(0)
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert written == ["a.txt", "sub/b.txt"]  # *.txt only; hidden folders skipped
    assert (out / "sub" / "b.txt").read_text("utf-8") == CLEANED


def test_in_place_rewrites_and_keeps_permissions(cli, tmp_path):
    src = _tree(tmp_path)
    target = src / "a.txt"
    os.chmod(target, 0o640)
    cli("fix", "-i", str(src)).expect(0)
    assert target.read_text("utf-8") == CLEANED
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert (src / "notes.md").read_text("utf-8") == DIRTY
    assert not list(src.rglob("*.tmp"))


def test_in_place_leaves_unchanged_files_untouched(cli, tmp_path):
    path = tmp_path / "clean.txt"
    path.write_text(CLEANED, "utf-8")
    before = path.stat().st_mtime_ns
    cli("fix", "-i", str(path)).expect(0)
    assert path.stat().st_mtime_ns == before


def test_in_place_write_failure_keeps_the_original(cli, tmp_path, monkeypatch):
    """If writing fails half-way, the original file is intact and no temp file is left."""
    from newsclean.run import files

    path = tmp_path / "a.txt"
    path.write_text(DIRTY, "utf-8")

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", broken_fsync)
    run = cli("fix", "-i", str(path)).expect(123)
    assert "a.txt: error: cannot write: No space left on device" in run.stderr
    assert path.read_text("utf-8") == DIRTY
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_several_inputs_need_an_output(cli, tmp_path):
    src = _tree(tmp_path)
    run = cli("fix", str(src / "a.txt"), str(src / "sub" / "b.txt")).expect(2)
    assert "-o/--output-dir" in run.stderr
    cli("fix", str(src)).expect(2)


def test_usage_errors_exit_2(cli, tmp_path):
    for args in (
        ["fix", "--to", "klingon"],
        ["fix", "--skip", "nonsense"],
        ["fix", "--stages", "encoding,bogus"],
        ["fix", "-i", "-o", str(tmp_path), "x.txt"],
        ["fix", "-i", "-"],
        ["fix", "--encoding", "no-such-codec"],
        ["fix", "--no-such-option"],
    ):
        run = cli(*args, stdin=b"").expect(2)
        assert "Error" in run.stderr, args


def test_output_dir_inside_input_is_refused(cli, tmp_path):
    src = _tree(tmp_path)
    run = cli("fix", "-o", str(src / "clean"), str(src)).expect(2)
    assert "inside input folder" in run.stderr


def test_missing_file_fails_but_the_rest_is_done(cli, tmp_path):
    src = _tree(tmp_path)
    out = tmp_path / "out"
    run = cli("fix", "-o", str(out), str(src / "a.txt"), str(tmp_path / "missing.txt")).expect(123)
    assert f"{tmp_path / 'missing.txt'}: error: no such file" in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1
    assert list(out.rglob("a.txt"))


def test_unreadable_file_is_one_line_error(cli, tmp_path, monkeypatch):
    from newsclean.run import batch

    path = tmp_path / "locked.txt"
    path.write_text(DIRTY)

    def denied(source):
        raise PermissionError(13, "Permission denied", str(source.path))

    monkeypatch.setattr(batch, "read_bytes", denied)
    run = cli("fix", str(path)).expect(123)
    assert run.stderr.strip() == f"{path}: error: permission denied"


def test_diagnostics_format_and_quiet(cli):
    data = "今天天气很好。\n锟斤拷锟斤拷\n".encode()
    run = cli("fix", stdin=data).expect(0)
    assert run.stderr.startswith("<stdin>:2: warning: ")
    assert cli("fix", "-q", stdin=data).expect(0).stderr == ""


def test_stage_selection(cli):
    only_pinyin = cli("fix", "--stages", "pinyin", stdin=DIRTY.encode()).expect(0).out
    assert only_pinyin == "1月4日,大會開幕,會議開始,會場熱鬧,會後散場。\n"
    skip_punct = cli("fix", "--skip", "punctuation", stdin=DIRTY.encode()).expect(0).out
    assert skip_punct == only_pinyin


def test_stages_command_lists_every_stage_in_order(cli):
    out = cli("stages").expect(0).out
    names = [line.split()[0] for line in out.splitlines()]
    assert names == [
        "encoding",
        "pinyin",
        "whitespace",
        "boilerplate",
        "markdown",
        "duplicates",
        "script",
        "punctuation",
    ]


def test_version_and_help(cli):
    assert __version__ in cli("--version").expect(0).out
    help_text = cli("fix", "--help").expect(0).out
    for word in (
        "--to",
        "--stages",
        "--skip",
        "-o, --output-dir",
        "-i, --in-place",
        "Examples",
        "Exit status",
    ):
        assert word in help_text


def test_legacy_encodings_in(cli):
    text = "今天天气很好，我们去公园散步。\n"
    for codec in ("gb18030", "utf-16", "utf-8-sig"):
        assert cli("fix", "-q", stdin=text.encode(codec)).expect(0).out == text
    big5 = "今天天氣很好，我們去公園散步。\n"
    assert cli("fix", "-q", stdin=big5.encode("big5")).expect(0).out == big5
    assert cli("fix", "-q", "--encoding", "big5", stdin=big5.encode("big5")).expect(0).out == big5


def test_python_dash_m_runs_for_real():
    run = run_subprocess("fix", "--to", "zh-hans", str(SAMPLE)).expect(0)
    assert run.out.startswith("市十四届人大一次会议隆重开幕")
    assert "warning" in run.stderr
