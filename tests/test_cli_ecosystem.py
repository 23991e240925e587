"""Fitting in: GitHub annotations, statistics, single rules off, OpenCC names, completion,
--no- forms for settings, and the library taking bytes."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

import newsclean

from .test_cli import CLEANED, DIRTY

PAGE = "正文第一段，内容很长很长的新闻报道。\n分享到：微信 微博\n正文第二段，继续报道新闻的内容。\n"


def test_library_clean_takes_bytes_and_says_what_else_it_takes():
    assert newsclean.clean(DIRTY.encode("big5hkscs")).text == CLEANED
    assert newsclean.clean(DIRTY.encode()).text == newsclean.clean(DIRTY).text
    with pytest.raises(TypeError, match=r"takes the text as str \(or bytes.*not int"):
        newsclean.clean(5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"config must be a newsclean\.Config"):
        newsclean.clean("x", {"to": "zh-hans"})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("target", "out"),
    [
        ("t2s", "大会开幕，会议开始，软体。\n"),
        ("tw2sp", "大会开幕，会议开始，软件。\n"),
        ("T2S.json", "大会开幕，会议开始，软体。\n"),
        ("zh-hans", "大会开幕，会议开始，软体。\n"),
    ],
)
def test_to_accepts_opencc_configuration_names(cli, target, out):
    assert (
        cli("fix", "--to", target, stdin="大會開幕,會議開始,軟體。".encode()).expect(0).out == out
    )


def test_to_rejects_an_unknown_name_listing_the_choices(cli):
    run = cli("fix", "--to", "klingon", stdin=b"x").expect(2)
    assert "s2twp" in run.stderr and "zh-hans" in run.stderr


def _complete(words: str) -> list[str]:
    env = {
        **os.environ,
        "_NEWSCLEAN_COMPLETE": "bash_complete",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - 1),
    }
    proc = subprocess.run(
        [sys.executable, "-m", "newsclean"], env=env, capture_output=True, text=True, check=False
    )
    return proc.stdout.splitlines()


def test_shell_completion_offers_targets_and_stages():
    assert _complete("newsclean fix --to tw") == ["plain,tw2s", "plain,tw2sp", "plain,tw2t"]
    assert "plain,zh-hans" in _complete("newsclean fix --to zh")
    assert _complete("newsclean fix --skip pinyin,du") == ["plain,pinyin,duplicates"]
    assert "plain,boilerplate" in _complete("newsclean fix --stages bo")


def test_no_forms_override_boolean_settings_from_a_file(cli, tmp_path):
    config = tmp_path / "newsclean.toml"
    config.write_text("quiet = true\nrepair-lossy = true\nexplain = true\ndedup-docs = true\n")
    path = tmp_path / "a.txt"
    path.write_text(PAGE, "utf-8")
    quiet = cli("fix", "--config", str(config), "--check", str(path)).expect(1)
    assert quiet.stderr == ""
    loud = cli(
        "fix",
        "--config",
        str(config),
        "--no-quiet",
        "--no-explain",
        "--no-dedup-docs",
        "--no-repair-lossy",
        "--check",
        str(path),
    ).expect(1)
    assert "would change" in loud.stderr and "dropped by" not in loud.stderr


def test_disable_one_rule_keeps_what_it_would_drop(cli):
    assert "分享到" not in cli("fix", stdin=PAGE.encode()).expect(0).out
    kept = cli("fix", "--disable", "boilerplate/share", stdin=PAGE.encode()).expect(0).out
    assert kept == PAGE
    other = cli("fix", "--disable", "boilerplate/menu", stdin=PAGE.encode()).expect(0).out
    assert "分享到" not in other  # another rule disabled: this one still acts
    run = cli("fix", "--disable", "boilerplate", stdin=b"x").expect(2)
    assert "STAGE/RULE" in run.stderr


def test_output_format_github_annotates(cli, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(PAGE + "损坏\ufffd的行。\n", "utf-8")
    bad = tmp_path / "b.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    run = cli("fix", "--check", "--output-format", "github", str(path), str(bad)).expect(123)
    lines = run.stderr.splitlines()
    assert f"::error file={path}::would change" in lines
    assert f"::error file={bad}::binary file%2C not cleaned" not in lines  # message, not prop
    assert f"::error file={bad}::binary file, not cleaned" in lines
    assert any(line.startswith(f"::warning file={path},line=4,") for line in lines), lines


def test_statistics_count_lines_per_stage_and_rule(cli, tmp_path):
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(PAGE.replace("第一段", f"第{i}段"), "utf-8")
    run = cli("fix", "--check", "--statistics", str(tmp_path)).expect(1)
    tail = run.stderr.splitlines()[-1]
    assert tail.split() == ["3", "boilerplate/share"]
