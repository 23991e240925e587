"""How plausible a piece of text is as something a person wrote: a cost, lower is better.

No corpus: the cost is built from the character levels of the encoding standards
(:mod:`newsclean.tiers`) and a few facts about how real text is put together. Common characters
cost nothing: ASCII, the first-level hanzi of GB 2312, Big5 and JIS, KS X 1001 hangul, kana, CJK
and general punctuation, Latin-1 letters. Second-level ideographs and less common symbols cost
1, other characters 2, and what no text holds on purpose (private-use characters, C1 controls,
U+FFFD, surrogates) 4. On top of that:

* two Latin-1 characters side by side (``ÖÐÎÄ``) cost 2: real Western text puts an accented
  letter between ASCII ones;
* CJK wedged inside a Latin word (``d茅clar茅``), a symbol touching one (``┨berflutet``),
  or a capital Latin-1 letter after a small one (``erÀ[ffnet``), costs 3;
* a line keeps to one script: with kana, every Han character outside JIS X 0208 costs 2; with
  hangul, every Han character costs 1; otherwise every Han character outside GB 2312 (or
  outside Big5, whichever fits the line better) costs 1, and so does a space between two Han
  characters (Chinese is not spaced, Korean is).

Mojibake is made of the expensive characters and mixes scripts, so the right repair costs far
less than the text it replaces; clean text costs little, so nothing beats leaving it alone.

>>> cost("中文"), cost("國務院"), cost("東京都は今日"), cost("Déjà vu, l’été dernier")
(0, 0, 0, 0)
>>> cost("ÖÐÎÄ"), cost("鍏ㄩ儴"), cost("d茅clar茅")
(6, 4, 3)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .tiers import tiers

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
KANA = "\u3041-\u3096\u309d\u309e\u30a1-\u30fa\u30fd\u30fe"
HANGUL = "\uac00-\ud7a3"
#: What a single-byte reading of the bytes 0x80–0xFF produces (Latin-1 and cp1252's extras).
LATIN1_LIKE = (
    "\x80-\xff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014"
    "\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
)

# Cost 0 besides the first levels: ASCII, Latin-1 letters and the marks French and German
# need, the punctuation CJK and Western prose use, fullwidth digits and marks, kana.
FREE = (
    "\t\x20-\x7e\xa0\xab\xb0\xb7\xbb\xc0-\xd6\xd8-\xf6\xf8-\xff\u0152\u0153\u2010-\u2027"
    "\u2030\u2032\u2033\u2039\u203a\u20ac\u2122\u2103\u3000-\u3003\u3005-\u3011\u3014-\u301f"
    "\u30fb\u30fc\uff01-\uff20\uff3b-\uff40\uff5b-\uff5e\uffe5" + KANA
)
# Cost 1: real but less common. Symbols, Latin Extended letters, Greek, Cyrillic, fullwidth
# Latin letters.
_RARE = (
    "\xa1-\xbf\xd7\xf7\u0100-\u024f\u0370-\u03ff\u0400-\u04ff\u1e00-\u1eff\u2028-\u2031"
    "\u2034-\u205e\u2070-\u209f\u20a0-\u20bf\u2100-\u214f\u2150-\u218f\u2190-\u21ff"
    "\u2200-\u22ff\u2460-\u24ff\u25a0-\u25ff\u2600-\u26ff\u3004\u3012\u3013\u3020-\u303f"
    "\u3099-\u309c\u309f\u30a0\u30ff\u3190-\u319f\u3220-\u32ff\u3300-\u33ff\uff21-\uff3a"
    "\uff41-\uff5a\uffe0-\uffe6"
    "\U0001f000-\U0001faff"
)
# Cost 4: never written on purpose. C1 controls, private use, U+FFFD, surrogates, specials.
_NEVER = "\x80-\x9f\ud800-\udfff\ue000-\uf8ff\ufff0-\uffff\U000f0000-\U0010ffff"
# What has no place inside a Latin word: enclosed forms, box drawing, shapes, CJK, hangul.
_FOREIGN = "\u2460-\u27ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff61-\uff9f"
# ...and what cannot even touch one: enclosed forms, box drawing, CJK symbols, halfwidth kana.
_SYMBOLS = "\u2460-\u27ff\u3200-\u33ff\uff61-\uff9f"
# Latin-1 characters that may not stand next to another one (no-break space may: « oui »),
# nor next to one of the cp1252 extras that are not punctuation prose uses (l’été, „Über“).
_PAIRED = "\x80-\x9f\xa1-\xff"
_PARTNERS = (
    _PAIRED
    + "\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u201a\u2020\u2021\u2022\u2030\u20ac\u2122"
)


def _cls(chars: str) -> str:
    """``chars`` made safe inside a regex character class."""
    return "".join("\\" + c if c in "\\]^-[" else c for c in chars)


@dataclass(frozen=True, slots=True)
class _Patterns:
    free: re.Pattern[str]
    rare: re.Pattern[str]
    never: re.Pattern[str]
    latin_pair: re.Pattern[str]
    sandwich: re.Pattern[str]
    kana: re.Pattern[str]
    hangul: re.Pattern[str]
    han: re.Pattern[str]
    not_jis: re.Pattern[str]
    not_gb: re.Pattern[str]
    not_big5: re.Pattern[str]
    spaced_han: re.Pattern[str]
    cjk: re.Pattern[str]
    letters: re.Pattern[str]


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    t = tiers()
    common = t.gb2312_1 + t.big5_common + t.jis_1 + t.ks_hangul
    less = t.gb2312_2 + t.big5_less + t.jis_2 + t.ks_hanja

    def missing(chars: str) -> re.Pattern[str]:
        return re.compile(f"(?![{_cls(chars)}])[{HAN}]")

    return _Patterns(
        free=re.compile(f"[{FREE}{_cls(common)}]"),
        rare=re.compile(f"(?![{FREE}{_cls(common)}])[{_RARE}{_cls(less)}]"),
        never=re.compile(f"[{_NEVER}]"),
        latin_pair=re.compile(f"[{_PAIRED}](?=[{_PARTNERS}])|[{_PARTNERS}](?=[{_PAIRED}])"),
        sandwich=re.compile(
            f"(?<=[A-Za-z])[{_FOREIGN}](?=[A-Za-z])|(?<=[a-z\xdf-\xff])[\xc0-\xde]"
            f"|(?<=[A-Za-z])[{_SYMBOLS}]|[{_SYMBOLS}](?=[A-Za-z])"
        ),
        kana=re.compile(f"[{KANA}]"),
        hangul=re.compile(f"[{HANGUL}]"),
        han=re.compile(f"[{HAN}]"),
        not_jis=missing(t.jis_1 + t.jis_2),
        not_gb=missing(t.gb2312_1 + t.gb2312_2),
        not_big5=missing(t.big5_common + t.big5_less),
        spaced_han=re.compile(f"(?<=[{HAN}]) (?=[{HAN}])"),
        cjk=re.compile(f"[{HAN}{KANA}{HANGUL}]"),
        letters=_LETTERS,
    )


@lru_cache(maxsize=1)
def suspicion_pattern() -> re.Pattern[str]:
    """Matches where :func:`cost` can be more than 0: a character that costs, two Latin-1
    characters side by side, or a space between Han characters."""
    t = tiers()
    common = t.gb2312_1 + t.big5_common + t.jis_1 + t.ks_hangul
    return re.compile(
        f"[^{FREE}{_cls(common)}]|{_patterns().latin_pair.pattern}|{_patterns().spaced_han.pattern}"
    )


def _count(pattern: re.Pattern[str], text: str) -> int:
    return len(pattern.findall(text))


def cost(text: str) -> int:
    """The implausibility of ``text``: 0 for ordinary prose, high for mojibake."""
    p = _patterns()
    free = _count(p.free, text)
    rare = _count(p.rare, text)
    never = _count(p.never, text)
    total = rare + 2 * (len(text) - free - rare - never) + 4 * never
    total += 2 * _count(p.latin_pair, text) + 3 * _count(p.sandwich, text)
    cjk = _count(p.cjk, text)
    if not cjk:
        return total
    letters = len(p.letters.findall(text))
    if letters >= 12 and 4 * cjk < letters:  # a stray CJK character in Western text
        total += 3 * cjk
    if not p.han.search(text):
        return total
    if p.kana.search(text):
        return total + 2 * _count(p.not_jis, text)
    if p.hangul.search(text):
        return total + _count(p.han, text)
    script = min(_count(p.not_gb, text), _count(p.not_big5, text))
    return total + script + _count(p.spaced_han, text)


_LETTERS = re.compile(r"[A-Za-z\xc0-\xff]")
_CJK_CHARS = re.compile(
    f"[{HAN}{KANA}{HANGUL}\u3000-\u303f\u30fb\u30fc\uff01-\uff5e\u2018\u2019\u201c\u201d\u2026\u2014]"
)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_HAS_CJK = re.compile(f"[{HAN}{KANA}{HANGUL}]")


def has_cjk(text: str) -> bool:
    """Does ``text`` hold a Han, kana or hangul character?"""
    return _HAS_CJK.search(text) is not None


def is_cjk_dominant(text: str) -> bool:
    """Is ``text`` CJK where it is not ASCII (two thirds at least), and not mostly Latin?

    >>> is_cjk_dominant("据Reuters报道"), is_cjk_dominant("Müller")
    (True, False)
    >>> is_cjk_dominant("Die Gewerkschaft fordert h念狄here L念狄hne")
    False
    """
    wide = len(_NON_ASCII.findall(text))
    cjk = len(_CJK_CHARS.findall(text))
    return wide > 0 and 3 * cjk >= 2 * wide and 4 * cjk >= len(_LETTERS.findall(text))
