"""Finalizing a corpus step from a table split into shards, without gathering the table.

On a cluster, the combined table of a step (every key's value) is split into shards by a
stable hash of :meth:`Sharding.shard_key` and each shard stays on the worker that combined it.
A :class:`Sharding` says how to finalize the step from there, asking a :class:`Shards` to run
pure functions on every shard where it lives; only what those functions return travels:

* site boilerplate (:class:`~newsclean.corpus.site.SiteBoilerplate`): its ``finalize`` decides each
  line on the line's own keys (one per tier), so the shards are cut by line and each shard is
  finalized where it is; the learned keys come back, and are joined;
* near-duplicate documents (:class:`~newsclean.corpus.dedup.NearDuplicateDocs`): a bucket holding one
  document proposes nothing, and a signature matters only to a document that shares a bucket;
  the shards drop both, and the step's own ``finalize`` runs on what is left (the candidates);
* any other step: the shards are gathered and finalized whole (correct, not scalable).

The result is the step's own ``finalize`` over the whole table, whatever the number of shards
(tests/test_run_executors.py checks it).

>>> from newsclean.corpus import CorpusDoc
>>> from newsclean.corpus.dedup import NearDuplicateDocs
>>> step = NearDuplicateDocs()
>>> story = "国务院总理今天主持召开国务院常务会议，部署进一步稳定经济的措施。" * 4
>>> pairs = [p for i in range(3) for p in step.map(CorpusDoc(f"{i}.txt", i, story))]
>>> shards = LocalShards(sharding_for(step), pairs, n_shards=3)
>>> step.rejected(sharding_for(step).finalize(shards, 3))
{'1.txt': 'near-duplicate of 0.txt (similarity 1.00)', '2.txt': 'near-duplicate of 0.txt (similarity 1.00)'}
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass
from hashlib import blake2b
from typing import Any, Protocol, TypeVar

T = TypeVar("T")
Table = dict[Any, Any]


def shard_index(shard_key: Hashable, n_shards: int) -> int:
    """A shard for a key, the same in every process (``hash()`` is not: it is salted)."""
    if n_shards <= 1:
        return 0
    digest = blake2b(repr(shard_key).encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "big") % n_shards


class Shards(Protocol):
    """A step's combined table, split into shards that live where they were combined."""

    def each(self, fn: Callable[..., T], *args: Any) -> list[T]:
        """``fn(shard, *args)`` for every shard (a ``dict``), run where the shard lives."""
        ...


class Sharding(Protocol):
    """How a step's table is cut into shards, and finalized from them."""

    @property
    def step(self) -> Any: ...

    def shard_key(self, key: Any) -> Hashable: ...

    def compact(self, value: Any) -> Any:
        """The same value, cheaper to keep and send (called after combining)."""
        ...

    def finalize(self, shards: Shards, n_docs: int) -> Any: ...


def combine_pairs(
    sharding: Sharding, tables: list[Table], pairs: Iterable[tuple[Any, Any]]
) -> None:
    """Combine mapped pairs into the shard tables, each pair into the shard of its key."""
    step, n = sharding.step, len(tables)
    for key, value in pairs:
        table = tables[shard_index(sharding.shard_key(key), n)]
        table[key] = step.combine(table[key], value) if key in table else value


def merge_tables(sharding: Sharding, *tables: Table) -> Table:
    """Combine tables of the same shard into one (a new dict; the inputs are left alone)."""
    step = sharding.step
    out: Table = dict(tables[0]) if tables else {}
    for table in tables[1:]:
        for key, value in table.items():
            out[key] = step.combine(out[key], value) if key in out else value
    return {key: sharding.compact(value) for key, value in out.items()}


@dataclass(frozen=True)
class Whole:
    """Any step: the shards are gathered and finalized as one table."""

    step: Any

    def shard_key(self, key: Any) -> Hashable:
        return key  # type: ignore[no-any-return]

    def compact(self, value: Any) -> Any:
        return value

    def finalize(self, shards: Shards, n_docs: int) -> Any:
        table: Table = {}
        for part in shards.each(_identity):
            table.update(part)
        return self.step.finalize(table, n_docs)


def _identity(table: Table) -> Table:
    return table


@dataclass(frozen=True)
class ByLine(Whole):
    """Site boilerplate: shards cut by line (a key is a tier letter and the line's site key),
    each finalized alone; the learned keys are joined."""

    def shard_key(self, key: Any) -> Hashable:
        return key[1:]  # type: ignore[no-any-return]

    def finalize(self, shards: Shards, n_docs: int) -> Any:
        learned: frozenset[str] = frozenset()
        for part in shards.each(_finalize_part, self.step, n_docs):
            learned |= part
        return learned


def _finalize_part(table: Table, step: Any, n_docs: int) -> Any:
    return step.finalize(table, n_docs)


@dataclass(frozen=True)
class Candidates(Whole):
    """Near-duplicate documents: only buckets of two or more documents, and the signatures of
    the documents in them, reach the step's ``finalize``."""

    def compact(self, value: Any) -> Any:
        from ..corpus.dedup import Signed, _flatten

        if isinstance(value, Signed | int):
            return value
        return _balanced(sorted(set(_flatten(value))))

    def finalize(self, shards: Shards, n_docs: int) -> Any:
        found = shards.each(_shared_buckets)
        candidates: set[int] = set()
        table: Table = {}
        for buckets, orders in found:
            table.update(buckets)
            candidates |= orders
        for signatures in shards.each(_signatures_of, frozenset(candidates)):
            table.update(signatures)
        return self.step.finalize(table, n_docs)


def _balanced(orders: list[int]) -> Any:
    """Bucket members as a balanced tree of pairs: a bucket of many copies stays shallow
    (a chain of pairs as deep as the bucket is large cannot be pickled)."""
    if len(orders) == 1:
        return orders[0]
    middle = len(orders) // 2
    return (_balanced(orders[:middle]), _balanced(orders[middle:]))


def _shared_buckets(table: Table) -> tuple[Table, set[int]]:
    from ..corpus.dedup import SIGNATURE, Signed, _flatten

    buckets: Table = {}
    orders: set[int] = set()
    for key, value in table.items():
        if key[0] == SIGNATURE or isinstance(value, Signed | int):
            continue
        members = set(_flatten(value))
        if len(members) > 1:
            buckets[key] = value
            orders |= members
    return buckets, orders


def _signatures_of(table: Table, orders: frozenset[int]) -> Table:
    from ..corpus.dedup import SIGNATURE

    return {k: v for k, v in table.items() if k[0] == SIGNATURE and k[1] in orders}


def sharding_for(step: Any) -> Sharding:
    """The sharding of a known step, else :class:`Whole`."""
    from ..corpus.dedup import NearDuplicateDocs
    from ..corpus.site import SiteBoilerplate

    if isinstance(step, SiteBoilerplate):
        return ByLine(step)
    if isinstance(step, NearDuplicateDocs):
        return Candidates(step)
    return Whole(step)


class LocalShards:
    """Shards held in this process: the reference for tests, and a cluster-free fallback."""

    def __init__(self, sharding: Sharding, pairs: Iterable[tuple[Any, Any]], n_shards: int) -> None:
        self.tables: list[Table] = [{} for _ in range(n_shards)]
        combine_pairs(sharding, self.tables, pairs)
        self.tables = [merge_tables(sharding, t) for t in self.tables]

    def each(self, fn: Callable[..., T], *args: Any) -> list[T]:
        return [fn(table, *args) for table in self.tables]


def as_mapping(shards: Iterable[Mapping[Any, Any]]) -> Table:
    """All shards as one table (for tests)."""
    out: Table = {}
    for table in shards:
        out.update(table)
    return out
