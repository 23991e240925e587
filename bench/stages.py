"""Where the time goes: milliseconds per MB for each stage, on each part of the bench corpus.

    python bench/stages.py                      # every part of bench/out/corpus
    python bench/stages.py --part zh-hans-clean --to zh-hans
    python bench/stages.py --profile duplicates --part en-clean   # cProfile one stage

Each document goes through the pipeline as ``newsclean.clean_bytes`` would run it, stage by
stage, timed separately; "boundary" is decoding, splitting into paragraphs, joining and
encoding. Figures are per MB of input, so the stages of one part add up to its total.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from newsclean import Config  # noqa: E402
from newsclean.decode import decode_bytes  # noqa: E402
from newsclean.model import Doc  # noqa: E402
from newsclean.pipeline import warm_up  # noqa: E402
from newsclean.stages import STAGES  # noqa: E402

PARTS = [f"{lang}-{kind}" for kind in ("clean", "dirty") for lang in ("zh-hans", "zh-hant", "en")]


def _paths(corpus: Path, part: str) -> list[Path]:
    manifest = json.loads((corpus / "manifest.json").read_text("utf-8"))
    return sorted(corpus / e["path"] for e in manifest if e["path"].startswith(part + "/"))


def measure(paths: list[Path], config: Config, profile: str | None) -> tuple[float, Counter[str]]:
    """(MB, seconds per stage) over ``paths``."""
    times: Counter[str] = Counter()
    total = 0
    profiler = cProfile.Profile() if profile else None
    for path in paths:
        data = path.read_bytes()
        total += len(data)
        start = time.perf_counter()
        doc = Doc.from_text(decode_bytes(data, config.encoding).text)
        times["boundary"] += time.perf_counter() - start
        for name in config.stages:
            if profiler is not None and name == profile:
                profiler.enable()
            start = time.perf_counter()
            doc = STAGES[name](doc, config)
            times[name] += time.perf_counter() - start
            if profiler is not None and name == profile:
                profiler.disable()
        start = time.perf_counter()
        doc.text.encode("utf-8")
        times["boundary"] += time.perf_counter() - start
    if profiler is not None:
        pstats.Stats(profiler).sort_stats("tottime").print_stats(20)
    return total / 1e6, times


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=HERE / "out" / "corpus")
    parser.add_argument("--part", action="append", help=f"one of {', '.join(PARTS)} (repeatable)")
    parser.add_argument("--to", help="--to target for the script stage")
    parser.add_argument("--profile", metavar="STAGE", help="cProfile this stage")
    args = parser.parse_args()
    config = Config(to=args.to)
    warm_up(config)  # one-time tables, outside the timing
    names = ["boundary", *config.stages]
    print(f"{'part':<15} {'MB':>6} {'MB/s':>7}  " + " ".join(f"{n[:11]:>11}" for n in names))
    for part in args.part or PARTS:
        mb, times = measure(_paths(args.corpus, part), config, args.profile)
        rate = mb / sum(times.values())
        cells = " ".join(f"{1000 * times[n] / mb:11.1f}" for n in names)
        print(f"{part:<15} {mb:6.1f} {rate:7.1f}  {cells}   (ms/MB)")


if __name__ == "__main__":
    main()
