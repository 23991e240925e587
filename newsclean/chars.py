"""Character classes and folding tables shared by the stages (regex fragments, built once).

The fragments are strings so that stages can combine them into their own compiled patterns.
"""

from __future__ import annotations

import re

#: Han ideographs: URO, extension A, compatibility ideographs, and the supplementary planes.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
#: Kana and hangul: scripts written without spaces, measured in characters like Han.
KANA_HANGUL = "\u3040-\u30ff\u31f0-\u31ff\uac00-\ud7af\u1100-\u11ff\u3130-\u318f"
#: All characters counted one by one (not by words) when measuring length.
CJK = HAN + KANA_HANGUL
#: CJK symbols and punctuation, and the fullwidth/halfwidth forms block.
CJK_PUNCT = "\u3000-\u303f\uff00-\uffef\ufe10-\ufe1f\ufe30-\ufe4f"

#: Characters that are not text: zero-width space, word joiner, soft hyphen, C0 controls (but
#: tab and newline) and DEL. Zero-width (non-)joiners are text: emoji and Persian need them.
INVISIBLE = "\u200b\u2060\u00ad\x00-\x08\x0b-\x1f\x7f"
INVISIBLE_RE = re.compile(f"[{INVISIBLE}]+")

#: Vowels that carry a pinyin tone mark (and ü). A syllable with one of these is pinyin, not English.
TONE_VOWELS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
PINYIN_LETTERS = "a-zü" + TONE_VOWELS
#: One pinyin syllable that carries a tone mark, e.g. ``huì``, ``chuàng``, ``lǘ``.
PINYIN_SYLLABLE = f"[a-zü]{{0,5}}[{TONE_VOWELS}][{PINYIN_LETTERS}]{{0,4}}"

HAN_RE = re.compile(f"[{HAN}]")
CJK_RE = re.compile(f"[{CJK}]")
_WORD_RE = re.compile(rf"[^\W{CJK}]+")

#: Fullwidth punctuation (and the ideographic space) folded to ASCII, for comparing text
#: whatever width its punctuation has. Fullwidth letters and digits fold too.
WIDTH_FOLD: dict[int, str] = {cp: chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F)}
WIDTH_FOLD.update(
    {
        0x3000: " ",
        0x3001: ",",  # 、
        0x3002: ".",  # 。
        0xFF61: ".",
        0x201C: '"',
        0x201D: '"',
        0x2018: "'",
        0x2019: "'",
        0x300C: '"',  # 「」『』 fold like quotes
        0x300D: '"',
        0x300E: '"',
        0x300F: '"',
        0x3010: "[",  # 【】
        0x3011: "]",
        0x300A: "<",  # 《》
        0x300B: ">",
    }
)


def units(text: str) -> int:
    """Length as a reader feels it: a CJK character counts one, a word of any other script two
    (an English word carries about as much as two Chinese characters).

    Thresholds are then the same for Chinese and English: 20 units is 20 hanzi or 10 words.

    >>> units("新华社北京电"), units("Share this article"), units("IT之家 报道")
    (6, 6, 6)
    """
    return len(CJK_RE.findall(text)) + 2 * len(_WORD_RE.findall(text))
