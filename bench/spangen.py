"""Mojibake inside a line: a run of 2–30 characters of a correct line, misread by one chain,
put back among the correct characters around it (``通过 insserv浣跨敤锘轰簬…，也可以``).

Made with the codecs themselves (:mod:`bench.textgen`'s chains), independently of the repair
code. Used by the tests (tests/cases/sentences.toml) and by bench/bench_encoding.py (the
held-out pool, another seed).

    python bench/spangen.py          # a few examples of each chain
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import textgen

#: Run lengths, in characters of the correct text.
SHORTEST, LONGEST = 2, 30


def span_cases(
    chain: textgen.Chain, path: Path, seed: int, n: int, tries: int = 20000
) -> Iterator[tuple[str, str]]:
    """Up to ``n`` distinct lossless (original, broken) lines: one run misread by ``chain``.

    The run starts and ends at any character, but never begins or ends with a space, and holds
    something the chain changes; the line around it is left as it was.
    """
    s = textgen.pool(path)
    rng = random.Random(f"{seed}:span:{chain.name}")
    seen: set[str] = set()
    for _ in range(tries):
        if len(seen) >= n:
            return
        original = textgen.line(s, rng.choice(chain.langs), rng)
        if len(original) < SHORTEST + 2:
            continue
        size = rng.randint(SHORTEST, min(LONGEST, len(original) - 2))
        start = rng.randint(0, len(original) - size)
        run = original[start : start + size]
        if run != run.strip() or run.isascii():
            continue
        broken_run = chain.apply(run)
        if broken_run is None or broken_run == run or textgen._BREAKS.intersection(broken_run):
            continue
        broken = original[:start] + broken_run + original[start + size :]
        if original in seen:
            continue
        seen.add(original)
        yield original, broken


def main() -> None:
    for chain in textgen.CJK_CHAINS + textgen.WESTERN_CHAINS:
        print(f"== {chain}")
        for original, broken in span_cases(chain, textgen.TEST_POOL, 1, 2):
            print(f"  {broken}\n  {original}")


if __name__ == "__main__":
    main()
