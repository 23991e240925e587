"""The ``fix`` command's run-level wiring: parameters → Options, sources, reporting, a run.

Kept apart from :mod:`newsclean.cli` (which declares the options and builds the cleaning
Config) so that file stays a readable list of options; nothing here is imported at start-up.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

import click

from ..config import Config
from .fidelity import Fidelity
from .files import Source
from .runner import Options


def options_from(params: dict[str, Any]) -> Options:
    from .jsonl import split_field
    from .runner import Options

    if params["output_dir"] is not None and params["in_place"]:
        raise click.UsageError("use either -o/--output-dir or -i/--in-place, not both")
    if params.get("scheduler") and params.get("engine") != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    for name in ("duplicates_dir", "dedup_report"):
        if params[name] is not None and not params["dedup_docs"]:
            raise click.UsageError(f"--{name.replace('_', '-')} needs --dedup-docs")
    # --diff --check shows the diffs and exits 1 if anything would change (see Report.check)
    mode = "diff" if params["diff"] else "check" if params["check"] else "write"
    for name in ("field", "stats_field"):
        if params[name] is not None:
            try:
                split_field(params[name])
            except ValueError as exc:
                hint = f"--{name.replace('_', '-')}"
                raise click.BadParameter(str(exc), param_hint=hint) from None
    # What -i keeps of a file (what --check and --diff judge by): its line endings and its
    # encoding, as black does; -o and stdout make a UTF-8 + LF corpus. Flags decide otherwise.
    rewrites = mode != "write" or params["in_place"]
    endings = params["line_endings"] or ("keep" if rewrites else "lf")
    to_utf8 = params["to_utf8"] if params["to_utf8"] is not None else not rewrites
    return Options(
        fidelity=Fidelity(line_endings=endings == "keep", encoding=not to_utf8),
        mode=mode,  # type: ignore[arg-type]
        output_dir=params["output_dir"] if mode == "write" else None,
        in_place=params["in_place"] and mode == "write",
        jobs=params["jobs"] or _cpu_count(),
        field=params["field"],
        stats_field=params["stats_field"],
        explain=params["explain"],
        rejected_dir=params["duplicates_dir"] if mode == "write" else None,
    )


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def sources_from(params: dict[str, Any], options: Options) -> list[Source]:
    """Expand PATHs into sources and check they fit the output mode (else a usage error)."""
    from .files import (
        DEFAULT_INCLUDE,
        JSONL_INCLUDE,
        UsageError,
        check_collisions,
        check_output_dir,
        check_overwrites,
        discover,
    )

    args = params["paths"] or ("-",)
    include = params["include"] or (JSONL_INCLUDE if params["jsonl"] else DEFAULT_INCLUDE)
    sources, had_dir = discover(
        args,
        include,
        params["exclude"],
        params["jsonl"],
        force_exclude=params["force_exclude"],
        stdin_name=params["stdin_filename"],
    )
    output_dir = options.output_dir
    try:
        if options.mode != "write":
            pass  # --check and --diff write nothing: any inputs will do
        elif output_dir is not None or options.in_place:
            if any(s.is_stdin for s in sources):
                raise UsageError("stdin (-) is written to stdout; it cannot be used with -o or -i")
        elif len(sources) > 1 or had_dir:
            raise UsageError("several inputs need -o/--output-dir DIR or -i/--in-place")
        elif any(s.kind == "parquet" for s in sources):
            raise UsageError("a Parquet table is not written to stdout: use -o DIR or -i")
        if output_dir is not None:
            check_output_dir(output_dir, args)
            check_overwrites(sources, output_dir)
            check_collisions(sources)
        for name in ("report_file", "dedup_report"):
            if params.get(name) is not None:
                check_overwrites(sources, params[name], f"--{name.replace('_', '-')}", whole=True)
        aside = options.rejected_dir
        if aside is not None:
            check_output_dir(aside, args)
            check_overwrites(sources, aside, "--duplicates-dir")
            check_collisions(sources)
            if output_dir is not None and aside.resolve() == output_dir.resolve():
                raise UsageError("--duplicates-dir must differ from -o/--output-dir")
    except UsageError as exc:
        raise click.UsageError(str(exc)) from None
    return sources


def learn_to_file(params: dict[str, Any], config: Config) -> int:
    """``newsclean learn``: the learning pass over the inputs, its keys saved to a file."""
    from ..corpus.site import SiteBoilerplate
    from .files import (
        DEFAULT_INCLUDE,
        JSONL_INCLUDE,
        UsageError,
        check_overwrites,
        discover,
        write_atomic,
    )
    from .learned import render_site_lines
    from .runner import Options, learn

    include = params["include"] or (JSONL_INCLUDE if params["jsonl"] else DEFAULT_INCLUDE)
    sources, _ = discover(
        params["paths"] or ("-",),
        include,
        params["exclude"],
        params["jsonl"],
        force_exclude=params["force_exclude"],
        stdin_name=params["stdin_filename"],
    )
    if "boilerplate" not in config.stages:
        raise click.UsageError("learning site boilerplate needs the boilerplate stage")
    options = Options(mode="check", jobs=params["jobs"] or _cpu_count(), field=params["field"])
    keys = learn(sources, config, options, [SiteBoilerplate(config)]).site_boilerplate
    out: Path = params["output"]
    try:
        check_overwrites(sources, out, "-o", whole=True)
    except UsageError as exc:
        raise click.UsageError(str(exc)) from None
    try:
        write_atomic(out, render_site_lines(keys, len(sources)).encode("utf-8"))
    except OSError as exc:
        click.echo(f"{out}: error: {exc.strerror or exc}", err=True)
        return 123
    if not params["quiet"]:
        click.echo(
            f"learned {len(keys):,} site lines from {len(sources):,} inputs: {out}", err=True
        )
    return 0


def _stopped(exc: OSError) -> str:
    """What stopped a run whose own storage failed (an input's or an output's error stops
    only that file), on one line: where its temporary files go, and how to move them.

    >>> import errno, os
    >>> _stopped(OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))).startswith("No space left")
    True
    """
    import tempfile

    where = f" ({exc.filename})" if exc.filename else ""
    return (
        f"{exc.strerror or exc}{where}: the run stopped (its temporary files go to "
        f"{tempfile.gettempdir()}; TMPDIR puts them elsewhere; no file was left half-written)"
    )


def passed_through(params: dict[str, Any], options: Options) -> bool:
    """Stdin named (``--stdin-filename``) as an excluded file under ``--force-exclude``: it is
    not cleaned — copied to stdout as it is when writing (an editor's buffer stays whole)."""
    from .files import excluded

    name = params["stdin_filename"]
    if not (name and params["force_exclude"] and excluded(name, params["exclude"])):
        return False
    if tuple(params["paths"]) not in ((), ("-",)):
        return False
    if options.mode == "write":
        import shutil

        shutil.copyfileobj(sys.stdin.buffer, sys.stdout.buffer)
        sys.stdout.buffer.flush()
    return True


def execute(
    sources: list[Source],
    config: Config,
    options: Options,
    params: dict[str, Any],
    learners: list[Any],
    filters: list[Any],
) -> int:
    """Run the batch with the reporting asked for; return the exit code."""
    from contextlib import ExitStack

    from .files import UsageError, discard_live
    from .output import StdoutClosed
    from .progress import Progress
    from .report import JsonReport, Report

    quiet = params["quiet"]
    report_file: Path | None = params["report_file"]
    json_on_stderr = params["report"] == "json" and report_file is None
    single = len(sources) == 1 and options.mode == "write" and options.output_dir is None
    single = single and not options.in_place
    shown = params["progress"] if params["progress"] is not None else _tty() and not single
    shown = shown and not quiet and not json_on_stderr
    bar = Progress(enabled=shown)
    with ExitStack() as stack:
        json: JsonReport | None = None
        if json_on_stderr:
            json = JsonReport(sys.stderr)
        elif report_file is not None:
            json = JsonReport(stack.enter_context(_report_stream(report_file)))
        report = Report(
            mode=options.mode,
            check=params["check"],
            quiet=quiet or json_on_stderr,
            emit=_silent if json_on_stderr else bar.line,
            json=json,
            keep_details=json is not None,
            max_diagnostics=params["max_diagnostics"],
            style=params["output_format"],
        )
        if not sources and not quiet:
            bar.line("newsclean: no input files found (see --include/--exclude)")
        try:
            with _terminated_as_interrupt():
                steps = _run_on(params, sources, config, options, report, bar, learners, filters)
        except UsageError as exc:
            raise click.UsageError(str(exc)) from None
        except StdoutClosed:
            _quiet_stdout()
            return 128 + 13  # as if killed by SIGPIPE, what `cmd | head` expects
        except KeyboardInterrupt as exc:
            discard_live()
            bar.clear()
            click.echo("newsclean: interrupted (no file was left half-written)", err=True)
            return 128 + getattr(exc, "signum", signal.SIGINT)
        except OSError as exc:  # the run's own storage: the spool, a table spilled to disk
            discard_live()
            bar.clear()
            click.echo(f"newsclean: error: {_stopped(exc)}", err=True)
            return 123
        bar.clear()
        if json is not None:
            json.close(report.totals(), steps)
        if params["dedup_report"] is not None:
            _write_json(params["dedup_report"], steps.get("near-duplicate-docs", {}))
        if not (quiet or json_on_stderr) and (shown or options.mode != "write"):
            bar.line(report.summary())
        if params["statistics"] and not json_on_stderr:
            for line in report.statistics():
                bar.line(line)
    return report.exit_code


class Terminated(KeyboardInterrupt):
    """SIGTERM (``kill``, a CI timeout) stops a run the way Ctrl-C does: every output is
    discarded or complete, no temporary file is left; the exit code is 128 + the signal."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextmanager
def _terminated_as_interrupt() -> Iterator[None]:
    def handler(signum: int, frame: object) -> None:
        raise Terminated(signum)

    try:
        old = signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, old)


def _run_on(params: dict[str, Any], *args: Any) -> dict[str, Any]:
    """The run on the engine asked for: this machine's workers, or a Dask cluster (``--engine
    dask``: Dask is imported only then)."""
    if params.get("engine") != "dask":
        from .runner import run

        return run(*args)
    try:
        from .dask_engine import DaskExecutor
    except ImportError as exc:
        raise click.UsageError(str(exc)) from None
    from .engine import run as run_on

    try:
        executor = DaskExecutor(params.get("scheduler"), workers=params["jobs"])
    except (ImportError, OSError) as exc:
        raise click.UsageError(f"--engine dask: {exc}") from None
    with executor:
        return run_on(executor, *args)


def _write_json(path: Path, data: Any) -> None:
    """A JSON file written atomically (complete or absent)."""
    import json

    with _report_stream(path) as stream:
        stream.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so that the interpreter's last flush on exit finds no
    broken pipe to complain about."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass  # not a real file descriptor (tests): nothing will complain


def _silent(line: str) -> None:
    """With the JSON report on stderr, stderr carries nothing else (it is all in the report)."""


def _tty() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


@contextmanager
def _report_stream(path: Path) -> Iterator[TextIO]:
    """The --report-file, written atomically: a report is complete or absent."""
    import io

    from .files import AtomicFile

    atomic = AtomicFile(path)
    stream = io.TextIOWrapper(atomic.handle, "utf-8", newline="\n")
    try:
        yield stream
        stream.flush()
        stream.detach()
        atomic.commit()
    except BaseException:
        atomic.discard()
        raise
