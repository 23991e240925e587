"""The boilerplate stage's invariants: clean prose untouched, and decisions that do not move.

Idempotence is the trap for a stage that looks at neighbours and document edges: run on its own
output, or on that output after later stages dropped or rewrote lines, it must decide the same.
"""

from __future__ import annotations

import os
import tomllib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsclean import Config, Doc, clean
from newsclean.stages import boilerplate
from newsclean.stages.boilerplate import classify, classify_line
from newsclean.stages.boilerplate.classify import STRONG_PREFIX
from newsclean.stages.boilerplate.context import neighbours
from newsclean.stages.boilerplate.lines import core, fold, is_prose, prose_flags
from newsclean.stages.boilerplate.rules import rules
from newsclean.stages.script import convert

from .conftest import CASES
from .prose import documents

_SETTINGS = settings(
    max_examples=int(os.environ.get("NEWSCLEAN_FUZZ_EXAMPLES", "300")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
_TABLE = tomllib.loads((CASES / "boilerplate_lines.toml").read_text("utf-8"))
_DROP = [line for lines in _TABLE["drop"].values() for line in lines]
_KEEP = [line for lines in _TABLE["keep"].values() for line in lines]
_PROSE = [line for doc in documents("zh", 30, 1) + documents("en", 30, 1) for line in doc]

_MIXED = st.lists(
    st.sampled_from(_DROP) | st.sampled_from(_KEEP) | st.sampled_from(_PROSE), max_size=16
)
_LATER = st.sampled_from(["none", "t2s", "s2t", "s2hk", "widen"])


_DEFAULT = Config()


def _run(lines: list[str] | tuple[str, ...], config: Config = _DEFAULT) -> tuple[str, ...]:
    return boilerplate(Doc(tuple(lines), tuple(range(1, len(lines) + 1))), config).lines


def _later(lines: tuple[str, ...], how: str) -> tuple[str, ...]:
    if how == "widen":
        table = str.maketrans({",": "，", ":": "：", ";": "；", "!": "！", "?": "？"})
        return tuple(line.translate(table) for line in lines)
    if how == "none" or not lines:
        return lines
    return tuple(convert("\n".join(lines), how).split("\n"))


def test_clean_prose_loses_nothing():
    """Several thousand paragraphs of assembled Chinese and English news: nothing removed."""
    paragraphs = removed = 0
    for lang in ("zh", "en"):
        for doc in documents(lang, 400):
            out = _run(doc)
            paragraphs += len(doc)
            removed += len(doc) - len(out)
            assert out == tuple(doc), [line for line in doc if line not in out]
    assert paragraphs > 5000 and removed == 0


@_SETTINGS
@given(_MIXED)
def test_idempotent_on_its_own_output(lines):
    once = _run(lines)
    assert _run(once) == once


@_SETTINGS
@given(_MIXED, st.data(), _LATER)
def test_nothing_more_goes_after_later_stages(lines, data, how):
    """Drop any lines of the output (as duplicates may), rewrite script or punctuation (as
    script and punctuation do): the stage still finds nothing to drop."""
    once = _run(lines)
    keep = data.draw(st.lists(st.booleans(), min_size=len(once), max_size=len(once)))
    later = _later(tuple(line for line, k in zip(once, keep, strict=True) if k), how)
    assert _run(later) == later


@_SETTINGS
@given(_MIXED)
def test_prose_and_protected_lines_survive_any_company(lines):
    out = set(_run(lines))
    for line in lines:
        if line in _KEEP and classify_line(line).label in ("content", "protected"):
            assert line in out


@_SETTINGS
@given(_MIXED, st.sampled_from([Config(), Config(to="zh-hans"), Config(to="zh-hant")]))
def test_pipeline_idempotent_on_mixed_documents(lines, config):
    text = "\n".join(lines)
    once = clean(text, config).text
    assert clean(once, config).text == once


# --- the fast paths decide as the plain tests do ---------------------------------------------

_STRONG_OPENINGS = [
    "We use cookies to",
    "we use cookies and",
    "WE USE COOKIES ON",
    "ＷＥ ＵＳＥ cookies to",
    "* We use cookies to",
    "» All rights reserved by",
    "All rights reserved",
    "By continuing to use our site",
    "The views expressed here",
    "Copyright 2024",
    "© 2024",
    "(c) 2024",
    "本文仅代表作者本人观点",
    "本網站轉載的",
    "凡本网注明",
    "We and our partners use",
    "Westward expansion was",
    "Alles",
    "中文",
    "“Quoted",
]
_TAILS = [
    " improve your experience on this site and to show you the news you read most often.",
    "，与本网站立场无关，转载请注明出处和作者，如有侵权请与我们联系删除，谢谢合作。",
    " the city council said on Monday after a long debate about the budget for next year!”",
    "。",
    "",
]
_LINE = st.builds(lambda a, b: a + b, st.sampled_from(_STRONG_OPENINGS), st.sampled_from(_TAILS))
_ANY_LINES = st.lists(_LINE | st.sampled_from(_DROP) | st.sampled_from(_KEEP + _PROSE), max_size=12)


@_SETTINGS
@given(_ANY_LINES)
def test_prose_flags_are_is_prose(lines):
    assert prose_flags(lines) == [is_prose(line) for line in lines]


@_SETTINGS
@given(_ANY_LINES)
def test_strong_families_found_on_every_prose_line_that_has_them(lines):
    """Only prose lines that open like a strong phrase are matched against the strong
    families: the others would not have matched."""
    table = rules()
    verdicts = classify(lines, _DEFAULT)
    for line, verdict in zip(lines, verdicts, strict=True):
        if is_prose(line):
            found = table.strong.find(core(fold(line[:STRONG_PREFIX])))
            assert (verdict.label == "boilerplate") == bool(found), line


@_SETTINGS
@given(st.text(st.characters(max_codepoint=0x7F), max_size=12), st.text(max_size=12))
def test_folding_keeps_an_ascii_opening(opening, rest):
    """What lets :func:`classify` read a line's ASCII opening without folding it."""
    assert fold(opening + rest)[: len(opening)] == opening.lower()


@_SETTINGS
@given(_ANY_LINES, st.data())
def test_neighbours_from_flagged_lines_only(lines, data):
    linenos = tuple(range(1, len(lines) + 1))
    verdicts = classify(lines, _DEFAULT)
    flagged = [i for i, v in enumerate(verdicts) if v.label != "content"]
    more = data.draw(st.lists(st.integers(0, max(len(lines) - 1, 0)), max_size=3))
    flagged = sorted(set(flagged) | ({*more} if lines else set()))
    assert neighbours(lines, linenos, verdicts, flagged) == neighbours(lines, linenos, verdicts)
