"""The Dask executor: a run's units cleaned on a Dask cluster, its corpus steps combined there.

``newsclean fix --engine dask [--scheduler ADDRESS]`` runs here. What goes where:

* the parent (the Dask *client*) discovers the inputs and cuts them into units as a local run
  does (a text file is a path, read by the worker; a dataset is read here in chunks of lines or
  rows); consecutive units are grouped into tasks of about ``TASK_BYTES``;
* a worker cleans a task's units (:func:`newsclean.run.batch.clean_unit`, the same code as a local
  run) and returns their outputs; the ``(key, value)`` pairs of the corpus steps stay on the
  cluster, combined by key into shards (:mod:`newsclean.run.sharding`) and merged in a tree as
  the run goes;
* the parent takes the outputs in the run's order and writes them as a local run does (same
  names, same bytes), at most ``WINDOW_PER_WORKER`` tasks per worker ahead of the writing;
* at the end of a pass, each step is finalized shard by shard on the workers; only its result
  (the learned lines, the clusters) comes back.

Dask is imported only here (and in :mod:`newsclean.run.dask_api`): ``pip install
'newsclean[dask]'``.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from typing import Any, TypeVar

from .batch import Done, Plan, Unit
from .executors import OnCrash, Pass, UnitFn
from .sharding import Sharding, combine_pairs, merge_tables, sharding_for
from .work import unit_weight

T = TypeVar("T")

#: Input bytes grouped into one task (and at most ``TASK_UNITS`` units): a task costs the
#: scheduler about a millisecond, a small page about as much to clean.
TASK_BYTES = 1 << 20
TASK_UNITS = 512
#: ... but a run gives each worker at least this many tasks (down to tasks of MIN_TASK_BYTES).
TASKS_PER_WORKER = 8
MIN_TASK_BYTES = 16 << 10
#: Tasks in flight per worker, ahead of the parent's writing.
WINDOW_PER_WORKER = 4
#: Shard tables merged together at a time (a tree of merges, as the pass goes).
FAN_IN = 8

Table = dict[Any, Any]


def _import_distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise ImportError("--engine dask needs Dask: pip install 'newsclean[dask]'") from None
    return distributed


class DaskExecutor(AbstractContextManager["DaskExecutor"]):
    """Runs passes on a Dask cluster: the one at ``scheduler`` (``tcp://host:8786``), or a
    LocalCluster of ``workers`` processes (default: the CPUs) started here and stopped on exit.

    ``client`` may be an existing :class:`distributed.Client` (it is not closed on exit).
    """

    def __init__(
        self,
        scheduler: str | None = None,
        workers: int | None = None,
        client: Any = None,
        processes: bool = True,
    ) -> None:
        distributed = _import_distributed()
        self.cluster: Any = None
        self.own_client = client is None
        if client is None and scheduler is None:
            n = workers or _cpu_count()
            self.cluster = distributed.LocalCluster(
                n_workers=n,
                threads_per_worker=1,
                processes=processes,
                dashboard_address=None,
            )
            client = distributed.Client(self.cluster)
        elif client is None:
            client = distributed.Client(scheduler)
        self.client = client
        self.jobs = max(1, len(client.scheduler_info().get("workers", {})) or (workers or 1))
        self.warm: set[Any] = set()

    def __exit__(self, *exc: object) -> None:
        if self.own_client:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def start(
        self,
        fn: UnitFn,
        plan: Plan,
        work: Iterable[Unit],
        on_crash: OnCrash,
        nbytes: int = 0,
    ) -> Pass:
        self._warm_up(plan)
        # Enough tasks to keep every worker busy to the end, however small the run.
        task_bytes = min(TASK_BYTES, max(MIN_TASK_BYTES, nbytes // (TASKS_PER_WORKER * self.jobs)))
        return _DaskPass(self, fn, plan, work, on_crash, task_bytes)

    def _warm_up(self, plan: Plan) -> None:
        """Load the cleaning tables once in every worker (not inside the first tasks)."""
        key = (plan.config.to, plan.config.stages)
        if key not in self.warm:
            from ..pipeline import warm_up

            self.client.run(warm_up, plan.config)
            self.warm.add(key)


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _run_task(
    fn: UnitFn,
    plan: Plan,
    batch: list[Unit],
    shardings: list[Sharding],
    n_shards: int,
) -> tuple[list[Done], list[list[Table]]]:
    """On a worker: the units through ``fn`` (which writes text outputs where the plan has a
    destination); their pairs combined into shard tables."""
    dones = []
    tables: list[list[Table]] = [[{} for _ in range(n_shards)] for _ in shardings]
    for unit in batch:
        done = fn(plan, unit)
        for sharding, shard_tables, pairs in zip(shardings, tables, done.mapped, strict=True):
            combine_pairs(sharding, shard_tables, pairs)
        done.mapped = [[] for _ in shardings]
        dones.append(done)
    return dones, [
        [merge_tables(s, t) for t in ts] for s, ts in zip(shardings, tables, strict=True)
    ]


def _dones(result: tuple[list[Done], Any]) -> list[Done]:
    return result[0]


def _shard(result: tuple[Any, list[list[Table]]], step: int, shard: int) -> Table:
    return result[1][step][shard]


def _merge(sharding: Sharding, *tables: Table) -> Table:
    return merge_tables(sharding, *tables)


def _apply(table: Table, fn: Callable[..., T], *args: Any) -> T:
    return fn(table, *args)


class _Tree:
    """The shard tables of one step and shard, merged FAN_IN at a time as they come."""

    def __init__(self, client: Any, sharding: Sharding) -> None:
        self.client, self.sharding = client, sharding
        self.levels: list[list[Any]] = []

    def add(self, future: Any, level: int = 0) -> None:
        while len(self.levels) <= level:
            self.levels.append([])
        self.levels[level].append(future)
        if len(self.levels[level]) >= FAN_IN:
            group, self.levels[level] = self.levels[level], []
            self.add(self.client.submit(_merge, self.sharding, *group, pure=False), level + 1)

    def root(self) -> Any:
        rest = [f for level in self.levels for f in level]
        if len(rest) == 1:
            return rest[0]
        return self.client.submit(_merge, self.sharding, *rest, pure=False)


class _ClusterShards:
    """A step's shards as futures on the cluster (:class:`~newsclean.run.sharding.Shards`)."""

    def __init__(self, client: Any, futures: list[Any]) -> None:
        self.client, self.futures = client, futures

    def each(self, fn: Callable[..., T], *args: Any) -> list[T]:
        shared = [self.client.scatter(a, broadcast=True) if _big(a) else a for a in args]
        futures = [self.client.submit(_apply, f, fn, *shared, pure=False) for f in self.futures]
        return list(self.client.gather(futures))


def _big(arg: Any) -> bool:
    return isinstance(arg, set | frozenset | dict | list) and len(arg) > 1000


class _DaskPass:
    def __init__(
        self,
        executor: DaskExecutor,
        fn: UnitFn,
        plan: Plan,
        work: Iterable[Unit],
        on_crash: OnCrash,
        task_bytes: int,
    ) -> None:
        self.task_bytes = task_bytes
        self.client = executor.client
        self.jobs = executor.jobs
        self.fn, self.plan, self.work, self.on_crash = fn, plan, work, on_crash
        self.shardings = [sharding_for(step) for step in plan.steps]
        self.n_shards = max(1, self.jobs) if plan.steps else 0
        self.trees = [[_Tree(self.client, s) for _ in range(self.n_shards)] for s in self.shardings]

    def _tasks(self) -> Iterator[list[Unit]]:
        batch: list[Unit] = []
        size = 0
        for unit in self.work:
            batch.append(unit)
            size += unit_weight(unit)
            if size >= self.task_bytes or len(batch) >= TASK_UNITS:
                yield batch
                batch, size = [], 0
        if batch:
            yield batch

    def _submit(self, plan: Any, batch: list[Unit]) -> tuple[Any, list[list[Any]]]:
        """A task for ``batch``: the future of its results, and of its shard tables (per step,
        per shard), which join the merge trees once the task has succeeded."""
        task = self.client.submit(
            _run_task, self.fn, plan, batch, self.shardings, self.n_shards, pure=False
        )
        shards = [
            [
                self.client.submit(_shard, task, step, shard, pure=False)
                for shard in range(self.n_shards)
            ]
            for step in range(len(self.shardings))
        ]
        return self.client.submit(_dones, task, pure=False), shards

    def _keep(self, shards: list[list[Any]]) -> None:
        for trees, futures in zip(self.trees, shards, strict=True):
            for tree, future in zip(trees, futures, strict=True):
                tree.add(future)

    def __iter__(self) -> Iterator[Done]:
        plan = self.client.scatter(self.plan, broadcast=True, hash=False)
        window = WINDOW_PER_WORKER * self.jobs
        pending: deque[tuple[list[Unit], tuple[Any, list[list[Any]]]]] = deque()
        tasks = self._tasks()
        while True:
            while len(pending) < window:
                batch = next(tasks, None)
                if batch is None:
                    break
                pending.append((batch, self._submit(plan, batch)))
            if not pending:
                return
            batch, (future, shards) = pending.popleft()
            try:
                dones = future.result()
            except Exception:  # noqa: BLE001 - a worker died, or a bug: report the units
                dones = self._alone(plan, batch)
            else:
                self._keep(shards)
            del future, shards
            yield from dones

    def _alone(self, plan: Any, batch: list[Unit]) -> list[Done]:
        """A task failed (its worker died): each of its units again alone; a unit that fails
        again is the one to blame (``on_crash``)."""
        out = []
        for unit in batch:
            future, shards = self._submit(plan, [unit])
            try:
                out.extend(future.result())
            except Exception as exc:
                if self.on_crash is None:
                    raise
                out.append(self.on_crash(unit, exc))
            else:
                self._keep(shards)
        return out

    def results(self, n_docs: int) -> list[Any]:
        out = []
        for sharding, trees in zip(self.shardings, self.trees, strict=True):
            shards = _ClusterShards(self.client, [tree.root() for tree in trees])
            out.append(sharding.finalize(shards, n_docs))
        return out
