"""The fast matcher finds exactly what trying every rule would: same verdict, same family rank."""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsclean.stages.boilerplate.lines import core, fold
from newsclean.stages.boilerplate.matcher import Matcher, trie_regex
from newsclean.stages.boilerplate.rules import rules
from newsclean.stages.boilerplate.starts import literal_starts

from .conftest import CASES

_TABLE = tomllib.loads((CASES / "boilerplate_lines.toml").read_text("utf-8"))
_LINES = [line for kind in _TABLE.values() for lines in kind.values() for line in lines]
_PIECES = sorted(
    {piece for line in _LINES for piece in re.split(r"(\W)", core(fold(line))) if piece}
)


def _brute(text: str) -> int | None:
    ranks = [rank for rank, _, source in rules().sources if re.search(source, text)]
    return min(ranks) if ranks else None


def _found(text: str) -> int | None:
    hit = rules().short.find(text)
    return hit[0] if hit else None


def test_table_lines_match_as_if_every_rule_were_tried():
    for line in _LINES:
        text = core(fold(line))
        assert _found(text) == _brute(text), line


@settings(
    max_examples=int(os.environ.get("NEWSCLEAN_FUZZ_EXAMPLES", "300")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(st.lists(st.sampled_from(_PIECES) | st.text(max_size=3), max_size=12).map("".join))
def test_any_text_matches_as_if_every_rule_were_tried(text):
    assert _found(text) == _brute(text)


def test_starts_are_read_conservatively():
    assert literal_starts("^(a|b)?c") == frozenset({"a", "b", "c"})
    assert literal_starts("x*y") is None or "y" in literal_starts("x*y")
    assert literal_starts("(?i)abc") is None
    assert literal_starts("a|.b") is None
    assert literal_starts("[^a]b") is None
    m = Matcher.build([("f", "x*yz"), ("g", "^[0-9]+ min")])
    assert m.find("xxyz") == (0, "f", "xxyz") and m.find("yz") == (0, "f", "yz")
    assert m.find("12 min") == (0, "g", "12 min")


_STARTS = sorted(rules().short.floating)


@settings(
    max_examples=int(os.environ.get("NEWSCLEAN_FUZZ_EXAMPLES", "300")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(st.lists(st.sampled_from(_STARTS + _PIECES) | st.text(max_size=3), max_size=10).map("".join))
def test_two_tries_report_what_one_would(text):
    """The floating starts are searched in two tries (ASCII-initial, other); the hit reported,
    family and text included, is the one a single trie in line order would report."""
    matcher = rules().short
    one = replace(matcher, prefixes=(re.compile(trie_regex(matcher.floating)),))
    assert len(matcher.prefixes) == 2
    assert matcher.find(text) == one.find(text)


_BYLINE_BEFORE = re.compile(r"""^by\s+(\w[\w.'’-]*\s*){1,7}((,|\||and|&)\s*[^.!?]{0,40})?$""")
_BYLINE_AFTER = next(
    re.compile(source) for _, family, source in rules().sources if source.startswith(r"^by\s+\w")
)


@settings(
    max_examples=int(os.environ.get("NEWSCLEAN_FUZZ_EXAMPLES", "300")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    st.lists(
        st.sampled_from(
            ["a", "bc", "Lee", " ", "  ", "\t", ",", "&", "|", "and", ".", "-", "'", "’"]
        )
        | st.sampled_from(["!", "é", "中", "x" * 20]),
        max_size=14,
    ).map(lambda tokens: "by" + "".join(tokens))
)
def test_byline_rule_rewritten_for_speed_means_the_same(text):
    """The byline pattern once let ``re`` try every way to cut a word into words (a long line
    that is not a byline took a millisecond); the rewrite matches the same lines."""
    assert bool(_BYLINE_AFTER.search(text)) == bool(_BYLINE_BEFORE.search(text))
