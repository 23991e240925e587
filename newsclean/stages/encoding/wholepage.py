"""A legacy CJK page that was read whole in a single-byte Cyrillic code page.

A detector that gives up on a GBK page (one character cut in two is enough to make it
undecodable strictly) may settle on a Cyrillic code page, which decodes anything: the page
arrives as Cyrillic gibberish (``ХвІҝҙуЦЖЧчЧоН»іцЦ®``, GBK read as PT154) with no CJK
character left for the line-by-line readings to start from. Written back in that code page,
the text is the page's bytes again; where they read in a CJK encoding as CJK text that costs
far less than the gibberish (:func:`newsclean.codepages.reading_cost`), losing a few bytes at
most, that reading is the page. Russian, Bulgarian or Kazakh read so are CJK gibberish
that costs more than the words they were: they stay.

>>> page = "這部大製作最突出之處是首次在戰爭片中起用了大量群眾演員。" * 3
>>> reread([page.encode("cp950").decode("ptcp154")]) == ([page], "Big5 read as PT154")
True
>>> reread(["Правительство сегодня утвердило новый бюджет на следующий год."]) is None
True
"""

from __future__ import annotations

from collections.abc import Sequence

from ...codepages import cjk_count, few_lost, reading_cost, reads_as_cjk
from .charclasses import Lazy
from .roundtrip import LABELS

#: The code pages a CJK page is misread in here, and the CJK encodings it may have been.
PAGES = ("cp1251", "ptcp154", "kz1048", "koi8_r", "cp866", "mac_cyrillic")
CJK = ("gb18030", "cp950", "cp932", "euc_jp", "cp949")
#: The misreadings' names (:data:`.roundtrip.LABELS`, and the code pages only this reads).
_NAMES = {
    **LABELS,
    "ptcp154": "PT154",
    "kz1048": "KZ-1048",
    "koi8_r": "KOI8-R",
    "cp866": "cp866",
    "mac_cyrillic": "MacCyrillic",
}
#: How much of the page is read to judge (characters): a quick look first, then this much.
GLANCE = 2000
SAMPLE = 65536
#: A reading is the page when it costs at most one for every ``PER`` CJK characters it holds,
#: and at most ``1 / GAIN`` of what the page costs as it is.
PER = 4
GAIN = 4
#: Pages with fewer Cyrillic letters than this (in ``SAMPLE``) are not looked at.
MIN_CYRILLIC = 20
_CYRILLIC = Lazy("[\u0400-\u04ff]")
_LOST = "\ufffd"


def reread(lines: Sequence[str]) -> tuple[list[str], str] | None:
    """The page's lines as its CJK encoding reads them, and which misreading that undid
    (``"GBK read as PT154"``); ``None`` if it is no such page."""
    text = "\n".join(lines)
    cyrillic = _CYRILLIC()
    first = cyrillic.search(text, 0, SAMPLE)
    if first is None:  # most pages: one scan, nothing found
        return None
    if len(cyrillic.findall(text, 0, SAMPLE)) < MIN_CYRILLIC or cjk_count(text):
        return None
    start = first.start()  # (a feed's or a page's markup can come first)
    glance = text[start : start + GLANCE]
    glance_worth = reading_cost(glance)
    worth: int | None = None
    best: tuple[int, str, str, str] | None = None
    for page in PAGES:
        try:
            data = text.encode(page)
        except UnicodeEncodeError:
            continue
        for cjk in CJK:  # a glance at the start rules most out
            look = data[max(0, start - 1) : start + len(glance)].decode(cjk, errors="replace")
            if not _better(look, glance_worth):
                continue
            new = data.decode(cjk, errors="replace")
            if not few_lost(new.count(_LOST) - text.count(_LOST), len(data)):
                continue
            worth = reading_cost(text[:SAMPLE]) if worth is None else worth
            if _better(new[:SAMPLE], worth):
                cost = reading_cost(new[:SAMPLE])
                if best is None or cost < best[0]:
                    best = (cost, page, cjk, new)
    if best is None:
        return None
    _, page, cjk, new = best
    out = new.split("\n")
    if len(out) != len(lines):
        return None  # (a line break lost or made: not read so)
    return out, f"{_NAMES[cjk]} read as {_NAMES[page]}"


def _better(reading: str, worth: int) -> bool:
    """Is ``reading`` CJK text that costs far less than the page as it is (``worth``)?"""
    return reads_as_cjk(reading, PER) and GAIN * reading_cost(reading) <= worth
