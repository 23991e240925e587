"""Mojibake chains, generated from our own sentences (tests/cases/sentences.toml) in Chinese,
Japanese, Korean, English, French and German: every lossless case comes back exactly.

The cases are made by bench/textgen.py with the codecs themselves, independently of the
repair code; the benchmark (bench/bench_encoding.py) runs the same chains on held-out
sentences the tests never see.
"""

from __future__ import annotations

import pytest

from bench import textgen
from newsclean import Config, Doc
from newsclean.stages import encoding

CASES_PER_CHAIN = 50
SEED = 3


def _run(text: str) -> str:
    return "\n".join(encoding(Doc.from_text(text), Config()).lines)


def _cases(chain: textgen.Chain) -> list[tuple[str, str]]:
    return list(textgen.cases(chain, textgen.TEST_POOL, SEED, CASES_PER_CHAIN, tries=60000))


@pytest.mark.parametrize(
    "chain", [c for c in textgen.CJK_CHAINS if c.name != "EUC-JP read as GBK"], ids=str
)
def test_cjk_chain_is_reversed(chain):
    cases = _cases(chain)
    assert len(cases) >= CASES_PER_CHAIN, f"only {len(cases)} lossless cases"
    wrong = [(broken, _run(broken), original) for original, broken in cases]
    wrong = [w for w in wrong if w[1] != w[2]]
    assert not wrong, f"{len(wrong)} of {len(cases)} not repaired, e.g. {wrong[:3]}"


@pytest.mark.parametrize("chain", textgen.WESTERN_CHAINS, ids=str)
def test_western_chain_as_well_as_ftfy(chain):
    """Parity: every case ftfy (same CJK-safe settings) repairs, newsclean repairs too."""
    from newsclean.stages.encoding.western import fix_line

    cases = _cases(chain)
    assert len(cases) >= CASES_PER_CHAIN
    by_ftfy = [(o, b) for o, b in cases if fix_line(b)[0] == o]
    missed = [(b, _run(b), o) for o, b in by_ftfy if _run(b) != o]
    assert not missed, (
        f"{len(missed)} of {len(by_ftfy)} repaired by ftfy but not by us: {missed[:3]}"
    )


def test_a_document_of_one_chain_settles_short_lines():
    """Short lines that read two ways on their own follow the document's misreading."""
    lines = [
        "中文",
        "国务院总理今天主持召开常务会议，部署进一步稳定经济的措施。",
        "新闻",
        "市政府宣布，明年将新建三十所中小学，缓解入学压力。",
    ]
    broken = "\n".join(line.encode("gbk").decode("latin-1") for line in lines)
    assert _run(broken) == "\n".join(lines)


@pytest.mark.parametrize(
    "chain", [c for c in textgen.CJK_CHAINS if c.name == "EUC-JP read as GBK"], ids=str
)
def test_japanese_read_as_gbk_by_document(chain):
    """EUC-JP read as GBK keeps the kana and turns kanji into other real kanji: a short line
    can be too close to call on its own, but a page of such lines is not."""
    cases = _cases(chain)
    for start in range(0, len(cases), 5):
        page = cases[start : start + 5]
        original = "\n".join(o for o, _ in page)
        assert _run("\n".join(b for _, b in page)) == original


def test_only_the_broken_line_of_a_page_is_repaired():
    broken = textgen.CJK_CHAINS[0].apply("全部新闻")
    page = f"全部新闻\n{broken}\nAll rights reserved"
    assert _run(page) == "全部新闻\n全部新闻\nAll rights reserved"


def test_a_broken_name_inside_a_clean_line():
    name = "张伟".encode().decode("gb18030")  # 张伟 as UTF-8 read as GBK: 寮犱紵
    assert _run(f"记者 {name} 报道") == "记者 张伟 报道"


def _verdict(found: tuple[object, object]) -> tuple[object, ...]:
    repair, choice = found
    better = getattr(choice, "better", None)
    return (
        None if repair is None else (repair.text.strip(" "), repair.chains, repair.lossy),
        getattr(choice, "close", None),
        None if better is None else better.chains,
    )


def test_spaces_at_a_lines_ends_change_no_reading() -> None:
    # mojibake._fix_any reads a line without its edge spaces first and, where that has no
    # repair, does not read the padded line (as a page dump indents it): the full reading
    # of a padded line, in every mode, is the bare line's, with the spaces kept.
    from newsclean.stages.encoding import mojibake
    from newsclean.stages.encoding.readings import CHAINS

    lines = [broken for c in textgen.CJK_CHAINS for _, broken in _cases(c)[:8]]
    lines += textgen.clean_lines(textgen.TEST_POOL, 40, SEED)
    repaired = 0
    for line in lines:
        for prefer in ((), (CHAINS[0],), (CHAINS[4],)):
            for lossy in (False, True):
                bare = mojibake._fix(line, prefer, lossy)
                padded = mojibake._fix("  " + line + " ", prefer, lossy)
                assert _verdict(padded) == _verdict(bare), line
                if bare[0] is not None:
                    repaired += 1
                    assert padded[0] is not None
                    assert padded[0].text == "  " + bare[0].text + " "
    assert repaired >= 100


def test_a_padded_line_whose_bare_line_reads_clean_is_not_read(monkeypatch) -> None:
    from newsclean.stages.encoding import mojibake

    read: list[str] = []
    fix = mojibake._fix
    monkeypatch.setattr(mojibake, "_fix", lambda line, *a: read.append(line) or fix(line, *a))
    mojibake._fix_any.cache_clear()
    line = "今天天气很好，我们去公园散步了。"
    assert mojibake._fix_any(("   " + line, line), (), False)[0] is None
    assert read == [line]
    broken = _cases(textgen.CJK_CHAINS[0])[0][1]
    assert mojibake._fix_any(("  " + broken, broken), (), False)[0] is not None
    assert read[1:2] == [broken]  # a repair: read as the line is, padded, as before
    mojibake._fix_any.cache_clear()


@pytest.mark.parametrize(
    ("before", "word"),
    [
        ("蒋氏大戚,汪然出涕,曰:", "曰"),  # 曰 is GBK D4 BB, UTF-8's Ի
        ("他叹了口气,说:", "说"),  # 说 is GBK CB B5, UTF-8's ˵
    ],
)
def test_a_word_beside_a_run_undone_stays_as_it_was(before, word):
    """A whole-line reading of UTF-8 read as GBK undoes the units it makes worse too (an outer
    layer's inner one may need them): a character of correct text whose GBK bytes happen to
    be UTF-8 (曰 → Ի) must not go with the run beside it when no inner layer asks for it."""
    misread = "“君将哀而生之乎".encode().decode("gbk")
    line = f"{before}{misread}?则吾斯役之不幸,未若复吾赋不幸之甚也。"
    out = encoding(Doc.from_text(line), Config()).lines[0]
    assert out == f"{before}“君将哀而生之乎?则吾斯役之不幸,未若复吾赋不幸之甚也。"
    assert word in out
