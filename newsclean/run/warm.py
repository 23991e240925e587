"""What the parent loads before it forks the workers, so that they share it instead of each
building its own (parent process only).

The stages' tables (:func:`newsclean.pipeline.warm_up`) are needed by every run. The encoding
detector's models (chardet: ~0.3 s of CPU and ~30 MB in each process that loads them) are
needed only by a text file that is not UTF-8: they are loaded here when a sample of the text
inputs holds one. When the sample misses them, a worker loads them itself on the first such
file, as it would without this: the outputs are the same either way.
"""

from __future__ import annotations

import codecs
from collections.abc import Sequence

from ..config import Config
from ..pipeline import warm_up
from .files import Source

#: Text files whose first bytes are looked at, spread evenly over the run.
SAMPLED = 64
#: Bytes read from each sampled file.
HEAD = 16 << 10

_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def warm(config: Config, sources: Sequence[Source], decoding: bool = True) -> None:
    """Load what the workers about to be forked will need. ``decoding``: they decode text
    files (not a pass that finishes documents already decoded)."""
    warm_up(config)
    if decoding and config.encoding is None and not_utf8(sources):
        warm_detector()


def not_utf8(sources: Sequence[Source], sampled: int = SAMPLED) -> bool:
    """Does a sample of the text files hold one that is not UTF-8 (nor marked by a BOM)?

    >>> not_utf8([])
    False
    """
    texts = [s for s in sources if s.kind == "text" and s.path is not None]
    if not texts:
        return False
    n = min(sampled, len(texts))
    for source in (texts[(i * len(texts)) // n] for i in range(n)):
        assert source.path is not None
        try:
            with source.path.open("rb") as handle:
                head = handle.read(HEAD)
        except OSError:
            continue
        if head.startswith(_BOMS):
            continue
        try:  # not final: the head may end inside a character
            codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        except UnicodeDecodeError:
            return True
    return False


def warm_detector() -> None:
    """Load the encoding detector's models by detecting a short GBK sample."""
    from ..decode import decode_bytes

    decode_bytes("预热编码检测：今天的新闻发布会在北京举行。".encode("gbk") * 2)
