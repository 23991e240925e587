"""The stage's cheap checks: which lines can need it at all, and what each of them can need.

One compiled character class finds every line with a character that is not plainly ordinary
text (the common characters of the encoding standards, ASCII but ``& ? !``, everyday
punctuation); a second pattern finds Han characters separated by spaces (EUC-KR read as GBK
looks like common hanzi spaced like Korean). Everything else the stage does runs on those
lines only, so clean text costs two regex scans.

>>> flagged_rows("全部新闻\\n鍏ㄩ儴鏂伴椈\\nAll news\\nCafÃ©")
[1, 3]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...damage import TRIGGER_CHARS
from ...plausibility import HAN, suspicion_pattern
from ...tiers import tiers

# Ordinary characters that can be part of no repair and no damage report.
_BORING = (
    "\n\t\x20\x22-\x25\x27-\x3e\x40-\x7e\u2010-\u2027\u3000-\u3003\u3005-\u3011\u3014-\u301f"
    "\u3041-\u3096\u30a1-\u30fc\uff01-\uff5e"
)
_SPACED_HAN = re.compile(f" (?<=[{HAN}] )(?=[{HAN}])")

# What ftfy can repair: UTF-8 read in one of its single-byte codecs (a lead byte's character,
# then a continuation byte's), C1 controls, HTML entities, surrogates, terminal escapes and
# Latin ligatures. Quotes and dashes are left out of the leads: "l’été" is French, not mojibake.
_FTFY_CODECS = ("latin-1", "cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1257")
_FTFY_CODECS_MORE = ("iso8859_2", "mac_roman", "cp437")
_NOT_LEADS = "‘’‚“”„–—…‹›«»·"

_BOM_MOJIBAKE = "锘"


def _decoded(codec: str, first: int, last: int) -> set[str]:
    out = set()
    for b in range(first, last + 1):
        try:
            out.add(bytes((b,)).decode(codec))
        except UnicodeDecodeError:
            continue
    return out


def _cls(chars: set[str] | str) -> str:
    return "".join("\\" + c if c in "\\]^-[" else c for c in sorted(chars))


@dataclass(frozen=True, slots=True)
class Checks:
    """The compiled checks (see the module docstring)."""

    interesting: re.Pattern[str]
    suspicion: re.Pattern[str]
    ftfy: re.Pattern[str]
    bom: re.Pattern[str]

    def suspicious(self, line: str) -> bool:
        """Can ``line`` be CJK mojibake (a character that costs, or a telling pattern)?"""
        return self.suspicion.search(line) is not None

    def ftfy_suspect(self, line: str) -> bool:
        """Can ftfy change ``line``?"""
        return self.ftfy.search(line) is not None

    def strip_bom(self, line: str) -> str:
        """Remove a byte-order mark read as text: U+FEFF, ``ï»¿`` (cp1252), ``锘`` (GBK)."""
        if not self.bom.search(line):
            return line
        if line.startswith(_BOM_MOJIBAKE):  # the whole line is UTF-8 read as GBK
            line = _gbk_bom(line)
        return self.bom.sub("", line)


def _gbk_bom(line: str) -> str:
    """A UTF-8 BOM read as GBK swallows the next byte: ``锘縜bc`` is ``abc``."""
    try:
        data = line.encode("gb18030")
    except UnicodeEncodeError:
        return line
    if not data.startswith(b"\xef\xbb\xbf"):
        return line
    try:
        return data[3:].decode("utf-8")
    except UnicodeDecodeError:
        return line


@lru_cache(maxsize=1)
def checks() -> Checks:
    t = tiers()
    common = set(t.gb2312_1 + t.big5_common + t.jis_1 + t.ks_hangul) - set(TRIGGER_CHARS)
    leads: set[str] = set()
    conts: set[str] = set()
    for codec in _FTFY_CODECS + _FTFY_CODECS_MORE:
        leads |= _decoded(codec, 0xC2, 0xF4)
        conts |= _decoded(codec, 0x80, 0xBF)
    leads -= set(_NOT_LEADS)
    ftfy = (
        f"[{_cls(leads)}][{_cls(conts)}]|[\\x80-\\x9f]"
        r"|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
        r"|[\ud800-\udfff]|\x1b\[|[\ufb00-\ufb06]"
    )
    return Checks(
        interesting=re.compile(f"[^{_BORING}{_cls(common)}]"),
        suspicion=suspicion_pattern(),
        ftfy=re.compile(ftfy),
        bom=re.compile(f"\\ufeff|^ï»¿|^{_BOM_MOJIBAKE}(?:[\\ufffd?]|$)"),
    )


def flagged_rows(text: str) -> list[int]:
    """Indexes of the lines of ``text`` (joined with ``\\n``) that need a closer look."""
    c = checks()
    rows: set[int] = set()
    for pattern in (c.interesting, _SPACED_HAN):
        pos = line = 0
        while m := pattern.search(text, pos):
            line += text.count("\n", pos, m.start())
            rows.add(line)
            end = text.find("\n", m.start())
            if end < 0:
                break
            pos = end + 1
            line += 1
    return sorted(rows)
