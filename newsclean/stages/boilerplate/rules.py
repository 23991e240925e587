"""The phrase families (data in ``newsclean/data/boilerplate.*.toml``) and the user's own rules.

Families are loaded once and compiled into one :class:`.matcher.Matcher` per kind, so that
classifying a line costs about the same whatever the number of families. Phrases and
patterns are folded when loaded (Simplified script, ASCII punctuation, lower case), because
lines are folded the same way before matching (see :func:`.lines.fold`).

>>> rules().short.find("版权所有 © 2023 某某网")
(2, 'copyright', '版权所有')
>>> rules().short.find("记者张三")
(1, 'byline', '记者张三')
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
from ...config import check_pattern
from ..script import convert, fold_script
from .matcher import Matcher

DATA_GLOB = "boilerplate.*.toml"


#: Ranks in :attr:`Rules.short`: when several families match a line, the lowest rank decides.
STRONG, KEEP, DROP = 0, 1, 2


@dataclass(frozen=True, slots=True)
class Rules:
    """Compiled families; ``find`` on each says which family matched (rank, name), and what."""

    short: Matcher  # lines that do not read as prose: strong, keep and drop families, ranked
    strong: Matcher  # the strong families alone, for the start of prose lines
    site_keep: Matcher  # protection from learned site boilerplate only
    descriptions: dict[str, str]
    sources: tuple[tuple[int, str, str], ...]  # (rank, family, regex) behind ``short``


_WIDE = {chr(code): ascii_ for code, ascii_ in WIDTH_FOLD.items()}
_WIDE_RE = re.compile("[" + re.escape("".join(_WIDE)) + "]")


def fold_text(text: str, simplify: bool | None = None) -> str:
    """Fold script, punctuation width and case: the form lines and phrases are compared in.

    ``simplify`` says whether to convert the script (``t2s``); by default, when the text holds
    a character that ``t2s`` changes on its own (:func:`..script.fold_script`).

    >>> fold_text("版權所有（C）")
    '版权所有(c)'
    """
    if simplify is None:
        text = fold_script(text)
    elif simplify:
        text = convert(text, "t2s")
    # str.translate looks every character up in a dict; a few C-speed scans are faster here
    for wide in set(_WIDE_RE.findall(text)):
        text = text.replace(wide, _WIDE[wide])
    return text.lower()


def _family_parts(spec: dict[str, Any], anchored: bool = False) -> list[str]:
    """Folded regex sources: phrases escaped (anchored at the start for strong families)."""
    start = "^" if anchored else ""
    parts = [start + re.escape(fold_text(p)) for p in spec.get("phrases", [])]
    return parts + [fold_script(p) for p in spec.get("patterns", [])]


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
    groups: dict[str, list[tuple[int, str, str]]] = {
        "drop": [],
        "strong": [],
        "keep": [],
        "site_keep": [],
    }
    ranks = {"strong": STRONG, "keep": KEEP, "drop": DROP, "site_keep": KEEP}
    descriptions = {}
    for (kind, name), spec in sorted(_merge(sources).items()):
        if not name.isidentifier():
            raise ValueError(f"boilerplate family name {name!r} must be an identifier")
        descriptions[name] = spec.get("description", "")
        if kind == "drop":
            which = "strong" if spec.get("strong") else "drop"
        else:
            which = "site_keep" if spec.get("scope") == "site" else "keep"
        for part in _family_parts(spec, anchored=which == "strong"):
            if which == "strong" and not part.startswith("^"):
                raise ValueError(f"strong family {name!r}: pattern {part!r} must start with ^")
            groups[which].append((ranks[which], name, part))
    short = groups["strong"] + groups["keep"] + groups["drop"]
    return Rules(
        short=Matcher.build(short),
        strong=Matcher.build(groups["strong"]),
        site_keep=Matcher.build(groups["site_keep"]),
        descriptions=descriptions,
        sources=tuple(short),
    )


@lru_cache(maxsize=1)
def rules() -> Rules:
    """The families shipped with newsclean, loaded once per process."""
    folder = resources.files("newsclean.data")
    names = sorted(p.name for p in folder.iterdir() if Path(p.name).match(DATA_GLOB))
    return compile_rules([tomllib.loads(folder.joinpath(n).read_text("utf-8")) for n in names])


@lru_cache(maxsize=8)
def user_rules(phrases: tuple[str, ...], patterns: tuple[str, ...]) -> Matcher | None:
    """The rules of a ``--boilerplate-file``, compiled once per distinct set."""
    if not phrases and not patterns:
        return None
    parts = _family_parts({"phrases": phrases, "patterns": patterns})
    return Matcher.build(("user", part) for part in parts)


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
