"""The ``newsclean`` command: options and wiring only; the work is done by the library.

Nothing heavy is imported at start-up (``newsclean --help`` must be instant): the runner, the
stages and their libraries are imported when a command runs.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from . import __version__
from .config import SCRIPT_ALIASES, SCRIPT_TARGETS, STAGE_NAMES, Config

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


def _boilerplate_file(
    ctx: click.Context, param: click.Parameter, value: Path | None
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Read ``--boilerplate-file`` into (phrases, patterns); a bad file is a usage error."""
    if value is None:
        return (), ()
    from .settings import origin
    from .stages.boilerplate.rules import read_rules_file

    try:
        return read_rules_file(value)
    except ValueError as exc:
        raise click.BadParameter(f"{exc}{origin(ctx, param.name or '')}") from None


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
    "--repair-lossy",
    is_flag=True,
    help="Also repair mojibake that already lost bytes (U+FFFD); each such line is reported.",
)
@click.option(
    "--boilerplate-file",
    "user_rules",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE",
    callback=_boilerplate_file,
    help="More boilerplate for your own sites: one phrase per line, re:REGEX for a regular "
    "expression, # for comments.",
)
@click.option(
    "--keep-markdown/--flatten-markdown",
    default=None,
    help="Keep markdown markup (links, emphasis, tables) instead of reducing it to plain text "
    "(the markdown stage). Default: kept when every input is a *.md file, flattened otherwise.",
)
@click.option(
    "--learn-boilerplate/--no-learn-boilerplate",
    default=None,
    help="Learn the sites' own boilerplate from the run: lines (menus, footers) that recur in "
    "many different documents go too. Default: on when cleaning 3 or more text files.",
)
@click.option(
    "--dedup-docs",
    is_flag=True,
    help="Find near-duplicate documents in the run (syndicated copies of one story): the "
    "first by path order is kept, the others are reported and not written.",
)
@click.option(
    "--dedup-threshold",
    type=click.FloatRange(0.3, 1.0),
    default=0.7,
    show_default=True,
    metavar="SIM",
    help="Similarity (estimated Jaccard of the documents' shingles) that makes two documents copies.",
)
@click.option(
    "--duplicates-dir",
    type=click.Path(file_okay=False, path_type=Path),
    metavar="DIR",
    help="With --dedup-docs: write the duplicate documents under DIR (mirrored paths) "
    "instead of leaving them out.",
)
@click.option(
    "--dedup-report",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE",
    help="With --dedup-docs: write the clusters found (JSON: kept document, copies, similarity).",
)
@click.option(
    "--explain",
    is_flag=True,
    help="List on stderr every line a stage dropped, changed or moved, with the rule and why.",
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
    from .command import execute, options_from, sources_from

    config = _config(params)
    options = options_from(params)
    sources = sources_from(params, options)
    if _keeps_markdown(params["keep_markdown"], sources):
        config = config.select(skip=["markdown"])
    if params["learn_boilerplate"] is None:  # auto: a batch of pages, not stdin or datasets
        params["learn_boilerplate"] = sum(s.kind == "text" and not s.is_stdin for s in sources) >= 3
    learners, filters = corpus_steps(config, params)
    sys.exit(execute(sources, config, options, params, learners, filters))


def _keeps_markdown(choice: bool | None, sources: Any) -> bool:
    """``--keep-markdown``, or by default: every input is a ``*.md`` file."""
    if choice is not None:
        return choice
    paths = [s.path for s in sources]
    return bool(paths) and all(
        p is not None and p.suffix.lower() in (".md", ".markdown") for p in paths
    )


def _config(params: dict[str, Any]) -> Config:
    """The cleaning options (a usage error if they do not fit together)."""
    try:
        phrases, patterns = params["user_rules"]
        return Config(
            to=params["target"],
            encoding=params["encoding"],
            repair_lossy=params["repair_lossy"],
            dedup_threshold=params["dedup_threshold"],
            boilerplate_phrases=phrases,
            boilerplate_patterns=patterns,
        ).select(only=params["only"], skip=params["skip"] or ())
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None


def corpus_steps(config: Config, params: dict[str, Any]) -> tuple[list[Any], list[Any]]:
    """The cross-document steps this run asked for: (ConfigLearners, DocumentFilters).

    Each option that turns on such a step (site boilerplate learning, near-duplicate
    documents...) adds its step here; the runner does the rest (see newsclean/runner.py).
    """
    learners: list[Any] = []
    if params.get("learn_boilerplate") and "boilerplate" in config.stages:
        from .site import SiteBoilerplate

        learners.append(SiteBoilerplate(config))
    filters: list[Any] = []
    if params.get("dedup_docs"):
        from .dedup import NearDuplicateDocs

        filters.append(NearDuplicateDocs.from_config(config))
    return learners, filters


@main.command()
def stages() -> None:
    """List the stages, in the order they run."""
    from .stages import SUMMARIES

    width = max(map(len, STAGE_NAMES))
    for name in STAGE_NAMES:
        click.echo(f"{name:<{width}}  {SUMMARIES[name]}")
