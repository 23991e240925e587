"""Bytes to text: never crash, never guess silently.

In order:

1. a byte-order mark (UTF-32, UTF-8, UTF-16) decides;
2. input with NUL or ESC bytes (a literal search, free for other input) is checked for the
   forms that byte patterns decide (:mod:`newsclean.sniff`): UTF-16/32 without a BOM, and
   ISO-2022-JP/KR/CN;
3. strict UTF-8 (most of the web, and all of ASCII);
4. chardet on at most the first 64 KB, its answer mapped to the superset a browser would use
   (GB2312/GBK → GB18030, Shift_JIS → cp932, EUC-KR → cp949) — taken when it is confident
   and the whole input decodes strictly with it, unless it is a single-byte code page (or
   EBCDIC) and the input also reads as plausible CJK in a multi-byte encoding: any bytes
   "decode" in a single-byte code page, so that answer is weak evidence against CJK text;
5. otherwise the most plausible strict decoding (lowest :func:`newsclean.plausibility.cost`
   of the first 64 KB) among chardet's answer, the legacy encodings news sites serve and
   UTF-16 without a BOM, with a warning saying it was a guess. On equal cost a multi-byte
   reading beats a single-byte one, and EBCDIC competes only when chardet is confident;
6. last resort, nothing decodes cleanly: the decoding that replaces the fewest bytes (UTF-8 or
   GB18030), with an error that counts them. UTF-8 with a few bad bytes (a file cut inside a
   character, a stray byte) competes in step 5 already, and wins over a strict decoding that
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
from functools import lru_cache

from .model import Diagnostic, Severity
from .sniff import UNLIKELY, iso2022, wide

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: Legacy encodings tried when the detector is unsure, most common on news sites first.
LEGACY = ("gb18030", "big5", "cp950", "cp932", "euc_jp", "cp949", "cp1252")
#: The multi-byte CJK encodings among them: a plausible reading in one beats any code page.
CJK = ("gb18030", "big5", "cp950", "cp932", "euc_jp", "cp949")
_MULTI_BYTE = frozenset(
    {*CJK, "gbk", "gb2312", "big5hkscs", "shift_jis", "shift_jis_2004", "shift_jisx0213"}
    | {"euc_jis_2004", "euc_jisx0213", "euc_kr", "johab", "hz"}
)
#: chardet's name → the codecs to try, in order (the superset browsers use first).
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
    "iso8859-1": ("cp1252", "latin-1", "mac_roman"),
    "latin-1": ("cp1252", "latin-1", "mac_roman"),
    "cp1252": ("cp1252", "latin-1", "mac_roman"),
    "iso8859-15": ("iso8859-15", "cp1252", "mac_roman"),
    "mac_roman": ("mac_roman", "cp1252"),
}
SAMPLE = 64 * 1024
# Han, kana and hangul: what a CJK reading must be made of to count as one.
_CJK_CHARS = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff]")
#: chardet confidence at which its answer is taken without a second opinion.
CONFIDENT = 0.5


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
    if b"\x00" in data or b"\x1b" in data:  # memchr: clean UTF-8 pays nothing here
        found = _sniffed(data)
        if found is not None:
            return found
    text = _strict(data, "utf-8")
    if text is not None:
        return Decoded(text, "utf-8")
    detected, confidence = _detect(data[:SAMPLE])
    if detected and confidence >= CONFIDENT:
        for name in detected:
            text = _strict(data, name)
            if text is None:
                continue
            if single_byte(name) and _cjk_reading(data) is not None:
                break  # a code page "decodes" anything: let the readings compete
            return Decoded(text, name, (_note(f"not UTF-8; detected {name}", "info"),))
    return _plausible(data, detected, confidence)


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
    return None


@lru_cache(maxsize=256)
def single_byte(name: str) -> bool:
    """Is ``name`` a single-byte code page (or EBCDIC), where every byte is a character?

    >>> single_byte("cp1251"), single_byte("cp500"), single_byte("big5"), single_byte("utf-8")
    (True, True, False, False)
    """
    key = codecs.lookup(name).name.replace("-", "_")
    return not (key in _MULTI_BYTE or key.startswith(("utf", "iso2022")))


@lru_cache(maxsize=256)
def ebcdic(name: str) -> bool:
    """Does ``name`` read bytes as EBCDIC (0x40 a space, 0xC1 an ``A``)?"""
    return b"\x40\xc1".decode(name, errors="replace") == " A"


def _cjk_reading(data: bytes) -> str | None:
    """The first multi-byte CJK encoding that reads ``data`` strictly as plausible CJK text:
    at least two CJK characters, and a cost of at most one for every ten of them."""
    from .plausibility import cost

    for name in CJK:
        text = _strict(data, name)
        if text is None:
            continue
        head = text[:SAMPLE]
        cjk = len(_CJK_CHARS.findall(head))
        if cjk >= 2 and 10 * cost(head) <= cjk:
            return name
    return None


def _strict(data: bytes, name: str) -> str | None:
    try:
        return data.decode(name)
    except UnicodeDecodeError:
        return None


def _detect(sample: bytes) -> tuple[tuple[str, ...], float]:
    """chardet's answer as the codecs to try, and its confidence."""
    import chardet

    result = chardet.detect(sample, compat_names=False)
    name = result.get("encoding")
    if not name:
        return (), 0.0
    try:
        key = codecs.lookup(name).name
    except LookupError:
        return (), 0.0
    return _SUPERSETS.get(key, (key,)), float(result.get("confidence") or 0.0)


def _plausible(data: bytes, detected: tuple[str, ...], confidence: float) -> Decoded:
    """The strict decoding that reads most like text; a near-UTF-8 input competes too."""
    from .plausibility import cost

    sample = data[:SAMPLE]
    names = list(dict.fromkeys((*detected, *LEGACY, *_utf16(data))))
    confident = confidence >= CONFIDENT
    scored: list[tuple[int, bool, int, str, str]] = []
    for order, name in enumerate(names):
        if ebcdic(name) and not confident:
            continue
        text = _strict(data, name)
        if text is not None and not (name.startswith("utf-16") and UNLIKELY.search(text)):
            scored.append((cost(_head(sample, name)), single_byte(name), order, name, text))
    near = _lossy(data, "utf-8")
    lost = _replaced(near)
    if lost and (lost <= 3 or lost * 100 <= len(data) or _utf8_bytes(near.text) >= lost):
        scored.append((cost(near.text[:SAMPLE]), False, len(names), "", ""))
    if not scored:
        return min((near, _lossy(data, "gb18030")), key=_replaced)
    *_, name, text = min(scored)
    if not name:
        return near
    agreed = bool(detected) and name == detected[0] and confidence > 0.2
    message = f"not UTF-8; decoded as {name}" + (
        " (detected)" if agreed else f" (a guess: {name} reads most like text)"
    )
    return Decoded(text, name, (_note(message, "info" if agreed else "warning"),))


def _utf8_bytes(text: str) -> int:
    """Bytes of multi-byte UTF-8 characters that decoded: more than were lost is UTF-8."""
    kept = text.replace("\ufffd", "")
    return len(kept.encode("utf-8")) - len(kept.encode("ascii", "ignore"))


def _head(sample: bytes, name: str) -> str:
    return sample.decode(name, errors="ignore")


def _utf16(data: bytes) -> tuple[str, ...]:
    """UTF-16 without a BOM is a candidate for input of even length: little-endian first,
    unless the start looks like big-endian ASCII (a zero byte before each character)."""
    if len(data) % 2:
        return ()
    head = data[:SAMPLE]
    if head[0::2].count(0) > head[1::2].count(0):
        return ("utf-16-be", "utf-16-le")
    return ("utf-16-le", "utf-16-be")


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
