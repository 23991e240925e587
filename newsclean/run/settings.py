"""Configuration files: ``[tool.newsclean]`` in pyproject.toml, or a ``newsclean.toml``.

The keys are the command's long option names (``to``, ``skip``, ``jobs``, ``output-dir``;
``_`` works for ``-`` too), read from the command itself, so every option — including ones added
later — can be set in a file, and an unknown key is a usage error naming the key and the file.
Values go into Click's ``default_map`` (as black does), so a flag on the command line wins.

Which file: ``--config PATH``; otherwise the nearest one found going up from the inputs' common
folder (the current folder for stdin), stopping at the repository root (a folder holding
``.git`` or ``.hg``). In each folder a ``newsclean.toml`` (keys at the top level) wins over a
pyproject.toml, which counts only if it has a ``[tool.newsclean]`` table. A relative path in a
file (``output-dir = "clean"``) is relative to the file's folder. A list is the same as a
comma-separated string for single-valued options (``skip = ["script", "punctuation"]``).

>>> option_keys(click.Command("x", params=[click.Option(["-j", "--jobs"], type=int)]))
{'jobs': 'jobs'}
"""

from __future__ import annotations

import difflib
import os
import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import click

ROOT_MARKERS = (".git", ".hg")
#: Options that make no sense in a file.
NOT_CONFIGURABLE = frozenset({"config", "help", "version"})


def option_keys(command: click.Command) -> dict[str, str]:
    """Config key → parameter name, for every long option of ``command``."""
    keys: dict[str, str] = {}
    for param in command.params:
        if not isinstance(param, click.Option) or param.name is None:
            continue
        for opt in param.opts:
            if opt.startswith("--") and opt[2:] not in NOT_CONFIGURABLE:
                keys[opt[2:]] = param.name
    return keys


def find_config(paths: Iterable[str], cwd: Path | None = None) -> Path | None:
    """The configuration file that applies to these inputs, if any."""
    cwd = cwd or Path.cwd()
    folders = []
    for arg in paths:
        if arg == "-":
            continue
        path = (cwd / arg).resolve()
        folders.append(str(path if path.is_dir() else path.parent))
    start = Path(os.path.commonpath(folders)) if folders else cwd.resolve()
    for folder in (start, *start.parents):
        own = folder / "newsclean.toml"
        if own.is_file():
            return own
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _has_table(pyproject):
            return pyproject
        if any((folder / marker).exists() for marker in ROOT_MARKERS):
            return None
    return None


def _has_table(pyproject: Path) -> bool:
    """Does it have [tool.newsclean]? (A pyproject.toml that is not TOML is an error.)"""
    tool = _read(pyproject).get("tool", {})
    return isinstance(tool, dict) and "newsclean" in tool


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise click.UsageError(f"cannot read configuration {path}: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise click.UsageError(f"invalid TOML in {path}: {exc}") from None


def load_table(path: Path) -> tuple[dict[str, Any], str]:
    """The settings in a file, and how to name where they are (``pyproject.toml [tool.newsclean]``)."""
    data = _read(path)
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("newsclean", {})
        where = f"{path} [tool.newsclean]"
    else:
        table, where = data, str(path)
    if not isinstance(table, dict):
        raise click.UsageError(f"{where} must be a table of settings")
    return table, where


def default_map(
    ctx: click.Context, path: Path, also: click.Command | None = None
) -> dict[str, Any]:
    """Read ``path`` and turn its settings into Click defaults, checking every key and value.

    ``also``: a command whose keys are known but ignored here (``newsclean learn`` reads the
    settings written for ``newsclean fix`` and takes the ones it has).
    """
    table, where = load_table(path)
    keys = option_keys(ctx.command)
    ignored = set(option_keys(also)) if also is not None else set()
    params = {p.name: p for p in ctx.command.params}
    out: dict[str, Any] = {}
    for raw_key, raw_value in table.items():
        key = raw_key.replace("_", "-")
        if key not in keys and key in ignored:
            continue
        if key not in keys:
            close = difflib.get_close_matches(key, list(keys), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise click.UsageError(f"unknown key {raw_key!r} in {where}{hint}")
        param = params[keys[key]]
        assert isinstance(param, click.Option)
        value = _shape(param, raw_value, path.parent)
        try:
            param.type_cast_value(ctx, value)
        except click.BadParameter as exc:
            raise click.UsageError(
                f"invalid value for {raw_key!r} in {where}: {exc.message}"
            ) from None
        out[keys[key]] = value
    return out


def _shape(param: click.Option, value: Any, base: Path) -> Any:
    """Bring a TOML value to the shape Click expects for this option."""
    if param.multiple and not isinstance(value, list):
        value = [value]
    elif not param.multiple and param.nargs == 1 and isinstance(value, list):
        value = ",".join(str(v) for v in value)
    if isinstance(param.type, click.Path):
        if isinstance(value, list):
            return [_relative_to(base, v) for v in value]
        return _relative_to(base, value)
    return value


def _relative_to(base: Path, value: Any) -> Any:
    if isinstance(value, str) and value != "-" and not Path(value).is_absolute():
        return str(base / value)
    return value


def origin(ctx: click.Context, name: str) -> str:
    """`` (set in FILE)`` if the value of parameter ``name`` came from a configuration file."""
    source = ctx.get_parameter_source(name)
    where = ctx.meta.get("newsclean.config")
    if source is click.core.ParameterSource.DEFAULT_MAP and where:
        return f" (set in {where})"
    return ""
