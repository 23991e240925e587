"""Western mojibake, HTML entities and the like: ftfy, with settings that keep CJK text intact.

ftfy is the reference for Western mojibake; it only runs on lines the stage's cheap check
flags, because it is slow on CJK text (a few MB/s).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..whitespace import normalize_spaces
from .plausibility import has_cjk

_FTFY_SETTINGS: dict[str, Any] = {
    "fix_character_width": False,  # would turn ，：？！ and U+3000 into ASCII
    "uncurl_quotes": False,  # would turn “ ” into "
    "fix_line_breaks": False,  # the pipeline owns line breaks
    "explain": True,
}


@lru_cache(maxsize=1)
def _ftfy() -> tuple[Any, Any]:
    import ftfy

    return ftfy.fix_and_explain, ftfy.TextFixerConfig(**_FTFY_SETTINGS)


@lru_cache(maxsize=1024)
def fix_line(line: str) -> tuple[str, tuple[str, ...]]:
    """Run ftfy (CJK-safe settings) on one line until it stops changing; say which steps fired.

    ftfy sees the line as it is first (a no-break space or a soft hyphen can be a byte of the
    mojibake: ``Ã\xa0`` is ``à``), then as the ``whitespace`` stage will leave it (a control
    character or a run of spaces can split a mojibake sequence), so that repairing twice never
    finds more. A line ftfy cannot improve is returned exactly as it was.

    >>> fix_line("CafÃ© crÃ¨me")
    ('Café crème', ('encode:latin-1', 'decode:utf-8'))
    """
    current, steps = _fix_whole(line)
    if "\u00a0" in current and looks_bad(current):
        current, steps = _fix_between_spaces(current, steps)
    return current, tuple(steps)


#: A no-break space after an ASCII character (or at the start): no byte of a UTF-8 sequence,
#: as a continuation byte follows a lead byte (0xC2-0xF4, never ASCII) or another continuation.
_WORD_NBSP = re.compile("(?:^|(?<=[\x00-\x7f]))\u00a0")


def _fix_between_spaces(line: str, steps: list[str]) -> tuple[str, list[str]]:
    """Repair the pieces between the no-break spaces that cannot be mojibake bytes, each alone.

    ftfy reads a no-break space before a mojibake sequence as one of its bytes and then leaves
    the sequence broken (``January 4\xa0â€” Although``: an ``&nbsp;`` of the page before an em
    dash); a no-break space after an ASCII character is a space of the text, so the pieces
    either side of it are repaired apart and joined by it again.

    >>> fix_line("January 4\u00a0â€” Although the cafÃ©")[0]
    'January 4\xa0— Although the café'
    """
    pieces = _WORD_NBSP.split(line)
    if len(pieces) < 2:
        return line, steps
    fixed = [_fix_whole(piece) for piece in pieces]
    text = "\u00a0".join(piece for piece, _ in fixed)
    if text == line:
        return line, steps
    return text, steps + [step for _, more in fixed for step in more]


def _fix_whole(line: str) -> tuple[str, list[str]]:
    """ftfy over the whole of ``line`` until it stops changing (see :func:`fix_line`)."""
    fix, config = _ftfy()
    steps: list[str] = []
    current = line
    for _ in range(4):
        fixed, explanation = fix(current, config)
        if fixed == current:
            probe = normalize_spaces(current)
            fixed, explanation = fix(probe, config)
            if fixed == probe:
                break
        steps.extend(f"{action}:{step}" for action, step in explanation or ())
        current = fixed
    return current, steps


def western_reading(line: str) -> str | None:
    """What ftfy makes of ``line`` where that holds no CJK: the reading a CJK one must beat
    with CJK evidence (Greek UTF-8 read as cp1252 also reads as GBK, into nonsense hanzi).

    >>> western_reading("Î•Î»Î»Î·Î½Î¹ÎºÎ¬"), western_reading("ÖÐÎÄ")
    ('Ελληνικά', None)
    """
    fixed, _ = fix_line(line)
    if fixed == line or has_cjk(fixed) or looks_bad(fixed):
        return None  # not a reading ftfy itself finds whole (a GBK line with "Â±" in it)
    return fixed


#: What cp1252 reads a UTF-8 continuation byte (0x80-0xBF) as, but spaces (a no-break space
#: or a soft hyphen beside a capital is ftfy's to judge: ``SELKÄ\xa0EDELLÄ`` is Finnish).
_CONTINUATION = bytes(
    b for b in range(0x80, 0xC0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D, 0xA0, 0xAD)
).decode("cp1252")
#: A two-byte UTF-8 letter of Latin Extended-A (lead byte 0xC4 or 0xC5) read as cp1252, after
#: or before a small ASCII letter: ``dotyczÄ…cy``, ``siÄ™``, ``ÅŸu`` (ą, ę, ş). (Latin-1's own
#: letters, lead byte 0xC3, are ftfy's to judge: it leaves ``DrÃ¥ber`` beside a correct dash
#: on purpose, as a case it cannot tell from Mac OS Roman.)
_LONE_PAIR = re.compile(
    f"(?<=[a-z])[\u00c4\u00c5][{re.escape(_CONTINUATION)}]"
    f"|[\u00c4\u00c5][{re.escape(_CONTINUATION)}](?=[a-z])"
)


def letters_in_words(line: str) -> str:
    """``line`` with each small letter that UTF-8 read as cp1252 made two characters of, in a
    word of small letters, made one again, where ftfy leaves it (``Ä…`` alone is no mojibake
    to ftfy's measure: capital A-umlaut and an ellipsis). A capital beside it, but the first
    letter of a word, keeps it as it is: ``AHÅ™`` may be a product's name, ``MÄ£ÄM`` a
    word in capitals.

    >>> letters_in_words("wpis dotyczÄ…cy pliku, zmienia siÄ™ z, ÅŸu an. EÄŸer")
    'wpis dotyczący pliku, zmienia się z, şu an. Eğer'
    >>> letters_in_words("the new AHÅ™ sofa, DrÃ¥ber")
    'the new AHÅ™ sofa, DrÃ¥ber'
    """
    if not _LONE_PAIR.search(line):
        return line

    def undo(match: re.Match[str]) -> str:
        pair = match.group()
        letter = pair.encode("cp1252").decode("utf-8", errors="replace")
        start, end = match.span()
        before, after = line[start - 1 : start], line[end : end + 1]
        # a capital before it only as its word's first letter (``EÄŸer`` is Eğer)
        initial = start < 2 or not line[start - 2].isalpha()
        if before.isupper() and not (initial and after.islower()):
            return pair
        if len(letter) != 1 or not letter.islower() or after.isupper():
            return pair
        return letter

    return _LONE_PAIR.sub(undo, line)


def looks_bad(text: str) -> bool:
    """Does ftfy's own measure find mojibake in ``text``?"""
    return bool(_ftfy_bad()(text))


@lru_cache(maxsize=1)
def _ftfy_bad() -> Any:
    from ftfy.badness import is_bad

    return is_bad
