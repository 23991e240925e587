"""Site boilerplate learned from the batch: lines that recur in many different documents of a run.

A menu or a footer no lexicon knows (``焦作网首页 | 新闻中心 | 联系我们``) is boilerplate *because*
every page of the site carries it, the way CCNet and C4 find menus and cookie banners. Written as
a :class:`~newsclean.corpus.ConfigLearner` in three pure parts, so any engine can run it:

* ``map``: the document's lines as the ``boilerplate`` stage will see them (the stages before it
  are run), each line that is neither prose nor protected turned into a key
  (:func:`~newsclean.stages.boilerplate.classify.site_key`: digits, spaces, script, punctuation
  width and case folded), paired with a fingerprint of the document's body;
* ``combine``: the smallest distinct fingerprints per key (a k-minimum-values sketch), so that
  a key knows how many *different* documents carry it: five copies of one wire story share
  every line, and that makes none of them boilerplate;
* ``finalize``: the keys carried by enough distinct documents.

Thresholds grow slower than the run, so that they hold from 5 files to 500,000: a distinctive
line (no sentence end, at least 4 units) must recur in max(3, ⌈√n⌉) documents — 3 of 5, 5 of 20,
708 of 500,000; a line that may repeat in any text (a short sentence such as "是。", a tiny line)
in max(3, ⌈n^0.75⌉) — 4 of 5, 10 of 20, 18,804 of 500,000. Fewer than 3 documents teach nothing.
Long prose lines are never keyed: recurring prose is a quotation or a copy, not a menu.

>>> from newsclean.corpus import CorpusDoc, run_local
>>> docs = [CorpusDoc(f"{i}.txt", i, f"{w}市召开会议\\n{w}市的会议讨论了预算。\\n网站首页 | 本站简介")
...         for i, w in enumerate("甲乙丙丁戊")]
>>> learner = SiteBoilerplate()
>>> config = learner.apply(Config(), run_local(learner, docs))
>>> len(config.site_boilerplate)
1
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from hashlib import blake2b
from math import ceil, isqrt

from .chars import units
from .config import Config
from .corpus import CorpusDoc
from .model import Doc
from .stages import STAGES
from .stages.boilerplate.classify import learnable, site_key
from .stages.boilerplate.lines import ends_like_sentence, fold_many, is_prose
from .stages.boilerplate.rules import rules

#: Documents a line must recur in, at the least, whatever the size of the run.
MIN_DOCS = 3
#: Fingerprints kept per key: exact distinct counts up to this, estimates beyond.
SKETCH = 64
_SPAN = 2**64

Sketch = tuple[int, ...]


def _hash64(text: str) -> int:
    data = text.encode("utf-8", "surrogatepass")
    return int.from_bytes(blake2b(data, digest_size=8).digest(), "big")


def distinct(sketch: Sketch) -> int:
    """How many distinct documents a sketch stands for (exact below ``SKETCH``).

    >>> distinct((5, 9, 12))
    3
    """
    if len(sketch) < SKETCH:
        return len(sketch)
    return int((SKETCH - 1) * _SPAN / (sketch[-1] + 1))


def thresholds(n_docs: int) -> tuple[int, int]:
    """(distinctive, common): documents a key of each tier must recur in.

    >>> thresholds(5), thresholds(20), thresholds(500_000)
    ((3, 4), (5, 10), (708, 18804))
    """
    root = isqrt(n_docs)
    distinctive = root if root * root == n_docs else root + 1
    return max(MIN_DOCS, distinctive), max(MIN_DOCS, ceil(n_docs**0.75 - 1e-9))


def prepare(text: str, config: Config) -> tuple[str, ...]:
    """The lines the ``boilerplate`` stage will see: the text after the stages that precede it."""
    doc = Doc.from_text(text)
    for name in config.stages:
        if name == "boilerplate":
            break
        doc = STAGES[name](doc, config)
    return doc.lines


def document_keys(lines: Sequence[str]) -> tuple[set[str], int]:
    """The keys of a document's learnable lines, and the fingerprint of its body."""
    table = rules()
    prose = [is_prose(line) for line in lines]
    short = [line for line, p in zip(lines, prose, strict=True) if not p]
    keys = set()
    for line, folded in zip(short, fold_many(short), strict=True):
        if learnable(line, folded, table):
            keys.add(site_key(folded, units(line), ends_like_sentence(folded)))
    body = [_hash64(line) for line, p in zip(lines, prose, strict=True) if p]
    # Copies of one story share their smallest paragraph hash; hash it again to spread it.
    basis = str(min(body)) if body else "\n".join(lines)
    return keys, _hash64(basis)


@dataclass(frozen=True)
class SiteBoilerplate:
    """The learner. ``config`` says which stages run before ``boilerplate`` (their output is
    what gets keyed); the lead's runner applies the result with :meth:`apply`."""

    config: Config = field(default_factory=Config)

    def map(self, doc: CorpusDoc) -> Iterable[tuple[str, Sketch]]:
        keys, fingerprint = document_keys(prepare(doc.text, self.config))
        return [(key, (fingerprint,)) for key in sorted(keys)]

    def combine(self, a: Sketch, b: Sketch) -> Sketch:
        if a == b:
            return a
        return tuple(sorted(set(a) | set(b))[:SKETCH])

    def finalize(self, table: Mapping[str, Sketch], n_docs: int) -> frozenset[str]:
        if n_docs < MIN_DOCS:
            return frozenset()
        distinctive, common = thresholds(n_docs)
        return frozenset(
            key
            for key, sketch in table.items()
            if distinct(sketch) >= (common if key.startswith("c") else distinctive)
        )

    def apply(self, config: Config, result: frozenset[str]) -> Config:
        return config.replace(site_boilerplate=config.site_boilerplate | result)
