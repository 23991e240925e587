"""Stage ``boilerplate``: drop what the site added around the article; keep the article.

Two kinds of line go:

* debris: lines with no letters, digits or emoji once markdown image/link leftovers are removed
  (``![]() |``, ``| |||``, ``***``);
* lines matching a phrase family from ``newsclean/data/boilerplate.toml`` (copyright and
  disclaimer notices, share/print widgets, ICP numbers, "上一篇/下一篇"…) — unless the line
  reads as prose (long, ending like a sentence): an article about copyright law keeps its
  sentences. When unsure, keep.

>>> from newsclean.model import Doc
>>> from newsclean.config import Config
>>> doc = Doc.from_text("正文第一段。\\n![]() |\\n焦作網版權與免責聲明: | |||||||")
>>> boilerplate(doc, Config()).lines
('正文第一段。',)
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..chars import WIDTH_FOLD, units
from ..config import Config
from ..model import Change, Doc

STAGE = "boilerplate"

_MARKDOWN_DEBRIS = re.compile(r"!?\[[^\]\n]*\]\([^)\n]*\)")
_CONTENT = re.compile(r"[^\W_]|[\u2600-\u27bf\U0001f000-\U0001faff]")
_SENTENCE_END = re.compile(r"[。．.!?！？…][\"'”’）)」』》\]]*$")
#: Lines at least this long (CJK characters + words) that end like a sentence are prose.
PROSE_UNITS = 25


@dataclass(frozen=True, slots=True)
class Family:
    """A named family of boilerplate phrases, compiled into one pattern."""

    name: str
    description: str
    pattern: re.Pattern[str]


def fold(line: str) -> str:
    """Fold punctuation width and case, so one phrase matches every spelling of it."""
    return line.translate(WIDTH_FOLD).lower()


@lru_cache(maxsize=1)
def families() -> tuple[Family, ...]:
    """The phrase families shipped with newsclean, loaded once."""
    data = tomllib.loads(
        resources.files("newsclean.data").joinpath("boilerplate.toml").read_text("utf-8")
    )
    out = []
    for name, spec in data.items():
        parts = [re.escape(fold(p)) for p in spec.get("phrases", [])]
        parts += [f"(?:{p})" for p in spec.get("patterns", [])]
        out.append(Family(name, spec.get("description", ""), re.compile("|".join(parts))))
    return tuple(out)


def is_prose(line: str) -> bool:
    """Long enough and ending like a sentence: content, whatever words it mentions."""
    return bool(_SENTENCE_END.search(line)) and units(line) >= PROSE_UNITS


def classify(line: str) -> str | None:
    """The rule that makes ``line`` boilerplate, or ``None`` if it is (or may be) content."""
    if not _CONTENT.search(_MARKDOWN_DEBRIS.sub("", line)):
        return "debris"
    if is_prose(line):
        return None
    folded = fold(line)
    for family in families():
        if family.pattern.search(folded):
            return family.name
    return None


def boilerplate(doc: Doc, config: Config) -> Doc:
    """Drop debris and boilerplate lines, recording the rule family for each."""
    drops = {}
    for i, line in enumerate(doc.lines):
        rule = classify(line)
        if rule is not None:
            drops[i] = Change(STAGE, rule, doc.linenos[i], "drop")
    return doc.without(drops)
