"""JSONL records: find the field to clean, put the clean text back, keep everything else.

A record is one JSON object on one line. Only the chosen field (a dotted path such as
``meta.body``) changes; every other field, the key order and the line order stay. A record whose
text does not change is written back byte for byte, so a clean dataset comes out identical.

>>> record, text = parse(b'{"id": 7, "doc": {"text": "a"}}', split_field("doc.text"))
>>> text
'a'
>>> render(with_field(record, split_field("doc.text"), "b"), b'{"id": 7}')
b'{"id": 7, "doc": {"text": "b"}}\\n'
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

#: A chunk of lines handed to one worker: large enough to amortise the hand-over, small enough
#: that a window of chunks in flight stays a few MB whatever the size of the file.
CHUNK_LINES = 512
CHUNK_BYTES = 1 << 20

_TYPE_NAMES = {
    type(None): "null",
    bool: "a boolean",
    int: "a number",
    float: "a number",
    list: "an array",
    dict: "an object",
}


class BadRecord(ValueError):
    """A record that cannot be cleaned (invalid JSON, no such field, not a string)."""


def split_field(field: str) -> tuple[str, ...]:
    """``"meta.body"`` → ``("meta", "body")``; an empty part is a usage error.

    >>> split_field("text")
    ('text',)
    """
    parts = tuple(field.split("."))
    if not all(parts):
        raise ValueError(f"invalid field path {field!r}")
    return parts


def parse(line: bytes, field: tuple[str, ...]) -> tuple[dict[str, Any], str]:
    """Parse one line and return the record and the text of ``field`` (or raise BadRecord)."""
    try:
        record = json.loads(line.rstrip(b"\r\n"))
    except UnicodeDecodeError as exc:
        raise BadRecord(f"not UTF-8 ({exc.reason} at byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise BadRecord(f"invalid JSON: {exc.msg} (column {exc.colno})") from None
    except RecursionError:
        raise BadRecord("invalid JSON: nested too deeply") from None
    value: Any = record
    for i, key in enumerate(field):
        if not isinstance(value, dict) or key not in value:
            raise BadRecord(f"missing field {'.'.join(field[: i + 1])!r}")
        value = value[key]
    if not isinstance(value, str):
        kind = _TYPE_NAMES.get(type(value), type(value).__name__)
        raise BadRecord(f"field {'.'.join(field)!r} is {kind}, not a string")
    assert isinstance(record, dict)  # a path of at least one key was found in it
    return record, value


def with_field(record: dict[str, Any], field: tuple[str, ...], value: Any) -> dict[str, Any]:
    """Set ``field`` (creating objects on the way) in place and return the record."""
    target = record
    for key in field[:-1]:
        inner = target.get(key)
        if not isinstance(inner, dict):
            inner = target[key] = {}
        target = inner
    target[field[-1]] = value
    return record


def render(record: dict[str, Any], original: bytes) -> bytes:
    """Serialise a changed record in the style of its original line.

    ASCII-only input with ``\\u`` escapes stays ASCII-escaped; compact separators stay compact.
    """
    ascii_only = original.isascii() and b"\\u" in original
    compact = b'": ' not in original and b'":' in original
    separators = (",", ":") if compact else (", ", ": ")
    try:
        text = json.dumps(record, ensure_ascii=ascii_only, separators=separators)
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate from a \\ud800 escape: keep it escaped
        data = json.dumps(record, ensure_ascii=True, separators=separators).encode("ascii")
    return data + b"\n"


def field_text(cleaned: str, original: str) -> str:
    """The pipeline ends a document with a newline; a field gets one only if it had one.

    >>> field_text("a\\n", "a"), field_text("a\\n", "a\\n")
    ('a', 'a\\n')
    """
    if cleaned.endswith("\n") and not original.endswith(("\n", "\r")):
        return cleaned[:-1]
    return cleaned


def read_chunks(handle: BinaryIO) -> Iterator[tuple[int, list[bytes]]]:
    """Yield ``(first line number, lines)`` chunks of a stream, in constant memory."""
    lines: list[bytes] = []
    size = 0
    first = 1
    for lineno, raw in enumerate(handle, 1):
        line = raw[3:] if lineno == 1 and raw.startswith(b"\xef\xbb\xbf") else raw
        lines.append(line)
        size += len(line)
        if len(lines) >= CHUNK_LINES or size >= CHUNK_BYTES:
            yield first, lines
            first, lines, size = lineno + 1, [], 0
    if lines:
        yield first, lines
