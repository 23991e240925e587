"""MinHash signatures of whole documents, vectorised with numpy, and the LSH banding over them.

A document's shingles are character 5-grams when it is Han text and word 3-grams otherwise,
taken from the text folded like the ``duplicates`` stage folds it (punctuation width, case,
script): a syndicated copy with ``,`` for ``，`` or in Traditional script has the same shingles.

The signature is a one-permutation MinHash (Li, Owen & Zhang 2012, with the rotation
densification of Shrivastava & Li 2014): each shingle is hashed once, with a fixed 64-bit mix
(never ``hash()``, which changes from process to process: signatures made in different worker
processes must agree); the top bits pick one of ``NUM_PERM`` bins and each bin keeps its
smallest value. The share of equal bins estimates the Jaccard similarity of two shingle sets,
as ``NUM_PERM`` independent permutations would, for one hash per shingle instead of
``NUM_PERM``. numpy does the per-shingle work in C; see the issue-5 note for the measurements
against datasketch and a pure-Python version.

>>> a = signature(shingle_hashes("国务院总理今天主持召开国务院常务会议，部署进一步稳定经济的措施。" * 3))
>>> b = signature(shingle_hashes("國務院總理今天主持召開國務院常務會議,部署進一步穩定經濟的措施。" * 3))
>>> similarity(a, b)
1.0
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from ..chars import WIDTH_FOLD
from ..stages.script import fold_script

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    U64 = npt.NDArray[np.uint64]
    U32 = npt.NDArray[np.uint32]

NUM_PERM = 128
CHAR_NGRAM = 5
WORD_NGRAM = 3
#: A document is Han text when Han characters are at least this share of its non-space text.
HAN_SHARE = 0.2

_BIN_SHIFT = 64 - 7  # 2**7 == NUM_PERM bins
_PRIME = 0x100000001B3  # FNV's 64-bit prime: mixes a sequence of tokens into one number
_EMPTY = 1 << _BIN_SHIFT


def _mix(x: U64) -> U64:
    """splitmix64's finaliser: every input bit moves every output bit (arrays wrap mod 2**64)."""
    import numpy as np

    x = x ^ (x >> np.uint64(30))
    x = x * np.uint64(0xBF58476D1CE4E5B9)
    x = x ^ (x >> np.uint64(27))
    x = x * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


def _ngrams(tokens: U64, n: int) -> U64:
    import numpy as np

    n = min(n, len(tokens))
    m = len(tokens) - n + 1
    h = np.zeros(m, dtype=np.uint64)
    for k in range(n):
        h = h * np.uint64(_PRIME) + tokens[k : k + m]
    return _mix(h)


@lru_cache(maxsize=1)
def _width_table() -> U32:
    """Code point -> folded code point over the BMP (see ``newsclean.chars.WIDTH_FOLD``)."""
    import numpy as np

    table = np.arange(0x10000, dtype=np.uint32)
    for cp, out in WIDTH_FOLD.items():
        table[cp] = ord(out)
    return table


def fold_codepoints(text: str) -> U32:
    """The text's code points, folded like :func:`~newsclean.stages.duplicates.fold.fold_text`
    (script, case, punctuation width), with the width folded by a table lookup in numpy.

    >>> bytes(fold_codepoints("會議，OK").astype("<u2")).decode("utf-16-le")
    '会议,ok'
    """
    import numpy as np

    data = fold_script(text).lower().encode("utf-32-le", "surrogatepass")
    cps = np.frombuffer(data, dtype="<u4")
    return np.where(cps < 0x10000, _width_table()[cps & 0xFFFF], cps)


def _solid_han(cps: U32) -> tuple[U32, bool]:
    """The code points without spaces, and whether Han characters are HAN_SHARE of them."""
    import numpy as np

    solid = cps[(cps > 32) & (cps != 0xA0)]
    han = np.count_nonzero((solid - np.uint32(0x4E00)) < 0x5200)  # wraps below 0x4E00
    han += np.count_nonzero((solid - np.uint32(0x3400)) < 0x1C00)
    han += np.count_nonzero((solid - np.uint32(0x20000)) < 0x11350)
    return solid, bool(solid.size and han >= HAN_SHARE * solid.size)


def is_han(text: str) -> bool:
    """Is this Han text (shingled by characters) rather than text of words?

    >>> is_han("新华社北京1月4日电"), is_han("Reuters reported on 4 January")
    (True, False)
    """
    return _solid_han(fold_codepoints(text))[1]


def _word_hashes(cps: U32) -> U64:
    """One hash per word (a run of letters, digits or other non-punctuation characters),
    computed for all words at once: each character is mixed with its place in its word and
    the mixes of a word are summed."""
    import numpy as np

    c = cps.astype(np.int64)
    gap = (
        (c < 0x30)
        | ((c >= 0x3A) & (c <= 0x40))
        | ((c >= 0x5B) & (c <= 0x60))
        | ((c >= 0x7B) & (c <= 0xBF))
        | ((c >= 0x2000) & (c <= 0x2BFF))
        | ((c >= 0x3000) & (c <= 0x303F))
        | ((c >= 0xFE30) & (c <= 0xFE4F))
    )
    at = np.flatnonzero(~gap)  # positions of word characters
    if not at.size:
        return np.zeros(0, dtype=np.uint64)
    first = np.flatnonzero(np.diff(at, prepend=-2) != 1)  # index in ``at`` of each word's start
    starts = np.zeros(at.size, dtype=np.intp)
    starts[first] = 1
    word = np.cumsum(starts) - 1
    place = (at - at[first][word]).astype(np.uint64)
    mixed = _mix(cps[at].astype(np.uint64) * np.uint64(_PRIME) + place + np.uint64(1))
    return np.add.reduceat(mixed, first)


def shingle_hashes(text: str) -> U64:
    """One 64-bit hash per shingle of the folded text (character or word n-grams)."""
    import numpy as np

    cps = fold_codepoints(text)
    solid, han = _solid_han(cps)
    if han:
        return _ngrams(solid.astype(np.uint64), CHAR_NGRAM)
    words = _word_hashes(cps)
    return _ngrams(words, WORD_NGRAM) if len(words) else words


def signature(hashes: U64) -> U32 | None:
    """The ``NUM_PERM``-value MinHash signature of a shingle set; ``None`` for no shingles."""
    import numpy as np

    if not len(hashes):
        return None
    mins = np.full(NUM_PERM, _EMPTY, dtype=np.uint64)
    np.minimum.at(mins, (hashes >> np.uint64(_BIN_SHIFT)).astype(np.intp), hashes & (_EMPTY - 1))
    full = np.flatnonzero(mins != _EMPTY)
    sig = (mins >> np.uint64(_BIN_SHIFT - 32)).astype(np.uint32)
    if len(full) < NUM_PERM:
        # An empty bin borrows from the next full one to its right (circularly), marked with
        # the distance so that borrowed and genuine values never meet by accident.
        bins = np.arange(NUM_PERM)
        nxt = np.searchsorted(full, bins) % len(full)
        dist = (full[nxt] - bins) % NUM_PERM
        sig = sig[full[nxt]] + (dist.astype(np.uint32) * np.uint32(0x9E3779B1))
    return sig


def similarity(a: U32, b: U32) -> float:
    """Estimated Jaccard similarity of the two shingle sets behind two signatures."""
    import numpy as np

    return float(np.count_nonzero(a == b)) / len(a)


def band_keys(sig: U32, bands: int, rows: int) -> list[int]:
    """One 64-bit bucket number per band of ``rows`` signature values."""
    import numpy as np

    block = sig[: bands * rows].reshape(bands, rows).astype(np.uint64)
    h = np.zeros(bands, dtype=np.uint64)
    for k in range(rows):
        h = h * np.uint64(_PRIME) + block[:, k]
    return [int(x) for x in _mix(h).tolist()]


#: Pairs exactly at the threshold that LSH must propose (the rest of the work is a cheap check).
CANDIDATE_RECALL = 0.99


@lru_cache(maxsize=16)
def lsh_shape(threshold: float, num_perm: int = NUM_PERM) -> tuple[int, int]:
    """Bands and rows for a similarity threshold: the fewest bands (the least memory: one key
    per band per document) that still propose ``CANDIDATE_RECALL`` of the pairs exactly at the
    threshold; with as many rows as fit, so that dissimilar pairs are rarely proposed.
    Proposed pairs are then checked on their signatures.

    >>> lsh_shape(0.8)
    (19, 6)
    """
    for bands in range(1, num_perm + 1):
        rows = num_perm // bands
        if 1 - (1 - threshold**rows) ** bands >= CANDIDATE_RECALL:
            return bands, rows
    return num_perm, 1
