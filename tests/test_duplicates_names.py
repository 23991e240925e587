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
