"""Damage that cannot be repaired: where the original text is gone, we say so and keep the scar.

Used by the ``encoding`` stage to report damage, and by the ``punctuation`` stage to leave the
damaged spans exactly as they are (turning ``確!,`` into ``確！，`` would hide the evidence).
Nothing here deletes text: a damaged span stays in the output, reported with its line.

The markers, and what each one means:

* ``replacement-char``: U+FFFD (or ``&#65533;``), put where a decoder met bytes it could not read;
* ``replacement-mojibake``: U+FFFD itself saved as UTF-8 and read in a legacy codec — ``锟斤拷``
  (GBK), ``嚙踝蕭`` (Big5), ``占쏙옙`` (EUC-KR), ``鐃緒申`` (EUC-JP), ``ï¿½`` (cp1252);
* ``filler-mojibake``: uninitialised memory printed as text — ``烫烫烫`` and ``屯屯屯`` (bytes CC
  and CD in GBK), and their Big5, EUC-KR and cp1252 readings;
* ``lost-chars``: ``??`` inside Chinese text, where a conversion had no character to write;
* ``orphan-pinyin``: the tail of a pinyin annotation whose character was lost (``?yáng)``);
* ``garbled-punct``: ``?`` or ``!`` wedged between a Han character and punctuation (``確!,``);
* ``lone-surrogate``: half of a UTF-16 pair;
* ``c1-control``: a C1 control character (U+0080–U+009F), a byte no decoder should have kept;
* ``private-use``: a private-use character, which shows as a box or as nothing (some sites put
  rare characters there; reported as information).

>>> [d.kind for d in find_damage("錨定“兩個確!,實施")]
['garbled-punct']
>>> [d.kind for d in find_damage("标题锟斤拷正文\\ue123")]
['replacement-mojibake', 'private-use']
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ...chars import PINYIN_LETTERS, PINYIN_SYLLABLE, TONE_VOWELS
from ...model import Severity
from .charclasses import HAN, Lazy

# A tone-marked syllable right after a Han character. Every pattern starts by consuming a
# character (the context is checked behind it), so the scan skips ordinary text quickly;
# here the match starts at the tone vowel and find_damage() extends it to the syllable.
_BEHIND = "|".join(f"(?<=[{HAN}][a-zü]{{{n}}}.)" for n in range(6))
_BARE_SYLLABLE = f"[{TONE_VOWELS}](?:{_BEHIND})[{PINYIN_LETTERS}]{{0,4}}"
_INITIAL = re.compile("[a-zü]{1,5}$")

# (kind, pattern, severity, message). Order matters only for overlapping matches: first wins.
_RULES: tuple[tuple[str, str, Severity, str], ...] = (
    (
        "replacement-char",
        r"\ufffd+|&#(?:65533|[xX]0*[fF]{3}[dD]);",
        "warning",
        "replacement character U+FFFD: text here was lost before it reached us",
    ),
    (
        "replacement-mojibake",
        r"(?:[锟錕]斤[拷烤])+|(?:嚙踝蕭)+|(?:占쏙옙)+|(?:鐃緒申)+|(?:ï¿½)+",
        "warning",
        "U+FFFD saved as UTF-8 and read in a legacy encoding ('锟斤拷'): text here was lost",
    ),
    (
        "filler-mojibake",
        r"[烫燙]{3,}|屯{3,}|昍{3,}|迋{3,}|儆{3,}|袴{3,}|Ì{4,}|Í{4,}",
        "warning",
        "'烫烫烫'/'屯屯屯' is uninitialised memory printed as text: text here was lost",
    ),
    (
        "lost-chars",
        rf"\?(?<=[{HAN}]\?)\?+|\?{{2,}}(?=[{HAN}])",
        "warning",
        "'??' inside Chinese text: characters were lost in an encoding conversion",
    ),
    (
        "orphan-pinyin",
        rf"[?!]{PINYIN_SYLLABLE} ?\)|{_BARE_SYLLABLE} ?\)",
        "warning",
        "fragment of a pinyin annotation left by byte-level damage: a character here was lost",
    ),
    (
        "garbled-punct",
        rf"[?!](?<=[{HAN}][?!])(?=[,，、。;；:：])",
        "warning",
        "'?' or '!' wedged inside Chinese text: characters here were lost",
    ),
    (
        "lone-surrogate",
        r"[\ud800-\udfff]",
        "warning",
        "lone UTF-16 surrogate: half of a character was lost",
    ),
    (
        "c1-control",
        r"[\x80-\x9f]+",
        "warning",
        "C1 control character: a stray byte from a wrong decoding",
    ),
    (
        "private-use",
        r"[\ue000-\uf8ff\U000f0000-\U0010fffd]+",
        "info",
        "private-use character: shows as a box or as nothing in most fonts",
    ),
)

# All the rules in one pattern (named groups by kind), also as ``DAMAGE_RE``. Searching with
# it is slow on long text; damage_spans() and has_damage() scan from the trigger characters.
_DAMAGE = Lazy("|".join(f"(?P<{k.replace('-', '_')}>{p})" for k, p, _, _ in _RULES))


def __getattr__(name: str) -> re.Pattern[str]:
    if name == "DAMAGE_RE":  # compiled when first asked for
        return _DAMAGE()
    raise AttributeError(name)


_BY_GROUP = {k.replace("-", "_"): (k, sev, msg) for k, _, sev, msg in _RULES}
#: Characters that begin a damage match, besides the ranges in _TRIGGER and tone vowels.
TRIGGER_CHARS = "\ufffd&锟錕嚙占鐃ï烫燙屯昍迋儆袴ÌÍ?!"
#: The markers that begin with a common character, as the first two characters of each.
COMMON_MARKERS = (
    "锟斤",
    "錕斤",
    "嚙踝",
    "占쏙",
    "鐃緒",
    "烫烫",
    "燙燙",
    "屯屯",
    "昍昍",
    "迋迋",
    "儆儆",
    "袴袴",
)
_LONE = "\ufffd锟錕嚙占鐃ï烫燙屯昍迋儆袴ÌÍ\ud800-\udfff\x80-\x9f\ue000-\uf8ff\U000f0000-\U0010fffd"
# Where a damage match can begin, as one pattern that scans at C speed: it stops at the
# characters above, and looks closer only at ``&``, ``?``, ``!`` and tone vowels, which
# begin damage only in some company (not a narrowed ``嗎?`` nor a whole ``會(huì )``).
_TRIGGER = Lazy(
    f"[{_LONE}&?!{TONE_VOWELS}](?:(?<=[{_LONE}])|(?<=&)(?=#)"
    f"|(?<=[?!])(?=[?,，、。;；:：]|{PINYIN_SYLLABLE})"
    f"|(?<=[{TONE_VOWELS}])(?:{_BEHIND})"
    f"(?=[{PINYIN_LETTERS}]{{0,4}} ?\\)))"
)


def _matches(text: str) -> Iterator[re.Match[str]]:
    trigger, damage = _TRIGGER(), _DAMAGE()
    pos = 0
    while (found := trigger.search(text, pos)) is not None:
        at = found.start()
        m = damage.match(text, at)
        if m is not None:
            yield m
        pos = max(m.end() if m else 0, at + 1)


def has_damage(text: str) -> bool:
    """Is there any damage in ``text``? (Fast: most text has no trigger character at all.)

    >>> has_damage("今天天气很好。"), has_damage("今天\ufffd天气")
    (False, True)
    """
    return next(_matches(text), None) is not None


def damage_spans(line: str) -> list[tuple[int, int]]:
    """The (start, end) of every damaged span in ``line``, left to right."""
    return [m.span() for m in _matches(line)]


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
    for m in _matches(line):
        kind, severity, message = _BY_GROUP[m.lastgroup or ""]
        start = m.start()
        if kind == "orphan-pinyin" and line[start] not in "?!":
            initial = _INITIAL.search(line, 0, start)
            start = initial.start() if initial else start
        found.append(Damage(kind, start, m.end(), line[start : m.end()], severity, message))
    return found
