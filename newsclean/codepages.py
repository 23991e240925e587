"""Telling readings of the same bytes apart: code page or CJK, and which code page.

:func:`newsclean.stages.encoding.plausibility.cost` knows CJK and Latin text; letters of other alphabets
(Greek, Cyrillic, Hebrew, Arabic, Thai) cost it 1–2 each, which is right for a line where
they are mojibake and wrong for a whole file in such a code page: a Hebrew file would read
"better" as cp1252 (``äîîùìä``). :func:`reading_cost` first lets every whole word written in
one such alphabet, with a consistent case (``мир``, ``Мир``, ``МИР``, not ``мИР``), cost what
an ASCII word costs; mojibake of those scripts mixes case or alphabets inside its words, and
each letter of such a run costs 2 more.

>>> from newsclean.stages.encoding.plausibility import cost
>>> hebrew = "הממשלה אישרה היום"
>>> latin = hebrew.encode("cp1255").decode("cp1252")
>>> cost(hebrew) > cost(latin), reading_cost(hebrew) < reading_cost(latin)
(True, True)
"""

from __future__ import annotations

import codecs
import re
from functools import lru_cache

#: The multi-byte CJK encodings tried as readings, the superset a browser uses first.
CJK = ("gb18030", "big5", "cp950", "cp932", "euc_jp", "cp949")
_MULTI_BYTE = frozenset(
    {*CJK, "gbk", "gb2312", "big5hkscs", "shift_jis", "shift_jis_2004", "shift_jisx0213"}
    | {"euc_jis_2004", "euc_jisx0213", "euc_kr", "johab", "hz"}
)
# Han, kana and hangul: what a CJK reading must be made of to count as one.
_CJK_CHARS = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff]")
# Runs of one alphabet: Greek, Cyrillic, Hebrew, Arabic, Thai (with their marks and digits).
_ALPHABET_RUN = re.compile(
    "[\u0370-\u03ff\u1f00-\u1fff]+|[\u0400-\u052f]+|[\u0590-\u05ff\ufb1d-\ufb4f]+"
    "|[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]+|[\u0e00-\u0e7f]+"
)


_LATIN_RUN = re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]+")
_MARKUP = re.compile(r"<[^<>\n]{0,2000}>|&#?\w{1,10};|https?://[\x21-\x7e]+")


@lru_cache(maxsize=256)
def single_byte(name: str) -> bool:
    """Is ``name`` a single-byte code page (or EBCDIC), where every byte is a character?

    >>> single_byte("cp1251"), single_byte("cp500"), single_byte("big5"), single_byte("utf-8")
    (True, True, False, False)
    """
    key = codecs.lookup(name).name.replace("-", "_")
    return not (key in _MULTI_BYTE or key.startswith(("utf", "iso2022")))


@lru_cache(maxsize=256)
def script(name: str) -> str:
    """The script of the letters a code page puts at 0xC0–0xFF (``CJK`` for a multi-byte
    encoding): two readings in one script differ in letters only a language model tells
    apart, two in different scripts in what :func:`reading_cost` sees.

    >>> script("cp1250"), script("iso8859-2"), script("koi8-r"), script("cp1256"), script("big5")
    ('LATIN', 'LATIN', 'CYRILLIC', 'ARABIC', 'CJK')
    """
    if not single_byte(name):
        return "CJK"
    import unicodedata

    counts: dict[str, int] = {}
    for char in bytes(range(0xC0, 0x100)).decode(name, errors="replace"):
        if char.isalpha():
            first = unicodedata.name(char, "?").split()[0]
            counts[first] = counts.get(first, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else "?"


@lru_cache(maxsize=256)
def ebcdic(name: str) -> bool:
    """Does ``name`` read bytes as EBCDIC (0x40 a space, 0xC1 an ``A``)?

    >>> ebcdic("cp500"), ebcdic("cp1252")
    (True, False)
    """
    return b"\x40\xc1".decode(name, errors="replace") == " A"


def cjk_reading(data: bytes, sample: int) -> str | None:
    """The first multi-byte CJK encoding that reads ``data`` strictly as plausible CJK text:
    at least two CJK characters in the first ``sample`` characters, and a cost of at most one
    for every ten of them.

    >>> cjk_reading("繁體中文".encode("big5"), 100), cjk_reading(b"plain", 100)
    ('big5', None)
    """
    for name in CJK:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if plausible_cjk(text[:sample]):
            return name
    return None


def plausible_cjk(text: str) -> bool:
    """Is ``text`` CJK as people write it: at least two CJK characters, and a cost of at most
    one for every ten of them?

    >>> plausible_cjk("繁體中文"), plausible_cjk("przysz造"), plausible_cjk("烹腌黹贶 汶筢")
    (True, False, False)
    """
    from .stages.encoding.plausibility import cost

    cjk = cjk_count(text)
    return cjk >= 2 and 10 * cost(text) <= cjk


def cjk_count(text: str) -> int:
    """How many kana, Han and hangul characters ``text`` holds."""
    return len(_CJK_CHARS.findall(text))


def few_lost(lost: int, size: int) -> bool:
    """Are ``lost`` undecodable bytes of ``size`` few enough for a lossy reading to compete
    with the strict ones (a page cut inside a character, a byte lost in transit)?

    >>> few_lost(3, 10), few_lost(5, 1000), few_lost(20, 1000)
    (True, True, False)
    """
    return lost <= 3 or lost * 100 <= size


def reads_as_cjk(text: str, per: int) -> bool:
    """Does ``text`` read as CJK text: at least two CJK characters, and a reading cost
    (:func:`reading_cost`: markup left out) of at most one for every ``per`` of them? For a
    reading that lost a few bytes, or that a page's icons and rare names make cost some.

    >>> reads_as_cjk("<p>国务院总理主持召开会议</p>", 4), reads_as_cjk("ХвІҝҙуЦЖ", 4)
    (True, False)
    """
    n = cjk_count(text)
    return n >= 2 and per * reading_cost(text) <= n


def has_words(text: str) -> bool:
    """Does ``text`` hold a word of three letters or more of an alphabet other than Latin
    (Greek, Cyrillic, Hebrew, Arabic, Thai)? A code page of such an alphabet that makes one
    letter of a file's only byte beyond ASCII (``£`` read as ``Ј``) has no word to show for it.

    >>> has_words("Price: Ј100"), has_words("passwd - файл паролей")
    (False, True)
    """
    return any(len(run) >= 3 for run in _ALPHABET_RUN.findall(text))


def reading_cost(text: str, latin: bool = False, cjk_words: bool = False) -> int:
    """:func:`newsclean.stages.encoding.plausibility.cost` of ``text`` line by line (its rules are about
    lines: a Chinese headline in an English page is not CJK strayed into Western text), with
    markup left out (tags and URLs are ASCII, the same in every reading) and whole words of
    one alphabet free.

    ``latin=True`` frees well-formed Latin words too, to compare Latin code pages with each
    other only: ``cost`` finds Latin-1 letters next to each other suspicious (``ÖÐÎÄ`` is GBK
    read as Latin-1), so by it cp1252's ``teisingà`` reads better than cp1257's ``teisingą``.

    >>> reading_cost('<a href="/x" class="white">搜狐在线</a>'), reading_cost("Ελληνικά")
    (0, 0)
    >>> reading_cost("płynął żółw", latin=True), reading_cost("pĹ‚ynÄ…Ĺ‚", latin=True) > 0
    (0, True)

    ``cjk_words=True`` frees a line's CJK from counting as strayed into Western text
    (:func:`~newsclean.stages.encoding.plausibility.stray_cost`) where each run of it is a
    word of two characters or more, apart from any letter or digit: a manual page's
    ``gpasswd [选项] group`` is Chinese in an English line, as its bytes decode, not GBK read
    as something else (``h枚here`` is: one character, inside a word).

    >>> reading_cost("gpasswd [选项] group") > 0, reading_cost("gpasswd [选项] group", cjk_words=True)
    (True, 0)
    >>> reading_cost("Die h枚here Miete", cjk_words=True) > 0
    True
    """
    from .stages.encoding.plausibility import cost, stray_cost

    if text.isascii():
        return cost(text)
    text = _MARKUP.sub("\n", text)
    malformed: list[int] = []
    text = _ALPHABET_RUN.sub(lambda m: _as_word(m, text, malformed), text)
    if latin:
        text = _LATIN_RUN.sub(lambda m: _as_word(m, text, malformed), text)
    total = 2 * sum(malformed)
    for line in text.split("\n"):
        line_cost = cost(line)
        if cjk_words and line_cost and cjk_words_only(line):
            line_cost -= stray_cost(line)
        total += line_cost
    return total


#: A run of CJK text: Han, kana, hangul, and the punctuation between them.
_CJK_RUN = re.compile(
    "[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff\uff01-\uff65]+"
)


def cjk_words_only(line: str) -> bool:
    """Is every run of CJK in ``line`` a word of its own: no letter touching it, and two
    characters or more, or one after or before a number (``30日``, ``3月``: dates and counts
    are written so)?

    >>> cjk_words_only("[<索引文件>] 1996年10月30日"), cjk_words_only("h枚here"), cjk_words_only("a 中 b")
    (True, False, False)
    """
    runs = list(_CJK_RUN.finditer(line))
    return bool(runs) and all(_a_word(line, m.start(), m.end()) for m in runs)


def _a_word(line: str, start: int, end: int) -> bool:
    before = line[start - 1] if start else ""
    after = line[end] if end < len(line) else ""
    if before.isalpha() or after.isalpha():
        return False
    return cjk_count(line[start:end]) >= 2 or before.isdigit() or after.isdigit()


def _as_word(match: re.Match[str], text: str, malformed: list[int]) -> str:
    """A well-formed word as ASCII letters; the length of any other run counted."""
    word = match.group()
    if word.isascii():
        return word
    start, end = match.span()
    glued = (start and text[start - 1].isalpha()) or (end < len(text) and text[end].isalpha())
    cased = word.replace("ß", "")  # no capital in use: ``GRÖßE`` is a capitalised word
    if not glued and cased in (cased.lower(), cased.upper(), cased.capitalize()):
        return "x" * len(word)
    malformed.append(len(word))  # mixed case or glued to another alphabet: mojibake's mark
    return word
