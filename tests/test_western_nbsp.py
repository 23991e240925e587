"""Western mojibake beside a no-break space: an ``&nbsp;`` of the page before an em dash or an
accented word must not leave the mojibake after it broken (ftfy alone reads the space as a byte
of the sequence and gives up on it)."""

from __future__ import annotations

import pytest

from newsclean import Config, Doc
from newsclean.stages import encoding

NBSP = "\u00a0"


def _run(line: str) -> str:
    (out,) = encoding(Doc.from_text(line), Config()).lines
    return out


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        (
            f"QUÃ‰BEC CITY, January 4{NBSP}â€” Although GUI",
            f"QUÉBEC CITY, January 4{NBSP}— Although GUI",
        ),
        (
            f"Prices rose{NBSP}â€“ again{NBSP}â€“ in May.",
            f"Prices rose{NBSP}– again{NBSP}– in May.",
        ),
        (f"He said:{NBSP}â€œItâ€™s over.â€\x9d", f"He said:{NBSP}“It’s over.”"),
        (f"Le mot{NBSP}Ã©tÃ© revient.", f"Le mot{NBSP}été revient."),
    ],
)
def test_mojibake_after_a_no_break_space_is_repaired(broken: str, fixed: str) -> None:
    assert _run(broken) == fixed


@pytest.mark.parametrize(
    "line",
    [
        f"Il a dit{NBSP}: «{NBSP}oui{NBSP}».",
        f"10{NBSP}000 people — and more.",
        f"Café{NBSP}crème, naïve façade.",
        f"Ελληνικά{NBSP}και English{NBSP}— both.",
    ],
)
def test_correct_text_with_no_break_spaces_is_left(line: str) -> None:
    assert _run(line) == line


def test_a_no_break_space_that_is_a_byte_of_the_mojibake_still_reads_whole() -> None:
    # "à" is C3 A0 in UTF-8: read as cp1252 it is "Ã" and a no-break space.
    assert _run(f"Voil\u00c3{NBSP} tout, cafÃ©") == "Voilà tout, café"
