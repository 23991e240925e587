"""The ``newsclean`` command: options and wiring only; the work is done by the library."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from . import __version__
from .config import SCRIPT_ALIASES, SCRIPT_TARGETS, STAGE_NAMES, Config

if TYPE_CHECKING:
    from .batch import Outcome
    from .files import Source

_TARGETS = ", ".join([*SCRIPT_TARGETS, *SCRIPT_ALIASES])

FIX_EPILOG = """\b
Examples:
  newsclean fix article.txt                  clean one file to stdout
  curl -s URL | newsclean fix -              clean stdin to stdout
  newsclean fix --to zh-hans article.txt     ...and convert to Simplified Chinese
  newsclean fix -o clean/ scraped/           clean a folder (*.txt) into clean/
  newsclean fix -i *.txt                     clean files in place (atomically)
  newsclean fix --skip duplicates,script a.txt
  newsclean fix --stages encoding,pinyin a.txt

\b
Diagnostics go to stderr as PATH:LINE: warning: MESSAGE (hide them with -q).
Exit status: 0 done, 2 usage error, 123 some input could not be read or cleaned
(the other inputs are still cleaned).
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

    try:
        return parse_stage_list(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


@main.command(epilog=FIX_EPILOG)
@click.argument("paths", nargs=-1, metavar="[PATH]...")
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
    "--repair-lossy",
    is_flag=True,
    help="Also repair mojibake that already lost bytes (U+FFFD); each such line is reported.",
)
@click.option(
    "-q", "--quiet", is_flag=True, help="Do not print diagnostics (errors are still printed)."
)
def fix(
    paths: tuple[str, ...],
    output_dir: Path | None,
    in_place: bool,
    target: str | None,
    only: tuple[str, ...] | None,
    skip: tuple[str, ...] | None,
    encoding: str | None,
    repair_lossy: bool,
    quiet: bool,
) -> None:
    """Clean PATHs (files or folders; none or - reads stdin).

    One input is written to stdout. Several inputs, or a folder, need -o DIR or -i.
    """
    from .batch import process
    from .report import Report

    try:
        config = Config(to=target, encoding=encoding, repair_lossy=repair_lossy).select(
            only=only, skip=skip or ()
        )
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    sources = _plan(paths or ("-",), output_dir, in_place)
    report = Report(quiet=quiet)
    for source in sources:
        outcome = process(source, config)
        if outcome.error is not None or outcome.result is None:
            _emit(report.failure(source.display, outcome.error or "failed"))
            continue
        try:
            _deliver(outcome, output_dir, in_place)
        except OSError as exc:
            _emit(report.failure(source.display, f"cannot write: {exc.strerror or exc}"))
            continue
        _emit(report.done(source.display, outcome.result.changed, outcome.result.diagnostics))
    sys.exit(report.exit_code)


def _plan(args: tuple[str, ...], output_dir: Path | None, in_place: bool) -> list[Source]:
    """Expand PATHs into sources and check they fit the output mode (else a usage error)."""
    from .files import UsageError, check_collisions, check_output_dir, discover

    if output_dir is not None and in_place:
        raise click.UsageError("use either -o/--output-dir or -i/--in-place, not both")
    sources, had_dir = discover(args)
    try:
        if output_dir is not None or in_place:
            if any(s.is_stdin for s in sources):
                raise UsageError("stdin (-) is written to stdout; it cannot be used with -o or -i")
        elif len(sources) > 1 or had_dir:
            raise UsageError("several inputs need -o/--output-dir DIR or -i/--in-place")
        if output_dir is not None:
            check_output_dir(output_dir, args)
            check_collisions(sources)
    except UsageError as exc:
        raise click.UsageError(str(exc)) from None
    return sources


def _deliver(outcome: Outcome, output_dir: Path | None, in_place: bool) -> None:
    """Write one result where it belongs: under -o, over the input (if changed), or stdout."""
    from .files import write_atomic

    source, result = outcome.source, outcome.result
    if output_dir is not None:
        write_atomic(output_dir / source.relative, outcome.output)
    elif in_place:
        if result is not None and result.changed and source.path is not None:
            write_atomic(source.path, outcome.output, like=source.path)
    else:
        sys.stdout.buffer.write(outcome.output)
        sys.stdout.buffer.flush()


def _emit(lines: list[str]) -> None:
    for line in lines:
        click.echo(line, err=True)


@main.command()
def stages() -> None:
    """List the stages, in the order they run."""
    from .stages import SUMMARIES

    width = max(map(len, STAGE_NAMES))
    for name in STAGE_NAMES:
        click.echo(f"{name:<{width}}  {SUMMARIES[name]}")
