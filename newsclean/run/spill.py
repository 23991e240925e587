"""A corpus step's combined table in the parent process, bounded: past a number of keys it is
spilled to disk, cut into shards, and finalized shard by shard.

The parent of a run combines every document's pairs into one table per step before it can
finalize. The site learner keys each short line of a page (about 64 distinct keys a real page,
~215 bytes each in memory), so on a crawl of distinct pages that table grows with the crawl:
~1.3 GB for 100,000 pages, in the process that also forks the workers. Here the table holds
at most :data:`LIMIT` keys in memory; each time it grows past that, its entries are appended
to one file per shard (by :func:`~newsclean.run.sharding.shard_index` of the step's
:meth:`~newsclean.run.sharding.Sharding.shard_key`) and the table starts again. Finalizing then
goes through the step's :class:`~newsclean.run.sharding.Sharding`, as on a cluster: the site
learner decides each line on its own keys, so each shard is read back, merged and finalized
alone, and only the learned keys are kept; a step that needs its table whole gets it whole
(correct, not bounded). The result is the step's own ``finalize`` over the whole table
(tests/test_spill.py; the cluster's shards are tested against the same reference).

A run that never grows past the bound never touches the disk.

>>> from newsclean.corpus.site import SiteBoilerplate
>>> import tempfile
>>> with tempfile.TemporaryDirectory() as folder:
...     table = SpillTable(SiteBoilerplate(), folder, limit=2)
...     table.add([("ha", (1,)), ("hb", (2,)), ("hc", (3,))])
...     table.add([("ha", (4,))])
...     len(table.table), table.spills
(1, 1)
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from ..corpus import combine_into
from .sharding import Sharding, Table, merge_tables, shard_index, sharding_for

T = TypeVar("T")

#: Keys a step's table holds in memory before it is spilled (~7 MB of the site learner's).
LIMIT = 1 << 15
#: Files a spilled table is cut into: a shard read back holds about 1/SHARDS of the table.
SHARDS = 64


class SpillTable:
    """One step's combined table: :meth:`add` pairs, then :meth:`finalize` (also a
    :class:`~newsclean.run.sharding.Shards`, for the step's sharding to finalize from).
    Without a ``folder`` it stays in memory."""

    def __init__(
        self, step: Any, folder: str | None, limit: int | None = None, shards: int = SHARDS
    ) -> None:
        self.step = step
        self.sharding: Sharding = sharding_for(step)
        self.folder = folder
        self.limit = LIMIT if limit is None else limit
        self.shards = shards
        self.table: Table = {}
        self.spills = 0  # how many times the table went to disk

    def add(self, pairs: Iterable[tuple[Any, Any]]) -> None:
        """Combine ``pairs`` in (``step.combine``), spilling past the bound."""
        combine_into(self.step, self.table, pairs)
        if len(self.table) > self.limit and self.folder is not None:
            self._spill()

    def finalize(self, n_docs: int) -> Any:
        """The step's result over everything added (its ``finalize`` over the whole table)."""
        if not self.spills:
            return self.step.finalize(self.table, n_docs)
        return self.sharding.finalize(self, n_docs)

    def each(self, fn: Callable[..., T], *args: Any) -> list[T]:
        """``fn(shard, *args)`` for every shard read back, merged (what is still in memory is
        spilled first, so that every key of a shard is in it)."""
        if self.table:
            self._spill()
        out = []
        for k in range(self.shards):
            parts = list(self._read(k))
            if parts:
                out.append(fn(merge_tables(self.sharding, *parts), *args))
        return out

    def _path(self, k: int) -> str:
        assert self.folder is not None
        return os.path.join(self.folder, f"{id(self):x}-{k}.pickle")

    def _spill(self) -> None:
        parts: list[Table] = [{} for _ in range(self.shards)]
        key_of, compact = self.sharding.shard_key, self.sharding.compact
        for key, value in self.table.items():
            parts[shard_index(key_of(key), self.shards)][key] = compact(value)
        self.table = {}  # (a new dict: a cleared one keeps its size)
        for k, part in enumerate(parts):
            if part:
                with open(self._path(k), "ab") as f:
                    pickle.dump(part, f, protocol=pickle.HIGHEST_PROTOCOL)
        self.spills += 1

    def _read(self, k: int) -> Iterator[Table]:
        path = self._path(k)
        if not os.path.exists(path):
            return  # (no key of the table fell in this shard)
        with open(path, "rb") as f:
            while True:
                try:
                    yield pickle.load(f)
                except EOFError:
                    return
