"""The executor interface: how a run's units are cleaned and its cross-document steps combined.

A run has at most two passes over its units (see :mod:`newsclean.run.runner`): learning and
cleaning. An executor runs a pass as ``fn(plan, unit)`` for every unit (``clean_unit`` or
``learn_unit`` of :mod:`newsclean.run.batch`) and yields the results *in the order of the units*, so
the parent writes and reports the same bytes whatever the engine. The ``(key, value)`` pairs
each result carries for the run's corpus steps (``Done.mapped``) are kept by the executor —
combined by key where they were made — and :meth:`Pass.results` finalizes every step once the
pass is over:

* :class:`LocalExecutor` — this process or the process pool of :mod:`newsclean.run.pool`; pairs are
  combined in this process (the reference);
* :class:`~newsclean.run.dask_engine.DaskExecutor` — a Dask cluster; pairs are combined on the
  workers, sharded by key, and only the steps' results come back (:mod:`newsclean.run.sharding`).

>>> from pathlib import Path
>>> from newsclean.run.batch import Plan, Unit, clean_unit
>>> from newsclean.config import Config
>>> from newsclean.run.files import Source
>>> unit = Unit(Source(None, "<stdin>", Path("stdin.txt")), 0, 0, data="大會(huì )開(kāi)幕,會(huì )議開(kāi)始。".encode())
>>> run = LocalExecutor(jobs=1).start(clean_unit, Plan(Config()), [unit], on_crash=None)
>>> [done.pieces[0][1].decode() for done in run], run.results(1)
(['大會開幕，會議開始。\\n'], [])
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol

from ..corpus import combine_into
from .batch import Done, Plan, Unit
from .pool import ordered_map
from .work import BYTES_PER_JOB, UNITS_PER_JOB, unit_weight

UnitFn = Callable[[Plan, Unit], Done]
OnCrash = Callable[[Unit, BaseException], Done] | None


class Pass(Protocol):
    """One pass over the units: iterate for the results in order, then ask for the steps'.

    Where text outputs go to files, the worker that cleans a unit writes them
    (``Plan.destination``); their results come back without pieces.
    """

    def __iter__(self) -> Iterator[Done]: ...

    def results(self, n_docs: int) -> list[Any]:
        """Every step of the plan finalized over all the pairs mapped in this pass."""
        ...


class Executor(Protocol):
    """Runs passes. ``jobs`` is how many units it cleans at once (for the parent's warm-up)."""

    jobs: int

    def start(
        self,
        fn: UnitFn,
        plan: Plan,
        work: Iterable[Unit],
        on_crash: OnCrash,
        nbytes: int = 0,
    ) -> Pass:
        """A pass of ``fn`` over ``work``; ``nbytes`` is about how much input it holds."""
        ...


class LocalExecutor:
    """This process (``jobs`` 1) or a pool of forked worker processes; pairs combined here."""

    def __init__(self, jobs: int = 1) -> None:
        self.jobs = jobs

    def start(
        self,
        fn: UnitFn,
        plan: Plan,
        work: Iterable[Unit],
        on_crash: OnCrash,
        nbytes: int = 0,
    ) -> Pass:
        return _LocalPass(self.jobs, fn, plan, work, on_crash)


class _LocalPass:
    def __init__(
        self, jobs: int, fn: UnitFn, plan: Plan, work: Iterable[Unit], on_crash: OnCrash
    ) -> None:
        self.jobs, self.fn, self.plan, self.work, self.on_crash = jobs, fn, plan, work, on_crash
        self.tables: list[dict[Any, Any]] = [{} for _ in plan.steps]

    def __iter__(self) -> Iterator[Done]:
        if self.jobs > 1:
            from ..pipeline import warm_up

            warm_up(self.plan.config)  # once, here: forked workers start warm
        results = ordered_map(
            self.fn,
            self.plan,
            self.work,
            self.jobs,
            self.on_crash,
            window=UNITS_PER_JOB * self.jobs,
            weigh=unit_weight,
            budget=BYTES_PER_JOB * self.jobs,
        )
        for done in results:
            for step, table, pairs in zip(self.plan.steps, self.tables, done.mapped, strict=True):
                combine_into(step, table, pairs)
            done.mapped = [[] for _ in self.plan.steps]
            yield done

    def results(self, n_docs: int) -> list[Any]:
        steps = self.plan.steps
        return [s.finalize(t, n_docs) for s, t in zip(steps, self.tables, strict=True)]
