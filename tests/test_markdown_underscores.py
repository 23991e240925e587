"""Double underscores and escaped marks that are the text's own, not markup.

Seen on real pages: a fill-in-the-blank exercise (``要______主的______如何``) came out as
``要主的如何``, PHP's ``__DIR__`` as ``DIR``. html2text and its kin write strong text as
``**``; a ``__`` inside a word (CommonMark does not read it as emphasis either), around a code
name, or in a run of underscores is kept, in the flattened text and in what the boilerplate
stage judges. So is an escaped ``_``, ``*`` or ``#`` (a plain dump's ``¯\\_(ツ)_/¯`` lost its
underscores: the escape was taken, then ``_(ツ)_`` read as emphasis): it keeps its backslash
where the line would otherwise read as markup on the next cleaning.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsclean import clean
from newsclean.stages.boilerplate.markdown import link_text
from newsclean.stages.markdown import flatten_line


@pytest.mark.parametrize(
    "line",
    [
        "在 Python 里，__init__ 在创建对象时调用，__main__ 是入口模块的名字。",
        "require_once __DIR__.'/../vendor/autoload.php';",
        "The variable snake__case__name keeps both of its double underscores.",
        "“不要作糊涂人，要______主的______如何。”（弗5:17）",
        "他叫 _____?",
        "这是__重点__内容，在汉字之间不是强调。",
    ],
)
def test_the_texts_own_double_underscores_stay(line):
    assert flatten_line(line) == line
    assert link_text(line) == line
    assert clean(line + "\n").text == line + "\n"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Follow us on __Facebook__ .", "Follow us on Facebook ."),
        ("__Strong words here__ and more", "Strong words here and more"),
        ("**bold** and __Bold__ text", "bold and Bold text"),
        ("第**1** 页", "第1 页"),
    ],
)
def test_strong_emphasis_still_goes(line, expected):
    assert flatten_line(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "She shrugged ¯\\_(ツ)_/¯ and left the room.",
            "She shrugged ¯\\_(ツ)_/¯ and left the room.",
        ),
        ("5 \\* 3 is 15, and my\\_var is \\#1.", "5 * 3 is 15, and my_var is #1."),
        ("\\_not emphasis_ here", "\\_not emphasis_ here"),
        ("2014\\. The year began", "2014. The year began"),
    ],
)
def test_escaped_marks_are_the_characters(line, expected):
    assert flatten_line(line) == expected
    assert clean(line + "\n").text == expected + "\n"


@settings(max_examples=int(os.environ.get("NEWSCLEAN_FUZZ_EXAMPLES", "300")), deadline=None)
@example("*[\\*\\_")  # a mark tried before the one after it went bare
@given(st.text(alphabet="\\_*# a()/[]¯.", max_size=48))
def test_flattening_a_flattened_line_changes_nothing(line):
    once = flatten_line(line)
    assert flatten_line(once) == once


def test_a_line_of_many_escaped_marks_is_decided_whole():
    """Past 16 escaped marks a line is decided at once (one by one, each try reads the whole
    line again): bare where that reads the same, and flattening again changes nothing."""
    line = " ".join(["my\\_var\\_name"] * 20)
    assert flatten_line(line) == " ".join(["my_var_name"] * 20)
    kept = " ".join(["\\_a_"] * 20)
    assert flatten_line(kept) == kept
