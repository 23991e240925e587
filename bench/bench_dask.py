"""Dask against the local engine: ≥ 100,000 small documents, local -j 1, -j 2 and Dask.

    python bench/bench_dask.py [--docs 100000] [--workers 2] [--format text|jsonl] [--no-learn]

Builds a crawl-shaped input of ``--docs`` small documents — the shared newsbench documents
(``../shared/newsbench-public/docs``, 2.2 KB on average, every one damaged) replicated with a
line that makes each copy distinct, else the bench documents cut to ~2 KB — as a tree of text
files (or one JSONL file), then runs in one go, on the same input:

* ``newsclean fix -j 1 -o OUT IN`` and ``-j 2`` (the local engine);
* ``newsclean fix --engine dask -j 2 -o OUT IN`` (a LocalCluster of 2 worker processes, started
  and stopped by the command: its start-up is in the time).

For each: wall time, documents/s, MB/s, CPU time of the whole process tree, peak RSS of the whole process tree (sampled every
0.1 s: the parent, the pool's workers, Dask's nannies, workers and scheduler), and the ratio to
``-j 2``; it checks that every run wrote the same bytes. Site learning is on (the default for a
folder of text files; ``--no-learn`` turns it off). The machine may be shared: timings are
noisy, and the load average is printed.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._measure import ROOT, documents, machine, newsclean

NEWSBENCH = ROOT.parent / "shared" / "newsbench-public" / "docs"


def sources() -> list[str]:
    if NEWSBENCH.is_dir():
        return [p.read_text("utf-8", "replace") for p in sorted(NEWSBENCH.glob("*.txt"))]
    return [text[:2000] for text in documents()]


def make_input(root: Path, n: int, fmt: str) -> tuple[Path, int]:
    texts = sources()
    size = 0
    if fmt == "jsonl":
        root.mkdir(parents=True, exist_ok=True)
        path = root / "crawl.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for i in range(n):
                line = json.dumps(
                    {"id": i, "text": f"第{i}篇\n" + texts[i % len(texts)]}, ensure_ascii=False
                )
                out.write(line + "\n")
        return path, path.stat().st_size
    for i in range(n):
        path = root / f"site{i % 20:02d}" / f"{i // 1000:03d}" / f"{i:06d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        data = (f"第{i}篇\n" + texts[i % len(texts)]).encode("utf-8")
        path.write_bytes(data)
        size += len(data)
    return root, size


@dataclass
class Result:
    seconds: float
    cpu: float  # user + system seconds of the whole tree (every process it reaped)
    peak_mb: float
    code: int
    stderr: str


def measure(args: list[str]) -> Result:
    """Run ``args``: wall and CPU time, and the peak of the summed RSS of its process tree."""
    import psutil

    started = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    parent = psutil.Process(proc.pid)
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            total = 0
            with contextlib.suppress(psutil.Error):
                for p in [parent, *parent.children(recursive=True)]:
                    with contextlib.suppress(psutil.Error):
                        total += p.memory_info().rss
            peak[0] = max(peak[0], total)
            done.wait(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    code = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    return Result(seconds, cpu, peak[0] / 1e6, code, err.decode("utf-8", "replace"))


def digests(root: Path) -> dict[str, str]:
    """Each output file's digest by its path under ``root``."""
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()[:16]
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def differences(a: dict[str, str], b: dict[str, str]) -> list[str]:
    """The paths whose presence or contents differ between two runs."""
    return sorted(p for p in a.keys() | b.keys() if a.get(p) != b.get(p))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--format", choices=["text", "jsonl"], default="text")
    parser.add_argument("--no-learn", action="store_true")
    args = parser.parse_args()
    print(machine())
    with tempfile.TemporaryDirectory(prefix="bench-dask-") as tmp:
        root = Path(tmp)
        started = time.perf_counter()
        src, size = make_input(root / "in", args.docs, args.format)
        print(
            f"input: {args.docs:,} documents, {size / 1e6:.1f} MB ({args.format}), "
            f"made in {time.perf_counter() - started:.1f} s"
        )
        extra = ["--no-learn-boilerplate"] if args.no_learn else []
        runs = [
            ("local -j 1", ["-j", "1"]),
            (f"local -j {args.workers}", ["-j", str(args.workers)]),
            (f"dask {args.workers} workers", ["--engine", "dask", "-j", str(args.workers)]),
        ]
        rows = []
        outputs: list[dict[str, str]] = []
        for name, flags in runs:
            out = root / "out"
            shutil.rmtree(out, ignore_errors=True)
            r = measure(newsclean("fix", "-q", *flags, *extra, "-o", str(out), str(src)))
            if r.code != 0:
                print(f"{name}: exit {r.code}\n{r.stderr}")
                sys.exit(1)
            outputs.append(digests(out))
            rows.append((name, r))
        base, cpu_base = rows[1][1].seconds, rows[1][1].cpu
        head = f"vs -j {args.workers}"
        print(
            f"{'run':<18} {'wall s':>7} {'docs/s':>7} {'MB/s':>6} {head:>8} "
            f"{'CPU s':>7} {'CPU vs':>7} {'peak RSS MB':>12}"
        )
        for name, r in rows:
            print(
                f"{name:<18} {r.seconds:7.1f} {args.docs / r.seconds:7,.0f} "
                f"{size / 1e6 / r.seconds:6.2f} {base / r.seconds:7.2f}x "
                f"{r.cpu:7.1f} {cpu_base / r.cpu:6.2f}x {r.peak_mb:12.0f}"
            )
        same = True
        for (name, _), files in zip(rows[1:], outputs[1:], strict=True):
            diff = differences(outputs[0], files)
            if diff:
                same = False
                shown = ", ".join(diff[:5]) + (" …" if len(diff) > 5 else "")
                print(f"{name} differs from {rows[0][0]} in {len(diff)} file(s): {shown}")
        print("outputs identical:", same)


if __name__ == "__main__":
    main()
