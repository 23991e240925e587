"""Batch throughput: a 1,000-file tree cleaned with -j 1 and -j 2 (and the library baseline).

    python bench/bench_batch.py [--files 1000] [--repeat 2] [--jobs 1,2]

Prints, side by side: the library alone in one process (``clean_bytes`` over every file, no
CLI, no writing: the baseline), then ``newsclean fix -j N -o OUT TREE`` for each N — wall time,
MB/s, CPU time (all processes), peak RSS, and the speed-up over -j 1. On a shared machine the
wall times say little; the CPU times say what parallelism costs. It also checks that every N writes the same bytes.
The best of ``--repeat`` runs is kept (the machine may be shared).
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._measure import documents, machine, newsclean, run


def make_tree(root: Path, n: int) -> int:
    texts = documents()
    size = 0
    for i in range(n):
        path = root / f"site{i % 10}" / f"2023-{i % 12 + 1:02d}" / f"{i:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        data = (f"第{i}篇\n" + texts[i % len(texts)]).encode("utf-8")
        path.write_bytes(data)
        size += len(data)
    return size


def digest(root: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file():
            h.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:16]


def baseline(tree: Path) -> float:
    from newsclean import clean_bytes

    files = sorted(p for p in tree.rglob("*.txt"))
    started = time.perf_counter()
    for path in files:
        clean_bytes(path.read_bytes())
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--jobs", default="1,2")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "tree"
        size = make_tree(tree, args.files)
        mb = size / 1e6
        print(f"machine: {machine()}")
        print(f"tree: {args.files:,} files, {mb:.1f} MB")
        base = min(baseline(tree) for _ in range(args.repeat))
        print(f"{'library, 1 process (baseline)':<34} {base:7.2f} s  {mb / base:6.2f} MB/s")
        times: dict[int, float] = {}
        digests = set()
        for jobs in (int(j) for j in args.jobs.split(",")):
            best = None
            for _ in range(args.repeat):
                out = Path(tmp) / f"out{jobs}"
                shutil.rmtree(out, ignore_errors=True)
                m = run(newsclean("fix", "-q", "-j", str(jobs), "-o", str(out), str(tree)))
                assert m.code == 0, m.stderr
                digests.add(digest(out))
                if best is None or m.seconds < best.seconds:
                    best = m
            assert best is not None
            times[jobs] = best.seconds
            speedup = times[min(times)] / best.seconds
            print(
                f"{'newsclean fix -j ' + str(jobs):<34} {best.seconds:7.2f} s  "
                f"{mb / best.seconds:6.2f} MB/s  cpu {best.cpu:6.2f} s  "
                f"peak RSS {best.peak_mb:5.0f} MB  x{speedup:.2f} vs -j {min(times)}"
            )
        print("outputs identical for every -j:", "yes" if len(digests) == 1 else "NO")


if __name__ == "__main__":
    main()
