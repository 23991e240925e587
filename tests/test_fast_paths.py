"""The fast paths of per-document stages agree with the plain code they stand in for."""

from __future__ import annotations

import importlib
import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

spans = importlib.import_module("newsclean.stages.encoding.spans")
punctuation = importlib.import_module("newsclean.stages.punctuation")

# Clean Chinese and its mojibake in every chain the run search knows, mixed.
_SOURCE = "全部新闻今天天气很好會議開啟經濟发展「引号」，。鏂伴椈鍏ㄩ儴锟斤拷醚萬ＡＢ"
_MOJIBAKE = "".join(
    _SOURCE.encode(chain.actual, "ignore").decode(chain.misread, "ignore")
    for chain in spans._WIDE_CHAINS
    if chain.misread != "cp1252"
)
_CHARS = sorted(set(_SOURCE + _MOJIBAKE + "éèĂ¨Ã©"))
_CHAINS = spans._WIDE_CHAINS + spans.WESTERN_CHAINS + spans._IN_WORDS


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_CHARS, min_size=2, max_size=40), st.sampled_from(_CHAINS))
def test_aligned_reads_every_start_as_the_incremental_decoder(run: str, chain: object) -> None:
    units = spans._units(chain.misread, run)  # type: ignore[attr-defined]
    actual = chain.actual  # type: ignore[attr-defined]
    reach = spans._utf8_reach(units) if actual == "utf-8" else None
    for start in range(len(units)):
        slow = spans._aligned_slowly(actual, units, start)
        assert spans._aligned(actual, units, start) == slow
        if reach is not None and reach[start] <= start + 1:
            assert not slow  # a start the search skips has nothing to read


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=" \t\u00a0a中,:\n\ufdd8\ufdd9", max_size=60))
def test_spaces_before_a_mark_as_the_plain_pattern(text: str) -> None:
    for mark in punctuation._MARKS:
        plain = re.compile(f"{punctuation._SPACE}+{mark.temporary}")
        assert mark.spaces_before.sub(mark.temporary, text) == plain.sub(mark.temporary, text)


def _may_convert_plainly(text: str) -> bool:
    """``punctuation._may_convert`` without the test that no line holds Han after a ``(``."""
    if any(pattern.search(text) for pattern in punctuation._FINDERS):
        return True
    spans_ = punctuation._protected(text) if "(" in text else []
    masked = punctuation._mask(text, spans_) if spans_ else None
    return masked is not None and punctuation._PAREN.search(masked[2]) is not None


@settings(max_examples=800, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["(", ")", "中", "a", " ", "\n", "https://", "x.cn/", "](", "]", "`", "。", ",", "é"]
        ),
        max_size=30,
    ).map("".join)
)
@example("中(a`x)`中)")  # a pair joined only once the code span is masked
@example("中 (see [x](https://a.cn/(y)) 中)")
def test_may_convert_as_the_plain_test(text: str) -> None:
    assert punctuation._may_convert(text) == _may_convert_plainly(text)
