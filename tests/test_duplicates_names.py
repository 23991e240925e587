"""Names are facts: paragraphs of one template that name different things are not copies."""

from __future__ import annotations

import pytest

from newsclean import Config, Doc
from newsclean.stages.duplicates import duplicates


def _kept(*lines: str) -> tuple[str, ...]:
    return duplicates(Doc.from_text("\n".join(lines)), Config()).lines


TEMPLATE = [
    (
        "Faces Places is currently streaming on Netflix and available to rent on Google Play and YouTube.",
        "Princess Cyd is currently streaming on Netflix and available to rent on Google Play and YouTube.",
    ),
    (
        "A successful PUT request to a document MUST result in a response with the new version.",
        "A successful DELETE request to a document MUST result in a response with the new version.",
    ),
    (
        "Rat Film is available to digitally rent on YouTube and Google Play.",
        "Ingrid Goes West is currently streaming on Hulu and available to digitally rent on YouTube and Google Play.",
    ),
]


@pytest.mark.parametrize(("first", "second"), TEMPLATE)
def test_sentences_naming_different_things_both_stay(first: str, second: str) -> None:
    assert _kept(first, "Some other paragraph between them.", second) == (
        first,
        "Some other paragraph between them.",
        second,
    )


@pytest.mark.parametrize(
    ("first", "copy"),
    [
        (  # a misspelt name in the copy
            "John Smith, the mayor of Springfield, said on Monday that the bridge would reopen soon.",
            "Jon Smith, the mayor of Springfield, said on Monday that the bridge would reopen soon.",
        ),
        (  # a name abbreviated in the copy
            "Photo by Khin Maung Win shows the reporters outside the court in Yangon on Tuesday.",
            "Photo by Khin Mg Win shows the reporters outside the court in Yangon on Tuesday.",
        ),
        (  # a word more, not another name
            "The mayor of Springfield said on Monday that the old bridge would reopen next week.",
            "Mayor of Springfield said on Monday that the old bridge would reopen next week.",
        ),
    ],
)
def test_copies_with_a_name_spelt_another_way_still_collapse(first: str, copy: str) -> None:
    assert _kept(first, "Some other paragraph between them.", copy) == (
        first,
        "Some other paragraph between them.",
    )


def test_names_in_link_targets_do_not_count() -> None:
    first = "Faces Places is streaming on [Netflix](https://www.netflix.com/watch/80194288?Src=AbC) now, they said."
    copy = "Faces Places is streaming on [Netflix](https://www.netflix.com/watch/80194288?Src=XyZ) now, they said."
    assert _kept(first, copy) == (first,)


# Words are facts too: a shorter line that nearly repeats a longer one but says a word of its
# own (another ending, a verb the longer one lacks) loses that word if it goes as a copy.
SAYS_MORE = [
    (  # the same opening, another ending: "such that" is not in the longer sentence
        "A bounded linear operator is compact if and only if it is equal to the limit of finite rank operators in norm, that is, it satisfies",
        "A bounded linear operator is compact if and only if it is such that",
    ),
    (  # a verb phrase the longer line lacks
        "Drug X (examplinib) for patients whose tumour carries the mutation (note: there are several kinds of mutation and not all of them respond equally to Drug X) Drug Y was approved by the agency in 2011 for patients with another change",
        "Drug X (examplinib) has been approved for patients whose tumour carries the mutation (note: there are several kinds of mutation and not all of them respond equally to Drug X)",
    ),
    (  # two Han characters of its own
        "市政府今天召开新闻发布会，介绍了今年城市道路改造工程的进展情况和下一步安排，并回答了记者提问。",
        "市政府今天召开新闻发布会，介绍了今年城市地铁改造工程的进展情况和下一步安排",
    ),
]


SAYS_NOTHING_MORE = [
    (  # a caption that leaves words out
        "The rescue was filmed on Monday by a police officer's body camera, the department said.",
        "The rescue was filmed Monday by a police officer's body camera.",
    ),
    (  # a typo: letters swapped, a letter dropped
        "The committee recommended that the council receive the report and approve the budget for next year.",
        "The committee recommended that the council recieve the report and aprove the budget",
    ),
    (  # Traditional script and another punctuation width
        "市政府今天召开新闻发布会，介绍了今年城市道路改造工程的进展情况和下一步安排，并回答了记者提问。",
        "市政府今天召開新聞發佈會,介紹了今年城市道路改造工程的進展情況和下一步安排",
    ),
]


@pytest.mark.parametrize(
    ("longer", "shorter", "stays"),
    [(*pair, True) for pair in SAYS_MORE] + [(*pair, False) for pair in SAYS_NOTHING_MORE],
)
def test_a_near_copy_stays_only_if_it_says_more(longer: str, shorter: str, stays: bool) -> None:
    between = "Some other paragraph between them."
    assert _kept(longer, between, shorter) == (longer, between, *([shorter] if stays else []))
