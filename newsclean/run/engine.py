"""A batch run on any :class:`~newsclean.run.executors.Executor`: the runner's two passes with
the units and the corpus steps handed to the executor.

Reading the inputs, writing the outputs (atomically, in the run's order), the spool, the
rejections and the report are :mod:`newsclean.run.runner`'s own: what reaches the disk is the same
bytes as a local run, whatever the engine. ``newsclean fix --engine dask`` comes here; the
local engine still runs through :func:`newsclean.run.runner.run` (the one-pass runner of issue 13
is to move onto the executor interface next).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import ExitStack
from typing import Any

from ..config import Config
from .batch import Done, Plan, Unit, clean_unit, learn_unit, run_units
from .executors import Executor
from .files import Source, UsageError
from .output import step_name
from .progress import Progress
from .report import Report
from .runner import Options, _crashed, _plan, _Run
from .spill import SpillTable
from .work import rereadable, units


def run(
    executor: Executor,
    sources: Sequence[Source],
    config: Config,
    options: Options,
    report: Report,
    progress: Progress | None = None,
    learners: Sequence[Any] = (),
    filters: Sequence[Any] = (),
) -> dict[str, Any]:
    """Run the batch on ``executor`` (see :func:`newsclean.run.runner.run`, same contract)."""
    progress = progress or Progress(enabled=False)
    if filters and options.mode == "write" and any(s.kind == "parquet" for s in sources):
        raise UsageError("document filters do not support Parquet tables yet: use JSONL")
    with ExitStack() as stack:
        if learners:
            sources = rereadable(sources, stack)
            config = _learn(executor, sources, config, options, learners, progress)
        return _ExecutorRun(
            executor, sources, config, options, report, progress, filters, stack
        ).clean()


def _learn(
    executor: Executor,
    sources: Sequence[Source],
    config: Config,
    options: Options,
    learners: Sequence[Any],
    progress: Progress,
) -> Config:
    plan = _plan(config, options, learners)
    n_docs = 0
    nbytes = sum(s.size() for s in sources)
    progress.start("learning", len(sources), nbytes)
    pending: dict[tuple[int, int], Any] = {}
    work = units(sources, pending, options.field)
    run = executor.start(learn_unit, plan, work, _unit_crashed(plan), nbytes)
    for done in run:
        pending.pop((done.index, done.first), None)
        progress.advance(done.last, done.nbytes)
        n_docs += done.tally.documents
    for step, result in zip(learners, run.results(n_docs), strict=True):
        config = step.apply(config, result)
    return config


def _unit_crashed(plan: Plan) -> Callable[[Unit, BaseException], Done]:
    """The runner's answer to a unit whose worker died, one unit at a time."""
    on_crash = _crashed(plan, run_units)
    return lambda unit, exc: on_crash((unit,), exc)[0]


class _ExecutorRun(_Run):
    """The runner's cleaning pass and delivery, with the units and the filters on an executor.

    Text outputs under ``-o``/``-i`` without filters are written by the worker that cleans
    them (``Plan.destination``, as in a local run); the rest come back and are written here.
    """

    def __init__(
        self,
        executor: Executor,
        sources: Sequence[Source],
        config: Config,
        options: Options,
        report: Report,
        progress: Progress,
        filters: Sequence[Any],
        stack: ExitStack,
    ) -> None:
        super().__init__(sources, config, options, report, progress, filters, stack, begun={})
        self.executor = executor

    def clean(self) -> dict[str, Any]:
        tables = [SpillTable(step, None) for step in self.filters]  # stay empty: see the executor
        n_docs = 0
        nbytes = sum(s.size() for s in self.sources)
        self.progress.start("cleaning", len(self.sources), nbytes)
        work = units(self.sources, self.batches, self.field)
        run = self.executor.start(clean_unit, self.plan, work, _unit_crashed(self.plan), nbytes)
        try:
            for done in run:
                n_docs += self._clean_one(done, tables)
        except BaseException:  # interrupted: leave no temporary files behind
            for writer in self.writers.values():
                writer.discard()
            raise
        if not self.filters:
            return {}
        results = run.results(n_docs)
        self._deliver_filtered(results)
        return {step_name(f): f.report(r) for f, r in zip(self.filters, results, strict=True)}
