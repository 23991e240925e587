"""--boilerplate-file: the user's own phrases and regular expressions, and their errors."""

from __future__ import annotations

import pytest

from newsclean import Config, Doc
from newsclean.stages import boilerplate
from newsclean.stages.boilerplate.rules import read_rules_file

ARTICLE = "会议研究部署了春节前后的安全生产和市场保供工作，要求各部门压实责任。"


def _write(tmp_path, text):
    path = tmp_path / "rules.txt"
    path.write_text(text, "utf-8")
    return path


def test_phrases_and_patterns(tmp_path):
    path = _write(tmp_path, "# my sites\n\n青禾早知道\nre:^青禾网\\s*客服\n")
    assert read_rules_file(path) == (("青禾早知道",), (r"^青禾网\s*客服",))


def test_user_rules_drop_lines_in_any_script_and_width(tmp_path):
    phrases, patterns = read_rules_file(_write(tmp_path, "青禾早知道\nre:^青禾网\\s*客服:\n"))
    config = Config(boilerplate_phrases=phrases, boilerplate_patterns=patterns)
    text = "\n".join(
        ["青禾网新闻", ARTICLE, "青禾早知道", "【青禾早知道】", "青禾網 客服：0371-1234"]
    )
    out = boilerplate(Doc.from_text(text), config)
    assert out.lines == ("青禾网新闻", ARTICLE)
    assert {c.rule for c in out.changes} == {"user"}


def test_user_rules_apply_to_every_line_but_never_drop_a_long_one_whole(tmp_path):
    """Issue 11: the rules match anywhere in a line, as the README says, prose included; a
    line of three sentences or more (a whole article on one line) still stays."""
    phrases, _ = read_rules_file(_write(tmp_path, "青禾\n"))
    config = Config(boilerplate_phrases=phrases)
    notice = "青禾网今天发布了年度报告，报告显示，去年全年网站的访问量比前年增长了三成。"
    long = notice + "会议指出，要坚持稳中求进。专家认为，要继续扩大内需。他说，我们有信心完成目标。"
    assert boilerplate(Doc.from_text(f"{notice}\n{long}"), config).lines == (long,)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("re:(unclosed\n", "rules.txt:1: bad regular expression"),
        ("ok\nre:\n", "rules.txt:2: empty regular expression"),
        ("re:.*\n", "matches an empty line"),
    ],
)
def test_bad_files_are_usage_errors(cli, tmp_path, content, problem):
    path = _write(tmp_path, content)
    run = cli("fix", "--boilerplate-file", str(path), stdin=b"x\n").expect(2)
    assert problem in run.stderr
    errors = [line for line in run.stderr.splitlines() if line.startswith("Error")]
    assert len(errors) == 1 and str(path) in errors[0]


def test_missing_and_binary_files_are_usage_errors(cli, tmp_path):
    run = cli("fix", "--boilerplate-file", str(tmp_path / "nope.txt"), stdin=b"x\n").expect(2)
    assert "nope.txt: cannot read" in run.stderr
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\xff\xfe\x00bad")
    assert (
        "bin.txt: not UTF-8 text" in cli("fix", "--boilerplate-file", str(binary)).expect(2).stderr
    )


def test_cli_uses_the_file(cli, tmp_path):
    path = _write(tmp_path, "青禾早知道\n")
    out = cli("fix", "--boilerplate-file", str(path), stdin=f"{ARTICLE}\n青禾早知道\n".encode())
    assert out.expect(0).out == ARTICLE + "\n"


def test_config_checks_patterns():
    with pytest.raises(ValueError, match="bad regular expression"):
        Config(boilerplate_patterns=("(",))
    with pytest.raises(ValueError, match="must not be empty"):
        Config(boilerplate_phrases=(" ",))
