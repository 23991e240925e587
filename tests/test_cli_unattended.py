"""Where newsclean runs unattended (-i, repositories, CI): nothing it is handed is destroyed.

Binary files refused, diagnostics capped, symlinks written through, outputs that would
overwrite an input refused up front, write errors naming the output.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import run_subprocess
from .test_cli import CLEANED, DIRTY

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81"
    b"\x84\x00\x00\x00\x00IEND\xaeB`\x82"
)


def _elf() -> bytes:
    """The head of a real executable (this Python), as the issue's ``head -c 20000``."""
    with open(os.path.realpath("/proc/self/exe"), "rb") as handle:
        return handle.read(20000)


def _snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.mark.parametrize("mode", ["-i", "-o"])
def test_binary_files_are_refused_and_left_byte_identical(cli, tmp_path, mode):
    src = tmp_path / "src"
    src.mkdir()
    (src / "binary.txt").write_bytes(_elf())
    (src / "image.txt").write_bytes(PNG)
    (src / "good.txt").write_text(DIRTY, "utf-8")
    before = _snapshot(src)
    out = tmp_path / "out"
    args = ["-i"] if mode == "-i" else ["-o", str(out)]
    run = cli("fix", *args, str(src)).expect(123)
    errors = sorted(line for line in run.stderr.splitlines() if ": error: " in line)
    assert errors == [
        f"{src / 'binary.txt'}: error: binary file, not cleaned",
        f"{src / 'image.txt'}: error: binary file, not cleaned",
    ]
    after = _snapshot(src)
    assert after["binary.txt"] == before["binary.txt"]
    assert after["image.txt"] == before["image.txt"]
    if mode == "-i":
        assert after["good.txt"].decode() == CLEANED  # the rest of the batch is cleaned
        assert sorted(after) == sorted(before)  # and no temporary file is left
    else:
        assert sorted(_snapshot(out)) == ["good.txt"]  # nothing written for a binary file


@pytest.mark.parametrize(
    "data",
    [b"GIF89a" + bytes(range(256)), b"%PDF-1.4\n%\xe2\xe3\n1 0 obj", b"PK\x03\x04" + bytes(30)],
)
def test_binary_on_stdin_and_under_check_and_diff(cli, data):
    for args in ((), ("--check",), ("--diff",)):
        run = cli("fix", *args, "-", stdin=data).expect(123)
        assert run.stdout == b""
        assert run.stderr.splitlines()[0] == "<stdin>: error: binary file, not cleaned"


@pytest.mark.parametrize(
    "data",
    [
        "中文新闻。\r\n第二行。\r\n".encode("utf-16-le"),  # UTF-16 without a BOM: NULs are text
        "Plain English news text.\n".encode("utf-32-be"),
        "中文新闻，第二行。\n".encode("gb18030"),
        b"Text with a stray form feed\x0c and an escape \x1b[0m.\n",
        "\u2028odd breaks\x85 kept\n".encode(),
    ],
)
def test_text_with_nul_or_control_bytes_is_not_refused(cli, data):
    run = cli("fix", "--check", "-", stdin=data)
    assert run.code in (0, 1), run.stderr
    assert "binary" not in run.stderr


def test_diagnostics_are_capped_per_file(cli, tmp_path):
    # Every line has lost a character (U+FFFD): one diagnostic each, hundreds for the file.
    path = tmp_path / "damaged.txt"
    path.write_text("".join(f"第{i}行新闻内容\ufffd报道。\n" for i in range(300)), "utf-8")
    run = cli("fix", "--check", str(path))
    warnings = [line for line in run.stderr.splitlines() if ": warning: " in line]
    assert 1 <= len(warnings) <= 20
    notes = [line for line in run.stderr.splitlines() if ": note: " in line]
    assert len(notes) == 1 and "more diagnostic" in notes[0], run.stderr
    everything = cli("fix", "--check", "--max-diagnostics", "0", str(path)).stderr
    assert ": note: " not in everything
    assert len([line for line in everything.splitlines() if ": warning: " in line]) == 300


def test_in_place_writes_through_a_symlink_to_its_target(cli, tmp_path):
    target = tmp_path / "real" / "a.txt"
    target.parent.mkdir()
    target.write_text(DIRTY, "utf-8")
    os.chmod(target, 0o604)
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    cli("fix", "-i", str(link)).expect(0)
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text("utf-8") == CLEANED
    assert oct(target.stat().st_mode & 0o777) == oct(0o604)
    assert sorted(p.name for p in target.parent.iterdir()) == ["a.txt"]  # no temporary file


def test_output_dir_equal_to_the_inputs_folder_is_refused(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("a.txt", "b.txt"):
        Path(name).write_text(DIRTY, "utf-8")
    before = _snapshot(tmp_path)
    run = cli("fix", "-o", ".", "a.txt", "b.txt").expect(2)
    assert "would overwrite the input a.txt" in run.stderr
    assert _snapshot(tmp_path) == before
    # the same through another spelling of the folder
    cli("fix", "-o", str(tmp_path), "a.txt").expect(2)
    # and a report written over an input
    cli("fix", "--check", "--report-file", "a.txt", "a.txt", "b.txt").expect(2)
    assert _snapshot(tmp_path) == before


def test_a_write_error_names_the_output_that_failed(cli, tmp_path):
    src = tmp_path / "in.txt"
    src.write_text(DIRTY, "utf-8")
    blocker = tmp_path / "notadir"
    blocker.write_text("a file, not a folder")
    run = cli("fix", "-o", str(blocker / "sub"), str(src)).expect(123)
    assert run.stderr.strip() == (
        f"{src}: error: cannot write {blocker / 'sub' / 'in.txt'}: Not a directory"
    )


def _page(i: int) -> str:
    # ~40 KB: small files go to the workers in groups of ~1 MB, and a worker finishes the
    # group it holds; the run must span many groups for the signal to fall in its middle.
    return DIRTY * 400 + f"第{i}篇，完。\n"


#: ``python -m newsclean`` as a terminal's foreground job runs it: Ctrl-C at its default. A
#: shell starts a background job with SIGINT ignored, and the job (the suite run as
#: ``pytest &`` included) hands that on: newsclean then rightly runs to its end, as ``nohup``
#: asks, and this test would fail for the way it was started.
_INTERRUPTIBLE = (
    "import runpy, signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
    "sys.argv[0] = 'newsclean'; runpy.run_module('newsclean', run_name='__main__')"
)


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_during_in_place_leaves_every_file_old_or_new(tmp_path, signum):
    """Ctrl-C (to the whole process group, as a terminal sends it) or SIGTERM (to newsclean
    alone, as ``kill`` or a CI timeout sends it) half-way through ``-i``: every file is its
    old or its new self, no temporary file is left, the exit code says which signal."""
    src = tmp_path / "src"
    src.mkdir()
    n = 200
    for i in range(n):
        (src / f"{i:03}.txt").write_text(_page(i), "utf-8")
    clean = tmp_path / "clean"
    run_subprocess("fix", "-q", "--no-learn-boilerplate", "-o", str(clean), str(src)).expect(0)
    expected = _snapshot(clean)
    before = _snapshot(src)
    proc = subprocess.Popen(
        [sys.executable, "-c", _INTERRUPTIBLE, "fix", "-q", "-j", "2", "-i", str(src)],
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if (src / "000.txt").read_bytes() != before["000.txt"]:
            break  # it has started writing
        time.sleep(0.005)
    if signum == signal.SIGINT:
        os.killpg(proc.pid, signum)
    else:
        proc.send_signal(signum)
    _, err = proc.communicate(timeout=60)
    after = _snapshot(src)
    assert sorted(after) == sorted(before), "a temporary file was left behind"
    old = sum(after[name] == before[name] for name in after)
    new = sum(after[name] == expected[name] for name in after)
    assert old + new == n
    assert proc.returncode == 128 + signum, err
    assert b"interrupted" in err and b"Traceback" not in err
    assert old > 0 and new > 0


def test_a_symlink_loop_in_an_input_folder(cli, tmp_path):
    src = tmp_path / "src"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_text(DIRTY, "utf-8")
    (src / "loop.txt").symlink_to(src / "loop.txt")  # a file link to itself
    (src / "sub" / "up").symlink_to(src)  # a folder link to its parent: not followed
    run = cli("fix", "-i", str(src)).expect(123)
    loop = src / "loop.txt"
    assert run.stderr.strip() == f"{loop}: error: cannot read: Too many levels of symbolic links"
    assert (src / "a.txt").read_text("utf-8") == CLEANED
    assert (src / "loop.txt").is_symlink()


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file away")
def test_in_place_keeps_the_owner(cli, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(DIRTY, "utf-8")
    os.chown(path, 4321, 4322)
    cli("fix", "-i", str(path)).expect(0)
    info = path.stat()
    assert (info.st_uid, info.st_gid) == (4321, 4322)
    assert path.read_text("utf-8") == CLEANED
