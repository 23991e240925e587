"""Benchmark: near-duplicate documents across a batch (``newsclean.corpus.dedup``), quality and cost.

Generates a batch with planted near-duplicates (``bench/corpusgen.py``), runs the step's
map → combine → finalize with the reference executor, and prints precision and recall of the
duplicate pairs (every pair inside a planted cluster is a true pair; every pair inside a found
cluster is a found pair), documents per second and the peak RSS of the process.

Baselines, measured in the same run on the same documents:

* ``datasketch``: datasketch's MinHash (128 permutations, SHA-1 per shingle) and MinHashLSH at
  the same threshold, over the same shingles — if datasketch can be imported (install it into
  a separate folder and put that on PYTHONPATH: it is not a newsclean dependency);
* ``pure-python``: the same one-permutation signature without numpy (CRC-32 per shingle),
  signatures only, on the first 2,000 documents.

Run: ``/work/venv/bin/python bench/bench_dedup_docs.py --docs 10000``;
memory at scale: ``... --docs 100000 --no-baselines`` (peak RSS is for the whole process).
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from itertools import combinations, islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from corpusgen import Doc, generate  # noqa: E402

from newsclean.corpus import CorpusDoc, combine_into  # noqa: E402
from newsclean.corpus.dedup import NearDuplicateDocs  # noqa: E402


def rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def pairs_of(groups: dict[int, list[str]]) -> set[tuple[str, str]]:
    return {pair for members in groups.values() for pair in combinations(sorted(members), 2)}


def score(found: set[tuple[str, str]], truth: set[tuple[str, str]]) -> tuple[float, float]:
    hits = len(found & truth)
    return hits / max(1, len(found)), hits / max(1, len(truth))


def run_newsclean(
    docs: int, seed: int, threshold: float
) -> tuple[set[tuple[str, str]], dict[int, list[str]]]:
    step = NearDuplicateDocs(threshold)
    table: dict = {}
    truth: dict[int, list[str]] = {}
    start, cpu = time.perf_counter(), time.process_time()
    n = 0
    map_seconds = 0.0
    for doc in generate(docs, seed):
        if doc.cluster >= 0:
            truth.setdefault(doc.cluster, []).append(doc.id)
        t = time.process_time()
        pairs = step.map(CorpusDoc(doc.id, doc.order, doc.text))
        map_seconds += time.process_time() - t
        combine_into(step, table, pairs)
        n += 1
    t = time.process_time()
    result = step.finalize(table, n)
    finalize_seconds = time.process_time() - t
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    rejected = step.rejected(result)
    groups = {i: [c.kept] + [d.id for d in c.duplicates] for i, c in enumerate(result.clusters)}
    found = pairs_of(groups)
    precision, recall = score(found, pairs_of(truth))
    print(
        f"newsclean    {n} docs, threshold {threshold}, LSH {step.bands}x{step.rows}: "
        f"precision {precision:.4f} recall {recall:.4f}  "
        f"({len(found)} pairs found, {len(pairs_of(truth))} planted, {len(rejected)} docs rejected)"
    )
    print(
        f"             {seconds:.1f} s wall, {cpu:.1f} s cpu incl. generating "
        f"(map {map_seconds:.1f} s = {n / map_seconds:,.0f} docs/s, finalize {finalize_seconds:.2f} s), "
        f"table {len(table):,} keys, peak RSS {rss_mib():.0f} MiB"
    )
    return found, truth


def run_datasketch(docs: list[Doc], threshold: float, truth: dict[int, list[str]]) -> None:
    try:
        from datasketch import MinHash, MinHashLSH
    except ImportError:
        print(
            "datasketch   not importable: skipped (pip install --target DIR datasketch; PYTHONPATH=DIR)"
        )
        return
    from newsclean.corpus.minhash import shingle_hashes

    start = time.process_time()
    lsh = MinHashLSH(threshold=threshold, num_perm=128)
    sigs = {}
    for doc in docs:
        m = MinHash(num_perm=128)
        m.update_batch([h.tobytes() for h in shingle_hashes(doc.text)])
        sigs[doc.id] = m
        lsh.insert(doc.id, m)
    map_seconds = time.process_time() - start
    # clusters: connected components over LSH candidates verified by the estimated Jaccard
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for doc in docs:
        for other in lsh.query(sigs[doc.id]):
            if other < doc.id and sigs[doc.id].jaccard(sigs[other]) >= threshold:
                ra, rb = find(doc.id), find(other)
                if ra != rb:
                    parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = {}
    for d in parent:
        groups.setdefault(find(d), [find(d)]).append(d)
    found = pairs_of(dict(enumerate(groups.values())))
    seconds = time.process_time() - start
    precision, recall = score(found, pairs_of(truth))
    print(
        f"datasketch   {len(docs)} docs: precision {precision:.4f} recall {recall:.4f}  "
        f"{seconds:.1f} s cpu (signatures + insert {map_seconds:.1f} s = {len(docs) / map_seconds:,.0f} docs/s)"
    )


def run_pure_python(docs: list[Doc]) -> None:
    """The same one-permutation MinHash without numpy: what numpy buys."""
    import re
    import zlib

    from newsclean.corpus.minhash import CHAR_NGRAM, WORD_NGRAM, is_han
    from newsclean.stages.duplicates.fold import fold_text

    word = re.compile(r"\w+")
    start = time.process_time()
    for doc in docs:
        folded = fold_text(doc.text)
        if is_han(folded):
            solid = "".join(folded.split())
            grams = [solid[i : i + CHAR_NGRAM] for i in range(max(1, len(solid) - CHAR_NGRAM + 1))]
        else:
            words = word.findall(folded)
            grams = [
                " ".join(words[i : i + WORD_NGRAM])
                for i in range(max(1, len(words) - WORD_NGRAM + 1))
            ]
        mins = [1 << 32] * 128
        for g in grams:
            h = zlib.crc32(g.encode())
            b = h & 127
            if h < mins[b]:  # noqa: PLR1730 - faster than min(): a fair baseline
                mins[b] = h
    seconds = time.process_time() - start
    print(
        f"pure-python  {len(docs)} docs: signatures only, {seconds:.2f} s cpu = {len(docs) / seconds:,.0f} docs/s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--threshold", type=float, default=0.7)
    parser.add_argument("--no-baselines", action="store_true")
    args = parser.parse_args()
    print(f"peak RSS before: {rss_mib():.0f} MiB")
    _, truth = run_newsclean(args.docs, args.seed, args.threshold)
    if not args.no_baselines:
        sample = list(islice(generate(args.docs, args.seed), args.docs))
        run_datasketch(sample, args.threshold, truth)
        run_pure_python(sample[:2000])
        start = time.process_time()
        step = NearDuplicateDocs(args.threshold)
        for doc in sample[:2000]:
            step.map(CorpusDoc(doc.id, doc.order, doc.text))
        seconds = time.process_time() - start
        print(
            f"newsclean    2000 docs: map only, {seconds:.2f} s cpu = {2000 / seconds:,.0f} docs/s"
        )


if __name__ == "__main__":
    main()
