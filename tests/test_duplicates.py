"""The ``duplicates`` stage beyond its table: what each collapse says, the field sample's doubled
body, and invariants fuzzed (idempotence; decisions that do not change when a later stage
converts the script or restores punctuation; the same result in any process)."""

from __future__ import annotations

import os
import subprocess
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsclean import Config, Doc
from newsclean.stages import boilerplate, encoding, pinyin, punctuation, whitespace
from newsclean.stages.duplicates import duplicates
from newsclean.stages.script import convert

from .conftest import ROOT, SAMPLE

_SETTINGS = settings(
    max_examples=int(os.environ.get("NEWSCLEAN_FUZZ_EXAMPLES", "300")) // 3,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

LONG = [
    "第一段的内容比较长，讲述了会议的召开时间和地点以及参会人员的情况。",
    "第二段的内容也比较长，讲述了会议上作出的主要决定和下一步的工作安排。",
    "在热烈的掌声中，市长李亦博作政府工作报告。报告分四个部分：一、过去5年工作回顾。",
    "The city council voted on Tuesday to approve a new budget for public transport.",
    "Officials said the plan would be reviewed again next year by an independent panel.",
    "LONDON (Reuters) - British inflation fell more than expected last month, data showed.",
    "LONDON (Reuters) - Britain's biggest retailer said it would cut prices on many products.",
    "新华社北京1月4日电 国务院总理今天主持召开国务院常务会议，部署稳定经济的措施。",
    "新华社北京1月4日电 教育部今天发布通知，要求各地做好寒假期间学生安全教育工作。",
]
SHORT = ["是。", "Yes.", "本报记者 张三 摄", "|", "春眠不觉晓，", "Photo: AP", "（记者李四）"]


def _run(lines: list[str]) -> Doc:
    return duplicates(Doc.from_text("\n".join(lines)), Config())


def _dropped(doc: Doc) -> dict[int, tuple[str, str]]:
    return {c.line: (c.rule, c.detail) for c in doc.changes if c.action == "drop"}


# ---- every collapse says what it kept and why ----


def test_exact_copy_names_the_kept_line():
    out = _run([LONG[0], LONG[1], LONG[0].replace("，", ",")])
    assert _dropped(out) == {3: ("exact", "copy of line 1")}


def test_contained_copy_names_the_kept_line():
    out = _run([LONG[0] + LONG[1], LONG[1]])
    assert _dropped(out) == {2: ("contained", "contained in line 1")}


def test_near_copy_gives_its_similarity():
    out = _run([LONG[3], LONG[4], LONG[3].replace("approve", "aprove")])
    rule, detail = _dropped(out)[3]
    assert rule == "near" and detail.startswith("near copy of line 1 (similarity 0.9")


def test_more_complete_copy_moves_to_the_first_place():
    lead = "1月4日上午，焦作市第十四届人民代表大会第一次会议在市会议中心圆形报告厅隆重开幕。"
    caption = "1月4日，焦作市第十四届人民代表大会第一次会议在市会议中心圆形报告厅隆重开幕。"
    out = _run([caption, "本报记者 赵林峰 王正义 摄", lead])
    assert out.lines == (lead, "本报记者 赵林峰 王正义 摄")
    assert out.linenos == (3, 2)
    records = {c.line: c for c in out.changes}
    assert records[3].action == "move" and records[3].rule == "more-complete"
    assert "more complete copy of line 1" in records[3].detail
    assert records[1].action == "drop" and "line 3, which took its place" in records[1].detail


def test_of_copies_equal_but_for_spacing_the_tidier_one_is_kept_in_the_first_place():
    """A copy with stray spaces (an ideographic space inside, a space before a fullwidth
    comma) is no better for coming first: the tidier text takes its place, the way a more
    complete copy does."""
    clean = "任何数码相机都可以在 Linux 上通过 USB存储读取器来工作，参考第 10.1.7 节的说明。"
    spaced = clean.replace("USB存储", "USB\u3000存储").replace("工作，", "工作 ，")
    out = _run([spaced, LONG[0], clean, LONG[1]])
    assert out.lines == (clean, LONG[0], LONG[1])
    assert out.linenos == (3, 2, 4)
    records = {c.line: c for c in out.changes}
    assert records[3].action == "move" and records[3].rule == "tidier"
    assert records[1].action == "drop" and records[1].rule == "less-tidy"
    # the tidier copy first: nothing moves
    out = _run([clean, LONG[0], spaced, LONG[1]])
    assert out.lines == (clean, LONG[0], LONG[1])
    assert _dropped(out) == {3: ("exact", "copy of line 1")}


def test_copies_equally_tidy_keep_the_first():
    line = LONG[0].replace("情况", "情况 ")
    other = LONG[0].replace("时间", "时间 ")
    out = _run([line, LONG[1], other])
    assert out.lines == (line, LONG[1])


# ---- containment keeps the article's copy ----

_LEDE = [
    "DUBAI, United Arab Emirates — The flagship carrier of the emirate finalized a deal to",
    "purchase thirty of the long-range jets on offer, executives of both companies said",
    "on Wednesday at the air show held every two years near the new airport of the city.",
]


def test_a_wrapped_piece_of_the_lede_stays_when_a_summary_bullet_holds_it():
    """A hard-wrapped lede's last line is contained in a "Key Points" bullet above it:
    dropping it would cut the lede's sentence; both stay."""
    bullet = "* The flagship carrier finalized a deal, " + _LEDE[2][3:]
    out = _run([bullet, *_LEDE])
    assert out.lines == (bullet, *_LEDE)


def test_a_later_list_item_repeating_the_articles_line_goes_instead():
    line = LONG[3]
    item = "* " + line
    out = _run([line, LONG[4], item])
    assert out.lines == (line, LONG[4])
    assert _dropped(out) == {3: ("repeated-item", "a list item repeating line 1, which stays")}


def test_prose_after_a_list_item_holding_it_still_goes():
    """A gallery: the caption as a list item, then again as a line of its own."""
    out = _run(["* " + LONG[3], LONG[4], LONG[3]])
    assert out.lines == ("* " + LONG[3], LONG[4])
    assert _dropped(out) == {3: ("contained", "contained in line 1")}


def test_a_repeated_paragraphs_wrapped_piece_still_goes():
    """The piece's line above is a copy too: the whole paragraph repeats."""
    first = "Shares of the largest home improvement chain are dropping in premarket"
    piece = "trading after the company cut its full-year sales growth guidance."
    out = _run([first, piece + " More to come.", LONG[3], first, piece])
    assert out.lines == (first, piece + " More to come.", LONG[3])


def test_block_members_name_the_block():
    body = [LONG[0], SHORT[2], LONG[1], SHORT[6]]
    out = _run(["标题", *body, *body])
    dropped = _dropped(out)
    assert sorted(dropped) == [6, 7, 8, 9]
    assert dropped[7][0] == "block" and dropped[9][0] == "block"
    assert all("repeated block (lines 6-9 repeat lines 2-5)" in d for _, d in dropped.values())


def test_two_lists_alike_at_the_end_are_no_repeated_block():
    """Two products' specs, alike but for their last line: the second list's short lines copy
    the first's, but the line after them copies nothing, and no long copy closes the block at
    the document's end. Only the long copy goes; a doubled body's tail still goes whole
    (:func:`test_block_members_name_the_block`)."""
    specs = ["发动机总排量：1171ml", "最大功率：51Kw／6000rpm", "驱动型式：前置前驱"]
    long_spec = "发动机型式：直列4缸双顶置凸轮轴，16气门多点式电喷汽油机，排放达到欧三标准。"
    lines = [LONG[0], "甲款车型", long_spec, *specs, "变速箱：国产手动五速"]
    lines += ["乙款车型", long_spec, *specs, "变速箱：进口手动五速"]
    out = _run(lines)
    assert sorted(_dropped(out)) == [9]
    assert out.lines == tuple(line for k, line in enumerate(lines, 1) if k != 9)


def test_stub_between_copies_goes_as_a_stub():
    out = _run([LONG[0], LONG[1], LONG[0], "|", LONG[1]])
    assert _dropped(out)[4][0] == "block-stub"


# ---- the field sample ----


def _sample_before_duplicates(config: Config) -> Doc:
    doc = Doc.from_text(SAMPLE.read_text("utf-8"))
    for stage in (encoding, pinyin, whitespace, boilerplate):
        doc = stage(doc, config)
    return doc


def test_sample_doubled_body_collapses_to_one_copy():
    config = Config()
    doc = _sample_before_duplicates(config)
    out = duplicates(doc, config)
    dropped = {c.line for c in out.changes if c.action == "drop" and c.stage == "duplicates"}
    assert dropped == {3, *range(23, 38)}  # the second body, and the caption the lead replaced
    assert out.linenos == (1, 2, 5, 4, *range(6, 18))
    block = [c for c in out.changes if c.line in range(23, 38) and c.stage == "duplicates"]
    assert all("repeated block (lines 23-37 repeat lines 3-17)" in c.detail for c in block)


def test_sample_in_simplified_script_decides_the_same():
    config = Config()
    doc = _sample_before_duplicates(config)
    simplified = Doc(tuple(convert("\n".join(doc.lines), "t2s").split("\n")), doc.linenos)
    assert duplicates(simplified, config).linenos == duplicates(doc, config).linenos


# ---- invariants, fuzzed ----


def _variant(line: str, how: int) -> str:
    """A copy as a scraper or a later stage may have changed it."""
    if how == 1:
        return line.replace("，", ",").replace("：", ":").replace("。", ".")
    if how == 2:
        return convert(line, "s2t")
    if how == 3:
        return line[: max(1, len(line) * 2 // 3)]
    if how == 4 and len(line) > 10:
        return line[:5] + line[6:]
    return line


_DOCS = st.lists(
    st.tuples(st.sampled_from(LONG + SHORT), st.integers(0, 5)), min_size=1, max_size=30
).map(lambda items: [_variant(line, how) for line, how in items])


@_SETTINGS
@given(_DOCS)
def test_stage_is_idempotent(lines):
    once = _run(lines)
    twice = duplicates(Doc(once.lines, once.linenos), Config())
    assert twice.lines == once.lines


@_SETTINGS
@given(_DOCS, st.sampled_from(["t2s", "s2t"]))
def test_decisions_survive_script_and_punctuation(lines, target):
    """What a later stage does to the kept lines does not change what this stage keeps."""
    config = Config()
    out = _run(lines)
    later = punctuation(
        Doc(tuple(convert("\n".join(out.lines), target).split("\n")), out.linenos), config
    )
    again = duplicates(Doc(later.lines, later.linenos), config)
    assert again.linenos == later.linenos


@_SETTINGS
@given(_DOCS)
def test_every_input_line_is_kept_or_explained(lines):
    doc = Doc.from_text("\n".join(lines))
    out = duplicates(doc, Config())
    explained = {c.line for c in out.changes if c.action in ("drop", "move")}
    assert set(doc.linenos) == set(out.linenos) | explained
    assert not set(out.linenos) & {c.line for c in out.changes if c.action == "drop"}


_CROSS_PROCESS = """
import sys
sys.path[:0] = [{root!r}, {bench!r}]
from bench_duplicates import planted
from newsclean import Config, Doc
from newsclean.stages.duplicates import duplicates
lines, _ = planted(1500, 0.3, seed=11)
out = duplicates(Doc.from_text("\\n".join(lines)), Config())
print(out.linenos, [(c.line, c.rule, c.detail) for c in out.changes])
"""


def outputs_under_hash_seeds(*args: str, seeds: tuple[str, ...] = ("1", "2")) -> list[str]:
    """``python ARGS``'s stdout in processes whose str hashes differ (PYTHONHASHSEED)."""
    return [
        subprocess.run(
            [sys.executable, *args],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        ).stdout
        for seed in seeds
    ]


def test_same_result_in_any_process():
    code = _CROSS_PROCESS.format(root=str(ROOT), bench=str(ROOT / "bench"))
    outputs = outputs_under_hash_seeds("-c", code)
    assert outputs[0] == outputs[1] and outputs[0].count("exact") > 10
