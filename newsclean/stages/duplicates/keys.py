"""Screen keys: every line's comparison key at C speed, coarse enough to be safe.

:func:`~.fold.fold_keys` folds exactly (OpenCC for script, ``str.lower``, a regex for
punctuation width): too slow to run on every line of every document. A screen key folds the
same things with one table lookup per character, done by C code over the whole document:

* text in Latin-1 (most English): ``bytes.translate`` lowercases and deletes whitespace. The
  screen key *is* the exact key.
* other text of the Basic Multilingual Plane: a numpy lookup through one table that folds
  width, case and script together, then drops whitespace. Script is folded by character
  classes (every character with the characters OpenCC's ``t2s`` may turn it into, in any
  phrase), so two lines with equal exact keys always have equal screen keys, and a screen key
  is the exact key with some characters replaced, one for one (Simplified 干 and Traditional
  乾 and 幹 share a class).
* anything else (characters beyond the BMP, ``İ``): the exact keys.

So equal exact keys imply equal screen keys; the converse is checked where it matters (see
:func:`exact_classes`). And similarity can only grow from exact keys to screen keys (a
one-for-one replacement keeps every common subsequence), so a pair the screen keys rule out
is ruled out.

>>> screen_keys(["The  Council, today", "the council，today"])
['thecouncil,today', 'thecouncil,today']
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from ...chars import WIDTH_FOLD
from ...model import BLOCK_CHARS, blocks
from .fold import fold_keys

_LATIN1_WS = bytes(i for i in range(256) if chr(i).isspace() and i != 10)
_LATIN1_LOWER = bytes(ord(chr(i).lower()) for i in range(256))

#: Pairs of characters that OpenCC's ``t2s`` maps onto each other only inside a phrase (its
#: TSPhrases dictionary), never alone: 瞭解 → 了解 though 瞭 stays 瞭. Taken from OpenCC 1.1
#: (``opencc_dict -i TSPhrases.ocd2 -o - -f ocd2 -t text``, the characters that differ in a
#: phrase and do not already convert alike one by one). Any pair added here only makes
#: screen keys coarser, never wrong.
PHRASE_PAIRS = (
    "么幺 俱具 像象 哩里 坏坯 彷仿 沈沉 甦苏 畫划 瞭了 藉借 衹只 覆复 逕迳 鉅钜 鍊链 鍾锺"
)
_HAN_RANGES = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))


def _find(parent: dict[int, int], c: int) -> int:
    while parent.get(c, c) != c:
        c = parent[c]
    return c


@lru_cache(maxsize=1)
def _script_classes() -> dict[int, int]:
    """Han code point -> smallest code point of its class (only for classes of 2 or more)."""
    from ..script import convert

    chars = [chr(cp) for lo, hi in _HAN_RANGES for cp in range(lo, hi)]
    pairs = [
        (a, b) for a, b in zip(chars, convert("\n".join(chars), "t2s").split("\n"), strict=True)
    ]
    pairs += [(p[0], p[1]) for p in PHRASE_PAIRS.split()]
    parent: dict[int, int] = {}
    for a, b in pairs:
        if len(b) != 1 or a == b or ord(b) > 0xFFFF:
            continue
        ra, rb = _find(parent, ord(a)), _find(parent, ord(b))
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {c: _find(parent, c) for c in list(parent)} | {
        r: r for r in {_find(parent, c) for c in parent}
    }


#: What a whitespace character folds to before it is dropped (a noncharacter: a text that holds
#: it takes the exact path).
_GONE = 0xFFFF


@lru_cache(maxsize=1)
def _bmp_table() -> Any:
    """Code point -> folded code point over the BMP: script class, then width, then case;
    whitespace (but the line break) -> ``_GONE``."""
    import numpy as np

    table = np.arange(0x10000, dtype=np.uint16)
    for cp, rep in _script_classes().items():
        table[cp] = rep
    for cp, out in WIDTH_FOLD.items():
        table[cp] = ord(out)
    for cp in range(0x10000):
        if not 0xD800 <= cp < 0xE000:
            low = chr(int(table[cp])).lower()
            table[cp] = _GONE if low.isspace() and low != "\n" else ord(low[0])
    table[ord("ς")] = ord("σ")  # str.lower() picks the final form of sigma by context
    return table


def screen_keys(lines: Sequence[str]) -> list[str]:
    """A screen key for every line (see the module's docstring), in a few C passes (a run
    of lines at a time, so that a huge document needs no more than a run's working copies)."""
    return [key for block in blocks(lines, BLOCK_CHARS) for key in _screen_keys(block)]


def _screen_keys(lines: Sequence[str]) -> list[str]:
    text = "\n".join(lines)
    try:
        data = text.encode("latin-1")
    except UnicodeEncodeError:
        pass
    else:
        keys = data.translate(_LATIN1_LOWER, _LATIN1_WS).decode("latin-1").split("\n")
        return keys if len(keys) == len(lines) else fold_keys(lines)
    data = text.encode("utf-16-le", "surrogatepass")
    if len(data) != 2 * len(text) or "\u0130" in text or "\uffff" in text:
        return fold_keys(lines)  # beyond the BMP, İ (lowercased to two characters), U+FFFF
    import numpy as np

    codes = np.take(_bmp_table(), np.frombuffer(data, dtype=np.uint16))
    kept = codes[codes != _GONE]
    folded: str = kept.tobytes().decode("utf-16-le", "surrogatepass")
    keys = folded.split("\n")
    if len(folded) != kept.size or len(keys) != len(lines):  # lone surrogates that paired up
        return fold_keys(lines)
    return keys
