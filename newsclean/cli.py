"""The ``newsclean`` command: options and wiring only; the work is done by the library.

Nothing heavy is imported at start-up (``newsclean --help`` must be instant): the runner, the
stages and their libraries are imported when a command runs.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import click

from . import __version__
from .config import SCRIPT_ALIASES, SCRIPT_TARGETS, STAGE_NAMES, Config

if TYPE_CHECKING:
    from .files import Source
    from .runner import Options

_TARGETS = ", ".join([*SCRIPT_TARGETS, *SCRIPT_ALIASES])

FIX_EPILOG = """\b
Examples:
  newsclean fix article.txt                  clean one file to stdout
  curl -s URL | newsclean fix -              clean stdin to stdout
  newsclean fix --to zh-hans article.txt     ...and convert to Simplified Chinese
  newsclean fix -o clean/ scraped/           clean a folder (*.txt) into clean/
  newsclean fix -i *.txt                     clean files in place (atomically)
  newsclean fix --check corpus/              CI: list what would change, exit 1 if anything would
  newsclean fix --diff a.txt                 show what would change, as a unified diff
  newsclean fix -o out/ data.jsonl.gz        clean the "text" field of every record
  newsclean fix --skip duplicates,script a.txt
  newsclean fix --stages encoding,pinyin a.txt

\b
Diagnostics go to stderr as PATH:LINE: warning: MESSAGE (hide them with -q).
Settings: [tool.newsclean] in pyproject.toml, or newsclean.toml, or --config FILE;
the keys are the long option names (to = "zh-hans", jobs = 4); flags win.
Exit status: 0 done, 1 something would change (--check), 2 usage or configuration
error, 123 some input (or record) could not be read or cleaned (the others are
still cleaned).
"""


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="newsclean")
def main() -> None:
    """Clean text scraped from news sites: repair encoding, strip boilerplate and leaked
    pinyin, collapse duplicates, convert Chinese script, restore fullwidth punctuation.

    Run `newsclean fix --help` to start, or `newsclean stages` to see the stages.
    """


def _stage_list(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> tuple[str, ...] | None:
    if value is None:
        return None
    from .config import parse_stage_list
    from .settings import origin

    try:
        return parse_stage_list(value)
    except ValueError as exc:
        raise click.BadParameter(f"{exc}{origin(ctx, param.name or '')}") from None


def _read_config(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    """Eager: load the settings file into ``default_map`` before the other options are read."""
    from .settings import default_map, find_config

    path = value or find_config(ctx.params.get("paths", ()))
    if path is not None:
        ctx.default_map = {**(ctx.default_map or {}), **default_map(ctx, path)}
        ctx.meta["newsclean.config"] = str(path)
    return value


@main.command(epilog=FIX_EPILOG)
@click.argument("paths", nargs=-1, metavar="[PATH]...", is_eager=True)
@click.option(
    "--config",
    "config_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    is_eager=True,
    expose_value=False,
    callback=_read_config,
    help="Read settings from this TOML file (default: the nearest pyproject.toml "
    "[tool.newsclean] or newsclean.toml).",
)
@click.option(
    "-o",
    "--output-dir",
    type=click.Path(file_okay=False, path_type=Path),
    metavar="DIR",
    help="Write cleaned files under DIR, mirroring their relative paths.",
)
@click.option(
    "-i",
    "--in-place",
    is_flag=True,
    help="Rewrite the input files (atomically: never half-written).",
)
@click.option(
    "--check",
    is_flag=True,
    help="Write nothing; list the files that would change; exit 1 if any would.",
)
@click.option(
    "--diff",
    is_flag=True,
    help="Write nothing; print unified diffs of what would change on stdout.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    metavar="N",
    help="Worker processes (default: the number of CPUs).",
)
@click.option(
    "--include",
    multiple=True,
    metavar="GLOB",
    help="In folders, clean files matching GLOB (repeatable; default *.txt, "
    "or *.jsonl and *.jsonl.gz with --jsonl).",
)
@click.option(
    "--exclude",
    multiple=True,
    metavar="GLOB",
    help="In folders, skip files and folders matching GLOB (repeatable). A GLOB with a / "
    "matches the path below the folder given, otherwise the name.",
)
@click.option(
    "--jsonl",
    is_flag=True,
    help="Read every input (stdin too) as JSONL records (automatic for *.jsonl, *.jsonl.gz).",
)
@click.option(
    "--field",
    default="text",
    show_default=True,
    metavar="PATH",
    help="The field of JSONL records (dotted path, e.g. meta.body) or Parquet column to clean.",
)
@click.option(
    "--stats-field",
    metavar="NAME",
    help="Add to each record a field NAME summarising what changed.",
)
@click.option(
    "--to",
    "target",
    metavar="SCRIPT",
    help=f"Convert Chinese script: {_TARGETS}. Default: leave as is.",
)
@click.option(
    "--stages",
    "only",
    metavar="LIST",
    callback=_stage_list,
    help="Run only these stages (comma-separated; order is always canonical).",
)
@click.option(
    "--skip",
    metavar="LIST",
    callback=_stage_list,
    help="Do not run these stages (comma-separated).",
)
@click.option(
    "--encoding", metavar="NAME", help="Read input as this encoding instead of detecting it."
)
@click.option(
    "-q",
    "--quiet",
    is_flag=True,
    help="Print only errors: no diagnostics, no progress, no summary.",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Show a progress bar and a summary on stderr (default: when stderr is a terminal).",
)
@click.option(
    "--report",
    type=click.Choice(["json"]),
    help="Write a report: per input, whether it changed, the stages that fired, the "
    "diagnostics; and totals. To --report-file, else (alone) to stderr.",
)
@click.option(
    "--report-file",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE",
    help="Where --report goes (implies --report json).",
)
@click.pass_context
def fix(ctx: click.Context, /, **params: Any) -> None:
    """Clean PATHs (files or folders; none or - reads stdin).

    One input is written to stdout. Several inputs, or a folder, need -o DIR or -i
    (or --check / --diff, which write nothing).
    """
    config = _config(params)
    options = _options(params)
    sources = _sources(params, options)
    learners, filters = corpus_steps(config, params)
    sys.exit(_execute(sources, config, options, params, learners, filters))


def _config(params: dict[str, Any]) -> Config:
    """The cleaning options (a usage error if they do not fit together)."""
    try:
        return Config(to=params["target"], encoding=params["encoding"]).select(
            only=params["only"], skip=params["skip"] or ()
        )
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None


def corpus_steps(config: Config, params: dict[str, Any]) -> tuple[list[Any], list[Any]]:
    """The cross-document steps this run asked for: (ConfigLearners, DocumentFilters).

    Each option that turns on such a step (site boilerplate learning, near-duplicate
    documents...) adds its step here; the runner does the rest (see newsclean/runner.py).
    """
    return [], []


def _options(params: dict[str, Any]) -> Options:
    from .jsonl import split_field
    from .runner import Options

    if params["output_dir"] is not None and params["in_place"]:
        raise click.UsageError("use either -o/--output-dir or -i/--in-place, not both")
    # --diff --check shows the diffs and exits 1 if anything would change (see Report.check)
    mode = "diff" if params["diff"] else "check" if params["check"] else "write"
    for name in ("field", "stats_field"):
        if params[name] is not None:
            try:
                split_field(params[name])
            except ValueError as exc:
                hint = f"--{name.replace('_', '-')}"
                raise click.BadParameter(str(exc), param_hint=hint) from None
    return Options(
        mode=mode,  # type: ignore[arg-type]
        output_dir=params["output_dir"] if mode == "write" else None,
        in_place=params["in_place"] and mode == "write",
        jobs=params["jobs"] or _cpu_count(),
        field=params["field"],
        stats_field=params["stats_field"],
    )


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _sources(params: dict[str, Any], options: Options) -> list[Source]:
    """Expand PATHs into sources and check they fit the output mode (else a usage error)."""
    from .files import (
        DEFAULT_INCLUDE,
        JSONL_INCLUDE,
        UsageError,
        check_collisions,
        check_output_dir,
        discover,
    )

    args = params["paths"] or ("-",)
    include = params["include"] or (JSONL_INCLUDE if params["jsonl"] else DEFAULT_INCLUDE)
    sources, had_dir = discover(args, include, params["exclude"], params["jsonl"])
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
            check_collisions(sources)
    except UsageError as exc:
        raise click.UsageError(str(exc)) from None
    return sources


def _execute(
    sources: list[Source],
    config: Config,
    options: Options,
    params: dict[str, Any],
    learners: list[Any],
    filters: list[Any],
) -> int:
    """Run the batch with the reporting asked for; return the exit code."""
    from contextlib import ExitStack

    from .files import UsageError
    from .progress import Progress
    from .report import JsonReport, Report
    from .runner import run

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
        )
        if not sources and not quiet:
            bar.line("newsclean: no input files found (see --include/--exclude)")
        try:
            steps = run(sources, config, options, report, bar, learners, filters)
        except UsageError as exc:
            raise click.UsageError(str(exc)) from None
        except KeyboardInterrupt:
            bar.clear()
            click.echo("newsclean: interrupted (no file was left half-written)", err=True)
            return 130
        bar.clear()
        if json is not None:
            json.close(report.totals(), steps)
        if not (quiet or json_on_stderr) and (shown or options.mode != "write"):
            bar.line(report.summary())
    return report.exit_code


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


@main.command()
def stages() -> None:
    """List the stages, in the order they run."""
    from .stages import SUMMARIES

    width = max(map(len, STAGE_NAMES))
    for name in STAGE_NAMES:
        click.echo(f"{name:<{width}}  {SUMMARIES[name]}")
