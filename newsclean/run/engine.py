"""A batch run on any :class:`~newsclean.run.executors.Executor`: the runner's two passes with
the units and the corpus steps handed to the executor.

Reading the inputs, writing the outputs (atomically, in the run's order), the spool, the
rejections and the report are :mod:`newsclean.runner`'s own: what reaches the disk is the same
bytes as a local run, whatever the engine. ``newsclean fix --engine dask`` comes here; the
local engine still runs through :func:`newsclean.runner.run` (the one-pass runner of issue 13
is to move onto the executor interface next).
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import ExitStack
from typing import Any

from ..batch import Done, clean_unit, learn_unit
from ..config import Config
from ..files import Source, UsageError
from ..output import Destination, step_name
from ..progress import Progress
from ..report import Entry, Report
from ..runner import Options, _crashed, _plan, _Run
from ..work import rereadable, units
from .executors import Executor


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
    """Run the batch on ``executor`` (see :func:`newsclean.runner.run`, same contract)."""
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
    run = executor.start(learn_unit, plan, work, _crashed(plan), nbytes)
    for done in run:
        pending.pop((done.index, done.first), None)
        progress.advance(done.last, done.nbytes)
        n_docs += done.tally.documents
    for step, result in zip(learners, run.results(n_docs), strict=True):
        config = step.apply(config, result)
    return config


class _ExecutorRun(_Run):
    """The runner's cleaning pass and delivery, with the units and the filters on an executor."""

    def __init__(self, executor: Executor, *args: Any) -> None:
        super().__init__(*args)
        self.executor = executor
        self.delivered = False  # does the executor write the text outputs?

    def _deliverable(self) -> Destination | None:
        """Text outputs can be written where they are made when they go to files and no filter
        has to see every document first (then they wait in the spool, here)."""
        files = self.options.output_dir is not None or self.options.in_place
        if self.options.mode == "write" and files and not self.filters:
            return self.destination
        return None

    def _take(self, entry: Entry, done: Done) -> None:
        if self.delivered and entry.source.kind == "text":
            return
        super()._take(entry, done)

    def _finish(self, index: int, entry: Entry, rejected: bool = False) -> None:
        if self.delivered and entry.source.kind == "text":
            self.report.finish(entry)
            return
        super()._finish(index, entry, rejected)

    def clean(self) -> dict[str, Any]:
        tables: list[dict[Any, Any]] = [{} for _ in self.filters]  # stay empty: see the executor
        n_docs = 0
        nbytes = sum(s.size() for s in self.sources)
        self.progress.start("cleaning", len(self.sources), nbytes)
        work = units(self.sources, self.batches, self.field)
        run = self.executor.start(
            clean_unit, self.plan, work, _crashed(self.plan), nbytes, self._deliverable()
        )
        self.delivered = run.delivers
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
