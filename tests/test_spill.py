"""A step's table spilled to disk past a bound (``newsclean.run.spill``) finalizes to what the
step's own ``finalize`` makes of the whole table in memory: for the site learner (shards
finalized one by one), near-duplicate documents (only the candidates gathered) and any other
step (gathered whole); and a run whose tables spill writes what a run whose tables do not."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from newsclean import Config
from newsclean.corpus import CorpusDoc, combine_into
from newsclean.corpus.dedup import NearDuplicateDocs
from newsclean.corpus.site import SiteBoilerplate
from newsclean.run import spill
from newsclean.run.files import discover
from newsclean.run.progress import Progress
from newsclean.run.report import Report
from newsclean.run.runner import Options, run
from newsclean.run.spill import SpillTable
from tests.test_one_pass import NEWSBENCH, _tree, one_pass_run, two_pass

#: A site's own furniture (lines no shipped rule knows: the batch must teach them).
MENU = ("晨风文学馆", "溪山茶话会", "River Notes weekly", "读书节特刊")
#: Short lines below a page's body, two of twenty on each (some recur often enough to learn).
TAGS = tuple(f"{a}季{b}" for a in "春夏秋冬" for b in ("茶会", "书评", "游记", "手记", "随笔"))


def _site_docs(n: int, seed: int) -> list[CorpusDoc]:
    """Pages of one site: its menu lines (a page leaves some out), a body of the page's own,
    a counter and two of the site's tags below it."""
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        lines = [m for m in MENU if rng.random() < 0.8]
        lines += [f"第{i}篇报道：记者今天从会议上获悉，{rng.randrange(10**6)}项措施已经落实。"]
        lines += [f"相关新闻 {rng.randrange(40)}", *rng.sample(TAGS, 2)]
        docs.append(CorpusDoc(f"{i:03}.txt", i, "\n".join(lines)))
    return docs


class _Count:
    """A step with no sharding of its own: it is gathered whole."""

    def map(self, doc: CorpusDoc) -> list[tuple[str, int]]:
        return [(w, 1) for w in set(doc.text.split())]

    def combine(self, a: int, b: int) -> int:
        return a + b

    def finalize(self, table: dict[str, int], n_docs: int) -> dict[str, int]:
        return {w: c for w, c in table.items() if c >= 3}


def _both(step: Any, docs: list[CorpusDoc], folder: Path, limit: int) -> tuple[Any, Any, int]:
    whole: dict[Any, Any] = {}
    folder.mkdir(exist_ok=True)
    table = SpillTable(step, str(folder), limit=limit, shards=7)
    for doc in docs:
        pairs = list(step.map(doc))
        combine_into(step, whole, pairs)
        table.add(pairs)
    return step.finalize(whole, len(docs)), table.finalize(len(docs)), table.spills


@pytest.mark.parametrize("limit", [1, 3, 8])
def test_the_site_learner_spilled_learns_what_it_learns_in_memory(
    tmp_path: Path, limit: int
) -> None:
    step = SiteBoilerplate()
    for seed in range(4):
        expected, got, spills = _both(step, _site_docs(60, seed), tmp_path / f"{seed}", limit)
        assert spills >= 1
        assert expected, "the pages teach something: the test can fail"
        assert got == expected


def test_near_duplicates_spilled_are_found_as_in_memory(tmp_path: Path) -> None:
    story = "国务院总理今天主持召开国务院常务会议，部署进一步稳定经济的措施。" * 4
    other = "本市今年的降雨量比往年偏多，有关部门提醒市民注意出行安全。" * 4
    texts = [story, other, story + "（完）", other, "一篇与众不同的报道，只说了一件事。" * 5]
    docs = [CorpusDoc(f"{i}.txt", i, texts[i % len(texts)]) for i in range(12)]
    step = NearDuplicateDocs()
    expected, got, spills = _both(step, docs, tmp_path, limit=3)
    assert spills >= 1
    assert step.rejected(expected), "copies are found: the test can fail"
    assert step.rejected(got) == step.rejected(expected)
    assert step.report(got) == step.report(expected)


def test_any_other_step_is_gathered_whole(tmp_path: Path) -> None:
    docs = [
        CorpusDoc(f"{i}", i, " ".join(f"w{(i * 7 + k) % 13}" for k in range(5))) for i in range(30)
    ]
    expected, got, spills = _both(_Count(), docs, tmp_path, limit=4)
    assert spills >= 1 and expected
    assert got == expected


def test_a_table_within_its_bound_never_touches_the_disk(tmp_path: Path) -> None:
    expected, got, spills = _both(SiteBoilerplate(), _site_docs(30, 1), tmp_path, limit=1000)
    assert spills == 0 and got == expected
    assert not list(tmp_path.iterdir())


def test_the_table_in_memory_stays_within_its_bound(tmp_path: Path) -> None:
    step = SiteBoilerplate()
    table = SpillTable(step, str(tmp_path), limit=10)
    for doc in _site_docs(80, 2):
        table.add(step.map(doc))
        assert len(table.table) <= 10
    assert table.spills > 5


def test_a_run_whose_tables_spill_writes_what_two_passes_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not NEWSBENCH.exists():
        pytest.skip(f"{NEWSBENCH} is not here")
    inputs = tmp_path / "in"
    inputs.mkdir()
    for path in sorted(NEWSBENCH.glob("*.txt"))[:200]:
        (inputs / path.name).write_bytes(path.read_bytes())
    config = Config(to="zh-hans")
    learned = two_pass(inputs, tmp_path / "ref", config)
    assert learned.site_boilerplate, "the corpus teaches something: the test can fail"
    spills: list[int] = []
    spill_once = SpillTable._spill

    def counted(self: SpillTable) -> None:
        spills.append(len(self.table))
        spill_once(self)

    monkeypatch.setattr(spill, "LIMIT", 200)
    monkeypatch.setattr(SpillTable, "_spill", counted)
    for jobs in (1, 2):
        spills.clear()
        assert one_pass_run(inputs, tmp_path / f"j{jobs}", config, jobs).exit_code == 0
        assert spills  # (the bound was reached: the test can fail)
        assert _tree(tmp_path / f"j{jobs}") == _tree(tmp_path / "ref")


def test_a_dedup_run_whose_tables_spill_rejects_what_it_rejects_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    story = "国务院总理今天主持召开国务院常务会议，部署进一步稳定经济的措施。" * 4
    inputs = tmp_path / "in"
    inputs.mkdir()
    for i in range(20):
        text = (
            story
            if i % 4 == 0
            else f"第{i}篇：" + "本市今年的降雨量比往年偏多，有关部门提醒。" * (i % 5 + 2)
        )
        (inputs / f"{i:02}.txt").write_text(text + "\n", "utf-8")
    config = Config()
    outs = {}
    for name, limit in (("memory", spill.LIMIT), ("spilled", 5)):
        monkeypatch.setattr(spill, "LIMIT", limit)
        sources, _ = discover([str(inputs)])
        lines: list[str] = []
        report = Report(quiet=False, emit=lines.append)
        out = tmp_path / name
        run(
            sources,
            config,
            Options(output_dir=out),
            report,
            Progress(enabled=False),
            [],
            [NearDuplicateDocs()],
        )
        outs[name] = (_tree(out), sorted(line for line in lines if "rejected" in line))
    assert outs["spilled"][1], "copies are rejected: the test can fail"
    assert outs["spilled"] == outs["memory"]


def test_a_run_whose_temporary_storage_fails_stops_with_one_line(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    def full(self: SpillTable) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    src = tmp_path / "in"
    src.mkdir()
    for doc in _site_docs(12, 3):
        (src / doc.id).write_text(doc.text + "\n", "utf-8")
    monkeypatch.setattr(spill, "LIMIT", 1)
    monkeypatch.setattr(SpillTable, "_spill", full)
    run = cli("fix", "-j", "1", "-o", str(tmp_path / "out"), str(src)).expect(123)
    lines = run.stderr.strip().splitlines()
    assert lines[-1].startswith("newsclean: error: No space left on device: the run stopped")
    assert "Traceback" not in run.stderr
    out = tmp_path / "out"
    assert not out.exists() or not any(out.rglob("*"))  # (learning stopped before any output)
