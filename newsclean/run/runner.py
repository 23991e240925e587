"""A batch run: begin every document, learn from the batch, finish, filter, deliver.

The phases are those of :mod:`newsclean.corpus`; every document is cleaned once.

1. *Begin and learn* (only if there are :class:`~newsclean.corpus.ConfigLearner`\\ s): workers
   decode every document, run the stages before the one the learners change, ``map`` the
   learners over the lines they leave, and spool the begun documents on disk
   (:mod:`newsclean.run.spool`); the parent combines the pairs, finalizes, and ``apply`` refines
   the Config. (A learner that is not a :class:`~newsclean.corpus.PreparedLearner` gets the
   plain two passes instead: learning over the decoded inputs, then cleaning from the start.)
2. *Clean* (or *finish* the begun documents): workers take units — a text file, small text
   files grouped by the megabyte, or a chunk of a dataset — and return counts, diagnostics
   and the ``map`` pairs of each :class:`~newsclean.corpus.DocumentFilter`. Under ``-o`` and
   ``-i`` (without filters) they write each text file's output themselves; otherwise the
   outputs come back, and the parent takes the results in the run's order and writes them.
   Only the parent prints.
3. *Filter and deliver*: without filters, each input is delivered as soon as its results
   arrive. With filters, nothing can be delivered before every document is mapped, so the
   outputs wait in a :class:`~newsclean.run.output.Spool` (a temporary file, not memory); after
   ``finalize`` they are delivered from it, minus the rejected documents.

A rejected document is *not delivered*: under ``-o`` it is not written, on stdout it is not
printed, a rejected record is left out of its dataset's output; with ``-i`` a rejected text file
is left as it is (newsclean never deletes an input). Every rejection is one line on stderr,
``ID: rejected: REASON``; ``--check`` says ``would reject`` and exits 1; ``--diff`` shows no
diff for a rejected document.

Combining runs in the run's order and every step is pure, so the result is the same for any
number of workers.
"""

from __future__ import annotations

import gc
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..config import Config
from .batch import CRASHED, Done, Mode, Plan, Unit, learn_unit, run_units
from .fidelity import UTF8_LF, Fidelity
from .files import Source, UsageError, describe_oserror
from .jsonl import split_field
from .output import Destination, Spool, Writer, step_name
from .pool import isolate, ordered_map
from .progress import Progress
from .report import Entry, Report
from .spill import SpillTable
from .warm import warm
from .work import (
    BYTES_PER_JOB,
    UNITS_PER_JOB,
    group_weight,
    groups,
    rereadable,
    units,
    useful_jobs,
)


@dataclass(frozen=True, slots=True)
class Options:
    """How a run is carried out (not how a document is cleaned: that is the Config)."""

    mode: Mode = "write"
    output_dir: Path | None = None
    in_place: bool = False
    jobs: int = 1
    field: str = "text"
    stats_field: str | None = None
    explain: bool = False
    #: Where rejected documents are written (mirrored paths), instead of nowhere.
    rejected_dir: Path | None = None
    #: What a text file's output keeps of its input (line endings, encoding): see
    #: :mod:`newsclean.run.fidelity`.
    fidelity: Fidelity = UTF8_LF


def run(
    sources: Sequence[Source],
    config: Config,
    options: Options,
    report: Report,
    progress: Progress | None = None,
    learners: Sequence[Any] = (),
    filters: Sequence[Any] = (),
) -> dict[str, Any]:
    """Run the batch; outcomes go to ``report``. Returns the filters' reports, by step name."""
    progress = progress or Progress(enabled=False)
    options = replace(options, jobs=useful_jobs(sources, options.jobs))
    if filters and options.mode == "write" and any(s.kind == "parquet" for s in sources):
        raise UsageError("document filters do not support Parquet tables yet: use JSONL")
    with ExitStack() as stack:
        stack.enter_context(collecting_seldom())
        begun: dict[str, Any] = {}
        if learners:
            sources = rereadable(sources, stack)
            until = one_pass(learners, config)
            if until is None:
                config = _learn(sources, config, options, learners, progress)
            else:
                spool = stack.enter_context(tempfile.TemporaryDirectory(prefix="newsclean-"))
                begun = {"phase": "finish", "until": until, "spool": spool}
                begun["learners"] = tuple(learners)
                config, begun["sizes"] = _begin(sources, config, options, learners, progress, begun)
        run = _Run(sources, config, options, report, progress, filters, stack, begun)
        return run.clean()


#: The cycle collector's thresholds during a run (Python's default: 700, 10, 10).
GC_THRESHOLDS = (50_000, 20, 20)


@contextmanager
def collecting_seldom() -> Iterator[None]:
    """The cycle collector run seldom while a batch is cleaned (and in the workers forked
    meanwhile). Cleaning a document allocates tens of thousands of containers — lines, tuples,
    Change records — that reference counting frees at once; with the default thresholds the
    collector still ran ~2 collections a page (2,201 on 1,019 real pages, 10–20% of the CPU,
    each full one walking every cache of the stages) to find almost no cycles. Peak memory is
    unchanged (measured: 178 MB either way on (a) of ``bench/crawl.py --quick``)."""
    old = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*old)


def one_pass(learners: Sequence[Any], config: Config) -> str | None:
    """The stage before which every document can be begun and mapped once for all the
    learners (see :class:`~newsclean.corpus.PreparedLearner`), or ``None``: two passes."""
    stops = {getattr(step, "before", None) for step in learners}
    if len(stops) != 1 or None in stops:
        return None
    if any(getattr(step, "config", None) != config for step in learners):
        return None  # the learner prepares with other options than the run's
    return str(stops.pop())


def learn(
    sources: Sequence[Source],
    config: Config,
    options: Options,
    learners: Sequence[Any],
    progress: Progress | None = None,
) -> Config:
    """The learning pass alone (``newsclean learn``): ``config`` refined by the learners."""
    options = replace(options, jobs=useful_jobs(sources, options.jobs))
    with ExitStack() as stack:
        stack.enter_context(collecting_seldom())
        sources = rereadable(sources, stack)
        return _learn(sources, config, options, learners, progress or Progress(enabled=False))


def _plan(config: Config, options: Options, steps: Sequence[Any], **phase: Any) -> Plan:
    stats = split_field(options.stats_field) if options.stats_field else None
    return Plan(
        config,
        options.mode,
        split_field(options.field),
        stats,
        tuple(steps),
        keep_unchanged=not options.in_place,
        explain=options.explain,
        **phase,
        fidelity=options.fidelity,
    )


def _begin(
    sources: Sequence[Source],
    config: Config,
    options: Options,
    learners: Sequence[Any],
    progress: Progress,
    begun: dict[str, Any],
) -> tuple[Config, list[int]]:
    """Phase 1: begin, map and spool every document; combine and finalize the learners.
    Returns the refined Config and how the units were grouped (finishing groups them alike)."""
    plan = _plan(config, options, learners, phase="begin", until=begun["until"])
    plan = replace(plan, spool=begun["spool"])
    return _learning_pass(plan, run_units, sources, options, learners, progress)


def _learn(
    sources: Sequence[Source],
    config: Config,
    options: Options,
    learners: Sequence[Any],
    progress: Progress,
) -> Config:
    plan = _plan(config, options, learners)
    return _learning_pass(plan, learn_units, sources, options, learners, progress)[0]


def _learning_pass(
    plan: Plan,
    fn: Callable[[Plan, Sequence[Unit]], list[Done]],
    sources: Sequence[Source],
    options: Options,
    learners: Sequence[Any],
    progress: Progress,
) -> tuple[Config, list[int]]:
    """``fn`` over every unit, the learners' pairs combined and finalized: the refined Config,
    and how many units each group had. (The tables spill to disk past a bound:
    :mod:`newsclean.run.spill`.)"""
    n_docs = 0
    sizes: list[int] = []
    progress.start("learning", len(sources), sum(s.size() for s in sources))
    pending: dict[tuple[int, int], Any] = {}
    work = groups(
        units(sources, pending, options.field),
        options.jobs,
        total=_text_bytes(sources, options.jobs),
    )
    with tempfile.TemporaryDirectory(prefix="newsclean-") as folder:
        tables = [SpillTable(step, folder) for step in learners]
        for dones in _parallel(plan, work, options.jobs, sources, fn):
            sizes.append(len(dones))
            for done in dones:
                pending.pop((done.index, done.first), None)
                progress.advance(done.last, done.nbytes)
                n_docs += done.tally.documents
                for table, pairs in zip(tables, done.mapped, strict=True):
                    table.add(pairs)
        config = plan.config
        for table in tables:
            config = table.step.apply(config, table.finalize(n_docs))
    return config, sizes


def _text_bytes(sources: Sequence[Source], jobs: int) -> int:
    """The bytes of the text files (see :func:`~newsclean.run.work.groups`), ``0`` for one
    worker (nothing to balance)."""
    return sum(s.size() for s in sources if s.kind == "text") if jobs > 1 else 0


def learn_units(plan: Plan, work: Sequence[Unit]) -> list[Done]:
    """The learning pass of a two-pass run, over a group of units."""
    return [learn_unit(plan, unit) for unit in work]


def _crashed(
    plan: Plan, fn: Callable[[Plan, Sequence[Unit]], list[Done]]
) -> Callable[[Sequence[Unit], BaseException], list[Done]]:
    def failed(work: Sequence[Unit], exc: BaseException) -> list[Done]:
        error = f"{CRASHED} ({type(exc).__name__})"
        mapped: list[list[tuple[Any, Any]]] = [[] for _ in plan.steps]
        return [Done(u.index, u.last, first=u.first, error=error, mapped=mapped) for u in work]

    def on_crash(work: Sequence[Unit], exc: BaseException) -> list[Done]:
        if len(work) == 1 or plan.phase == "begin":
            return failed(work, exc)  # (a group that died beginning: finishing says so)
        # A group: find the unit that kills a worker, each in a worker of its own.
        alone = replace(plan, group=work[0].order) if plan.phase == "finish" else plan
        return [done for unit in work for done in isolate(fn, alone, (unit,), failed)]

    return on_crash


class _Run:
    """The cleaning pass and the delivery, in the parent process."""

    def __init__(
        self,
        sources: Sequence[Source],
        config: Config,
        options: Options,
        report: Report,
        progress: Progress,
        filters: Sequence[Any],
        stack: ExitStack,
        begun: dict[str, Any],
    ) -> None:
        self.sources, self.options, self.report, self.progress = sources, options, report, progress
        self.filters = list(filters)
        self.stack = stack
        self.sizes: list[int] | None = begun.pop("sizes", None)
        self.destination = Destination(
            options.mode, options.output_dir, options.in_place, options.stats_field
        )
        to_files = options.output_dir is not None or options.in_place
        workers_write = options.mode == "write" and to_files and not filters
        self.plan = _plan(
            config, options, filters, destination=self.destination if workers_write else None
        )
        if begun:
            self.plan = replace(self.plan, **begun)
        self.set_aside: Destination | None = None
        if options.rejected_dir is not None and options.mode == "write":
            self.set_aside = Destination("write", options.rejected_dir, False, options.stats_field)
        self.aside_writers: dict[int, Writer] = {}
        self.spool: Spool | None = None
        if self.filters and options.mode != "check":
            self.spool = Spool(options.output_dir)
            stack.callback(self.spool.close)
        self.entries: dict[int, Entry] = {}
        self.writers: dict[int, Writer] = {}
        self.batches: dict[tuple[int, int], Any] = {}
        self.field = options.field

    def clean(self) -> dict[str, Any]:
        tables = []
        if self.filters:  # (their tables spill to disk past a bound: newsclean.run.spill)
            folder = self.stack.enter_context(tempfile.TemporaryDirectory(prefix="newsclean-"))
            tables = [SpillTable(step, folder) for step in self.filters]
        n_docs = 0
        self.progress.start("cleaning", len(self.sources), sum(s.size() for s in self.sources))
        work = groups(
            units(self.sources, self.batches, self.field),
            self.options.jobs,
            self.sizes,
            total=_text_bytes(self.sources, self.options.jobs),
        )
        try:
            for dones in _parallel(self.plan, work, self.options.jobs, self.sources):
                for done in dones:
                    n_docs += self._clean_one(done, tables)
        except BaseException:  # interrupted: leave no temporary files behind
            for writer in self.writers.values():
                writer.discard()
            raise
        if not self.filters:
            return {}
        results = [table.finalize(n_docs) for table in tables]
        self._deliver_filtered(results)
        return {step_name(f): f.report(r) for f, r in zip(self.filters, results, strict=True)}

    def _clean_one(self, done: Done, tables: list[SpillTable]) -> int:
        """Take one unit's results in order; return how many documents it cleaned."""
        entry = self.entries.setdefault(done.index, Entry(self.sources[done.index]))
        self.report.add(entry, done)
        self.progress.advance(done.last, done.nbytes)
        for table, pairs in zip(tables, done.mapped, strict=True):
            table.add(pairs)
        if done.written:  # by the worker
            self.report.finish(entry)
            return done.tally.documents
        self._take(entry, done)
        if done.last and not self.filters:
            self._finish(done.index, entry)
        return done.tally.documents

    def _writer(self, entry: Entry, index: int) -> Writer:
        writer = self.writers.get(index)
        if writer is None:
            writer = self.writers[index] = self.destination.open(entry.source)
        return writer

    def _take(self, entry: Entry, done: Done) -> None:
        """Write (or spool) one unit's output, unless its input has already failed."""
        batch = self.batches.pop((done.index, done.first), None)
        if entry.error is not None:
            return
        try:
            if self.spool is not None:
                for doc_id, data in done.pieces:
                    self.spool.put(done.index, doc_id, data)
                return
            writer = self._writer(entry, done.index)
            for _, data in done.pieces:
                writer.write(data)
            if batch is not None and done.values is not None:
                writer.write_batch(batch, self.field, done.values, done.stats)  # type: ignore[attr-defined]
        except OSError as exc:
            self._write_failed(entry, done.index, exc)

    def _write_failed(self, entry: Entry, index: int, exc: OSError) -> None:
        writer = self.writers.pop(index, None)
        if writer is not None:
            writer.discard()
        self.report.fail(entry, describe_oserror(exc, "write"))

    def _finish(self, index: int, entry: Entry, rejected: bool = False) -> None:
        """Commit (or discard) an input's output and count it."""
        writer = self.writers.pop(index, None)
        if entry.error is not None or rejected:
            if writer is not None:
                writer.discard()
        else:
            writer = writer or self.destination.open(entry.source)
            try:
                writer.finish(entry.differs or entry.n_rejected > 0)
            except OSError as exc:
                writer.discard()
                self.report.fail(entry, describe_oserror(exc, "write"))
        self.report.finish(entry)

    def _deliver_filtered(self, results: list[Any]) -> None:
        rejected: dict[str, str] = {}
        for step, result in zip(self.filters, results, strict=True):
            for doc_id, reason in step.rejected(result).items():
                rejected.setdefault(doc_id, reason)
        by_input = _group(rejected, {e.source.display: i for i, e in self.entries.items()})
        frames = self.spool.frames() if self.spool is not None else iter(())
        frame = next(frames, None)
        for index, entry in sorted(self.entries.items()):
            mine = by_input.get(index, {})
            for doc_id, reason in sorted(mine.items(), key=_line_order):
                self.report.reject(entry, doc_id, reason)
            whole = entry.source.kind == "text" and bool(mine)
            while frame is not None and frame[0] == index:
                doc_id, data = frame[1], frame[2]
                if entry.error is None:
                    try:
                        if not whole and doc_id not in mine:
                            self._writer(entry, index).write(data)
                        elif self.set_aside is not None:
                            self._aside(entry, index).write(data)
                    except OSError as exc:
                        self._write_failed(entry, index, exc)
                frame = next(frames, None)
            self._finish_aside(index, entry)
            self._finish(index, entry, rejected=whole)

    def _aside(self, entry: Entry, index: int) -> Writer:
        """The writer for an input's rejected documents (``--duplicates-dir``)."""
        writer = self.aside_writers.get(index)
        if writer is None:
            assert self.set_aside is not None
            writer = self.aside_writers[index] = self.set_aside.open(entry.source)
        return writer

    def _finish_aside(self, index: int, entry: Entry) -> None:
        writer = self.aside_writers.pop(index, None)
        if writer is None:
            return
        if entry.error is not None:
            writer.discard()
            return
        try:
            writer.finish(True)
        except OSError as exc:
            writer.discard()
            self.report.fail(entry, describe_oserror(exc, "write"))


def _line_order(item: tuple[str, str]) -> tuple[int, str]:
    number = item[0].rpartition(":")[2]
    return (int(number) if number.isdigit() else 0, item[0])


def _group(rejected: dict[str, str], inputs: dict[str, int]) -> dict[int, dict[str, str]]:
    """Rejected ids by input: a text file's id is its name, a record's ``NAME:LINE``."""
    out: dict[int, dict[str, str]] = {}
    for doc_id, reason in rejected.items():
        name = doc_id if doc_id in inputs else doc_id.rpartition(":")[0]
        if name in inputs:
            out.setdefault(inputs[name], {})[doc_id] = reason
    return out


def _parallel(
    plan: Plan,
    work: Iterable[Sequence[Unit]],
    jobs: int,
    sources: Sequence[Source],
    fn: Callable[[Plan, Sequence[Unit]], list[Done]] = run_units,
) -> Iterator[list[Done]]:
    """The groups of units through ``fn`` on ``jobs`` workers, in order (see :mod:`.pool`)."""
    if jobs > 1:  # once, here: forked workers start warm, in every pass
        warm(plan.config, sources, decoding=plan.phase != "finish")
    return ordered_map(
        fn,
        plan,
        work,
        jobs,
        _crashed(plan, fn),
        window=UNITS_PER_JOB * jobs,
        weigh=group_weight,
        budget=BYTES_PER_JOB * jobs,
    )
