"""Nothing half-written, whatever fails and whenever; a light start-up."""

from __future__ import annotations

import json
import subprocess
import sys

from .test_cli import DIRTY
from .test_cli_jsonl import DIRTY_FIELD


def _dataset(path, n=40):
    path.write_text("".join(json.dumps({"i": i, "text": DIRTY_FIELD}) + "\n" for i in range(n)))
    return path.read_bytes()


def test_dataset_write_failure_mid_stream_keeps_the_original(cli, tmp_path, monkeypatch):
    from newsclean.run import jsonl, output

    monkeypatch.setattr(jsonl, "CHUNK_LINES", 5)
    path = tmp_path / "d.jsonl"
    original = _dataset(path)
    other = tmp_path / "e.txt"
    other.write_text(DIRTY, "utf-8")
    real_write = output.FileWriter.write
    calls = []

    def failing_write(self, data):
        calls.append(data)
        if len(calls) == 12:  # part-way through the dataset's third chunk
            raise OSError(28, "No space left on device")
        real_write(self, data)

    monkeypatch.setattr(output.FileWriter, "write", failing_write)
    run = cli("fix", "-j", "1", "-i", str(path), str(other)).expect(123)
    assert run.stderr.strip() == f"{path}: error: cannot write: No space left on device"
    assert path.read_bytes() == original
    assert other.read_text("utf-8") != DIRTY  # the next input was still cleaned
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.jsonl", "e.txt"]


def test_commit_failure_under_output_dir_leaves_no_temporary_file(cli, tmp_path, monkeypatch):
    from newsclean.run import files

    path = tmp_path / "d.jsonl"
    _dataset(path)
    out = tmp_path / "out"

    def broken_replace(src, dst):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(files.os, "replace", broken_replace)
    run = cli("fix", "-o", str(out), str(path)).expect(123)
    assert run.stderr.strip() == (  # the output that failed is named (issue 15)
        f"{path}: error: cannot write {out / 'd.jsonl'}: Input/output error"
    )
    assert list(out.iterdir()) == []


def test_interrupted_run_leaves_no_temporary_files(cli, tmp_path, monkeypatch):
    from newsclean.run import jsonl, runner

    monkeypatch.setattr(jsonl, "CHUNK_LINES", 5)
    path = tmp_path / "d.jsonl"
    original = _dataset(path)
    real = runner.ordered_map

    def interrupted(*args, **kwargs):
        results = real(*args, **kwargs)
        yield next(results)
        yield next(results)
        raise KeyboardInterrupt

    monkeypatch.setattr(runner, "ordered_map", interrupted)
    run = cli("fix", "-i", str(path)).expect(130)
    assert "interrupted" in run.stderr
    assert path.read_bytes() == original
    assert [p.name for p in tmp_path.iterdir()] == ["d.jsonl"]


def test_filters_refuse_parquet_outputs_with_a_usage_error(cli, tmp_path, monkeypatch):
    monkeypatch.setattr("newsclean.cli.corpus_steps", lambda config, params: ([], [object()]))
    path = tmp_path / "t.parquet"
    path.write_bytes(b"")
    run = cli("fix", "-o", str(tmp_path / "out"), str(path)).expect(2)
    assert "Parquet" in run.stderr


def test_start_up_imports_nothing_heavy():
    """`newsclean --help` must be instant: the CLI module imports no cleaning library, no
    worker pool and no runner (python -X importtime shows the rest)."""
    heavy = ["opencc", "ftfy", "rapidfuzz", "pyarrow", "chardet", "concurrent.futures"]
    heavy += ["newsclean.run.runner", "newsclean.pipeline", "newsclean.stages"]
    code = f"import sys, newsclean.cli\nprint([m for m in {heavy!r} if m in sys.modules])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
