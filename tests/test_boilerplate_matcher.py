"""The fast matcher finds exactly what trying every rule would: same verdict, same family rank."""

from __future__ import annotations

import os
import re
import tomllib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsclean.stages.boilerplate.lines import core, fold
from newsclean.stages.boilerplate.matcher import Matcher
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
