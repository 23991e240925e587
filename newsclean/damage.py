"""Damage that cannot be repaired: where the original text is gone, we say so and keep the scar.

Used by the ``encoding`` stage to report damage, and by the ``punctuation`` stage to leave the
damaged spans exactly as they are (turning ``確!,`` into ``確！，`` would hide the evidence).

>>> [d.kind for d in find_damage("錨定“兩個確!,實施")]
['garbled-punct']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .chars import HAN, PINYIN_SYLLABLE
from .model import Severity

# (kind, pattern, severity, message). Order matters only for overlapping matches: first wins.
_RULES: tuple[tuple[str, str, Severity, str], ...] = (
    (
        "replacement-char",
        r"\ufffd+|&#(?:65533|[xX][fF]{3}[dD]);",
        "warning",
        "replacement character U+FFFD: text here was lost before it reached us",
    ),
    (
        "replacement-mojibake",
        r"(?:[锟錕]斤[拷烤])+",
        "warning",
        "'锟斤拷' is U+FFFD written as UTF-8 and read as GBK: text here was lost",
    ),
    (
        "filler-mojibake",
        r"烫{3,}|屯{3,}",
        "warning",
        "'烫烫烫'/'屯屯屯' is uninitialised memory printed as GBK: text here was lost",
    ),
    (
        "lost-chars",
        rf"(?<=[{HAN}])\?{{2,}}|\?{{2,}}(?=[{HAN}])",
        "warning",
        "'??' inside Chinese text: characters were lost in an encoding conversion",
    ),
    (
        "orphan-pinyin",
        rf"[?!]{PINYIN_SYLLABLE} ?\)|(?<=[{HAN}]){PINYIN_SYLLABLE} ?\)",
        "warning",
        "fragment of a pinyin annotation left by byte-level damage: a character here was lost",
    ),
    (
        "garbled-punct",
        rf"(?<=[{HAN}])[?!](?=[,，、。;；:：])",
        "warning",
        "'?' or '!' wedged inside Chinese text: characters here were lost",
    ),
    (
        "lone-surrogate",
        r"[\ud800-\udfff]",
        "warning",
        "lone UTF-16 surrogate: half of a character was lost",
    ),
)

DAMAGE_RE = re.compile("|".join(f"(?P<{k.replace('-', '_')}>{p})" for k, p, _, _ in _RULES))
_BY_GROUP = {k.replace("-", "_"): (k, sev, msg) for k, _, sev, msg in _RULES}


@dataclass(frozen=True, slots=True)
class Damage:
    """One damaged span in a line."""

    kind: str
    start: int
    end: int
    text: str
    severity: Severity
    message: str


def find_damage(line: str) -> list[Damage]:
    """Every damaged span in ``line``, left to right."""
    found = []
    for m in DAMAGE_RE.finditer(line):
        kind, severity, message = _BY_GROUP[m.lastgroup or ""]
        found.append(Damage(kind, m.start(), m.end(), m.group(), severity, message))
    return found
