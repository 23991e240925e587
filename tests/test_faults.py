"""The hardened fault suite: whatever it is handed, newsclean never shows a traceback.

Sizes are bounded for CI; the long run sets ``NEWSCLEAN_FAULTS=long`` (10,000 fuzzed byte
strings through the CLI and through the library, 1 MB adversarial lines, 1M tiny lines).
"""

from __future__ import annotations

import os
import random
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsclean
from newsclean import Config

from .conftest import run_subprocess
from .fuzzbytes import corpus, fuzz_bytes

LONG = os.environ.get("NEWSCLEAN_FAULTS") == "long"
N_FUZZ = 10_000 if LONG else 600
LINE = (1 << 20) if LONG else (64 << 10)
TINY_LINES = 1_000_000 if LONG else 100_000


def test_fuzzed_bytes_through_the_cli_and_the_library(tmp_path):
    data = corpus(N_FUZZ)
    for item in data:  # the library: never an exception, on bytes as on str
        newsclean.clean(item)
        newsclean.clean(item.decode("utf-8", "surrogateescape"), Config(to="zh-hans"))
    src = tmp_path / "in"
    src.mkdir()
    for i, item in enumerate(data):
        (src / f"{i:05}.txt").write_bytes(item)
    run = run_subprocess(
        "fix", "-q", "-j", "2", "--to", "zh-hans", "-o", str(tmp_path / "out"), str(src)
    )
    assert run.code in (0, 123)
    assert "Traceback" not in run.stderr and "internal error" not in run.stderr
    # every input is either written or refused with one line naming it
    refused = {line.split(": error: ")[0] for line in run.stderr.splitlines()}
    written = {p.name for p in (tmp_path / "out").iterdir()}
    assert len(written) + len(refused) == N_FUZZ
    assert all(
        line.endswith(": error: binary file, not cleaned") for line in run.stderr.splitlines()
    )


@settings(
    max_examples=2_000 if LONG else 150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(st.one_of(st.binary(max_size=300), st.randoms().map(fuzz_bytes)))
def test_hypothesis_bytes_through_the_cli(cli_bytes, data):
    run = cli_bytes(data)
    assert run.exit_code in (0, 123), run.output
    assert run.exception is None or isinstance(run.exception, SystemExit)


@pytest.fixture(scope="module")
def cli_bytes():
    from click.testing import CliRunner

    from newsclean.cli import main

    runner = CliRunner()

    def run(data: bytes):
        return runner.invoke(main, ["fix", "-q", "-"], input=data, catch_exceptions=True)

    return run


ADVERSARIAL = {
    "pipes": "|",
    "parens": "(",
    "fullwidth parens": "（",
    "markdown link starts": "[](",
    "brackets": "[",
    "pinyin run": "zhōng guó rén mín ",
    "annotations": "中(zhōng)",
    "CJK without punctuation": "中文新闻报道内容",
    "one long word": "a",
    "spaces": " x",
    "url": "http://a/",
}


@pytest.mark.parametrize("unit", list(ADVERSARIAL.values()), ids=list(ADVERSARIAL))
def test_regexes_stay_linear_on_long_adversarial_lines(unit):
    """A regex that backtracks on a long line would take minutes (the "[](" case did, before
    its spans were bounded): the timeout in the subprocess is a crash detector, not a
    benchmark (bench/ measures speed)."""
    code = (
        "import sys, newsclean\n"
        f"text = {unit!r} * ({LINE} // len({unit!r}.encode()))\n"
        "newsclean.clean(text, newsclean.Config(to='zh-hans'))\n"
        "newsclean.clean(text + '\\n' + text)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, timeout=120, check=False
    )
    assert proc.returncode == 0, proc.stderr.decode()


def test_a_million_tiny_lines(tmp_path):
    path = tmp_path / "tiny.txt"
    path.write_bytes(b"".join(b"%d\xe8\xa1\x8c\n" % (i % 10) for i in range(TINY_LINES)))
    run = run_subprocess("fix", "-q", "--check", str(path))
    assert run.code in (0, 1) and "Traceback" not in run.stderr


def test_an_unreadable_file_is_one_error_and_the_rest_is_cleaned(cli, tmp_path, monkeypatch):
    """CI runs as root, which reads any file: the PermissionError is faked where files are read."""
    from newsclean.run import batch

    from .test_cli import CLEANED, DIRTY

    locked, other = tmp_path / "locked.txt", tmp_path / "other.txt"
    for path in (locked, other):
        path.write_text(DIRTY, "utf-8")
    real = batch.read_bytes

    def read_bytes(source):
        if source.path == locked:
            raise PermissionError(13, "Permission denied", str(locked))
        return real(source)

    monkeypatch.setattr(batch, "read_bytes", read_bytes)
    run = cli("fix", "-j", "1", "-i", str(locked), str(other)).expect(123)
    assert run.stderr.strip() == f"{locked}: error: permission denied"
    assert other.read_text("utf-8") == CLEANED and locked.read_text("utf-8") == DIRTY


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
def test_dev_full_as_stdout(tmp_path):
    from .test_cli import DIRTY

    path = tmp_path / "a.txt"
    path.write_text(DIRTY * 2000, "utf-8")
    with open("/dev/full", "wb") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "newsclean", "fix", str(path)],
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=120,
            check=False,
        )
    err = proc.stderr.decode()
    assert proc.returncode == 123
    assert err.strip() == f"{path}: error: cannot write <stdout>: No space left on device"


def test_a_closed_pipe_stops_the_run_quietly(tmp_path):
    from .test_cli import DIRTY

    for i in range(5):
        (tmp_path / f"{i}.txt").write_text(DIRTY * 3000, "utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsclean", "fix", "-j", "1", "--diff", str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(100)  # `| head -c 100`
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait(timeout=120)
    assert proc.returncode == 141  # 128 + SIGPIPE, as `cmd | head` expects
    assert err == "" and "Traceback" not in err


def test_fuzz_corpus_is_deterministic():
    assert corpus(50) == corpus(50)
    assert fuzz_bytes(random.Random(1)) == fuzz_bytes(random.Random(1))
