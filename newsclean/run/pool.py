"""An ordered, bounded parallel map over worker processes.

Workers *return* results; the caller consumes them in the order the work was given, so what it
writes and prints is the same for any number of workers. At most ``window`` units are in flight,
so a generator that reads a huge file lazily is read only as fast as results are consumed:
memory stays constant whatever the input size.

>>> list(ordered_map(_square_plus, 1, range(5), jobs=1, on_crash=None))
[1, 2, 5, 10, 17]
"""

from __future__ import annotations

import gc
import multiprocessing
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

P = TypeVar("P")
T = TypeVar("T")
R = TypeVar("R")

_STATE: Any = None  # the run's read-only plan, set once in each worker process


def _init(state: Any) -> None:
    global _STATE  # noqa: PLW0603 - per-process, set once before any document is cleaned
    _STATE = state
    # Ctrl-C is the parent's to handle (it stops the pool and cleans up); a worker that
    # also took it would only print a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _apply(fn: Callable[[Any, T], R], item: T) -> R:
    return fn(_STATE, item)


def _square_plus(state: int, item: int) -> int:
    return item * item + state


def ordered_map(
    fn: Callable[[P, T], R],
    state: P,
    items: Iterable[T],
    jobs: int,
    on_crash: Callable[[T, BaseException], R] | None,
    window: int | None = None,
    weigh: Callable[[T], int] | None = None,
    budget: int = 0,
) -> Iterator[R]:
    """Yield ``fn(state, item)`` for every item, in order, using ``jobs`` processes.

    ``fn`` must be a module-level function (it is pickled by name) and must not raise for a
    bad item: it returns an error result instead. If a worker process dies (killed, out of
    memory), ``on_crash`` turns that item into a result, and the rest go on in a fresh pool.
    ``jobs <= 1`` runs everything in this process, with no pool at all.

    At most ``window`` items are in flight and, with ``weigh``, at most ``budget`` of their
    weight (but always one): a big item at the head then leaves room for many small ones
    behind it, so no worker waits idle for it while memory stays bounded.
    """
    if jobs <= 1:
        for item in items:
            yield fn(state, item)
        return
    window = window or 4 * jobs
    pending: deque[tuple[T, Future[R], int]] = deque()
    source = iter(items)
    weight = 0  # of the items in flight
    pool = _pool(jobs, state)
    try:
        while True:
            while len(pending) < window and (not pending or weigh is None or weight < budget):
                item = next(source, _END)
                if item is _END:
                    break
                w = weigh(item) if weigh is not None else 0
                weight += w
                pending.append((item, _submit(pool, fn, item), w))
            if not pending:
                return
            item, future, w = pending.popleft()
            weight -= w
            try:
                result = future.result()
            except BrokenProcessPool:
                if on_crash is None:
                    raise
                # Any item in flight may have killed the pool: retry this one alone, so only
                # the item that really crashes a worker is reported, then go on afresh.
                _shutdown(pool)
                redo = [(it, w) for it, _, w in pending]
                pending.clear()
                yield _alone(fn, state, item, on_crash)
                pool = _pool(jobs, state)
                pending.extend((it, _submit(pool, fn, it), w) for it, w in redo)
                continue
            yield result
    finally:
        _shutdown(pool)


def _pool(jobs: int, state: Any) -> ProcessPoolExecutor:
    """Workers forked where forking is safe and cheap (Linux): they start with everything the
    parent has already loaded (see :func:`newsclean.pipeline.warm_up`)."""
    context = multiprocessing.get_context("fork") if sys.platform == "linux" else None
    if context is not None:
        # What the parent holds now (the warm tables) moves out of the collector's sight, in
        # the parent and so in the forked workers: a collection in a worker would otherwise
        # write to every object it scans, copying the pages they share with the parent.
        gc.collect()
        gc.freeze()
    return ProcessPoolExecutor(jobs, mp_context=context, initializer=_init, initargs=(state,))


def _shutdown(pool: ProcessPoolExecutor) -> None:
    pool.shutdown(wait=True, cancel_futures=True)
    gc.unfreeze()  # the parent's own objects are the collector's again


def _submit(pool: ProcessPoolExecutor, fn: Callable[[P, T], R], item: T) -> Future[R]:
    """``pool.submit``, except that a pool already broken by a dying worker gives a failed
    future instead of raising here: the item is then retried like any other in flight."""
    try:
        return pool.submit(_apply, fn, item)
    except BrokenProcessPool as exc:
        failed: Future[R] = Future()
        failed.set_exception(exc)
        return failed


def isolate(
    fn: Callable[[P, T], R], state: P, item: T, on_crash: Callable[[T, BaseException], R]
) -> R:
    """``fn(state, item)`` in a fresh worker of its own, so that a crash takes nothing else
    with it (``on_crash`` turns it into a result)."""
    return _alone(fn, state, item, on_crash)


def _alone(
    fn: Callable[[P, T], R], state: P, item: T, on_crash: Callable[[T, BaseException], R]
) -> R:
    pool = _pool(1, state)
    try:
        return pool.submit(_apply, fn, item).result()
    except BrokenProcessPool as exc:
        return on_crash(item, exc)
    finally:
        _shutdown(pool)


_END: Any = object()
