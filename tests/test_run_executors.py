"""The executor interface without Dask: the local executor against the runner, and the sharded
finalize of every corpus step against the step's own finalize over the whole table."""

from __future__ import annotations

import pickle

import pytest

from newsclean.config import Config
from newsclean.corpus import CorpusDoc, run_local
from newsclean.corpus.dedup import NearDuplicateDocs
from newsclean.corpus.site import SiteBoilerplate
from newsclean.run import engine
from newsclean.run.executors import LocalExecutor
from newsclean.run.files import discover
from newsclean.run.report import Report
from newsclean.run.runner import Options, run
from newsclean.run.sharding import Candidates, LocalShards, Whole, shard_index, sharding_for

from .engine_cases import NEWSBENCH_DOCS, pages, tree, write_site


def _docs(texts: list[str]) -> list[CorpusDoc]:
    return [CorpusDoc(f"{i:03}.txt", i, text) for i, text in enumerate(texts)]


def _newsbench() -> list[CorpusDoc]:
    if not NEWSBENCH_DOCS.is_dir():
        pytest.skip("../shared/newsbench-public is not beside the clone")
    paths = sorted(NEWSBENCH_DOCS.glob("*.txt"))
    return _docs([p.read_text("utf-8", "replace") for p in paths])


def _generated() -> list[CorpusDoc]:
    return _docs(pages(30))


@pytest.mark.parametrize("corpus", [_generated, _newsbench])
@pytest.mark.parametrize("n_shards", [1, 3, 8])
@pytest.mark.parametrize(
    "step", [SiteBoilerplate(Config(to="zh-hans")), NearDuplicateDocs(0.7)], ids=["site", "dedup"]
)
def test_sharded_finalize_is_the_steps_own(corpus, n_shards, step):
    docs = corpus()
    expected = run_local(step, docs)
    pairs = [pair for doc in docs for pair in step.map(doc)]
    got = sharding_for(step).finalize(LocalShards(sharding_for(step), pairs, n_shards), len(docs))
    assert got == expected
    assert expected  # the corpus teaches the step something: the comparison can fail


def test_dedup_shards_leave_out_lonely_buckets_and_signatures():
    from newsclean.corpus.dedup import _flatten

    step = NearDuplicateDocs(0.7)
    docs = _generated()
    pairs = [pair for doc in docs for pair in step.map(doc)]
    buckets, signatures = _pruned(LocalShards(Candidates(step), pairs, 4))
    members = [set(_flatten(v)) for part in buckets for v in part.values()]
    assert members and all(len(m) > 1 for m in members)
    candidates = set().union(*members)
    kept = {key[1] for part in signatures for key in part}
    assert kept == candidates and len(kept) < len(docs)


def _pruned(shards: LocalShards) -> tuple[list[dict], list[dict]]:
    from newsclean.run.sharding import _shared_buckets, _signatures_of

    found = shards.each(_shared_buckets)
    orders = frozenset().union(*(o for _, o in found))
    return [b for b, _ in found], shards.each(_signatures_of, orders)


def test_a_bucket_of_many_copies_stays_shallow_enough_to_pickle():
    step = NearDuplicateDocs(0.7)
    doc = "国务院总理今天主持召开国务院常务会议，部署进一步稳定经济的措施。" * 3
    pairs = [p for i in range(5000) for p in step.map(CorpusDoc(f"{i}", i, doc))]
    shards = LocalShards(sharding_for(step), pairs, 2)
    pickle.loads(pickle.dumps(shards.tables))  # a chain of 5,000 pairs would not pickle
    result = sharding_for(step).finalize(shards, 5000)
    assert len(result.clusters) == 1 and len(result.clusters[0].duplicates) == 4999


def test_shard_index_is_stable_across_processes():
    # blake2b of the key's repr, not hash(): the same in every worker process
    assert shard_index("h青禾网首页", 7) == shard_index("h青禾网首页", 7)
    assert [shard_index((3, 12345678901), 5) for _ in range(2)] == [
        shard_index((3, 12345678901), 5)
    ] * 2
    assert shard_index("anything", 1) == 0


def test_an_unknown_step_is_finalized_whole():
    class Count:
        def map(self, doc):
            return [(w, 1) for w in set(doc.text.split())]

        def combine(self, a, b):
            return a + b

        def finalize(self, table, n_docs):
            return {w: c for w, c in table.items() if c == n_docs}

    docs = [CorpusDoc("a", 0, "x y"), CorpusDoc("b", 1, "y z"), CorpusDoc("c", 2, "y x")]
    sharding = sharding_for(Count())
    assert isinstance(sharding, Whole)
    pairs = [p for d in docs for p in Count().map(d)]
    assert sharding.finalize(LocalShards(sharding, pairs, 3), 3) == {"y": 3}


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_local_executor_runs_the_batch_like_the_runner(tmp_path, jobs):
    src = write_site(tmp_path / "in")
    config = Config(to="zh-hans")
    outs = []
    for name, go in (("runner", _runner), ("executor", _executor(jobs))):
        out = tmp_path / name
        sources, _ = discover([str(src)])
        options = Options(output_dir=out, jobs=jobs)
        steps = [SiteBoilerplate(config)], [NearDuplicateDocs.from_config(config)]
        report = Report(quiet=True, emit=lambda line: None)
        reports = go(sources, config, options, report, *steps)
        outs.append((tree(out), reports, report.totals() | {"seconds": 0}))
    assert outs[0] == outs[1]
    assert len(outs[0][0]) == 10  # two of the twelve pages were copies


def _runner(sources, config, options, report, learners, filters):
    return run(sources, config, options, report, None, learners, filters)


def _executor(jobs: int):
    def go(sources, config, options, report, learners, filters):
        return engine.run(
            LocalExecutor(jobs), sources, config, options, report, None, learners, filters
        )

    return go


def test_help_and_a_local_run_import_nothing_of_dask(tmp_path):
    import subprocess
    import sys

    src = write_site(tmp_path / "in", 3)
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from newsclean.cli import main\n"
        "for args in (['--help'], ['fix', '--help'], ['fix', '-j', '1', '-q', '--check', sys.argv[1]]):\n"
        "    CliRunner().invoke(main, args)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, str(src)], capture_output=True, text=True, check=True
    )
    assert proc.stdout.strip() == "[]", proc.stdout


def test_engine_dask_without_dask_says_what_to_install(cli, tmp_path, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "distributed", None)  # as if not installed
    src = write_site(tmp_path / "in", 3)
    run = cli("fix", "--engine", "dask", "-o", str(tmp_path / "out"), str(src)).expect(2)
    assert "pip install 'newsclean[dask]'" in run.stderr
    assert not (tmp_path / "out").exists()


def test_scheduler_needs_the_dask_engine(cli, tmp_path):
    src = write_site(tmp_path / "in", 3)
    run = cli("fix", "--scheduler", "tcp://127.0.0.1:8786", "-o", str(tmp_path / "o"), str(src))
    assert "--scheduler needs --engine dask" in run.expect(2).stderr
