"""Which lines can need the stage at all: one compiled scan of the document.

A line needs the stage when it holds a character that is no ordinary text (anything but ASCII,
everyday punctuation, kana and the characters of the encoding standards' two levels), or one
of the patterns mojibake makes of ordinary characters: second-level ideographs three in a few
characters (GBK read as Big5), Han characters spaced like Korean where EUC-KR's hangul land in
GBK (EUC-KR read as GBK), a Western letter's UTF-8 read in a CJK codec inside a Latin word
(``Bev枚lkerung``), hangul next to hanja (GBK read as EUC-KR), kana next to kanji Japanese is
not written in (EUC-JP read as GBK). Some ordinary characters count only where they can mean
something: an accented letter inside a Latin word (``Dvořák``, the leaked pinyin
``會(huì )議``) only next to a character that is not ASCII, as the first half of a UTF-8
sequence ftfy undoes (``Ã–``) or in the tail of a pinyin annotation that lost its character
(``宏yáng)``); ``?`` and ``!`` only where damage puts them (``??``, ``確!,``); ``&`` only in
an HTML entity.

All of that is one compiled pattern, which the regex engine runs at C speed: it stops only
at the characters that can matter and looks at their context there. A line of pure ASCII
cannot need more than an entity decoded, so only lines with ``&`` in them or with a
character beyond ASCII are scanned. Everything else the stage does runs on the lines found.

>>> flagged_rows(("全部新闻", "鍏ㄩ儴鏂伴椈", "All news", "CafÃ©", "會(huì )議", "確!,實施"))
[1, 3, 5]
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from ...chars import INVISIBLE, TONE_VOWELS
from ..whitespace import RUN_CHARS
from . import frequency
from .charclasses import HAN, HANGUL, KANA, LATIN_LETTERS, Lazy, expand, ranges
from .checks import BOM_MOJIBAKE, CONTROLS, LIGATURES, ftfy_chars
from .damage import COMMON_MARKERS, TRIGGER_CHARS
from .plausibility import simplified, suspicious, thin
from .tiers import tiers

# Ordinary characters that can be part of no repair and no damage report.
_BORING = (
    "\n\t\x20\x22-\x25\x27-\x3e\x40-\x7e\u2010-\u2027\u3000-\u3003\u3005-\u3011\u3014-\u301f"
    "\u3041-\u3096\u30a1-\u30fc\uff01-\uff5e"
)
_ANY_CJK = "\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff"
_HANGUL_HAN = Lazy(f"[{HANGUL}](?:(?=[{HAN}])|(?<=[{HAN}].))")
_KANA_LINE = Lazy(f"^(?=.*[{KANA}]).*[{HAN}]", re.MULTILINE)
_KANA = re.compile(f"[{KANA}]")
_KANA_RUN = re.compile(f"[{KANA}]+")
_CJK = re.compile(f"[{_ANY_CJK}]")
# A well-formed pinyin annotation: one tone vowel, next to an ASCII letter (ü and a lone
# vowel count where they stand, see the checks).
_ANNOTATION = Lazy(
    f"\\((?:[a-z]{{1,5}}[{TONE_VOWELS}][a-z]{{0,4}}|[{TONE_VOWELS}][a-z]{{1,4}}) ?\\)"
)
_HANGUL = re.compile(f"[{HANGUL}]")
_HAN_RUN = Lazy(f"[{HAN}]+")
_NOT_CJK = Lazy(f"[^{KANA}{HAN}{HANGUL}\x00-\x7f\u3000-\u30ff\uff00-\uffef]")
# ``Ã`` and a space is ``à`` whose no-break space a page made a space; so is ``Ã`` and a tab,
# or a zero-width space, the whitespace stage makes a space of or removes (judged as it will).
_BECOMES_SPACE = f"{RUN_CHARS}{INVISIBLE}"

# A document whose first lines hold CJK, and no line of ASCII alone, is scanned whole for CJK
# text; any other has its ASCII lines spared first, and is scanned for Western text until a
# CJK character shows up (the flags are the same).
_SAMPLE = 16


@lru_cache(maxsize=1)
def _boring() -> set[str]:
    """The characters that can be part of no repair and no damage report, by themselves."""
    t = tiers()
    # Second-level ideographs too: machine-converted Traditional text is full of them (爲, 羣),
    # and mojibake made of them alone is found by the document's other lines (see mojibake).
    common = set(t.gb2312_1 + t.big5_common + t.jis_1 + t.ks_hangul)
    common |= set(t.gb2312_2 + t.big5_less + t.jis_2 + t.ks_hanja)
    common -= set(TRIGGER_CHARS + BOM_MOJIBAKE)
    common |= {marker[0] for marker in COMMON_MARKERS}  # 占 is common; 占쏙옙 is damage
    common -= _not_nfc(common)  # a line of unflagged characters is in NFC already
    return expand(_BORING) | common


@lru_cache(maxsize=1)
def _seconds() -> set[str]:
    t = tiers()
    first = set(t.gb2312_1 + t.big5_common + t.jis_1)
    return set(t.gb2312_2 + t.big5_less + t.jis_2 + t.ks_hanja) - first


@lru_cache(maxsize=1)
def _branches() -> tuple[str, str, str, str, str]:
    """What the scans look at where they stop: (lone, latin, marks, letters, cjk_only)."""
    leads, conts = ftfy_chars()
    # Characters that flag a line by themselves: where the scan stops at a character none of
    # the branches below took, one that is not ordinary, nor one those branches look at.
    firsts = {m[0] for m in COMMON_MARKERS}
    lone = f"(?<![?!&{LATIN_LETTERS}{ranges(_boring() & (_seconds() | firsts))}])"
    latin = (
        f"(?<=[{LATIN_LETTERS}])(?:(?<=[^\\x00-\\x7f].)|(?=[^\\x00-\\x7f])"  # next to CJK…
        "|(?<=[\\u0100-\\u0151\\u0154-\\u024f])(?<![A-Za-z].)(?![A-Za-z])"  # costly alone
        f"|(?<=[{ranges(leads)}])(?=[{ranges(conts)}])|(?<=Ã)(?=[{_BECOMES_SPACE}])"  # what ftfy undoes
        f"|(?<=[{LIGATURES}])"  # what ftfy takes apart
        f"|(?<=[{TONE_VOWELS}])(?:{'|'.join(f'(?<=[{HAN}][a-zü]{{{n}}}.)' for n in range(1, 6))})"
        f"(?=[a-zü{TONE_VOWELS}]{{0,4}} ?\\)))"  # a pinyin annotation that lost its character
    )
    marks = (
        f"(?<=[?!])(?=[?,，、。;；:：]|[a-zü]{{0,5}}[{TONE_VOWELS}])"  # lost characters
        "|(?<=&)(?=#|[A-Za-z][A-Za-z0-9]{1,31};)"
    )
    korean = ranges(set(bytes(_pairs(range(0xB0, 0xC9), range(0xA1, 0xFF))).decode("gb2312")))
    # Korean is spaced: EUC-KR read as GBK puts its hangul in GB 2312 rows B0–C8, a space
    # between them more than once in a line (a Chinese headline may have one such space).
    letters = (
        f"(?<=[A-Za-z ])(?:(?=[{ranges(_latin_signals())}])"
        f"|(?<=[{korean}] )(?=[{korean}])(?=[^\n]*?[{korean}] [{korean}]))"
    )
    second = ranges(_seconds())
    cjk_only = (
        f"(?<=[{second}])(?:[^\n]{{0,2}}[{second}]){{2}}"  # dense second level
        f"|(?<=[{ranges(firsts)}])(?=[{ranges({m[1] for m in COMMON_MARKERS})}])"
    )
    return lone, latin, marks, letters, cjk_only


@lru_cache(maxsize=1)
def _western() -> re.Pattern[str]:
    _, latin, marks, _, _ = _branches()  # lone: all but the characters the branches take
    return re.compile(
        f"[^{ranges(_boring() - expand(_ANY_CJK))}]"
        f"(?:{latin}|{marks}|(?P<cjk>(?<=[{_ANY_CJK}]))|(?<![?!&{LATIN_LETTERS}]))"
    )


@lru_cache(maxsize=2)
def _cjk(scripts: bool = True) -> re.Pattern[str]:
    """The scan of CJK text; with ``scripts``, it also stops at the first kana or hangul."""
    lone, latin, marks, letters, cjk_only = _branches()
    stops = _in_cjk() - expand(KANA + HANGUL) if scripts else _in_cjk()
    script = f"|(?P<script>(?<=[{KANA}{HANGUL}]))" if scripts else ""
    return re.compile(
        f"[^{ranges(stops)}](?:{letters}|(?<![A-Za-z ])"
        f"(?:{cjk_only}|{latin}|{marks}{script}|{lone}))"
    )


def _cjk_plain() -> re.Pattern[str]:
    return _cjk(scripts=False)


def _in_cjk() -> set[str]:
    firsts = {m[0] for m in COMMON_MARKERS}
    return _boring() - expand("A-Za-z ") - _seconds() - firsts


def _pairs(leads: range, trails: range) -> list[int]:
    return [byte for lead in leads for trail in trails for byte in (lead, trail)]


def _not_nfc(chars: set[str]) -> set[str]:
    """The ``chars`` a line in NFC cannot hold (CJK compatibility ideographs), or only where
    they do not follow another. (None of them is a mark that composes with the character
    before it: the tests check that over the whole plane.)"""
    return {
        ch for ch in chars if unicodedata.combining(ch) or unicodedata.normalize("NFC", ch) != ch
    }


def _latin_signals() -> set[str]:
    """What a Western letter's UTF-8 (lead byte C2, C3 or C5, or E2 for quotes and dashes,
    then a continuation byte) becomes when read in a CJK codec: ``é`` is ``茅`` in GBK."""
    out: set[str] = set()
    for codec in ("gb18030", "cp950", "cp949", "euc_jp"):
        for lead in (0xC2, 0xC3, 0xC5, 0xE2):
            out |= {ch for ch in _decoded_pairs(codec, lead) if ord(ch) > 0x2000}
    return out


def _decoded_pairs(codec: str, lead: int) -> set[str]:
    out = set()
    for trail in range(0x80, 0xC0):
        try:
            ch = bytes((lead, trail)).decode(codec)
        except UnicodeDecodeError:
            continue
        if len(ch) == 1:
            out.add(ch)
    return out


def flagged_rows(lines: Sequence[str]) -> list[int]:
    """Indexes of the ``lines`` that need a closer look."""
    head = lines[:_SAMPLE]
    if not any(line.isascii() for line in head) and _CJK.search("".join(head)):
        text = "\n".join(lines)
        return sorted(_scan(text, cjk=True))  # CJK, most likely: all of it
    picked = [i for i, line in enumerate(lines) if not line.isascii() or "&" in line]
    if len(picked) < len(lines):
        picked = sorted({*picked, *_controls(lines)})
    if not picked:
        return []
    text = "\n".join(lines[i] for i in picked)
    return sorted(picked[i] for i in _scan(text))


def flagged_at(line: str) -> list[tuple[int, int]]:
    """Where the checks of :func:`flagged_rows` find something in ``line`` (judged alone):
    the spans of what flags it, empty for a line they pass. A run of mojibake is flagged
    where it stands; a line flagged for something else (an emoji, a no-break space, an
    entity) says nothing about the rest of it.

    >>> flagged_at("今天天气很好 ★"), flagged_at("今天天气很好")
    ([(7, 8)], [])
    >>> flagged_at('label: "鏂伴椈"')
    [(8, 11)]
    """
    return _flagged_at(line, pairs=True)


def anchors(line: str) -> list[tuple[int, int]]:
    """:func:`flagged_at`, each rare character of a rare pair on its own (a pair's span
    reaches from one to the other, anywhere in the line: in a long line of correct text, two
    rare characters a page apart), and a line of kana beside kanji Japanese is not written
    in as its runs of kana. What a long line is read around (see
    :func:`newsclean.stages.encoding.encoding`).

    >>> line = "今天天气很好，" * 3 + "屾" + "我们去公园散步。" * 3 + "岆明天见。"
    >>> flagged_at(line), anchors(line), anchors("今天天气很好 ★")
    ([(21, 47)], [(21, 22), (46, 47)], [(7, 8)])
    """
    return _flagged_at(line, pairs=False)


def _flagged_at(line: str, pairs: bool) -> list[tuple[int, int]]:
    # an annotation flags nothing: the scan sees dashes instead (as many as it has characters)
    seen = _ANNOTATION().sub(lambda m: "-" * len(m.group()), line) if "(" in line else line
    if not _CJK.search(seen):
        return [m.span() for m in _western().finditer(seen)]
    found = [m.span() for m in _cjk_plain().finditer(seen)]
    found += [m.span() for m in _gbk_pattern().finditer(line)]
    if _rare_han_in(line):
        for m in _rare_han().finditer(line):
            a, b = m.span()
            if pairs or b - a <= 3:
                found.append((a, b))
            else:  # (two rare characters apart: each of those between them on its own)
                found += [(a + k, a + k + 1) for k in _rare_positions(line[a:b])]
    if _HANGUL.search(line):
        found += [m.span() for m in _HANGUL_HAN().finditer(line)]
        han = [m.span() for m in _HAN_RUN().finditer(line)]
        if han and len(_HANGUL.findall(line)) > sum(b - a for a, b in han):
            found += han  # Han in Korean text: what EUC-KR read as GBK makes of hangul
    if _KANA.search(line) and _KANA_LINE().search(line):  # kanji Japanese is not written in
        words = _NOT_CJK().sub("", line)  # (judged without a star or an emoji beside them)
        if suspicious(words) or _rare_pair(frozenset(("ja",))).search(words):
            if pairs:
                found.append((0, len(line)))
            else:  # (the runs of kana: EUC-JP read as GBK garbles the kanji beside them)
                found += [m.span() for m in _KANA_RUN.finditer(line)]
    return sorted(set(found))


@lru_cache(maxsize=1)
def _rare_one() -> re.Pattern[str]:
    """One character of a rare pair (:func:`_rare_pair`)."""
    return re.compile(f"[{ranges(set(_rare_chars('0')))}]")


def _rare_positions(text: str) -> list[int]:
    return [m.start() for m in _rare_one().finditer(text)]


def _utf8_read_as_gbk(text: str) -> set[int]:
    """Lines with two or more CJK characters of UTF-8 read as GBK in them, by their bytes
    alone: the characters of a lead byte and a continuation byte, of a continuation byte and
    a lead byte, of two continuation bytes (``鏂伴椈`` is 新闻, made of characters that are
    each real enough to pass every other check)."""
    return _rows(text, _gbk_pattern())


@lru_cache(maxsize=1)
def _gbk_pattern() -> re.Pattern[str]:
    cont = range(0x80, 0xC0)
    first = _gbk_chars(range(0xE3, 0xEA), cont)  # leads of CJK, U+3000-U+9FFF
    middle = _gbk_chars(cont, range(0xE3, 0xF0))  # ...and of fullwidth forms (，is EF BC 8C)
    last = _gbk_chars(cont, cont)
    return re.compile(f"[{first}][{middle}][{last}]")


def _gbk_chars(firsts: range, seconds: range) -> str:
    out = set()
    for a in firsts:
        for b in seconds:
            try:
                out.add(bytes((a, b)).decode("gbk"))
            except UnicodeDecodeError:
                continue
    return ranges(out)


_CONTROL = re.compile(f"[{CONTROLS}]")


def _controls(lines: Sequence[str]) -> list[int]:
    """The ASCII lines that hold a control character ftfy removes (found first in all the
    ASCII lines' bytes at once: a byte translation runs at memory speed)."""
    ascii_lines = [line for line in lines if line.isascii()]
    if not "\n".join(ascii_lines).encode("ascii").translate(None, _PRINTABLE):
        return []
    return [i for i, line in enumerate(lines) if line.isascii() and _CONTROL.search(line)]


_PRINTABLE = b"\t\n\x0c\r" + bytes(range(0x20, 0x7F))


def _scan(text: str, cjk: bool = False) -> set[int]:
    """The lines of ``text`` (joined with ``\\n``) the checks flag. The scan for CJK text
    flags the same lines in any text; the one for Western text is faster there, and hands
    over at the first CJK character."""
    # A pinyin annotation flags nothing, nor changes what its neighbours flag: the scan
    # sees three dashes instead, and spares the letters in it a look each.
    seen = _ANNOTATION().sub("---", text) if "(" in text else text
    mode = "cjk" if cjk else "western"
    pattern = _cjk() if cjk else _western()
    rows: set[int] = set()
    pos = line = 0
    while m := pattern.search(seen, pos):
        at = m.start()
        line += seen.count("\n", pos, at)
        end = seen.find("\n", at)
        if m.lastgroup == "cjk" or (
            mode == "western" and _CJK.search(seen, at, len(seen) if end < 0 else end)
        ):  # CJK text has more to check: start again
            mode, pattern, rows, pos, line = "cjk", _cjk(), set(), 0, 0
            continue
        if m.lastgroup == "script":  # kana or hangul: see below
            mode, pattern, pos = "plain", _cjk_plain(), at
            continue
        rows.add(line)
        if end < 0:
            break
        pos = end + 1
        line += 1
    if mode != "western":  # CJK text: UTF-8 read as GBK among it, by its bytes
        rows |= _utf8_read_as_gbk(text)
        # ...and one CJK codec read as another, made of characters no Han text writes often
        # (not a line whose only oddity is a few variant forms among common characters:
        # machine conversion writes 爲 and 羣 in Traditional text, see plausibility.thin;
        # in Simplified text such forms are GBK read as Big5, ``已经湛善坋二万亩``)
        # Or, in Simplified text, two within a character of each other that GBK read as
        # Big5 makes of common characters, rare in every language (the short runs:
        # ``已经湛善坋二万亩``). Both found in one pass over the text (_rare_han).
        rare_rows = _rows(text, _rare_han()) - rows
        if rare_rows:
            split = text.split("\n")
            rows |= {i for i in rare_rows if _rare_han_in(split[i])}
    if mode != "plain":
        return rows
    if _HANGUL.search(text):  # GBK read as EUC-KR: hangul and hanja side by side
        rows |= _rows(text, _HANGUL_HAN())
    if _KANA.search(text):  # EUC-JP read as GBK keeps the kana and garbles the kanji
        lines = text.split("\n")
        rare_kanji = _rare_pair(frozenset(("ja",)))
        rows |= {
            i
            for i in _rows(text, _KANA_LINE())
            if suspicious(lines[i]) or rare_kanji.search(lines[i]) is not None
        }
    return rows


@lru_cache(maxsize=4)
def _rare_pair(langs: frozenset[str]) -> re.Pattern[str]:
    """Two Han characters in a line that text in each of ``langs`` rarely or never writes
    (:mod:`.frequency`): what one CJK codec read as another is made of (``跤控源嗣華`` for
    GBK read as Big5), and no line in those languages holds by chance."""
    rare = None
    for lang in langs:
        table = frequency.bands(lang, "".join(map(chr, range(0x4E00, 0xA000))))
        zero = {chr(0x4E00 + k) for k, band in enumerate(table) if band == "0"}
        rare = zero if rare is None else rare & zero
    body = ranges(rare or set())
    return re.compile(f"[{body}][^\n]*[{body}]")


_LANGS = frozenset(("zh", "zht", "ja"))


@lru_cache(maxsize=1)
def _gbk_as_big5_chars() -> frozenset[str]:
    """Common Simplified Chinese characters (band 2 and up) read as Big5, where what they
    read as is rare in every language (bands 0 and 1 of Chinese, Traditional Chinese and
    Japanese alike)."""
    han = "".join(map(chr, range(0x4E00, 0xA000)))
    images = set()
    for ch, band in zip(han, frequency.bands("zh", han), strict=True):
        if band < "2":
            continue
        try:
            images.add(ch.encode("gbk").decode("cp950"))
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
    return frozenset(images & _rare_chars("01"))


@lru_cache(maxsize=1)
def _gbk_as_big5() -> re.Pattern[str]:
    """Two of :func:`_gbk_as_big5_chars` at most one character apart."""
    body = ranges(set(_gbk_as_big5_chars()))
    return re.compile(f"[{body}][^\n]?[{body}]")


@lru_cache(maxsize=2)
def _rare_chars(bands: str) -> frozenset[str]:
    """The Han characters in ``bands`` of Chinese, Traditional Chinese and Japanese alike."""
    han = "".join(map(chr, range(0x4E00, 0xA000)))
    per = [frequency.bands(lang, han) for lang in sorted(_LANGS)]
    return frozenset(ch for k, ch in enumerate(han) if all(b[k] in bands for b in per))


@lru_cache(maxsize=1)
def _rare_han() -> re.Pattern[str]:
    """:func:`_rare_pair` and :func:`_gbk_as_big5` in one pattern, for one pass over a
    text: both start with a character of one class, which the engine skips to at C speed."""
    zero, images = _rare_chars("0"), _gbk_as_big5_chars()
    first, zero_body, image_body = (
        ranges(set(zero | images)),
        ranges(set(zero)),
        ranges(set(images)),
    )
    return re.compile(
        f"[{first}](?:(?<=[{zero_body}])[^\n]*[{zero_body}]|(?<=[{image_body}])[^\n]?[{image_body}])"
    )


def _rare_han_in(line: str) -> bool:
    """Does a line :func:`_rare_han` matches need a look: a rare pair in a line that is not
    :func:`thin`, or either kind of pair in Simplified text? (Both from the line's kept
    profile: a Traditional line of 爲 and 羣衆 costs no search.)"""
    if simplified(line):
        return _rare_pair(_LANGS).search(line) is not None or bool(_gbk_as_big5().search(line))
    return not thin(line) and _rare_pair(_LANGS).search(line) is not None


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
