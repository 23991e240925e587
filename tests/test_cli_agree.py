"""Same file, same result: -i, --check, --diff, pre-commit and CI agree on every file.

A file's output does not depend on the other files of the run unless cross-document learning
is asked for (it is on by default only when writing a corpus with -o); a list learned once with
``newsclean learn`` and named in [tool.newsclean] gives every run the same site lines.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from .conftest import ROOT
from .test_site import FOOTER, NAV, _site_tree


def _hook_args(hook_id: str) -> list[str]:
    """The arguments after ``newsclean`` in the hook's ``entry`` (.pre-commit-hooks.yaml)."""
    text = (ROOT / ".pre-commit-hooks.yaml").read_text("utf-8")
    block = text.split(f"- id: {hook_id}\n", 1)[1].split("\n- id:", 1)[0]
    entry = re.search(r"^\s*entry:\s*(.+)$", block, re.MULTILINE)
    assert entry is not None
    words = shlex.split(entry.group(1))
    assert words[0] == "newsclean"
    return words[1:]


def _verdicts(stderr: str) -> set[str]:
    return {Path(m).name for m in re.findall(r"^would change (.+)$", stderr, re.MULTILINE)}


def _site(tmp_path: Path) -> Path:
    """A 20-page site (shared menus and footers) in a repository, half its pages already clean
    of everything but the site's own lines."""
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / ".git").mkdir()
    src = _site_tree(repo / "site")
    for i, page in enumerate(sorted(src.iterdir())):
        if i % 2:
            page.write_text(page.read_text("utf-8").replace("。", ",", 1), "utf-8")
    return src


def test_pre_commit_and_ci_give_the_same_verdict_per_file(cli, tmp_path, monkeypatch):
    src = _site(tmp_path)
    monkeypatch.chdir(src.parent)
    names = sorted(p.name for p in src.iterdir())
    ci = cli("fix", "--check", "site").stderr  # CI: the whole folder
    expected = _verdicts(ci)
    assert 0 < len(expected) < 20
    hook = _hook_args("newsclean-check")
    # pre-commit: the staged files, named, in one call or in several
    for size in (1, 3, 20):
        seen: set[str] = set()
        for start in range(0, 20, size):
            batch = [f"site/{n}" for n in names[start : start + size]]
            seen |= _verdicts(cli(*hook, *batch).stderr)
        assert seen == expected, size
    # --diff shows a diff for exactly those files
    diffs = cli("fix", "--diff", "site").out
    assert {Path(m).name for m in re.findall(r"^--- (\S+)", diffs, re.MULTILINE)} == expected
    # -i (the other hook), staged files three at a time, changes exactly those files
    before = {n: (src / n).read_bytes() for n in names}
    fix_hook = _hook_args("newsclean")
    for start in range(0, 20, 3):
        cli(*fix_hook, *[f"site/{n}" for n in names[start : start + 3]])
    changed = {n for n in names if (src / n).read_bytes() != before[n]}
    assert changed == expected
    assert cli("fix", "--check", "site").expect(0)  # and then CI passes


def test_a_learned_list_gives_every_run_the_same_site_lines(cli, tmp_path, monkeypatch):
    src = _site(tmp_path)
    repo = src.parent
    monkeypatch.chdir(repo)
    run = cli("learn", "-o", "site-lines.txt", "site").expect(0)
    assert "learned" in run.stderr
    saved = (repo / "site-lines.txt").read_text("utf-8")
    assert saved.startswith("# newsclean site boilerplate")
    (repo / "pyproject.toml").write_text('[tool.newsclean]\nsite-boilerplate = "site-lines.txt"\n')
    ci = _verdicts(cli("fix", "--check", "site").stderr)
    assert len(ci) == 20  # every page carries the learned menus and footers
    one = _verdicts(cli("fix", "--check", "site/" + sorted(ci)[0]).stderr)
    assert one == {sorted(ci)[0]}
    cli("fix", "-i", "site/" + sorted(ci)[0]).expect(0)  # a single file, like a pre-commit call
    text = (src / sorted(ci)[0]).read_text("utf-8")
    assert not any(line in text for line in [*NAV, *FOOTER])
    # a bad list is a usage error naming the file
    (repo / "site-lines.txt").write_text("not a list\n")
    run = cli("fix", "--check", "site").expect(2)
    assert "site-lines.txt was not written by `newsclean learn`" in run.stderr


def test_learning_is_on_by_default_only_when_writing_a_corpus(cli, tmp_path):
    src = _site_tree(tmp_path / "site")
    first = sorted(src.iterdir())[0]
    out = tmp_path / "out"
    cli("fix", "-q", "-o", str(out), str(src)).expect(0)
    assert FOOTER[0] not in (out / first.name).read_text("utf-8")  # a corpus: learned
    cli("fix", "-q", "-i", str(src)).expect(0)
    assert FOOTER[0] in first.read_text("utf-8")  # in place: each file on its own
    cli("fix", "-q", "-i", "--learn-boilerplate", str(src)).expect(0)  # unless asked
    assert FOOTER[0] not in first.read_text("utf-8")


@pytest.fixture
def excluding_repo(tmp_path, monkeypatch):
    repo = tmp_path / "repo"
    (repo / "drafts").mkdir(parents=True)
    (repo / ".git").mkdir()
    (repo / "pyproject.toml").write_text('[tool.newsclean]\nexclude = ["drafts"]\n')
    from .test_cli import DIRTY

    for name in ("a.txt", "drafts/b.txt"):
        (repo / name).write_text(DIRTY, "utf-8")
    monkeypatch.chdir(repo)
    return repo


def test_force_exclude_applies_excludes_to_named_files(cli, excluding_repo):
    from .test_cli import DIRTY

    run = cli("fix", "--check", "a.txt", "drafts/b.txt").expect(1)
    assert "drafts/b.txt" in run.stderr  # named files are taken by default (as black does)
    run = cli("fix", "--check", "--force-exclude", "a.txt", "drafts/b.txt").expect(1)
    assert "drafts/b.txt" not in run.stderr and "would change a.txt" in run.stderr
    cli(*_hook_args("newsclean"), "a.txt", "drafts/b.txt").expect(0)
    assert (excluding_repo / "drafts/b.txt").read_text("utf-8") == DIRTY
    assert (excluding_repo / "a.txt").read_text("utf-8") != DIRTY


def test_stdin_filename_takes_that_files_settings_name_and_excludes(cli, excluding_repo):
    from .test_cli import CLEANED, DIRTY

    sub = excluding_repo / "news"
    sub.mkdir()
    (sub / "newsclean.toml").write_text('to = "zh-hans"\n')
    run = cli("fix", "--stdin-filename", "news/x.txt", "-", stdin=DIRTY.encode()).expect(0)
    assert "大会开幕" in run.out  # news/newsclean.toml applies
    run = cli("fix", "--check", "--stdin-filename", "news/x.txt", stdin=DIRTY.encode()).expect(1)
    assert "would change news/x.txt" in run.stderr
    run = cli(
        "fix", "--force-exclude", "--stdin-filename", "drafts/y.txt", stdin=DIRTY.encode()
    ).expect(0)
    assert run.out == DIRTY  # excluded: passed through as it is
    run = cli("fix", "--stdin-filename", "drafts/y.txt", stdin=DIRTY.encode()).expect(0)
    assert run.out == CLEANED


def test_the_readme_ci_section_shows_a_check_job_and_the_hooks_that_agree():
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split("## Check mode in CI", 1)[1].split("\n## ", 1)[0]
    assert "- run: newsclean fix --check" in section
    for hook in ("newsclean", "newsclean-check"):
        assert f"`newsclean {' '.join(_hook_args(hook))}`" in section
    assert "site-boilerplate = " in section and "newsclean learn -o" in section
    for topic in ("binary files", "symlinks", "line endings", "encodings"):
        assert topic in section.lower()


def test_learn_refuses_to_write_over_an_input(cli, tmp_path):
    src = _site_tree(tmp_path / "site", n=5)
    first = sorted(src.iterdir())[0]
    before = first.read_bytes()
    run = cli("learn", "-o", str(first), str(src)).expect(2)
    assert "would overwrite the input" in run.stderr
    assert first.read_bytes() == before
