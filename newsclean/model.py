"""The values that flow through the pipeline: a document of paragraphs, and what happened to it.

A :class:`Doc` is immutable. A stage takes one and returns a new one, appending the
:class:`Change` records that say what it did and the :class:`Diagnostic` records that say what
it found but could not (or must not) fix. Every record names a line number *in the input*, so a
user can find the place in the file they gave us, whatever earlier stages dropped or moved.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

Severity = Literal["error", "warning", "info"]
Action = Literal["edit", "drop", "move"]

#: How many characters of a document a stage converts or folds at once (see :func:`blocks`).
BLOCK_CHARS = 1 << 20


def blocks(lines: Sequence[str], chars: int = BLOCK_CHARS) -> Iterator[Sequence[str]]:
    """``lines`` in consecutive runs of about ``chars`` characters (at least one line each).

    A stage that works on the joined text of a huge document (a whole dataset dumped in one
    file) does it run by run: its working copies are then the size of a run, not of the
    document, and the result is the same for any per-line work.

    >>> [list(b) for b in blocks(["ab", "cd", "e", "fghij"], chars=4)]
    [['ab', 'cd'], ['e', 'fghij']]
    """
    start, size = 0, 0
    for i, line in enumerate(lines):
        size += len(line) + 1
        if size >= chars:
            yield lines[start : i + 1]
            start, size = i + 1, 0
    if start < len(lines):
        yield lines[start:]


#: What else :meth:`str.splitlines` breaks lines at. Here they are in-line text: a line breaks
#: at ``\n``, ``\r\n`` and ``\r`` only. Mojibake is full of them (``Ã\x85`` is ``Å`` read
#: as Latin-1); the ``encoding`` stage repairs those, and the pipeline reports any left.
IN_LINE_SEPARATORS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """Something found in the input that a user should know about.

    ``line`` is the 1-based input line number, or 0 for the document as a whole.
    ``kind`` is a stable machine-readable name (``"replacement-char"``, ``"garbled-punct"`` …).
    """

    line: int
    kind: str
    message: str
    severity: Severity = "warning"
    stage: str = ""

    def format(self, path: str) -> str:
        """Render as ``PATH:LINE: severity: message``, the form editors and CI annotators read."""
        where = f"{path}:{self.line}" if self.line else path
        return f"{where}: {self.severity}: {self.message}"


@dataclass(frozen=True, slots=True)
class Change:
    """One thing a stage did to one input line.

    ``action`` is ``"edit"`` (text changed in place), ``"drop"`` (line removed) or ``"move"``
    (this line's text replaced an earlier copy's, see ``detail``). ``count`` is how many edits a
    stage made on the line, where it knows.
    """

    stage: str
    rule: str
    line: int
    action: Action = "edit"
    count: int = 1
    detail: str = ""


def unified(text: str) -> str:
    """``text`` with its line breaks ``\\n`` (``\\r\\n`` and ``\\r`` too are one) and without
    the final one, which ends the last line and starts no new one: split at ``\\n``, item
    ``n - 1`` is input line ``n``.

    >>> unified("a\\r\\nb\\rc\\n")
    'a\\nb\\nc'
    """
    # Literal searches and replaces run at memchr speed; a regex would cost ~10 ms per MB.
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text[:-1] if text.endswith("\n") else text


@dataclass(frozen=True, slots=True)
class Doc:
    """A document as the stages see it: non-blank paragraphs, one per line, with origins.

    ``linenos[i]`` is the input line that ``lines[i]`` came from.
    """

    lines: tuple[str, ...]
    linenos: tuple[int, ...]
    changes: tuple[Change, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    #: ``"\n".join(lines)``, made once and shared by the stages that only read it (see
    #: :attr:`body`); a stage that has the joined text of new lines may hand it over.
    joined: str | None = field(default=None, compare=False, repr=False)

    @classmethod
    def from_text(cls, text: str) -> Doc:
        """Split text into paragraphs at ``\\n``, ``\\r\\n`` and ``\\r`` (and nothing else: see
        :data:`IN_LINE_SEPARATORS`); blank lines are dropped.

        >>> Doc.from_text("a\\r\\n\\n  \\nb\\rc").lines
        ('a', 'b', 'c')
        >>> Doc.from_text("Ã\\x85ngstr\\u2028om").lines
        ('Ã\\x85ngstr\\u2028om',)
        """
        text = unified(text)
        raw = text.split("\n")
        if all(raw) and not any(map(str.isspace, raw)):  # the common case: no blank line
            return cls(tuple(raw), tuple(range(1, len(raw) + 1)), joined=text)
        keep = [i for i, line in enumerate(raw) if line and not line.isspace()]
        return cls(tuple(raw[i] for i in keep), tuple(i + 1 for i in keep))

    @property
    def body(self) -> str:
        """The paragraphs joined with ``\n`` (no final newline), made once per Doc.

        Stages scan the whole document with one compiled pattern (at C speed) before doing any
        work per line; they all read this one string.
        """
        joined = self.joined
        if joined is None:
            joined = "\n".join(self.lines)
            object.__setattr__(self, "joined", joined)
        return joined

    @property
    def text(self) -> str:
        """The paragraphs joined one per line, with one final newline (none if empty)."""
        return self.body + "\n" if self.lines else ""

    def evolve(
        self,
        lines: Sequence[str] | None = None,
        linenos: Sequence[int] | None = None,
        changes: Iterable[Change] = (),
        diagnostics: Iterable[Diagnostic] = (),
    ) -> Doc:
        """Return a copy with new lines (and origins) and more records appended."""
        new_lines = self.lines if lines is None else tuple(lines)
        new_linenos = self.linenos if linenos is None else tuple(linenos)
        if len(new_lines) != len(new_linenos):
            raise ValueError("lines and linenos must have the same length")
        return replace(
            self,
            lines=new_lines,
            linenos=new_linenos,
            changes=self.changes + tuple(changes),
            diagnostics=self.diagnostics + tuple(diagnostics),
            joined=self.joined if lines is None else None,
        )

    def edited(self, new_lines: Sequence[str], stage: str, rule: str) -> Doc:
        """Replace the lines one for one, recording an ``edit`` for each line that differs."""
        if len(new_lines) != len(self.lines):
            raise ValueError(f"stage {stage!r} changed the number of lines")
        changes = {
            i: Change(stage, rule, self.linenos[i])
            for i, (old, new) in enumerate(zip(self.lines, new_lines, strict=True))
            if old != new
        }
        return self.rewritten(new_lines, changes)

    def rewritten(
        self,
        new_lines: Sequence[str],
        changes: dict[int, Change],
        diagnostics: Iterable[Diagnostic] = (),
    ) -> Doc:
        """Replace the lines one for one; ``changes`` says (by index) what happened to which.

        A line that became blank is dropped and its change recorded as a ``drop``, so stages
        never have to think about empty paragraphs.
        """
        if len(new_lines) != len(self.lines):
            raise ValueError("a rewrite must keep one line per line")
        diagnostics = tuple(diagnostics)
        if not changes and not diagnostics:
            return self
        lines: list[str] = []
        linenos: list[int] = []
        records: list[Change] = []
        for i, (new, lineno) in enumerate(zip(new_lines, self.linenos, strict=True)):
            change = changes.get(i)
            if new and not new.isspace():
                lines.append(new)
                linenos.append(lineno)
            elif change is not None:
                change = replace(change, action="drop")
            if change is not None:
                records.append(change)
        return self.evolve(lines, linenos, records, diagnostics)

    def without(self, drops: dict[int, Change]) -> Doc:
        """Remove the lines at the given indexes, recording the given change for each."""
        if not drops:
            return self
        keep = [i for i in range(len(self.lines)) if i not in drops]
        return self.evolve(
            [self.lines[i] for i in keep],
            [self.linenos[i] for i in keep],
            [drops[i] for i in sorted(drops)],
        )


@dataclass(frozen=True, slots=True)
class Result:
    """What :func:`newsclean.clean` returns: the clean text and the record of how it got there."""

    text: str
    changed: bool
    changes: tuple[Change, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    encoding: str | None = field(default=None)

    def counts(self) -> dict[str, int]:
        """Number of changed input lines per stage, for reports."""
        out: dict[str, int] = {}
        for change in self.changes:
            out[change.stage] = out.get(change.stage, 0) + 1
        return out
