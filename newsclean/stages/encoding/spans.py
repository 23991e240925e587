"""Mojibake inside a line: find the runs of it among correct text and undo each one alone.

A line can be right but for a phrase pasted from a page read with the wrong codec:
``通过 insserv浣跨敤锘轰簬渚濊禆鍏崇郴…，也可以通过``, ``label: "鏂伴椈"``. No reading of the
whole line undoes that (its correct characters have no misreading to undo), so each run of
characters a CJK codec can have misread is searched for spans whose bytes, in the codec the
text really was in, decode strictly and read far better than the span does; a dynamic
programme picks the spans that gain most together, and the rest of the line stays as it is.

Only misreadings in a double-byte codec are searched this way (the characters of a
single-byte one stand apart from correct CJK text already, and are read whole by
:mod:`newsclean.stages.encoding.mojibake`; ftfy reads Western runs inside a line by itself).

>>> fix_spans("通过 insserv浣跨敤鍩轰簬渚濊禆鍏崇郴鐨勫惎鍔ㄩ『搴忥紝也可以").text
'通过 insserv使用基于依赖关系的启动顺序，也可以'
>>> fix_spans('label: "鏂伴椈"').text, fix_spans("今天天气很好") is None
('label: "新闻"', True)
"""

from __future__ import annotations

import codecs
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress, filterfalse, repeat
from operator import and_, ge, gt, le, mul, sub
from typing import Generic, TypeVar, cast

from ...codepages import cjk_words_only
from . import frequency, pairs
from .charclasses import HAN, HANGUL, KANA, Lazy, spans_of, tables
from .flags import anchors
from .plausibility import cost, has_cjk, is_cjk_dominant, own_cost, stray_cost
from .readings import CHAINS
from .roundtrip import SINGLE, WEB_GBK, Chain, twins

#: What a span must gain the line to be undone (a span of two characters misread reads as
#: three rare or Traditional ones among Simplified text: cost 2 at least), and the share of
#: its own cost its reading may keep.
MIN_GAIN = 2
MAX_RATIO = 0.5
#: The longest span tried, in misread characters (30 characters of UTF-8 CJK read as GBK
#: are 45; a little more for what a short line loses to a span's two ends).
LONGEST = 64
#: The shortest span of one CJK codec read as another worth undoing.
DENSE_SPAN = 4
#: UTF-8 read as cp1252 inside CJK text: ftfy reads such runs itself, but not across the
#: C1 controls a browser keeps for cp1252's five undefined bytes (the outer layer of UTF-8
#: read as GBK, saved as UTF-8 and read as cp1252: ``å¨´å³°å\x8f§``).
_UTF8_1252 = CHAINS[0]
#: A UTF-8 lead byte (C2-F4) read as cp1252, then a continuation byte (80-BF, C1 controls
#: and cp1252's extras among them).
_UTF8_IN_1252 = re.compile(
    "[\xc2-\xf4][\x80-\xbf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030"
    "\u2039\u203a\u20ac\u2122]"
)
_WIDE_CHAINS = (*(c for c in CHAINS if c.misread != SINGLE), _UTF8_1252)
_UTF8_WIDE_CHAINS = tuple(
    c for c in _WIDE_CHAINS if c.actual not in ("cp950", "gb18030", "cp932", "euc_jp", "cp949")
)
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]{2,}")
#: One CJK codec read as another keeps ASCII as it was: a run of such mojibake goes on across
#: the spaces and the punctuation between words (Korean is spaced: ``绊 轿况 快铰阑``).
_SPACED_RUN = re.compile(r"[^\x00-\x7f]+(?:[ ,.;:!?]{1,2}[^\x00-\x7f]+)*")
_CJK = Lazy(f"[{HAN}{KANA}{HANGUL}]")
_CJK_TEXT = Lazy(f"[{HAN}{KANA}{HANGUL}\u3000-\u303f\uff01-\uff5e ,.;:!?]+")
#: UTF-8 read in the single-byte code pages ftfy reads only whole lines in (a line of French
#: with one phrase of ``Ă©`` in it keeps its correct ``é`` elsewhere, which no code page
#: round-trips with the rest). cp1252 and Latin-1 runs ftfy finds inside a line itself.
WESTERN_CHAINS = tuple(
    Chain("utf-8", c) for c in ("cp1250", "iso8859_2", "cp1251", "mac_roman", "cp437")
)
_IN_WORDS = tuple(Chain("utf-8", c.misread) for c in WESTERN_CHAINS)
_ORDER = {chain: n for n, chain in enumerate(_WIDE_CHAINS + WESTERN_CHAINS + _IN_WORDS)}
_LETTERS_IN_WORDS = re.compile("[\xc0-\xd6\xd8-\xf6\xf8-\u017e]")
#: Where the bytes themselves are evidence enough for a span that gains the line a little.
_BYTES_SAY = frozenset(c for c in _WIDE_CHAINS if c.actual == "utf-8")


@dataclass(frozen=True, slots=True)
class SpanRepair:
    """A line with runs of mojibake undone: the text, the misreading, the spans (start, end)."""

    text: str
    chain: Chain
    spans: tuple[tuple[int, int], ...]

    @property
    def detail(self) -> str:
        return f"{self.chain.name}, {len(self.spans)} run{'s' * (len(self.spans) > 1)}"


def fix_spans(line: str) -> SpanRepair | None:
    """Undo the runs of mojibake inside ``line`` that one misreading explains; ``None`` if
    none gains enough. (Undone, a long run can leave a short one that is now clearly the
    odd one out: the line is searched again, for the same misreading.)

    A line whose only oddity is a few rare or Traditional forms among many common
    characters (machine conversion writes 爲 and 羣) is searched too: a run of GBK read as
    Big5 in Simplified text looks like that (``已经湛善坋二万亩``), and a span is taken only
    where the language writes its reading far more often than what stands there.

    Spaces at a line's ends are in no run (a run starts and ends beyond ASCII), cost
    nothing and pair with no character, so a line finds nothing where it finds nothing
    without them: that is asked first, and remembered for the line as the whitespace stage
    leaves it (the stage asks about both; a page dump indents most of its lines).

    >>> fix_spans("  今天天气很好  ") is None, fix_spans('  label: "鏂伴椈" ').text
    (True, '  label: "新闻" ')
    """
    core = line.strip(" ")
    if core != line and _fix_spans(core) is None:
        return None
    return _fix_spans(line)


@lru_cache(maxsize=1024)
def _fix_spans(line: str) -> SpanRepair | None:
    return _fix(line, _WIDE_CHAINS)


@lru_cache(maxsize=1024)
def fix_western_spans(line: str, in_words: bool = False) -> SpanRepair | None:
    """:func:`fix_spans` for UTF-8 read in a single-byte code page ftfy reads only whole
    lines in (run after ftfy, which knows Western text best). With ``in_words``, only runs
    inside a Latin word that come back as one letter (``GenĂ¨ve``; not ``√π``, not the line
    art ``├┤a┼┐a``): for a line ftfy's own measure does not find bad.

    >>> fix_western_spans("Les élèves de GenĂ¨ve aprĂ¨s").text
    'Les élèves de Genève après'
    """
    return _fix(line, _IN_WORDS if in_words else WESTERN_CHAINS)


def _forget_runs() -> None:
    """Empty the memos of a line's runs. They serve the chains and rounds of one line (the
    same run read for every misreading); what they hold grows with a run's length (sums from
    its start, per language), and kept from line to line they held tens of megabytes a page's
    long lines had left (a table layout, a whole article on one line) that no later line
    asked for: each line searched leaves them empty."""
    for memo in (
        _context,
        _cjk_count,
        _leads,
        _rivals,
        _hopeless,
        _dense_spans,
        _untwinned,
        _dense_units,
        _units,
        _utf8_reach,
        _beyond_ascii,
        _utf8_marks,
        _prefix_costs,
        _whole_units,
        _runs,
    ):
        memo.cache_clear()


def _fix(line: str, chains: tuple[Chain, ...]) -> SpanRepair | None:
    try:
        return _search(line, chains)
    finally:
        _forget_runs()


def _search(line: str, chains: tuple[Chain, ...]) -> SpanRepair | None:
    first = _round(line, chains)
    if first is None or not where_flagged(line, first.spans):
        return None
    repair = first
    for _ in range(3):
        more = _round(repair.text, (first.chain,), confirmed=True)
        if more is None:
            break
        repair = SpanRepair(more.text, first.chain, repair.spans + more.spans)
    if first.chain.actual in _LANGUAGE:
        grown = _grown(line, repair.text, first.chain)
        if grown != repair.text:
            repair = SpanRepair(grown, first.chain, repair.spans)
        kept = trimmed(line, repair.text, first.chain)
        if kept != repair.text:
            spans = tuple(changed_runs(line, kept))
            if not spans:
                return None  # every run put back: the line was right
            repair = SpanRepair(kept, first.chain, spans)
    if first.chain.actual in _JAPANESE and converted_japanese(line, repair.text):
        return None
    return repair


_JAPANESE = frozenset({"euc_jp", "cp932"})
_KANA_RE = Lazy(f"[{KANA}]")


def converted_japanese(line: str, repair: str) -> bool:
    """Is ``line`` Japanese that a converter wrote in Simplified Chinese characters (a Chinese
    site's ``t2s`` over a Japanese quotation: ``调べた结果`` for 調べた結果), which reads at
    least as well as the ``repair`` a misreading makes of it once its kanji are Japanese again
    (as plausible, and its kanji as common in Japanese: :func:`.frequency.points`)?
    Such a line looks like EUC-JP read as GBK (kana kept, kanji Japanese does not write), but
    a misreading garbles kanji into characters that no conversion makes Japanese words of
    (``約话它客`` is 約三万人, not 約話它客).

    >>> converted_japanese("色々调べた结果", "色々距べた潤果")
    True
    >>> converted_japanese("約话它客が訪れた", "約三万人が訪れた")
    False
    """
    if not _KANA_RE().search(line):
        return False
    japanese = line.translate(_japanese_forms())
    if japanese == line or cost(japanese) > cost(repair):
        return False
    return frequency.points("ja", japanese) >= frequency.points("ja", repair)


@lru_cache(maxsize=1)
def _japanese_forms() -> dict[int, str]:
    """A translation of Simplified characters into the form Japanese writes them in: of the
    characters OpenCC's ``t2s`` makes each one of (话 of 話, 发 of 發 and 髮) and itself, the
    one Japanese writes most often (:mod:`.frequency`; 会 and 家 stay). Character by character: its phrase tables
    (``s2t``, ``t2jp``) would cost a process 26 MB for a line now and then."""
    from ..script import simplified_pairs  # (OpenCC, loaded only for a line that needs it)

    sources: dict[str, list[str]] = {}
    for traditional, simplified in simplified_pairs():
        if len(simplified) == 1:  # the character itself first: 会 and 家 stay (not 會, 傢)
            sources.setdefault(simplified, [simplified]).append(traditional)
    forms = {s: max(found, key=lambda ch: frequency.band("ja", ch)) for s, found in sources.items()}
    return {ord(s): form for s, form in forms.items() if form != s}


def where_flagged(line: str, spans: Sequence[tuple[int, int]]) -> bool:
    """Does a run found in ``line`` stand where the stage's checks flag it
    (:func:`.flags.anchors`)? A line is searched or read for a flag, but a flag does not
    stand for the whole line: an emoji or a no-break space beside correct Korean in Chinese
    text (노래 음악, which GBK read as EUC-KR makes 畴贰 澜厩) must not let a misreading
    rewrite the words, when the same words without the emoji are left alone. Nor does a
    pair of rare characters stand for all the text between them: a name written with one
    (金锺国) twice in a paragraph flags its two 锺, not the Korean title between them.

    >>> where_flagged("今天天气很好 ★", [(1, 3)]), where_flagged('"鏂伴椈"', [(1, 4)])
    (False, True)
    >>> where_flagged("金锺国主持《기쁜 우리토요일》，金锺国说", [(6, 14)])
    False
    """
    flagged = anchors(line)
    # (a flag's lookahead stops on the character before a run: touching counts)
    return any(i <= b and a <= j for a, b in flagged for i, j in spans)


def changed_runs(line: str, text: str) -> list[tuple[int, int]]:
    """The runs where ``text`` (of the same length) differs from ``line``."""
    return [m.span() for m in _DIFFERENT.finditer(_marks(line, text))]


_DIFFERENT = re.compile("x+")


def _marks(line: str, text: str) -> str:
    """``x`` where ``text`` differs from ``line`` (of the same length), ``.`` elsewhere."""
    return "".join("x" if a != b else "." for a, b in zip(line, text, strict=True))


def _round(line: str, chains: tuple[Chain, ...], confirmed: bool = False) -> SpanRepair | None:
    best: tuple[tuple[bool, int, int], SpanRepair] | None = None
    for chain in chains:
        pieces, gain = _pieces(chain, line, confirmed)
        if not pieces or (best is not None and (_bytes_first(chain, pieces), gain) <= best[0][:2]):
            continue
        text = _splice(line, pieces)
        price = _worded_cost if chain in _BYTES_SAY else cost
        whole = price(line) - price(text)
        if whole < (1 if chain in _BYTES_SAY else 0 if chain.actual in _LANGUAGE else MIN_GAIN):
            continue
        repair = SpanRepair(text, chain, tuple((i, j) for i, j, _ in pieces))
        rank = (_bytes_first(chain, pieces), gain, -_ORDER[chain])
        if best is None or rank > best[0]:
            best = (rank, repair)
    return best[1] if best is not None else None


def _worded_cost(text: str) -> int:
    """:func:`cost`, but for CJK that stands as words of its own in a Western line (``accessdb
    [<索引文件>]``): that is no CJK strayed into it (see :func:`.codepages.cjk_words_only`).
    For UTF-8 read in a CJK codec, whose bytes are the evidence."""
    price = cost(text)
    if price and cjk_words_only(text):
        price -= stray_cost(text)
    return price


def _grown(line: str, text: str, chain: Chain) -> str:
    """``text`` (``line`` with runs of one CJK codec read as another undone) with each run
    grown by the characters beside it that the language rarely writes (band 0 or 1) and that
    read alone as ones it writes (band 2 and up): an end of a run can gain too little on its
    own to start or end a span, but beside a run undone it is the run's. So is one the
    language writes often itself, where its reading makes more of a word with the
    characters on either side than it does (:mod:`.pairs`: ``畅种书`` is 畅销书); and,
    anywhere in the line, a character between katakana that reads as the long vowel mark."""
    if len(text) != len(line):
        return text
    lang = _LANGUAGE[chain.actual]
    known = pairs.table(lang)
    out = list(text)
    done = [a != b for a, b in zip(line, text, strict=True)]
    grew = True
    while grew:
        grew = False
        for k, ch in enumerate(out):
            beside = (k > 0 and done[k - 1]) or (k + 1 < len(out) and done[k + 1])
            if done[k] or not (beside or _in_katakana(out, k)):
                continue
            new = _alone(chain.actual, _encoded(chain.misread, ch))
            if not beside or new == "\u30fc":  # the long vowel mark: ロ〖ン is ローン
                if new == "\u30fc" and _in_katakana(out, k):
                    out[k], done[k], grew = new, True, True
                continue
            if new is None or not _CJK().match(new):
                continue
            bands = frequency.bands(lang, ch + new)
            old_band, new_band = bands[0], bands[1]
            if new_band >= "2" and (
                old_band <= "1" or (known and _pairs_beside(known, out, k, new))
            ):
                out[k], done[k], grew = new, True, True
    return "".join(out)


def trimmed(line: str, text: str, chain: Chain) -> str:
    """``text`` (all of ``line`` read back through one CJK codec read as another, character
    for character) with each stretch the reading changed put back as it was where the line
    had it far likelier: characters the language writes more often, in pairs it knows
    (:mod:`.pairs`), than what the reading makes of them. A line of Japanese with a few
    phrases of EUC-JP read as GBK in it is read whole (no span of it gains alone), and its
    correct kanji read on into others (``川の水位`` is not ``寒の邦了``)."""
    lang = _LANGUAGE.get(chain.actual)
    if lang is None or len(text) != len(line) or lang not in pairs.LANGS:
        return text
    known = pairs.table(lang)
    out = list(text)
    changed = [a != b for a, b in zip(line, text, strict=True)]
    k = 0
    while k < len(line):
        if not changed[k]:
            k += 1
            continue
        end = k
        while end < len(line) and changed[end]:
            end += 1
        _trim(chain.actual, lang, known, line, out, k, end)
        k = end
    return "".join(out)


def _trim(
    actual: str, lang: str, known: pairs.Pairs, line: str, out: list[str], k: int, end: int
) -> None:
    """Put ``line[k:end]`` back into ``out`` where :func:`trimmed` says so: the stretch
    whole, or else its characters one by one from either end (a run of mojibake can begin
    inside a word: ``が欠挂と`` is が欠航と, not が之航と)."""

    def back(i: int, j: int) -> bool:
        before = out[i - 1] if i > 0 else ""
        after = out[j] if j < len(out) else ""
        old, new = line[i:j], "".join(out[i:j])
        if _fits(actual, old) and _likelier(
            lang, known, before + old + after, before + new + after
        ):
            out[i:j] = old
            return True
        return False

    if back(k, end):
        return
    while k < end and back(k, k + 1):
        k += 1
    while end > k and back(end - 1, end):
        end -= 1


_TWO_HAN = Lazy(f"[{HAN}]{{2}}")
#: Two Han characters, or a Han character and hiragana other than a particle's.
_IN_WORD = Lazy(f"[{HAN}](?:[{HAN}]|[\u3041-\u3096](?<![のはをにでともへや]))")
#: How much likelier a stretch of a line must be as it was than as read, to stay (with a
#: pair of its characters a word the reading breaks).
_TRIM_MARGIN = 1


def _fits(codec: str, text: str) -> bool:
    """Can ``codec`` write ``text``? (A stretch it cannot write is no text of it: 辉 in
    Japanese is a misread 市.)"""
    try:
        text.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


def _likelier(lang: str, known: pairs.Pairs, old: str, new: str) -> bool:
    """Is ``old`` likelier text of ``lang`` than ``new`` (the same stretch, with the
    characters on either side): more pairs the language knows in it, and by frequency
    (:func:`frequency.points`) with those pairs?"""

    def known_in(piece: str) -> int:  # a word's pairs (新し), not a particle's (必の)
        return sum(
            piece[i : i + 2] in known and _IN_WORD().fullmatch(piece, i, i + 2) is not None
            for i in range(len(piece) - 1)
        )

    old_pairs, new_pairs = known_in(old), known_in(new)
    if old_pairs <= new_pairs:
        return False  # a character's frequency alone cannot tell (駅 read as 必 is common)
    old_score = frequency.points(lang, old) + _PAIR_POINTS * old_pairs
    return old_score - frequency.points(lang, new) - _PAIR_POINTS * new_pairs >= _TRIM_MARGIN


def _in_katakana(out: list[str], k: int) -> bool:
    """Is ``out[k]`` a character other than kana between two katakana?"""
    return (
        0 < k < len(out) - 1
        and "\u30a1" <= out[k - 1] <= "\u30fa"
        and "\u30a1" <= out[k + 1] <= "\u30fa"
        and not "\u3041" <= out[k] <= "\u30ff"
    )


def _pairs_beside(known: pairs.Pairs, out: list[str], k: int, new: str) -> bool:
    """Does ``new`` in the place of ``out[k]`` make more of a word with the characters
    beside it (pairs in ``known``; two Han characters count twice) than ``out[k]`` does?"""
    before = out[k - 1] if k > 0 else ""
    after = out[k + 1] if k + 1 < len(out) else ""
    ch = out[k]

    def word(pair: str) -> int:  # (a particle after a kanji makes no word: 人で)
        if pair not in known or _IN_WORD().fullmatch(pair) is None:
            return 0
        return 2 if _TWO_HAN().fullmatch(pair) else 1  # 初日 says more than 泣か

    return word(before + new) + word(new + after) > word(before + ch) + word(ch + after)


def _bytes_first(chain: Chain, pieces: list[tuple[int, int, str]]) -> bool:
    """Does a misreading whose bytes decode strictly as UTF-8 come first? That is evidence no
    frequency of characters outweighs (UTF-8 read as GBK in Japanese text also reads as
    Shift-JIS read as GBK, into the kanji of UTF-8 read as Shift-JIS) — once two characters
    come back: the three bytes of one can meet by chance (GBK read as Shift-JIS: ``ｲ魘ｦ``
    is 查处, not ``ｲ鴦``)."""
    if chain.actual in _LANGUAGE:
        return False
    return chain not in _BYTES_SAY or sum(len(new) for _, _, new in pieces) >= 2


def _pieces(chain: Chain, line: str, confirmed: bool) -> tuple[list[tuple[int, int, str]], int]:
    """The spans of ``line`` to undo for ``chain``, run by run, and what they gain."""
    pieces: list[tuple[int, int, str]] = []
    gain = 0
    if chain.actual == SINGLE:
        # cp1252 read as GBK (a whole-line reading): cp1252 decodes to no Han, kana or hangul,
        # and :func:`_worth` takes no span whose reading has none. No run holds a span.
        return pieces, gain
    if chain is _UTF8_1252 and not _UTF8_IN_1252.search(line):
        return pieces, gain  # no lead byte and continuation byte side by side
    if chain.actual == "utf-8" and not _may_be_utf8(chain.misread, _beyond_ascii(line)):
        return pieces, gain  # (what :func:`_candidates` asks of each run first, for them all)
    for lo, hi in _runs(line, chain.actual in _LANGUAGE):
        found, g = _best_spans(chain, line, lo, hi, confirmed)
        pieces += [(lo + i, lo + j, new) for i, j, new in found]
        gain += g
    return pieces, gain


@lru_cache(maxsize=8)  # the same line, for every misreading
def _runs(line: str, spaced: bool) -> tuple[tuple[int, int], ...]:
    """Where the runs of two characters or more of ``line`` start and end: spaced ones
    (:data:`_SPACED_RUN`, for one CJK codec read as another) or not (:data:`_NON_ASCII_RUN`)."""
    runs = _SPACED_RUN if spaced else _NON_ASCII_RUN
    return tuple((m.start(), m.end()) for m in runs.finditer(line) if m.end() - m.start() >= 2)


def _splice(line: str, pieces: list[tuple[int, int, str]]) -> str:
    out: list[str] = []
    last = 0
    for start, end, new in pieces:
        out += (line[last:start], new)
        last = end
    out.append(line[last:])
    return "".join(out)


def _best_spans(
    chain: Chain, line: str, lo: int, hi: int, confirmed: bool = False
) -> tuple[list[tuple[int, int, str]], int]:
    """The spans of ``line[lo:hi]`` to undo, chosen to gain most together, and that gain
    (spans as offsets into the run)."""
    if chain.actual in _LANGUAGE:
        # Letters of another script that touch no CJK character are a word of that script
        # (Россия, Ελλάδα in a language menu beside 中文 and 繁體中文), not the odd Greek or
        # Cyrillic letter a CJK codec read as another makes among its Han.
        ends = {
            k: kept
            for k, spans in _dense_candidates(chain, line, lo, hi, confirmed).items()
            if (kept := [s for s in spans if not _foreign_word(line, lo + s[0], lo + k)])
        }
    else:
        ends = _candidates(chain, line, lo, hi)
    if not ends:
        return [], 0
    n = hi - lo
    # best[k]: the most gained in run[:k] (then the most characters read: a span that ends
    # in a rare character gains nothing by it, yet its bytes say it belongs), and how.
    best: list[tuple[int, int, tuple[int, int, str] | None]] = [(0, 0, None)] * (n + 1)
    for k in range(1, n + 1):
        top: tuple[int, int, tuple[int, int, str] | None] = (*best[k - 1][:2], None)
        for i, new, g in ends.get(k, ()):
            if (best[i][0] + g, best[i][1] + k - i) > top[:2]:
                top = (best[i][0] + g, best[i][1] + k - i, (i, k, new))
        best[k] = top
    spans: list[tuple[int, int, str]] = []
    k = n
    while k > 0:
        span = best[k][2]
        if span is None:
            k -= 1
            continue
        spans.append(span)
        k = span[0]
    return spans[::-1], best[n][0]


#: Letters of the alphabets a CJK codec also holds (Latin, Greek, Cyrillic).
_LETTERS = re.compile("[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u052f]+")


def _foreign_word(line: str, i: int, j: int) -> bool:
    """Is ``line[i:j]`` all letters of an alphabet, with no CJK character on either side?

    >>> _foreign_word("Россия (Русский)", 1, 5), _foreign_word("亲Ωя你", 1, 3)
    (True, False)
    """
    if _LETTERS.fullmatch(line, i, j) is None:
        return False
    return not any(0 <= k < len(line) and _CJK().match(line[k]) for k in (i - 1, j))


def _candidates(chain: Chain, line: str, lo: int, hi: int) -> dict[int, list[tuple[int, str, int]]]:
    """The spans of ``line[lo:hi]`` worth undoing, by their end: (start, reading, weight)."""
    run = line[lo:hi]
    utf8 = chain.actual == "utf-8"
    # One CJK codec read as another: too little rare to be a dense span. UTF-8: no unit starts
    # what the test of its reach below asks for (at C speed, before any unit is looked up).
    if not (_may_be_utf8(chain.misread, run) if utf8 else _prefix_costs(run)[-1] >= 2 * DENSE_SPAN):
        return {}
    units = _units(chain.misread, run)
    starts: Sequence[int] = range(len(units))
    if utf8:
        # only where a unit's bytes end a UTF-8 character past its own is there anything to
        # read: the starts of :func:`_may_be_utf8`'s pairs, as far as their bytes reach
        leads = _utf8_leads(chain.misread, run)
        reach = _utf8_reach(units, leads)
        starts = [i for i in leads if reach[i] > i + 1]
        if not starts:
            return {}  # no two characters' bytes are UTF-8 together
    own = _prefix_costs(run)
    western = chain in WESTERN_CHAINS or chain in _IN_WORDS
    in_words = chain in _IN_WORDS
    bytes_say = chain in _BYTES_SAY
    ends: dict[int, list[tuple[int, str, int]]] = {}
    before = -1
    for i in starts:
        first = units[i]
        # UTF-8 starts with a lead byte; one CJK codec read as another, with a rare character.
        if first is None or (not 0xC2 <= first[0] <= 0xF4 if utf8 else own[i + 1] == own[i]):
            continue
        for j, new, new_own in _aligned(chain.actual, units, i):
            gain = own[j] - own[i] - new_own
            if gain < 0 or (gain == 0 and not bytes_say):
                continue
            if not (utf8 or western) and j - i < DENSE_SPAN:
                continue  # what _worth says first, for the price of a subtraction
            if not (
                _worth_western(run[i:j], new)
                if western
                else _worth(run[i:j], new, utf8, chain is _UTF8_1252)
            ):
                continue
            if in_words and not _in_word(line, lo + i, lo + j, new):
                continue
            # Taken only where it gains the line enough; weighed by what its characters gain
            # (gains in the line overlap: two spans share the line's mix of scripts, and a
            # correct 为 read on as Ϊ costs the mix nothing), and for UTF-8 in a CJK codec by
            # the characters its bytes make (misread ones can cost as little as right ones).
            if before < 0:
                before = _worded_cost(line) if bytes_say else cost(line)
            need = 1 if bytes_say and j - i >= 3 else MIN_GAIN
            after = line[: lo + i] + new + line[lo + j :]
            if before - (_worded_cost(after) if bytes_say else cost(after)) >= need:
                evidence = len(_CJK().findall(new)) if bytes_say else 0
                ends.setdefault(j, []).append((i, new, gain + evidence))
    return ends


#: The language a double-byte codec is written in: one CJK codec read as another is judged by
#: how often that language writes the characters (:mod:`.frequency`).
_LANGUAGE = {WEB_GBK: "zh", "cp950": "zht", "cp932": "ja", "euc_jp": "ja", "cp949": "ko"}
#: What a character of each frequency band is worth: a character the language rarely or never
#: writes is strong evidence against a reading, a common one weaker evidence for it.
_BAND_POINTS = {"0": -4, "1": -1, "2": 0, "3": 1, "4": 2}
#: What a span of one CJK codec read as another must gain, by its length in characters: a
#: short one much more per character (a name of two rare characters can read as two
#: common ones by chance; six cannot).
_DENSE_NEED = {2: 12, 3: 14, 4: 15}
_DENSE_PER_CHAR = 3
#: ...and in a line where a span of the same misreading was found already.
_CONFIRMED_NEED = {2: 8, 3: 10}


@lru_cache(maxsize=4096)
def _alone(actual: str, data: bytes | None) -> str | None:
    """What one unit's bytes decode to alone, strictly (``None``: nothing, or not one
    character)."""
    if data is None:
        return None
    try:
        piece = data.decode(actual)
    except UnicodeDecodeError:
        return None
    return piece if len(piece) == 1 else None


def _scores(lang: str, text: str) -> list[int]:
    """Each character's frequency score in ``lang``, summed from the start of ``text``."""
    shifted = accumulate(frequency.bands(lang, text).encode("ascii").translate(_SHIFTED), initial=0)
    return [total - _SHIFT * k for k, total in enumerate(shifted)]


#: The scores shifted to be bytes (a score plus :data:`_SHIFT`), by band digit; ``x`` (a
#: character that is not CJK, in :func:`_cjk_bands`) scores 0, and counts for nothing.
_SHIFT = 4
_SHIFTED = bytes(_SHIFT + _BAND_POINTS.get(chr(i), 0) for i in range(256))
_IS_CJK = bytes(0 if i == ord("x") else 1 for i in range(256))
_IS_SEEN = bytes(0 if i in b"x0" else 1 for i in range(256))


@lru_cache(maxsize=4)
def _cjk_table(lang: str) -> str:
    """:func:`frequency.bands`' table for ``lang`` with every character but Han, kana and
    hangul made ``x``."""
    plane = frequency.plane(lang)
    cjk = bytearray(b"x" * 0x10000)
    for lo, hi in spans_of(f"{HAN}{KANA}{HANGUL}"):
        cjk[lo : hi + 1] = plane[lo : hi + 1].encode("ascii")
    return cjk.decode("ascii")


def _cjk_bands(lang: str, line: str) -> bytes:
    out = line.translate(_cjk_table(lang))
    return (out if out.isascii() else _BEYOND.sub("x", out)).encode("ascii")


_BEYOND = re.compile("[^\x00-\x7f]")


@lru_cache(maxsize=64)
def _context(line: str) -> dict[str, tuple[list[int], list[int], list[int]]]:
    """For each language: the frequency scores of the line's CJK characters, how many of
    them there are and how many the language writes at all, each summed from the line's
    start (so that a span's own can be taken out)."""
    out = {}
    count: list[int] = []
    shifts: list[int] = []
    for lang in frequency.MODELS:
        kinds = _cjk_bands(lang, line)
        if not count:  # (the same in every language: the line's Han, kana and hangul)
            count = list(accumulate(kinds.translate(_IS_CJK), initial=0))
            shifts = list(map(mul, count, repeat(_SHIFT)))
        shifted = accumulate(kinds.translate(_SHIFTED), initial=0)
        scores = list(map(sub, shifted, shifts))
        seen = list(accumulate(kinds.translate(_IS_SEEN), initial=0))
        out[lang] = (scores, count, seen)
    return out


def _in_language(
    context: dict[str, tuple[list[int], list[int], list[int]]], lang: str, start: int, end: int
) -> bool:
    """Is the line outside ``start:end`` text of ``lang``: two CJK characters at least,
    three in four of them ones it writes, and read no better as another language's?"""

    def outside(values: list[int]) -> int:
        return values[-1] - (values[end] - values[start])

    scores, count, seen = context[lang]
    n = outside(count)
    if n < 2 or 4 * outside(seen) < 3 * n:
        return False
    mine = outside(scores)
    return all(outside(other[0]) <= mine for other in context.values())


@lru_cache(maxsize=64)
def _cjk_count(line: str) -> int:
    return len(_CJK().findall(line))


def _starts(
    chain: Chain,
    line: str,
    lo: int,
    hi: int,
    own: list[int],
    lang: str,
    needs: dict[int, int],
    same: list[int],
    edge: Callable[[int], bool],
) -> list[int]:
    """Where in ``line[lo:hi]`` a span :func:`_dense_spans` takes can start, by two bounds
    that cost no reading (``own``: the run's frequency scores, summed; ``same``: the
    characters the misreading leaves as they are, summed: a span's size is what it changes,
    :func:`_changed`), and a start's own first test there (``edge``: a span starts on a unit
    that reads alone as a character the language writes more often)."""
    n_run = hi - lo
    # What a span can gain at most: each of its characters read back as one of the
    # language's commonest (2 points; a unit reads as two characters at most, halfwidth
    # katakana in Shift-JIS) less its own score. A start from which no span can gain the
    # least its length needs (:data:`_CONFIRMED_NEED`, else 3 a character and 3) is out.
    # Where the language's pairs are known (:mod:`.pairs`), each character can gain its
    # pair with the one before it too, and a span's end its pair with the one after it:
    # ``paired`` more than the least a span's length needs.
    paired = _PAIR_POINTS if lang in pairs.LANGS else 0
    # ...and a character the codec the text was in cannot write gains :data:`_ALIEN_POINTS`.
    alien = _ALIEN_POINTS if lang == "ja" else 0
    most = (2 + paired + alien) * (2 if chain.actual == "cp932" else 1)
    room = list(map(sub, range(0, most * (n_run + 1), most), own))
    # for spans that change 4 characters and more: 3 a changed character
    changed = list(map(sub, range(n_run + 1), same))
    over = list(map(sub, room, map(mul, changed, repeat(3))))
    best_after = list(accumulate(reversed(over), max))[::-1]
    short = {size: needs.get(size, 3 * size + 3) - paired for size in (2, 3)}
    if same[-1]:
        # a span that changes 2 or 3 characters can be longer, across characters it keeps
        room_after = list(accumulate(reversed(room), max))[::-1]
        least_short = min(short.values())
        if max(map(sub, best_after[4:], over), default=-1) < 3 - paired and (
            max(map(sub, room_after[2:], room), default=-1) < least_short
        ):
            return []  # (as below, at C speed)
        starts = {
            i
            for i, (b, r) in enumerate(zip(room_after[2:], room, strict=False))
            if b - r >= least_short
        }
    else:
        if max(map(sub, best_after[4:], over), default=-1) < 3 - paired and all(
            max(map(sub, room[size:], room), default=-1) < need for size, need in short.items()
        ):
            return []  # (the test below for every start at once, at C speed)
        starts = set()
        for size, need in short.items():
            starts.update(i for i, d in enumerate(map(sub, room[size:], room)) if d >= need)
    starts.update(
        i for i, (b, o) in enumerate(zip(best_after[4:], over, strict=False)) if b >= o + 3 - paired
    )
    if not starts:
        return []
    # The line outside a span must be the language's text, three in four of its CJK
    # characters ones the language writes (:func:`_in_language`): with U of its C CJK
    # characters unwritten, a span must take out (4U - C) / 3 of them at least (each one
    # it takes out is a CJK character less outside too), within LONGEST characters.
    _, count, seen = _context(line)[lang]
    least = -(-(4 * (count[-1] - seen[-1]) - count[-1]) // 3)
    if least > LONGEST:
        return []
    # ...and it must read no better as another language's: a span must take out of the
    # line at least what this language trails that one by, and takes out at most what
    # the characters within LONGEST of its start trail by, one by one.
    rivals = _rivals(line, lang, lo, hi)
    out = []
    for i in sorted(starts):
        end = lo + min(n_run, i + LONGEST)
        if least > 0 and (count[end] - seen[end]) - (count[lo + i] - seen[lo + i]) < least:
            continue
        if any(lead < trail[end - lo] - trail[i] for lead, trail in rivals):
            continue
        out.append(i)
    if not out:
        return out
    units = _dense_units(chain.misread, line[lo:hi])
    # What is left, exactly: a start some end makes a span of that both bounds leave
    # (the room its length needs; the line outside it the language's text, read no better
    # as another's: :func:`_in_language`'s sums, for the price of a few subtractions).
    leads = [(p, p[-1]) for p in _leads(line, lang)]
    # A span's size never falls as its end moves on (:func:`_changed`): the ends that make
    # sizes the table names are a stretch found by bisection, and past it a size needs 3 a
    # character and 3, that is ``over`` grown by 3 (tested for all those ends at C speed).
    largest = max(needs)

    def ends_somewhere(i: int) -> bool:
        a, room_i, changed_i = lo + i, room[i], changed[i]
        last = min(n_run, i + LONGEST) + 1
        first = bisect_left(changed, changed_i + 2, i + 2, last)  # size 2 and up
        past = bisect_right(changed, changed_i + largest, first, last)
        named = [
            j
            for j in range(first, past)
            if room[j] - room_i
            >= needs.get(changed[j] - changed_i, 3 * (changed[j] - changed_i) + 3) - paired
        ]
        named += compress(range(past, last), map(ge, over[past:last], repeat(over[i] + 3 - paired)))
        for j in named:
            b = lo + j
            n_out = count[-1] - (count[b] - count[a])
            if n_out < 2 or 4 * (seen[-1] - (seen[b] - seen[a])) < 3 * n_out:
                continue
            if all(p[b] - p[a] <= lead for p, lead in leads):
                return True
        return False

    # (``edge``, :func:`_dense_spans`' own first test of a start, is the cheaper: asked first)
    return [i for i in out if units[i] is not None and edge(i) and ends_somewhere(i)]


@lru_cache(maxsize=64)  # the same run, for every misreading into the same language
def _hopeless(line: str, lang: str, lo: int, hi: int) -> bool:
    """Does no span of ``line[lo:hi]`` leave the line outside it the language's text, by
    :func:`_starts`' bounds on the line: taken for the whole run at once first (a span takes
    out no more unwritten characters than the run holds, and no more of what the language
    trails another by), then, in a run longer than a span can be, for the LONGEST
    characters from each start (:func:`_windows`)? Then no start passes them, and the run
    needs no reading (a long line of Simplified text, for Big5 read as GBK)."""
    _, count, seen = _context(line)[lang]
    least = -(-(4 * (count[-1] - seen[-1]) - count[-1]) // 3)
    if least > LONGEST:
        return True
    if least > 0 and (count[hi] - seen[hi]) - (count[lo] - seen[lo]) < least:
        return True
    # (:func:`_rivals`' totals only, and only for a language this one trails over the line:
    # what a span takes out of the line is never more than nothing, where it leads)
    context = _context(line)
    mine = context[lang][0]
    own: list[int] = []
    for other, (theirs, _, _) in context.items():
        lead = mine[-1] - theirs[-1]
        if other == lang or lead >= 0:
            continue
        own = own or list(map(sub, mine[lo + 1 : hi + 1], mine[lo:hi]))
        if lead < sum(_behind(own, theirs, lo, hi)):
            return True
    if hi - lo <= LONGEST:
        return False  # the span from the run's start may cover it all: the totals are the bound
    trailed = [(lead, trail) for lead, trail in _rivals(line, lang, lo, hi) if lead < 0]
    return not any(_windows(count, seen, lo, hi, least, trailed))


def _windows(
    count: list[int],
    seen: list[int],
    lo: int,
    hi: int,
    least: int,
    trailed: list[tuple[int, list[int]]],
) -> Iterator[bool]:
    """For each start in ``line[lo:hi]``: do the characters from it to LONGEST on (where
    :func:`_starts` looks for a span's end) hold the unwritten characters a span must take
    out (``least``), and as much of what the language trails each other by (``trailed``:
    :func:`_rivals` where the lead is negative)? The bounds :func:`_starts` tests each start
    by, for every start of a long run at once (a span that starts there lies within them),
    at C speed."""
    n = hi - lo
    ends = list(map(min, range(LONGEST, n + LONGEST), repeat(n)))
    ok: Iterator[bool] = repeat(True, n)
    if least > 0:
        unwritten = list(map(sub, count[lo : hi + 1], seen[lo : hi + 1]))
        held = map(sub, map(unwritten.__getitem__, ends), unwritten[:n])
        ok = map(ge, held, repeat(least))
    for lead, behind in trailed:
        taken = map(sub, map(behind.__getitem__, ends), behind[:n])
        ok = map(and_, ok, map(le, taken, repeat(lead)))
    return ok


def _behind(own: list[int], theirs: list[int], lo: int, hi: int) -> Iterator[int]:
    """What each character of ``line[lo:hi]`` trails another language by, where it trails (0
    elsewhere): ``own``, its scores in the line's language, against ``theirs``, the other's
    scores summed from the line's start."""
    steps = map(sub, theirs[lo + 1 : hi + 1], theirs[lo:hi])
    return map(min, map(sub, own, steps), repeat(0))


@lru_cache(maxsize=64)
def _leads(line: str, lang: str) -> list[list[int]]:
    """For each other language: how far ``lang`` leads it over the line's CJK characters,
    summed from the line's start."""
    context = _context(line)
    mine = context[lang][0]
    return [list(map(sub, mine, theirs)) for o, (theirs, _, _) in context.items() if o != lang]


@lru_cache(maxsize=64)
def _rivals(line: str, lang: str, lo: int, hi: int) -> list[tuple[int, list[int]]]:
    """For each other language: how far ``lang`` leads it over the line's CJK characters
    (:func:`_in_language`'s scores), and what the characters of ``line[lo:hi]`` where it
    trails trail by, summed from ``lo`` (negative; a span lies within the run)."""
    context = _context(line)
    mine = context[lang][0]
    own = list(map(sub, mine[lo + 1 : hi + 1], mine[lo:hi]))
    out = []
    for other, (theirs, _, _) in context.items():
        if other != lang:
            behind = _behind(own, theirs, lo, hi)
            out.append((mine[-1] - theirs[-1], list(accumulate(behind, initial=0))))
    return out


def _dense_candidates(
    chain: Chain, line: str, lo: int, hi: int, confirmed: bool = False
) -> dict[int, list[tuple[int, str, int]]]:
    """:func:`_candidates` for one CJK codec read as another, character for character.

    A span is taken where its characters are ones the text's language (the codec it really
    was in) rarely writes, its reading strict and made of characters that language writes
    often, and the line around it is that language's text: each end of the span gains on
    its own (a correct character beside a run stays), and the span gains more the shorter
    it is (:data:`_DENSE_NEED`; less in a line that shows the misreading already).
    """
    ends: dict[int, list[tuple[int, str, int]]] = {}
    for i, j, new, gain in _dense_spans(chain, line, lo, hi, confirmed):
        ends.setdefault(j, []).append((i, new, gain))
    return ends


@lru_cache(maxsize=256)  # the same run, for the misreading's every round
def _dense_spans(
    chain: Chain, line: str, lo: int, hi: int, confirmed: bool
) -> tuple[tuple[int, int, str, int], ...]:
    """The spans of ``line[lo:hi]`` :func:`_dense_candidates` weighs, with what each gains:
    all that gain what a span of their length needs (:data:`_DENSE_NEED`, or
    :data:`_CONFIRMED_NEED`)."""
    run = line[lo:hi]
    lang = _LANGUAGE[chain.actual]
    run_bands = frequency.bands(lang, run)
    if "0" not in run_bands and "1" not in run_bands:
        return ()  # nothing the language rarely writes: no span gains
    if _cjk_count(line) < 2 or _hopeless(line, lang, lo, hi) or _few_edges(chain, run, lang):
        # no line around a span to be the language's text (:func:`_in_language`), or too
        # few characters for a span to start and end on (before any unit is looked up)
        return ()
    own = _scores(lang, run)
    units = _untwinned(chain, lang, _dense_units(chain.misread, run))
    # Each end of a span gains on its own: read alone, its character reads as one the
    # language writes more often (where a unit is no character alone, as a Shift-JIS byte
    # of halfwidth katakana: the character is one it rarely writes).
    edges: dict[int, bool] = {}

    def edge(k: int) -> bool:
        if k not in edges:
            piece = _alone(chain.actual, units[k])
            edges[k] = (
                run_bands[k] in "01"
                if piece is None
                else _scores(lang, piece)[-1] > own[k + 1] - own[k]
            )
        return edges[k]

    needs = _CONFIRMED_NEED if confirmed else _DENSE_NEED
    paired = _PAIR_POINTS if lang in pairs.LANGS else 0
    same = _same(chain, run, units)
    alien = _alien(chain.actual, run) if lang == "ja" else []
    starts = (
        []
        if not alien and _out_of_reach(chain, lang, line, lo, hi, units, own, same)
        else _starts(chain, line, lo, hi, own, lang, needs, same, edge)
    )
    if not starts:
        return ()
    context = _context(line)
    out: list[tuple[int, int, str, int]] = []
    before = -1
    for i in starts:
        if not edge(i):
            continue
        spans = _aligned(chain.actual, units, i)
        if not spans:
            continue
        # The readings from ``i`` grow one out of another: score the longest once.
        longest = max((new for _, new, _ in spans), key=len)
        new_bands = _reading_bands(lang, longest)
        scores = _scores(lang, longest)
        fit = _CJK_TEXT().match(longest)
        fits = fit.end() if fit else 0
        for j, new, _ in spans:
            size, n = _changed(same, i, j), len(new)
            if size < 2 or n > fits or "0" in new_bands[:n] or not edge(j - 1):
                continue
            gain = scores[n] - (own[j] - own[i])
            gain += paired and paired * _pairs_gained(lang, line, lo + i, lo + j, new)
            gain += _ALIEN_POINTS * (alien[j] - alien[i]) if alien else 0
            if gain < needs.get(size, _DENSE_PER_CHAR * size + 3):
                continue
            if not _in_language(context, lang, lo + i, lo + j):
                continue
            if before < 0:
                before = cost(line)
            if cost(line[: lo + i] + new + line[lo + j :]) > before:
                continue
            out.append((i, j, new, gain))
    return tuple(out)


#: The least any span needs (:data:`_DENSE_NEED`, :data:`_CONFIRMED_NEED`, else
#: :data:`_DENSE_PER_CHAR` a character and 3), as 3 a changed character and this.
_LEAST_NEED_OVER = min(
    min(need - _DENSE_PER_CHAR * size for size, need in table.items())
    for table in (_DENSE_NEED, _CONFIRMED_NEED)
)
#: Double-byte codecs whose lead bytes (81–FE) always take one trail byte: a unit of two bytes
#: with such a lead decodes alone or ends every span it is in (GB18030's four-byte forms need
#: a trail byte 30–39, which no double-byte unit of the codecs misread into has).
_PAIRED_LEADS = frozenset((WEB_GBK, "cp950", "cp949"))


def _out_of_reach(
    chain: Chain,
    lang: str,
    line: str,
    lo: int,
    hi: int,
    units: tuple[bytes | None, ...],
    own: list[int],
    same: list[int],
) -> bool:
    """Can no span of ``line[lo:hi]`` pass :func:`_dense_spans`' tests, by a bound that reads
    every unit once (not from every start, as :func:`_starts` does)? A span's reading is its
    units' readings alone, side by side; it starts and ends on a unit that reads as a
    character the language writes more often (its edges); it gains each reading's score less
    the character's own, and :data:`_PAIR_POINTS` for each pair the language knows among its
    readings and with the characters on either side; and it needs 3 a changed character and
    more (:data:`_LEAST_NEED_OVER`). A unit that reads as nothing, as no CJK text or as a
    character the language never writes ends every span. What the best span of two units or
    more gains over its need is then a maximum subarray sum: where even it falls short,
    nothing in the run is worth reading.

    Only for codecs whose units cannot run into each other (:data:`_PAIRED_LEADS`), and not
    for Japanese (its alien characters gain more, :data:`_ALIEN_POINTS`); elsewhere ``False``.
    """
    if chain.actual not in _PAIRED_LEADS or lang == "ja":
        return False
    if not _all_closed(units):
        return False  # a lone byte beyond ASCII (€ as 80) starts a character the next ends
    reading = "".join(map(_unit_readings(chain.actual).__getitem__, units))
    if "\1" in reading:
        return False
    ahead = list(map(sub, _scores(lang, reading), own))  # (summed from the run's start)
    betters = list(map(sub, ahead[1:], ahead))
    if sum(map(gt, betters, repeat(0))) < 2:
        return True  # (at C speed) a span starts on one edge and ends on another
    bands = frequency.bands(lang, reading)
    ends = {m.start() for m in _NOT_CJK_TEXT().finditer(reading)}  # NUL among them
    ends.update(m.start() for m in _NEVER.finditer(bands) if reading[m.start()] >= "\x80")
    known = pairs.table(lang) if lang in pairs.LANGS else None
    points = _PAIR_POINTS if known is not None else 0
    none = -(1 << 30)
    one = none  # the best stretch that starts on an edge and ends on the unit before
    top = none  # the best span of two units or more, with its ends' pairs
    read = ""  # the reading of the unit before, in the stretch
    last = -1
    # (most units of a run of correct text end every span: only the others are read, a stretch
    # starting again after each gap)
    for k in filterfalse(ends.__contains__, range(len(reading))):
        if k != last + 1:
            one, read = none, ""
        last = k
        ch = reading[k]
        better = betters[k]
        gain = better - _DENSE_PER_CHAR * (1 - (same[k + 1] - same[k]))
        on = none
        if one > none:
            on = one + gain + (points if known is not None and read + ch in known else 0)
        read = ch
        if better > 0:  # an edge: a span can end here, or start
            after = line[lo + k + 1 : lo + k + 2]
            before = line[lo + k - 1 : lo + k] if lo + k else ""
            if known is not None:
                top = max(top, on + (points if after and ch + after in known else 0))
                on = max(on, gain + (points if before and before + ch in known else 0))
            else:
                top, on = max(top, on), max(on, gain)
        one = on
    return top < _LEAST_NEED_OVER


def _few_edges(chain: Chain, run: str, lang: str) -> bool:
    """Does ``run`` hold no span for :func:`_dense_spans` by a count of its characters, read
    one by one at C speed (:class:`_EdgeMarks`)? A span starts on one edge and ends on
    another (it changes two characters at least): a run with fewer than two holds none.
    Where :func:`_out_of_reach` is asked, fewer than two units that read alone as a
    character the language writes more often (its first test) say the same."""
    marks = run.translate(_edge_marks(chain, lang))
    if "x" in marks:
        return False
    if sum(map(marks.count, "1357")) < 2:
        return True
    asked = chain.actual in _PAIRED_LEADS and lang != "ja"
    return (
        asked
        and not any(map(marks.__contains__, "0123"))  # every unit read alone
        and sum(map(marks.count, "67")) < 2
    )


_K = TypeVar("_K")
_V = TypeVar("_V")


#: The most keys a :class:`_Table` holds before it starts again.
_UNIT_TABLE_SIZE = 1 << 14


class _Table(dict[_K, _V], Generic[_K, _V]):
    """What each key reads as, worked out when first asked (``__missing__``), so that a
    run's keys are then looked up at C speed; emptied when it holds ``_UNIT_TABLE_SIZE``."""

    def _keep(self, key: _K, value: _V) -> _V:
        if len(self) >= _UNIT_TABLE_SIZE:
            self.clear()
        self[key] = value
        return value


class _EdgeMarks(_Table[int, str]):
    """Each character (by code point) as :func:`_few_edges` reads it: ``x`` where its unit
    has a twin (:func:`_untwinned` may swap it: left to the search), else a digit of three
    bits: 1, an edge of a span in :func:`_dense_spans` (its unit read alone as a character
    the language writes more often; a unit that reads as no one character: a character the
    language rarely writes); 2, its unit read alone (:func:`_unit_readings`) as a character
    scored higher; 4, a unit :func:`_out_of_reach` reads (closed, one character). Asked
    once."""

    def __init__(self, chain: Chain, lang: str) -> None:
        super().__init__()
        self.chain, self.lang = chain, lang

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        data = _dense_unit(self.chain.misread, ch)
        if _twin_of(self.chain.misread)[data]:
            mark = "x"
        else:
            own = _scores(self.lang, ch)[-1]
            piece = _alone(self.chain.actual, data)
            edge = (
                frequency.bands(self.lang, ch) in ("0", "1")
                if piece is None
                else _scores(self.lang, piece)[-1] > own
            )
            read = (
                _unit_readings(self.chain.actual)[data]
                if self.chain.actual in _PAIRED_LEADS
                else "\1"
            )
            better = read != "\1" and _scores(self.lang, read)[-1] > own
            read_alone = read != "\1" and _closed(data)
            mark = str(edge + 2 * better + 4 * read_alone)
        return self._keep(code, mark)


@lru_cache(maxsize=16)
def _edge_marks(chain: Chain, lang: str) -> _EdgeMarks:
    return _EdgeMarks(chain, lang)


class _UnitReadings(_Table[bytes | None, str]):
    """What each unit reads as alone in a codec of :data:`_PAIRED_LEADS`: one character, or
    NUL where it reads as nothing (no bytes, bytes that do not decode alone); asked of each
    unit once, so that a run's readings are looked up at C speed."""

    def __init__(self, actual: str) -> None:
        super().__init__()
        self.actual = actual

    def __missing__(self, data: bytes | None) -> str:
        try:
            piece = "\0" if data is None else data.decode(self.actual)
        except UnicodeDecodeError:
            piece = "\0"
        if len(piece) != 1:
            piece = "\1"  # two characters (none of these codecs has such a unit): no bound
        return self._keep(data, piece)


@lru_cache(maxsize=8)
def _unit_readings(actual: str) -> _UnitReadings:
    return _UnitReadings(actual)


_NOT_CJK_TEXT = Lazy(f"[^{HAN}{KANA}{HANGUL}\u3000-\u303f\uff01-\uff5e ,.;:!?]")
_NEVER = re.compile("0")


def _pairs_gained(lang: str, line: str, start: int, end: int, new: str) -> int:
    """How many more pairs of characters ``lang`` knows (:mod:`.pairs`) the line holds with
    ``line[start:end]`` read as ``new``, the characters on either side of it counted in."""
    before, after = line[start - 1 : start], line[end : end + 1]
    return _words(lang, before + new + after) - _words(lang, line[start - 1 : end + 1])


def _words(lang: str, text: str) -> int:
    """How many of the adjacent pairs of characters in ``text`` ``lang`` knows as a word's
    (:data:`_IN_WORD`: a particle beside a kanji is no evidence, の宴)."""
    known = pairs.table(lang)
    return sum(
        text[k : k + 2] in known and _IN_WORD().fullmatch(text, k, k + 2) is not None
        for k in range(len(text) - 1)
    )


#: What a pair of characters the language writes as (part of) a word is worth.
_PAIR_POINTS = 3
#: What a character the codec the text was in cannot write is worth, read back as one it
#: can, in Japanese: no text in that codec held it (风 is EUC-JP's 欠 read as GBK), and
#: the frequencies say too little there (chardet's model rates 欠 and 航 band 1). (Not in
#: Chinese: Simplified names in Traditional text are no Big5 read as GBK.)
_ALIEN_POINTS = 3


def _alien(codec: str, run: str) -> list[int]:
    """How many characters of ``run`` beyond ASCII ``codec`` cannot write, summed from the
    start of the run."""
    writes = _writes(codec)
    return list(accumulate((not writes[ch] for ch in run), initial=0))


class _Writes(_Table[str, bool]):
    """Can a codec write a character (ASCII: yes)? Asked of each character once."""

    def __init__(self, codec: str) -> None:
        super().__init__()
        self.codec = codec

    def __missing__(self, ch: str) -> bool:
        try:
            ch.encode(self.codec)
        except UnicodeEncodeError:
            return self._keep(ch, False)
        return self._keep(ch, True)


@lru_cache(maxsize=8)
def _writes(codec: str) -> _Writes:
    return _Writes(codec)


def _same(chain: Chain, run: str, units: tuple[bytes | None, ...]) -> list[int]:
    """How many characters of ``run`` the misreading leaves as they are (a unit that reads
    back alone as itself: kana in EUC-JP read as GBK, shared punctuation), summed from the
    start of the run."""
    keeps = _keeps(chain.actual, chain.misread)
    return list(accumulate(map(keeps.__getitem__, run), initial=0))


class _Keeps(_Table[str, bool]):
    """Does a misreading of ``actual`` as ``misread`` leave a character as it is: ASCII, and
    the characters of ``misread``'s double-byte table (lead byte 81 to FE) that read back
    alone as themselves — asked of each character once, as runs meet it (a table of them
    all costs a pass over the whole code page in every process)."""

    def __init__(self, actual: str, misread: str) -> None:
        super().__init__()
        self.actual, self.misread = actual, misread

    def __missing__(self, ch: str) -> bool:
        return self._keep(ch, ch < "\x80" or self._reads_back(ch))

    def _reads_back(self, ch: str) -> bool:
        data = _encoded(self.misread, ch)  # the one pair of bytes that could read as ``ch``
        if data is None or len(data) != 2 or not 0x8140 <= int.from_bytes(data) < 0xFF00:
            return False
        try:
            back = data.decode(self.misread)
        except UnicodeDecodeError:
            return False
        return back == ch and _alone(self.actual, data) == ch


@lru_cache(maxsize=16)
def _keeps(actual: str, misread: str) -> _Keeps:
    """The characters a misreading of ``actual`` as ``misread`` leaves as they are."""
    return _Keeps(actual, misread)


def _changed(same: list[int], i: int, j: int) -> int:
    """The size of span ``i:j`` of a run: the characters the misreading changes in it (one
    CJK codec read as another keeps kana or punctuation both codecs hold where they were:
    ``络きな鹤り`` is two characters misread, not five)."""
    return j - i - (same[j] - same[i])


_ASCII_IN = re.compile("[\x00-\x7f]")


@lru_cache(maxsize=256)
def _untwinned(
    chain: Chain, lang: str, units: tuple[bytes | None, ...]
) -> tuple[bytes | None, ...]:
    """``units`` with each character Shift-JIS or Big5 decodes from two byte pairs given the
    pair that reads better in ``chain.actual`` (left to right): the codec encodes such a
    character to one pair only, while the misreading may have met the other (GBK read as
    Shift-JIS: 历史 is C0FA CAB7, read as ﾀ 摠 ｷ from FA CA, which cp932 encodes as ED 9A)."""
    if not twins(chain.misread):
        return units
    # (each unit's twin looked up at C speed: most runs hold none, and are left as they are)
    others = tuple(map(_twin_of(chain.misread).__getitem__, units))
    if not any(others):
        return units
    out = list(units)
    # Where no unit's bytes can run into the next one's, a swap changes the reading of its
    # own unit only: weighed there, not over the whole run again for every twin.
    alone = chain.actual in _PAIRED_LEADS and _all_closed(units)
    for k, other in enumerate(others):
        if other is None:
            continue
        if alone:
            if _reads(chain.actual, lang, [other]) > _reads(chain.actual, lang, [units[k]]):
                out[k] = other
            continue
        trial = [*out[:k], other, *out[k + 1 :]]
        if _reads(chain.actual, lang, trial) > _reads(chain.actual, lang, out):
            out = trial
    return tuple(out)


class _TwinOf(_Table[bytes | None, bytes | None]):
    """The other byte pair of a unit's character, where ``codec`` decodes it from two
    (:func:`roundtrip.twins`); ``None`` elsewhere. Asked of each unit once."""

    def __init__(self, codec: str) -> None:
        super().__init__()
        self.codec = codec

    def __missing__(self, data: bytes | None) -> bytes | None:
        pairs_of = twins(self.codec)
        other = None if data is None or not pairs_of else pairs_of.get(data.decode(self.codec))
        return self._keep(data, other)


@lru_cache(maxsize=8)
def _twin_of(codec: str) -> _TwinOf:
    return _TwinOf(codec)


def _all_closed(units: tuple[bytes | None, ...]) -> bool:
    return all(map(_CLOSED.__getitem__, units))


class _Closed(_Table[bytes | None, bool]):
    """:func:`_closed` of each unit, asked once (a run's units are then looked up at C
    speed)."""

    def __missing__(self, data: bytes | None) -> bool:
        return self._keep(data, _closed(data))


_CLOSED = _Closed()


def _closed(data: bytes | None) -> bool:
    """Does a unit's reading end within its own bytes, in a codec of :data:`_PAIRED_LEADS`
    (nothing, an ASCII byte, or a lead byte and a trail byte that no four-byte GB18030 form
    continues from)?"""
    return (
        data is None
        or (len(data) == 1 and data[0] < 0x80)
        or (len(data) == 2 and data[0] >= 0x81 and not 0x30 <= data[1] <= 0x39)
    )


def _reads(actual: str, lang: str, units: list[bytes | None]) -> int:
    """How well ``units``' bytes read as ``actual`` (frequency scores, lost bytes rare)."""
    text = b"".join(u if u is not None else b" " for u in units).decode(actual, "replace")
    return frequency.points(lang, text)


def _reading_bands(lang: str, reading: str) -> str:
    """:func:`frequency.bands` of a reading, with the ASCII it kept (the spaces and
    punctuation between words) in no band that counts against it."""
    out = frequency.bands(lang, reading)
    if not _ASCII_IN.search(reading):
        return out
    return "".join("4" if ch < "\x80" else b for ch, b in zip(reading, out, strict=True))


@lru_cache(maxsize=256)
def _dense_units(codec: str, run: str) -> tuple[bytes | None, ...]:
    """:func:`_units` with ASCII characters as their own byte (a double-byte codec reads an
    ASCII byte between characters as itself)."""
    return tuple(map(_unit_table(codec, True).__getitem__, run))


def _dense_unit(codec: str, ch: str) -> bytes | None:
    """A character's unit as a double-byte codec reads a run: an ASCII character as its own
    byte (read between characters as itself), another as :func:`_encoded`."""
    return ch.encode("ascii") if ch < "\x80" else _encoded(codec, ch)


@lru_cache(maxsize=256)  # the same run, for every misreading into the same codec
def _units(codec: str, run: str) -> tuple[bytes | None, ...]:
    return tuple(map(_unit_table(codec, False).__getitem__, run))


class _UnitTable(_Table[str, bytes | None]):
    """Each character's unit in ``codec`` (:func:`_encoded`; ``dense``: an ASCII character
    as its own byte), worked out when a run first meets the character, so that a run's
    units are looked up at C speed (not a set of the run's new characters first, for every
    run)."""

    def __init__(self, codec: str, dense: bool) -> None:
        super().__init__()
        self.codec, self.dense = codec, dense

    def __missing__(self, ch: str) -> bytes | None:
        unit = _dense_unit(self.codec, ch) if self.dense else _encoded(self.codec, ch)
        return self._keep(ch, unit)


@lru_cache(maxsize=32)
def _unit_table(codec: str, dense: bool) -> _UnitTable:
    return _UnitTable(codec, dense)


# A sequence of characters UTF-8 could hold (ASCII too: a GBK trail byte can be one), looser
# than a strict decoder (which refuses overlong forms and surrogates): where no such sequence
# covers more than a character's own bytes, a strict decode cannot end one in the next either.
_LOOSE_UTF8 = re.compile(
    b"(?:[\x00-\x7f]|[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3})+"
)


@lru_cache(maxsize=256)
def _utf8_reach(units: tuple[bytes | None, ...], leads: Sequence[int] | None = None) -> list[int]:
    """For each unit, how many units (from the start of the run) the longest run of
    well-formed UTF-8 starting at its first byte reaches into: a bound on where
    :func:`_aligned` can end a span that starts there (it decodes strictly, unit by unit).
    Given ``leads`` (:func:`_utf8_leads`), only for those: every other unit reaches no
    further than the next, and is given its own index."""
    reach = list(range(len(units)))
    # (a unit that starts with a continuation byte, or one UTF-8 never has, starts no match)
    if leads is None:
        leads = [
            i
            for i, data in enumerate(units)
            if data is not None and not (0x80 <= data[0] < 0xC2 or data[0] > 0xF4)
        ]
    if not leads:
        return reach
    padded = cast(list[bytes], list(map(_PADDED.get, units, units)))  # FF: never UTF-8
    starts = list(accumulate(map(len, padded), initial=0))
    blob = b"".join(padded)
    for i in leads:
        m = _LOOSE_UTF8.match(blob, starts[i])
        # units [i, reach) lie whole inside the well-formed bytes
        if m is not None:
            reach[i] = bisect_right(starts, m.end()) - 1
    return reach


_PADDED: dict[bytes | None, bytes] = {None: b"\xff"}


def _utf8_leads(codec: str, run: str) -> tuple[int, ...]:
    """Where in ``run`` (of characters beyond ASCII) a unit can start UTF-8 that reaches past
    the next unit, by what each character's unit alone says, at C speed: the first of each of
    :func:`_may_be_utf8`'s pairs. (A run's units all start beyond ASCII: the first character
    their bytes make starts with a lead byte and takes the rest of the unit, and FF, no
    unit's byte, ends UTF-8 before a character with none.) Every other unit's
    :func:`_utf8_reach` ends in the next unit at most."""
    group, _ = _UTF8_PAIRS[codec]
    return tuple(m.start() for m in _UTF8_LEADS[codec].finditer(_utf8_marks(group, run)))


def _may_be_utf8(codec: str, text: str) -> bool:
    """Can two characters' units in ``text`` be UTF-8 together (:func:`_utf8_reach` past the
    next unit), by what each character's unit alone says, at C speed? Such a pair starts
    on a unit whose first byte is a UTF-8 lead byte (C2-F4), followed in it by a
    continuation byte if it has two, and the next character has a unit (an ASCII character
    has none, so ``text`` may be a line with its ASCII taken out: that only brings more
    characters side by side). ``False``: no run of ``text`` has such a pair."""
    group, pair = _UTF8_PAIRS[codec]
    return pair.search(_utf8_marks(group, text)) is not None


#: The codecs UTF-8 is read in, in groups that share one reading of a text's characters
#: (:func:`_utf8_marks`: two bits a codec, a group's marks within a character; three codecs
#: a group, so that a mark's patterns stay small).
_UTF8_MISREAD = tuple(
    dict.fromkeys(
        c.misread for c in (*_WIDE_CHAINS, *WESTERN_CHAINS, *_IN_WORDS) if c.actual == "utf-8"
    )
)
_UTF8_GROUPS = tuple(_UTF8_MISREAD[k : k + 3] for k in range(0, len(_UTF8_MISREAD), 3))
#: Where the marks start (a stretch of code points as long as a group's marks need: they
#: stand for bits, not for characters).
_MARKS_BASE = 0x4E00


def _pair_of(bit: int, size: int, ahead: bool = False) -> re.Pattern[str]:
    """A mark with the codec's ``S`` bit (``bit``) and then one with its unit bit (``ahead``:
    only looked at, so that every such mark is found, side by side too)."""

    def having(b: int) -> str:
        return "".join(chr(_MARKS_BASE + m) for m in range(1 << size) if m >> b & 1)

    then = f"[{having(bit + 1)}]"
    return re.compile(f"[{having(bit)}]" + (f"(?={then})" if ahead else then))


_UTF8_PAIRS = {
    codec: (n, _pair_of(2 * k, 2 * len(group)))
    for n, group in enumerate(_UTF8_GROUPS)
    for k, codec in enumerate(group)
}
_UTF8_LEADS = {
    codec: _pair_of(2 * k, 2 * len(group), ahead=True)
    for group in _UTF8_GROUPS
    for k, codec in enumerate(group)
}


@lru_cache(maxsize=4)  # the same line or run, for every codec of the group
def _utf8_marks(group: int, text: str) -> str:
    return text.translate(_utf8_starts(group))


@lru_cache(maxsize=4)  # the same line, for every misreading
def _beyond_ascii(line: str) -> str:
    return _ASCII_CHARS.sub("", line)


_ASCII_CHARS = re.compile("[\x00-\x7f]+")


class _Utf8Starts(_Table[int, str]):
    """Each character's mark (by code point), as :func:`_may_be_utf8` reads its unit in each
    codec of a group: for the k-th, bit 2k where the unit starts with a lead byte (and a
    continuation byte follows in it if it has two), bit 2k + 1 where there is a unit; asked
    once."""

    def __init__(self, group: int) -> None:
        super().__init__()
        self.codecs = _UTF8_GROUPS[group]

    def __missing__(self, code: int) -> str:
        mark = 0
        for k, codec in enumerate(self.codecs):
            data = _encoded(codec, chr(code))
            if data is not None:
                lead = 0xC2 <= data[0] <= 0xF4 and (len(data) == 1 or 0x80 <= data[1] <= 0xBF)
                mark |= (lead | 2) << 2 * k
        return self._keep(code, chr(_MARKS_BASE + mark))


@lru_cache(maxsize=4)
def _utf8_starts(group: int) -> _Utf8Starts:
    return _Utf8Starts(group)


_DIGITS = {ord("0"): 0, ord("1"): 1, ord("w"): 1, ord("2"): 2, ord("4"): 4}


@lru_cache(maxsize=64)  # the same run, for every misreading
def _prefix_costs(run: str) -> list[int]:
    """The characters' own costs (:func:`own_cost`) summed from the start of ``run``."""
    out = [0]
    for code in run.translate(tables().cost).encode("utf-8", "surrogatepass"):
        out.append(out[-1] + _DIGITS.get(code, 2))
    return (
        out
        if len(out) == len(run) + 1
        else [0, *(own_cost(run[:k]) for k in range(1, len(run) + 1))]
    )


def _aligned(
    actual: str, units: tuple[bytes | None, ...], start: int
) -> list[tuple[int, str, int]]:
    """Where the bytes of the characters from ``start`` on decode strictly as ``actual`` and
    end on a character of both codecs, with what they decode to and its own cost."""
    whole = _whole_units(actual, units)
    if whole is None:
        return _aligned_slowly(actual, units, start)
    text, offsets, spent = whole
    out: list[tuple[int, str, int]] = []
    for k in range(start, min(len(units), start + LONGEST)):
        if offsets[k + 1] == offsets[k]:
            # not a unit that decodes alone: as the decoder would read on from ``start``
            return out if units[k] is None else _aligned_slowly(actual, units, start)
        if k > start:
            out.append((k + 1, text[offsets[start] : offsets[k + 1]], spent[k + 1] - spent[start]))
    return out


@lru_cache(maxsize=256)  # the same run, read from every start
def _whole_units(
    actual: str, units: tuple[bytes | None, ...]
) -> tuple[str, list[int], list[int]] | None:
    """The units of a run that decode as ``actual`` each alone, strictly (a double-byte codec
    holds no state between characters: decoding units one after the other, or from any
    unit on, reads each the same): their readings joined, where each unit's reading starts
    and ends in it (empty for a unit that does not decode alone) and the readings' own
    costs summed. ``None`` for UTF-8, whose characters span units."""
    if actual == "utf-8":
        return None
    if actual in _PAIRED_LEADS and _all_closed(units):
        # Each unit is one character or ends every reading: decoded all at once, if all read.
        counted = list(accumulate((data is not None for data in units), initial=0))
        try:
            text = b"".join(data for data in units if data is not None).decode(actual)
        except UnicodeDecodeError:
            text = ""
        if len(text) == counted[-1]:
            costs = _prefix_costs(text)
            return text, counted, [costs[at] for at in counted]
    pieces: list[str] = []
    offsets = [0]
    spent = [0]
    at = 0
    for data in units:
        piece = None
        if data is not None:
            try:
                piece = data.decode(actual)
            except UnicodeDecodeError:
                piece = None
        if piece:
            pieces.append(piece)
            at += len(piece)
            offsets.append(at)
            spent.append(spent[-1] + own_cost(piece))
        else:
            offsets.append(at)
            spent.append(spent[-1])
    return "".join(pieces), offsets, spent


def _aligned_slowly(
    actual: str, units: tuple[bytes | None, ...], start: int
) -> list[tuple[int, str, int]]:
    """:func:`_aligned` by an incremental decoder, unit by unit."""
    decoder = codecs.getincrementaldecoder(actual)("strict")
    out: list[tuple[int, str, int]] = []
    text: list[str] = []
    spent = 0
    for k in range(start, min(len(units), start + LONGEST)):
        data = units[k]
        if data is None:
            break
        try:
            piece = decoder.decode(data)
        except UnicodeDecodeError:
            break
        if piece:
            text.append(piece)
            spent += own_cost(piece)
        if k > start and not decoder.getstate()[0]:
            out.append((k + 1, "".join(text), spent))
    return out


def _worth(span: str, new: str, utf8: bool, single: bool = False) -> bool:
    """Is ``new`` a reading of ``span`` worth weighing in the line: CJK text, and at most half
    as implausible as the span on its own?

    UTF-8 read in a double-byte codec shows itself in its bytes (three characters for two,
    decoding strictly and ending where a character ends). One CJK codec read as another
    swaps characters one for one, as any text with a rare name in it could be read: such a
    span must be long and made of expensive characters only (``邓瑄`` is a name, not
    ``腌泉`` misread).
    """
    before = cost(span)
    if not utf8 and (len(span) < DENSE_SPAN or before < 2 * len(span)):
        return False  # (checked first: it turns down most spans, and all the checks are pure)
    if not has_cjk(new) or not is_cjk_dominant(new):
        return False
    if not single and 2 * len(_CJK().findall(span)) < len(span):
        return False  # a double-byte codec's misreading is CJK: not box drawing (cp437)
    return cost(new) <= MAX_RATIO * before and before > 0


def _in_word(line: str, start: int, end: int, new: str) -> bool:
    """Is ``line[start:end]``, read as ``new``, one letter between two ASCII letters?"""
    before, after = line[start - 1 : start], line[end : end + 1]
    return (
        len(new) == 1
        and _LETTERS_IN_WORDS.fullmatch(new) is not None
        and before.isascii()
        and before.isalpha()
        and after.isascii()
        and after.isalpha()
    )


def _worth_western(span: str, new: str) -> bool:
    """Is ``new`` (UTF-8 read in a single-byte code page, undone) worth weighing: letters, no
    more CJK than the span had, nothing no text holds, at most half as implausible?"""
    if (has_cjk(new) and not has_cjk(span)) or not any(ch.isalpha() for ch in new):
        return False  # letters come back, not a symbol read from two: `¬´` is no «
    after = cost(new)
    return after <= MAX_RATIO * cost(span) and own_cost(new) < 4 * len(new)


def _encoded(codec: str, ch: str) -> bytes | None:
    """The bytes ``codec`` decoded ``ch`` from, if it is a character of it beyond ASCII. (Not
    memoised: its callers keep what they ask of each character, per codec.)"""
    if codec == WEB_GBK and ch == "€":
        return b"\x80"
    if codec == SINGLE:  # as a browser reads cp1252: the undefined bytes are C1 controls
        return bytes((ord(ch),)) if "\x80" <= ch <= "\x9f" else _cp1252(ch)
    try:
        data = ch.encode(codec)
    except UnicodeEncodeError:
        return None
    if codec in _SINGLE_BYTE:
        return data if len(data) == 1 else None
    # Shift-JIS reads a continuation byte A1–DF alone, as halfwidth katakana.
    return data if len(data) == 2 or (len(data) == 1 and data[0] >= 0x80) else None


_SINGLE_BYTE = frozenset(c.misread for c in WESTERN_CHAINS)


def _cp1252(ch: str) -> bytes | None:
    try:
        data = ch.encode(SINGLE)
    except UnicodeEncodeError:
        return None
    return data if data[0] >= 0x80 else None
