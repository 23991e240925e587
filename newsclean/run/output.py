"""Where results go: stdout, a mirrored output folder, the input itself — or nowhere (``--check``).

Only the parent process uses this module. A :class:`Writer` receives one input's output in
pieces (a whole text, or chunks of a dataset) and is then finished — committed, for a file,
by an atomic rename — or discarded, so a failure half-way never leaves a half-written file.
"""

from __future__ import annotations

import contextlib
import os
import struct
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from .batch import Mode
from .diff import header
from .files import AtomicFile, Source


class Writer(Protocol):
    def write(self, data: bytes) -> None: ...

    def finish(self, differs: bool) -> None: ...

    def discard(self) -> None: ...


class NullWriter:
    """``--check``: nothing is written anywhere."""

    def write(self, data: bytes) -> None:
        pass

    def finish(self, differs: bool) -> None:
        pass

    def discard(self) -> None:
        pass


class StdoutClosed(Exception):
    """The reader of stdout went away (``newsclean fix --diff | head``): stop quietly."""


class StreamWriter:
    """stdout: the text itself, or (``--diff``) the diff, after a header for datasets.

    A write error names ``<stdout>`` (``/dev/full``); a closed pipe stops the run
    (:class:`StdoutClosed`) instead of failing every input after it.
    """

    def __init__(self, stream: BinaryIO, head: bytes = b"") -> None:
        self.stream, self.head = stream, head

    def write(self, data: bytes) -> None:
        try:
            if self.head:
                self.stream.write(self.head)
                self.head = b""
            self.stream.write(data)
        except OSError as exc:
            raise _stdout_error(exc) from None

    def finish(self, differs: bool) -> None:
        try:
            self.stream.flush()
        except OSError as exc:
            raise _stdout_error(exc) from None

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self.stream.flush()


def _stdout_error(exc: OSError) -> Exception:
    if isinstance(exc, BrokenPipeError):
        return StdoutClosed()
    if exc.errno is None:
        return exc
    return type(exc)(exc.errno, exc.strerror, "<stdout>")


class FileWriter:
    """A file written atomically, opened at the first piece.

    ``always`` (``-o``) commits even an unchanged output; otherwise (``-i``) an output that
    does not differ from its input is discarded and the input is left untouched.
    ``gzipped`` compresses it (a ``.jsonl.gz`` input gives a ``.jsonl.gz`` output), with a
    fixed timestamp so the same input gives the same bytes.
    """

    def __init__(
        self, target: Path, like: Path | None, always: bool, gzipped: bool = False
    ) -> None:
        self.target, self.like, self.always, self.gzipped = target, like, always, gzipped
        self.atomic: AtomicFile | None = None
        self.handle: BinaryIO | None = None

    def _open(self) -> BinaryIO:
        self.atomic = AtomicFile(self.target, self.like)
        self.handle = self.atomic.handle
        if self.gzipped:
            import gzip

            self.handle = gzip.GzipFile(  # type: ignore[assignment]
                filename="", mode="wb", fileobj=self.atomic.handle, mtime=0, compresslevel=6
            )
        assert self.handle is not None
        return self.handle

    def write(self, data: bytes) -> None:
        (self.handle or self._open()).write(data)

    def finish(self, differs: bool) -> None:
        if not (differs or self.always):
            self.discard()
            return
        if self.atomic is None:
            self._open()
        assert self.atomic is not None and self.handle is not None
        if self.handle is not self.atomic.handle:
            self.handle.close()  # the gzip trailer; the file itself stays open
        self.atomic.commit()
        self.atomic = self.handle = None

    def discard(self) -> None:
        if self.atomic is not None:
            self.atomic.discard()
        self.atomic = self.handle = None


@dataclass(frozen=True, slots=True)
class Destination:
    """Opens the right writer for each input, by mode."""

    mode: Mode
    output_dir: Path | None = None
    in_place: bool = False
    stats_field: str | None = None

    def open(self, source: Source) -> Writer:
        if self.mode == "check":
            return NullWriter()
        if self.mode == "diff":
            # a Parquet diff is one file's hunks; a JSONL record's diff has its own header
            head = header(source.display) if source.kind == "parquet" else b""
            return StreamWriter(sys.stdout.buffer, head)
        if self.output_dir is not None:
            target = self.output_dir / source.relative
            return self._file(source, target, None, always=True)
        if self.in_place and source.path is not None:
            # Through a symlink to its target: the link stays a link (as black does).
            real = Path(os.path.realpath(source.path))
            return self._file(source, real, real, always=False)
        return StreamWriter(sys.stdout.buffer)

    def _file(self, source: Source, target: Path, like: Path | None, always: bool) -> Writer:
        if source.kind == "parquet":
            from .parquet import ParquetFileWriter

            return ParquetFileWriter(target, like, always, source, self.stats_field or "")
        return FileWriter(target, like, always, gzipped=source.gzipped)


_FRAME = struct.Struct("<iiq")  # source index, id length (-1: none), data length


class Spool:
    """Outputs held back until the corpus filters have seen every document.

    A filter can only say which documents not to deliver after the last one is cleaned, so
    the outputs wait here — in one temporary file, not in memory — as ``(input, document id,
    bytes)`` frames, in the run's order. It lives in the output folder under ``-o`` (same disk
    as the results), else in the system's temporary folder (``TMPDIR``).
    """

    def __init__(self, folder: Path | None) -> None:
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)
        # Unnamed where the system allows: it disappears even if the run is killed.
        self.file = tempfile.TemporaryFile(prefix=".newsclean-spool-", dir=folder)  # noqa: SIM115

    def put(self, index: int, doc_id: str | None, data: bytes) -> None:
        name = b"" if doc_id is None else doc_id.encode("utf-8", "surrogatepass")
        self.file.write(_FRAME.pack(index, -1 if doc_id is None else len(name), len(data)))
        self.file.write(name + data)

    def frames(self) -> Iterator[tuple[int, str | None, bytes]]:
        self.file.seek(0)
        while head := self.file.read(_FRAME.size):
            index, id_len, size = _FRAME.unpack(head)
            doc_id = (
                self.file.read(id_len).decode("utf-8", "surrogatepass") if id_len >= 0 else None
            )
            yield index, doc_id, self.file.read(size)

    def close(self) -> None:
        self.file.close()


def step_name(step: Any) -> str:
    """How a corpus step is named in reports: its ``name``, else its class name."""
    return str(getattr(step, "name", type(step).__name__))
