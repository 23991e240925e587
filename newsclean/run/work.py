"""Cutting the inputs into units of work, in the run's order (parent process only).

A text file is one unit, read by the worker that cleans it; consecutive small text files go
to the pool together, in groups of about ``GROUP_BYTES`` (:func:`groups`), so that a crawl of
2 KB pages costs one round trip per megabyte, not per page. A dataset is read here, as a
stream, and cut into chunks of lines (JSONL) or row batches (Parquet); since the pool takes
units only as fast as results are consumed, a huge file is never all in memory.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from .batch import Unit
from .files import Source, describe_oserror, open_input
from .jsonl import CHUNK_BYTES, read_chunks


def useful_jobs(sources: Sequence[Source], jobs: int) -> int:
    """No more workers than units of work: one text file, or one small dataset, is cleaned
    in this process (starting workers would cost more than it saves)."""
    if any(s.is_stdin and s.kind != "text" for s in sources):
        return jobs  # a dataset piped in: its size is unknown, assume it is large
    texts = [s for s in sources if s.kind == "text"]
    groups = min(len(texts), 1 + sum(s.size() for s in texts) // (GROUP_BYTES // 4))
    units = groups + sum(1 + s.size() // CHUNK_BYTES for s in sources if s.kind != "text")
    return max(1, min(jobs, units))


def units(
    sources: Sequence[Source], pending: dict[tuple[int, int], Any], column: str
) -> Iterator[Unit]:
    """The work, in the run's order: one unit per text file, chunks for datasets.

    ``pending`` receives the Parquet row batches whose values are out with a worker.
    """
    order = 0
    for index, source in enumerate(sources):
        if source.kind == "text":
            data = _stdin_data(source)
            yield Unit(source, index, order, data=data)
            order += 1
            continue
        try:
            chunks = (
                _parquet_chunks(source, pending, index, column)
                if source.kind == "parquet"
                else _line_chunks(source)
            )
            for first, items in chunks:
                yield Unit(source, index, order, first, items, last=False)
                order += len(items)
        except (OSError, EOFError, ValueError) as exc:
            problem = describe_oserror(exc) if isinstance(exc, OSError) else str(exc)
            yield Unit(source, index, order, error=problem)
            continue
        yield Unit(source, index, order)


#: A group of small text files carries about this many bytes (or ``GROUP_FILES`` files).
GROUP_BYTES = 1 << 20
GROUP_FILES = 512


def groups(
    work: Iterable[Unit], jobs: int = 1, sizes: Sequence[int] | None = None, total: int = 0
) -> Iterator[tuple[Unit, ...]]:
    """``work`` in groups: consecutive text files up to ``GROUP_BYTES`` together, any other
    unit alone. The first groups are smaller, so that every one of ``jobs`` workers has work
    at once, not after the parent has gathered a megabyte for the first. ``sizes`` (how many
    units each group had in an earlier pass over the same work) groups them the same way.

    >>> from pathlib import Path
    >>> from .files import Source
    >>> texts = [Unit(Source(None, f"{i}", Path(f"{i}")), i, i, data=b"x" * 400_000) for i in range(5)]
    >>> [len(g) for g in groups(texts)], [len(g) for g in groups(texts, jobs=2)]
    ([2, 2, 1], [1, 1, 2, 1])

    With ``total`` (the bytes of all the text files), the last groups get smaller again, so
    that no worker is left alone with a whole megabyte at the end while the others wait:

    >>> pages = [Unit(Source(None, f"{i}", Path(f"{i}")), i, i, data=b"x" * 50_000) for i in range(200)]
    >>> [len(g) for g in groups(pages, jobs=2)][-3:]
    [20, 20, 5]
    >>> [len(g) for g in groups(pages, jobs=2, total=10_000_000)][-8:]
    [5, 4, 3, 2, 2, 2, 2, 1]
    """
    if sizes is not None:
        source = iter(work)
        for n in sizes:
            yield tuple(next(source) for _ in range(n))
        return
    group: list[Unit] = []
    size = 0
    left = total  # bytes not yet given out
    limit = GROUP_BYTES // 4 if jobs > 1 else GROUP_BYTES
    for unit in work:
        if unit.source.kind != "text" or unit.error is not None:
            if group:
                yield tuple(group)
                group, size = [], 0
            yield (unit,)
            continue
        weight = unit_weight(unit)
        if group and (size + weight > _tail(limit, left, jobs) or len(group) >= GROUP_FILES):
            yield tuple(group)
            left -= size
            group, size = [], 0
            limit = min(GROUP_BYTES, limit * 2)
        group.append(unit)
        size += weight
    if group:
        yield tuple(group)


#: The smallest a last group gets (see :func:`groups`).
TAIL_BYTES = 128 << 10


def _tail(limit: int, left: int, jobs: int) -> int:
    """A group's size limit once only ``left`` bytes remain: half of each worker's share,
    so that the workers finish within a small group of each other."""
    if jobs <= 1 or left <= 0:
        return limit
    return min(limit, max(TAIL_BYTES, left // (2 * jobs)))


def group_weight(group: Sequence[Unit]) -> int:
    return sum(map(unit_weight, group))


#: In-flight limits for the workers (see :func:`newsclean.run.pool.ordered_map`): units per job,
#: and bytes of input per job. A 5 MB page at the head of the queue leaves room for the small
#: pages behind it, and a huge dataset is still read only as fast as it is written.
UNITS_PER_JOB = 32
BYTES_PER_JOB = 16 << 20


def unit_weight(unit: Unit) -> int:
    """About how many bytes of input ``unit`` carries (a text file's size on disk)."""
    if unit.data is not None:
        return len(unit.data)
    if unit.items:
        return sum(len(item) if isinstance(item, bytes | str) else 64 for item in unit.items)
    return unit.source.size()


def _stdin_data(source: Source) -> bytes | None:
    """Stdin is read by the parent (it is one input, cleaned in this process anyway)."""
    return sys.stdin.buffer.read() if source.is_stdin else None


def _line_chunks(source: Source) -> Iterator[tuple[int, list[bytes]]]:
    with open_input(source) as handle:
        yield from read_chunks(handle)


def _parquet_chunks(
    source: Source, pending: dict[tuple[int, int], Any], index: int, column: str
) -> Iterator[tuple[int, list[Any]]]:
    from .parquet import read_batches

    for first, batch, values in read_batches(source, column):
        pending[(index, first)] = batch
        yield first, values


def rereadable(sources: Sequence[Source], stack: ExitStack) -> list[Source]:
    """Learning reads every input twice: stdin is copied to a temporary file first."""
    out = []
    for source in sources:
        if not source.is_stdin:
            out.append(source)
            continue
        copy = Path(stack.enter_context(tempfile.TemporaryDirectory())) / "stdin"
        with copy.open("wb") as handle:
            shutil.copyfileobj(sys.stdin.buffer, handle)
        out.append(Source(copy, source.display, source.relative, source.kind))
    return out
