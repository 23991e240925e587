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
    if value is None:
        raise NullText(f"field {'.'.join(field)!r} is null")
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


class NullText(BadRecord):
    """The field is ``null``: the record is kept as it is and counted, not an error (as a
    null value in a Parquet column)."""


def rewrite(
    line: bytes, changes: list[tuple[tuple[str, ...], Any]], record: dict[str, Any]
) -> bytes:
    """The line with only the changed fields' values replaced, every other byte kept (numbers
    such as ``1.10`` or ``1e3`` are never re-serialised); ``record`` (already holding the
    changes) is rendered whole only if a field's place cannot be found in the line.

    >>> rewrite(b'{"n": 1.10, "text": "a", "big": 1e3}\\n', [(("text",), "b")], {})
    b'{"n": 1.10, "text": "b", "big": 1e3}\\n'
    """
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        return render(record, line)
    for field, value in changes:
        spliced = _splice(text, field, value, line)
        if spliced is None:
            return render(record, line)
        text = spliced
    return text.encode("utf-8", "surrogatepass")


_DECODER = json.JSONDecoder()
_SPACE = " \t\n\r"


def _splice(text: str, field: tuple[str, ...], value: Any, original: bytes) -> str | None:
    """Put ``value`` at ``field`` in the JSON object ``text`` (replacing the value there, or
    adding the key at the end of its object); ``None`` if the place cannot be found."""
    start = len(text) - len(text.lstrip(_SPACE))
    for depth, key in enumerate(field):
        found = _member(text, start, key)
        if found is None:
            return None
        value_at, end, close = found
        last = depth == len(field) - 1
        if value_at < 0:  # no such key in this object: add it before the closing brace
            if not last:
                return None
            member = _dumps(key, original) + _colon(original) + _dumps(value, original)
            inner = text[start + 1 : close].strip(_SPACE)
            sep = ("," if _compact(original) else ", ") if inner else ""
            return text[:close].rstrip(_SPACE) + sep + member + text[close:]
        if last:
            return text[:value_at] + _dumps(value, original) + text[end:]
        start = value_at
    return None


def _member(text: str, start: int, key: str) -> tuple[int, int, int] | None:
    """In the object at ``start``: (where the last ``key``'s value starts, where it ends,
    where the object closes); (-1, -1, close) if the key is not there; None if not an object."""
    if text[start : start + 1] != "{":
        return None
    found = (-1, -1)
    i = _skip(text, start + 1)
    if text[i : i + 1] == "}":
        return (-1, -1, i)
    while True:
        if text[i : i + 1] != '"':
            return None
        name, i = json.decoder.scanstring(text, i + 1)  # type: ignore[attr-defined]
        i = _skip(text, i)
        if text[i : i + 1] != ":":
            return None
        i = _skip(text, i + 1)
        try:
            _, end = _DECODER.raw_decode(text, i)
        except ValueError:
            return None
        if name == key:
            found = (i, end)
        i = _skip(text, end)
        if text[i : i + 1] == ",":
            i = _skip(text, i + 1)
            continue
        if text[i : i + 1] == "}":
            return (*found, i)
        return None


def _skip(text: str, i: int) -> int:
    while i < len(text) and text[i] in _SPACE:
        i += 1
    return i


def _compact(original: bytes) -> bool:
    return b'": ' not in original and b'":' in original


def _colon(original: bytes) -> str:
    return ":" if _compact(original) else ": "


def _dumps(value: Any, original: bytes) -> str:
    """One JSON value in the style of its line (``\\u`` escapes if the line is ASCII with
    escapes; compact separators if the line is compact)."""
    ascii_only = original.isascii() and b"\\u" in original
    separators = (",", ":") if _compact(original) else (", ", ": ")
    out = json.dumps(value, ensure_ascii=ascii_only, separators=separators)
    try:
        out.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate from a \\ud800 escape: keep it escaped
        out = json.dumps(value, ensure_ascii=True, separators=separators)
    return out


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
