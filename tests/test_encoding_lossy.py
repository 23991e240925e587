"""Mojibake that already lost bytes (U+FFFD in it): reported; repaired only on request."""

from __future__ import annotations

import pytest

from bench import textgen
from newsclean import Config, Doc
from newsclean.stages import encoding

LINES = [
    "国务院总理今天主持召开常务会议，部署进一步稳定经济的措施。",
    "市政府宣布，明年将新建三十所中小学。",
    "東京都は今日、新しい条例を発表しました。",
]


def _lossy(text: str) -> str:
    """UTF-8 read as GBK by a decoder that writes U+FFFD for what it cannot read."""
    return text.encode("utf-8").decode("gb18030", errors="replace")


@pytest.fixture(scope="module")
def broken() -> str:
    assert all("\ufffd" in _lossy(line) for line in LINES)
    return "\n".join(_lossy(line) for line in LINES)


def test_left_alone_and_reported_by_default(broken):
    out = encoding(Doc.from_text(broken), Config())
    assert out.lines == Doc.from_text(broken).lines
    lossy = sorted(d.line for d in out.diagnostics if d.kind == "lossy-mojibake")
    assert lossy == [1, 2, 3]


def test_repaired_but_for_the_lost_characters_on_request(broken):
    out = encoding(Doc.from_text(broken), Config(repair_lossy=True))
    for original, repaired in zip(LINES, out.lines, strict=True):
        assert len(repaired) == len(original)
        kept = [a == b for a, b in zip(original, repaired, strict=True) if b != "\ufffd"]
        assert all(kept), (original, repaired)
        assert repaired.count("\ufffd") <= len(original) // 5
    reported = sorted(d.line for d in out.diagnostics if d.kind == "lossy-repair")
    assert reported == [1, 2, 3]
    assert {d.line for d in out.diagnostics if d.kind == "replacement-char"} == {1, 2, 3}


def test_lossy_generated_cases():
    """Every sentence of the test pool as lossy UTF-8-read-as-GBK: the rest comes back."""
    pool = textgen.pool(textgen.TEST_POOL)
    total = recovered = 0
    for lang in ("zh", "zht", "ja", "ko"):
        for sentence in pool[lang]:
            broken = _lossy(sentence)
            if "\ufffd" not in broken:
                continue
            (repaired,) = encoding(Doc.from_text(broken), Config(repair_lossy=True)).lines
            assert len(repaired) == len(sentence), (sentence, repaired)
            total += len(sentence)
            recovered += sum(a == b for a, b in zip(sentence, repaired, strict=True))
    assert recovered >= 0.9 * total


def test_clean_text_with_replacement_characters_is_not_reread():
    text = "这是一段正常的文字，只是中间丢了一个字\ufffd而已。"
    out = encoding(Doc.from_text(text), Config(repair_lossy=True))
    assert out.lines == (text,)
    assert [d.kind for d in out.diagnostics] == ["replacement-char"]


def test_cli_flag(cli, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(_lossy(LINES[0]) + "\n", "utf-8")
    plain = cli("fix", "--stages", "encoding", str(path)).expect(0)
    assert plain.out == _lossy(LINES[0]) + "\n"
    assert "--repair-lossy" in plain.stderr
    fixed = cli("fix", "--stages", "encoding", "--repair-lossy", str(path)).expect(0)
    assert fixed.out.startswith("国务院") and "\ufffd" in fixed.out


def test_a_line_the_document_repairs_lost_no_bytes():
    """The lines a document's misreading reaches beyond the flagged ones (``绋冲畾`` is made
    of common characters only) are repaired as whole lines, not reported as lossy."""
    pages = [broken for _, broken in textgen.cases(textgen.CJK_CHAINS[0], textgen.TEST_POOL, 3, 4)]
    out = encoding(Doc.from_text("\n".join([*pages, "绋冲畾"])), Config())
    assert out.lines[-1] == "稳定"
    assert not [d for d in out.diagnostics if d.kind == "lossy-mojibake"]


def test_floor_is_below_every_reading():
    """readings.floor() lets lines be passed over unread: it must never exceed what a
    reading costs, on lossy mojibake of every kind and on clean lines with a U+FFFD."""
    from newsclean.stages.encoding.readings import floor, readings

    pool = textgen.pool(textgen.TEST_POOL)
    lines = []
    for lang in ("zh", "zht", "ja", "ko", "fr"):
        for sentence in pool[lang][:12]:
            data = sentence.encode("utf-8")
            lines += [data.decode(c, errors="replace") for c in ("gb18030", "cp950", "cp932")]
            lines.append(sentence[:3] + "\ufffd" + sentence[3:])
            latin = data.decode("cp1252", errors="replace").encode("utf-8", "replace")
            lines.append(latin.decode("gb18030", errors="replace"))
    for line in lines:
        for lossy in (False, True):
            costs = [r.cost for r in readings(line, lossy)]
            assert floor(line, lossy) <= min(costs, default=floor(line, lossy)), line
