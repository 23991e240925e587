"""``newsclean fix --engine dask``: the same bytes as a local run, on a 2-worker LocalCluster.

The cluster is started once for the module (threads by default, so it starts fast; set
``NEWSCLEAN_DASK_PROCESSES=1`` for worker processes, and ``NEWSCLEAN_LONG_TESTS=1`` to run every
realbench set as text folders too). Without Dask installed these tests are skipped.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
import sys

import pytest

from .conftest import ROOT
from .engine_cases import (
    FOOTER,
    NAV,
    NEWSBENCH_DOCS,
    REALBENCH_DATA,
    records,
    tree,
    write_jsonl,
    write_parquet,
    write_site,
)

distributed = pytest.importorskip("distributed")

LONG = os.environ.get("NEWSCLEAN_LONG_TESTS") == "1"


@pytest.fixture(scope="module")
def scheduler():
    processes = os.environ.get("NEWSCLEAN_DASK_PROCESSES") == "1"
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=processes, dashboard_address=None
    )
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()


@pytest.fixture
def both(cli, scheduler, tmp_path):
    """Run the same command locally and on the cluster; return both outcomes and trees."""

    def go(*args: str, out: bool = True):
        runs = {}
        for engine in ("local", "dask"):
            extra = ["-o", str(tmp_path / engine)] if out else []
            flags = ["--engine", "dask", "--scheduler", scheduler] if engine == "dask" else []
            runs[engine] = cli("fix", *flags, *extra, *args)
        local, dask = runs["local"], runs["dask"]
        assert (dask.code, dask.stdout) == (local.code, local.stdout)
        # (messages may name the output, which is in each engine's own folder)
        mine = {e: _untimed(runs[e].stderr.replace(str(tmp_path / e), "OUT")) for e in runs}
        assert mine["dask"] == mine["local"]
        if out:
            trees = tree(tmp_path / "local"), tree(tmp_path / "dask")
            assert trees[1] == trees[0]
            return local, trees[0]
        return local, {}

    return go


def _untimed(stderr: str) -> str:
    """Stderr without the run's duration (the summary line's, the JSON report's)."""
    stderr = re.sub(r" in [0-9.]+ s: ", " in 0 s: ", stderr)
    return re.sub(r'"seconds": [0-9.]+', '"seconds": 0', stderr)


def _lines(files: dict[str, bytes]) -> set[str]:
    return {line for data in files.values() for line in data.decode("utf-8").splitlines()}


def test_text_folder_with_learned_boilerplate_and_dedup(both, tmp_path):
    src = write_site(tmp_path / "in")
    run, files = both("-q", "--dedup-docs", "--duplicates-dir", str(tmp_path / "dups"), str(src))
    run.expect(0)
    assert len(files) == 10  # two copies rejected
    lines = _lines(files)
    assert not lines & {*NAV, *FOOTER}  # learned from the run: no lexicon knows them
    assert any("社区食堂开业" in line for line in lines)


def test_text_folder_reports_and_stdout_modes(both, tmp_path):
    src = write_site(tmp_path / "in")
    both("--check", "--dedup-docs", str(src), out=False)[0].expect(1)
    diff, _ = both("--diff", str(src), out=False)
    assert diff.stdout.startswith(b"---")
    both("--report", "json", "--dedup-docs", str(src), out=False)
    run, _ = both("-q", "--no-learn-boilerplate", str(src))
    run.expect(0)


def test_jsonl_and_gzip(both, tmp_path):
    write_jsonl(tmp_path / "in" / "a.jsonl", 60)
    write_jsonl(tmp_path / "in" / "sub" / "b.jsonl.gz", 30)
    run, files = both("-q", "--dedup-docs", "--stats-field", "nc", str(tmp_path / "in"), "--jsonl")
    run.expect(123)  # the bad record: reported the same way, the rest cleaned
    assert set(files) == {"a.jsonl", "sub/b.jsonl.gz"}
    out = [json.loads(line) for line in gzip.decompress(files["sub/b.jsonl.gz"]).splitlines()]
    assert len(out) < 31 and all("nc" in r for r in out if isinstance(r["text"], str))


def test_parquet(both, tmp_path):
    pytest.importorskip("pyarrow")
    rows = [r for r in records(50) if isinstance(r["text"], str)]
    rows[3]["text"] = None  # a null value: left as it is
    write_parquet(tmp_path / "in" / "t.parquet", [{"id": r["id"], "text": r["text"]} for r in rows])
    run, files = both(
        "-q", "--to", "zh-hant", "--stats-field", "nc", str(tmp_path / "in" / "t.parquet")
    )
    run.expect(0)
    assert list(files) == ["t.parquet"]


@pytest.mark.skipif(not NEWSBENCH_DOCS.is_dir(), reason="../shared/newsbench-public is absent")
def test_newsbench_docs(both, tmp_path):
    report = tmp_path / "clusters.json"
    run, files = both(
        "-q", "--to", "zh-hans", "--dedup-docs", "--dedup-report", str(report), str(NEWSBENCH_DOCS)
    )
    run.expect(0)
    assert 300 < len(files) < 400  # learned boilerplate and near-duplicates both at work
    assert json.loads(report.read_text("utf-8"))["rejected"] == 400 - len(files)


#: Records of each realbench set (all of them with NEWSCLEAN_LONG_TESTS=1).
HEAD = None if LONG else 40


def _realbench(name: str) -> list[dict[str, str]]:
    with gzip.open(REALBENCH_DATA / f"{name}.jsonl.gz", "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle][:HEAD]


needs_realbench = pytest.mark.skipif(
    not REALBENCH_DATA.is_dir(), reason="../shared/realbench is absent"
)


@needs_realbench
def test_realbench_datasets(both, tmp_path):
    folder = tmp_path / "sets"
    folder.mkdir()
    for name in ("cwce", "aeb", "np4k", "rdb"):
        data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in _realbench(name))
        (folder / f"{name}.jsonl.gz").write_bytes(gzip.compress(data.encode(), mtime=0))
    run, files = both("-q", "--jsonl", "--field", "input", "--dedup-docs", str(folder))
    run.expect(0)
    assert len(files) == 4


@needs_realbench
@pytest.mark.parametrize("name", ["cwce", "aeb", "np4k", "rdb"] if LONG else ["cwce", "rdb"])
def test_realbench_pages_as_text_files(both, tmp_path, name):
    folder = tmp_path / "pages"
    folder.mkdir()
    for record in _realbench(name):
        (folder / f"{record['id']}.txt").write_text(record["input"], "utf-8")
    run, files = both("-q", "--dedup-docs", str(folder))
    run.expect(0)
    assert len(files) > 30


def test_without_a_scheduler_a_local_cluster_is_started(tmp_path):
    src = write_site(tmp_path / "in", 6)
    outs = []
    for engine in ("local", "dask"):
        cmd = [sys.executable, "-m", "newsclean", "fix", "--engine", engine, "-j", "2"]
        proc = subprocess.run(
            [*cmd, "--progress", "-o", str(tmp_path / engine), str(src)],
            capture_output=True,
            timeout=120,
            check=False,
            cwd=ROOT,
        )
        assert proc.returncode == 0, proc.stderr.decode()
        summary = proc.stderr.decode().strip().splitlines()[-1].split("\x1b[K")[-1]
        assert summary.startswith("cleaned 6 files") and summary.endswith("0 failed")
        outs.append(tree(tmp_path / engine))
    assert outs[0] == outs[1]


def test_a_scheduler_that_is_not_there_is_a_usage_error(cli, tmp_path):
    import dask

    src = write_site(tmp_path / "in", 3)
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        run = cli(
            "fix",
            "--engine",
            "dask",
            "--scheduler",
            "tcp://127.0.0.1:9",
            "-o",
            str(tmp_path / "o"),
            str(src),
        )
    run.expect(2)
    assert "--engine dask" in run.stderr
    assert not (tmp_path / "o").exists()


def test_an_output_that_cannot_be_written_is_reported_the_same(both, tmp_path):
    # text outputs are written by the workers: a failure there is the parent's kind of failure
    src = write_site(tmp_path / "in", 6)
    for engine in ("local", "dask"):
        (tmp_path / engine / "city" / "002.txt").mkdir(parents=True)
    run, files = both("-q", "--no-learn-boilerplate", str(src))
    run.expect(123)
    assert "002.txt: error:" in run.stderr
    assert len(files) == 5


def test_in_place(cli, scheduler, tmp_path):
    trees = []
    for engine in ("local", "dask"):
        src = write_site(tmp_path / engine)
        clean = src / "clean.txt"
        clean.write_text("今天天气很好，我们去公园散步了。\n", "utf-8")
        before = clean.stat().st_mtime_ns
        flags = ["--engine", "dask", "--scheduler", scheduler] if engine == "dask" else []
        cli("fix", *flags, "-q", "-i", "--learn-boilerplate", "--to", "zh-hans", str(src)).expect(0)
        trees.append(tree(src))
        assert clean.stat().st_mtime_ns == before  # an unchanged file is left untouched
    assert trees[0] == trees[1]
    original = tree(write_site(tmp_path / "original"))
    assert trees[0]["city/000.txt"] != original["city/000.txt"]  # the pages were rewritten
