"""A large JSONL dataset (1 GB by default) cleaned in constant memory, past a broken record.

    python bench/bench_jsonl.py [--mb 1000] [--jobs 1,2] [--dir /tmp]

Generates news-like records ``{"id", "url", "text", "meta"}`` with one line of broken JSON in the
middle, then prints, side by side: a baseline in one process (each line parsed and serialised
again with the json module: the floor any JSONL tool pays) and ``newsclean fix -q -j N -o OUT``
for each N — wall time, MB/s, peak RSS (largest process: the parent or a worker). It checks
that the broken record is reported with its line number, that the run exits 123, and that the
output has every line of the input in the same order.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._measure import documents, machine, newsclean, run


def generate(path: Path, target: int) -> tuple[int, int]:
    """Write about ``target`` bytes; return (lines, line number of the broken record)."""
    texts = documents()
    size, lines, broken = 0, 0, 0
    with path.open("wb") as out:
        while size < target:
            lines += 1
            if not broken and size >= target // 2:
                line = b'{"id": %d, "text": "a broken record\n' % lines
                broken = lines
            else:
                record = {
                    "id": lines,
                    "url": f"https://news.example/{lines}.html",
                    "text": texts[lines % len(texts)],
                    "meta": {"site": f"site{lines % 17}", "lang": "zh"},
                }
                line = json.dumps(record, ensure_ascii=False).encode() + b"\n"
            out.write(line)
            size += len(line)
    return lines, broken


def baseline(path: Path) -> float:
    started = time.perf_counter()
    with path.open("rb") as handle:
        for line in handle:
            with contextlib.suppress(ValueError):  # the broken record
                json.dumps(json.loads(line), ensure_ascii=False).encode()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=1000)
    parser.add_argument("--jobs", default="1,2")
    parser.add_argument("--dir", default=None, help="where to put the data (default: TMPDIR)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        data = Path(tmp) / "news.jsonl"
        lines, broken = generate(data, int(args.mb * 1e6))
        mb = data.stat().st_size / 1e6
        print(f"machine: {machine()}")
        print(f"data: {mb:,.0f} MB, {lines:,} records, broken JSON on line {broken:,}")
        base = baseline(data)
        print(f"{'json load+dump, 1 process (baseline)':<38} {base:8.1f} s  {mb / base:6.1f} MB/s")
        for jobs in args.jobs.split(","):
            out = Path(tmp) / f"out{jobs}"
            m = run(newsclean("fix", "-q", "-j", jobs, "-o", str(out), str(data)))
            reported = f"news.jsonl:{broken}: error: invalid JSON" in m.stderr
            with (out / "news.jsonl").open("rb") as handle:
                n_out = sum(1 for _ in handle)
            print(
                f"{'newsclean fix -j ' + jobs:<38} {m.seconds:8.1f} s  {mb / m.seconds:6.1f} MB/s  "
                f"cpu {m.cpu:7.1f} s  "
                f"peak RSS {m.peak_mb:5.0f} MB  exit {m.code}  broken line reported: "
                f"{'yes' if reported else 'NO'}  lines out: {n_out:,}/{lines:,}"
            )
            if m.code != 123 or not reported or n_out != lines:
                print(m.stderr[-2000:], file=sys.stderr)
            (out / "news.jsonl").unlink()


if __name__ == "__main__":
    main()
