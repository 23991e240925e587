"""Near-duplicate documents across a run (``--dedup-docs``): MinHash + LSH as a DocumentFilter.

Syndicated copies of one story come out of cleaning as near-identical documents. This step
finds them in three pure parts (see :mod:`newsclean.corpus`), so a distributed engine can run
it later:

* **map** — per cleaned document: its MinHash signature (:mod:`newsclean.corpus.minhash`), emitted
  under ``(SIGNATURE, order)``, and its order under ``(band, bucket)`` for every LSH band;
* **combine** — members of one bucket are joined in O(1) (a pair, flattened at the end), so a
  bucket holding thousands of copies of one page costs no more than it holds;
* **finalize** — documents sharing a bucket are checked on their signatures (estimated
  Jaccard similarity ≥ the threshold) and joined; each connected component is a cluster whose
  first document in path order (lowest ``order``) is kept.

>>> from newsclean.corpus import CorpusDoc, run_local
>>> story = "国务院总理今天主持召开国务院常务会议，部署进一步稳定经济的措施。" * 4
>>> other = "教育部今天发布通知，要求各地做好寒假期间学生安全教育工作。" * 4
>>> step = NearDuplicateDocs()
>>> result = run_local(step, [CorpusDoc("a.txt", 0, story), CorpusDoc("b.txt", 1, other),
...                           CorpusDoc("c.txt", 2, story.replace("，", ","))])
>>> step.rejected(result)
{'c.txt': 'near-duplicate of a.txt (similarity 1.00)'}
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeAlias

from ..config import Config
from . import CorpusDoc, DocumentFilter
from .minhash import NUM_PERM, band_keys, lsh_shape, shingle_hashes, signature, similarity

#: The "band" of the key under which a document's own signature is kept.
SIGNATURE = -1
#: A bucket member joins when it is similar to the bucket's first document or, failing that,
#: to one of the LOOK_BACK members just before it.
LOOK_BACK = 4

Key: TypeAlias = tuple[int, int]
#: Orders of a bucket's documents: one order, or two joined member sets (flattened at the end).
Members: TypeAlias = "int | tuple[Members, Members]"


@dataclass(frozen=True, slots=True)
class Signed:
    """A document's signature, as the map emits it (``minhash``: NUM_PERM uint32, bytes)."""

    id: str
    order: int
    minhash: bytes


Value: TypeAlias = "Members | Signed"


@dataclass(frozen=True, slots=True)
class Duplicate:
    """A document not delivered: ``similarity`` to the kept one; ``via``, when that is below
    the threshold, the cluster member it is closest to (a chain of edits)."""

    id: str
    order: int
    similarity: float
    via: str | None = None
    via_similarity: float | None = None


@dataclass(frozen=True, slots=True)
class Cluster:
    """Near-duplicate documents: the first in path order is kept."""

    kept: str
    kept_order: int
    duplicates: tuple[Duplicate, ...]


@dataclass(frozen=True, slots=True)
class Clusters:
    """The result of :class:`NearDuplicateDocs`: every cluster of two or more documents."""

    clusters: tuple[Cluster, ...]
    n_docs: int
    threshold: float
    bands: int
    rows: int


def _flatten(members: Members) -> list[int]:
    out: list[int] = []
    stack = [members]
    while stack:  # no recursion: a bucket of many copies is a deep chain of pairs
        m = stack.pop()
        if isinstance(m, int):
            out.append(m)
        else:
            stack.extend(m)
    return out


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        parent = self.parent
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(x, x) != root:
            parent[x], x = root, parent[x]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:  # the lower order is the root: the kept document
            self.parent[max(ra, rb)] = min(ra, rb)


class NearDuplicateDocs:
    """The ``--dedup-docs`` step: a :class:`~newsclean.corpus.DocumentFilter`.

    ``threshold`` is the estimated Jaccard similarity of two documents' shingle sets at which
    they are near-duplicates (``Config.dedup_threshold``).
    """

    #: How reports (``--report json``'s ``steps``, ``--dedup-report``) name this step.
    name = "near-duplicate-docs"

    def __init__(self, threshold: float = 0.7) -> None:
        if not 0.3 <= threshold <= 1.0:
            raise ValueError("threshold must be between 0.3 and 1.0")
        self.threshold = threshold
        self.bands, self.rows = lsh_shape(threshold)

    @classmethod
    def from_config(cls, config: Config) -> NearDuplicateDocs:
        """The step with the options of ``config``."""
        return cls(config.dedup_threshold)

    def map(self, doc: CorpusDoc) -> Iterable[tuple[Key, Value]]:
        """The document's signature, and its order in the bucket of every band."""
        sig = signature(shingle_hashes(doc.text))
        if sig is None:  # no text: nothing to compare
            return []
        pairs: list[tuple[Key, Value]] = [
            ((SIGNATURE, doc.order), Signed(doc.id, doc.order, sig.tobytes()))
        ]
        pairs += [
            ((band, key), doc.order)
            for band, key in enumerate(band_keys(sig, self.bands, self.rows))
        ]
        return pairs

    def combine(self, a: Value, b: Value) -> Value:
        """Join two member sets (or keep the first of two signatures under one order)."""
        if isinstance(a, Signed) or isinstance(b, Signed):
            if not (isinstance(a, Signed) and isinstance(b, Signed)):
                raise TypeError("a signature and bucket members under one key")
            return min(a, b, key=lambda s: (s.order, s.id))
        return (a, b)

    def finalize(self, table: Mapping[Key, Value], n_docs: int) -> Clusters:
        """Check the documents that share a bucket, and cluster the similar ones."""
        import numpy as np

        signed = {
            key[1]: v for key, v in table.items() if key[0] == SIGNATURE and isinstance(v, Signed)
        }
        sigs = {order: np.frombuffer(s.minhash, dtype=np.uint32) for order, s in signed.items()}
        uf = _UnionFind()
        checked: dict[tuple[int, int], float] = {}

        def similar(a: int, b: int) -> bool:
            pair = (a, b) if a < b else (b, a)
            score = checked.get(pair)
            if score is None:
                score = checked[pair] = similarity(sigs[a], sigs[b])
            return score >= self.threshold

        for key, value in table.items():
            if key[0] == SIGNATURE or isinstance(value, (Signed, int)):
                continue
            members = sorted(set(_flatten(value)) & sigs.keys())
            # The edges found in a bucket depend on the bucket alone (not on what other buckets
            # joined before), so the clusters are the same in whatever order buckets come.
            for i in range(1, len(members)):
                doc = members[i]
                for other in (members[0], *members[max(1, i - LOOK_BACK) : i][::-1]):
                    if similar(other, doc):
                        uf.union(other, doc)
                        break
        return Clusters(
            self._clusters(uf, signed, sigs),
            n_docs,
            self.threshold,
            self.bands,
            self.rows,
        )

    def _clusters(
        self, uf: _UnionFind, signed: Mapping[int, Signed], sigs: Mapping[int, Any]
    ) -> tuple[Cluster, ...]:
        groups: dict[int, list[int]] = {}
        for order in sorted(uf.parent):
            groups.setdefault(uf.find(order), []).append(order)
        out = []
        for root in sorted(groups):
            members = sorted({root, *groups[root]})
            dups = []
            for order in members[1:]:
                score = similarity(sigs[root], sigs[order])
                via = via_score = None
                if score < self.threshold:  # joined through a chain: name the closest link
                    others = [o for o in members if o != order][:64]
                    scores = [(similarity(sigs[o], sigs[order]), -o) for o in others]
                    via_score, neg = max(scores)
                    via = signed[-neg].id
                dups.append(Duplicate(signed[order].id, order, score, via, via_score))
            out.append(Cluster(signed[root].id, root, tuple(dups)))
        return tuple(out)

    def rejected(self, result: Clusters) -> dict[str, str]:
        """Every document but the first of its cluster, with a one-line reason."""
        out = {}
        for cluster in result.clusters:
            for d in cluster.duplicates:
                reason = f"near-duplicate of {cluster.kept} (similarity {d.similarity:.2f})"
                if d.via is not None:
                    reason += f", via {d.via} ({d.via_similarity:.2f})"
                out[d.id] = reason
        return out

    def report(self, result: Clusters) -> dict[str, Any]:
        """The cluster report (JSON-serialisable): which documents were merged, how similar."""
        return {
            "step": "dedup-docs",
            "method": f"MinHash ({NUM_PERM} one-permutation bins) + LSH ({result.bands} bands x {result.rows} rows)",
            "threshold": result.threshold,
            "documents": result.n_docs,
            "rejected": sum(len(c.duplicates) for c in result.clusters),
            "clusters": [
                {
                    "kept": c.kept,
                    "duplicates": [
                        {"id": d.id, "similarity": round(d.similarity, 3)}
                        | (
                            {"via": d.via, "via_similarity": round(d.via_similarity or 0, 3)}
                            if d.via
                            else {}
                        )
                        for d in c.duplicates
                    ],
                }
                for c in result.clusters
            ],
        }


if TYPE_CHECKING:  # mypy checks that the step is a DocumentFilter

    def _is_a_filter() -> DocumentFilter[Key, Value, Clusters]:
        return NearDuplicateDocs()
