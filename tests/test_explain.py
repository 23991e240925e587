"""The --explain listing: every dropped, changed or moved line, with stage, rule and excerpt."""

from __future__ import annotations

import re

from newsclean import Change, Config, clean
from newsclean.explain import excerpt, explain

from .conftest import SAMPLE

_LISTING = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+): (?P<verb>dropped|changed|moved) by (?P<rule>\S+)"
)


def test_format_with_detail_and_excerpt():
    changes = [
        Change("duplicates", "exact", 3, "drop", detail="copy of line 1"),
        Change("boilerplate", "copyright", 2, "drop", detail="matched '版权所有'"),
    ]
    text = "第一段很长的正文。\n版权所有 © 2023 某某网\n第一段很长的正文。\n"
    assert explain("a.txt", changes, text) == [
        "a.txt:2: dropped by boilerplate/copyright (matched '版权所有'): \"版权所有 © 2023 某某网\"",
        'a.txt:3: dropped by duplicates/exact (copy of line 1): "第一段很长的正文。"',
    ]


def test_without_the_input_there_is_no_excerpt():
    assert explain("<stdin>", [Change("punctuation", "fullwidth", 4)]) == [
        "<stdin>:4: changed by punctuation/fullwidth"
    ]


def test_line_numbers_count_blank_lines_and_crlf():
    text = "a\r\n\r\n  \r\nShare this article\r\n"
    result = clean(text)
    assert explain("x", result.changes, text) == [
        "x:4: dropped by boilerplate/share (matched 'share this article'): \"Share this article\""
    ]


def test_excerpt_is_one_quoted_line():
    assert excerpt("a\tb\u3000c") == '"a b c"'
    assert excerpt("x" * 50, 10) == '"xxxxxxxxxx …"'


def test_every_change_of_the_sample_is_explained():
    """Generic over stages: each change of every stage gives one listing line naming its input line."""
    text = SAMPLE.read_text("utf-8")
    result = clean(text, Config(to="zh-hans"))
    listing = explain(str(SAMPLE), result.changes, text)
    assert len(listing) == len(result.changes)
    parsed = [_LISTING.match(line) for line in listing]
    assert all(parsed)
    stages = {m.group("rule").split("/")[0] for m in parsed if m}
    assert {"pinyin", "boilerplate", "duplicates", "punctuation", "script"} <= stages
    assert f"{SAMPLE}:21: dropped by boilerplate/copyright" in "\n".join(listing)
    assert any(line.startswith(f"{SAMPLE}:27: dropped by duplicates/") for line in listing)


def test_cli_explain_lists_dropped_lines_on_stderr(cli, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("正文第一段，讲述了一件事情的经过。\n责任编辑：王五\n", "utf-8")
    run = cli("fix", "--explain", str(path)).expect(0)
    assert run.out == "正文第一段，讲述了一件事情的经过。\n"
    assert (
        f"{path}:2: dropped by boilerplate/credit (matched '责任编辑:王五'): \"责任编辑：王五\""
        in run.stderr
    )


def test_cli_explain_on_stdin_quotes_the_line(cli):
    run = cli("fix", "--explain", stdin="正文。\n分享到：\n".encode()).expect(0)
    assert "<stdin>:2: dropped by boilerplate/share (matched '分享到'): \"分享到：\"" in run.stderr


def test_cli_explain_names_the_record_of_a_dataset(cli, tmp_path):
    import json

    path = tmp_path / "d.jsonl"
    records = [{"id": 1, "text": "正文第一段。"}, {"id": 2, "text": "正文第二段。\n分享到：微信"}]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    run = cli("fix", "--explain", str(path)).expect(0)
    assert f"{path}:2: dropped by boilerplate/share (matched '分享到'; text line 2): " in run.stderr


def test_cli_explain_is_in_run_order_for_any_jobs(cli, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    # each page its own sentence: a line that differs only in a number is learned as site
    # boilerplate when several pages are cleaned together
    for i, place in enumerate(["东城", "西城", "南湖", "北山", "新港", "石桥"]):
        text = f"{place}街道今天举行仪式，讲述了一件事情的经过。\n责任编辑：王{i}\n"
        (src / f"{i}.txt").write_text(text, "utf-8")
    runs = [
        cli("fix", "--explain", "-j", j, "-o", str(tmp_path / f"o{j}"), str(src)).expect(0)
        for j in ("1", "2")
    ]
    listed = [[line for line in r.stderr.splitlines() if "dropped by" in line] for r in runs]
    assert listed[0] == listed[1] and len(listed[0]) == 6


def test_cli_without_explain_says_nothing_more(cli, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("正文。\n分享到：\n", "utf-8")
    assert cli("fix", str(path)).expect(0).stderr == ""
