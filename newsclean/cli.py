"""The ``newsclean`` command: options and wiring only; the work is done by the library.

Nothing heavy is imported at start-up (``newsclean --help`` must be instant): the runner, the
stages and their libraries are imported when a command runs.
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path
from typing import Any

import click

from . import __version__
from .config import OPENCC_CONFIGS, SCRIPT_ALIASES, SCRIPT_TARGETS, STAGE_NAMES, Config

_TARGETS = ", ".join([*SCRIPT_TARGETS, *SCRIPT_ALIASES])


def _complete_target(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[click.shell_completion.CompletionItem]:
    """Shell completion for --to: the targets, then OpenCC's configuration names."""
    from click.shell_completion import CompletionItem

    names = [*SCRIPT_TARGETS, *SCRIPT_ALIASES, *OPENCC_CONFIGS]
    return [CompletionItem(n) for n in names if n.startswith(incomplete.lower())]


def _complete_stages(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[click.shell_completion.CompletionItem]:
    """Shell completion for a comma-separated stage list: the stages not yet named."""
    from click.shell_completion import CompletionItem

    done, _, last = incomplete.rpartition(",")
    taken = set(done.split(","))
    head = done + "," if done else ""
    return [
        CompletionItem(head + n)
        for n in STAGE_NAMES
        if n.startswith(last.lower()) and n not in taken
    ]


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
  newsclean learn -o site-lines.txt corpus/  save the sites' menus/footers for every run

\b
Diagnostics go to stderr as PATH:LINE: warning: MESSAGE (hide them with -q).
Settings: [tool.newsclean] in pyproject.toml, or newsclean.toml, or --config FILE;
the keys are the long option names (to = "zh-hans", jobs = 4); flags win.
Under -i a file keeps its line endings and encoding; binary files are refused;
symlinks are written through. Site learning is on by default only with -o.
Exit status: 0 done, 1 something would change (--check), 2 usage or configuration
error, 123 some input (or record) could not be read or cleaned (the others are
still cleaned), 130/143 interrupted, 141 stdout closed.
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
    from .run.settings import origin

    try:
        return parse_stage_list(value)
    except ValueError as exc:
        raise click.BadParameter(f"{exc}{origin(ctx, param.name or '')}") from None


def _read_config(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    """Eager: load the settings file into ``default_map`` before the other options are read."""
    from .run.settings import default_map, find_config

    paths = ctx.params.get("paths", ())
    stdin_name = ctx.params.get("stdin_filename")
    if stdin_name and all(p == "-" for p in paths):
        paths = (stdin_name,)  # stdin stands for that file: its settings apply
    path = value or find_config(paths)
    if path is not None:
        fix_command = main.commands["fix"]
        also = fix_command if ctx.command is not fix_command else None
        ctx.default_map = {**(ctx.default_map or {}), **default_map(ctx, path, also)}
        ctx.meta["newsclean.config"] = str(path)
    return value


def _boilerplate_file(
    ctx: click.Context, param: click.Parameter, value: Path | None
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Read ``--boilerplate-file`` into (phrases, patterns); a bad file is a usage error."""
    if value is None:
        return (), ()
    from .run.settings import origin
    from .stages.boilerplate.rules import read_rules_file

    try:
        return read_rules_file(value)
    except ValueError as exc:
        raise click.BadParameter(f"{exc}{origin(ctx, param.name or '')}") from None


def _site_file(ctx: click.Context, param: click.Parameter, value: Path | None) -> frozenset[str]:
    """Read ``--site-boilerplate`` (the keys ``newsclean learn`` saved); a bad file is a usage error."""
    if value is None:
        return frozenset()
    from .run.learned import read_site_lines
    from .run.settings import origin

    try:
        return read_site_lines(value)
    except (OSError, ValueError) as exc:
        raise click.BadParameter(f"{exc}{origin(ctx, param.name or '')}") from None


@main.command(epilog=FIX_EPILOG)
@click.argument("paths", nargs=-1, metavar="[PATH]...", is_eager=True)
@click.option(
    "--stdin-filename",
    metavar="PATH",
    is_eager=True,
    help="Stdin stands for this file: its settings file, --force-exclude, its kind "
    "(e.g. *.jsonl) and the name in messages.",
)
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
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Where documents are cleaned: here (local processes), or on a Dask cluster "
    "(pip install 'newsclean[dask]'); same outputs either way.",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="With --engine dask: the cluster's scheduler (tcp://host:8786). Default: a local "
    "cluster of -j worker processes.",
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
    "--force-exclude/--no-force-exclude",
    default=False,
    help="Apply --exclude to files named on the command line too (as pre-commit names them): "
    "an excluded file is skipped (on stdin, with --stdin-filename, it is passed through).",
)
@click.option(
    "--jsonl/--no-jsonl",
    default=False,
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
    shell_complete=_complete_target,
    help=f"Convert Chinese script: {_TARGETS}, or an OpenCC configuration (t2s, s2twp, "
    "tw2sp, hk2s...). Default: leave as is.",
)
@click.option(
    "--stages",
    "only",
    metavar="LIST",
    callback=_stage_list,
    shell_complete=_complete_stages,
    help="Run only these stages (comma-separated; order is always canonical).",
)
@click.option(
    "--skip",
    metavar="LIST",
    callback=_stage_list,
    shell_complete=_complete_stages,
    help="Do not run these stages (comma-separated).",
)
@click.option(
    "--disable",
    multiple=True,
    metavar="STAGE/RULE",
    shell_complete=_complete_stages,
    help="Turn off one rule of a stage (repeatable; e.g. boilerplate/neighbours): what it "
    "would change stays. The rules are named by --explain and --statistics.",
)
@click.option(
    "--encoding", metavar="NAME", help="Read input as this encoding instead of detecting it."
)
@click.option(
    "--to-utf8/--keep-encoding",
    "to_utf8",
    default=None,
    help="Write text files as UTF-8, or in the encoding they were read in (with its BOM). "
    "Default: kept under -i (and so for --check and --diff), UTF-8 with -o and on stdout.",
)
@click.option(
    "--line-endings",
    type=click.Choice(["keep", "lf"]),
    default=None,
    help="Line endings of text files: the ending of each file's first line (keep) or LF. "
    "Default: keep under -i (and for --check and --diff), lf with -o and on stdout.",
)
@click.option(
    "--repair-lossy/--no-repair-lossy",
    default=False,
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
    help="Write markdown as markdown: links, emphasis, tables and lists kept, code blocks "
    "(fenced, indented, a front matter) as written (only mojibake in them repaired), blank "
    "lines between blocks and indentation kept. --flatten-markdown writes plain text. "
    "Default: kept when every input is a *.md file, flattened otherwise.",
)
@click.option(
    "--learn-boilerplate/--no-learn-boilerplate",
    default=None,
    help="Learn the sites' own boilerplate from the run: lines (menus, footers) that recur in "
    "many different documents go too. Default: on when writing 3 or more text files with -o "
    "(a corpus); off for -i, --check, --diff and stdout, so that a file's result never depends "
    "on the other files of the run (save a list with `newsclean learn` instead).",
)
@click.option(
    "--site-boilerplate",
    "site_file",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE",
    callback=_site_file,
    help="Drop the site lines listed in FILE (written by `newsclean learn`): every run, "
    "whatever files it is given, drops the same lines.",
)
@click.option(
    "--dedup-docs/--no-dedup-docs",
    default=False,
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
    "--explain/--no-explain",
    default=False,
    help="List on stderr every line a stage dropped, changed or moved, with the rule and why.",
)
@click.option(
    "-q",
    "--quiet/--no-quiet",
    default=False,
    help="Print only errors: no diagnostics, no progress, no summary.",
)
@click.option(
    "--output-format",
    type=click.Choice(["text", "github"]),
    default="text",
    show_default=True,
    help="How problems are shown on stderr: PATH:LINE: severity: message, or GitHub Actions "
    "annotations (::error file=PATH,line=N::...).",
)
@click.option(
    "--statistics/--no-statistics",
    default=False,
    help="End with the number of lines each stage/rule changed over the run (on stderr).",
)
@click.option(
    "--max-diagnostics",
    type=click.IntRange(min=0),
    default=20,
    show_default=True,
    metavar="N",
    help="Show at most N diagnostics per input on stderr, then a count of the rest (0: all).",
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
    from .run.command import execute, options_from, passed_through, sources_from

    config = _config(params)
    options = options_from(params)
    if passed_through(params, options):
        sys.exit(0)
    sources = sources_from(params, options)
    if _keeps_markdown(params["keep_markdown"], sources):
        config = dataclasses.replace(config, keep_markdown=True)
    if params["learn_boilerplate"] is None:
        # auto: only when writing a corpus of pages with -o. -i, --check and --diff (what
        # pre-commit and CI run, on any subset of the files) clean each file on its own, so
        # they agree with each other whatever files a run is given.
        corpus = options.output_dir is not None and not params["site_file"]
        pages = sum(s.kind == "text" and not s.is_stdin for s in sources)
        params["learn_boilerplate"] = corpus and pages >= 3
    learners, filters = corpus_steps(config, params)
    sys.exit(execute(sources, config, options, params, learners, filters))


#: The options of ``fix`` that ``learn`` shares: what is read, and how it is cleaned up to
#: the ``boilerplate`` stage (what the learned lines are keyed on).
LEARN_OPTIONS = (
    "paths",
    "stdin_filename",
    "config_file",
    "jobs",
    "include",
    "exclude",
    "force_exclude",
    "jsonl",
    "field",
    "target",
    "only",
    "skip",
    "encoding",
    "repair_lossy",
    "user_rules",
    "quiet",
)


def _learn(**params: Any) -> None:
    """Learn the site boilerplate of PATHs and save it to FILE, for --site-boilerplate.

    \b
    Lines (menus, footers) that recur in many different documents are learned. Name the
    file in [tool.newsclean] (site-boilerplate = "FILE") and every later run -- -i,
    --check, pre-commit, CI -- drops the same lines, whatever files it is given.
    """
    from .run.command import learn_to_file

    params.update(dedup_threshold=0.7, site_file=frozenset())
    sys.exit(learn_to_file(params, _config(params)))


learn = click.Command(
    "learn",
    callback=_learn,
    help=_learn.__doc__,
    params=[
        *(p for name in LEARN_OPTIONS for p in fix.params if p.name == name),
        click.Option(
            ["-o", "--output"],
            type=click.Path(dir_okay=False, path_type=Path),
            required=True,
            metavar="FILE",
            help="Where to save the learned lines (written atomically).",
        ),
    ],
    context_settings={"help_option_names": ["-h", "--help"]},
)
main.add_command(learn)


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
            site_boilerplate=params["site_file"],
            disabled=frozenset(_disabled(params.get("disable", ()))),
        ).select(only=params["only"], skip=params["skip"] or ())
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None


def _disabled(values: Any) -> list[str]:
    """``--disable`` values (each may be comma-separated), normalised; a bare STAGE is skipped
    whole by --skip, so it must name a rule."""
    out: list[str] = []
    for value in values:
        out.extend(v.strip().lower() for v in str(value).split(",") if v.strip())
    return out


def corpus_steps(config: Config, params: dict[str, Any]) -> tuple[list[Any], list[Any]]:
    """The cross-document steps this run asked for: (ConfigLearners, DocumentFilters).

    Each option that turns on such a step (site boilerplate learning, near-duplicate
    documents...) adds its step here; the runner does the rest (see newsclean/runner.py).
    """
    learners: list[Any] = []
    if params.get("learn_boilerplate") and "boilerplate" in config.stages:
        from .corpus.site import SiteBoilerplate

        learners.append(SiteBoilerplate(config))
    filters: list[Any] = []
    if params.get("dedup_docs"):
        from .corpus.dedup import NearDuplicateDocs

        filters.append(NearDuplicateDocs.from_config(config))
    return learners, filters


@main.command()
def stages() -> None:
    """List the stages, in the order they run."""
    from .stages import SUMMARIES

    width = max(map(len, STAGE_NAMES))
    for name in STAGE_NAMES:
        click.echo(f"{name:<{width}}  {SUMMARIES[name]}")
