"""The phrase families (data in ``newsclean/data/boilerplate.*.toml``) and the user's own rules.

Families are loaded once and compiled into one pattern per kind, with a named group per family,
so that classifying a line is one regex search whatever the number of families. Phrases and
patterns are folded when loaded (Simplified script, ASCII punctuation, lower case), because
lines are folded the same way before matching (see :func:`.lines.fold`).

>>> rules().drop.search("版权所有 © 2023 某某网").lastgroup
'copyright'
>>> rules().keep.search("记者张三") is not None
True
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ...chars import WIDTH_FOLD
from ..script import fold_script

DATA_GLOB = "boilerplate.*.toml"


@dataclass(frozen=True, slots=True)
class Rules:
    """Compiled families. ``m.lastgroup`` of a match names the family that matched."""

    drop: re.Pattern[str]  # searched in lines that do not read as prose
    strong: re.Pattern[str]  # matched at the start of any line, prose or not
    keep: re.Pattern[str]  # content protection: bylines, datelines, end marks
    site_keep: re.Pattern[str]  # protection from learned site boilerplate only
    descriptions: dict[str, str]
    #: Characters a strong match can start with (folded), or None if any can.
    strong_first: frozenset[str] | None


def fold_text(text: str) -> str:
    """Fold script, punctuation width and case: the form lines and phrases are compared in.

    >>> fold_text("版權所有（C）")
    '版权所有(c)'
    """
    return fold_script(text).translate(WIDTH_FOLD).lower()


def _family_parts(spec: dict[str, Any], anchored: bool = False) -> list[str]:
    """Folded regex sources: phrases escaped (anchored at the start for strong families)."""
    start = "^" if anchored else ""
    parts = [start + re.escape(fold_text(p)) for p in spec.get("phrases", [])]
    return parts + [fold_script(p) for p in spec.get("patterns", [])]


def _alternation(parts: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in parts) if parts else "(?!)"


def first_chars(pattern: str) -> frozenset[str] | None:
    """The literal characters an ``^``-anchored pattern can start with; None if not plain.

    Lets the stage skip most prose lines without folding them: only a line starting with one
    of these characters can match a strong family.

    >>> sorted(first_chars("^(本文|以上内容)[^.]{0,9}代表")), first_chars("^[a-z]+")
    (['以', '本'], None)
    """
    if not pattern.startswith("^"):
        return None
    body = pattern[1:]
    alternatives = [body]
    if body.startswith("("):
        end = _group_end(body)
        if end is None or body[1:2] == "?" or body[end + 1 : end + 2] in ("?", "*", "{"):
            return None
        alternatives = _split_top(body[1:end])
    heads = {_literal_head(alt) for alt in alternatives}
    if None in heads:
        return None
    return frozenset(h for h in heads if h is not None)


def _group_end(body: str) -> int | None:
    depth, i = 0, 0
    while i < len(body):
        ch = body[i]
        if ch == "\\":
            i += 2
            continue
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth == 0:
            return i
        i += 1
    return None


def _split_top(group: str) -> list[str]:
    parts, depth, start, i = [], 0, 0, 0
    while i < len(group):
        ch = group[i]
        if ch == "\\":
            i += 2
            continue
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if ch == "|" and depth == 0:
            parts.append(group[start:i])
            start = i + 1
        i += 1
    return [*parts, group[start:]]


def _literal_head(alt: str) -> str | None:
    if alt.startswith("\\"):
        return alt[1] if len(alt) > 1 and not alt[1].isalnum() else None
    if not alt or alt[0] in "([.^$|?*+{" or alt[1:2] in ("?", "*", "{"):
        return None
    return alt[0]


def _merge(sources: list[dict[str, Any]]) -> dict[tuple[str, str], dict[str, Any]]:
    """Families of the same kind and name from several files become one family."""
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for data in sources:
        for kind in ("drop", "keep"):
            for name, spec in data.get(kind, {}).items():
                into = merged.setdefault((kind, name), {"phrases": [], "patterns": []})
                into["phrases"] += spec.get("phrases", [])
                into["patterns"] += spec.get("patterns", [])
                for key in ("description", "strong", "scope"):
                    if key in spec:
                        into.setdefault(key, spec[key])
    return merged


def compile_rules(sources: list[dict[str, Any]]) -> Rules:
    """Compile parsed TOML documents (see ``boilerplate.zh-hans.toml`` for the schema)."""
    groups: dict[str, list[str]] = {"drop": [], "strong": [], "keep": [], "site_keep": []}
    descriptions = {}
    strong_first: set[str] | None = set()
    for (kind, name), spec in sorted(_merge(sources).items()):
        if not name.isidentifier():
            raise ValueError(f"boilerplate family name {name!r} must be an identifier")
        descriptions[name] = spec.get("description", "")
        if kind == "drop":
            which = "strong" if spec.get("strong") else "drop"
        else:
            which = "site_keep" if spec.get("scope") == "site" else "keep"
        parts = _family_parts(spec, anchored=which == "strong")
        if which == "strong":
            for part in parts:
                heads = first_chars(part)
                strong_first = None if heads is None or strong_first is None else strong_first | heads
        groups[which].append(f"(?P<{name}>{_alternation(parts)})")
    compiled = {which: re.compile("|".join(parts) or "(?!)") for which, parts in groups.items()}
    first = None if strong_first is None else frozenset(strong_first)
    return Rules(descriptions=descriptions, strong_first=first, **compiled)


@lru_cache(maxsize=1)
def rules() -> Rules:
    """The families shipped with newsclean, loaded once per process."""
    folder = resources.files("newsclean.data")
    names = sorted(p.name for p in folder.iterdir() if Path(p.name).match(DATA_GLOB))
    return compile_rules([tomllib.loads(folder.joinpath(n).read_text("utf-8")) for n in names])


@lru_cache(maxsize=8)
def user_rules(phrases: tuple[str, ...], patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    """The rules of a ``--boilerplate-file``, compiled once per distinct set."""
    if not phrases and not patterns:
        return None
    return re.compile(_alternation(_family_parts({"phrases": phrases, "patterns": patterns})))


def read_rules_file(path: str | Path) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Read a boilerplate file: one phrase per line, ``re:`` before a regular expression.

    Blank lines and lines starting with ``#`` are skipped. Raises :class:`ValueError` with
    one line naming the file and the problem (unreadable, not UTF-8, a bad expression).

    >>> import tempfile, os
    >>> with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
    ...     _ = f.write("# my site\\n本站声明\\nre:^编者按\\n")
    >>> read_rules_file(f.name)
    (('本站声明',), ('^编者按',))
    >>> os.unlink(f.name)
    """
    try:
        text = Path(path).read_text("utf-8")
    except UnicodeDecodeError:
        raise ValueError(f"{path}: not UTF-8 text") from None
    except OSError as exc:
        raise ValueError(f"{path}: cannot read: {exc.strerror or exc}") from None
    phrases: list[str] = []
    patterns: list[str] = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("re:"):
            pattern = line[3:].strip()
            problem = check_pattern(pattern)
            if problem:
                raise ValueError(f"{path}:{number}: {problem}")
            patterns.append(pattern)
        else:
            phrases.append(line)
    return tuple(phrases), tuple(patterns)


def check_pattern(pattern: str) -> str | None:
    """Why ``pattern`` cannot be a user rule, or ``None`` if it can."""
    if not pattern:
        return "empty regular expression"
    try:
        compiled = re.compile(pattern)
    except re.error as exc:
        return f"bad regular expression {pattern!r}: {exc}"
    if compiled.search(""):
        return f"regular expression {pattern!r} matches an empty line (it would match every line)"
    return None
