"""The stage's cheap checks: which lines can need it at all, and what each of them can need.

One compiled character class finds every line with a character that is not plainly ordinary
text (the characters of the encoding standards' two levels, ASCII but ``& ? !``, everyday
punctuation). Mojibake made of such characters only is found by what it does with them:
second-level ideographs three in a few characters (GBK read as Big5),
Han characters spaced like Korean (EUC-KR read as GBK), a Western letter's UTF-8 read in a
CJK codec inside a Latin word (``Bev枚lkerung``), hangul next to hanja (GBK read as EUC-KR),
kana next to kanji Japanese is not written in (EUC-JP read as GBK). Everything else the
stage does runs on the lines found, so clean Chinese or English text costs three scans.

>>> flagged_rows("全部新闻\\n鍏ㄩ儴鏂伴椈\\nAll news\\nCafÃ©")
[1, 3]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...charclasses import HAN, HANGUL, KANA, Lazy
from ...damage import COMMON_MARKERS, TRIGGER_CHARS
from ...plausibility import suspicious
from ...tiers import tiers

# Ordinary characters that can be part of no repair and no damage report.
_BORING = (
    "\n\t\x20\x22-\x25\x27-\x3e\x40-\x7e\u2010-\u2027\u3000-\u3003\u3005-\u3011\u3014-\u301f"
    "\u3041-\u3096\u30a1-\u30fc\uff01-\uff5e"
)
_SPACED_HAN = Lazy(f" (?<=[{HAN}] )(?=[{HAN}])")
_MARKERS = re.compile(
    f"[{''.join(m[0] for m in COMMON_MARKERS)}](?=[{''.join(m[1] for m in COMMON_MARKERS)}])"
)
_ANY_CJK = re.compile("[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_KANA = re.compile(f"[{KANA}]")
_HANGUL = re.compile(f"[{HANGUL}]")
_KANA_OR_HANGUL = re.compile(f"[{KANA}{HANGUL}]")
_HANGUL_HAN = Lazy(f"[{HANGUL}](?:(?=[{HAN}])|(?<=[{HAN}].))")
_KANA_LINE = Lazy(f"^(?=.*[{KANA}]).*[{HAN}]", re.MULTILINE)

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
    dense: re.Pattern[str]
    latin_cjk: re.Pattern[str]
    ftfy: re.Pattern[str]
    bom: re.Pattern[str]

    suspicious = staticmethod(suspicious)

    def ftfy_suspect(self, line: str) -> bool:
        """Can ftfy change ``line``?"""
        return self.ftfy.search(line) is not None

    def strip_bom(self, line: str) -> str:
        """Remove a byte-order mark read as text: U+FEFF, ``ï»¿`` (cp1252), ``锘`` (GBK)."""
        if line.startswith(_BOM_MOJIBAKE):  # the whole line is UTF-8 read as GBK
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
    t = tiers()
    # Second-level ideographs too: machine-converted Traditional text is full of them (爲, 羣),
    # and mojibake made of them alone is found by the document's other lines (see mojibake).
    common = set(t.gb2312_1 + t.big5_common + t.jis_1 + t.ks_hangul)
    common |= set(t.gb2312_2 + t.big5_less + t.jis_2 + t.ks_hanja)
    common -= set(TRIGGER_CHARS + _BOM_MOJIBAKE)
    common |= {marker[0] for marker in COMMON_MARKERS}  # 占 is common; 占쏙옙 is damage
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
    first = set(t.gb2312_1 + t.big5_common + t.jis_1)
    second = _cls(set(t.gb2312_2 + t.big5_less + t.jis_2 + t.ks_hanja) - first)
    return Checks(
        interesting=re.compile(f"[^{_BORING}{_cls(common)}]"),
        dense=re.compile(f"[{second}](?:[^\n]{{0,2}}[{second}]){{2}}"),
        latin_cjk=re.compile(f"[A-Za-z ](?=[{_cls(_latin_signals())}])"),
        ftfy=re.compile(ftfy),
        bom=re.compile(f"\\ufeff|^ï»¿|^{_BOM_MOJIBAKE}(?:[\\ufffd?]|$)"),
    )


def _latin_signals() -> set[str]:
    """What a Western letter's UTF-8 (lead byte C2 or C3, or E2 for quotes and dashes)
    becomes when read in a CJK codec: ``é`` is ``茅`` in GBK, ``羹`` is ``ü`` in Big5."""
    out: set[str] = set()
    for codec in ("gb18030", "cp950", "cp949", "euc_jp"):
        for lead in (0xC2, 0xC3, 0xC5, 0xE2):
            out |= {ch for ch in _decoded_pairs(codec, lead) if ord(ch) > 0x2000}
    return out


def _decoded_pairs(codec: str, lead: int) -> set[str]:
    out = set()
    for trail in range(0x40, 0x100):
        try:
            ch = bytes((lead, trail)).decode(codec)
        except UnicodeDecodeError:
            continue
        if len(ch) == 1:
            out.add(ch)
    return out


def flagged_rows(text: str) -> list[int]:
    """Indexes of the lines of ``text`` (joined with ``\\n``) that need a closer look."""
    c = checks()
    rows = _rows(text, c.interesting)
    if not _ANY_CJK.search(text):  # the rest is about CJK characters
        return sorted(rows)
    rows |= _rows(text, _SPACED_HAN()) | _rows(text, c.latin_cjk) | _rows(text, _MARKERS)
    rows |= _rows(text, c.dense)
    if not _KANA_OR_HANGUL.search(text):
        return sorted(rows)
    if _HANGUL.search(text):  # GBK read as EUC-KR: hangul and hanja side by side
        rows |= _rows(text, _HANGUL_HAN())
    if _KANA.search(text):  # EUC-JP read as GBK keeps the kana and garbles the kanji
        lines = text.split("\n")
        rows |= {i for i in _rows(text, _KANA_LINE()) if suspicious(lines[i])}
    return sorted(rows)


def _rows(text: str, pattern: re.Pattern[str]) -> set[int]:
    """The lines ``pattern`` matches in, one search per matching line."""
    rows: set[int] = set()
    pos = line = 0
    while m := pattern.search(text, pos):
        line += text.count("\n", pos, m.start())
        rows.add(line)
        end = text.find("\n", m.start())
        if end < 0:
            break
        pos = end + 1
        line += 1
    return rows
