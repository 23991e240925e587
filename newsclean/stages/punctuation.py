"""Stage ``punctuation``: restore fullwidth punctuation that was narrowed to ASCII in Chinese text.

An ASCII ``, : ; ! ?`` that touches Chinese text (a Han character or CJK punctuation right
before or after it) becomes ``， ： ； ！ ？``. A pair of ASCII parentheses becomes ``（ ）`` when
it holds Chinese and touches Chinese text (or the line's edge) on the outside. Everything else
is left alone: English text, ``2.3%``, ``8:30``, URLs, and ``重(chóng)新`` (Latin inside). Spans
the damage detector flags (``確!,``) keep their ASCII marks: converting them would hide damage.

>>> from newsclean.model import Doc
>>> from newsclean.config import Config
>>> punctuation(Doc.from_text("8:30,大会宣布:开幕!(记者张三)"), Config()).lines
('8:30，大会宣布：开幕！（记者张三）',)
"""

from __future__ import annotations

import re

from ..chars import CJK_PUNCT, HAN
from ..config import Config
from ..damage import damage_spans
from ..model import Doc

STAGE = "punctuation"

_CTX = f"[{HAN}{CJK_PUNCT}]"
_FULL = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？"}
#: A mark with Chinese context on either side. Starts with the mark, so the scan is fast.
_MARK = re.compile(rf"[,:;!?](?:(?={_CTX})|(?<={_CTX}.))")
#: A parenthesised span holding Han, with Chinese context (or the line's edge) outside.
_PAREN = re.compile(
    rf"(?:(?<={_CTX})|^)\(([^()\n]*[{HAN}][^()\n]*)\)|\(([^()\n]*[{HAN}][^()\n]*)\)(?={_CTX}|$)",
    re.MULTILINE,
)
_QUICK = re.compile(r"[,:;!?(]")


def _to_full(m: re.Match[str]) -> str:
    return _FULL[m.group()]


def _paren(m: re.Match[str]) -> str:
    return f"（{m.group(1) if m.group(1) is not None else m.group(2)}）"


def restore(line: str) -> str:
    """Convert one line (no damage in it), repeating until it is stable."""
    while True:
        new = _PAREN.sub(_paren, _MARK.sub(_to_full, line))
        if new == line:
            return new
        line = new


def _restore_around_damage(line: str, spans: list[tuple[int, int]]) -> str:
    out, last = [], 0
    for start, end in spans:
        out.append(restore(line[last:start]))
        out.append(line[start:end])
        last = end
    out.append(restore(line[last:]))
    return "".join(out)


def _restore_line(line: str) -> str:
    if not _QUICK.search(line):
        return line
    spans = damage_spans(line)
    return _restore_around_damage(line, spans) if spans else restore(line)


def punctuation(doc: Doc, config: Config) -> Doc:
    """Restore fullwidth punctuation in Chinese text, leaving damaged spans untouched."""
    text = "\n".join(doc.lines)
    if not _QUICK.search(text) or not (_MARK.search(text) or _PAREN.search(text)):
        return doc
    new_lines = [_restore_line(line) for line in doc.lines]
    return doc.edited(new_lines, STAGE, "fullwidth")
