"""Benchmark: the ``duplicates`` stage on one long document with planted near-duplicates.

The acceptance figure: a 20,000-paragraph document, 30% of whose paragraphs are copies of
earlier ones (exact, punctuation width flipped, a few characters edited, shortened like a
caption, or whole runs doubled), collapses in under 2 s on one core, with memory proportional
to the document. Printed side by side, measured in the same run:

* ``exact-hash``: CCNet-style exact line hashing (what the cheapest filters do; misses `，`/`,`);
* ``0.1 stage``: the stage as it was at the 0.1 foundation (``git show 707e6a0:...``), if git
  can show it;
* ``newsclean``: the stage now.

Run: ``/work/venv/bin/python bench/bench_duplicates.py [--paragraphs 20000] [--share 0.3]
[--seed 7]`` (the acceptance figure is seed 7; other seeds check that recall holds up).
"""

from __future__ import annotations

import argparse
import importlib.util
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from newsgen import NewsGen  # noqa: E402

from newsclean import Config, Doc  # noqa: E402
from newsclean.stages.duplicates import duplicates, is_long  # noqa: E402

Stage = Callable[[Doc, Config], Doc]


def planted(n: int, share: float, seed: int = 7) -> tuple[list[str], list[int]]:
    """A document of ``n`` paragraphs; ``group[i]`` names the original line ``i`` copies."""
    gen = NewsGen(seed)
    rng = gen.rng
    lines: list[str] = []
    group: list[int] = []
    while len(lines) < n:
        copies = len(lines) - len(set(group))
        if not lines or copies >= share * len(lines) or rng.random() >= 2 * share:
            lang = "zh" if rng.random() < 0.7 else "en"
            lines.append(gen.paragraph(lang))
            group.append(len(lines) - 1)
            continue
        kind = rng.random()
        if kind < 0.15:  # a doubled run of 3 to 12 paragraphs
            start = rng.randrange(len(lines))
            for j in range(start, min(start + rng.randint(3, 12), len(lines))):
                lines.append(lines[j])
                group.append(group[j])
            continue
        j = rng.randrange(len(lines))
        original = lines[group[j]]
        if kind < 0.45:
            copy = original.replace("，", ",") if rng.random() < 0.5 else original
        elif kind < 0.85:
            copy = gen.near_copy(original, edits=rng.randint(1, 2))
        else:
            copy = gen.shortened(original)
            if len(copy) < 30:  # too short to be a caption we must collapse
                copy = original
        lines.append(copy)
        group.append(group[j])
    return lines[:n], group[:n]


def load_baseline() -> Stage | None:
    """The stage as it was in 0.1, from git; ``None`` where git cannot show it."""
    try:
        source = subprocess.run(
            ["git", "show", "707e6a0:newsclean/stages/duplicates.py"],
            cwd=ROOT,
            capture_output=True,
            check=True,
            text=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    path = Path(tempfile.mkdtemp()) / "old_duplicates.py"
    path.write_text(source, "utf-8")
    spec = importlib.util.spec_from_file_location("newsclean.stages._old_duplicates", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module.duplicates  # type: ignore[no-any-return]


def exact_hash(doc: Doc, config: Config) -> Doc:
    """Keep the first of byte-identical lines: the cheapest filter, for scale."""
    seen: set[str] = set()
    keep = []
    for i, line in enumerate(doc.lines):
        if line not in seen:
            seen.add(line)
            keep.append(i)
    return doc.evolve([doc.lines[i] for i in keep], [doc.linenos[i] for i in keep])


def score(out: Doc, group: list[int], long: list[bool]) -> tuple[int, int, int]:
    """(groups left with two long copies, groups lost entirely, lines out).

    A group left with a short copy (under ``min_duplicate_units``) beside another copy is
    kept by design: short lines repeat legitimately outside a repeated block.
    """
    alive: dict[int, list[int]] = {}
    for lineno in out.linenos:
        alive.setdefault(group[lineno - 1], []).append(lineno - 1)
    doubled = sum(1 for copies in alive.values() if sum(long[i] for i in copies) > 1)
    return doubled, len(set(group) - set(alive)), len(out.lines)


def measure(name: str, stage: Stage, doc: Doc, group: list[int], mb: float) -> None:
    config = Config()
    long = [is_long(line, config.min_duplicate_units) for line in doc.lines]
    stage(Doc.from_text("预热一下。\n预热一下。"), config)  # imports, OpenCC tables
    start, cpu = time.perf_counter(), time.process_time()
    out = stage(doc, config)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    tracemalloc.start()
    stage(doc, config)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    left, lost, n_out = score(out, group, long)
    print(
        f"{name:<11} {seconds:6.2f} s wall {cpu:6.2f} s cpu {mb / cpu:7.2f} MB/s  "
        f"lines out {n_out:6d}  long copies left {left:5d}  groups lost {lost:3d}  "
        f"traced peak {peak:6.1f} MiB"
    )


def rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--paragraphs", type=int, default=20_000)
    parser.add_argument("--share", type=float, default=0.3)
    parser.add_argument("--seed", type=int, default=7, help="another document of the same kind")
    parser.add_argument("--no-baseline", action="store_true", help="skip the 0.1 stage")
    parser.add_argument(
        "--scaling", action="store_true", help="5k to 80k paragraphs, each in a fresh process"
    )
    args = parser.parse_args()

    if args.scaling:  # peak RSS is per process: one process per size
        for n in (5_000, 10_000, 20_000, 40_000, 80_000):
            command = [sys.executable, __file__, "--paragraphs", str(n), "--no-baseline"]
            subprocess.run(command, check=True)
        return
    n = args.paragraphs
    lines, group = planted(n, args.share, args.seed)
    doc = Doc.from_text("\n".join(lines))
    mb = len(doc.text.encode("utf-8")) / 1e6
    ideal = len(set(group))
    print(f"\n{n} paragraphs, {mb:.2f} MB, {n - ideal} planted copies, ideal output {ideal}")
    print(f"peak RSS with the document built: {rss_mib():.0f} MiB")
    measure("exact-hash", exact_hash, doc, group, mb)
    baseline = None if args.no_baseline else load_baseline()
    if baseline is not None:
        measure("0.1 stage", baseline, doc, group, mb)
    measure("newsclean", duplicates, doc, group, mb)
    print(f"peak RSS of this process: {rss_mib():.0f} MiB")


if __name__ == "__main__":
    main()
