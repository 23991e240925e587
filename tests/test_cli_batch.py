"""Batch use: folders, globs, --check, --diff, exit codes, parallel jobs, progress, summary, reports."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import run_subprocess
from .test_cli import CLEANED, DIRTY

CLEAN = "今天天气很好，我们去公园散步。\n"


def _files(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def _corpus(root: Path) -> Path:
    """A small tree: dirty and clean files, non-matching names, hidden and VCS folders."""
    src = root / "corpus"
    for rel, text in {
        "a.txt": DIRTY,
        "clean.txt": CLEAN,
        "news/b.txt": DIRTY,
        "news/deep/c.txt": DIRTY,
        "news/readme.md": DIRTY,
        "drafts/d.txt": DIRTY,
        ".hidden.txt": DIRTY,
        ".cache/e.txt": DIRTY,
        ".git/f.txt": DIRTY,
        "node_modules/g.txt": DIRTY,
    }.items():
        path = src / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return src


#: What a folder search of _corpus finds with the default --include.
CORPUS_TXT = ["a.txt", "clean.txt", "drafts/d.txt", "news/b.txt", "news/deep/c.txt"]


def test_folder_search_skips_hidden_and_vcs_and_other_names(cli, tmp_path):
    src = _corpus(tmp_path)
    out = tmp_path / "out"
    cli("fix", "-o", str(out), str(src)).expect(0)
    assert sorted(_files(out)) == CORPUS_TXT
    assert (out / "clean.txt").read_text("utf-8") == CLEAN  # -o writes unchanged files too


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        (["--include", "*.md"], ["news/readme.md"]),
        (["--include", "*.md", "--include", "*.txt"], None),  # None: the default set + readme
        (["--exclude", "drafts"], ["a.txt", "clean.txt", "news/b.txt", "news/deep/c.txt"]),
        (["--exclude", "news/deep/*"], ["a.txt", "clean.txt", "drafts/d.txt", "news/b.txt"]),
        (["--exclude", "c.txt", "--exclude", "a*"], ["clean.txt", "drafts/d.txt", "news/b.txt"]),
    ],
)
def test_include_and_exclude_globs(cli, tmp_path, flags, expected):
    src = _corpus(tmp_path)
    out = tmp_path / "out"
    cli("fix", "-o", str(out), *flags, str(src)).expect(0)
    if expected is None:
        expected = sorted([*CORPUS_TXT, "news/readme.md"])
    assert sorted(_files(out)) == expected


def test_a_file_named_explicitly_is_always_cleaned(cli, tmp_path):
    src = _corpus(tmp_path)
    run = cli("fix", "--exclude", "*.md", str(src / "news" / "readme.md")).expect(0)
    assert run.out == CLEANED


def test_check_lists_what_would_change_writes_nothing_and_exits_1(cli, tmp_path):
    src = _corpus(tmp_path)
    before = _files(src)
    run = cli("fix", "--check", str(src)).expect(1)
    assert run.stdout == b""
    listed = [line for line in run.stderr.splitlines() if line.startswith("would change ")]
    assert listed == [
        f"would change {src / name}"
        for name in ("a.txt", "drafts/d.txt", "news/b.txt", "news/deep/c.txt")
    ]
    assert run.stderr.splitlines()[-1].startswith("checked 5 files (")
    assert "4 would change, 1 unchanged, 0 failed" in run.stderr
    assert _files(src) == before
    assert not list(src.rglob("*.tmp"))


def test_check_on_clean_input_exits_0(cli, tmp_path):
    path = tmp_path / "clean.txt"
    path.write_text(CLEAN, "utf-8")
    run = cli("fix", "--check", str(path)).expect(0)
    assert "would change " not in run.stderr
    assert run.stderr.endswith(": 0 would change, 1 unchanged, 0 failed\n")
    assert cli("fix", "--check", "-q", str(path)).expect(0).stderr == ""
    assert cli("fix", "--check", stdin=CLEAN.encode()).expect(0).stdout == b""
    assert cli("fix", "--check", stdin=DIRTY.encode()).expect(1).stdout == b""


def test_check_ignores_output_options_and_writes_nothing(cli, tmp_path):
    src = _corpus(tmp_path)
    before = _files(src)
    cli("fix", "--check", "-i", str(src)).expect(1)
    cli("fix", "--check", "-o", str(tmp_path / "out"), str(src)).expect(1)
    assert _files(src) == before
    assert not (tmp_path / "out").exists()


def test_diff_prints_only_unified_diffs_on_stdout(cli, tmp_path):
    src = _corpus(tmp_path)
    before = _files(src)
    run = cli("fix", "--diff", str(src)).expect(0)
    assert _files(src) == before
    lines = run.out.splitlines()
    assert all(line[:1] in {"-", "+", "@", " ", "\\"} for line in lines), lines
    headers = [line for line in lines if line.startswith("--- ")]
    assert headers == [
        f"--- {src / name}\t(original)"
        for name in ("a.txt", "drafts/d.txt", "news/b.txt", "news/deep/c.txt")
    ]
    assert f"+{CLEANED}" in run.out and f"-{DIRTY}" in run.out
    assert "would change " not in run.stderr  # listing files is --check's job


def test_diff_applies_as_a_patch(cli, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("標題\n" + DIRTY + "尾", "utf-8")  # no final newline
    patch = cli("fix", "--diff", str(path)).expect(0).stdout
    assert b"\\ No newline at end of file" in patch
    if shutil.which("patch") is None:
        pytest.skip("no patch program")
    proc = subprocess.run(
        ["patch", "-s", "-p0"], input=patch, cwd="/", capture_output=True, check=False
    )
    assert proc.returncode == 0, proc.stderr
    assert path.read_text("utf-8") == cli("fix", str(tmp_path / "a.txt")).expect(0).out


def test_diff_with_check_exits_1_and_on_clean_input_prints_nothing(cli, tmp_path):
    src = _corpus(tmp_path)
    run = cli("fix", "--diff", "--check", str(src)).expect(1)
    assert run.out.count("--- ") == 4 and "would change" in run.stderr
    clean = src / "clean.txt"
    assert cli("fix", "--diff", "--check", str(clean)).expect(0).stdout == b""


def test_failing_input_wins_over_would_change(cli, tmp_path):
    src = _corpus(tmp_path)
    missing = tmp_path / "missing.txt"
    run = cli("fix", "--check", str(src), str(missing)).expect(123)
    assert f"{missing}: error: no such file" in run.stderr
    assert run.stderr.count("would change ") == 4  # the others were still checked
    assert "1 failed" in run.stderr.splitlines()[-1]
    cli("fix", "--diff", str(src / "a.txt"), str(missing)).expect(123)


def test_processing_continues_past_a_failing_file(cli, tmp_path):
    src = _corpus(tmp_path)
    bad = src / "news" / "bad.txt"
    bad.symlink_to(tmp_path / "nowhere")  # found in the folder, cannot be read
    out = tmp_path / "out"
    run = cli("fix", "-j", "2", "-o", str(out), str(src)).expect(123)
    assert run.stderr.strip() == f"{bad}: error: no such file"
    assert sorted(_files(out)) == CORPUS_TXT


def test_exit_codes_for_usage_errors(cli, tmp_path):
    src = _corpus(tmp_path)
    for args in (
        ["fix", "-j", "0", str(src / "a.txt")],
        ["fix", "--jobs", "many", str(src / "a.txt")],
        ["fix", "--report", "xml", str(src / "a.txt")],
        ["fix", "--field", "a..b", str(src / "a.txt")],
        ["fix", "--stats-field", ".x", str(src / "a.txt")],
        ["fix", "-o", str(src / "news" / "out"), str(src)],
        ["fix", "--config", str(tmp_path / "nope.toml"), str(src / "a.txt")],
    ):
        run = cli(*args).expect(2)
        assert "Error" in run.stderr, args


def _big_tree(root: Path, n: int) -> Path:
    """n files, of which those with i % 5 in (0, 2, 3) change; plus broken.txt, which changes.

    Each file's first line is its own title (different words, not just a different number:
    a line that differs only in its digits across the run is learned as site boilerplate)."""
    texts = [DIRTY, CLEAN, "標題\n" + DIRTY * 3, "Share this article\n" + CLEAN, "锟斤拷" + CLEAN]
    for i in range(n):
        path = root / f"d{i % 7}" / f"s{i % 3}" / f"f{i:03d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        title = "".join(chr(0x4E00 + 37 * i + k) for k in range(3))
        path.write_text(f"{title}\n" + texts[i % len(texts)], "utf-8")
    (root / "d0" / "broken.txt").write_bytes(b"\xff\xfe\x00garbage \xc3")
    return root


def test_output_is_byte_identical_for_any_number_of_jobs(cli, tmp_path):
    src = _big_tree(tmp_path / "tree", 200)
    runs = {}
    for jobs in ("1", "4"):
        out = tmp_path / f"out{jobs}"
        run = cli("fix", "-j", jobs, "-o", str(out), str(src)).expect(0)
        runs[jobs] = (run.stderr, _files(out))
        check = cli("fix", "-j", jobs, "--check", str(src)).expect(1)
        diff = cli("fix", "-j", jobs, "--diff", str(src)).expect(0)
        runs[jobs + "c"] = (check.stderr.rsplit("\n", 2)[0], diff.stdout)
    assert len(runs["1"][1]) == 201
    assert runs["1"] == runs["4"]
    assert runs["1c"] == runs["4c"]


def test_in_place_with_jobs_rewrites_only_changed_files(cli, tmp_path):
    src = _big_tree(tmp_path / "tree", 40)
    clean = src / "d1" / "s1" / "f001.txt"
    before = clean.stat().st_mtime_ns
    expected = _files(src)
    reference = tmp_path / "ref"
    # -i keeps each file's encoding and line endings (broken.txt has a UTF-16 BOM); -o, asked to
    keep = ("--keep-encoding", "--line-endings", "keep")
    cli("fix", "-j", "1", *keep, "-o", str(reference), str(src)).expect(0)
    cli("fix", "-j", "2", "-i", str(src)).expect(0)
    assert _files(src) == _files(reference)
    assert clean.stat().st_mtime_ns == before
    assert expected != _files(src)
    assert not list(src.rglob("*.tmp"))


def test_progress_only_when_asked_or_on_a_terminal(cli, tmp_path):
    src = _big_tree(tmp_path / "tree", 10)
    out = tmp_path / "out"
    quiet_run = cli("fix", "-q", "-o", str(out), str(src)).expect(0)
    assert quiet_run.stderr == ""
    plain = cli("fix", "-o", str(out), str(src)).expect(0)
    assert "\r" not in plain.stderr and "cleaned" not in plain.stderr  # not a terminal
    shown = cli("fix", "--progress", "-o", str(out), str(src)).expect(0)
    summary = shown.stderr.splitlines()[-1]
    assert summary.startswith("cleaned 11 files (") and summary.endswith(
        ": 7 changed, 4 unchanged, 0 failed"  # see _big_tree: 6 of the 10, and broken.txt
    )
    hidden = cli("fix", "--progress", "-q", "-o", str(out), str(src)).expect(0)
    assert hidden.stderr == ""


def test_progress_bar_draws_on_stderr_and_is_wiped(monkeypatch, capsys):
    from newsclean.run import progress

    monkeypatch.setattr(progress, "DELAY", 0.0)
    monkeypatch.setattr(progress, "INTERVAL", 0.0)
    bar = progress.Progress(enabled=True)
    bar.start("cleaning", 4, 4_000_000)
    bar.advance(1, 1_000_000)
    bar.line("a.txt:1: warning: something")
    bar.advance(1, 1_000_000)
    bar.clear()
    err = capsys.readouterr().err
    assert "[######" in err and "1/4 files" in err and "2/4 files" in err and "ETA" in err
    assert "\r\x1b[Ka.txt:1: warning: something\n" in err
    assert err.endswith("\r\x1b[K")


def test_report_json_to_a_file(cli, tmp_path):
    src = _corpus(tmp_path)
    (src / "damaged.txt").write_text("今天天气很好。\n锟斤拷锟斤拷\n", "utf-8")
    out = tmp_path / "out"
    report_file = tmp_path / "report.json"
    run = cli(
        "fix", "-o", str(out), "--report", "json", "--report-file", str(report_file), str(src)
    )
    run.expect(0)
    assert "warning" in run.stderr  # the usual stderr lines are still shown
    report = json.loads(report_file.read_text("utf-8"))
    by_path = {Path(e["path"]).name: e for e in report["inputs"]}
    assert by_path["a.txt"]["status"] == "changed"
    assert by_path["a.txt"]["stages"] == {"pinyin": 1, "punctuation": 1}
    assert by_path["clean.txt"]["status"] == "unchanged" and by_path["clean.txt"]["stages"] == {}
    damage = by_path["damaged.txt"]["diagnostics"]
    assert damage and damage[0]["line"] == 2 and damage[0]["severity"] == "warning"
    assert report["totals"]["files"] == 6 and report["totals"]["changed"] == 4
    assert report["totals"]["exit_code"] == 0 and report["steps"] == {}


def test_report_json_alone_on_stderr(cli, tmp_path):
    src = _corpus(tmp_path)
    missing = tmp_path / "missing.txt"
    run = cli("fix", "--check", "--report", "json", str(src), str(missing)).expect(123)
    report = json.loads(run.stderr)  # nothing else on stderr
    statuses = [e["status"] for e in report["inputs"]]
    assert statuses.count("changed") == 4 and statuses[-1] == "failed"
    assert report["inputs"][-1]["error"] == "no such file"
    assert report["totals"]["failed"] == 1 and report["totals"]["exit_code"] == 123


def test_report_file_implies_json_and_is_complete_even_for_no_inputs(cli, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    report_file = tmp_path / "r.json"
    run = cli("fix", "--check", "--report-file", str(report_file), str(empty)).expect(0)
    assert "no input files found" in run.stderr
    assert json.loads(report_file.read_text())["inputs"] == []


def test_python_dash_m_batch_with_workers(tmp_path):
    src = _big_tree(tmp_path / "tree", 12)
    run = run_subprocess("fix", "-j", "2", "--check", str(src), cwd=Path.cwd())
    run.expect(1)
    assert run.stderr.count("would change ") == 8  # see _big_tree: 7 of the 12, and broken.txt


def test_pre_commit_hooks_run_the_real_command():
    """yaml is not a dependency: read the hook definitions' few keys by hand."""
    text = (Path(__file__).resolve().parent.parent / ".pre-commit-hooks.yaml").read_text()
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    hooks = "\n".join(lines).split("- id: ")[1:]
    entries = {
        block.split()[0]: next(
            line.split("entry:", 1)[1].strip()
            for line in block.splitlines()
            if line.strip().startswith("entry:")
        )
        for block in hooks
    }
    assert entries == {  # --force-exclude: the project's excludes apply to staged files too
        "newsclean": "newsclean fix -i --force-exclude",
        "newsclean-check": "newsclean fix --check --force-exclude",
    }
    assert text.count("language: python") == 2


def test_on_a_terminal_progress_and_summary_are_on_by_default(cli, tmp_path, monkeypatch):
    src = _big_tree(tmp_path / "tree", 10)
    monkeypatch.setattr("newsclean.run.command._tty", lambda: True)
    run = cli("fix", "-o", str(tmp_path / "out"), str(src)).expect(0)
    assert run.stderr.splitlines()[-1].startswith("cleaned 11 files (")
    off = cli("fix", "--no-progress", "-o", str(tmp_path / "out"), str(src)).expect(0).stderr
    assert "cleaned" not in off and "warning" in off  # diagnostics, but no summary
    single = src / "d0" / "s0" / "f000.txt"
    assert cli("fix", str(single)).expect(0).stderr == ""  # one file to stdout: no summary


def test_shell_completion_for_options():
    env = {
        **os.environ,
        "_NEWSCLEAN_COMPLETE": "bash_complete",
        "COMP_WORDS": "newsclean fix --ch",
        "COMP_CWORD": "2",
    }
    proc = subprocess.run(
        [sys.executable, "-m", "newsclean"], env=env, capture_output=True, text=True, check=False
    )
    assert "plain,--check" in proc.stdout.splitlines()
    env["_NEWSCLEAN_COMPLETE"] = "bash_source"
    script = subprocess.run(
        [sys.executable, "-m", "newsclean"], env=env, capture_output=True, text=True, check=False
    ).stdout
    assert "complete -o nosort -F _newsclean_completion newsclean" in script
