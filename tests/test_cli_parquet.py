"""Parquet tables in and out (the optional extra newsclean[parquet]; skipped without pyarrow)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .test_cli_jsonl import CLEAN_FIELD, DIRTY_FIELD

pa = pytest.importorskip("pyarrow", reason="Parquet needs the optional extra newsclean[parquet]")
pq = pytest.importorskip("pyarrow.parquet")


def _table(path: Path, texts: list[str | None]) -> None:
    table = pa.table({"id": list(range(len(texts))), "text": texts})
    pq.write_table(table, path)


def test_parquet_in_and_out(cli, tmp_path, monkeypatch):
    from newsclean.run import parquet

    monkeypatch.setattr(parquet, "BATCH_ROWS", 3)
    src = tmp_path / "in"
    src.mkdir()
    texts = [DIRTY_FIELD, "ok", None, DIRTY_FIELD, "clean."] * 3
    _table(src / "t.parquet", texts)
    out = tmp_path / "out"
    cli("fix", "-j", "2", "-o", str(out), "--stats-field", "nc", str(src / "t.parquet")).expect(0)
    table = pq.read_table(out / "t.parquet")
    assert table.column("id").to_pylist() == list(range(15))
    cleaned = [CLEAN_FIELD if t == DIRTY_FIELD else t for t in texts]
    assert table.column("text").to_pylist() == cleaned
    stats = [json.loads(s) for s in table.column("nc").to_pylist()]
    assert stats[0]["changed"] is True and stats[1]["changed"] is False and stats[2] is None


def test_parquet_check_in_place_and_errors(cli, tmp_path):
    path = tmp_path / "t.parquet"
    _table(path, [DIRTY_FIELD, "ok"])
    assert (
        f"would change {path} (1 of 2 records)" in cli("fix", "--check", str(path)).expect(1).stderr
    )
    cli("fix", str(path)).expect(2)  # a table is not written to stdout
    cli("fix", "-i", str(path)).expect(0)
    assert pq.read_table(path).column("text").to_pylist() == [CLEAN_FIELD, "ok"]
    cli("fix", "--check", str(path)).expect(0)
    run = cli("fix", "--check", "--field", "body", str(path)).expect(123)
    assert run.stderr.startswith(f"{path}: error: no column 'body'")
    numbers = tmp_path / "n.parquet"
    pq.write_table(pa.table({"text": [1, 2]}), numbers)
    run = cli("fix", "--check", str(numbers)).expect(123)
    assert "is int64, not a string column" in run.stderr
