"""Site boilerplate learned from the batch: lines that recur in many different documents of a run.

A menu or a footer no lexicon knows (``焦作网首页 | 新闻中心 | 联系我们``) is boilerplate *because*
every page of the site carries it, the way CCNet and C4 find menus and cookie banners. Written as
a :class:`~newsclean.corpus.ConfigLearner` in three pure parts, so any engine can run it:

* ``map``: the document's lines as the ``boilerplate`` stage will see them (the stages before it
  are run), each line that is neither prose, nor protected, nor already boilerplate turned into a
  key (:func:`~newsclean.stages.boilerplate.classify.site_key`: digits, spaces, script,
  punctuation width and case folded) with a tier (:func:`document_keys`), paired with a
  fingerprint of the document's body;
* ``combine``: the smallest distinct fingerprints per key (a k-minimum-values sketch), so that
  a key knows how many *different* documents carry it: five copies of one wire story share
  every line, and that makes none of them boilerplate;
* ``finalize``: the keys carried by enough distinct documents.

Thresholds grow slower than the run, so that they hold from 5 files to 500,000: a distinctive
line at a page's edge (above or below the article body, no sentence end, at least 4 units) must
recur in max(3, ⌈∛n⌉) distinct documents — 3 of 5, 3 of 20, 8 of 448, 80 of 500,000 — so a
small site in a big crawl is still learned; a line that may repeat in any text (a short sentence
such as "是。", a tiny line, a subhead inside the body) in max(3, ⌈n^0.75⌉) — 4 of 5, 10 of 20,
18,804 of 500,000. Fewer than 3 documents teach nothing. A line that heads some page of the run
as its title is not learned (see :func:`_a_title`), and long prose lines are never keyed:
recurring prose is a quotation or a copy, not a menu.

Position is used in ``map`` only. The result is a set of keys, and the stage drops a line whose
key is in it wherever the line stands: the verdict is the line's own, so cleaning stays
idempotent.

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
from functools import lru_cache
from hashlib import blake2b
from math import ceil
from typing import TYPE_CHECKING, Any

from ..chars import units
from ..config import Config
from ..model import Doc
from ..stages import STAGES
from ..stages.boilerplate.classify import classify_folded, remember, remembered, site_key
from ..stages.boilerplate.lines import core, ends_like_sentence, prose_flags
from ..stages.boilerplate.rules import rules
from . import CorpusDoc

#: Documents a line must recur in, at the least, whatever the size of the run.
MIN_DOCS = 3
#: Lines shorter than this (units) repeat in any text ("Yes", "是"): they need the wide evidence.
TINY_UNITS = 4
#: Fingerprints kept per key: exact distinct counts up to this, estimates beyond.
SKETCH = 64
_SPAN = 2**64

Sketch = tuple[int, ...]
#: The tiers a key is counted under (:func:`document_keys`).
_TIERS = "hfxct"


def _hash64(text: str) -> int:
    data = text.encode("utf-8", "surrogatepass")
    digest: bytes = blake2b(data, digest_size=8).digest()
    return int.from_bytes(digest, "big")


def distinct(sketch: Sketch) -> int:
    """How many distinct documents a sketch stands for (exact below ``SKETCH``).

    >>> distinct((5, 9, 12))
    3
    """
    if len(sketch) < SKETCH:
        return len(sketch)
    return int((SKETCH - 1) * _SPAN / (sketch[-1] + 1))


def _root_ceil(n: int, k: int) -> int:
    """The smallest r with r**k >= n."""
    r: int = max(1, round(float(n) ** (1 / k)))
    while r**k < n:
        r += 1
    while r > 1 and (r - 1) ** k >= n:
        r -= 1
    return r


def thresholds(n_docs: int) -> tuple[int, int]:
    """(edge, common): distinct documents a line must recur in, by tier.

    >>> thresholds(5), thresholds(20), thresholds(448), thresholds(500_000)
    ((3, 4), (3, 10), (8, 98), (80, 18804))
    """
    edge = _root_ceil(n_docs, 3)
    common = ceil(n_docs**0.75 - 1e-9)
    return max(MIN_DOCS, edge), max(MIN_DOCS, common)


def prepare(text: str, config: Config) -> tuple[str, ...]:
    """The lines the ``boilerplate`` stage will see: the text after the stages that precede it."""
    doc = Doc.from_text(text)
    for name in config.stages:
        if name == "boilerplate":
            break
        doc = STAGES[name](doc, config)
    return doc.lines


def document_keys(lines: Sequence[str], config: Config) -> tuple[set[str], int]:
    """The keys of a document's learnable lines, and the fingerprint of its body.

    A key is a line's :func:`site_key` behind a letter saying where the line stood: ``h`` or
    ``f`` for a distinctive line (no sentence end, at least ``TINY_UNITS``) above or below the
    body; ``x`` for one in a document without prose (no body to stand above or below); ``c``
    for a line that may repeat in any text (a short sentence, a tiny line, or any line inside
    the body — between the first and last prose line — where the subheads a site's template
    repeats live); ``t`` for the lines that look like the document's title (above the body:
    the last short line before it, and a short line followed by a byline or dateline).
    """
    facts = _facts(lines, config)
    prose = [i for i, fact in enumerate(facts) if fact is None]
    first, last = (prose[0], prose[-1]) if prose else (len(lines), len(lines))
    keys: set[str] = set()
    titles: set[str] = set()
    last_head = None
    for i, fact in enumerate(facts):
        if fact is None:
            continue
        _, key, common = fact
        if key is None:
            continue
        if common or first < i < last:
            keys.add("c" + key)
        elif not prose:
            keys.add("x" + key)
        elif i < first:
            keys.add("h" + key)
            last_head = key
            after = facts[i + 1]
            if after is not None and after[0] == "protected":
                titles.add(key)
        else:
            keys.add("f" + key)
    if last_head is not None:
        titles.add(last_head)
    keys.update("t" + key for key in titles)
    body = [_hash64(lines[i]) for i in prose]
    # Copies of one story share their smallest paragraph hash; hash it again to spread it.
    basis = str(min(body)) if body else "\n".join(lines)
    return keys, _hash64(basis)


#: What the keys need of a line that is not prose: its label (alone, without learned lines),
#: its key if it is learnable (else ``None``), and whether it may repeat in any text.
Fact = tuple[str, str | None, bool]
#: Short lines whose facts are remembered (per process): a site's menus and footers recur on
#: every page, and classifying a line is most of what the keys cost. (Prose lines are not
#: remembered: they seldom recur, and are long.)
MEMO_LINES = 1 << 14


@lru_cache(maxsize=4)
def _memo(phrases: tuple[str, ...], patterns: tuple[str, ...]) -> dict[str, Fact]:
    """The remembered facts, for one set of the user's rules (they change the labels)."""
    return {}


def _facts(lines: Sequence[str], config: Config) -> list[Fact | None]:
    """Every line's :data:`Fact`, ``None`` for prose. A verdict depends on its line alone (and
    the config), so the short lines not seen before are classified together and remembered."""
    memo = _memo(config.boilerplate_phrases, config.boilerplate_patterns)
    if len(memo) > MEMO_LINES:  # before looking: a line found now must still be there below
        memo.clear()
    unseen = [line for line in dict.fromkeys(lines) if line not in memo]
    prose: set[str] = set()
    if unseen:
        new: list[str] = []
        for line, is_prose in zip(unseen, prose_flags(unseen), strict=True):
            (prose.add if is_prose else new.append)(line)
        table = rules()
        alone = config.replace(site_boilerplate=frozenset()) if config.site_boilerplate else config
        verdicts, folds = classify_folded(new, alone)
        for i, line in enumerate(new):
            folded = folds[i]
            label = verdicts[i].label
            if label not in ("short", "content") or table.site_keep.find(core(folded)):
                memo[line] = (label, None, False)
                continue
            # a prefix has no more units than the line: most lines need no full count
            common = ends_like_sentence(folded) or (
                units(line[:16]) < TINY_UNITS and units(line) < TINY_UNITS
            )
            memo[line] = (label, site_key(folded), common)
    return [None if line in prose else memo[line] for line in lines]


def _a_title(seen: Mapping[str, Sketch]) -> bool:
    """Does the line, where it heads a page, head it as its title? Then it is an article of the
    run that other pages list ("most read" on every page of a site), and its title stays:
    marked as a title on at least half the pages it heads, or heading a few pages while listed
    at the foot of four times as many."""
    head = distinct(seen.get("h", ()))
    if "t" in seen and 2 * distinct(seen["t"]) >= head:
        return True
    return head > 0 and 4 * head <= distinct(seen.get("f", ()))


@dataclass(frozen=True)
class SiteBoilerplate:
    """The learner. ``config`` says which stages run before ``boilerplate`` (their output is
    what gets keyed); a runner applies the result to the cleaning config with :meth:`apply`."""

    config: Config = field(default_factory=Config)
    #: The first stage the result changes: the stages before it run the same with or without
    #: it, so a run can map the lines they leave (``CorpusDoc.lines``) and finish afterwards.
    before: str = field(default="boilerplate", init=False)

    def map(self, doc: CorpusDoc) -> Iterable[tuple[str, Sketch]]:
        lines = doc.lines if doc.lines is not None else prepare(doc.text, self.config)
        keys, fingerprint = document_keys(lines, self.config)
        return [(key, (fingerprint,)) for key in sorted(keys)]

    def combine(self, a: Sketch, b: Sketch) -> Sketch:
        if a == b:
            return a
        return tuple(sorted(set(a) | set(b))[:SKETCH])

    def finalize(self, table: Mapping[str, Sketch], n_docs: int) -> frozenset[str]:
        """The keys recurring in enough distinct documents (see the module docstring)."""
        if n_docs < MIN_DOCS:
            return frozenset()
        edge_min, common = thresholds(n_docs)
        # A key whose tiers hold fewer fingerprints than either threshold (and than a full
        # sketch, whose count is an estimate) cannot reach one: most keys, seen once or twice.
        # Their tiers are not gathered (gathered for every key, they took more memory than
        # the table itself, in the process that forks the workers of the rest of the run).
        below = min(edge_min, common, SKETCH)
        where: dict[str, dict[str, Sketch]] = {}
        for key in table:
            base = key[1:]
            if base in where:
                continue
            seen = {tier: got for tier in _TIERS if (got := table.get(tier + base)) is not None}
            if sum(map(len, seen.values())) >= below:
                where[base] = seen
        learned = set()
        for key, seen in where.items():
            if _a_title(seen):
                continue
            edges = self.combine(
                self.combine(seen.get("h", ()), seen.get("f", ())), seen.get("x", ())
            )
            if distinct(edges) >= edge_min or (
                distinct(self.combine(edges, seen.get("c", ()))) >= common
            ):
                learned.add(key)
        return frozenset(learned)

    def carry(self, lines: tuple[str, ...]) -> dict[str, Any]:
        """The ``boilerplate`` stage's remembered judgements of ``lines``.

        The stage remembers judged lines per process (a pure function of the line): ``map``
        fills the memo while classifying, and the stage looks the same lines up when it
        finishes the document. In a batch every document is begun (and mapped) before any is
        finished, so the memo, bounded, has long forgotten the first documents' lines by then,
        and under ``-j 2`` finishing runs in other processes: the entries travel in the spool
        and :meth:`reuse` puts them back.
        """
        return remembered(lines)

    def reuse(self, carried: dict[str, Any]) -> None:
        """Remember ``carried`` again in this process, for the stage to find."""
        if carried:
            remember(carried)

    def apply(self, config: Config, result: frozenset[str]) -> Config:
        """Add the learned keys to ``config`` (the ``boilerplate`` stage consults them)."""
        return config.replace(site_boilerplate=config.site_boilerplate | result)


if TYPE_CHECKING:  # the learner is a ConfigLearner (checked by mypy, costs nothing at runtime)
    from . import Carrying, PreparedLearner

    _LEARNER: PreparedLearner[str, Sketch, frozenset[str]] = SiteBoilerplate()
    _CARRYING: Carrying = SiteBoilerplate()
