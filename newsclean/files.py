"""Finding inputs, reading bytes, and writing results without ever leaving a half-written file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

STDIN = "-"
#: Folders never searched when a directory is given: VCS metadata and tool caches.
SKIP_DIRS = frozenset({".git", ".hg", ".svn", ".bzr", "_darcs", "__pycache__", "node_modules"})
DEFAULT_PATTERN = "*.txt"


class UsageError(ValueError):
    """The inputs and outputs asked for cannot work together (exit code 2)."""


@dataclass(frozen=True, slots=True)
class Source:
    """One input: where to read it, how to name it in messages, and where it goes under ``-o``."""

    path: Path | None  # None for stdin
    display: str
    relative: Path  # path under an output directory

    @property
    def is_stdin(self) -> bool:
        return self.path is None


def discover(args: Iterable[str], pattern: str = DEFAULT_PATTERN) -> tuple[list[Source], bool]:
    """Expand the command-line PATHs into sources, in a deterministic order.

    Directories are searched recursively for files matching ``pattern``, skipping hidden and
    VCS folders. Returns the sources and whether any argument was a directory. A path that
    does not exist is still returned (reading it fails later, with a clear message, and the
    rest of the batch goes on).
    """
    sources: list[Source] = []
    had_dir = False
    for arg in args:
        if arg == STDIN:
            sources.append(Source(None, "<stdin>", Path("stdin.txt")))
            continue
        path = Path(arg)
        if path.is_dir():
            had_dir = True
            for found in sorted(_walk(path, pattern)):
                sources.append(Source(found, str(found), found.relative_to(path)))
        else:
            sources.append(Source(path, arg, _mirror_name(path)))
    return sources, had_dir


def _walk(root: Path, pattern: str) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".") and d not in SKIP_DIRS]
        for name in filenames:
            candidate = Path(dirpath, name)
            if not name.startswith(".") and candidate.match(pattern):
                yield candidate


def _mirror_name(path: Path) -> Path:
    """Where a file named on the command line goes under ``-o``: its relative path if it is a
    plain relative path, else its name."""
    if path.is_absolute() or ".." in path.parts:
        return Path(path.name)
    return path


def check_output_dir(out: Path, args: Iterable[str]) -> None:
    """Refuse an output folder inside an input folder: the next run would clean its own output."""
    resolved = out.resolve()
    for arg in args:
        if arg == STDIN:
            continue
        src = Path(arg)
        if src.is_dir():
            root = src.resolve()
            if resolved == root or root in resolved.parents:
                raise UsageError(f"output folder {out} is inside input folder {arg}")


def check_collisions(sources: list[Source]) -> None:
    """Two inputs must not be written to the same output path."""
    seen: dict[Path, str] = {}
    for source in sources:
        other = seen.setdefault(source.relative, source.display)
        if other != source.display:
            raise UsageError(
                f"{other} and {source.display} would both be written to {source.relative}"
            )


def read_bytes(source: Source) -> bytes:
    """Read a whole input. Raises OSError with a message worth showing."""
    if source.path is None:
        import sys

        return sys.stdin.buffer.read()
    return source.path.read_bytes()


def write_atomic(target: Path, data: bytes, like: Path | None = None) -> None:
    """Write ``data`` to ``target`` through a temporary file in the same folder and a rename.

    An interrupted run leaves either the old file or the new one, never a truncated mix.
    ``like`` (the file being replaced) lends its permission bits to the new file.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if like is not None and like.exists():
            os.chmod(tmp, like.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
