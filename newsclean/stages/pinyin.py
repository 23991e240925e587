"""Stage ``pinyin``: remove pinyin annotations that leaked into the text, like ``會(huì )議``.

A single annotation proves nothing: a textbook writes ``重(chóng)新`` on purpose. So the stage
weighs the evidence of the whole document and strips every annotation only when it looks like a
leak from a ruby/annotation layer. Always:

* enough annotations (four or more), and dense enough (per 1,000 Han characters);
* systematic: most occurrences of an annotated character carry the annotation;

and then either of two kinds of evidence:

* a long leak: the same characters are annotated again and again (a glossary annotates each
  once), and a character is given the same reading nearly every time (a textbook contrasting
  ``重(chóng)新、重(zhòng)要`` is not);
* a short leak, where few characters come back: no character has two readings at all, the
  annotations are spread over three sentences or more (a glossary line is one), and they sit on
  common characters (GB 2312 level 1 or Big5 常用字: ``風(fēng)``, ``時(shí)``), not on the rare
  ones a lesson teaches (``饕(tāo)餮(tiè)``).

Fullwidth parentheses ``（chóng）`` are never touched: leaks use ASCII ones. Zero-width
characters and no-break spaces that scraping left in or before an annotation
(``說\\u200b(shuō)``, ``(huì\\u00a0)``) do not hide it.

>>> from newsclean.model import Doc
>>> from newsclean.config import Config
>>> leak = Doc.from_text("大會(huì )開(kāi)幕，會(huì )議開(kāi)始，會(huì )場(chǎng)熱鬧，會(huì )後散場(chǎng)。")
>>> pinyin(leak, Config()).lines
('大會開幕，會議開始，會場熱鬧，會後散場。',)
>>> pinyin(Doc.from_text("重(chóng)新、重(zhòng)要"), Config()).lines
('重(chóng)新、重(zhòng)要',)
>>> pinyin(Doc.from_text("之風(fēng)。耽詩(shī)。聽(tīng)人。病時(shí)。"), Config()).lines
('之風。耽詩。聽人。病時。',)
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
MIN_SENTENCES = 3  # a short leak: sentences holding an annotation
MIN_COMMON = 0.8  # a short leak: share of annotations on common characters

#: What ends a sentence, for counting the sentences that hold an annotation.
_SENTENCE_END = re.compile("[。！？!?\n]")
#: Characters scraping leaves in or before an annotation: zero-width ones, the soft hyphen,
#: the no-break space. Where the text holds one, annotations are found through :data:`_LOOSE`.
_DEBRIS = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u00a0"
_DEBRIS_RE = re.compile(f"[{_DEBRIS}]")
_LOOSE = re.compile(rf"(?<=[{HAN}])[{_DEBRIS}]*\([^()\n]++\)")
_TIGHT = re.compile(rf"\( ?{PINYIN_SYLLABLE} ?\)")


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the document says about its annotations; :attr:`leaked` is the verdict.

    Measures that cost a pass over the text are taken only as far as the verdict needs: after
    a failed test they are 0 (``consistent`` is measured after ``coverage``, ``sentences`` and
    ``common`` last, only for a short leak); ``han`` is the text's length (never less) when
    that is enough to show the annotations are dense enough; ``coverage`` is an upper bound
    when counting stopped because it was already too low.
    """

    count: int
    han: int
    distinct: int
    consistent: float
    coverage: float
    sentences: int = 0
    common: float = 0.0

    @property
    def leaked(self) -> bool:
        return self._shared and (self._long or self._short)

    @property
    def _shared(self) -> bool:
        return (
            self.count >= MIN_COUNT
            and self.count * 1000 >= MIN_PER_1000_HAN * max(self.han, 1)
            and self.coverage >= MIN_COVERAGE
        )

    @property
    def _long(self) -> bool:
        return self.count >= MIN_REPEAT * self.distinct and self.consistent >= MIN_CONSISTENT

    @property
    def _short(self) -> bool:
        return (
            self.consistent == 1.0 and self.sentences >= MIN_SENTENCES and self.common >= MIN_COMMON
        )


def weigh(text: str) -> Evidence:
    """Collect the evidence for a leak in ``text``.

    Annotations hold no Han, so Han characters are counted in ``text`` as they would be with
    the annotations removed. The readings, the costliest to collect, are read last, only
    when everything else says leak.

    >>> weigh("会(huì)议开(kāi)始，会(huì)场，会(huì)后，开(kāi)心。")
    Evidence(count=5, han=39, distinct=2, consistent=1.0, coverage=1.0, sentences=0, common=0.0)
    >>> weigh("长(cháng)短、长(zhǎng)大；重(chóng)复、重(zhòng)量").consistent
    0.5
    >>> e = weigh("之風(fēng)。耽詩(shī)。聽\\u200b(tīng)人。病時(shí\\u00a0)。")
    >>> e.sentences, e.common, e.leaked
    (4, 1.0, True)
    """
    return _weigh(_tighten(text) if _has_debris(text) else text)


def _weigh(text: str) -> Evidence:
    """:func:`weigh` on a text without debris in its annotations."""
    chars = Counter(ANNOTATION.findall(text))  # the character before each annotation
    count = chars.total()
    evidence = Evidence(count, 0, len(chars), 0.0, 0.0)
    if count < MIN_COUNT:
        return evidence
    han = len(text)  # never fewer Han than that: count them only if that is not dense enough
    if count * 1000 < MIN_PER_1000_HAN * han:
        han = len(text) - len(HAN_RE.sub("", text))  # no list of one-character strings
    evidence = replace(evidence, han=han, coverage=_coverage(text, chars))
    if not replace(evidence, consistent=1.0, sentences=MIN_SENTENCES, common=1.0).leaked:
        return evidence
    readings: dict[str, Counter[str]] = defaultdict(Counter)
    for (char, syllables), n in Counter(_PAIR.findall(text)).items():
        readings[char][" ".join(_ONE.findall("(" + syllables))] += n
    agree = sum(c.most_common(1)[0][1] for c in readings.values())
    evidence = replace(evidence, consistent=agree / count)
    if evidence.leaked or evidence.consistent < 1.0:
        return evidence
    common = sum(n for char, n in chars.items() if _common(char))
    return replace(evidence, sentences=_sentences(text), common=common / count)


def _sentences(text: str) -> int:
    """How many sentences hold an annotation."""
    out, last = 0, -1
    for m in ANNOTATION.finditer(text):
        if last < 0 or _SENTENCE_END.search(text, last, m.start()):
            out += 1
        last = m.end()
    return out


def _common(char: str) -> bool:
    """Is ``char`` among the characters ordinary text is written in? The standards sorted their
    characters by use: GB 2312 level 1 (B0A1–D7F9) decides for a character GB 2312 holds,
    Big5 常用字 (A440–C67E, a wider choice) for a Traditional one it does not.

    >>> _common("風"), _common("风"), _common("饕"), _common("魍")
    (True, True, False, False)
    """
    for codec, first, last in _COMMON:
        try:
            code = int.from_bytes(char.encode(codec), "big")
        except UnicodeEncodeError:
            continue
        return first <= code <= last
    return False


_COMMON = (("gb2312", 0xB0A1, 0xD7F9), ("big5", 0xA440, 0xC67E))


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
    if "(" not in text:
        return doc
    if _has_debris(text):
        text = _tighten(text)
    if not ANNOTATION.search(text) or not _weigh(text).leaked:
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
            new, n = ANNOTATION.subn("", _tighten(line) if _has_debris(line) else line)
            if n:
                lines[i] = new
                changes[i] = Change(STAGE, "leaked-annotation", doc.linenos[i], count=n)
    return doc.rewritten(lines, changes)


def _has_debris(text: str) -> bool:
    """One literal scan per character: several times faster than a scan for the class."""
    return any(ch in text for ch in _DEBRIS)


def _tighten(text: str) -> str:
    """``text`` with the debris taken out of annotations and from between an annotation and
    its character: ``說\\u200b(shuō)`` as ``說(shuō)``, ``(dò\\u200cng)`` as ``(dòng)``.
    Nothing else changes (nor the number of lines).

    >>> _tighten("會\\u200b(huì\\u00a0)議 (a\\u00a0b)")
    '會(huì)議 (a\\xa0b)'
    """

    def tight(m: re.Match[str]) -> str:
        found = m.group()
        bare = _DEBRIS_RE.sub("", found)
        return bare if _TIGHT.fullmatch(bare) else found

    return _LOOSE.sub(tight, text)
