"""Datasets: JSONL records (plain or gzipped) and Parquet tables."""

from __future__ import annotations

import gzip
import json

from newsclean.run import jsonl

from .test_cli import CLEANED, DIRTY

DIRTY_FIELD = DIRTY.rstrip("\n")
CLEAN_FIELD = CLEANED.rstrip("\n")


def _lines(*records: object) -> bytes:
    return b"".join(
        (r if isinstance(r, bytes) else json.dumps(r, ensure_ascii=False).encode()) + b"\n"
        for r in records
    )


def test_cleans_one_field_keeps_the_rest_and_the_order(cli):
    data = _lines(
        {"id": 1, "text": DIRTY_FIELD, "url": "http://x/1", "tags": ["a", "b"]},
        {"id": 2, "text": "clean text.", "n": 1.5},
        {"text": DIRTY_FIELD + "\n第二段", "id": 3},
    )
    out = cli("fix", "--jsonl", stdin=data).expect(0).out.splitlines()
    records = [json.loads(line) for line in out]
    assert [r["id"] for r in records] == [1, 2, 3]
    assert records[0] == {"id": 1, "text": CLEAN_FIELD, "url": "http://x/1", "tags": ["a", "b"]}
    assert list(records[2]) == ["text", "id"]  # key order kept
    assert records[2]["text"] == CLEAN_FIELD + "\n第二段"  # no newline added at the end
    assert out[1] == data.splitlines()[1].decode()  # an unchanged record is kept byte for byte


def test_a_clean_dataset_comes_out_identical(cli, tmp_path):
    path = tmp_path / "clean.jsonl"
    data = b'{"text":"clean text.","x":1}\n{"text": "\\u4eca\\u5929\\u5929\\u6c14\\u5f88\\u597d\\u3002"}\n'
    path.write_bytes(data)
    assert cli("fix", str(path)).expect(0).stdout == data
    before = path.stat().st_mtime_ns
    cli("fix", "-i", str(path)).expect(0)
    assert path.stat().st_mtime_ns == before
    cli("fix", "--check", str(path)).expect(0)
    path.write_bytes(data.rstrip(b"\n"))  # no final newline: still nothing to change
    assert cli("fix", str(path)).expect(0).stdout == data.rstrip(b"\n")
    cli("fix", "--check", str(path)).expect(0)


def test_changed_records_keep_their_style():
    field = jsonl.split_field("text")
    compact = b'{"a":1,"text":"x"}'
    spaced = b'{"a": 1, "text": "x"}'
    escaped = b'{"text": "\\u4eca x"}'
    for line, expected in (
        (compact, b'{"a":1,"text":"y"}\n'),
        (spaced, b'{"a": 1, "text": "y"}\n'),
        (escaped, b'{"text": "\\u4eca y"}\n'),
    ):
        record, text = jsonl.parse(line, field)
        assert (
            jsonl.render(jsonl.with_field(record, field, text.replace("x", "y")), line) == expected
        )


def test_dotted_field_paths(cli):
    data = _lines({"meta": {"body": DIRTY_FIELD, "title": "t"}, "text": DIRTY_FIELD})
    out = json.loads(cli("fix", "--jsonl", "--field", "meta.body", stdin=data).expect(0).out)
    assert out == {"meta": {"body": CLEAN_FIELD, "title": "t"}, "text": DIRTY_FIELD}


def test_bad_records_are_reported_by_line_and_the_rest_is_cleaned(cli, tmp_path):
    path = tmp_path / "data.jsonl"
    path.write_bytes(
        _lines(
            {"text": DIRTY_FIELD},
            b'{"text": "broken',
            {"id": 3},
            {"text": None},
            {"text": ["a"]},
            b"[1, 2]",
            b"",
            {"text": DIRTY_FIELD},
        )
    )
    out = tmp_path / "out"
    run = cli("fix", "-o", str(out), str(path)).expect(123)
    assert run.stderr.splitlines() == [
        f"{path}:2: error: invalid JSON: Unterminated string starting at (column 10)",
        f"{path}:3: error: missing field 'text'",
        # line 4, "text": null, is kept and counted, as a null in a Parquet column (issue 15)
        f"{path}:5: error: field 'text' is an array, not a string",
        f"{path}:6: error: missing field 'text'",
    ]
    lines = (out / "data.jsonl").read_bytes().splitlines()
    original = path.read_bytes().splitlines()
    assert len(lines) == len(original) == 8
    assert lines[1:7] == original[1:7]  # bad records (and the blank line) pass through as they are
    assert json.loads(lines[0])["text"] == json.loads(lines[7])["text"] == CLEAN_FIELD


def test_gzipped_jsonl_in_and_out(cli, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    path = src / "part-0.jsonl.gz"
    path.write_bytes(gzip.compress(_lines({"text": DIRTY_FIELD}, {"text": "ok"})))
    (src / "notes.txt").write_text(DIRTY, "utf-8")
    out = tmp_path / "out"
    cli("fix", "--jsonl", "-o", str(out), str(src)).expect(0)  # --jsonl: *.jsonl[.gz] in folders
    assert sorted(p.name for p in out.iterdir()) == ["part-0.jsonl.gz"]
    first = out / "part-0.jsonl.gz"
    records = [json.loads(x) for x in gzip.decompress(first.read_bytes()).splitlines()]
    assert records == [{"text": CLEAN_FIELD}, {"text": "ok"}]
    again = tmp_path / "again"
    cli("fix", "--jsonl", "-o", str(again), str(src)).expect(0)
    assert (again / "part-0.jsonl.gz").read_bytes() == first.read_bytes()  # deterministic gzip
    assert cli("fix", str(path)).expect(0).out.count("\n") == 2  # stdout: plain JSONL


def test_broken_gzip_is_a_failed_input_and_leaves_no_output(cli, tmp_path):
    path = tmp_path / "bad.jsonl.gz"
    path.write_bytes(gzip.compress(_lines(*[{"text": DIRTY_FIELD}] * 50))[:-30])
    original = path.read_bytes()
    run = cli("fix", "-i", str(path)).expect(123)
    assert run.stderr.startswith(f"{path}: error: ")
    assert path.read_bytes() == original
    assert [p.name for p in tmp_path.iterdir()] == ["bad.jsonl.gz"]


def test_stats_field(cli):
    data = _lines({"text": DIRTY_FIELD}, {"text": "clean text."})
    out = cli("fix", "--jsonl", "--stats-field", "nc", stdin=data).expect(0).out.splitlines()
    first, second = (json.loads(line) for line in out)
    assert first["nc"] == {
        "changed": True,
        "stages": {"pinyin": 1, "punctuation": 1},
        "diagnostics": 0,
    }
    assert second["nc"] == {"changed": False, "stages": {}, "diagnostics": 0}


def test_record_diagnostics_name_the_record_line(cli):
    data = _lines({"text": "clean."}, {"text": "今天天气很好。\n锟斤拷锟斤拷"})
    run = cli("fix", "--jsonl", stdin=data).expect(0)
    assert run.stderr.startswith("<stdin>:2: warning: ")
    assert "(field line 2)" in run.stderr


def test_jsonl_diff_check_and_in_place(cli, tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_bytes(_lines({"text": "ok"}, {"text": DIRTY_FIELD}))
    diff = cli("fix", "--diff", str(path)).expect(0).out
    # the record's text, readable (issue 15: not the JSON line with its escapes)
    assert diff == (
        f"--- {path}:2 text\t(original)\n+++ {path}:2 text\t(cleaned)\n@@ -1 +1 @@\n"
        f"-{DIRTY_FIELD}\n+{CLEAN_FIELD}\n"
    )
    run = cli("fix", "--check", str(path)).expect(1)
    assert f"would change {path} (1 of 2 records)" in run.stderr
    cli("fix", "-i", str(path)).expect(0)
    assert json.loads(path.read_bytes().splitlines()[1])["text"] == CLEAN_FIELD
    cli("fix", "--check", str(path)).expect(0)


def test_large_file_goes_through_many_chunks_identically_for_any_jobs(cli, tmp_path, monkeypatch):
    monkeypatch.setattr(jsonl, "CHUNK_LINES", 7)
    path = tmp_path / "big.jsonl"
    records = [{"i": i, "text": DIRTY_FIELD if i % 3 else "ok"} for i in range(100)]
    path.write_bytes(_lines(*records[:50], b"{oops", *records[50:]))
    outs = []
    for jobs in ("1", "3"):
        out = tmp_path / f"out{jobs}"
        run = cli("fix", "-j", jobs, "-o", str(out), str(path)).expect(123)
        assert run.stderr.strip().startswith(f"{path}:51: error: invalid JSON")
        outs.append((out / "big.jsonl").read_bytes())
    assert outs[0] == outs[1]
    lines = outs[0].splitlines()
    assert len(lines) == 101 and lines[50] == b"{oops"
    assert [json.loads(x)["i"] for i, x in enumerate(lines) if i != 50] == list(range(100))
