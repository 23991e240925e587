"""Per-input outcomes, the lines shown on stderr, totals, the summary, and the exit code.

Exit codes (black's convention): 0 all done (nothing would change, under ``--check``); 1 some
input would change (``--check`` only); 2 usage or configuration error (raised by Click before
any work); 123 some input — or some record of a dataset — could not be read, cleaned or
written. 123 wins; the other inputs are still done.

>>> human_size(87_300_000), human_size(2_048)
('87 MB', '2.0 KB')
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TextIO

from ..model import Diagnostic
from .batch import Done, Mode
from .files import Source

EXIT_OK = 0
EXIT_CHANGED = 1
EXIT_USAGE = 2
EXIT_FAILED = 123

#: The JSON report keeps at most this many diagnostics (and bad records, and rejections) per
#: input, so reporting on a huge dataset stays in constant memory; the totals count them all.
DETAIL_LIMIT = 10_000
#: Diagnostics shown on stderr per input by default: a damaged file can have thousands.
DIAGNOSTICS_SHOWN = 20


def human_size(n: int) -> str:
    """Bytes in decimal units, two or three significant digits."""
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("KB", 1e3)):
        if n >= scale:
            value = n / scale
            return f"{value:.1f} {unit}" if value < 10 else f"{value:,.0f} {unit}"
    return f"{n} B"


@dataclass
class Entry:
    """Everything known about one input so far (the runner adds each unit's results)."""

    source: Source
    nbytes: int = 0
    documents: int = 0
    changed_documents: int = 0
    differs: bool = False  # would the output bytes differ from the input?
    stages: dict[str, int] = field(default_factory=dict)
    diagnostics: list[tuple[int, Diagnostic]] = field(default_factory=list)
    n_diagnostics: int = 0
    bad: list[tuple[int, str]] = field(default_factory=list)
    n_bad: int = 0
    rejected: dict[str, str] = field(default_factory=dict)
    n_rejected: int = 0
    error: str | None = None
    shown: int = 0  # diagnostics shown on stderr (at most Report.max_diagnostics)
    note: str | None = None  # why it changes when its text does not (encoding, line endings)
    nulls: int = 0  # records whose field is null: kept as they are

    @property
    def is_dataset(self) -> bool:
        return self.source.kind != "text"

    @property
    def status(self) -> str:
        if self.error is not None:
            return "failed"
        if self.n_rejected and not self.is_dataset:
            return "rejected"
        return "changed" if self.differs or self.n_rejected else "unchanged"

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"path": self.source.display, "kind": self.source.kind}
        out["status"] = self.status
        if self.error is not None:
            out["error"] = self.error
        if self.note is not None:
            out["note"] = self.note
        out["bytes"] = self.nbytes
        if self.is_dataset:
            out["records"] = self.documents
            out["records_changed"] = self.changed_documents
            out["bad_records"] = [{"line": n, "error": e} for n, e in self.bad]
            out["null_records"] = self.nulls
        out["stages"] = dict(sorted(self.stages.items()))
        out["diagnostics"] = [_diagnostic_json(n, d, self.is_dataset) for n, d in self.diagnostics]
        if self.n_diagnostics > len(self.diagnostics):
            out["diagnostics_total"] = self.n_diagnostics
        if self.n_rejected:
            out["rejected"] = self.rejected
            out["rejected_total"] = self.n_rejected
        return out


def _diagnostic_json(where: int, d: Diagnostic, dataset: bool) -> dict[str, Any]:
    out: dict[str, Any] = {"record": where} if dataset else {}
    out.update(line=d.line, kind=d.kind, severity=d.severity, stage=d.stage, message=d.message)
    return out


def _keep(items: list[Any], new: list[Any]) -> None:
    items.extend(new[: max(0, DETAIL_LIMIT - len(items))])


@dataclass
class Report:
    """Outcomes of one run, accumulated by the parent process only, in the run's order.

    ``emit`` shows a line on stderr; ``json`` (if set) receives each finished input's entry.
    """

    mode: Mode = "write"
    check: bool = False  # --check: exit 1 if anything would change (with --diff too)
    quiet: bool = False
    emit: Callable[[str], None] = print
    json: JsonReport | None = None
    keep_details: bool = False
    #: Diagnostics shown per input (the first ones; then one line counting the rest). 0: all.
    max_diagnostics: int = DIAGNOSTICS_SHOWN
    #: ``text`` (``PATH:LINE: severity: message``) or ``github`` (workflow annotations).
    style: str = "text"
    #: Changed lines per ``stage/rule`` over the run (``--statistics``).
    rules: dict[str, int] = field(default_factory=dict)
    started: float = field(default_factory=time.perf_counter)
    files: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: int = 0
    rejected: int = 0
    bad_records: int = 0
    nbytes: int = 0
    stages: dict[str, int] = field(default_factory=dict)

    def add(self, entry: Entry, done: Done) -> None:
        """Count one unit's results into its input's entry; show its diagnostics."""
        tally = done.tally
        entry.nbytes += done.nbytes
        entry.differs |= done.differs
        entry.note = done.note or entry.note
        entry.nulls += tally.nulls
        entry.documents += tally.documents
        entry.changed_documents += tally.changed
        for stage, count in tally.stages.items():
            entry.stages[stage] = entry.stages.get(stage, 0) + count
        entry.n_diagnostics += len(tally.diagnostics)
        entry.n_bad += len(tally.bad)
        if self.keep_details:
            _keep(entry.diagnostics, tally.diagnostics)
            _keep(entry.bad, tally.bad)
        if done.error is not None:
            self.fail(entry, done.error)
        for rule, count in tally.rules.items():
            self.rules[rule] = self.rules.get(rule, 0) + count
        name = entry.source.display
        for where, problem in tally.bad:
            self._error(self._line("error", name, where, problem))
        if not self.quiet:
            for where, d in tally.diagnostics:
                if self.max_diagnostics and entry.shown >= self.max_diagnostics:
                    break
                entry.shown += 1
                if self.style == "github":
                    at = d.line if not entry.is_dataset else where
                    self.emit(github(d.severity, name, at, d.message, d.kind))
                else:
                    self.emit(_format(name, where, d, entry.is_dataset))
            for line in tally.explain:
                self.emit(line)

    def fail(self, entry: Entry, problem: str) -> None:
        """An input could not be read, cleaned or written: one line, shown even with -q."""
        if entry.error is None:
            entry.error = problem
            self._error(self._line("error", entry.source.display, 0, problem))

    def reject(self, entry: Entry, doc_id: str, reason: str) -> None:
        """A corpus filter decided a document is not to be delivered."""
        entry.n_rejected += 1
        if len(entry.rejected) < DETAIL_LIMIT:
            entry.rejected[doc_id] = reason
        if not self.quiet:
            verb = "rejected" if self.mode == "write" else "would reject"
            if self.style == "github":
                self.emit(github("warning", entry.source.display, 0, f"{verb} {doc_id}: {reason}"))
            else:
                self.emit(f"{doc_id}: {verb}: {reason}")

    def finish(self, entry: Entry) -> None:
        """An input is done: count it, say if it would change (``--check``), report it."""
        status = entry.status
        hidden = entry.n_diagnostics - entry.shown
        if hidden > 0 and not self.quiet:
            more = f"{hidden:,} more diagnostic{'' if hidden == 1 else 's'} not shown"
            self.emit(
                self._line(
                    "note", entry.source.display, 0, f"{more} (--max-diagnostics 0 shows all)"
                )
            )
        self.files += 1
        self.nbytes += entry.nbytes
        self.bad_records += entry.n_bad
        for stage, count in entry.stages.items():
            self.stages[stage] = self.stages.get(stage, 0) + count
        if status == "failed":
            self.failed += 1
        elif status == "rejected":
            self.rejected += 1
        elif status == "changed":
            self.changed += 1
            why = f" ({entry.note})" if entry.note else ""
            if self.check and not self.quiet:
                what = f" ({entry.changed_documents:,} of {entry.documents:,} records)"
                what = what if entry.is_dataset else why
                if self.style == "github":
                    self.emit(github("error", entry.source.display, 0, f"would change{what}"))
                else:
                    self.emit(f"would change {entry.source.display}{what}")
            elif entry.note and not self.quiet and self.mode == "diff":
                self.emit(self._line("note", entry.source.display, 0, f"would change {entry.note}"))
        else:
            self.unchanged += 1
        if self.json is not None:
            self.json.entry(entry.to_json())

    def _error(self, line: str) -> None:
        self.emit(line)

    def _line(self, level: str, name: str, where: int, message: str) -> str:
        """``PATH[:LINE]: level: message``, or its GitHub annotation."""
        if self.style == "github":
            return github(level, name, where, message)
        return f"{name}:{where}: {level}: {message}" if where else f"{name}: {level}: {message}"

    def statistics(self) -> list[str]:
        """``--statistics``: changed lines per stage/rule over the run, most first."""
        width = len(f"{max(self.rules.values(), default=0):,}")
        rows = sorted(self.rules.items(), key=lambda item: (-item[1], item[0]))
        return [f"{count:>{width},}  {rule}" for rule, count in rows]

    @property
    def exit_code(self) -> int:
        if self.failed or self.bad_records:
            return EXIT_FAILED
        if self.check and (self.changed or self.rejected):
            return EXIT_CHANGED
        return EXIT_OK

    def seconds(self) -> float:
        return time.perf_counter() - self.started

    def summary(self) -> str:
        """``cleaned 1,204 files (87 MB) in 6.1 s: 1,150 changed, 50 unchanged, 4 failed``."""
        verb = "cleaned" if self.mode == "write" else "checked"
        plural = "" if self.files == 1 else "s"
        changed = "would change" if self.mode != "write" else "changed"
        parts = [f"{self.changed:,} {changed}", f"{self.unchanged:,} unchanged"]
        parts.append(f"{self.failed:,} failed")
        if self.rejected:
            parts.append(f"{self.rejected:,} rejected")
        if self.bad_records:
            parts.append(f"{self.bad_records:,} bad record{'' if self.bad_records == 1 else 's'}")
        head = f"{verb} {self.files:,} file{plural} ({human_size(self.nbytes)}) in {self.seconds():.1f} s"
        return f"{head}: {', '.join(parts)}"

    def totals(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "changed": self.changed,
            "unchanged": self.unchanged,
            "failed": self.failed,
            "rejected": self.rejected,
            "bad_records": self.bad_records,
            "bytes": self.nbytes,
            "stages": dict(sorted(self.stages.items())),
            "rules": dict(sorted(self.rules.items())),
            "seconds": round(self.seconds(), 3),
            "exit_code": self.exit_code,
        }


_LEVELS = {"error": "error", "warning": "warning"}


def github(level: str, name: str, line: int, message: str, title: str = "") -> str:
    """A GitHub Actions workflow command that annotates ``name`` (at ``line``, if not 0).

    >>> github("warning", "a,b.txt", 3, "50% lost\\nhere")
    '::warning file=a%2Cb.txt,line=3::50%25 lost%0Ahere'
    """
    props = f"file={_escape(name, True)}"
    if line:
        props += f",line={line}"
    if title:
        props += f",title={_escape(title, True)}"
    return f"::{_LEVELS.get(level, 'notice')} {props}::{_escape(message)}"


def _escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def _format(name: str, where: int, d: Diagnostic, dataset: bool) -> str:
    if not dataset:
        return d.format(name)
    inner = f" (field line {d.line})" if d.line else ""
    return f"{name}:{where}: {d.severity}: {d.message}{inner}"


class JsonReport:
    """``--report json``: written as the run goes (entries are not all held in memory).

    The document is ``{"inputs": [...], "totals": {...}, "steps": {...}}``: one entry per input
    (path, kind, status, bytes, stages that fired with the number of lines each changed,
    diagnostics; for datasets, record counts and bad records), the run's totals, and the
    reports of the corpus steps (e.g. the clusters a document filter found).
    """

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.count = 0

    def entry(self, data: dict[str, Any]) -> None:
        import json

        sep = '{"inputs": [\n' if self.count == 0 else ",\n"
        self.stream.write(sep + json.dumps(data, ensure_ascii=False))
        self.count += 1

    def close(self, totals: dict[str, Any], steps: dict[str, Any]) -> None:
        import json

        head = '{"inputs": [' if self.count == 0 else "\n"
        tail = {"totals": totals, "steps": steps}
        self.stream.write(head + "],\n" + json.dumps(tail, ensure_ascii=False, indent=1)[1:] + "\n")
        self.stream.flush()
