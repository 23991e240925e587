"""Stage ``pinyin``: remove pinyin annotations that leaked into the text, like ``會(huì )議``.

A single annotation proves nothing: a textbook writes ``重(chóng)新`` on purpose. So the stage
weighs the evidence of the whole document and strips every annotation only when it looks like a
leak from a ruby/annotation layer:

* enough annotations, and dense enough (per 1,000 Han characters);
* repeated: the same characters are annotated again and again (a glossary annotates each once);
* consistent: a character is given the same reading each time (a textbook contrasting
  ``重(chóng)新、重(zhòng)要`` is not);
* systematic: most occurrences of an annotated character carry the annotation.

Fullwidth parentheses ``（chóng）`` are never touched: leaks use ASCII ones.

>>> from newsclean.model import Doc
>>> from newsclean.config import Config
>>> leak = Doc.from_text("大會(huì )開(kāi)幕，會(huì )議開(kāi)始，會(huì )場(chǎng)熱鬧，會(huì )後散場(chǎng)。")
>>> pinyin(leak, Config()).lines
('大會開幕，會議開始，會場熱鬧，會後散場。',)
>>> pinyin(Doc.from_text("重(chóng)新、重(zhòng)要"), Config()).lines
('重(chóng)新、重(zhòng)要',)
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from ..chars import HAN, HAN_RE, PINYIN_SYLLABLE
from ..config import Config
from ..model import Change, Doc

STAGE = "pinyin"

#: A Han character followed by one or more ASCII-parenthesised tone-marked syllables.
ANNOTATION = re.compile(rf"(?<=([{HAN}]))(?:\( ?{PINYIN_SYLLABLE} ?\))+")
_ONE = re.compile(rf"\( ?({PINYIN_SYLLABLE}) ?\)")

MIN_COUNT = 4
MIN_PER_1000_HAN = 3.0
MIN_REPEAT = 1.5  # annotations per distinct annotated character
MIN_CONSISTENT = 0.8  # share of annotations that agree with their character's usual reading
MIN_COVERAGE = 0.6  # share of an annotated character's occurrences that are annotated


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the document says about its annotations; :attr:`leaked` is the verdict."""

    count: int
    han: int
    distinct: int
    consistent: float
    coverage: float

    @property
    def leaked(self) -> bool:
        return (
            self.count >= MIN_COUNT
            and self.count * 1000 >= MIN_PER_1000_HAN * max(self.han, 1)
            and self.count >= MIN_REPEAT * self.distinct
            and self.consistent >= MIN_CONSISTENT
            and self.coverage >= MIN_COVERAGE
        )


def weigh(text: str) -> Evidence:
    """Collect the evidence for a leak in ``text``."""
    readings: dict[str, Counter[str]] = defaultdict(Counter)
    for m in ANNOTATION.finditer(text):
        reading = " ".join(_ONE.findall(m.group()))
        readings[m.group(1)][reading] += 1
    count = sum(sum(c.values()) for c in readings.values())
    if count < MIN_COUNT:
        return Evidence(count, 0, len(readings), 0.0, 0.0)
    agree = sum(c.most_common(1)[0][1] for c in readings.values())
    bare = ANNOTATION.sub("", text)
    occurrences = sum(bare.count(ch) for ch in readings)
    return Evidence(
        count=count,
        han=len(HAN_RE.findall(bare)),
        distinct=len(readings),
        consistent=agree / count,
        coverage=count / max(occurrences, 1),
    )


def pinyin(doc: Doc, config: Config) -> Doc:
    """Strip leaked annotations when the document's evidence says they leaked."""
    text = "\n".join(doc.lines)
    if "(" not in text or not ANNOTATION.search(text) or not weigh(text).leaked:
        return doc
    lines = list(doc.lines)
    changes = {}
    for i, line in enumerate(lines):
        if "(" in line:
            new, n = ANNOTATION.subn("", line)
            if n:
                lines[i] = new
                changes[i] = Change(STAGE, "leaked-annotation", doc.linenos[i], count=n)
    return doc.rewritten(lines, changes)
