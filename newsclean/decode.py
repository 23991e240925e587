"""Bytes to text: never crash, never guess silently.

In order:

1. a byte-order mark (UTF-32, UTF-8, UTF-16) decides;
2. strict UTF-8 (most of the web, and all of ASCII);
3. chardet on at most the first 64 KB, its answer mapped to the superset a browser would use
   (GB2312/GBK → GB18030, Shift_JIS → cp932, EUC-KR → cp949) — taken when it is confident
   and the whole input decodes strictly with it;
4. otherwise the most plausible strict decoding (lowest :func:`newsclean.stages.encoding.plausibility.cost`
   of the first 64 KB) among chardet's answer, the legacy encodings news sites serve and
   UTF-16 without a BOM, with a warning saying it was a guess;
5. last resort, nothing decodes cleanly: the decoding that replaces the fewest bytes (UTF-8 or
   GB18030), with an error that counts them. UTF-8 with a few bad bytes (a file cut inside a
   character, a stray byte) competes in step 4 already, and wins over a strict decoding that
   reads worse.

``encoding=`` forces one (bad bytes then become U+FFFD, reported). The result names the
encoding used.

>>> decode("国务院总理主持召开会议".encode("gb18030"))
'国务院总理主持召开会议'
>>> decode("行政院今日召開記者會".encode("big5"))
'行政院今日召開記者會'
"""

from __future__ import annotations

import codecs
import re
import threading
from dataclasses import dataclass

from .model import Diagnostic, Severity

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: Legacy encodings tried when the detector is unsure, most common on news sites first.
LEGACY = ("gb18030", "big5", "cp950", "cp932", "euc_jp", "cp949", "cp1252")
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
    "iso8859-1": ("cp1252", "latin-1"),
    "latin-1": ("cp1252", "latin-1"),
    "cp1252": ("cp1252", "latin-1"),
}
SAMPLE = 64 * 1024
# What UTF-16 read from bytes that are not UTF-16 is full of, and real text never has.
_UNLIKELY = re.compile("[\x00-\x08\x0e-\x1f\x80-\x9f\ue000-\uf8ff\ufff0-\uffff]")
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
    text = _strict(data, "utf-8")
    if text is not None:
        return Decoded(text, "utf-8")
    detected, confidence = _detect(data[:SAMPLE])
    if detected and confidence >= CONFIDENT:
        for name in detected:
            text = _strict(data, name)
            if text is not None:
                return Decoded(text, name, (_note(f"not UTF-8; detected {name}", "info"),))
    return _plausible(data, detected, confidence)


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
    from .stages.encoding.plausibility import cost

    sample = data[:SAMPLE]
    names = list(dict.fromkeys((*detected, *LEGACY, *_utf16(data))))
    scored: list[tuple[int, int, str, str]] = []
    for order, name in enumerate(names):
        text = _strict(data, name)
        if text is not None and not (name.startswith("utf-16") and _UNLIKELY.search(text)):
            scored.append((cost(_head(sample, name)), order, name, text))
    near = _lossy(data, "utf-8")
    lost = _replaced(near)
    if lost and (lost <= 3 or lost * 100 <= len(data) or _utf8_bytes(near.text) >= lost):
        scored.append((cost(near.text[:SAMPLE]), len(names), "", ""))
    if not scored:
        return min((near, _lossy(data, "gb18030")), key=_replaced)
    _, _, name, text = min(scored)
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
