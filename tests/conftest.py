"""Shared test helpers: paths to the samples, and a CLI runner that shows everything on failure."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import settings

# The property tests draw the same examples on every run (seeded from each test), so that the
# suite and CI give the same answer twice; the long run (NEWSCLEAN_FUZZ_EXAMPLES=N, see the
# README) draws new ones every time. Loaded here, before the test modules build their settings.
settings.register_profile("newsclean", derandomize="NEWSCLEAN_FUZZ_EXAMPLES" not in os.environ)
settings.load_profile("newsclean")

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
