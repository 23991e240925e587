"""Bytes to text: never crash, never guess silently.

In order:

1. a byte-order mark (UTF-32, UTF-8, UTF-16) decides;
2. strict UTF-8 (most of the web, and all of ASCII) — unless the input has NUL or ESC bytes
   (a literal search, free for other input) and is one of the forms that byte patterns
   decide (:mod:`newsclean.sniff`), which are valid UTF-8 too: UTF-16/32 without a BOM (of
   mostly ASCII text), ISO-2022-JP/KR/CN, HZ (``~{`` in the bytes). UTF-16/32 that is not valid UTF-8 competes in 4;
3. chardet on at most the first 64 KB, its answer mapped to the superset a browser would use
   (GB2312/GBK → GB18030, Shift_JIS → cp932, EUC-KR → cp949) — taken when it is confident
   and the whole input decodes strictly with it, unless it is Mac OS Roman (which chardet
   names for Western text with one Windows-1252 ellipsis in it), a single-byte code page (or
   EBCDIC) and the input also reads as plausible CJK in a multi-byte encoding (any bytes
   "decode" in a single-byte code page, so that answer is weak evidence against CJK text),
   or UTF-16/32 (chardet says so at 95% for GBK with one NUL byte in it);
4. otherwise the most plausible strict decoding (lowest
   :func:`newsclean.codepages.reading_cost` of the first 64 KB: per line, markup left out,
   words of one alphabet free) among chardet's answers (its first, and the others in other
   scripts), the legacy encodings news sites serve and UTF-16/32 without a BOM, with a warning
   saying it was a guess; when chardet's answers are all Latin, the code pages of the other
   cased alphabets too (cp1251, KOI8-R, cp1253), where they make a word of three letters or
   more, and Central Europe's (cp1250, ISO-8859-2) where cp1252 reads a symbol inside a
   word (``wa¿noœci``). On equal cost a plausible CJK reading wins, a Mac OS or DOS code
   page loses, of two Cyrillic or Greek readings the one of small letters wins, and of a
   Chinese and a Japanese one the Japanese where there is hiragana; EBCDIC competes only
   as chardet's confident answer; when a Latin code page wins, the Latin ones are compared
   again with Latin words free (cp1257 against cp1252 is a matter of letters, not symbols).
   A multi-byte CJK decoding that loses a few bytes (a page cut inside a character, a byte
   lost) competes too, when it reads as CJK text: a single-byte code page decodes anything,
   and read that page whole as gibberish; its lost bytes are reported;
5. last resort, nothing decodes cleanly: the decoding that replaces the fewest bytes (UTF-8 or
   GB18030), with an error that counts them. UTF-8 with a few bad bytes (a file cut inside a
   character, a stray byte) competes in step 4 already, and wins over a strict decoding that
   reads worse.

``encoding=`` forces one (bad bytes then become U+FFFD, reported). The result names the
encoding used. Line endings and Unicode line separators are left as they are: the pipeline
splits lines (see :meth:`newsclean.model.Doc.from_text`).

>>> decode("国务院总理主持召开会议".encode("gb18030"))
'国务院总理主持召开会议'
>>> decode("行政院今日召開記者會".encode("big5"))
'行政院今日召開記者會'
>>> decode("繁體中文".encode("big5") * 3)  # not EBCDIC, whatever a detector guesses
'繁體中文繁體中文繁體中文'
"""

from __future__ import annotations

import codecs
import re
import threading
from dataclasses import dataclass

from .codepages import (
    cjk_reading,
    ebcdic,
    few_lost,
    has_words,
    plausible_cjk,
    reading_cost,
    reads_as_cjk,
    script,
    single_byte,
)
from .model import Diagnostic, Severity
from .sniff import UNLIKELY, hz, iso2022, wide

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: Legacy encodings tried when the detector is unsure, most common on news sites first.
LEGACY = ("gb18030", "big5", "cp950", "cp932", "euc_jp", "cp949", "cp1252")
#: The code pages of the other cased alphabets, tried when chardet's answers are all Latin: it
#: reads a mostly-English file with a few words of Russian in it as Western (``passwd - файл
#: паролей`` in cp1251), and the right reading must still get to compete. Readings in
#: different scripts are what :func:`.codepages.reading_cost` tells apart (two Latin code
#: pages differ in letters only a language model tells apart: those are not added; nor are
#: alphabets without case, whose runs of letters read CJK bytes as words as well).
OTHER_SCRIPTS = ("cp1251", "koi8-r", "cp1253")
#: ... and Central Europe's, when Windows-1252 reads a symbol inside a word (``wa¿noœci``,
#: ``has³o``: Polish in cp1250; ``³``, ``¿``, ``±``, ``¶`` are its letters there, or
#: ISO-8859-2's). Text in cp1252 seldom has one there (an apostrophe is U+2019, ``l·l`` a
#: middle dot and ``don´t`` an acute accent: none of them counts).
CENTRAL = ("cp1250", "iso8859-2")
_SYMBOL_IN_WORD = re.compile(
    "(?<=[A-Za-z\u00c0-\u00ff])[\u00a1-\u00b3\u00b6\u00b8-\u00bf](?=[a-z\u00df-\u00ff])"
)
#: chardet's confident answers read by plausibility only, as any other guess: it names Mac OS
#: Roman, confidently, for Western text with one Windows-1252 ellipsis in it (0x85, ``Ö`` in
#: Mac OS Roman). (The code pages of Mac OS and DOS, :func:`_rare`, come last on equal cost:
#: a file on the Web is far likelier in the Windows code page of its script.)
_UNTRUSTED = frozenset({"mac-roman"})

#: chardet's name (as :func:`codecs.lookup` spells it) → the codecs to try, in order (the
#: superset browsers use first).
_SUPERSETS: dict[str, tuple[str, ...]] = {
    "gb2312": ("gb18030",),
    "gbk": ("gb18030",),
    "gb18030": ("gb18030",),
    "big5": ("big5", "cp950", "big5hkscs"),
    "big5hkscs": ("big5", "cp950", "big5hkscs"),
    "cp950": ("big5", "cp950", "big5hkscs"),
    "shift_jis": ("cp932", "shift_jis"),
    "shift_jis_2004": ("cp932", "shift_jis_2004"),
    "shift_jisx0213": ("cp932", "shift_jisx0213"),
    "cp932": ("cp932",),
    "euc_jp": ("euc_jp", "euc_jis_2004"),
    "euc_jis_2004": ("euc_jp", "euc_jis_2004"),
    "euc_kr": ("cp949",),
    "cp949": ("cp949",),
    # Mac OS Roman is told from them by plausibility only: it "decodes" any bytes, and
    # chardet names no Mac encoding for Western text.
    "iso8859-1": ("cp1252", "latin-1", "mac-roman"),
    "cp1252": ("cp1252", "latin-1", "mac-roman"),
    "iso8859-15": ("iso8859-15", "cp1252", "mac-roman"),
    "mac-roman": ("mac-roman", "cp1252"),
    # The Windows code page first, as browsers do for these ISO labels (and for Hebrew, where
    # pages said ISO-8859-8 and wrote ₪ at 0xA4, Windows-1255's place for it).
    "iso8859-9": ("cp1254", "iso8859-9"),
    "tis-620": ("cp874", "tis-620"),
    "iso8859-11": ("cp874", "iso8859-11"),
    "iso8859-8": ("cp1255", "iso8859-8"),
}
SAMPLE = 64 * 1024
#: chardet confidence at which its answer is taken without a second opinion.
CONFIDENT = 0.5
#: How many of chardet's answers compete when it is not confident.
ANSWERS = 4
#: An ISO code page and the Windows one of its script, which puts punctuation (quotes, dashes)
#: where the ISO one has C1 controls: a reading with C1 controls lets the two compete.
_WINDOWS = {
    "iso8859-2": "cp1250",
    "iso8859-4": "cp1257",
    "iso8859-5": "cp1251",
    "iso8859-6": "cp1256",
    "iso8859-7": "cp1253",
    "iso8859-13": "cp1257",
    "iso8859-16": "cp1250",
}
_C1 = re.compile("[\x80-\x9f]")
#: A rare code page chardet may name, and the common one read first (equal cost: common).
_COMMON = {"kz1048": "cp1251", "ptcp154": "cp1251", "koi8-t": "koi8-r", "hp-roman8": "cp1252"}


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text, the encoding it was read as, and anything worth telling the user."""

    text: str
    encoding: str
    diagnostics: tuple[Diagnostic, ...] = ()
    replaced: int = 0  # bytes that could not be decoded and became U+FFFD


def decode(data: bytes) -> str:
    """Decode raw input to text (see :func:`decode_bytes`)."""
    return decode_bytes(data).text


def decode_bytes(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode ``data``; ``encoding`` forces one (bad bytes then become U+FFFD, reported)."""
    if encoding is not None:
        return _lossy(data, codecs.lookup(encoding).name)
    for bom, name in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            strict = _strict(body, name)
            return Decoded(strict, f"{name} (BOM)") if strict is not None else _lossy(body, name)
    text = _strict(data, "utf-8")
    if text is not None:
        if b"\x00" in data or b"\x1b" in data or b"~{" in data:  # memchr: UTF-8 pays nothing
            return _sniffed(data) or Decoded(text, "utf-8")
        return Decoded(text, "utf-8")
    answers = _detect(data[:SAMPLE])
    if answers and answers[0][1] >= CONFIDENT:
        for name in answers[0][0]:
            text = _strict(data, name)
            if text is None:
                continue
            if single_byte(name) and cjk_reading(data, SAMPLE) is not None:
                break  # a code page "decodes" anything: let the readings compete
            if name.startswith("utf-"):
                break  # UTF-16/32 guessed from a NUL or two: let the readings compete
            if name in _UNTRUSTED:
                break  # a rare code page: the common ones compete with it
            if name in _WINDOWS and _C1.search(text):
                break  # ISO-8859-2 with C1 controls: Windows-1250's quotes, most likely
            return Decoded(text, name, (_note(f"not UTF-8; detected {name}", "info"),))
    return _plausible(data, answers)


def _sniffed(data: bytes) -> Decoded | None:
    """UTF-16/32 without a BOM, or ISO-2022, by their byte patterns (:mod:`.sniff`)."""
    found = wide(data)
    if found is not None:
        text, name = found
        unit = 4 if name.startswith("utf-32") else 2
        if len(data) % unit:
            return _lossy(data, name)
        return Decoded(text, name, (_note(f"no byte-order mark; read as {name}", "info"),))
    found = iso2022(data)
    if found is not None:
        text, name = found
        return Decoded(text, name, (_note(f"not UTF-8; escape sequences say {name}", "info"),))
    found = hz(data)
    if found is not None:
        return Decoded(found[0], "hz", (_note("not UTF-8; ~{ ~} shifts say HZ (GB 2312)", "info"),))
    return None


def _strict(data: bytes, name: str) -> str | None:
    try:
        return data.decode(name)
    except UnicodeDecodeError:
        return None


Answers = list[tuple[tuple[str, ...], float]]


def _detect(sample: bytes) -> Answers:
    """chardet's answers (at most :data:`ANSWERS`), each as the codecs to try and its
    confidence, most confident first."""
    import chardet

    answers: Answers = []
    for result in chardet.detect_all(sample, compat_names=False)[:ANSWERS]:
        try:
            key = codecs.lookup(result.get("encoding") or "").name
        except LookupError:
            continue
        answers.append((_SUPERSETS.get(key, (key,)), float(result.get("confidence") or 0.0)))
    return answers


def _plausible(data: bytes, answers: Answers) -> Decoded:
    """The strict decoding that reads most like text; a near-UTF-8 input competes too.

    chardet's first answer comes first (a rare code page's common sibling before it:
    chardet's ``kz1048`` for Russian is ``cp1251`` read with a few letters changed), then
    its other answers in other scripts (in one script, readings differ in letters only
    chardet's language models tell apart), then the legacy encodings, then
    :data:`OTHER_SCRIPTS` and :data:`CENTRAL` where they apply, and the Mac OS and DOS
    code pages last. On equal cost a plausible CJK reading wins, then the earlier name (but
    see :func:`_chosen`). When a Latin code page wins, the Latin ones are compared again
    with Latin words free (see :func:`.codepages.reading_cost`).
    """
    sample = data[:SAMPLE]
    detected = answers[0][0] if answers else ()
    confidence = answers[0][1] if answers else 0.0
    names = _candidates(data, answers)
    scored: list[tuple[int, bool, int, str, str, str]] = []
    for order, name in enumerate(names):
        if ebcdic(name) and not (confidence >= CONFIDENT and name in detected):
            continue  # EBCDIC only as chardet's confident answer
        text = _strict(data, name)
        if text is not None and not (name.startswith("utf-") and UNLIKELY.search(text)):
            head = _head(sample, name)
            if name in OTHER_SCRIPTS and name not in detected and not has_words(head):
                continue  # a letter or two of another alphabet: no evidence against chardet
            rank = single_byte(name) or not plausible_cjk(head)
            scored.append((reading_cost(head, cjk_words=True), rank, order, name, text, head))
    near = _lossy(data, "utf-8")
    lost = _replaced(near)
    if lost and (few_lost(lost, len(data)) or _utf8_bytes(near.text) >= lost):
        scored.append((reading_cost(near.text[:SAMPLE]), True, len(names), "", "", ""))
    broken = _near_cjk(data, {c[3] for c in scored})
    for order, (name, decoded) in enumerate(broken.items(), start=len(names) + 1):
        scored.append((reading_cost(decoded.text[:SAMPLE]), True, order, name, decoded.text, ""))
    if not scored:
        return min((near, _lossy(data, "gb18030")), key=_replaced)
    name, text = _chosen(scored)
    if not name:
        return near
    agreed = bool(detected) and name == detected[0] and confidence > 0.2
    message = f"not UTF-8; decoded as {name}" + (
        " (detected)" if agreed else f" (a guess: {name} reads most like text)"
    )
    note = _note(message, "info" if agreed else "warning")
    if name in broken:  # its few undecodable bytes are reported too
        return Decoded(text, name, (note, *broken[name].diagnostics), broken[name].replaced)
    return Decoded(text, name, (note,))


def _candidates(data: bytes, answers: Answers) -> list[str]:
    """The encodings :func:`_plausible` reads ``data`` in, in its order of preference."""
    detected = answers[0][0] if answers else ()
    names = [n for name in detected for n in (_COMMON.get(name, name), name)]
    names += [_WINDOWS[name] for name in detected if name in _WINDOWS]
    first = {script(name) for name in detected}
    names += [n for codecs_, _ in answers[1:] for n in codecs_[:1] if script(n) not in first]
    common = [name for name in names if not _rare(name)]
    rare = [name for name in names if _rare(name)]
    others: tuple[str, ...] = ()
    if all(script(name) == "LATIN" for name in detected):
        others = OTHER_SCRIPTS
        if _SYMBOL_IN_WORD.search(_head(data[:SAMPLE], "cp1252")):
            others += CENTRAL
    return list(dict.fromkeys((*common, *LEGACY, *others, *rare, *_wide(data))))


def _chosen(scored: list[tuple[int, bool, int, str, str, str]]) -> tuple[str, str]:
    """The name and text of the reading that wins (``""`` for near-UTF-8), of the scored
    ``(cost, rank, order, name, text, head)``: the cheapest; of two Cyrillic or Greek ones of
    equal cost, the one of small letters (KOI8-R read as cp1251: the same words, in
    capitals); of a Chinese and a Japanese one of equal cost, the Japanese where the text has
    hiragana (EUC-JP puts kana where GB 2312 has them too, and reads its kanji as other
    Han: ``ファイルを調べる`` in GB 2312 is ``ファイルを拇べる``); of the Latin ones, the
    cheapest with Latin words free (see :func:`.codepages.reading_cost`)."""
    cost, _, _, name, text, head = min(scored)
    if name in _CHINESE and _HIRAGANA.search(head):  # EUC-JP's kana are GB 2312's too
        japanese = [c for c in scored if c[0] == cost and c[3] in _JAPANESE]
        if japanese:
            _, _, _, name, text, _ = min(japanese)
    if name and script(name) in _CASED:
        _, _, name, text = min(
            (_capitals(c[5]), c[2], c[3], c[4])
            for c in scored
            if c[0] == cost and c[3] and script(c[3]) == script(name)
        )
    if name and script(name) == "LATIN":
        _, _, name, text = min(
            (reading_cost(c[5], latin=True), c[2], c[3], c[4])
            for c in scored
            if c[3] and script(c[3]) == "LATIN"
        )
    return name, text


#: The multi-byte CJK encodings a file with a few broken characters competes in (a page cut
#: inside a character, a byte lost in transit): strictly, it decodes in no CJK encoding, and a
#: single-byte code page, which decodes anything, read it all as gibberish.
_NEAR_CJK = ("gb18030", "cp950", "cp932", "euc_jp", "cp949")
#: ... and read as CJK text (:func:`.codepages.reads_as_cjk`, a reading cost of at most one
#: for every this many CJK characters): the readings' costs then decide, as for the strict
#: decodings.
_NEAR_CJK_PER = 4


def _near_cjk(data: bytes, strict: set[str]) -> dict[str, Decoded]:
    """The lossy decodings of ``data`` in :data:`_NEAR_CJK` (but those in ``strict``, which
    read it whole) that lose few bytes and read as plausible CJK text, by codec. The first
    ``SAMPLE`` bytes are tried first: most files lose too many there already (and a file no
    longer than that is read once)."""
    out = {}
    for name in _NEAR_CJK:
        if name in strict:
            continue
        decoded = _lossy(data[:SAMPLE], name)
        if not few_lost(decoded.replaced, SAMPLE):
            continue
        if len(data) > SAMPLE:
            decoded = _lossy(data, name)
        lost = decoded.replaced
        if (
            lost
            and few_lost(lost, len(data))
            and reads_as_cjk(decoded.text[:SAMPLE], _NEAR_CJK_PER)
        ):
            out[name] = decoded
    return out


_CHINESE = frozenset({"gb18030", "big5", "cp950", "big5hkscs"})
_JAPANESE = frozenset({"euc_jp", "cp932", "shift_jis", "euc_jis_2004"})
_HIRAGANA = re.compile("[\u3041-\u3096]")
#: Scripts whose code pages can put one text's small letters where another's has capitals.
_CASED = frozenset({"CYRILLIC", "GREEK"})


def _capitals(text: str) -> int:
    """How many capitals beyond ASCII ``text`` has: of two readings of equal cost in one
    alphabet, the one of small letters is the text (KOI8-R puts them where cp1251 has its
    capitals, and a word in capitals alone is as well-formed)."""
    return sum(1 for char in text if char.isupper() and not char.isascii())


def _rare(name: str) -> bool:
    """Is ``name`` a code page of Mac OS or DOS (last on equal cost)?"""
    return name.startswith("mac-") or name in {"cp437", "cp775", "cp850", "cp852", "cp858"}


def _utf8_bytes(text: str) -> int:
    """Bytes of multi-byte UTF-8 characters that decoded: more than were lost is UTF-8."""
    kept = text.replace("\ufffd", "")
    return len(kept.encode("utf-8")) - len(kept.encode("ascii", "ignore"))


def _head(sample: bytes, name: str) -> str:
    return sample.decode(name, errors="ignore")


def _wide(data: bytes) -> tuple[str, ...]:
    """UTF-16 without a BOM is a candidate for input of even length: little-endian first,
    unless the start looks like big-endian ASCII (a zero byte before each character); UTF-32
    too for a length in fours."""
    if len(data) % 2:
        return ()
    head = data[:SAMPLE]
    utf32 = ("utf-32-le", "utf-32-be") if len(data) % 4 == 0 else ()
    if head[0::2].count(0) > head[1::2].count(0):
        return ("utf-16-be", "utf-16-le", *utf32)
    return ("utf-16-le", "utf-16-be", *utf32)


class _Counter(threading.local):
    lost = 0


_COUNTER = _Counter()


def _replace_counting(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    _COUNTER.lost += error.end - error.start
    return "\ufffd", error.end


codecs.register_error("newsclean-replace", _replace_counting)


def _lossy(data: bytes, name: str) -> Decoded:
    _COUNTER.lost = 0
    text = data.decode(name, errors="newsclean-replace")
    lost = _COUNTER.lost
    if not lost:
        return Decoded(text, name)
    message = f"{lost} undecodable byte(s) replaced with U+FFFD (decoded as {name})"
    diagnostic = Diagnostic(0, "undecodable-bytes", message, "error", "encoding")
    return Decoded(text, name, (diagnostic,), lost)


def _replaced(decoded: Decoded) -> int:
    return decoded.replaced


def _note(message: str, severity: Severity) -> Diagnostic:
    return Diagnostic(0, "legacy-encoding", message, severity, "encoding")
