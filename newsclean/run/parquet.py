"""Parquet tables in and out, through pyarrow (``pip install 'newsclean[parquet]'``).

A table is streamed in row batches: the parent reads a batch, workers clean the text column's
values, the parent puts them back and writes the batch, so memory stays bounded by a few
batches. Only the text column changes (a ``--stats-field`` adds a string column of JSON
summaries); every other column, the schema and the row order stay, and so do each column's
compression codec and the sizes of the row groups (up to :data:`HUGE_GROUP` bytes). ``--field`` names a
top-level string column; a null value is left as it is.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .files import AtomicFile, Source

#: Rows handed to a worker at a time (news articles: ~1-2 MB of text).
BATCH_ROWS = 512
#: Rows written together as one row group, at most (and at most this many bytes).
GROUP_ROWS = 65_536
GROUP_BYTES = 32 << 20
#: An input's row group is copied as one, unless it holds more than this (then it is split).
HUGE_GROUP = 256 << 20


class ParquetError(ValueError):
    """The table cannot be cleaned as asked (no such column, not a string column)."""


def _pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise ParquetError(
            "reading Parquet needs pyarrow: pip install 'newsclean[parquet]'"
        ) from None
    return pyarrow


def read_batches(source: Source, field: str) -> Iterator[tuple[int, Any, list[Any]]]:
    """Yield ``(first row number, record batch, values of the text column)``."""
    pa = _pyarrow()
    assert source.path is not None
    table = pa.parquet.ParquetFile(source.path)
    schema = table.schema_arrow
    if field not in schema.names:
        raise ParquetError(f"no column {field!r} (columns: {', '.join(schema.names)})")
    kind = schema.field(field).type
    if not (pa.types.is_string(kind) or pa.types.is_large_string(kind)):
        raise ParquetError(f"column {field!r} is {kind}, not a string column")
    first = 1
    for batch in table.iter_batches(batch_size=BATCH_ROWS):
        yield first, batch, batch.column(field).to_pylist()
        first += batch.num_rows


class ParquetFileWriter:
    """Writes cleaned batches to a Parquet file atomically (see :class:`~newsclean.run.files.AtomicFile`)."""

    def __init__(
        self, target: Path, like: Path | None, always: bool, source: Source, stats_name: str
    ) -> None:
        self.target, self.like, self.always, self.source = target, like, always, source
        self.stats_name = stats_name
        self.atomic: AtomicFile | None = None
        self.writer: Any = None
        self.group: list[Any] = []
        self.rows = self.size = 0
        self.layout = _layout(source)

    def write(self, data: bytes) -> None:
        raise TypeError("a Parquet output takes record batches")

    def write_batch(
        self, batch: Any, field: str, values: list[Any], stats: list[str] | None
    ) -> None:
        pa = _pyarrow()
        columns = list(batch.columns)
        names = list(batch.schema.names)
        index = names.index(field)
        columns[index] = pa.array(values, type=batch.schema.field(field).type)
        fields = list(batch.schema)
        if stats is not None:
            columns.append(pa.array(stats, type=pa.string()))
            fields.append(pa.field(self.stats_name, pa.string()))
        out = pa.RecordBatch.from_arrays(columns, schema=pa.schema(fields, batch.schema.metadata))
        self.group.append(out)
        self.rows += out.num_rows
        self.size += out.nbytes
        sizes = self.layout.groups
        if sizes:  # the input's row groups, one for one
            while sizes and self.rows >= sizes[0]:
                self._flush(sizes.pop(0))
            if sizes and self.size >= HUGE_GROUP:  # memory first: split a huge group
                sizes[0] -= self.rows
                self._flush()
        elif self.rows >= GROUP_ROWS or self.size >= GROUP_BYTES:
            self._flush()

    def _flush(self, rows: int | None = None) -> None:
        """Write the rows held (or the first ``rows`` of them) as one row group."""
        if not self.group:
            return
        pa = _pyarrow()
        table = pa.Table.from_batches(self.group)
        rest = None
        if rows is not None and rows < table.num_rows:
            table, rest = table.slice(0, rows), table.slice(rows)
        if self.writer is None:
            self.atomic = AtomicFile(self.target, self.like)
            self.writer = pa.parquet.ParquetWriter(
                self.atomic.handle, table.schema, **self.layout.options(table.schema.names)
            )
        self.writer.write_table(table, row_group_size=max(1, table.num_rows))
        self.group = rest.to_batches() if rest is not None else []
        self.rows = rest.num_rows if rest is not None else 0
        self.size = rest.nbytes if rest is not None else 0

    def finish(self, differs: bool) -> None:
        if not (differs or self.always):
            self.discard()
            return
        self._flush()
        if self.writer is None:  # an empty table: same schema, no rows
            pa = _pyarrow()
            assert self.source.path is not None
            schema = pa.parquet.read_schema(self.source.path)
            self.atomic = AtomicFile(self.target, self.like)
            self.writer = pa.parquet.ParquetWriter(
                self.atomic.handle, schema, **self.layout.options(schema.names)
            )
        self.writer.close()
        assert self.atomic is not None
        self.atomic.commit()
        self.writer = self.atomic = None

    def discard(self) -> None:
        if self.writer is not None:
            with contextlib.suppress(Exception):  # the file is thrown away anyway
                self.writer.close()
        if self.atomic is not None:
            self.atomic.discard()
        self.writer = self.atomic = None
        self.group = []


#: Codec names in a file's metadata that the writer spells otherwise.
_CODECS = {"uncompressed": "none", "lz4_raw": "lz4"}


class _Layout:
    """What the output keeps of the input's physical layout: each column's compression codec
    and the row groups' sizes (a table tuned for its readers stays tuned)."""

    def __init__(self, codecs: dict[str, str], groups: list[int]) -> None:
        self.codecs, self.groups = codecs, groups

    def options(self, names: list[str]) -> dict[str, Any]:
        if not self.codecs:
            return {}
        default = next(iter(self.codecs.values()))
        return {"compression": {name: self.codecs.get(name, default) for name in names}}


def _layout(source: Source) -> _Layout:
    if source.path is None:
        return _Layout({}, [])
    pa = _pyarrow()
    try:
        meta = pa.parquet.ParquetFile(source.path).metadata
    except (OSError, ValueError, pa.ArrowException):
        return _Layout({}, [])
    codecs: dict[str, str] = {}
    if meta.num_row_groups:
        group = meta.row_group(0)
        for j in range(group.num_columns):
            column = group.column(j)
            top = column.path_in_schema.split(".", 1)[0]
            codec = column.compression.lower()
            codecs.setdefault(top, _CODECS.get(codec, codec))
    return _Layout(codecs, [meta.row_group(i).num_rows for i in range(meta.num_row_groups)])
