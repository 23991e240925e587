"""Invariants of the pinyin, whitespace and punctuation rules, fuzzed through the whole pipeline:
cleaning twice changes nothing, on text full of what those rules act on (no-break spaces,
joiners, full stops, parentheses after Han, markdown links, URLs, code, short leaks)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newsclean import Config, clean

_SETTINGS = settings(
    max_examples=int(os.environ.get("NEWSCLEAN_FUZZ_EXAMPLES", "300")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

_PIECES = st.sampled_from(
    [
        "風", "时", "说", "中", "文", "。", "，", "）", "“", "”", ",", ":", "!", ".", "(", ")",
        " ", "\u00a0", "\u200c", "\u200d", "\u200b", "\u3000", "\n", "«", "»", "1", "a", "ب",
        "👨", "(fēng)", "(shí)", "(huì\u00a0)", "\u200b(shuō)", "(kill)", "(chóng)", "饕(tāo)",
        "[标题](https://a.cn/x,中)", "https://b.cn/q?a=1,", "`c,中`", "```", "Ã©", "锟斤拷",
    ]
)  # fmt: skip
_TEXT = st.lists(_PIECES, max_size=60).map("".join)


@_SETTINGS
@given(_TEXT)
@example("之風(fēng)。耽詩(shī)。聽\u200b(tīng)人。病時(shí\u00a0)。")
@example("你好, then left.\n逗号, 但是逗号.")
@example("饕(tāo)饕(tāo)饕(tāo)[标题](https://a.cn/x,中)(fēng)")  # markdown joins a leak
@example("風風Ã©Ã©Ã©")
@example("風風»«»«")  # read as mojibake only once converted to Simplified
@example("Ã©\u200c«“")  # read as mojibake only once the stray joiner is gone
@example("風\u200c(fēng)««««饕(tāo)")
@example("風\u200caب(fēng)(kill)(kill)")  # one Han character among Latin: no cp1252 read as GBK
def test_cleaning_twice_changes_nothing(text):
    for config in (Config(), Config(to="zh-hans")):
        once = clean(text, config).text
        assert clean(once, config).text == once
