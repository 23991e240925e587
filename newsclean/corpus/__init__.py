"""Steps over all the documents of one run, written as map → combine by key → finalize.

Some cleaning needs the whole batch: a footer is boilerplate *because* it recurs on many pages
of a site; a document is a syndicated copy *because* another document says the same. Such a step
is written in three pure parts, so a distributed engine can run it later without changes here:

* ``map(doc)`` turns one document into ``(key, value)`` pairs (runs anywhere, in parallel);
* ``combine(a, b)`` merges two values of the same key (associative and commutative);
* ``finalize(table, n_docs)`` turns the combined table into the step's result.

:func:`run_local` is the reference executor. The batch runner may run ``map`` in worker
processes and combine in the parent; the result must be the same.

Two kinds of step plug into a run:

* a :class:`ConfigLearner` runs over the decoded inputs *before* cleaning; its result refines
  the :class:`~newsclean.config.Config` used to clean every document (site boilerplate);
* a :class:`DocumentFilter` runs over the cleaned outputs; its result names the documents not
  to deliver, and why (near-duplicate documents).

Keep this module (and the steps) free of engine imports.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from ..config import Config

K = TypeVar("K")
V = TypeVar("V")
R = TypeVar("R")
R_co = TypeVar("R_co", covariant=True)


@dataclass(frozen=True, slots=True)
class CorpusDoc:
    """One document as a corpus step sees it.

    ``id`` names it in reports (the path as the user gave it); ``order`` is its position in the
    run's deterministic (sorted) order, which decides ties such as "the first copy is kept".
    """

    id: str
    order: int
    text: str


class CorpusStep(Protocol[K, V, R_co]):
    """A cross-document step in three pure parts (see the module docstring)."""

    def map(self, doc: CorpusDoc) -> Iterable[tuple[K, V]]: ...

    def combine(self, a: V, b: V) -> V: ...

    def finalize(self, table: Mapping[K, V], n_docs: int) -> R_co: ...


class ConfigLearner(CorpusStep[K, V, R], Protocol):
    """Runs over decoded inputs before cleaning; :meth:`apply` folds its result into a Config."""

    def apply(self, config: Config, result: R) -> Config: ...


class DocumentFilter(CorpusStep[K, V, R], Protocol):
    """Runs over cleaned outputs; says which documents are not to be delivered."""

    def rejected(self, result: R) -> Mapping[str, str]:
        """Document id → one-line reason (e.g. ``near-duplicate of a.txt (similarity 0.93)``)."""
        ...

    def report(self, result: R) -> dict[str, Any]:
        """A JSON-serialisable account of the result (e.g. the clusters found)."""
        ...


def combine_into(
    step: CorpusStep[K, V, Any], table: dict[K, V], pairs: Iterable[tuple[K, V]]
) -> None:
    """Merge mapped pairs into ``table`` in place with ``step.combine``."""
    for key, value in pairs:
        table[key] = step.combine(table[key], value) if key in table else value


def run_local(step: CorpusStep[K, V, R], docs: Iterable[CorpusDoc]) -> R:
    """Run a step sequentially in this process: the reference every executor must match.

    >>> class Count:
    ...     def map(self, doc): return [(w, 1) for w in set(doc.text.split())]
    ...     def combine(self, a, b): return a + b
    ...     def finalize(self, table, n_docs): return {w: c for w, c in table.items() if c == n_docs}
    >>> run_local(Count(), [CorpusDoc("a", 0, "x y"), CorpusDoc("b", 1, "y z")])
    {'y': 2}
    """
    table: dict[K, V] = {}
    n_docs = 0
    for doc in docs:
        n_docs += 1
        combine_into(step, table, step.map(doc))
    return step.finalize(table, n_docs)
