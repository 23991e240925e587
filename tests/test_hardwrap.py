"""Paragraphs that html2text (or a mail, an RFC) wrapped at a width come out one per line, and
no stage judges a piece of one as a paragraph of its own; text that is not wrapped is left
as it is."""

from __future__ import annotations

import os
import textwrap

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsclean import Config, Doc, clean
from newsclean.model import Change
from newsclean.stages import markdown
from newsclean.stages.boilerplate.classify import Verdict
from newsclean.stages.boilerplate.wrapped import whole_paragraphs
from newsclean.stages.hardwrap import breaks_at, wrap_width

_SETTINGS = settings(
    max_examples=int(os.environ.get("NEWSCLEAN_FUZZ_EXAMPLES", "300")) // 3,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

PARAGRAPHS = [
    "A video showing the dramatic moment a kidnapped eight-year-old girl was rescued by "
    "police was released on Monday, nearly a week after the suspect was sentenced.",
    "The suspect was convicted and sentenced to life in federal prison last Thursday, and "
    "prosecutors in Texas released the body camera footage soon after the trial had ended.",
    "A family friend found the suspect's car in the hotel parking lot and called the police, "
    "who raced up a staircase, converged outside the room and banged on the door.",
    "A video showing the dramatic moment a kidnapped eight-year-old girl was rescued by "
    "police was released on Monday. The station edited the video to leave out graphic "
    "content and to protect the identity of the victim, a spokeswoman said.",
    "Officers used a ram to force open the door of the room, where they found the girl "
    "unharmed, and the suspect was arrested without a struggle, according to the report.",
]


def _html2text(paragraphs: list[str], width: int = 78) -> str:
    return "\n\n".join(textwrap.fill(p, width) for p in paragraphs) + "\n"


def test_an_html2text_page_comes_out_one_paragraph_per_line():
    out = clean(_html2text(PARAGRAPHS)).text
    assert out.splitlines() == PARAGRAPHS


def test_a_paragraph_that_opens_like_an_earlier_one_is_kept_whole():
    """Wrapped, the fourth paragraph's first line is the first one's, word for word: judged
    line by line it went as a copy, and ``police was released on Monday. The station…`` was
    left without the start of its sentence."""
    text = _html2text(PARAGRAPHS)
    assert text.split("\n\n")[0].split("\n")[0] == text.split("\n\n")[3].split("\n")[0]
    assert PARAGRAPHS[3] in clean(text).text.splitlines()


def test_a_paragraph_copied_whole_still_goes():
    out = clean(_html2text([*PARAGRAPHS[:3], PARAGRAPHS[0]])).text
    assert out.splitlines() == PARAGRAPHS[:3]


@pytest.mark.parametrize("width", [60, 72, 78, 100])
def test_the_width_is_found(width):
    text = _html2text(PARAGRAPHS * 2, width)
    doc = Doc.from_text(text)
    assert wrap_width(doc.lines, doc.linenos) is not None
    assert clean(text, Config(stages=("markdown",))).text.splitlines() == PARAGRAPHS * 2


def test_a_paragraph_html2text_leaves_unwrapped_does_not_hide_the_wrap():
    """html2text does not wrap a paragraph that opens like a list item, an emphasis too."""
    notice = (
        "*These statements have not been evaluated by the Food and Drug Administration. These "
        "products are not intended to diagnose, treat, cure, or prevent any disease.*"
    )
    text = _html2text(PARAGRAPHS) + "\n" + notice + "\n"
    assert clean(text, Config(stages=("markdown",))).text.splitlines()[:5] == PARAGRAPHS


def test_a_word_the_wrap_cut_at_its_hyphen_is_one_word_again():
    words = "the well-timed startup charges customers for fifteen minutes of pure air " * 12
    text = _html2text([words.strip() + ".", *PARAGRAPHS], 61)
    assert "well-\ntimed" in text  # the wrap cut the word
    out = clean(text).text
    assert "well- timed" not in out
    assert out.count("well-timed") == 12


def test_a_wrapped_heading_is_joined_too():
    heading = "## The brain behind this well-timed startup is said to be Aryavir Kumar and Margarita Kuritsyna."
    text = _html2text([heading, *PARAGRAPHS])
    assert "Kumar and\nMargarita" in text
    assert clean(text).text.splitlines()[0] == heading[3:]


def test_the_joins_are_explained():
    result = clean(_html2text(PARAGRAPHS), Config(stages=("markdown",)))
    joined = [c for c in result.changes if c.rule == "unwrapped"]
    assert joined and all("wrapped at" in c.detail for c in joined)


@pytest.mark.parametrize(
    "text",
    [
        # a poem, a list of short lines, a table: lines of their own
        "春眠不觉晓，\n处处闻啼鸟。\n夜来风雨声，\n花落知多少。\n" * 4,
        "\n".join(f"Item number {i} of the list of things to bring along" for i in range(30)),
        "\n".join(f"| row {i} | a cell with some words in it | another cell |" for i in range(30)),
        # one paragraph per line already (the output of a first run)
        "\n".join(PARAGRAPHS * 3),
        # Chinese paragraphs, which converters do not wrap
        "\n".join(["第一段的内容比较长，讲述了会议的召开时间和地点以及参会人员的情况"] * 30),
        # a hand-written markdown document: its fenced code is not a wrapped paragraph
        "\n\n".join(textwrap.fill(p, 78) for p in PARAGRAPHS)
        + "\n\n```\n"
        + "\n".join(
            f"result_{i} = compute_the_value(first_argument, second_argument, third)"
            for i in range(4)
        )
        + "\n```\n",
        # code, indented
        "\n".join(
            f"    result = compute(value_{i}, other_value, and_another_one)" for i in range(30)
        ),
    ],
)
def test_text_that_is_not_wrapped_is_left_as_it_is(text):
    doc = Doc.from_text(text)
    assert wrap_width(doc.lines, doc.linenos) is None
    assert markdown(doc, Config()).lines == doc.lines


def test_an_indented_listing_between_wrapped_paragraphs_keeps_its_lines():
    """The whitespace stage takes the listing's indentation away before the paragraphs are
    joined: its lines are told from prose by their marks."""
    code = [
        f"result_{i} = compute_the_value(first_argument, second_argument, third)" for i in range(4)
    ]
    text = _html2text(PARAGRAPHS[:3]) + "\n" + "\n".join("    " + c for c in code) + "\n\n"
    text += _html2text(PARAGRAPHS[3:])
    assert clean(text).text.splitlines() == [*PARAGRAPHS[:3], *code, *PARAGRAPHS[3:]]


def test_keep_markdown_keeps_the_wrapping():
    text = _html2text(PARAGRAPHS)
    config = Config(stages=tuple(s for s in Config().stages if s != "markdown"))
    assert clean(text, config).text.count("\n") > len(PARAGRAPHS)


@pytest.mark.parametrize(
    ("line", "below", "width", "expected"),
    [
        (
            "A video showing the dramatic moment a kidnapped eight-year-old girl was",
            "rescued",
            78,
            True,
        ),
        ("A video showing the moment.", "Police", 78, False),  # the next word fitted
        (
            "* A video showing the dramatic moment a kidnapped eight-year-old girl was",
            "x" * 9,
            78,
            False,
        ),
        (
            "A video showing the dramatic moment a kidnapped eight-year-old girl was",
            "* Next",
            78,
            False,
        ),
        (
            "一段中文的内容比较长，讲述了会议的召开时间和地点以及参会人员的情况以及参会人员的情况",
            "下一段",
            78,
            False,
        ),
    ],
)
def test_breaks_at(line, below, width, expected):
    assert breaks_at(line, below, width) is expected


_WORDS = st.sampled_from(
    [
        "the",
        "council",
        "met",
        "on",
        "Tuesday",
        "to",
        "discuss",
        "budget",
        "officials",
        "said",
        "plan",
        "would",
        "be",
        "reviewed",
        "again",
        "next",
        "year",
        "a",
        "panel",
        "of",
        "experts",
        "will",
        "report",
        "before",
        "residents",
        "packed",
        "hall",
        "and",
        "many",
        "had",
        "stand",
        "at",
        "back",
        "mayor",
        "promised",
        "fares",
        "not",
        "rise",
        "this",
        "critics",
        "numbers",
        "did",
        "add",
        "up",
        "well-known",
        "self-driving",
        "2019",
        "U.S.",
        "Calif.,",
        "(AP)",
        "“quoted”",
        "it's",
    ]
)
_PARAGRAPH = st.lists(_WORDS, min_size=3, max_size=60).map(lambda ws: " ".join(ws) + ".")
_PAGES = st.tuples(st.lists(_PARAGRAPH, min_size=1, max_size=12), st.integers(60, 100))


@_SETTINGS
@given(_PAGES)
def test_unwrapping_keeps_every_word_and_a_second_run_changes_nothing(page):
    paragraphs, width = page
    text = _html2text(paragraphs, width)
    config = Config(stages=("markdown",))
    once = clean(text, config).text
    assert (
        once.split() == text.split()
        or once.replace("-", "- ").split() == text.replace("-", "- ").split()
    )
    assert clean(once, config).text == once


@_SETTINGS
@given(_PAGES)
def test_the_whole_pipeline_is_idempotent_on_wrapped_pages(page):
    paragraphs, width = page
    once = clean(_html2text(paragraphs, width)).text
    assert clean(once).text == once


# The boilerplate rules judge lines: a wrapped paragraph goes whole or stays whole.


def test_a_phrase_on_one_line_of_a_long_wrapped_paragraph_drops_nothing():
    """``sign up for our newsletter`` is a widget's phrase; on the second line of an article's
    paragraph, wrapped, it dropped that line and cut the sentence in two."""
    quoted = (
        "The paper's editor said on Tuesday that readers who want to follow it can always sign "
        "up for our newsletter, which will carry the next three parts of the series starting "
        "this weekend, along with the documents the reporters obtained."
    )
    text = _html2text([*PARAGRAPHS[:2], quoted, PARAGRAPHS[2]])
    assert "\nalways sign up for our newsletter" in text  # the phrase is on a line of its own
    assert clean(text).text.splitlines() == [*PARAGRAPHS[:2], quoted, PARAGRAPHS[2]]


def _content(text: str) -> Verdict:
    return Verdict("content")


def _drops(lines, rule, *at):
    return {i: Change("boilerplate", rule, i + 1, "drop", detail="why") for i in at}


def _wrapped_page(*extra: str) -> list[str]:
    text = _html2text([*PARAGRAPHS, *extra])
    doc = Doc.from_text(text)
    return list(doc.lines), list(doc.linenos)


@pytest.mark.parametrize(
    ("paragraph", "rule"),
    [
        # a teaser the page model dropped the first line of (it spared the rest, a sentence)
        (
            "The Rothman Brecher agency is the fifth company to break ranks with the ATA, "
            "and more will.",
            "outside-article",
        ),
        # a short notice whose phrase stands on its first line
        (
            "The views expressed here are those of the author and are not necessarily the "
            "views of this site.",
            "disclaimer",
        ),
    ],
)
def test_a_paragraph_the_rules_cut_goes_whole(paragraph, rule):
    lines, linenos = _wrapped_page(paragraph)
    first = lines.index(textwrap.wrap(paragraph, 78)[0])
    out = whole_paragraphs(lines, linenos, _drops(lines, rule, first), True, _content)
    assert sorted(out) == [first, first + 1]
    assert out[first + 1].rule == rule and "with its paragraph" in out[first + 1].detail


def test_an_ellipsis_the_wrap_put_alone_keeps_its_paragraph():
    """The wrap put a paragraph's closing ``…`` on a line of its own: a line with no text,
    debris alone, which took the whole paragraph with it."""
    teaser = "So start small and try it out! There is more on the ways to try it in the step …"
    text = _html2text([*PARAGRAPHS[:2], teaser, *PARAGRAPHS[2:]])
    assert "\n…\n" in text  # the wrap left the ellipsis alone
    assert clean(text).text.splitlines() == [*PARAGRAPHS[:2], teaser, *PARAGRAPHS[2:]]


def test_without_blank_lines_nothing_is_taken_as_wrapped():
    lines, linenos = _wrapped_page()
    drops = _drops(lines, "outside-article", 0)
    assert whole_paragraphs(lines, linenos, drops, False, _content) == drops


@pytest.mark.parametrize(
    "header",
    [
        "**[Related: City council approves a new budget for public transport after a long "
        "debate over fares] **",
        "Read more: City council approves a new budget for public transport after a long "
        "debate over fares",
    ],
)
def test_a_header_the_wrap_cut_is_judged_as_the_second_cleaning_reads_it(header):
    """Wrapped, neither line of a related-stories link reads as one (the first is cut
    before its end): kept, joined by the markdown stage, and dropped by a second cleaning."""
    text = _html2text([*PARAGRAPHS[:2], header, *PARAGRAPHS[2:]])
    assert "\nlong debate over fares" in text  # cut before its end
    once = clean(text).text
    assert "City council" not in once
    assert once.splitlines() == PARAGRAPHS
    assert clean(once).text == once
