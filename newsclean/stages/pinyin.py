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
from dataclasses import dataclass, replace

from ..chars import HAN, HAN_RE, PINYIN_SYLLABLE
from ..config import Config
from ..model import Change, Doc

STAGE = "pinyin"

_GROUPS = rf" ?{PINYIN_SYLLABLE} ?\)(?:\( ?{PINYIN_SYLLABLE} ?\))*"
#: One or more ASCII-parenthesised tone-marked syllables right after a Han character (group 1).
#: Starts with ``(`` (the character is checked behind it), so ``re`` scans for it fast.
ANNOTATION = re.compile(rf"\((?<=([{HAN}])\(){_GROUPS}")
#: The same, with the syllables as group 2, for :func:`weigh`.
_PAIR = re.compile(rf"\((?<=([{HAN}])\()({_GROUPS})")
_ONE = re.compile(rf"\( ?({PINYIN_SYLLABLE}) ?\)")
#: Marks where an annotation was, when the annotations of many lines are removed at once.
_MARKERS = ("\x00", "\x01", "\ufdd0", "\ufdd1")

MIN_COUNT = 4
MIN_PER_1000_HAN = 3.0
MIN_REPEAT = 1.5  # annotations per distinct annotated character
MIN_CONSISTENT = 0.8  # share of annotations that agree with their character's usual reading
MIN_COVERAGE = 0.6  # share of an annotated character's occurrences that are annotated


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the document says about its annotations; :attr:`leaked` is the verdict.

    Measures that cost a pass over the text are taken only as far as the verdict needs: after
    a failed test they are 0 (``consistent`` is measured last); ``han`` is the text's length
    (never less) when that is enough to show the annotations are dense enough; ``coverage`` is
    an upper bound when counting stopped because it was already too low.
    """

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
    """Collect the evidence for a leak in ``text``.

    Annotations hold no Han, so Han characters are counted in ``text`` as they would be with
    the annotations removed. The readings, the costliest to collect, are read last, only
    when everything else says leak.

    >>> weigh("会(huì)议开(kāi)始，会(huì)场，会(huì)后，开(kāi)心。")
    Evidence(count=5, han=39, distinct=2, consistent=1.0, coverage=1.0)
    >>> weigh("长(cháng)短、长(zhǎng)大；重(chóng)复、重(zhòng)量").consistent
    0.5
    """
    chars = Counter(ANNOTATION.findall(text))  # the character before each annotation
    count = chars.total()
    evidence = Evidence(count, 0, len(chars), 0.0, 0.0)
    if count < MIN_COUNT or count < MIN_REPEAT * evidence.distinct:
        return evidence
    han = len(text)  # never fewer Han than that: count them only if that is not dense enough
    if count * 1000 < MIN_PER_1000_HAN * han:
        han = len(text) - len(HAN_RE.sub("", text))  # no list of one-character strings
    evidence = replace(evidence, han=han, coverage=_coverage(text, chars))
    if not replace(evidence, consistent=1.0).leaked:
        return evidence
    readings: dict[str, Counter[str]] = defaultdict(Counter)
    for (char, syllables), n in Counter(_PAIR.findall(text)).items():
        readings[char][" ".join(_ONE.findall("(" + syllables))] += n
    agree = sum(c.most_common(1)[0][1] for c in readings.values())
    return replace(evidence, consistent=agree / count)


def _coverage(text: str, chars: Counter[str]) -> float:
    """The share of the annotated characters' occurrences that are annotated; counting (one
    pass per character, most annotated first) stops once it is below ``MIN_COVERAGE``."""
    count, occurrences = chars.total(), 0
    for char, _ in sorted(chars.items(), key=lambda item: (-item[1], item[0])):
        occurrences += text.count(char)
        if count / occurrences < MIN_COVERAGE:  # as leaked() reads it
            break
    return count / max(occurrences, 1)


def pinyin(doc: Doc, config: Config) -> Doc:
    """Strip leaked annotations when the document's evidence says they leaked."""
    text = doc.body
    if "(" not in text or not ANNOTATION.search(text) or not weigh(text).leaked:
        return doc
    marker = next((m for m in _MARKERS if m not in text), None)
    if marker is None or text.count("\n") != len(doc.lines) - 1:
        return _strip_line_by_line(doc)
    marked = ANNOTATION.sub(marker, text).split("\n")
    found = [i for i, line in enumerate(marked) if marker in line]
    lines = list(doc.lines)
    changes = []
    for i in found:
        lines[i] = marked[i].replace(marker, "")
        changes.append(
            Change(STAGE, "leaked-annotation", doc.linenos[i], count=marked[i].count(marker))
        )
    # an annotation follows a Han character, which stays: no line is emptied
    return doc.evolve(lines, changes=changes)


def _strip_line_by_line(doc: Doc) -> Doc:
    lines = list(doc.lines)
    changes = {}
    for i, line in enumerate(lines):
        if "(" in line:
            new, n = ANNOTATION.subn("", line)
            if n:
                lines[i] = new
                changes[i] = Change(STAGE, "leaked-annotation", doc.linenos[i], count=n)
    return doc.rewritten(lines, changes)
