"""Comparison keys: the text with everything folded away that later stages (or sites) vary.

``duplicates`` runs before ``script`` and ``punctuation``, so its decisions must read the same
on their output: punctuation width, whitespace, case and script (会/會) are folded away before
anything is compared. The cross-document step folds documents the same way (in numpy:
:func:`newsclean.corpus.minhash.fold_codepoints`; a test keeps the two in step).

Everything here works on a whole document at once (one regex pass, one OpenCC call and only
when Traditional characters are present): per-line Python work is the slow part of this stage.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ...chars import WIDTH_FOLD
from ..script import fold_script

_WIDTH_MAP = {chr(cp): out for cp, out in WIDTH_FOLD.items()}
_WIDTH_RE = re.compile("[" + re.escape("".join(_WIDTH_MAP)) + "]")

#: Length of the character n-grams that find candidate copies: an n-gram that starts with a
#: wide (CJK) character has GRAM characters, one that starts with a narrow one (Latin, digits)
#: WORD_GRAM, about as much text (a Latin 4-gram is a common piece of a word).
GRAM = 4
WORD_GRAM = 8
#: One code point in ANCHOR_MOD starts an indexed n-gram: chosen by content, so every copy of a
#: passage indexes the same n-grams wherever it stands, and the choice never depends on
#: ``hash()`` (which changes from process to process).
ANCHOR_MOD = 6
#: Keys shorter than this are indexed by every n-gram: anchors are too few in a short line.
DENSE_LEN = 64
#: A long key is also indexed by the n-grams of its beginning, where a caption that shortens
#: it (its first sentence) starts.
PREFIX_GRAMS = 6


def _width(m: re.Match[str]) -> str:
    return _WIDTH_MAP[m.group()]


def fold_text(text: str) -> str:
    """Fold punctuation width, case and script of a whole text; whitespace is kept.

    >>> fold_text("1月4日，焦作市會議 In Jiaozuo")
    '1月4日,焦作市会议 in jiaozuo'
    """
    return _WIDTH_RE.sub(_width, fold_script(text)).lower()


def fold_key(line: str) -> str:
    """The comparison key of one line: folded, with all whitespace removed.

    >>> fold_key("1月4日, 焦作") == fold_key("1月4日，焦作") == fold_key("1月4日，焦 作")
    True
    """
    return "".join(fold_text(line).split())


def fold_keys(lines: Sequence[str]) -> list[str]:
    """Keys for every line (see :func:`fold_key`), computed for the whole document at once."""
    folded = fold_text("\n".join(lines)).split("\n")
    if len(folded) != len(lines):  # a line holding "\n" (never from Doc.from_text)
        return [fold_key(line) for line in lines]
    return ["".join(line.split()) for line in folded]


_NARROW = "\x00-\u2e7f"


@lru_cache(maxsize=2)
def _pattern(anchored: bool) -> re.Pattern[str]:
    """n-grams at every position (or at anchors only): GRAM characters from a wide character,
    WORD_GRAM from a narrow one; none cut short by the end of the text."""
    if anchored:
        # Surrogates are left out: they cannot stand in a pattern (lone ones still match ".").
        wide = re.escape(
            "".join(
                chr(cp) for cp in range(0x2E80, 0x10000, ANCHOR_MOD) if not 0xD800 <= cp < 0xE000
            )
        )
        narrow = re.escape("".join(chr(cp) for cp in range(0x30, 0x2E80, ANCHOR_MOD)))
    else:
        wide, narrow = f"^{_NARROW}", _NARROW
    return re.compile(f"(?=([{wide}].{{{GRAM - 1}}}|[{narrow}].{{{WORD_GRAM - 1}}}))", re.DOTALL)


def sampled_grams(key: str) -> list[str]:
    """The n-grams ``key`` is indexed and looked up by, first occurrence first.

    A short key gives all its n-grams; a long one the n-grams that start at an anchor
    character, and those of its beginning. Two copies of a passage share these n-grams except
    next to an edit, so a handful of them find the candidates for a near copy without
    comparing against every paragraph; a short passage contained in a long one shares those
    at its anchors (or at the beginning, for a caption).

    >>> sampled_grams("一二三四五六")
    ['一二三四', '二三四五', '三四五六']
    >>> sampled_grams("x" * 100) == ["x" * WORD_GRAM]
    True
    """
    if len(key) < DENSE_LEN:
        found = _pattern(False).findall(key)
    else:
        head = _pattern(False).findall(key[: PREFIX_GRAMS + WORD_GRAM - 1])[:PREFIX_GRAMS]
        found = head + _pattern(True).findall(key)
    return list(dict.fromkeys(found)) or [key]


def anchored_grams(key: str) -> frozenset[str]:
    """The anchored n-grams of a (short) key: those a longer text that contains it has too.

    >>> sorted(anchored_grams("一二三四五六七八九十")) == sorted(
    ...     g for g in sampled_grams("一二三四五六七八九十") if ord(g[0]) % ANCHOR_MOD == 0)
    True
    """
    return frozenset(_pattern(True).findall(key))
