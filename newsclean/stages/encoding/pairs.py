"""Which two characters side by side are a word, or part of one, in each CJK language.

Single-character frequencies (:mod:`.frequency`) cannot tell a short run of one CJK codec read
as another from correct text when the misread characters are common ones themselves: GBK read
as Big5 turns 达到十 into 湛善坋, and 湛 and 善 are ordinary Chinese. Pairs can: 达到 and 十二
are words, 湛善 and 善坋 are nothing.

The pairs come from jieba's dictionary (MIT; ``jieba/dict.txt``: some 350,000 Simplified
Chinese words with their counts in a large corpus): the adjacent pairs of Han characters
inside its words, with the words' counts summed, those counted at least :data:`FLOOR` times.
Traditional Chinese has the same words converted by OpenCC (``s2t``). Japanese has the
Traditional ones in Japanese forms (``t2jp``: the Sino-Japanese compounds it shares with
Chinese, 発表, 開館) and the pairs with a kanji in them in the surface forms of MeCab's
IPADIC (as janome ships it, Apache-2.0 with IPADIC's licence; words of cost at most
:data:`IPADIC_COST`, inflected forms too: 欠航, 開か, 始め). ``newsclean/data/charpairs.txt``
holds them; ``python -m newsclean.stages.encoding.pairs`` regenerates it where jieba and
janome are installed (a test checks the two agree).

>>> known("zh", "达到"), known("zh", "湛善"), known("zht", "發表"), known("ja", "発表")
(True, False, True, True)
>>> count("zh", "已经达到十二万"), count("zh", "已经湛善坋二万")
(4, 2)
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from pathlib import Path

_DATA = "charpairs.txt"
#: A pair is kept if the words holding it are counted this often together in jieba's corpus.
FLOOR = 30
#: IPADIC's words up to this cost (MeCab's: lower is commoner; seven in ten are under it).
IPADIC_COST = 7000
LANGS = ("zh", "zht", "ja")
_HAN_WORD = re.compile("^[\u4e00-\u9fff]{2,}$")
_HAN = re.compile("[\u4e00-\u9fff]")


def build(dictionary: Path | None = None) -> dict[str, list[str]]:
    """Each language's pairs, sorted, from jieba's dictionary (``dictionary``: its path)
    and, for Japanese, janome's IPADIC."""
    import opencc

    if dictionary is None:
        import jieba

        dictionary = Path(jieba.__file__).with_name("dict.txt")
    words: Counter[str] = Counter()
    for row in dictionary.read_text("utf-8").splitlines():
        word, freq = row.split(" ")[:2]
        if _HAN_WORD.match(word):
            words[word] += int(freq)
    simple = sorted(words)
    traditional = opencc.OpenCC("s2t.json").convert("\n".join(simple)).split("\n")
    japanese = opencc.OpenCC("t2jp.json").convert("\n".join(traditional)).split("\n")
    out: dict[str, list[str]] = {}
    for lang, forms in (("zh", simple), ("zht", traditional), ("ja", japanese)):
        counts: Counter[str] = Counter()
        for word, form in zip(simple, forms, strict=True):
            if len(form) != len(word):
                continue
            for a, b in pairwise(form):
                counts[a + b] += words[word]
        out[lang] = sorted(pair for pair, n in counts.items() if n >= FLOOR)
    out["ja"] = sorted(set(out["ja"]) | _ipadic_pairs())
    return out


def _ipadic_pairs() -> set[str]:
    """The pairs with a kanji in them in the surface forms of IPADIC's words of cost at most
    :data:`IPADIC_COST`, from janome's system dictionary."""
    import importlib

    out: set[str] = set()
    for k in range(10):
        entries = importlib.import_module(f"janome.sysdic.entries_compact{k}").DATA
        for surface, _, _, word_cost in entries.values():
            if word_cost > IPADIC_COST or not _HAN.search(surface):
                continue
            for a, b in pairwise(surface):
                if _HAN.match(a) or _HAN.match(b):
                    out.add(a + b)
    return out


def read() -> dict[str, list[str]]:
    """The pairs as the data file holds them: a ``[lang]`` line, then 64 pairs a row."""
    out: dict[str, list[str]] = {}
    lang = ""
    text = resources.files("newsclean.data").joinpath(_DATA).read_text("utf-8")
    for row in text.splitlines():
        if row.startswith("#") or not row:
            continue
        if row.startswith("["):
            lang = row.strip("[]")
            out[lang] = []
            continue
        out[lang] += [row[k : k + 2] for k in range(0, len(row), 2)]
    return out


class Pairs:
    """A language's pairs, kept as the second characters of each first one in a string
    (a set of 120,000 two-character strings costs some 12 MB; this, under 2)."""

    __slots__ = ("_after",)

    def __init__(self, joined: str) -> None:
        """``joined``: the pairs, sorted, one after the other."""
        firsts, seconds = joined[0::2], joined[1::2]
        after: dict[str, str] = {}
        start = 0
        for k in range(1, len(firsts) + 1):
            if k == len(firsts) or firsts[k] != firsts[start]:
                after[firsts[start]] = seconds[start:k]
                start = k
        self._after = after

    def __contains__(self, pair: object) -> bool:
        if not isinstance(pair, str) or len(pair) != 2:
            return False
        return pair[1] in self._after.get(pair[0], "")

    def __bool__(self) -> bool:
        return bool(self._after)


@lru_cache(maxsize=1)
def _tables() -> dict[str, Pairs]:
    rows: dict[str, list[str]] = {}
    lang = ""
    text = resources.files("newsclean.data").joinpath(_DATA).read_text("utf-8")
    for row in text.splitlines():
        if row.startswith("["):
            lang = row.strip("[]")
        elif row and not row.startswith("#"):
            rows.setdefault(lang, []).append(row)
    return {lang: Pairs("".join(joined)) for lang, joined in rows.items()}


def table(lang: str) -> Pairs:
    """The pairs of ``lang`` (``zh``, ``zht``, ``ja``; empty for another)."""
    return _tables().get(lang, _NONE)


_NONE = Pairs("")


def known(lang: str, pair: str) -> bool:
    """Is ``pair`` (two characters) a word or part of one in ``lang``?"""
    return pair in table(lang)


def count(lang: str, text: str) -> int:
    """How many of the adjacent pairs of characters in ``text`` ``lang`` knows."""
    pairs = table(lang)
    return sum(text[k : k + 2] in pairs for k in range(len(text) - 1))


def write(path: Path) -> None:
    """Write the data file (64 pairs a row, so diffs stay readable)."""
    parts = [
        "# Pairs of characters inside words, per language (see pairs.py): from jieba's\n"
        "# dictionary (MIT, Copyright (c) 2013 Sun Junyi), Traditional and Japanese forms by\n"
        "# OpenCC; Japanese also from MeCab's IPADIC as janome ships it (IPADIC: Copyright\n"
        "# 2000-2007 Nara Institute of Science and Technology, redistribution permitted with\n"
        "# this notice; janome: Apache-2.0). Regenerate with\n"
        "# `python -m newsclean.stages.encoding.pairs`; do not edit."
    ]
    for lang, pairs in build().items():
        rows = ["".join(pairs[k : k + 64]) for k in range(0, len(pairs), 64)]
        parts.append(f"# {len(pairs)} pairs\n[{lang}]\n" + "\n".join(rows))
    path.write_text("\n\n".join(parts) + "\n", "utf-8")


if __name__ == "__main__":
    write(Path(__file__).parents[2] / "data" / _DATA)
