"""The field sample: golden output, same result through every way in, damage reported by line."""

from __future__ import annotations

import re

import pytest

from newsclean import Config, clean, clean_bytes

from .conftest import SAMPLE, SAMPLES

EXPECTED = SAMPLES / "000_7692730640d39c1c.expected.txt"
EXPECTED_TRADITIONAL = SAMPLES / "000_7692730640d39c1c.expected-traditional.txt"
DAMAGED_LINES = [7, 10, 11, 12, 13]  # the kept copy; the second copy (27, 30-33) is dropped


def test_sample_golden_simplified():
    result = clean_bytes(SAMPLE.read_bytes(), Config(to="zh-hans"))
    assert result.text == EXPECTED.read_text("utf-8")


def test_sample_golden_traditional_without_to():
    result = clean_bytes(SAMPLE.read_bytes(), Config())
    assert result.text == EXPECTED_TRADITIONAL.read_text("utf-8")


def test_golden_files_meet_the_readme():
    """The golden output itself, checked against the sample README's list of defects."""
    text = EXPECTED.read_text("utf-8")
    lines = text.split("\n")
    assert text.endswith("\n") and not text.endswith("\n\n")
    assert all(line == line.strip() and line for line in lines[:-1])
    assert lines[0] == "市十四届人大一次会议隆重开幕 葛巧红宣布大会开幕 李亦博作政府工作报告"
    assert lines[-2] == "（记者翟倩倩、郭嘉莉）"
    assert (
        "1月4日上午，焦作市第十四届人民代表大会第一次会议在市会议中心圆形报告厅隆重开幕。" in lines
    )
    assert text.count("大会主席团常务主席葛巧红主持大会") == 1  # the body once
    assert "(huì" not in text and "|" not in text.replace("?yáng)|", "")
    assert "版权" not in text and "![]" not in text
    assert "會" not in text and "会议" in text
    # ASCII punctuation survives only inside the damaged spans
    stray = re.findall(r"[\u4e00-\u9fff][,:;!?()]|[,:;!?()][\u4e00-\u9fff]", text)
    assert sorted(set(stray)) == ["宏?", "新?", "确!"]
    assert "8时30分，" in text and "宣布：大会" in text and "2.3%，" in text


def test_traditional_golden_is_the_same_cleaning():
    """Without --to the same lines survive, only the script differs."""
    from newsclean.stages.script import convert

    traditional = EXPECTED_TRADITIONAL.read_text("utf-8")
    assert convert(traditional, "t2s") == EXPECTED.read_text("utf-8")
    assert "會議" in traditional


def test_damage_is_reported_on_the_kept_copy():
    result = clean(SAMPLE.read_text("utf-8"), Config(to="zh-hans"))
    damaged = sorted({d.line for d in result.diagnostics if d.severity == "warning"})
    assert damaged == DAMAGED_LINES


@pytest.mark.parametrize("how", ["file", "stdin", "output-dir"])
def test_sample_same_through_every_way_in(cli, tmp_path, how):
    expected = EXPECTED.read_bytes()
    if how == "file":
        out = cli("fix", "--to", "zh-hans", str(SAMPLE)).expect(0).stdout
    elif how == "stdin":
        out = cli("fix", "--to", "zh-hans", stdin=SAMPLE.read_bytes()).expect(0).stdout
    else:
        cli("fix", "--to", "zh-hans", "-o", str(tmp_path / "out"), str(SAMPLE)).expect(0)
        written = list((tmp_path / "out").rglob("*.txt"))
        assert len(written) == 1 and written[0].name == SAMPLE.name
        out = written[0].read_bytes()
    assert out == expected


def test_cli_names_each_damaged_line(cli):
    run = cli("fix", "--to", "zh-hans", str(SAMPLE)).expect(0)
    reported = [
        int(m.group(1))
        for m in re.finditer(
            rf"^{re.escape(str(SAMPLE))}:(\d+): warning: ", run.stderr, re.MULTILINE
        )
    ]
    assert sorted(set(reported)) == DAMAGED_LINES


def test_quiet_hides_diagnostics(cli):
    run = cli("fix", "-q", "--to", "zh-hans", str(SAMPLE)).expect(0)
    assert run.stderr == ""
