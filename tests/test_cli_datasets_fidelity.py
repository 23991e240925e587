"""Datasets keep what newsclean does not clean: JSONL bytes, Parquet layout; null text alike."""

from __future__ import annotations

import json

import pytest

from .test_cli_jsonl import CLEAN_FIELD, DIRTY_FIELD

DIRTY_JSON = json.dumps(DIRTY_FIELD, ensure_ascii=False)
CLEAN_JSON = json.dumps(CLEAN_FIELD, ensure_ascii=False)

LINES = [
    # numbers Python's json would rewrite (1.10 -> 1.1, 1e3 -> 1000.0), -0.0, a big integer,
    # nested objects and arrays, odd spacing, a duplicate key, unicode escapes elsewhere
    '{"n": 1.10, "e": 1e3, "z": -0.0, "big": 123456789012345678901234567890, '
    '"meta": {"a": [1, 2.50, {"b": null}], "s": "caf\\u00e9"},  "text": ' + DIRTY_JSON + "}\n",
    '{"text":' + DIRTY_JSON + ',"x":1E+2,"y":[ ]}\r\n',
    '{"id": 1, "text": "first", "text": ' + DIRTY_JSON + "}\n",
]


def test_jsonl_fields_other_than_the_cleaned_one_stay_byte_identical(cli, tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_bytes("".join(LINES).encode())
    cli("fix", "-i", str(path)).expect(0)
    out = path.read_bytes().decode().splitlines(keepends=True)
    assert out == [line.replace(DIRTY_JSON, CLEAN_JSON) for line in LINES]


def test_jsonl_stats_field_is_added_without_touching_the_rest(cli, tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_bytes(LINES[0].encode())
    out = cli("fix", "--stats-field", "nc", str(path)).expect(0).out
    head = LINES[0].replace(DIRTY_JSON, CLEAN_JSON).rstrip("}\n")
    assert out.startswith(head + ', "nc": {"changed": true')
    assert json.loads(out)["nc"]["changed"] is True


def test_jsonl_ascii_escaped_line_stays_escaped(cli, tmp_path):
    path = tmp_path / "d.jsonl"
    line = json.dumps({"text": DIRTY_FIELD, "n": 1.10}).replace("1.1", "1.10") + "\n"
    path.write_bytes(line.encode())
    out = cli("fix", str(path)).expect(0).out
    assert out.isascii() and out.endswith(', "n": 1.10}\n')
    assert json.loads(out)["text"] == CLEAN_FIELD
    diff = cli("fix", "--diff", str(path)).expect(0).out
    assert f"+{CLEAN_FIELD}\n" in diff and "\\u" not in diff  # the text, not escapes


def test_null_text_is_kept_and_counted_in_jsonl_and_parquet_alike(cli, tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    jsonl = tmp_path / "d.jsonl"
    jsonl.write_text('{"text": null}\n{"text": ' + DIRTY_JSON + "}\n", "utf-8")
    table = tmp_path / "t.parquet"
    pq.write_table(pa.table({"text": [None, DIRTY_FIELD]}), table)
    reports = {}
    for path in (jsonl, table):
        report = tmp_path / f"{path.suffix}.json"
        cli("fix", "-i", "--report-file", str(report), str(path)).expect(0)
        reports[path.suffix] = json.loads(report.read_text())["inputs"][0]
    assert reports[".jsonl"]["null_records"] == reports[".parquet"]["null_records"] == 1
    assert jsonl.read_text("utf-8").splitlines()[0] == '{"text": null}'
    assert pq.read_table(table).column("text").to_pylist() == [None, CLEAN_FIELD]


@pytest.mark.parametrize("codec", ["zstd", "gzip", "none"])
def test_parquet_keeps_compression_and_row_group_sizes(cli, tmp_path, codec):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    path = tmp_path / "t.parquet"
    n = 1300
    table = pa.table(
        {"id": list(range(n)), "text": [DIRTY_FIELD if i % 2 else "ok" for i in range(n)]}
    )
    pq.write_table(table, path, compression=codec, row_group_size=600)
    before = pq.ParquetFile(path).metadata
    cli("fix", "-i", str(path)).expect(0)
    after = pq.ParquetFile(path).metadata
    groups = [after.row_group(i).num_rows for i in range(after.num_row_groups)]
    assert groups == [before.row_group(i).num_rows for i in range(before.num_row_groups)]
    assert groups == [600, 600, 100]
    for i in range(after.num_row_groups):
        for j in range(after.num_columns):
            assert (
                after.row_group(i).column(j).compression
                == before.row_group(i).column(j).compression
            )
    assert pq.read_table(path).column("text").to_pylist()[1] == CLEAN_FIELD
