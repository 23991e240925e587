"""Shared test helpers: paths to the samples, and a CLI runner that shows everything on failure."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
CASES = Path(__file__).resolve().parent / "cases"
SAMPLE = SAMPLES / "000_7692730640d39c1c.txt"


@dataclass
class Run:
    """The outcome of one CLI invocation."""

    code: int
    stdout: bytes
    stderr: str

    @property
    def out(self) -> str:
        return self.stdout.decode("utf-8")

    def expect(self, code: int) -> Run:
        assert self.code == code, (
            f"exit code {self.code}, expected {code}\n--- stdout ---\n{self.out}\n"
            f"--- stderr ---\n{self.stderr}"
        )
        return self


@pytest.fixture
def cli():
    """Run ``newsclean ARGS`` in-process (CliRunner) with optional stdin bytes."""
    from newsclean.cli import main

    def run(*args: str, stdin: bytes | None = None) -> Run:
        runner = CliRunner()
        result = runner.invoke(main, list(args), input=stdin, catch_exceptions=False)
        return Run(result.exit_code, result.stdout_bytes, result.stderr)

    return run


def run_subprocess(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> Run:
    """Run ``python -m newsclean ARGS`` for real, for what CliRunner cannot show."""
    proc = subprocess.run(
        [sys.executable, "-m", "newsclean", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        timeout=120,
        check=False,
    )
    return Run(proc.returncode, proc.stdout, proc.stderr.decode("utf-8", "replace"))
