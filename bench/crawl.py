"""A crawl-shaped benchmark in one command: many pages of 2–50 KB, newsclean beside its baselines.

    python bench/crawl.py                  # build the three corpora if needed, measure, print
    python bench/crawl.py --quick          # a tenth of the size, for iterating
    python bench/crawl.py --scale 0.3 --only a,b --repeat 2

Corpora (built once under ``--dir``, default ``/tmp/newsclean-crawl``):

* (a) ``real``: the shared realbench inputs (every set, both the ``input`` and the ``input_plain``
  field, each a .txt file), copied into ``copyN/`` folders until the corpus is ≥ 50 MB;
* (b) ``newsbench``: ``newsbench-public/docs`` copied into ``copyNN/`` folders until ≥ 20,000
  documents (every one damaged, avg 2.2 KB);
* (c) ``clean``: a generated crawl of ~50 MB: pages of 2–50 KB (log-uniform), 90% clean prose, 10%
  with site furniture, pinyin leaks, narrowed punctuation, mojibake, doubled bodies
  (:mod:`bench.corpus`'s generators); two thirds Chinese, one third English;
* (d) ``distinct`` (only with ``--only d``): the realbench pages copied until ≥ 20,000 documents
  (≥ 5,000 with ``--quick``), each copy's short lines marked as its own: a crawl of distinct
  pages, where what the parent keeps per distinct line (the site learner's table) shows.

For each corpus, every figure is a fresh process timed whole (start-up included), in one run:

* ``floor``: read bytes, decode UTF-8, encode, write a file per input under a temp folder;
* ``naive``: the ten-line pipeline a user would write: ``ftfy.fix_text`` (defaults), OpenCC
  ``t2s``, exact duplicate line removal, one output file per input;
* ``newsclean fix -q -o DIR --to zh-hans -j N`` with site learning (the default for a folder of
  pages) and with ``--no-learn-boilerplate``.

Peak memory is measured two ways: the largest single process (``ru_maxrss`` of the run and its
reaped workers), and the sum over the process tree (``tree``: parent + workers, sampled every
50 ms from ``/proc``; shared copy-on-write pages are counted once per process, so it
over-states). The machine has few cores and may be shared: ratios measured in the same run are
what to read, and ``--repeat`` keeps the fastest of N runs of each newsclean figure.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared"
REALBENCH = SHARED / "realbench" / "data"
NEWSBENCH = SHARED / "newsbench-public" / "docs"
CORPORA = {"a": "real", "b": "newsbench", "c": "clean", "d": "distinct"}


# --- the corpora ---------------------------------------------------------------------------


def _real_pages() -> list[tuple[str, bytes]]:
    pages = []
    for path in sorted(REALBENCH.glob("*.jsonl.gz")):
        name = path.name.removesuffix(".jsonl.gz")
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                for field in ("input", "input_plain"):
                    text = record.get(field)
                    if text:
                        pages.append((f"{name}-{field}/{record['id']}.txt", text.encode("utf-8")))
    return pages


def _replicate(
    out: Path,
    pages: list[tuple[str, bytes]],
    min_bytes: int,
    min_docs: int,
    own: Callable[[bytes, int], bytes] | None = None,
) -> None:
    """``pages`` copied into ``copyNN/`` folders until ``min_bytes`` and ``min_docs``; with
    ``own``, each page as ``own(page, copy)`` makes it."""
    size = docs = copy = 0
    while size < min_bytes or docs < min_docs:
        for rel, data in pages:
            target = out / f"copy{copy:02d}" / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(own(data, copy) if own else data)
            size += len(data)
            docs += 1
        copy += 1


def _clean_crawl(out: Path, min_bytes: int, seed: int = 13) -> None:
    sys.path.insert(0, str(HERE))
    import corpus as gen
    import opencc

    s2t = opencc.OpenCC("s2t.json").convert
    rng = random.Random(seed)
    size = i = 0
    while size < min_bytes:
        lang = rng.choice(("zh-hans", "zh-hans", "zh-hans", "zh-hant", "en", "en"))
        dirty = rng.random() < 0.1
        target = int(math.exp(rng.uniform(math.log(2_000), math.log(50_000))))
        lines = gen._lines(rng, lang, int(target * 0.8), dirty, s2t)
        data = ("\n".join(lines) + "\n").encode("utf-8")[: target + 4000]
        data = data.decode("utf-8", "ignore").encode("utf-8")
        site = f"site{i % 40:02d}"
        path = out / site / f"{'dirty' if dirty else 'page'}{i:06d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        size += len(data)
        i += 1


#: Common characters, two of which mark a copy's short lines in the distinct corpus (d).
_MARKS = "的一是在不了有和人这中大为上个国我以要他"


def _marked(data: bytes, copy: int) -> bytes:
    """A page with every short line (under 80 characters: the lines the site learner keys)
    marked as copy ``copy``'s own, for the distinct corpus (d)."""
    mark = " " + _MARKS[copy // len(_MARKS) % len(_MARKS)] + _MARKS[copy % len(_MARKS)]
    lines = data.decode("utf-8").split("\n")
    lines = [line + mark if line.strip() and len(line) < 80 else line for line in lines]
    return "\n".join(lines).encode("utf-8")


def build(folder: Path, scale: float, only: str = "abc") -> dict[str, Path]:
    """The corpora ``only`` names under ``folder`` (built if missing; a marker file says they
    are whole)."""
    out = {}
    for letter, name in CORPORA.items():
        if letter not in only:
            continue
        target = folder / f"{name}-{scale:g}"
        out[letter] = target
        if (target / ".done").exists():
            continue
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir(parents=True)
        print(f"building corpus ({letter}) {name} under {target} ...", file=sys.stderr, flush=True)
        if name == "real":
            _replicate(target, _real_pages(), int(50e6 * scale), 0)
        elif name == "newsbench":
            pages = [(p.name, p.read_bytes()) for p in sorted(NEWSBENCH.glob("*.txt"))]
            _replicate(target, pages, 0, int(20_000 * scale))
        elif name == "distinct":
            _replicate(target, _real_pages(), 0, max(5_000, int(20_000 * scale)), _marked)
        else:
            _clean_crawl(target, int(50e6 * scale))
        (target / ".done").write_text("")
    return out


def _inputs(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.txt"))


# --- the baselines, run in a child process (``--baseline KIND FOLDER OUT``) ------------------


def _floor(paths: list[Path], out: Path) -> None:
    for i, path in enumerate(paths):
        data = path.read_bytes()
        (out / f"{i}.txt").write_bytes(data.decode("utf-8", "replace").encode("utf-8"))


def _naive(paths: list[Path], out: Path) -> None:
    import ftfy
    import opencc

    t2s = opencc.OpenCC("t2s.json")
    for i, path in enumerate(paths):
        text = t2s.convert(ftfy.fix_text(path.read_bytes().decode("utf-8", "replace")))
        seen: set[str] = set()
        kept = []
        for line in text.split("\n"):
            if line.strip() and line not in seen:
                seen.add(line)
                kept.append(line)
        (out / f"{i}.txt").write_text("\n".join(kept) + "\n", "utf-8")


# --- measuring -----------------------------------------------------------------------------


@dataclass
class Measured:
    seconds: float
    cpu: float  # user + system seconds, the reaped workers included
    parent_cpu: float  # user + system seconds of the parent process alone (last sample)
    largest_mb: float  # the largest single process
    tree_mb: float  # the largest sum of RSS over the process tree, sampled
    pss_mb: float  # the largest sum of PSS (shared pages split between their processes)
    code: int
    stderr: str
    #: The CPU seconds of the busiest worker of each pool, summed over the pools (a run that
    #: learns has two): with the parent's, the least wall time the run could take on an idle
    #: machine with enough cores — a figure the other users of a shared machine do not move.
    busiest_cpu: float = 0.0

    @property
    def critical_cpu(self) -> float:
        return self.parent_cpu + self.busiest_cpu if self.busiest_cpu else self.cpu


def _cpu_s(pid: int, ticks: int) -> float | None:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            fields = handle.read().rpartition(")")[2].split()
        return (int(fields[11]) + int(fields[12])) / ticks
    except (OSError, IndexError, ValueError):
        return None


def _busiest(workers: dict[int, tuple[float, float, float]]) -> float:
    """Sum over the pools (workers alive at the same time) of the busiest worker's CPU."""
    total, pool_end, pool_max = 0.0, -1.0, 0.0
    for cpu, first, last in sorted(workers.values(), key=lambda w: w[1]):
        if first > pool_end:  # a pool that starts after every earlier worker ended
            total, pool_max = total + pool_max, 0.0
        pool_end = max(pool_end, last)
        pool_max = max(pool_max, cpu)
    return total + pool_max


def _children(pid: int) -> list[int]:
    out = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                out += [int(c) for c in handle.read().split()]
    except OSError:
        pass
    return out


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as handle:
            return int(handle.read().split()[1]) * (os.sysconf("SC_PAGE_SIZE") // 1024)
    except (OSError, IndexError, ValueError):
        return 0


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _tree_kb(root: int) -> tuple[int, int]:
    """(RSS, PSS) summed over the process tree."""
    rss = pss = 0
    stack = [root]
    while stack:
        pid = stack.pop()
        rss += _rss_kb(pid)
        pss += _pss_kb(pid)
        stack += _children(pid)
    return rss, pss


def run(args: list[str]) -> Measured:
    """Run ``args`` (a fresh process), timed whole, with its peak memory."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    proc = subprocess.Popen(
        args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=ROOT
    )
    peak = [0, 0]
    parent_cpu = [0.0]
    workers: dict[int, tuple[float, float, float]] = {}  # pid: (cpu, first seen, last seen)
    stop = threading.Event()
    ticks = os.sysconf("SC_CLK_TCK")

    def sample() -> None:
        while not stop.wait(0.05):
            rss, pss = _tree_kb(proc.pid)
            peak[0], peak[1] = max(peak[0], rss), max(peak[1], pss)
            cpu = _cpu_s(proc.pid, ticks)
            if cpu is not None:
                parent_cpu[0] = cpu
            now = time.perf_counter()
            for child in _children(proc.pid):
                cpu = _cpu_s(child, ticks)
                if cpu is not None:
                    workers[child] = (cpu, workers.get(child, (0, now, 0))[1], now)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    stop.set()
    sampler.join()
    code = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    text = err.decode("utf-8", "replace")
    return Measured(
        seconds,
        cpu,
        parent_cpu[0],
        usage.ru_maxrss / 1024,
        peak[0] / 1024,
        peak[1] / 1024,
        code,
        text,
        _busiest(workers),
    )


def _newsclean(folder: Path, out: Path, jobs: int, learn: bool, extra: list[str]) -> list[str]:
    cmd = [sys.executable, "-m", "newsclean", "fix", "-q", "-j", str(jobs), "-o", str(out)]
    cmd += ["--to", "zh-hans", *extra]
    if not learn:
        cmd.append("--no-learn-boilerplate")
    return [*cmd, str(folder)]


def measure(
    folder: Path, jobs_list: list[int], repeat: int, extra: list[str]
) -> dict[str, Measured]:
    """Every figure for one corpus, in one run. Newsclean figures keep the fastest of ``repeat``."""
    results: dict[str, Measured] = {}
    with tempfile.TemporaryDirectory(prefix="nc-crawl-") as tmp:
        for kind in ("floor", "naive"):
            out = Path(tmp) / kind
            out.mkdir()
            cmd = [
                sys.executable,
                str(Path(__file__).resolve()),
                "--baseline",
                kind,
                str(folder),
                str(out),
            ]
            print(f"  {kind} ...", file=sys.stderr, flush=True)
            results[kind] = run(cmd)
            shutil.rmtree(out)
        for _ in range(repeat):  # interleaved, so that load hits every figure alike
            for jobs in jobs_list:
                for learn in (True, False):
                    name = f"j{jobs}" + ("" if learn else "-nolearn")
                    out = Path(tmp) / name
                    print(f"  newsclean {name} ...", file=sys.stderr, flush=True)
                    m = run(_newsclean(folder, out, jobs, learn, extra))
                    if m.code not in (0, 1):
                        print(m.stderr[-2000:], file=sys.stderr)
                    if name not in results or m.seconds < results[name].seconds:
                        results[name] = m
                    shutil.rmtree(out, ignore_errors=True)
    return results


STAGES = ("encoding", "pinyin", "whitespace", "boilerplate", "duplicates", "script", "punctuation")


def breakdown(folder: Path) -> list[str]:
    """Where a document's time goes: ``-j 1`` with no stage (start-up, read, decode, the
    document's objects, the output file), then each stage alone, then all with and without
    site learning; CPU milliseconds a document, and beyond the run with no stage (CPU time,
    not wall: on a shared machine it is the steadier of the two)."""
    paths = _inputs(folder)
    rows = [
        "| newsclean -j 1 --to zh-hans | wall s | cpu s | cpu ms/doc | over no stage |",
        "|---|---:|---:|---:|---:|",
    ]
    runs: list[tuple[str, list[str], bool]] = [("no stage", ["--stages", ""], False)]
    runs += [(f"{stage} alone", ["--stages", stage], False) for stage in STAGES]
    runs += [("all stages, no learning", [], False), ("all stages, site learning", [], True)]
    base = None
    with tempfile.TemporaryDirectory(prefix="nc-crawl-") as tmp:
        for label, extra, learn in runs:
            out = Path(tmp) / "out"
            m = run(_newsclean(folder, out, 1, learn, extra))
            shutil.rmtree(out, ignore_errors=True)
            per_doc = m.cpu * 1e3 / len(paths)
            base = per_doc if base is None else base
            rows.append(
                f"| {label} | {m.seconds:.1f} | {m.cpu:.1f} | {per_doc:.2f} | {per_doc - base:+.2f} |"
            )
    return rows


def _spin(queue: Any) -> None:
    started = time.process_time()
    table: dict[int, int] = {}
    total = 0
    for i in range(3_000_000):
        table[i & 0xFFFF] = i
        total += table.get((i * 7) & 0xFFFF, 0)
    queue.put(time.process_time() - started)


def calibrate(rounds: int = 3) -> str:
    """What two processes get on this machine now: a fixed pure-Python job run alone, then
    two copies at once (the best of ``rounds``). On a shared or virtual machine two busy
    processes neither get twice the throughput nor keep their CPU time per job: read the
    ``-j 2`` figures against this ceiling."""
    import multiprocessing

    def once(n: int) -> tuple[float, float]:
        queue = multiprocessing.Queue()
        procs = [multiprocessing.Process(target=_spin, args=(queue,)) for _ in range(n)]
        started = time.perf_counter()
        for proc in procs:
            proc.start()
        for proc in procs:
            proc.join()
        return time.perf_counter() - started, sum(queue.get() for _ in procs) / n

    best_wall, best_cpu = 0.0, 9.9
    for _ in range(rounds):
        (wall1, cpu1), (wall2, cpu2) = once(1), once(2)
        best_wall, best_cpu = max(best_wall, 2 * wall1 / wall2), min(best_cpu, cpu2 / cpu1)
    return (
        f"calibration: two pure-Python processes at once do {best_wall:.2f}x the work of one "
        f"per second, each at {best_cpu:.2f}x the CPU time per job"
    )


def _machine() -> str:
    model = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg()
    return (
        f"{os.cpu_count()} CPUs ({model}); load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"
    )


def table(
    corpora: dict[str, Path], all_results: dict[str, dict[str, Measured]], jobs: list[int]
) -> list[str]:
    rows = [
        "| corpus | run | wall s | cpu s | parent cpu s | critical cpu s | MB/s | docs/s | × naive | × floor | largest MB "
        "| tree RSS MB | tree PSS MB | exit |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    summary = []
    for letter, results in all_results.items():
        paths = _inputs(corpora[letter])
        mb = sum(p.stat().st_size for p in paths) / 1e6
        docs = len(paths)
        label = f"({letter}) {CORPORA[letter]}: {docs:,} docs, {mb:.1f} MB, avg {mb * 1e3 / docs:.1f} KB"
        rate = {name: mb / m.seconds for name, m in results.items()}
        for name, m in results.items():
            vs_naive = f"{rate[name] / rate['naive']:.2f}" if name != "naive" else ""
            vs_floor = f"{rate[name] / rate['floor']:.2f}" if name != "floor" else ""
            rows.append(
                f"| {label} | {name} | {m.seconds:.1f} | {m.cpu:.1f} | {m.parent_cpu:.1f} | "
                f"{m.critical_cpu:.1f} | "
                f"{rate[name]:.2f} | "
                f"{docs / m.seconds:,.0f} | {vs_naive} | {vs_floor} | {m.largest_mb:.0f} | "
                f"{m.tree_mb:.0f} | {m.pss_mb:.0f} | {m.code} |"
            )
            label = ""
        parts = []
        if "j1" in rate:
            parts.append(f"j1/naive {rate['j1'] / rate['naive']:.2f}")
            parts.append(f"j1/floor {rate['j1'] / rate['floor']:.3f}")
            if "j1-nolearn" in rate:
                cost = results["j1"].seconds / results["j1-nolearn"].seconds - 1
                cpu = results["j1"].cpu / results["j1-nolearn"].cpu - 1
                parts.append(f"learning cost {cost:+.0%} wall, {cpu:+.0%} cpu (j1)")
        for j in jobs:
            if j != 1 and f"j{j}" in rate and "j1" in rate:
                parts.append(f"j{j}/j1 {rate[f'j{j}'] / rate['j1']:.2f}")
                if f"j{j}-nolearn" in rate and "j1-nolearn" in rate:
                    parts.append(f"(no learning {rate[f'j{j}-nolearn'] / rate['j1-nolearn']:.2f})")
                # load-independent: j1's CPU over the critical path of j<N> (parent + busiest
                # worker of each pool), what the ratio would be on an otherwise idle machine
                for suffix in ("", "-nolearn"):
                    one, many = results.get("j1" + suffix), results.get(f"j{j}{suffix}")
                    if one is not None and many is not None:
                        parts.append(
                            f"j{j}/j1{suffix} by cpu {one.critical_cpu / many.critical_cpu:.2f}"
                        )
        summary.append(f"({letter}) " + ", ".join(parts))
    return [*rows, "", *summary]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "newsclean-crawl")
    parser.add_argument(
        "--scale", type=float, default=1.0, help="corpus size (1: ≥50 MB, ≥20,000 docs)"
    )
    parser.add_argument("--quick", action="store_true", help="--scale 0.1")
    parser.add_argument(
        "--only",
        default="a,b,c",
        help="corpora: a (real), b (newsbench), c (clean), d (distinct: for the parent's memory)",
    )
    parser.add_argument("--jobs", default="1,2")
    parser.add_argument(
        "--repeat", type=int, default=1, help="keep the fastest of N newsclean runs"
    )
    parser.add_argument("--extra", default="", help="more newsclean options, space-separated")
    parser.add_argument(
        "--breakdown", action="store_true", help="per-document time by stage, on the corpora"
    )
    parser.add_argument("--baseline", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.baseline:
        kind, folder, out = args.baseline
        paths = _inputs(Path(folder))
        (_floor if kind == "floor" else _naive)(paths, Path(out))
        return
    scale = 0.1 if args.quick else args.scale
    chosen = args.only.split(",")
    corpora = build(args.dir, scale, "".join(chosen))
    jobs = [int(j) for j in args.jobs.split(",")]
    print(f"machine: {_machine()} (before)")
    print(calibrate())
    if args.breakdown:
        for letter in chosen:
            print(f"\n({letter}) {CORPORA[letter]}, {len(_inputs(corpora[letter])):,} documents")
            for row in breakdown(corpora[letter]):
                print(row)
        print(f"machine: {_machine()} (after)")
        return
    results = {}
    for letter in chosen:
        print(f"corpus ({letter}) ...", file=sys.stderr, flush=True)
        results[letter] = measure(corpora[letter], jobs, args.repeat, args.extra.split())
    print(f"machine: {_machine()} (after)")
    print(calibrate())
    for row in table(corpora, results, jobs):
        print(row)


if __name__ == "__main__":
    main()
