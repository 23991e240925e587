"""What a long line costs: the whole pipeline on one document that holds its text on one line,
against the same text one paragraph per line.

Usage (from the repository root):

    python bench/bench_long_lines.py                   # this checkout
    python bench/bench_long_lines.py --baseline DIR    # and another checkout (e.g. made with
                                                       # `git archive 7c9c0f0 | tar -x -C DIR`)

A table layout, or a dataset that joins a page's paragraphs with spaces, puts tens of
thousands of characters on one line. The text is real Chinese news when ../shared/realbench
is there (the ``gold`` of its ``cwce`` pages, in order), generated articles otherwise; each
size is cut from its start. Every measurement runs in its own process (its peak RSS is its
own), ``clean()`` with the default config once to warm up on a short text, then once on the
document, in CPU time. "lines" is the same text with a line break after each sentence end:
what the stages cost on it when nothing is long.
"""

from __future__ import annotations

import gzip
import json
import random
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
if "--root" in sys.argv:  # measure another checkout's package (--baseline)
    sys.path.insert(0, sys.argv[sys.argv.index("--root") + 1])
else:
    sys.path.insert(0, str(ROOT))

SIZES = (20_000, 80_000, 320_000)  # characters
REALBENCH = ROOT.parent / "shared" / "realbench" / "data" / "cwce.jsonl.gz"


def _text(size: int) -> str:
    if REALBENCH.is_file():
        with gzip.open(REALBENCH, "rt", encoding="utf-8") as f:
            text = "".join(json.loads(row)["gold"].replace("\n", "") for row in f)
    else:
        from boilerplate_corpus import zh_article

        rng = random.Random(7)
        parts: list[str] = []
        while sum(map(len, parts)) < max(SIZES):
            parts += zh_article(rng)
        text = "".join(parts)
    return text[:size]


def measure(size: int, shape: str) -> None:
    """One measurement in this process; prints JSON."""
    from newsclean import Config, clean

    text = _text(size)
    if shape == "lines":
        text = re.sub("(?<=[。！？])", "\n", text)
    clean("今天天气很好,我们去公园散步了。\n", Config())  # rules, tables, OpenCC
    start = time.process_time()
    clean(text, Config())
    seconds = time.process_time() - start
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"mb": len(text.encode("utf-8")) / 1e6, "seconds": seconds, "rss": rss}))


def main(baseline: str | None) -> None:
    source = "realbench cwce gold" if REALBENCH.is_file() else "generated articles"
    print(f"text: {source}; CPU seconds, one process per line; whole pipeline, default config")
    print(f"{'chars':>8} {'shape':6} {'who':5} {'MB':>6} {'s':>8} {'MB/s':>7} {'RSS MB':>7}")
    for size in SIZES:
        for shape in ("line", "lines"):
            for who, root in (("this", None), ("base", baseline)):
                if who == "base" and root is None:
                    continue
                cmd = [sys.executable, __file__, "--measure", str(size), shape]
                cmd += ["--root", root] if root else []
                out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
                r = json.loads(out)
                print(
                    f"{size:8} {shape:6} {who:5} {r['mb']:6.2f} {r['seconds']:8.2f}"
                    f" {r['mb'] / r['seconds']:7.2f} {r['rss']:7.0f}"
                )


if __name__ == "__main__":
    args = sys.argv[1:]
    if args[:1] == ["--measure"]:
        measure(int(args[1]), args[2])
    else:
        main(args[args.index("--baseline") + 1] if "--baseline" in args else None)
