"""The span search's shortcuts find what the full search finds, no more and no less.

:func:`spans._out_of_reach` turns a run down before the search tries every start in it,
codecs whose units cannot run into each other are read unit by unit at once
(:func:`spans._all_closed`), a run with fewer than two characters a span can start and end on
is turned down before its units are looked up (:func:`spans._few_edges`), and a line or run no
unit of which starts UTF-8 with the next is turned down for the chains that read UTF-8
(:func:`spans._may_be_utf8`). All are bounds, not heuristics: with any of them switched off,
every run of the cases (runs misread inside correct lines, bench/spangen.py, and clean text in
the languages the chains are written in) gives the same spans.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bench import spangen, textgen
from newsclean.stages.encoding import spans

SEED = 11
CASES = 25
#: Clean lines with characters the language writes rarely (where runs are searched at all).
CLEAN = (
    "他们静静聆听老人讲庚子年的旧事，痛斥汉奸的诬蔑，也笑那一小撮人借机噱头百出。",
    "长梦千年何日醒，睡乡谁遣警钟鸣？腥风血雨难为我，好个江山忍送人！嗳呀！嗳呀！来了！",
    "每每分享藍天大哥捕捉的鏡頭，真是超級羨慕。",
    "2001年4月3日，金锺国正式离开前经纪公司，并与彗星媒体以7亿韩元签定了三张唱片合约。",
    "丁香 初戀 白山茶 侮蔑 康乃馨 失戀中 鬱金香 你儂我儂 暗戀",
    "서울 시내 곳곳에서 벚꽃이 피었다. 漢字 混用 문장도 있다.",
)
_CACHED = (
    "_fix_spans",
    "_hopeless",
    "_dense_spans",
    "_whole_units",
    "_untwinned",
    "_all_closed",
    "_context",
    "_rivals",
    "_leads",
)


def _lines() -> Iterator[str]:
    yield from CLEAN
    for chain in textgen.CJK_CHAINS:
        for original, broken in spangen.span_cases(chain, textgen.TEST_POOL, SEED, CASES):
            yield original
            yield broken


LINES = tuple(dict.fromkeys(_lines()))


def _forget() -> None:
    for name in _CACHED:
        memo = getattr(spans, name)
        if hasattr(memo, "cache_clear"):  # (not while a test has it replaced)
            memo.cache_clear()


def _dense(line: str) -> list[tuple[str, int, int, bool, tuple[tuple[int, int, str, int], ...]]]:
    """Every dense chain's spans, run by run (first round and confirmed), for ``line``."""
    out = []
    for chain in spans._WIDE_CHAINS:
        if chain.actual not in spans._LANGUAGE:
            continue
        for m in spans._SPACED_RUN.finditer(line):
            for confirmed in (False, True):
                found = spans._dense_spans(chain, line, m.start(), m.end(), confirmed)
                out.append((chain.name, m.start(), m.end(), confirmed, found))
    return out


def _without(monkeypatch: pytest.MonkeyPatch, name: str, value: object) -> list[object]:
    with monkeypatch.context() as patched:
        patched.setattr(spans, name, value)
        _forget()
        out = [_dense(line) for line in LINES]
    _forget()
    return out


def test_the_cases_hold_runs_the_search_finds() -> None:
    # (else the comparisons below would compare nothing)
    _forget()
    found = sum(bool(spans_) for line in LINES for *_, spans_ in _dense(line))
    assert found >= 50


def test_a_run_out_of_reach_holds_no_span(monkeypatch: pytest.MonkeyPatch) -> None:
    _forget()
    fast = [_dense(line) for line in LINES]
    assert fast == _without(monkeypatch, "_out_of_reach", lambda *args: False)


def _answers(monkeypatch: pytest.MonkeyPatch, name: str) -> list[bool]:
    """What the test ``spans.<name>`` answers from now on, in the order it is asked."""
    asked: list[bool] = []
    test = getattr(spans, name)

    def spy(*args: object) -> bool:
        asked.append(test(*args))
        return asked[-1]

    monkeypatch.setattr(spans, name, spy)
    return asked


def test_a_run_with_few_edges_holds_no_span(monkeypatch: pytest.MonkeyPatch) -> None:
    _forget()
    fast = [_dense(line) for line in LINES]
    assert fast == _without(monkeypatch, "_few_edges", lambda *args: False)


def test_the_count_of_edges_turns_down_clean_text(monkeypatch: pytest.MonkeyPatch) -> None:
    # It must do its work, by each of its counts: on clean Simplified text, for GBK read as
    # Big5 (units read alone, the test :func:`spans._out_of_reach` asks first), and on
    # clean Japanese for EUC-JP read as GBK (edges: Japanese is never asked by that bound).
    asked = _answers(monkeypatch, "_few_edges")
    for name, line in (
        ("GBK read as Big5", "今天天气很好，我们去公园散步。"),
        ("EUC-JP read as GBK", "政府は来年度の予算案を閣議決定した"),
    ):
        _forget()
        asked.clear()
        chain = next(c for c in spans._WIDE_CHAINS if c.name == name)
        assert spans._dense_spans(chain, line, 0, len(line), False) == ()
        assert asked == [True], name
    _forget()


def _long_lines() -> Iterator[str]:
    """Runs longer than a span can be (:data:`spans.LONGEST`): each case's broken line between
    two of its correct lines, and the clean lines three times over, joined by a full-width comma
    (one run)."""
    yield from ("，".join([line] * 3) for line in CLEAN)
    for chain in textgen.CJK_CHAINS:
        cases = list(spangen.span_cases(chain, textgen.TEST_POOL, SEED, CASES))
        for k in range(1, len(cases) - 1):
            yield "，".join((cases[k - 1][0], cases[k][1], cases[k + 1][0]))


LONG = tuple(line for line in dict.fromkeys(_long_lines()) if len(line) > spans.LONGEST)


def test_a_long_run_no_window_of_which_passes_holds_no_span(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # :func:`spans._hopeless` asks :func:`spans._starts`' bounds of every start of a long run
    # at once: where none passes, the run is searched no further; the spans are the same.
    _forget()
    assert len(LONG) >= 40
    fast = [_dense(line) for line in LONG]
    assert sum(bool(found) for line in fast for *_, found in line) >= 20
    with monkeypatch.context() as patched:
        patched.setattr(spans, "_windows", lambda count, seen, lo, hi, least, trailed: [True])
        _forget()
        slow = [_dense(line) for line in LONG]
    _forget()
    assert fast == slow


def _some_start_passes(line: str, lang: str, lo: int, hi: int) -> bool:
    """:func:`spans._starts`' own tests of a start, asked of every start of ``line[lo:hi]``
    one by one: the line outside a span from it within LONGEST characters can be the
    language's text."""
    _, count, seen = spans._context(line)[lang]
    least = -(-(4 * (count[-1] - seen[-1]) - count[-1]) // 3)
    if least > spans.LONGEST:
        return False
    rivals = spans._rivals(line, lang, lo, hi)
    n = hi - lo
    for i in range(n):
        end = lo + min(n, i + spans.LONGEST)
        if least > 0 and (count[end] - seen[end]) - (count[lo + i] - seen[lo + i]) < least:
            continue
        if any(lead < trail[end - lo] - trail[i] for lead, trail in rivals):
            continue
        return True
    return False


def test_a_run_is_hopeless_exactly_where_no_start_passes() -> None:
    asked = 0
    for line in (*LINES, *LONG):
        _forget()
        for m in spans._SPACED_RUN.finditer(line):
            if spans._cjk_count(line) < 2:
                continue
            for lang in dict.fromkeys(spans._LANGUAGE.values()):
                want = not _some_start_passes(line, lang, m.start(), m.end())
                assert spans._hopeless(line, lang, m.start(), m.end()) == want, (line, lang)
                asked += want and m.end() - m.start() > spans.LONGEST
    _forget()
    assert asked >= 10  # long runs turned down


def test_the_windows_turn_down_long_clean_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    # They must do their work: long runs of clean text that the run's totals leave to the
    # search are turned down by the windows.
    runs = [
        (spans._LANGUAGE[chain.actual], line, m.start(), m.end())
        for line in ("，".join([c] * 3) for c in CLEAN)
        for m in spans._SPACED_RUN.finditer(line)
        for chain in spans._WIDE_CHAINS
        if chain.actual in spans._LANGUAGE and m.end() - m.start() > spans.LONGEST
    ]

    def hopeless() -> int:
        _forget()
        return sum(spans._hopeless(line, lang, lo, hi) for lang, line, lo, hi in runs)

    with_windows = hopeless()
    with monkeypatch.context() as patched:
        patched.setattr(spans, "_windows", lambda count, seen, lo, hi, least, trailed: [True])
        totals_only = hopeless()
    _forget()
    assert with_windows > totals_only


def test_units_read_at_once_read_as_one_by_one(monkeypatch: pytest.MonkeyPatch) -> None:
    _forget()
    fast = [_dense(line) for line in LINES]
    assert fast == _without(monkeypatch, "_all_closed", lambda units: False)


def test_the_bound_turns_down_clean_text(monkeypatch: pytest.MonkeyPatch) -> None:
    # It must do its work: on clean Simplified text, GBK read as Big5 is searched no further.
    asked = _answers(monkeypatch, "_out_of_reach")
    _forget()
    chain = next(c for c in spans._WIDE_CHAINS if c.name == "GBK read as Big5")
    line = CLEAN[0] * 3
    for m in spans._SPACED_RUN.finditer(line):
        assert spans._dense_spans(chain, line, m.start(), m.end(), False) == ()
    _forget()
    assert asked and all(asked)


def test_no_shortcut_for_codecs_whose_bytes_run_on() -> None:
    # A lone byte beyond ASCII (GBK's euro sign, Shift-JIS halfwidth katakana) starts a
    # character the next unit ends: no unit-by-unit reading for such a run.
    assert not spans._closed(b"\x80")
    assert not spans._closed(b"\xb1")
    assert not spans._closed(b"\x81\x30")  # a GB18030 four-byte form goes on
    assert spans._closed(b"\xa4\x40") and spans._closed(b"a") and spans._closed(None)


#: Lines with Western mojibake and with UTF-8 read in a CJK codec among correct text (besides
#: the generated cases), for the chains that read UTF-8.
_UTF8_LINES = (
    "Les élèves de GenĂ¨ve aprĂ¨s",
    "ÐŸÑ€Ð¸Ð²ÐµÑ‚ Ð¼Ð¸Ñ€, как дела",
    '通过 insserv浣跨敤鍩轰簬渚濊禆鍏崇郴鐨勫惎鍔ㄩ『搴忥紝也可以 label: "鏂伴椈"',
    "ã“ã‚“ã«ã¡ã¯ “quoted” — dash, café",
)


def _utf8_pieces(line: str) -> list[object]:
    """Every chain that reads UTF-8's pieces of ``line`` (first round and confirmed)."""
    chains = (*spans._WIDE_CHAINS, *spans.WESTERN_CHAINS, *spans._IN_WORDS)
    out: list[object] = []
    for chain in chains:
        if chain.actual == "utf-8":
            for confirmed in (False, True):
                out.append(spans._pieces(chain, line, confirmed))
            spans._forget_runs()
    return out


def test_a_line_no_unit_of_which_starts_utf8_holds_no_span(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lines = (*LINES, *_UTF8_LINES)
    fast = [_utf8_pieces(line) for line in lines]
    assert sum(bool(pieces) for found in fast for pieces, _ in found) >= 50  # type: ignore[misc]
    with monkeypatch.context() as patched:
        patched.setattr(spans, "_may_be_utf8", lambda codec, text: True)
        slow = [_utf8_pieces(line) for line in lines]
    assert fast == slow


def test_the_utf8_test_turns_down_clean_text() -> None:
    # It must do its work: this correct Chinese holds no pair for UTF-8 read as GBK.
    gbk = next(c for c in spans._WIDE_CHAINS if c.name == "UTF-8 read as GBK")
    assert not spans._may_be_utf8(gbk.misread, "“中国人民”——新闻。")
    assert spans._may_be_utf8(gbk.misread, "浣跨敤")  # 使用 misread


def test_untwinned_units_are_the_units_weighed_one_by_one() -> None:
    # Units with no twin are left as they are without a swap weighed for each of them.
    def slow(chain: spans.Chain, lang: str, units: tuple[bytes | None, ...]) -> object:
        pairs_of = spans.twins(chain.misread)
        out = list(units)
        for k, data in enumerate(units):
            other = None if data is None else pairs_of.get(data.decode(chain.misread))
            if other is None:
                continue
            trial = [*out[:k], other, *out[k + 1 :]]
            if spans._reads(chain.actual, lang, trial) > spans._reads(chain.actual, lang, out):
                out = trial
        return tuple(out)

    twinned = 0
    for chain in spans._WIDE_CHAINS:
        lang = spans._LANGUAGE.get(chain.actual)
        if lang is None or not spans.twins(chain.misread):
            continue
        for line in (*LINES, "ⅰⅱ纊褜鍈銈", "ﾀ摠ｷ 历史"):
            for m in spans._SPACED_RUN.finditer(line):
                units = spans._dense_units(chain.misread, m.group())
                fast = spans._untwinned.__wrapped__(chain, lang, units)
                twinned += fast != units
                assert fast == slow(chain, lang, units)
    assert twinned  # (the cases hold twins)


def test_spaces_at_a_lines_ends_change_nothing_the_search_finds() -> None:
    # fix_spans asks about a line without its edge spaces first (a page dump indents its
    # lines, and the stage asks about them as they are and as the whitespace stage leaves
    # them): the full search of the padded line, memo emptied, finds what the line finds
    # without them, shifted, and nothing where it finds nothing.
    lead, trail = 3, 2
    pad = " " * lead, " " * trail
    found = 0
    for line in LINES:
        _forget()
        bare = spans._fix(line, spans._WIDE_CHAINS)
        padded = spans._fix(pad[0] + line + pad[1], spans._WIDE_CHAINS)
        if bare is None:
            assert padded is None, line
            continue
        found += 1
        assert padded is not None, line
        assert padded.text == pad[0] + bare.text + pad[1]
        assert padded.spans == tuple((i + lead, j + lead) for i, j in bare.spans)
        assert padded.chain == bare.chain
    assert found >= 50
    _forget()


def test_a_line_found_clean_without_its_edge_spaces_is_not_searched_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # (the shortcut does its work: the padded line itself is never searched)
    _forget()
    searched: list[str] = []
    search = spans._fix
    monkeypatch.setattr(
        spans, "_fix", lambda line, chains: searched.append(line) or search(line, chains)
    )
    assert spans.fix_spans("   " + CLEAN[0] + " ") is None
    assert spans.fix_spans(CLEAN[0]) is None
    assert searched == [CLEAN[0]]
    _forget()
