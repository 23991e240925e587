"""Finding inputs, reading bytes, and writing results without ever leaving a half-written file.

>>> matches("sub/a.txt", ("*.txt",)), matches("sub/a.md", ("*.txt",)), matches("sub/a", ("sub/*",))
(True, False, True)
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path
from typing import BinaryIO, Literal

STDIN = "-"
#: Folders never searched when a directory is given: VCS metadata and tool caches.
SKIP_DIRS = frozenset({".git", ".hg", ".svn", ".bzr", "_darcs", "__pycache__", "node_modules"})
DEFAULT_PATTERN = "*.txt"
DEFAULT_INCLUDE: tuple[str, ...] = (DEFAULT_PATTERN,)
JSONL_INCLUDE: tuple[str, ...] = ("*.jsonl", "*.jsonl.gz")

Kind = Literal["text", "jsonl", "parquet"]


class UsageError(ValueError):
    """The inputs and outputs asked for cannot work together (exit code 2)."""


@dataclass(frozen=True, slots=True)
class Source:
    """One input: where to read it, how to name it in messages, and where it goes under ``-o``.

    ``kind`` says how it is read: a whole ``text`` document, a ``jsonl`` dataset (one record a
    line, optionally gzipped) or a ``parquet`` table.
    """

    path: Path | None  # None for stdin
    display: str
    relative: Path  # path under an output directory
    kind: Kind = "text"
    #: The size on disk, once asked (see :meth:`size`).
    _size: int = field(default=-1, compare=False, repr=False)

    @property
    def is_stdin(self) -> bool:
        return self.path is None

    @property
    def gzipped(self) -> bool:
        return self.path is not None and self.path.name.endswith(".gz")

    def size(self) -> int:
        """Bytes on disk (0 for stdin or a file that cannot be read), stat'ed once: progress,
        the number of workers and the grouping of small files all ask, in every pass (a
        learning ``-j 2`` run asked ~6 times a file). Only an estimate of the work: what a
        worker reads is what it cleans, and a file that changed size between the passes of
        one run is reported by the runner, not by this figure."""
        if self._size < 0:
            try:
                size = self.path.stat().st_size if self.path is not None else 0
            except OSError:
                size = 0
            object.__setattr__(self, "_size", size)
        return self._size


def kind_of(name: str, jsonl: bool = False) -> Kind:
    """How a file is read, from its name (``--jsonl`` makes every input JSONL).

    >>> kind_of("a.jsonl.gz"), kind_of("b.parquet"), kind_of("c.txt"), kind_of("-", jsonl=True)
    ('jsonl', 'parquet', 'text', 'jsonl')
    """
    lower = name.lower()
    if lower.endswith(".parquet"):
        return "parquet"
    if jsonl or lower.endswith((".jsonl", ".jsonl.gz")):
        return "jsonl"
    return "text"


def matches(relative: str, patterns: Iterable[str]) -> bool:
    """Does a path (``/``-separated, relative to the folder searched) match a glob?

    A pattern with a ``/`` is matched against the whole relative path (``*`` crosses folders);
    one without is matched against the last part, the file or folder name.
    """
    name = relative.rsplit("/", 1)[-1]
    return any(fnmatchcase(relative if "/" in p else name, p) for p in patterns)


def excluded(name: str, exclude: Iterable[str]) -> bool:
    """Is a file named on the command line excluded (``--force-exclude``)? A glob without a
    ``/`` matches any of its folders or its name; one with a ``/`` matches any tail of its
    path (``drafts/*`` matches ``news/drafts/a.txt``).

    >>> excluded("site/drafts/a.txt", ["drafts"]), excluded("a/b/c.txt", ["b/*.txt"])
    (True, True)
    >>> excluded("site/a.txt", ["drafts", "b/*"])
    False
    """
    parts = [p for p in Path(name).as_posix().split("/") if p not in ("", ".")]
    tails = ["/".join(parts[i:]) for i in range(len(parts))]
    for pattern in exclude:
        if "/" in pattern:
            if any(fnmatchcase(tail, pattern) for tail in tails):
                return True
        elif any(fnmatchcase(part, pattern) for part in parts):
            return True
    return False


def discover(
    args: Iterable[str],
    include: Iterable[str] = DEFAULT_INCLUDE,
    exclude: Iterable[str] = (),
    jsonl: bool = False,
    force_exclude: bool = False,
    stdin_name: str | None = None,
) -> tuple[list[Source], bool]:
    """Expand the command-line PATHs into sources, in a deterministic order.

    Arguments keep their order; a directory is searched recursively for files matching
    ``include`` and not ``exclude`` (folders matching ``exclude`` are not entered), skipping
    hidden files and folders and VCS metadata, in sorted order. A file named explicitly is
    taken (unless ``force_exclude`` and it matches ``exclude``, see :func:`excluded`), and
    the same file reached twice is taken once. Stdin is named ``stdin_name`` if given (its
    kind then comes from that name). Returns the sources and whether
    any argument was a directory. A path that does not exist is still returned: reading it
    fails later with a clear message, and the rest of the batch goes on.
    """
    include, exclude = tuple(include), tuple(exclude)
    sources: list[Source] = []
    seen: set[Path] = set()
    had_dir = False

    folders: dict[str, str] = {}

    def add(source: Source) -> None:
        # realpath, not resolve(): a symlink loop is an unreadable input, not a crash
        key = Path(realpath(source.path, folders)) if source.path is not None else None
        if key is None or key not in seen:
            if key is not None:
                seen.add(key)
            sources.append(source)

    for arg in args:
        if arg == STDIN:
            if stdin_name:
                kind = kind_of(stdin_name, jsonl)
                add(Source(None, stdin_name, _mirror_name(Path(stdin_name)), kind))
                continue
            kind = kind_of(arg, jsonl)
            add(
                Source(
                    None, "<stdin>", Path("stdin.jsonl" if kind == "jsonl" else "stdin.txt"), kind
                )
            )
            continue
        path = Path(arg)
        if force_exclude and excluded(arg, exclude):
            continue
        if path.is_dir():
            had_dir = True
            for found in sorted(_walk(path, include, exclude)):
                add(Source(found, str(found), found.relative_to(path), kind_of(found.name, jsonl)))
        else:
            add(Source(path, arg, _mirror_name(path), kind_of(path.name, jsonl)))
    return sources, had_dir


def _walk(root: Path, include: tuple[str, ...], exclude: tuple[str, ...]) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        base = Path(dirpath).relative_to(root).as_posix()
        prefix = "" if base == "." else base + "/"
        dirnames[:] = [
            d
            for d in dirnames
            if not d.startswith(".") and d not in SKIP_DIRS and not matches(prefix + d, exclude)
        ]
        for name in filenames:
            rel = prefix + name
            if not name.startswith(".") and matches(rel, include) and not matches(rel, exclude):
                yield Path(dirpath, name)


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


def check_overwrites(
    sources: Iterable[Source], out: Path, flag: str = "-o", whole: bool = False
) -> None:
    """Refuse an output path that is an input (``-o .`` with files named in the current
    folder): the input would be overwritten by its own output. ``whole``: ``out`` is itself
    the output file (a report), not a folder the inputs are mirrored into."""
    folders: dict[str, str] = {}
    for source in sources:
        if source.path is None:
            continue
        target = out if whole else out / source.relative
        if _same_file(target, source.path, folders):
            raise UsageError(
                f"{flag} {out} would overwrite the input {source.display} with its output"
            )


def realpath(path: Path | str, folders: dict[str, str]) -> str:
    """``os.path.realpath(path)``, with the real paths of the folders met remembered in
    ``folders``: a folder of 20,000 pages costs one ``lstat`` a page, not one per component
    of its path. (A path whose last component is not a link is its folder's real path and
    that name; a link, or a name such as ``..``, is resolved whole.)"""
    head, name = os.path.split(os.fspath(path))
    if not head or not name or name in (".", "..") or os.path.islink(path):
        return os.path.realpath(path)
    real = folders.get(head)
    if real is None:
        real = folders[head] = os.path.realpath(head)
    return os.path.join(real, name)


def _same_file(a: Path, b: Path, folders: dict[str, str] | None = None) -> bool:
    folders = {} if folders is None else folders
    try:
        if realpath(a, folders) == realpath(b, folders):
            return True
        return os.path.samefile(a, b)  # hard links (raises if either does not exist)
    except OSError:
        return False


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


def open_input(source: Source) -> BinaryIO:
    """Open an input for streaming (gunzipped if its name ends in ``.gz``)."""
    if source.path is None:
        import sys

        return sys.stdin.buffer
    if source.gzipped:
        import gzip

        return gzip.open(source.path, "rb")  # type: ignore[return-value]
    return source.path.open("rb")


def describe_oserror(exc: OSError, verb: str = "read") -> str:
    """One short phrase for an I/O problem, for ``PATH: error: PHRASE``.

    A write error names the output that failed (the line starts with the input's name).

    >>> describe_oserror(NotADirectoryError(20, "Not a directory", "out/a.txt"), "write")
    'cannot write out/a.txt: Not a directory'
    """
    if verb == "write" and exc.filename:
        return f"cannot write {exc.filename}: {exc.strerror or exc}"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return f"cannot {verb}: {exc.strerror or exc}"


#: Temporary files of this process not yet renamed into place or removed (see
#: :func:`discard_live`).
LIVE: set[Path] = set()
_DEFERRED = frozenset({signal.SIGINT, signal.SIGTERM})


@contextlib.contextmanager
def signals_deferred() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM back for a few instructions (delivered right after), so that a
    temporary file is never created or renamed without this process knowing it was."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, _DEFERRED)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def discard_live() -> None:
    """Remove every temporary file still open (an interrupted run leaves none behind)."""
    for tmp in list(LIVE):
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        LIVE.discard(tmp)


#: The output folders this process has made (or found) already.
_FOLDERS: set[str] = set()
_TRIES = 100


def _create(folder: Path, name: str, mode: int) -> tuple[int, Path]:
    """A new temporary file beside ``name`` in ``folder``, open for writing, created with
    ``mode`` (less the umask): ``(descriptor, path)``. The name
    is new (``O_EXCL``): ``.NAME.RANDOM.tmp``, as :func:`tempfile.mkstemp` would make it,
    without the calls it makes to learn the folder, the name's type and the mode."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    flags |= getattr(os, "O_BINARY", 0)
    for _ in range(_TRIES):
        tmp = folder / f".{name}.{os.urandom(5).hex()}.tmp"
        try:
            return os.open(tmp, flags, mode), tmp
        except FileExistsError:
            continue
        except FileNotFoundError:
            _FOLDERS.discard(str(folder))  # the folder went away: make it again, once
            folder.mkdir(parents=True, exist_ok=True)
            _FOLDERS.add(str(folder))
            return os.open(tmp, flags, mode), tmp
    raise FileExistsError(errno.EEXIST, "no usable temporary name", str(folder))


class AtomicFile:
    """A file written through a temporary file in the target's folder, then renamed.

    :meth:`commit` renames it into place; :meth:`discard` (or an exception inside ``with``)
    removes it. An interrupted run leaves either the old file or the new one, never a
    truncated mix. ``like`` (the file being replaced, under ``-i``) lends its permission bits,
    and then the data is also flushed to disk (fsync) before the rename, so not even a power
    cut can cost the user's original text. Outputs under ``-o`` are derived data and skip the
    fsync, which costs several milliseconds a file.
    """

    def __init__(self, target: Path, like: Path | None = None) -> None:
        self.target, self.like = target, like
        try:
            folder = target.parent
            if str(folder) not in _FOLDERS:  # once per folder, not once per file
                folder.mkdir(parents=True, exist_ok=True)
                _FOLDERS.add(str(folder))
            with signals_deferred():  # a signal now would leave the file unnamed to discard
                # Replacing a file (-i): private until it has the file's own mode. A new
                # output gets the mode any new file gets (0o666 less the umask) at once.
                mode = 0o600 if like is not None else 0o666
                fd, self.tmp = _create(folder, target.name, mode)
                LIVE.add(self.tmp)
        except OSError as exc:
            raise self._named(exc) from None
        self.handle: BinaryIO = open(fd, "wb")  # noqa: SIM115 - closed by commit or discard

    def write(self, data: bytes) -> None:
        self.handle.write(data)

    def commit(self) -> None:
        try:
            self.handle.flush()
            if self.like is not None:
                os.fsync(self.handle.fileno())
            self.handle.close()
            if self.like is not None and self.like.exists():
                info = self.like.stat()
                if (info.st_uid, info.st_gid) != (os.getuid(), os.getgid()):
                    with contextlib.suppress(OSError):  # only root may give files away
                        os.chown(self.tmp, info.st_uid, info.st_gid)
                os.chmod(self.tmp, info.st_mode & 0o7777)
            # (else the file was created with the mode a new file gets: 0o666 less the umask)
            with signals_deferred():
                os.replace(self.tmp, self.target)
                LIVE.discard(self.tmp)
        except OSError as exc:
            self.discard()
            raise self._named(exc) from None
        except BaseException:
            self.discard()
            raise

    def _named(self, exc: OSError) -> OSError:
        """The same error naming the output that failed (not a folder or the temporary file);
        under ``-i`` the output is the input, which the message names already."""
        if exc.errno is None or self.like is not None:
            return type(exc)(exc.errno, exc.strerror) if exc.errno is not None else exc
        return type(exc)(exc.errno, exc.strerror, str(self.target))

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self.handle.close()
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.tmp)
        LIVE.discard(self.tmp)

    def __enter__(self) -> AtomicFile:
        return self

    def __exit__(self, kind: object, value: object, tb: object) -> None:
        if kind is not None:
            self.discard()


def write_atomic(target: Path, data: bytes, like: Path | None = None) -> None:
    """Write ``data`` to ``target`` atomically (see :class:`AtomicFile`)."""
    with AtomicFile(target, like) as out:
        out.write(data)
        out.commit()
