"""The work done for one unit of input — a text file, or a chunk of JSONL lines or Parquet values.

Everything here runs in a worker process (or in the parent under ``-j 1``) and returns plain
data, in the run's order, so the output is the same for any number of workers. The workers
print nothing; under ``-o`` and ``-i`` they write each text file's output themselves (a path is
owned by exactly one unit), otherwise the outputs come back to the parent, which writes them.

A unit is cleaned in one of three phases (:attr:`Plan.phase`, see :mod:`newsclean.corpus`):
``clean`` from the bytes; ``begin``, which stops before the stage a learner's result changes,
maps the learners and spools the begun documents (:mod:`newsclean.run.spool`); ``finish``, which
takes them from the spool and ends exactly as ``clean`` would with the learned Config.

>>> from pathlib import Path
>>> plan = Plan(Config())
>>> unit = Unit(Source(None, "<stdin>", Path("stdin.txt")), 0, 0, data="大會(huì )開(kāi)幕,會(huì )議開(kāi)始,會(huì )場(chǎng)熱鬧。".encode())
>>> done = clean_unit(plan, unit)
>>> done.pieces[0][1].decode(), done.tally.changed
('大會開幕，會議開始，會場熱鬧。\\n', 1)
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from ..config import Config
from ..corpus import CorpusDoc, combine_into
from ..decode import Decoded, decode_bytes
from ..model import Diagnostic, Result
from ..pipeline import begin, clean, finish, of_bytes
from .diff import line_hunk, record_diff, text_diff
from .fidelity import UTF8_LF, Fidelity, in_line_endings
from .fidelity import render as render_text
from .files import Source, describe_oserror, read_bytes
from .jsonl import BadRecord, NullText, field_text, parse, rewrite, with_field
from .spool import Spooled

Mode = Literal["write", "check", "diff"]
Phase = Literal["clean", "begin", "finish"]
Pairs = list[tuple[Any, Any]]


@dataclass(frozen=True, slots=True)
class Plan:
    """What every worker needs to know about the run (picklable, set once per worker)."""

    config: Config
    mode: Mode = "write"
    field: tuple[str, ...] = ("text",)
    stats_field: tuple[str, ...] | None = None
    #: The corpus steps whose ``map`` runs on each document: learners in the learning pass,
    #: filters in the cleaning pass.
    steps: tuple[Any, ...] = ()
    #: ``-i`` rewrites only changed files: an unchanged text's output need not come back.
    keep_unchanged: bool = True
    #: ``--explain``: list every change with the input line it touched.
    explain: bool = False
    #: ``clean`` a unit from its bytes, or ``begin`` it (up to the stage ``until``, spooled
    #: under the folder ``spool``), or ``finish`` what was begun (see the module docstring).
    phase: Phase = "clean"
    until: str = ""
    spool: str | None = None
    #: While finishing one unit of a group alone (after a crash): the group's spool key.
    group: int | None = None
    #: While finishing: the learners that began the documents, for what they carried in the
    #: spool (:class:`~newsclean.corpus.Carrying`).
    learners: tuple[Any, ...] = ()
    #: Where the workers write text outputs themselves (an :class:`~newsclean.run.output.Destination`
    #: under ``-o``/``-i`` without corpus filters); ``None``: the parent writes them.
    destination: Any = None

    @property
    def ran(self) -> int:
        """How many stages ``begin`` ran (the position of ``until`` among the stages)."""
        stages = self.config.stages
        return stages.index(self.until) if self.until in stages else len(stages)

    #: What a text file's output keeps of the input: line endings, encoding (``-i``).
    fidelity: Fidelity = UTF8_LF


@dataclass(frozen=True, slots=True)
class Unit:
    """One piece of work. A text file is one unit; a dataset is cut into chunks of ``items``.

    ``index`` is the source's position in the run, ``order`` the run-wide position of the
    unit's first document, ``first`` the line (JSONL) or row (Parquet) number of ``items[0]``.
    ``error`` is a reading problem the parent met; ``data`` is text the parent already read.
    """

    source: Source
    index: int
    order: int
    first: int = 1
    items: Sequence[Any] = ()
    last: bool = True
    error: str | None = None
    data: bytes | None = None


@dataclass(slots=True)
class Tally:
    """What happened to the documents of a unit (or, summed, of a whole input)."""

    documents: int = 0
    changed: int = 0
    stages: dict[str, int] = field(default_factory=dict)
    #: (record line or row, diagnostic); 0 for a text file.
    diagnostics: list[tuple[int, Diagnostic]] = field(default_factory=list)
    #: (record line or row, problem) for records that could not be cleaned.
    bad: list[tuple[int, str]] = field(default_factory=list)
    #: ``--explain`` lines, ready to show.
    explain: list[str] = field(default_factory=list)
    #: Records whose field is null (kept as they are, not errors), in JSONL and Parquet alike.
    nulls: int = 0
    #: Changed lines per ``stage/rule`` (``--statistics``).
    rules: dict[str, int] = field(default_factory=dict)

    def record(self, result: Result, changed: bool, where: int) -> None:
        self.documents += 1
        self.changed += changed
        for stage, count in result.counts().items():
            self.stages[stage] = self.stages.get(stage, 0) + count
        for change in result.changes:
            rule = f"{change.stage}/{change.rule}" if change.rule else change.stage
            self.rules[rule] = self.rules.get(rule, 0) + 1
        self.diagnostics.extend((where, d) for d in result.diagnostics)

    def add(self, other: Tally) -> None:
        self.documents += other.documents
        self.changed += other.changed
        for stage, count in other.stages.items():
            self.stages[stage] = self.stages.get(stage, 0) + count
        self.diagnostics.extend(other.diagnostics)
        self.bad.extend(other.bad)
        self.explain.extend(other.explain)
        self.nulls += other.nulls
        for rule, count in other.rules.items():
            self.rules[rule] = self.rules.get(rule, 0) + count


@dataclass(slots=True)
class Done:
    """The result of one unit. ``pieces`` are ``(document id, bytes)`` to deliver in order: the
    output (or, under ``--diff``, the diff); ``values`` the cleaned Parquet values; ``mapped``
    the ``(key, value)`` pairs of each corpus step."""

    index: int
    last: bool
    first: int = 1
    nbytes: int = 0
    differs: bool = False  # does the output differ from the input, byte for byte?
    tally: Tally = field(default_factory=Tally)
    pieces: list[tuple[str | None, bytes]] = field(default_factory=list)
    values: list[Any] | None = None
    stats: list[str] | None = None
    mapped: list[Pairs] = field(default_factory=list)
    error: str | None = None
    #: The worker wrote (or, unchanged under ``-i``, rightly left) the output itself.
    written: bool = False
    #: Why the output differs when its text does not (only the encoding or line endings).
    note: str | None = None


def clean_unit(plan: Plan, unit: Unit) -> Done:
    """Clean one unit; every problem becomes ``Done.error`` or a bad record, never an exception."""
    return run_units(plan, (unit,))[0]


def run_units(plan: Plan, work: Sequence[Unit]) -> list[Done]:
    """Clean (or begin, or finish: ``plan.phase``) a group of units — small text files
    travel to a worker together — and return one result per unit. The corpus steps' pairs
    are combined here already (map-side), and come back on the last result."""
    spooled = None
    if plan.spool:
        key = work[0].order if plan.group is None else plan.group
        spooled = Spooled(plan.spool, key, plan.phase == "finish", plan.group is not None)
    dones = []
    for unit in work:
        done = Done(unit.index, unit.last, unit.first, mapped=[[] for _ in plan.steps])
        if unit.error is not None:
            done.error = unit.error
        elif spooled is not None and not spooled.unit(unit.order):
            done.error = CRASHED
        else:
            try:
                _CLEAN[unit.source.kind](plan, unit, done, spooled)
            except Exception as exc:  # noqa: BLE001 - e.g. an input changed between the passes
                done.error = _internal(exc)
        dones.append(done)
    if spooled is not None:
        spooled.close()
    if plan.steps and len(dones) > 1:
        for i, step in enumerate(plan.steps):
            table: dict[Any, Any] = {}
            for done in dones:
                combine_into(step, table, done.mapped[i])
                done.mapped[i] = []
            dones[-1].mapped[i] = list(table.items())
    return dones


#: Spooled instead of the decoded text of an input that is strict UTF-8 with nothing to say
#: (most of a crawl): finishing decodes its bytes again, which is what decoding them did.
PLAIN_UTF8 = "utf-8"
#: What an input whose size changed between beginning and finishing it says.
CHANGED = "changed while the batch was being cleaned: run again"

#: What a unit whose worker died says (see :func:`newsclean.run.runner`'s crash handling).
CRASHED = "a worker process died while cleaning it"


def learn_unit(plan: Plan, unit: Unit) -> Done:
    """Map the decoded documents of one unit through the learners (``plan.steps``)."""
    done = Done(unit.index, unit.last, unit.first, mapped=[[] for _ in plan.steps])
    if unit.error is not None:
        return done  # reported when the cleaning pass meets it
    if unit.source.kind == "text":
        data = _read(unit, done)
        if data is not None and not _refused(data, done):
            from ..decode import decode_bytes

            decoded = decode_bytes(data, plan.config.encoding).text
            done.tally.documents = 1
            _map(plan, done, CorpusDoc(unit.source.display, unit.order, decoded))
        return done
    for i, item in enumerate(unit.items):
        done.nbytes += len(item) if isinstance(item, bytes) else 0
        text = _record_text(plan, unit.source, item)
        if text is not None:
            done.tally.documents += 1
            doc_id = f"{unit.source.display}:{unit.first + i}"
            _map(plan, done, CorpusDoc(doc_id, unit.order + i, text))
    return done


def _map(plan: Plan, done: Done, doc: CorpusDoc) -> None:
    for pairs, step in zip(done.mapped, plan.steps, strict=True):
        pairs.extend(step.map(doc))


def _carry(plan: Plan, lines: tuple[str, ...]) -> list[Any] | None:
    """What the learners that map a begun document hand on to its finishing, if any (see
    :class:`~newsclean.corpus.Carrying`)."""
    carried = [step.carry(lines) if hasattr(step, "carry") else None for step in plan.steps]
    return carried if any(c is not None for c in carried) else None


def _reuse(plan: Plan, carried: list[Any] | None) -> None:
    if carried is not None:
        for step, kept in zip(plan.learners, carried, strict=True):
            if kept is not None:
                step.reuse(kept)


def _read(unit: Unit, done: Done) -> bytes | None:
    if unit.data is not None:
        data = unit.data
    else:
        try:
            data = read_bytes(unit.source)
        except OSError as exc:
            done.error = describe_oserror(exc)
            return None
    done.nbytes = len(data)
    return data


def _record_text(plan: Plan, source: Source, item: Any) -> str | None:
    if source.kind == "parquet":
        return item if isinstance(item, str) else None
    try:
        return parse(item, plan.field)[1]
    except BadRecord:
        return None


def _refused(data: bytes, done: Done) -> bool:
    """A binary file is refused, never "cleaned" into U+FFFD (see :mod:`newsclean.run.binary`)."""
    from .binary import BINARY_ERROR, binary_reason

    if binary_reason(data) is None:
        return False
    done.error = BINARY_ERROR
    return True


def _internal(exc: Exception) -> str:
    if isinstance(exc, _Failed):
        return str(exc)
    return f"internal error while cleaning: {type(exc).__name__}: {exc}"


class _Failed(Exception):
    """A document that failed while being begun: finishing it fails the same way."""


def _clean_text(plan: Plan, unit: Unit, done: Done, spooled: Spooled | None) -> None:
    doc_id = unit.source.display
    if plan.phase == "finish":
        assert spooled is not None
        nbytes, decoded, begun, carried = spooled.take()
        if decoded is None:
            done.nbytes, done.error = nbytes, begun
            return
        # The input's bytes again (not spooled): the output keeps their line endings and
        # encoding where asked, and differs from them or not.
        data = _read(unit, done)
        if data is None:
            return
        if done.nbytes != nbytes:
            done.error = CHANGED
            return
        _reuse(plan, carried)
        try:
            if decoded == PLAIN_UTF8:  # decoding it again costs less than spooling its text
                decoded = Decoded(data.decode("utf-8"), "utf-8")
            result = of_bytes(decoded, finish(decoded.text, begun, plan.config, plan.ran))
        except Exception as exc:  # noqa: BLE001 - a bug in a stage must not stop the batch
            done.error = _internal(exc)
            return
    else:
        data = _read(unit, done)
        if data is None or _refused(data, done):
            if spooled is not None:
                spooled.keep((0, None, done.error, None))
            return
        try:
            decoded = decode_bytes(data, plan.config.encoding)
            if plan.phase == "begin":
                assert spooled is not None
                done.tally.documents = 1
                begun, _ = begin(decoded.text, plan.config, plan.until)
                plain = decoded.encoding == PLAIN_UTF8 and not decoded.diagnostics
                kept = PLAIN_UTF8 if plain and not decoded.replaced else decoded
                state: list[Any] = [done.nbytes, kept, begun, None]
                spooled.keep(state)
                _map(plan, done, CorpusDoc(doc_id, unit.order, decoded.text, begun.lines))
                state[3] = _carry(plan, begun.lines)
                return
            result = of_bytes(decoded, clean(decoded.text, plan.config))
        except Exception as exc:  # noqa: BLE001 - a bug in a stage must not stop the batch
            done.error = _internal(exc)
            if spooled is not None:
                spooled.keep((done.nbytes, None, done.error, None))
            return
    _deliver_text(plan, unit, done, data, decoded.text, result)


def _deliver_text(
    plan: Plan, unit: Unit, done: Done, data: bytes, before: str, result: Result
) -> None:
    doc_id = unit.source.display
    done.tally.record(result, result.changed, 0)
    # The output in the input's line endings and encoding where asked (see newsclean.run.fidelity)
    out, done.note = render_text(result.text, data, result.encoding, plan.fidelity)
    done.differs = out != data
    if plan.explain and result.changes:
        from ..explain import explain

        done.tally.explain.extend(explain(doc_id, result.changes, before))
    if plan.mode == "write" and (done.differs or plan.keep_unchanged):
        done.pieces.append((doc_id, out))
    elif plan.mode == "diff" and done.differs and not (done.note or "").startswith("only"):
        after = in_line_endings(result.text, data, result.encoding, plan.fidelity)
        done.pieces.append((doc_id, text_diff(before, after, doc_id)))
    _map(plan, done, CorpusDoc(doc_id, unit.order, result.text))
    if plan.destination is not None and plan.mode == "write" and not plan.steps:
        _write(plan, unit, done)


def _write(plan: Plan, unit: Unit, done: Done) -> None:
    """Write a text file's output here, in the worker: its path belongs to this unit alone."""
    writer = plan.destination.open(unit.source)
    try:
        for _, data in done.pieces:
            writer.write(data)
        writer.finish(done.differs)
    except OSError as exc:
        writer.discard()
        done.error = describe_oserror(exc, "write")
    done.pieces.clear()
    done.written = True


def _clean_document(
    plan: Plan,
    done: Done,
    text: str,
    where: int,
    display: str,
    spooled: Spooled | None,
    doc: CorpusDoc,
) -> tuple[str, Result] | None:
    """Clean one record's text; ``None`` (and a bad record) if a stage failed on it. While
    beginning, the record is begun, mapped and spooled, and ``None`` comes back too."""
    try:
        if plan.phase == "begin":
            assert spooled is not None
            done.tally.documents += 1
            try:
                begun, _ = begin(text, plan.config, plan.until)
            except Exception as exc:  # noqa: BLE001 - finishing reports it
                spooled.keep(_internal(exc))
                return None
            state: list[Any] = [begun, None]
            spooled.keep(state)
            _map(plan, done, CorpusDoc(doc.id, doc.order, text, begun.lines))
            state[1] = _carry(plan, begun.lines)
            return None
        if plan.phase == "finish":
            assert spooled is not None
            kept = spooled.take()
            if isinstance(kept, str):
                raise _Failed(kept)
            begun, carried = kept
            _reuse(plan, carried)
            result = finish(text, begun, plan.config, plan.ran)
        else:
            result = clean(text, plan.config)
    except Exception as exc:  # noqa: BLE001 - one bad record must not stop the dataset
        done.tally.bad.append((where, _internal(exc)))
        return None
    new = field_text(result.text, text)
    done.tally.record(result, new != text, where)
    if plan.explain and result.changes:
        from ..explain import explain

        done.tally.explain.extend(explain(display, result.changes, text, record=where))
    return new, result


def _stats(result: Result, changed: bool) -> dict[str, Any]:
    """The ``--stats-field`` summary of one record."""
    return {
        "changed": changed,
        "stages": dict(sorted(result.counts().items())),
        "diagnostics": len(result.diagnostics),
    }


def _clean_lines(plan: Plan, unit: Unit, done: Done, spooled: Spooled | None) -> None:
    for i, line in enumerate(unit.items):
        lineno = unit.first + i
        done.nbytes += len(line)
        out, doc_id = _clean_line(
            plan, done, line, lineno, unit.order + i, unit.source.display, spooled
        )
        done.differs |= out != line
        if plan.mode == "write":
            done.pieces.append((doc_id, out))
        elif plan.mode == "diff" and out != line:
            done.pieces.append((doc_id, record_diff(unit.source.display, lineno, plan, line, out)))


def _clean_line(
    plan: Plan,
    done: Done,
    line: bytes,
    lineno: int,
    order: int,
    display: str,
    spooled: Spooled | None,
) -> tuple[bytes, str | None]:
    """One JSONL line → (output line, document id). A line that is not a cleanable record —
    blank, or bad (reported) — is passed through as it is, with no document id."""
    if not line.strip():
        return line, None
    try:
        record, text = parse(line, plan.field)
    except NullText:
        done.tally.nulls += 1
        return line, None
    except BadRecord as exc:
        done.tally.bad.append((lineno, str(exc)))
        return line, None
    doc_id = f"{display}:{lineno}"
    cleaned = _clean_document(
        plan, done, text, lineno, display, spooled, CorpusDoc(doc_id, order, text)
    )
    if cleaned is None:
        return line, None
    new, result = cleaned
    _map(plan, done, CorpusDoc(doc_id, order, new))
    if new == text and not plan.stats_field:
        return line, doc_id  # unchanged: byte for byte
    with_field(record, plan.field, new)
    changes: list[tuple[tuple[str, ...], Any]] = [(plan.field, new)]
    if plan.stats_field:
        stats = _stats(result, new != text)
        with_field(record, plan.stats_field, stats)
        changes.append((plan.stats_field, stats))
    return rewrite(line, changes, record), doc_id  # the other fields byte for byte


def _clean_values(plan: Plan, unit: Unit, done: Done, spooled: Spooled | None) -> None:
    display = unit.source.display
    values: list[Any] = []
    stats: list[str] = []
    for i, value in enumerate(unit.items):
        row = unit.first + i
        new, summary = value, None
        done.tally.nulls += value is None
        if isinstance(value, str):
            done.nbytes += len(value.encode("utf-8", "surrogatepass"))
            doc = CorpusDoc(f"{display}:{row}", unit.order + i, value)
            cleaned = _clean_document(plan, done, value, row, display, spooled, doc)
            if cleaned is not None:
                new, result = cleaned
                summary = _stats(result, new != value)
                _map(plan, done, CorpusDoc(f"{display}:{row}", unit.order + i, new))
                if plan.mode == "diff" and new != value:
                    before, after = (json.dumps(v, ensure_ascii=False) + "\n" for v in (value, new))
                    done.pieces.append(
                        (f"{display}:{row}", line_hunk(row, before.encode(), after.encode()))
                    )
        done.differs |= new != value or plan.stats_field is not None
        values.append(new)
        stats.append(json.dumps(summary, ensure_ascii=False))
    if plan.mode == "write":
        done.values = values
        done.stats = stats if plan.stats_field else None


_CLEAN = {"text": _clean_text, "jsonl": _clean_lines, "parquet": _clean_values}
