"""The fast path of ``duplicates``: screen keys, the anchor screen and ``is_long`` promise what
the exact machinery needs, fuzzed:

* equal exact keys have equal screen keys, and a screen key is the exact key with characters
  replaced one for one (so similarity can only grow from one to the other);
* exact labels drawn from screen keys are those drawn from exact keys;
* the screen finds every near copy with up to two edits, wherever they fall;
* ``is_long`` is ``units(line) >= min_units``.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsclean.chars import units
from newsclean.stages.duplicates import exact_labels, fold_keys, is_long
from newsclean.stages.duplicates.keys import screen_keys
from newsclean.stages.duplicates.match import similar
from newsclean.stages.duplicates.screen import candidates
from newsclean.stages.script import convert

_SETTINGS = settings(
    max_examples=int(os.environ.get("NEWSCLEAN_FUZZ_EXAMPLES", "300")) // 3,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# Characters that folding changes, and some it does not: width, case, script (with the
# characters OpenCC only converts inside a phrase, 瞭解 → 了解), spaces of every kind.
_CHARS = st.sampled_from(
    list("会會议議干乾幹瞭了解里裡裏为為爲著着发發髮")
    + list("aAbBzZéÉΣσς1２３")
    + list('，,。.：:“"”（(）)！!ＡＢａｂ')
    + list(" \t\u3000\u00a0\u2003")
)
_LINE = st.lists(_CHARS, max_size=30).map("".join)


@_SETTINGS
@given(st.lists(_LINE, min_size=1, max_size=8), st.booleans())
def test_screen_keys_are_exact_keys_coarsened_one_for_one(lines, traditional):
    if traditional:
        lines = [convert(line, "s2t") for line in lines]
    exact, screen = fold_keys(lines), screen_keys(lines)
    assert [len(k) for k in screen] == [len(k) for k in exact]
    for i in range(len(lines)):
        for j in range(len(lines)):
            if exact[i] == exact[j]:
                assert screen[i] == screen[j]


def test_screen_keys_of_latin1_text_are_the_exact_keys():
    lines = ["The  Council voted", "the COUNCIL\tvoted", "Ça va, très bien\u00a0!"]
    assert screen_keys(lines) == fold_keys(lines)


def test_phrase_only_conversions_share_screen_keys():
    """瞭 stays 瞭 alone, but 瞭解 becomes 了解: the screen must not tell them apart."""
    lines = ["我們瞭解這個情況，", "我们了解这个情况，"]
    assert fold_keys(lines)[0] == fold_keys(lines)[1]
    assert screen_keys(lines)[0] == screen_keys(lines)[1]


@_SETTINGS
@given(
    st.lists(st.sampled_from(["乾隆", "干隆", "乾淨", "干净", "Ab", "ab", "a b", "Σ"]), max_size=12)
)
def test_exact_labels_match_exact_keys(lines):
    exact = fold_keys(lines)
    labels = exact_labels(lines, screen_keys(lines))
    assert labels == [exact.index(k) for k in exact]


_HAN = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能"
_WORDS = ["council", "budget", "transport", "mayor", "vote", "plan", "city", "report", "year"]


def _zh(draw: st.DrawFn) -> str:
    return "".join(draw(st.lists(st.sampled_from(_HAN), min_size=20, max_size=90))) + "。"


def _en(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(_WORDS), min_size=10, max_size=40))
    return " ".join(words).capitalize() + "."


@st.composite
def _edited(draw: st.DrawFn) -> tuple[str, str]:
    """A line and a copy with one or two edits (a character replaced, dropped or added)."""
    line = _zh(draw) if draw(st.booleans()) else _en(draw)
    copy = list(line)
    for _ in range(draw(st.integers(1, 2))):
        at = draw(st.integers(0, len(copy) - 1))
        op = draw(st.sampled_from(["replace", "drop", "add"]))
        if op == "replace":
            copy[at] = "某" if copy[at] >= "\u2e80" else "q"
        elif op == "drop":
            del copy[at]
        else:
            copy.insert(at, "某" if copy[at] >= "\u2e80" else "q")
    return line, "".join(copy)


@_SETTINGS
@given(_edited(), st.lists(st.sampled_from([*_HAN, "，"]), min_size=30, max_size=60))
def test_screen_finds_every_near_copy_with_two_edits(pair, other):
    line, copy = pair
    keys = screen_keys([line, "".join(other), copy])
    if similar(keys[2], keys[0], 0.9) is None:
        return  # too short for two edits to leave a near copy
    assert {0, 2} <= candidates(keys, 0.9)


@_SETTINGS
@given(st.text(max_size=60), st.integers(1, 40))
def test_is_long_is_units(line, min_units):
    assert is_long(line, min_units) == (units(line) >= min_units)
