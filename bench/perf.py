"""newsclean's performance harness: one command, every figure side by side with its baselines.

    python bench/perf.py                 # generate the 100 MB corpus if needed, measure, print
    python bench/perf.py --mb 20         # a smaller corpus for a quick look
    python bench/perf.py --only floor,e2e-zh-hans

Every measurement runs in a fresh Python process, so its peak RSS is its own. Throughput is
input bytes / seconds of processing (start-up and imports excluded, except for the CLI runs,
which are timed whole). Baselines measured in the same run:

* floor — read bytes, decode UTF-8, encode, write to a temp folder: what disk and Python allow;
* naive — what a user writes in ten lines: ``ftfy.fix_text`` (defaults), OpenCC ``t2s``, and
  exact-duplicate paragraph removal, on the Chinese part of the corpus.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_CORPUS = HERE / "out" / "corpus"
STAGES = ("encoding", "pinyin", "whitespace", "boilerplate", "duplicates", "script", "punctuation")

# name -> (description, corpus part, kind). Parts: all, zh (Chinese), clean (nothing to fix).
MEASUREMENTS: dict[str, tuple[str, str, str]] = {
    "floor": ("floor: read + decode + write", "all", "floor"),
    "naive-zh": ("naive pipeline (ftfy + t2s + exact dedup), Chinese", "zh", "naive"),
    "no-stage": ("newsclean with no stage: decode + split + join", "all", "stage"),
    **{
        f"stage-{s}": (
            f"stage {s} alone" + (" (--to zh-hans)" if s == "script" else ""),
            "all",
            "stage",
        )
        for s in STAGES
    },
    "e2e-all": ("newsclean end-to-end, whole corpus", "all", "e2e"),
    "e2e-clean": ("newsclean end-to-end, clean part (nothing to fix)", "clean", "e2e"),
    "e2e-zh-hans": ("newsclean --to zh-hans, Chinese part", "zh", "e2e-zh"),
    "cli-j1": ("newsclean fix -j 1 -o DIR, whole corpus (CLI, wall time)", "all", "cli1"),
    "cli-j2": ("newsclean fix -j 2 -o DIR, whole corpus (CLI, wall time)", "all", "cli2"),
    "big-200mb": ("one 200 MB Chinese document, end-to-end", "big", "big"),
}


def _manifest(corpus: Path) -> list[dict[str, object]]:
    return json.loads((corpus / "manifest.json").read_text("utf-8"))  # type: ignore[no-any-return]


def _files(corpus: Path, part: str) -> list[Path]:
    out = []
    for entry in _manifest(corpus):
        lang, kind = str(entry["lang"]), str(entry["kind"])
        if (
            part == "all"
            or (part == "zh" and lang.startswith("zh"))
            or (part == "clean" and kind == "clean")
        ):
            out.append(corpus / str(entry["path"]))
    return sorted(out)


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _timed(paths: list[Path], work: Callable[[bytes], object]) -> tuple[int, float]:
    total = 0
    elapsed = 0.0
    for path in paths:
        data = path.read_bytes()
        start = time.perf_counter()
        work(data)
        elapsed += time.perf_counter() - start
        total += len(data)
    return total, elapsed


def _measure(name: str, corpus: Path) -> dict[str, object]:
    """Run one measurement in this process (called in a fresh subprocess)."""
    sys.path.insert(0, str(ROOT))
    _, part, kind = MEASUREMENTS[name]
    paths = _files(corpus, part) if part != "big" else []
    if kind == "floor":
        out = Path(tempfile.mkdtemp(prefix="nc-floor-"))
        try:
            start = time.perf_counter()
            total = 0
            for i, path in enumerate(paths):
                data = path.read_bytes()
                (out / f"{i}.txt").write_bytes(data.decode("utf-8", "replace").encode("utf-8"))
                total += len(data)
            seconds = time.perf_counter() - start
        finally:
            shutil.rmtree(out)
    elif kind == "naive":
        total, seconds = _timed(paths, _naive())
    elif kind in ("stage", "e2e", "e2e-zh"):
        import newsclean

        if kind == "stage":
            stage = name.removeprefix("stage-")
            chosen = () if name == "no-stage" else (stage,)
            config = newsclean.Config(stages=chosen, to="zh-hans" if stage == "script" else None)
        else:
            config = newsclean.Config(to="zh-hans" if kind == "e2e-zh" else None)
        total, seconds = _timed(paths, lambda data: newsclean.clean_bytes(data, config))
    elif kind in ("cli1", "cli2"):
        return _cli(paths, corpus, 1 if kind == "cli1" else 2)
    elif kind == "big":
        return _big(corpus)
    else:
        raise ValueError(name)
    return {
        "name": name,
        "bytes": total,
        "docs": len(paths),
        "seconds": seconds,
        "peak_rss_mb": _peak_rss_mb(),
    }


def _naive() -> Callable[[bytes], str]:
    import ftfy
    import opencc

    t2s = opencc.OpenCC("t2s.json")

    def naive(data: bytes) -> str:
        text = t2s.convert(ftfy.fix_text(data.decode("utf-8", "replace")))
        seen: set[str] = set()
        out = []
        for para in text.split("\n"):
            if para.strip() and para not in seen:
                seen.add(para)
                out.append(para)
        return "\n".join(out) + "\n"

    return naive


def _cli(paths: list[Path], corpus: Path, jobs: int) -> dict[str, object]:
    out = Path(tempfile.mkdtemp(prefix="nc-cli-"))
    try:
        help_text = subprocess.run(
            [sys.executable, "-m", "newsclean", "fix", "--help"],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=False,
        ).stdout
        if "--jobs" not in help_text:
            return {"name": f"cli-j{jobs}", "skipped": "this newsclean has no --jobs option"}
        cmd = [
            sys.executable,
            "-m",
            "newsclean",
            "fix",
            "-q",
            "-j",
            str(jobs),
            "-o",
            str(out / "o"),
        ]
        cmd += [str(corpus / d) for d in sorted({p.parent.name for p in paths})]
        start = time.perf_counter()
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, check=False)
        seconds = time.perf_counter() - start
        child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        total = sum(p.stat().st_size for p in paths)
        result: dict[str, object] = {
            "name": f"cli-j{jobs}",
            "bytes": total,
            "docs": len(paths),
            "seconds": seconds,
        }
        result["peak_rss_mb"] = child
        if proc.returncode not in (0, 1):
            result["note"] = f"exit {proc.returncode}: {proc.stderr.decode()[-300:]}"
        return result
    finally:
        shutil.rmtree(out)


def _big_file(corpus: Path) -> Path:
    """A 200 MB UTF-8 Chinese document made of the Chinese part, written once and kept."""
    target = corpus / "big-200mb.txt"
    if target.exists():
        return target
    paths = _files(corpus, "zh")
    size = 0
    with open(target.with_suffix(".tmp"), "wb") as out:
        while size < 200_000_000:
            for path in paths:
                data = path.read_bytes()
                try:
                    data.decode("utf-8")
                except UnicodeDecodeError:
                    continue
                out.write(data)
                size += len(data)
                if size >= 200_000_000:
                    break
    target.with_suffix(".tmp").rename(target)
    return target


def _big(corpus: Path) -> dict[str, object]:
    """Clean one 200 MB document and watch the memory (the input bytes included)."""
    import newsclean

    path = _big_file(corpus)
    base = _peak_rss_mb()
    data = path.read_bytes()
    start = time.perf_counter()
    newsclean.clean_bytes(data, newsclean.Config(to="zh-hans"))
    seconds = time.perf_counter() - start
    peak = _peak_rss_mb()
    ratio = peak / (len(data) / 2**20)
    return {
        "name": "big-200mb",
        "bytes": len(data),
        "docs": 1,
        "seconds": seconds,
        "peak_rss_mb": peak,
        "note": f"peak RSS {peak:.0f} MB = {ratio:.1f}x the document's size (interpreter and imports: {base:.0f} MB)",
    }


def _run_child(name: str, corpus: Path) -> dict[str, object]:
    proc = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--measure", name, "--corpus", str(corpus)],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        return {"name": name, "skipped": f"failed: {proc.stderr.strip().splitlines()[-1:]}"}
    return json.loads(proc.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def _rows(results: list[dict[str, object]]) -> Iterator[str]:
    by = {str(r["name"]): r for r in results}

    def rate(name: str) -> float | None:
        r = by.get(name)
        if not r or "seconds" not in r:
            return None
        return float(r["bytes"]) / 1e6 / float(r["seconds"])  # type: ignore[arg-type]

    floor, naive = rate("floor"), rate("naive-zh")
    yield "| measurement | MB | docs | s | MB/s | docs/s | peak RSS MB | × naive | × floor |"
    yield "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
    for r in results:
        name = str(r["name"])
        desc = MEASUREMENTS[name][0]
        if "skipped" in r:
            yield f"| {desc} | | | | | | | | {r['skipped']} |"
            continue
        mbs = rate(name) or 0.0
        seconds = float(r["seconds"])  # type: ignore[arg-type]
        docs_s = int(r["docs"]) / seconds if seconds else 0  # type: ignore[call-overload]
        vs_naive = f"{mbs / naive:.1f}" if naive and name.startswith(("e2e", "cli")) else ""
        vs_floor = (
            f"{mbs / floor:.2f}" if floor and name.startswith(("e2e", "cli", "naive")) else ""
        )
        yield (
            f"| {desc} | {float(r['bytes']) / 1e6:.1f} | {r['docs']} | {seconds:.2f} | {mbs:.1f} | "  # type: ignore[arg-type]
            f"{docs_s:.0f} | {float(r['peak_rss_mb']):.0f} | {vs_naive} | {vs_floor} |"  # type: ignore[arg-type]
        )
    for r in results:
        if r.get("note"):
            yield f"\n{r['name']}: {r['note']}"


def _machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} CPUs, Python {platform.python_version()}, {platform.system()}"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--mb", type=float, default=100, help="corpus size to generate if missing")
    parser.add_argument("--only", help="comma-separated measurement names")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(_measure(args.measure, args.corpus)))
        return
    if not (args.corpus / "manifest.json").exists():
        subprocess.run(
            [
                sys.executable,
                str(HERE / "corpus.py"),
                "--out",
                str(args.corpus),
                "--mb",
                str(args.mb),
            ],
            check=True,
        )
    names = args.only.split(",") if args.only else list(MEASUREMENTS)
    results = []
    for name in names:
        print(f"measuring {name} ...", file=sys.stderr, flush=True)
        results.append(_run_child(name, args.corpus))
    print(f"machine: {_machine()}")
    print(
        f"corpus: {args.corpus} ({sum(int(e['bytes']) for e in _manifest(args.corpus)) / 1e6:.0f} MB)\n"
    )  # type: ignore[call-overload]
    for row in _rows(results):
        print(row)


if __name__ == "__main__":
    main()
