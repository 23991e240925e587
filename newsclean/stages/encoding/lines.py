"""What the stage needs to know about one line, worked out once for each distinct line.

Scraped pages repeat lines (the same header and footer around every article, a body captured
twice, boilerplate across a site), and everything here depends on the line alone, so it is
kept for the lines seen last. The document's own evidence (which misreading its lines show)
is weighed elsewhere.

>>> facts("今天\\ufffd天气").damage[0][0], facts("CafÃ©").ftfy, facts("會(huì )議").worth
('replacement-char', True, False)
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from ...chars import INVISIBLE
from ...model import Severity
from ..whitespace import normalize_spaces
from .checks import checks
from .damage import find_damage
from .plausibility import worth_a_reading

_NARROW = tuple(zip("，：；！？（）", ",:;!?()", strict=True))


class Facts(NamedTuple):
    """One line, as the stage sees it."""

    worth: bool  # could a misreading explain it? (plausibility.worth_a_reading)
    probes: tuple[str, str]  # as it is and as the whitespace stage leaves it, narrowed
    tidy: str  # as the whitespace stage leaves it
    ftfy: bool  # can ftfy change it?
    composed: str  # in NFC
    damage: tuple[tuple[str, Severity, str], ...]  # (kind, severity, message) per damage


# 1,024 lines: a line's facts are asked again within its document (99.7% of the hits that
# 4,096 gave on a crawl of real pages, which held 8.5 MB of lines per worker)
@lru_cache(maxsize=1024)
def facts(line: str) -> Facts:
    """The :class:`Facts` of ``line``."""
    tidy = tidied(line)
    return Facts(
        worth_a_reading(line),
        (narrow(line), narrow(tidy)),
        tidy,
        checks().ftfy_suspect(line) or (tidy != line and checks().ftfy_suspect(tidy)),
        _composed(line, tidy),
        tuple(_damage(line)),
    )


def tidied(line: str) -> str:
    """``line`` as the whitespace stage leaves it (most lines have nothing for it to do)."""
    if (
        _SPACES.search(line) is None
        and "  " not in line
        and not line[:1].isspace()
        and not line[-1:].isspace()
    ):
        return line
    return normalize_spaces(line)


# What normalize_spaces() removes or folds, but for a run of plain spaces and the line's ends.
_SPACES = re.compile(f"[{INVISIBLE}\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")


def narrow(line: str) -> str:
    """Fullwidth punctuation as the ``punctuation`` stage's input has it: ``，`` as ``,``."""
    for wide, ascii_ in _NARROW:
        if wide in line:
            line = line.replace(wide, ascii_)
    return line


def _composed(line: str, tidy: str) -> str:
    """NFC, also where a character the whitespace stage removes keeps letters apart
    (``A\x00\u0300``), so that a second pass composes nothing more."""
    composed = unicodedata.normalize("NFC", line)
    if composed != line:
        tidy = tidied(composed)
    if not unicodedata.is_normalized("NFC", tidy):
        return unicodedata.normalize("NFC", tidy)
    return composed


def _damage(line: str) -> list[tuple[str, Severity, str]]:
    out = []
    for damage in find_damage(line):
        shown = damage.text if len(damage.text) <= 12 else damage.text[:12] + "…"
        message = f"{damage.message} ({shown!r} at column {damage.start + 1})"
        out.append((damage.kind, damage.severity, message))
    return out
