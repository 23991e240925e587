"""The stage's checks of one line: can ftfy change it, does it start with a byte-order mark
read as text. (Which lines can need the stage at all: :mod:`.flags`.)

>>> checks().ftfy_suspect("CafÃ©"), checks().ftfy_suspect("Café"), checks().strip_bom("ï»¿Hi")
(True, False, 'Hi')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .charclasses import ranges
from .plausibility import suspicious

# What ftfy can repair: UTF-8 read in one of its single-byte codecs (a lead byte's character,
# then a continuation byte's), C1 controls, HTML entities, surrogates, terminal escapes and
# Latin ligatures and digraphs, ASCII control characters. Quotes and dashes are left out of the leads: "l’été" is French, not mojibake.
_FTFY_CODECS = ("latin-1", "cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1257")
_FTFY_CODECS_MORE = ("iso8859_2", "mac_roman", "cp437")
_NOT_LEADS = "‘’‚“”„–—…‹›«»·"
_ENTITY = r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"

#: What ftfy's ``fix_latin_ligatures`` takes apart (ﬁ, and the digraphs ĳ, ŉ, ǆ…).
LIGATURES = "\u0132\u0133\u0149\u01c4-\u01cc\u01f1-\u01f3\ufb00-\ufb06"
#: What ftfy's ``remove_control_chars`` removes among ASCII (not tab, line feed, form feed).
CONTROLS = "\x00-\x08\x0b\x0e-\x1f\x7f"

#: A UTF-8 byte-order mark read as GBK.
BOM_MOJIBAKE = "锘"


def _decoded(codec: str, first: int, last: int) -> set[str]:
    out = set()
    for b in range(first, last + 1):
        try:
            out.add(bytes((b,)).decode(codec))
        except UnicodeDecodeError:
            continue
    return out


@dataclass(frozen=True, slots=True)
class Checks:
    """The compiled checks (see the module docstring)."""

    ftfy: re.Pattern[str]
    bom: re.Pattern[str]

    suspicious = staticmethod(suspicious)

    def ftfy_suspect(self, line: str) -> bool:
        """Can ftfy change ``line``?"""
        return self.ftfy.search(line) is not None

    def strip_bom(self, line: str) -> str:
        """Remove a byte-order mark read as text: U+FEFF, ``ï»¿`` (cp1252), ``锘`` (GBK)."""
        if line.startswith(BOM_MOJIBAKE):  # the whole line is UTF-8 read as GBK
            line = _gbk_bom(line)
        return self.bom.sub("", line) if self.bom.search(line) else line


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
    leads, conts = ftfy_chars()
    lead, cont = f"[{ranges(leads)}]", f"[{ranges(conts)}]"
    # One class first, so that the scan runs at C speed; then what follows each character.
    ftfy = (
        f"[{ranges(leads)}\\x80-\\x9f&\\ud800-\\udfff\\x1b{LIGATURES}{CONTROLS}]"
        f"(?:(?<={lead}){cont}|(?<={lead})\\ufffd|(?<=Ã) "
        f"|(?<=[\\x80-\\x9f\\ud800-\\udfff{LIGATURES}{CONTROLS}])"
        f"|(?<=&){_ENTITY[1:]}|(?<=\\x1b)\\[)"
    )
    return Checks(
        ftfy=re.compile(ftfy),
        bom=re.compile(f"\\ufeff|^ï»¿|^{BOM_MOJIBAKE}(?:[\\ufffd?]|$)"),
    )


@lru_cache(maxsize=1)
def ftfy_chars() -> tuple[set[str], set[str]]:
    """The characters of a UTF-8 lead byte, and of a continuation byte, in ftfy's codecs."""
    leads: set[str] = set()
    conts: set[str] = set()
    for codec in _FTFY_CODECS + _FTFY_CODECS_MORE:
        leads |= _decoded(codec, 0xC2, 0xF4)
        conts |= _decoded(codec, 0x80, 0xBF)
    return leads - set(_NOT_LEADS), conts
