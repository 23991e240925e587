"""newsclean for people already in Dask: clean a ``dask.bag`` or a text column of a
``dask.dataframe``, lazily, and get the same type back (``pip install 'newsclean[dask]'``).

Each document is cleaned as a record of a dataset is by ``newsclean fix`` (the same code, the
same bytes: a text gets a final newline only if it had one). The per-document explanation —
what changed, which stage and rule, on which line, and the damage left — is a plain
JSON-ready dict (a JSON string in a dataframe column); see :func:`explanation`.

Example (tests/test_dask_api.py runs it)::

    import dask.bag as db
    from newsclean import Config
    from newsclean.dask import clean_bag, clean_dataframe

    texts = db.from_sequence(["大會(huì )開(kāi)幕,會(huì )議開(kāi)始,會(huì )場(chǎng)熱鬧。"])
    clean_bag(texts, Config(to="zh-hans")).compute()      # ['大会开幕，会议开始，会场热闹。']
    records = db.read_text("crawl/*.jsonl").map(json.loads)
    clean_bag(records, field="text", explain="newsclean")  # records + an "newsclean" field
    clean_dataframe(dd.read_parquet("crawl/"), column="text", explain="explain")

Site boilerplate can be learned from the bag first (``learn_boilerplate=True``): the learning
runs as map → combine by key → finalize on the cluster (:mod:`newsclean.run.sharding`), the
learned lines travel to the workers with the Config, and the cleaning stays lazy.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from ..config import Config
from ..corpus import CorpusDoc
from ..model import Result
from .jsonl import field_text, split_field, with_field
from .sharding import Sharding, Table, combine_pairs, merge_tables, sharding_for

T = TypeVar("T")

#: Shards of a learned table, and tables merged at a time (see newsclean.run.dask_engine).
N_SHARDS = 8
FAN_IN = 8


def explanation(result: Result, changed: bool) -> dict[str, Any]:
    """What cleaning did to one document, as JSON-ready data.

    ``changes`` lists every line a stage dropped, changed or moved (``line`` is the line of the
    document's text); ``diagnostics`` the problems found and left (damage that could not be
    repaired is reported, never hidden).
    """
    return {
        "changed": changed,
        "stages": dict(sorted(result.counts().items())),
        "changes": [
            {"line": c.line, "stage": c.stage, "rule": c.rule, "action": c.action}
            | ({"detail": c.detail} if c.detail else {})
            for c in result.changes
        ],
        "diagnostics": [
            {"line": d.line, "kind": d.kind, "severity": d.severity, "stage": d.stage}
            | {"message": d.message}
            for d in result.diagnostics
        ],
    }


def clean_text(text: str, config: Config) -> tuple[str, dict[str, Any]]:
    """One text as a dataset's record is cleaned: the clean text and its explanation."""
    from ..pipeline import clean

    result = clean(text, config)
    new = field_text(result.text, text)
    return new, explanation(result, new != text)


def _get(record: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        if not isinstance(record, dict) or key not in record:
            return None
        record = record[key]
    return record


def _clean_element(element: Any, config: Config, path: tuple[str, ...], explain: str | None) -> Any:
    why: dict[str, Any]
    if isinstance(element, str):
        text, why = clean_text(element, config)
        return (text, why) if explain else text
    if not isinstance(element, dict):
        raise TypeError(f"a bag of texts or records (dicts), not of {type(element).__name__}")
    value = _get(element, path)
    out = json.loads(json.dumps(element)) if len(path) > 1 else dict(element)
    if not isinstance(value, str):
        why = {"error": f"field {'.'.join(path)!r} is not a string"}
    else:
        text, why = clean_text(value, config)
        with_field(out, path, text)
    if explain:
        out[explain] = why
    return out


def _clean_partition(
    elements: Iterable[Any], config: Config, path: tuple[str, ...], explain: str | None
) -> list[Any]:
    return [_clean_element(e, config, path, explain) for e in elements]


def clean_bag(
    bag: Any,
    config: Config | None = None,
    *,
    field: str = "text",
    explain: str | None = None,
    learn_boilerplate: bool = False,
) -> Any:
    """A bag of the cleaned elements, lazily.

    * texts (``str``) give texts; with ``explain`` (any name), ``(text, explanation)`` pairs;
    * records (``dict``) give copies with ``field`` (a dotted path, ``meta.body``) cleaned and,
      with ``explain``, the explanation under that key; a record without a text in ``field`` is
      passed through (its explanation says why).

    ``learn_boilerplate`` first learns the site boilerplate of the whole bag (this computes it
    once; see the module docstring).
    """
    config = config or Config()
    path = split_field(field)
    if learn_boilerplate:
        config = learn_site_boilerplate(bag, config, field=field)
    return bag.map_partitions(_clean_partition, config, path, explain)


def clean_dataframe(
    frame: Any,
    config: Config | None = None,
    *,
    column: str = "text",
    explain: str | None = None,
    learn_boilerplate: bool = False,
) -> Any:
    """The dataframe with ``column`` cleaned (nulls and non-strings left as they are) and, with
    ``explain``, a string column of that name holding each row's explanation as JSON."""
    config = config or Config()
    if learn_boilerplate:
        config = learn_site_boilerplate(frame[column].to_bag(), config)
    meta = frame._meta.copy()
    if explain:
        meta[explain] = meta[column].astype(object)
    return frame.map_partitions(_clean_frame, config, column, explain, meta=meta)


def _clean_frame(part: Any, config: Config, column: str, explain: str | None) -> Any:
    texts: list[Any] = []
    whys: list[str | None] = []
    for value in part[column].tolist():
        if isinstance(value, str):
            text, why = clean_text(value, config)
            texts.append(text)
            whys.append(json.dumps(why, ensure_ascii=False))
        else:
            texts.append(value)
            whys.append(None)
    out = part.copy()
    out[column] = texts
    if explain:
        out[explain] = whys
    return out


def _texts(elements: Iterable[Any], path: tuple[str, ...]) -> Iterable[str]:
    for e in elements:
        value = e if isinstance(e, str) else _get(e, path)
        if isinstance(value, str):
            yield value


def _map_partition(
    elements: Iterable[Any], path: tuple[str, ...], sharding: Sharding, n_shards: int
) -> list[tuple[int, list[Table]]]:
    tables: list[Table] = [{} for _ in range(n_shards)]
    n = 0
    for text in _texts(elements, path):
        combine_pairs(sharding, tables, sharding.step.map(CorpusDoc("", n, text)))
        n += 1
    return [(n, [merge_tables(sharding, t) for t in tables])]


def _pick(parts: list[tuple[int, list[Table]]], shard: int, sharding: Sharding) -> Table:
    return merge_tables(sharding, *(p[1][shard] for p in parts))


def _count(parts: list[tuple[int, list[Table]]]) -> int:
    return sum(p[0] for p in parts)


def _merged(sharding: Sharding, *tables: Table) -> Table:
    return merge_tables(sharding, *tables)


def _dask() -> Any:
    import dask

    return dask


class _DelayedShards:
    """A learned table's shards, persisted where the scheduler keeps them."""

    def __init__(self, shards: list[Any]) -> None:
        self.shards = shards

    def each(self, fn: Callable[..., T], *args: Any) -> list[T]:
        dask = _dask()
        return list(dask.compute(*[dask.delayed(fn)(s, *args) for s in self.shards]))


def run_step(bag: Any, step: Any, *, field: str = "text") -> Any:
    """Run a corpus step (map → combine by key → finalize) over the texts of a bag, on its
    scheduler: each partition combines its pairs into shards, shards are merged in a tree,
    and the step is finalized shard by shard. Returns the step's result."""
    dask = _dask()
    sharding = sharding_for(step)
    path = split_field(field)
    parts = bag.map_partitions(_map_partition, path, sharding, N_SHARDS).to_delayed()
    n_docs = dask.delayed(sum)([dask.delayed(_count)(p) for p in parts])
    roots = []
    for shard in range(N_SHARDS):
        level = [dask.delayed(_pick)(p, shard, sharding) for p in parts]
        while len(level) > 1:
            level = [
                dask.delayed(_merged)(sharding, *level[i : i + FAN_IN])
                for i in range(0, len(level), FAN_IN)
            ]
        roots.extend(level)
    *shards, n = dask.persist(*roots, n_docs)
    count = int(dask.compute(n)[0])
    return sharding.finalize(_DelayedShards(list(shards)), count)


def learn_site_boilerplate(bag: Any, config: Config, *, field: str = "text") -> Config:
    """``config`` with the site boilerplate learned from the texts of ``bag``."""
    from ..corpus.site import SiteBoilerplate

    learner = SiteBoilerplate(config)
    result = run_step(bag, learner, field=field)
    return learner.apply(config, result)
