"""Begun documents kept on disk between the two halves of a one-pass run (see :mod:`.corpus`).

A run that learns from the batch begins every document (decodes it, runs the stages before the
learned one), maps it, and must finish it only once the learned set is known. What finishing
needs — the decoded text and the begun :class:`~newsclean.model.Doc`, or the problem met — is
written here, one file per unit of work, by the worker that began it, and read back (then
deleted) by the worker that finishes it. Memory holds one unit's documents at a time, whatever
the size of the run.

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as folder:
...     out = Spooled(folder, 7, reading=False)
...     out.unit(7) and out.keep("state of the first document")
...     out.close()
...     back = Spooled(folder, 7, reading=True)
...     back.unit(7), back.take(), back.unit(8)
(True, 'state of the first document', False)
"""

from __future__ import annotations

import copyreg
import gc
import io
import os
import pickle
from dataclasses import fields
from functools import cache
from operator import attrgetter
from pathlib import Path
from typing import Any

from ..decode import Decoded
from ..model import Change, Diagnostic, Doc


def _by_position(cls: type, names: tuple[str, ...]) -> Any:
    """A reducer that pickles a frozen dataclass as its class and field values: the default
    for slotted dataclasses calls back into Python for every object (a begun document holds
    hundreds of Change records), this takes the values in C."""
    values = attrgetter(*names)

    def reduce(obj: Any) -> tuple[type, tuple[Any, ...]]:
        return cls, values(obj)

    return reduce


_CHANGE_FIELDS = tuple(f.name for f in fields(Change))


def _reduce_doc(doc: Doc) -> tuple[Any, tuple[Any, ...]]:
    """A Doc without its joined text (the stages join the lines again when they need it), its
    changes by column: a begun page holds a Change for most of its lines (``whitespace``), and
    rebuilding them with one ``map`` costs a third of unpickling each as an object."""
    columns = tuple(zip(*map(attrgetter(*_CHANGE_FIELDS), doc.changes), strict=True))
    return _doc, (doc.lines, doc.linenos, columns, doc.diagnostics)


def _doc(
    lines: tuple[str, ...],
    linenos: tuple[int, ...],
    columns: tuple[tuple[Any, ...], ...],
    diagnostics: tuple[Diagnostic, ...],
) -> Doc:
    changes = tuple(map(Change, *columns)) if columns else ()
    return Doc(lines, linenos, changes, diagnostics)


@cache
def _dispatch() -> dict[type, Any]:
    table: dict[type, Any] = dict(copyreg.dispatch_table)
    for cls in (Change, Diagnostic, Decoded):
        table[cls] = _by_position(cls, tuple(f.name for f in fields(cls)))
    table[Doc] = _reduce_doc
    return table


def dump(states: Any) -> bytes:
    """The states, pickled (with the compact reducers above)."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _dispatch()
    pickler.dump(states)
    return buffer.getvalue()


def _load(handle: Any) -> Any:
    """Unpickle our own file, from this run, with the cycle collector paused: loading makes
    many objects at once (every Change of a group's documents), none of them garbage, and the
    collections they would trigger only walk what is alive (half the time of the load)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.load(handle)
    finally:
        if enabled:
            gc.enable()


class Spooled:
    """The states of one group of units' documents, by unit (its ``order``), in order: kept
    (then written at :meth:`close`) while beginning, taken one by one while finishing.

    :meth:`unit` says which unit comes next; it is ``False`` when there is nothing for that
    unit (its worker died while beginning it). The file is deleted once a whole group is
    finished; a unit retried alone (``alone``) reads it and leaves it to the others.
    """

    def __init__(self, folder: str, key: int, reading: bool, alone: bool = False) -> None:
        self.path = Path(folder) / f"{key}.pickle"
        self.reading, self.alone = reading, alone
        self._units: dict[int, list[Any]] = {}
        self._current: list[Any] = []
        self._next = 0
        if reading:
            try:
                with self.path.open("rb") as handle:
                    self._units = _load(handle)
            except FileNotFoundError:
                pass

    def unit(self, order: int) -> bool:
        """Begin keeping (or taking) the states of the unit whose first document is ``order``."""
        if self.reading:
            found = self._units.pop(order, None)
            self._current, self._next = found or [], 0
            return found is not None
        self._current = self._units.setdefault(order, [])
        return True

    def keep(self, state: Any) -> None:
        self._current.append(state)

    def take(self) -> Any:
        state = self._current[self._next]
        self._current[self._next] = None  # finished documents are freed as the unit goes
        self._next += 1
        return state

    def close(self) -> None:
        """Write what was kept (complete, or not at all: a partial file is never read); or,
        the group finished, delete the file."""
        if self.reading:
            if not self.alone:
                self.path.unlink(missing_ok=True)
            return
        tmp = self.path.with_suffix(".tmp")
        tmp.write_bytes(dump(self._units))
        os.replace(tmp, self.path)
        self._units = {}
