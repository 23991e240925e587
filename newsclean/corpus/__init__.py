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

A run with both has these phases; each per-document phase is an embarrassingly parallel map,
each cross-document one a combine by key then a finalize, so any engine can run it:

1. **begin + learn-map** (per document): decode, run the stages that come before the first
   stage a learner's result changes (:attr:`PreparedLearner.before`, ``boilerplate`` for site
   learning: :func:`newsclean.pipeline.begin`), ``map`` each learner over the lines those
   stages leave (:attr:`CorpusDoc.lines`), and keep the begun document (a spool on disk, not
   memory: :mod:`newsclean.run.spool`), with what a map computed that a later stage would
   compute again (:class:`Carrying`: site learning's line verdicts);
2. **learn-combine + finalize**: the learners' pairs combined by key, finalized, ``apply``'d to
   the Config (a small result: a set of keys);
3. **finish + filter-map** (per document): the remaining stages with the refined Config, from
   the spooled document (:func:`newsclean.pipeline.finish`) — byte for byte what cleaning from
   the start with that Config gives — then ``map`` each filter over the cleaned text;
4. **filter-combine + finalize**: the documents not to deliver;
5. **deliver**: the outputs, minus the rejected ones.

Without learners, phases 1 and 3 are one (each document cleaned from its bytes); without
filters, each output is delivered as it is cleaned. Every document is cleaned once: no stage
runs twice on it. A learner that is not a :class:`PreparedLearner` is run the plain way: a
learning pass over the decoded inputs, then a cleaning pass (the reference the one-pass run
must match, byte for byte).

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
    #: The document as a :class:`PreparedLearner`'s stages leave it, when the executor already
    #: has it (the one-pass run); ``None``: the learner prepares it from ``text`` itself.
    lines: tuple[str, ...] | None = None


class CorpusStep(Protocol[K, V, R_co]):
    """A cross-document step in three pure parts (see the module docstring)."""

    def map(self, doc: CorpusDoc) -> Iterable[tuple[K, V]]: ...

    def combine(self, a: V, b: V) -> V: ...

    def finalize(self, table: Mapping[K, V], n_docs: int) -> R_co: ...


class ConfigLearner(CorpusStep[K, V, R], Protocol):
    """Runs over decoded inputs before cleaning; :meth:`apply` folds its result into a Config."""

    def apply(self, config: Config, result: R) -> Config: ...


class PreparedLearner(ConfigLearner[K, V, R], Protocol):
    """A learner that maps a document as the stages of :attr:`config` before :attr:`before`
    leave it, and whose result changes nothing before that stage: a run can then begin every
    document once, map it, and finish it after learning (phases 1–3 above), and pass the begun
    lines in :attr:`CorpusDoc.lines` instead of having the learner run those stages again."""

    @property
    def before(self) -> str: ...

    @property
    def config(self) -> Config: ...


class Carrying(Protocol):
    """A :class:`PreparedLearner` whose ``map`` computes what a later stage computes again
    (site learning classifies the lines the ``boilerplate`` stage classifies): it can hand that
    work on to the finishing of the same document, through the spool, instead of having it done
    twice. Both methods are optional extras of a learner; what is carried must be a pure
    function of the lines (so finishing is the same with it or without it) and picklable.
    """

    def carry(self, lines: tuple[str, ...]) -> Any:
        """What ``map`` found out about ``lines`` (the begun document's) that finishing reuses."""
        ...

    def reuse(self, carried: Any) -> None:
        """Make what :meth:`carry` returned available to the stages (this process only)."""
        ...


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
