"""The runner's cross-document hooks (with small fake steps) and the worker pool."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pytest

from newsclean import Config
from newsclean.corpus import CorpusDoc, run_local
from newsclean.run.pool import ordered_map

from .test_cli import CLEANED, DIRTY
from .test_cli_batch import _files

CLEAN = "今天天气很好，我们去公园散步。\n"


class SameText:
    """A DocumentFilter: a document whose cleaned text equals an earlier one's is rejected."""

    name = "same-text"

    def map(self, doc: CorpusDoc) -> Iterable[tuple[str, list[tuple[int, str]]]]:
        return [(doc.text, [(doc.order, doc.id)])]

    def combine(self, a: list[tuple[int, str]], b: list[tuple[int, str]]) -> list[tuple[int, str]]:
        return sorted(a + b)

    def finalize(self, table: Mapping[str, list[tuple[int, str]]], n_docs: int) -> dict[str, Any]:
        rejected = {}
        for copies in table.values():
            first = copies[0][1]
            rejected.update({doc_id: f"same text as {first}" for _, doc_id in copies[1:]})
        return {"rejected": rejected, "documents": n_docs}

    def rejected(self, result: dict[str, Any]) -> Mapping[str, str]:
        return result["rejected"]

    def report(self, result: dict[str, Any]) -> dict[str, Any]:
        return {"documents": result["documents"], "rejected": len(result["rejected"])}


class MostlyTraditional:
    """A ConfigLearner: if most documents hold Traditional 會, convert all to Simplified."""

    def map(self, doc: CorpusDoc) -> Iterable[tuple[str, int]]:
        return [("traditional", 1)] if "會" in doc.text else []

    def combine(self, a: int, b: int) -> int:
        return a + b

    def finalize(self, table: Mapping[str, int], n_docs: int) -> bool:
        return table.get("traditional", 0) * 2 > n_docs

    def apply(self, config: Config, result: bool) -> Config:
        return config.replace(to="zh-hans") if result else config


@pytest.fixture
def steps(monkeypatch):
    """Plug fake steps into the CLI the way a real option would (newsclean.cli.corpus_steps)."""
    chosen: dict[str, list[Any]] = {"learners": [], "filters": []}
    monkeypatch.setattr(
        "newsclean.cli.corpus_steps", lambda config, params: (chosen["learners"], chosen["filters"])
    )
    return chosen


def _tree(root: Path) -> Path:
    src = root / "in"
    for rel, text in {
        "a.txt": DIRTY,
        "b/copy.txt": "\n" + DIRTY,  # cleans to the same text as a.txt
        "c.txt": CLEAN,
        "d/again.txt": CLEAN + "\n",  # same as c.txt after cleaning
        "e.txt": "第二篇" + CLEAN,
    }.items():
        path = src / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return src


def test_filter_rejects_documents_under_output_dir_identically_for_any_jobs(cli, tmp_path, steps):
    steps["filters"] = [SameText()]
    src = _tree(tmp_path)
    results = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        run = cli("fix", "-j", jobs, "-o", str(out), str(src)).expect(0)
        results.append((run.stderr, _files(out)))
        assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no spool left
    assert results[0] == results[1]
    stderr, files = results[0]
    assert sorted(files) == ["a.txt", "c.txt", "e.txt"]
    assert stderr.splitlines() == [
        f"{src / 'b' / 'copy.txt'}: rejected: same text as {src / 'a.txt'}",
        f"{src / 'd' / 'again.txt'}: rejected: same text as {src / 'c.txt'}",
    ]


def test_filter_in_check_diff_and_in_place_modes(cli, tmp_path, steps):
    steps["filters"] = [SameText()]
    src = _tree(tmp_path)
    before = _files(src)
    clean_only = [str(src / "c.txt"), str(src / "d" / "again.txt")]  # nothing to clean, one copy
    run = cli("fix", "--check", *clean_only).expect(1)
    assert f"{src / 'd' / 'again.txt'}: would reject: same text as {src / 'c.txt'}" in run.stderr
    assert "0 would change, 1 unchanged, 0 failed, 1 rejected" in run.stderr
    diff = cli("fix", "--diff", str(src)).expect(0)
    assert diff.out.count("--- ") == 1 and "copy.txt" not in diff.out  # no diff for a rejected one
    assert "copy.txt: would reject" in diff.stderr
    assert _files(src) == before
    run = cli("fix", "-i", str(src)).expect(0)
    assert (src / "a.txt").read_text("utf-8") == CLEANED
    assert (src / "b" / "copy.txt").read_text("utf-8") == "\n" + DIRTY  # never deleted, untouched
    assert f"{src / 'b' / 'copy.txt'}: rejected:" in run.stderr


def test_filter_drops_rejected_records_from_datasets(cli, tmp_path, steps):
    steps["filters"] = [SameText()]
    path = tmp_path / "d.jsonl"
    records = [{"i": i, "text": t} for i, t in enumerate(["x", "y", "x", "z", "y"])]
    path.write_text("".join(json.dumps(r) + "\n" for r in records) + "{bad\n")
    run = cli("fix", str(path)).expect(123)  # stdout, spooled in a temporary file
    assert [json.loads(x)["i"] for x in run.out.splitlines()[:-1]] == [0, 1, 3]
    assert run.out.splitlines()[-1] == "{bad"
    assert f"{path}:3: rejected: same text as {path}:1" in run.stderr
    assert f"{path}:5: rejected: same text as {path}:2" in run.stderr
    report_file = tmp_path / "r.json"
    cli("fix", "-i", "--report-file", str(report_file), str(path)).expect(123)
    assert len(path.read_text().splitlines()) == 4
    report = json.loads(report_file.read_text())
    assert report["steps"] == {"same-text": {"documents": 5, "rejected": 2}}
    assert report["inputs"][0]["rejected_total"] == 2
    assert report["inputs"][0]["status"] == "changed"


def test_learner_refines_the_config_for_every_document(cli, tmp_path, steps):
    steps["learners"] = [MostlyTraditional()]
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(DIRTY, "utf-8")
    (src / "b.txt").write_bytes(DIRTY.encode("big5", "ignore"))  # learners see decoded text
    (src / "c.txt").write_text("歡迎。\n", "utf-8")
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        cli("fix", "-j", jobs, "-o", str(out), str(src)).expect(0)
        outs.append(_files(out))
    assert outs[0] == outs[1]
    assert outs[0]["c.txt"].decode() == "欢迎。\n"  # converted because the others are Traditional
    # stdin is read twice (learning, then cleaning): it is spooled first
    assert (
        cli("fix", stdin=DIRTY.encode()).expect(0).out
        == "1月4日，大会开幕，会议开始，会场热闹，会后散场。\n"
    )
    (src / "d.txt").write_text(CLEAN, "utf-8")
    (src / "e.txt").write_text(CLEAN, "utf-8")
    cli("fix", "-o", str(tmp_path / "out3"), str(src)).expect(0)
    assert (tmp_path / "out3" / "c.txt").read_text("utf-8") == "歡迎。\n"  # now a minority


def test_learners_and_filters_match_the_reference_executor(tmp_path):
    """The runner's map/combine/finalize gives what corpus.run_local gives."""
    from newsclean.run.files import discover
    from newsclean.run.report import Report
    from newsclean.run.runner import Options, run

    src = _tree(tmp_path)
    sources, _ = discover([str(src)])
    docs = []
    for order, source in enumerate(sources):
        from newsclean import clean_bytes

        docs.append(CorpusDoc(source.display, order, clean_bytes(source.path.read_bytes()).text))
    expected = SameText().report(run_local(SameText(), docs))
    for jobs in (1, 2):
        report = Report(mode="check", emit=lambda line: None)
        steps = run(
            sources, Config(), Options(mode="check", jobs=jobs), report, filters=[SameText()]
        )
        assert steps == {"same-text": expected}


def _maybe_die(state: int, item: int) -> int:
    if item == state:
        os._exit(3)
    return item * 10


def test_pool_keeps_order_and_survives_a_dying_worker():
    results = list(ordered_map(_maybe_die, 5, range(12), jobs=2, on_crash=lambda item, exc: -item))
    assert results == [0, 10, 20, 30, 40, -5, 60, 70, 80, 90, 100, 110]
    assert list(ordered_map(_maybe_die, -1, range(30), jobs=3, on_crash=None, window=2)) == [
        i * 10 for i in range(30)
    ]


def _counting(taken: list[int]):
    """0, 1, 2, … for ever, noting in ``taken`` each number handed out."""
    i = 0
    while True:
        taken.append(i)
        yield i
        i += 1


def test_pool_reads_its_input_only_as_fast_as_results_are_taken():
    """What keeps a huge dataset in constant memory: at most `window` units in flight."""
    taken: list[int] = []
    results = ordered_map(_maybe_die, -1, _counting(taken), jobs=2, on_crash=None, window=3)
    assert [next(results) for _ in range(5)] == [0, 10, 20, 30, 40]
    assert len(taken) <= 5 + 3
    results.close()


def test_pool_bounds_the_weight_in_flight_but_always_takes_one():
    """Units weigh their bytes: a heavy one still runs alone, light ones fill the budget."""
    taken: list[int] = []
    weights = {0: 1000}  # the first unit is over the budget on its own
    results = ordered_map(
        _maybe_die,
        -1,
        _counting(taken),
        jobs=2,
        on_crash=None,
        window=100,
        weigh=lambda i: weights.get(i, 10),
        budget=30,
    )
    assert next(results) == 0
    assert len(taken) == 1  # nothing joined the heavy unit in flight
    assert [next(results) for _ in range(4)] == [10, 20, 30, 40]
    assert len(taken) <= 5 + 3  # three light units at most in flight
    results.close()
