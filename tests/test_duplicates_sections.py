"""Parallel sections (``duplicates/sections.py``): the parts of a series ("Plan A", "Plan B";
"Day 1", "Day 2"; "第一天", "第二天") repeat what they share, and those repeats stay; a body
captured twice still loses its copy, the series in it too."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsclean import Config, Doc, clean
from newsclean.stages.duplicates import duplicates
from newsclean.stages.duplicates.sections import find_series

SHARED = "Beachbody Performance Recover with one cup of blueberries, within thirty minutes."
SHARED_ZH = "早餐后散步三十分钟，再到酒店大堂集合，由导游带领大家前往下一个景点参观游览。"


def _kept(lines: list[str]) -> tuple[str, ...]:
    return duplicates(Doc.from_text("\n".join(lines)), Config()).lines


@pytest.mark.parametrize(
    "titles, shared",
    [
        (["Meal Prep Menu for Eating Plan A", "Meal Prep Menu for Eating Plan B"], SHARED),
        (["Day 1: Lisbon", "Day 2: Lisbon", "Day 3: Lisbon"], SHARED),
        (["第一天 行程安排", "第二天 行程安排"], SHARED_ZH),
    ],
)
def test_each_part_of_a_series_keeps_what_the_parts_share(titles, shared):
    lines = []
    for k, title in enumerate(titles):
        lines += [
            title,
            f"A different line of its own for part number {k} of the series here.",
            shared,
        ]
    assert _kept(lines) == tuple(lines)


def test_a_copy_inside_one_part_still_goes():
    lines = [
        "Day 1",
        SHARED,
        "Day 2",
        "Something else for day two, long enough to count.",
        SHARED,
        SHARED,
    ]
    assert _kept(lines) == tuple(lines[:-1])


def test_a_body_captured_twice_loses_its_copy_series_and_all():
    intro = "The story begins with a long line of its own, so that the copy has edges."
    body = [intro, "Day 1", SHARED, "Day 2", SHARED, "The end of the story, told at some length."]
    assert _kept(["Title of the page", *body, *body]) == ("Title of the page", *body)


@pytest.mark.parametrize(
    "titles",
    [
        ["Top 10 phones of the year", "Top 5 phones of the year"],  # no counter next to another
        ["Plan A", "Plan A"],  # one value: a repeated line, no series
        ["Day 1 was long.", "Day 2 was long."],  # sentences, not titles
    ],
)
def test_no_series_no_sparing(titles):
    assert find_series(titles) == []
    lines = [titles[0], SHARED, titles[1], SHARED]
    assert _kept(lines) == tuple(lines[:-1])


_SETTINGS = settings(
    max_examples=int(os.environ.get("NEWSCLEAN_FUZZ_EXAMPLES", "300")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
_LONG = {
    SHARED,
    SHARED_ZH,
    "Another long paragraph of the story that is long enough to be a copy when it repeats.",
}
_PIECES = [
    "Day 1",
    "Day 2",
    "Day 3",
    "Plan A",
    "Plan B",
    "第一天",
    "第二天",
    SHARED,
    SHARED_ZH,
    "Another long paragraph of the story that is long enough to be a copy when it repeats.",
    "A short line",
    "是。",
]


@_SETTINGS
@given(st.lists(st.sampled_from(_PIECES), max_size=24))
def test_series_and_copies_settle_in_one_run(pieces):
    """Whatever the series and copies, a second run changes nothing, and every paragraph
    keeps one copy at least (short stubs between copies may go: see .blocks)."""
    once = duplicates(Doc.from_text("\n".join(pieces)), Config())
    assert duplicates(once, Config()).lines == once.lines
    assert set(once.lines) >= {p for p in pieces if p in _LONG}
    cleaned = clean("\n".join(pieces)).text  # and through the whole pipeline
    assert clean(cleaned).text == cleaned
