"""Cleaning one input at a time: read, decode, clean, and hand the result back to the parent.

:func:`process` touches no output and prints nothing, so it can run in a worker process; the
caller alone writes files and prints messages, in a deterministic order.
"""

from __future__ import annotations

from dataclasses import dataclass

from .config import Config
from .files import Source, read_bytes
from .model import Result
from .pipeline import clean_bytes


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one input: a result and its output bytes, or an error message."""

    source: Source
    result: Result | None = None
    output: bytes = b""
    error: str | None = None


def process(source: Source, config: Config) -> Outcome:
    """Read and clean one input; a problem becomes ``Outcome.error``, never an exception."""
    try:
        data = read_bytes(source)
    except IsADirectoryError:
        return Outcome(source, error="is a directory")
    except FileNotFoundError:
        return Outcome(source, error="no such file")
    except PermissionError:
        return Outcome(source, error="permission denied")
    except OSError as exc:
        return Outcome(source, error=f"cannot read: {exc.strerror or exc}")
    try:
        result = clean_bytes(data, config)
    except Exception as exc:  # noqa: BLE001 - a bug in a stage must not stop the batch
        return Outcome(source, error=f"internal error while cleaning: {type(exc).__name__}: {exc}")
    return Outcome(source, result, result.text.encode("utf-8", "replace"))
