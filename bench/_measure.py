"""Shared by the bench scripts: run a command and measure its wall time and peak memory."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


@dataclass
class Measured:
    seconds: float
    cpu: float  # user + system seconds of the process and its (reaped) workers
    peak_mb: float  # the largest resident set of the process or any of its (reaped) workers
    code: int
    stderr: str


def run(args: list[str], stdout: int | None = subprocess.DEVNULL) -> Measured:
    """Run ``args``; time it; peak RSS from wait4 (covers the workers it waited for)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    proc = subprocess.Popen(args, stdout=stdout, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    text = err.decode("utf-8", "replace")
    return Measured(seconds, cpu, usage.ru_maxrss / 1024, proc.returncode, text)


def newsclean(*args: str) -> list[str]:
    return [sys.executable, "-m", "newsclean", *args]


def documents() -> list[str]:
    """News-like documents: the field sample (dirty), its clean outputs, and clean prose."""
    texts = [p.read_text("utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    clean = ROOT / "tests" / "cases" / "clean"
    texts += [p.read_text("utf-8") * 8 for p in sorted(clean.glob("*.txt"))]
    return texts


def machine() -> str:
    model = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} CPUs ({model}); load average {os.getloadavg()[0]:.2f}"
