"""Stage ``encoding``: repair mojibake, normalise, and report the damage nobody can repair.

Bytes are turned into text at the boundary (:mod:`newsclean.decode`); this stage works on the
text. A cheap compiled check finds the few lines that can hold mojibake, HTML entities,
surrogates or decomposed accents; only those go through ftfy, with the settings that keep CJK
text intact (no width folding, no quote uncurling). Damage that cannot be undone (U+FFFD,
``锟斤拷``, ``?`` wedged inside Chinese words…) is left in place and reported with its line.

>>> from newsclean.model import Doc
>>> from newsclean.config import Config
>>> encoding(Doc.from_text("The Mona Lisa doesnÃ¢â‚¬â„¢t smile"), Config()).lines
('The Mona Lisa doesn’t smile',)
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

from ..chars import INVISIBLE_RE
from ..config import Config
from ..damage import DAMAGE_RE, find_damage
from ..model import Change, Diagnostic, Doc
from .whitespace import normalize_spaces

STAGE = "encoding"

# Characters a cp1252 or Latin-1 reading of a UTF-8 continuation byte turns into.
_CONT = (
    "\x80-\xbf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014"
    "\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
)
#: A line can need ftfy only if it has one of these: a UTF-8 lead byte read as Latin-1/cp1252
#: followed by a continuation byte, a C1 control, an HTML entity, a surrogate, a terminal
#: escape or a Latin ligature. Clean text almost never does.
SUSPECT = re.compile(
    rf"[\xc2-\xf4][{_CONT}]|[\x80-\x9f]|&(?:#[0-9]{{1,7}}|#[xX][0-9a-fA-F]{{1,6}}|[A-Za-z][A-Za-z0-9]{{1,31}});"
    r"|[\ud800-\udfff]|\x1b\[|[\ufb00-\ufb06]"
)
_COMBINING = re.compile(r"[\u0300-\u036f]")
_BOM_AS_TEXT = re.compile(r"\ufeff|^ï»¿")

_FTFY_SETTINGS: dict[str, Any] = {
    "fix_character_width": False,  # would turn ，：？！ and U+3000 into ASCII
    "uncurl_quotes": False,  # would turn “ ” into "
    "fix_line_breaks": False,  # the pipeline owns line breaks
    "explain": True,
}


@lru_cache(maxsize=1)
def _ftfy() -> tuple[Any, Any]:
    import ftfy

    return ftfy.fix_and_explain, ftfy.TextFixerConfig(**_FTFY_SETTINGS)


def fix_line(line: str) -> tuple[str, list[str]]:
    """Run ftfy (CJK-safe settings) on one line until it stops changing; say which steps fired.

    ftfy sees the line as the ``whitespace`` stage will leave it (a control character or a run
    of spaces can split a mojibake sequence), so that repairing twice never finds more. A
    line ftfy cannot improve is returned exactly as it was.
    """
    fix, config = _ftfy()
    steps: list[str] = []
    current = line
    for _ in range(4):
        probe = normalize_spaces(current)
        fixed, explanation = fix(probe, config)
        if fixed == probe:
            break
        steps.extend(step for _, step in explanation or ())
        current = fixed
    return current, steps


def encoding(doc: Doc, config: Config) -> Doc:
    """Repair mojibake on the lines that can hold it; report damage on every line that has it."""
    text = "\n".join(doc.lines)
    lines = list(doc.lines)
    changes: dict[int, Change] = {}
    probe = INVISIBLE_RE.sub("", text) if INVISIBLE_RE.search(text) else text
    if _BOM_AS_TEXT.search(text) or SUSPECT.search(probe) or _COMBINING.search(text):
        for i, line in enumerate(lines):
            new, rule, detail = _repair(line)
            if new != line:
                lines[i] = new
                changes[i] = Change(STAGE, rule, doc.linenos[i], detail=detail)
        text = "\n".join(lines)
    diagnostics = _diagnose(lines, doc.linenos) if DAMAGE_RE.search(text) else []
    return doc.rewritten(lines, changes, diagnostics)


def _repair(line: str) -> tuple[str, str, str]:
    rules = []
    if _BOM_AS_TEXT.search(line):
        line = _BOM_AS_TEXT.sub("", line)
        rules.append("bom")
    detail = ""
    # Invisible characters can sit inside mojibake and hide it from the quick check.
    probe = INVISIBLE_RE.sub("", line) if INVISIBLE_RE.search(line) else line
    if SUSPECT.search(probe):
        fixed, steps = fix_line(line)
        if fixed != line:
            line = fixed
            rules.append("mojibake")
            detail = ", ".join(dict.fromkeys(steps))
    if _COMBINING.search(line):
        composed = unicodedata.normalize("NFC", line)
        if composed != line:
            line = composed
            rules.append("nfc")
    return line, "+".join(rules), detail


def _diagnose(lines: list[str], linenos: tuple[int, ...]) -> list[Diagnostic]:
    out = []
    for line, lineno in zip(lines, linenos, strict=True):
        if not DAMAGE_RE.search(line):
            continue
        for damage in find_damage(line):
            shown = damage.text if len(damage.text) <= 12 else damage.text[:12] + "…"
            out.append(
                Diagnostic(
                    lineno,
                    damage.kind,
                    f"{damage.message} ({shown!r} at column {damage.start + 1})",
                    damage.severity,
                    STAGE,
                )
            )
    return out
