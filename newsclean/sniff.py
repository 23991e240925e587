"""Encodings that byte patterns decide before any detector is asked.

Both kinds below are also valid UTF-8 (NUL and ESC are ASCII), so they must be recognised
before strict UTF-8 is tried; both checks start with a literal byte search that runs at
memchr speed, so clean UTF-8 without NUL and ESC bytes pays nothing.

* **UTF-16 and UTF-32 without a byte-order mark**: text holds no NUL characters, but these
  forms of ASCII and Latin-1 text are full of NUL bytes, at the high byte of each code unit
  (``H\\x00e\\x00`` is UTF-16LE). A reading is taken when it decodes strictly, holds nothing
  that text never holds (NUL and other controls, private use, noncharacters) and reads
  better (:func:`newsclean.codepages.reading_cost`) than the UTF-8 reading with its NULs;
  either byte order may win (``一`` is U+4E00: its NUL is on the other side).
* **ISO-2022** (JP, KR, CN): 7-bit text whose escape sequences designate a double-byte set
  (``ESC $ B`` JIS X 0208, ``ESC $ ) C`` KS X 1001, ``ESC $ ) A`` GB 2312). Terminal colours
  (``ESC [``) and ``ESC ( B`` alone designate none, so such text stays UTF-8. Python has no
  ISO-2022-CN codec: its GB 2312 part is decoded here; CNS 11643 (``ESC $ ) G``, ``ESC $ * H``)
  has no codec at all and such input is left to the detector.
* **HZ** (RFC 1843, Chinese Usenet posts and mail): 7-bit ASCII in which ``~{`` shifts into
  GB 2312 (two printable bytes a character) and ``~}`` back out. Taken where it decodes
  strictly and every shifted run is Chinese text (Han characters and CJK punctuation) that
  reads as Chinese (:func:`newsclean.codepages.plausible_cjk`): a ``~{`` in code (``echo
  ~{a,b}``) or a path is no HZ.

>>> wide("Hello 世界".encode("utf-16-le"))
('Hello 世界', 'utf-16-le')
>>> iso2022("中文".encode("iso2022_jp"))
('中文', 'iso2022_jp')
>>> hz("中文 HZ, 中文".encode("hz")), hz(b"echo ~{a,b}")
(('中文 HZ, 中文', 'hz'), None)
"""

from __future__ import annotations

import re

#: What a reading as UTF-16/32 of bytes that are not UTF-16/32 is full of, and real text never
#: has: C0 controls but tab and line breaks, C1 controls, private use, noncharacters.
UNLIKELY = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ufdd0-\ufdef\ufff0-\uffff]")
#: Bytes of the head that the UTF-16/32 checks look at.
HEAD = 64 * 1024

_DOUBLE_BYTE = re.compile(rb"\x1b\$[@AB]|\x1b\$[()*+][@-Z]")
_KR = b"\x1b$)C"
_CN = re.compile(rb"\x1b\$\)[AG]|\x1b\$[*+][H-M]|\x1b[NO]")
_CNS = re.compile(rb"\x1b\$\)G|\x1b\$[*+][H-M]|\x1b[NO]")
_JP = ("iso2022_jp", "iso2022_jp_2", "iso2022_jp_ext", "iso2022_jp_2004", "iso2022_jp_3")


def wide(data: bytes) -> tuple[str, str] | None:
    """``(text, codec)`` if ``data`` is UTF-16 or UTF-32 without a BOM, else ``None``.

    An odd trailing byte (a file cut inside its last code unit) is left out of the text.
    """
    from .codepages import reading_cost

    head = data[:HEAD]
    if b"\x00" not in head:
        return None
    names = ["utf-32-le", "utf-32-be"] if len(data) % 4 == 0 else []
    # Little-endian first where more NULs are high bytes of it (equal costs: this order).
    if head[1::2].count(0) >= head[0::2].count(0):
        names += ["utf-16-le", "utf-16-be"]
    else:
        names += ["utf-16-be", "utf-16-le"]
    best: tuple[int, str, str] | None = None
    for name in names:
        unit = 4 if name.startswith("utf-32") else 2
        text = _strict(data[: len(data) - len(data) % unit], name)
        if text is None or len(text) < 2 or UNLIKELY.search(text):
            continue  # one character is no pattern
        score = reading_cost(text[: HEAD // unit])
        if best is None or score < best[0]:
            best = (score, name, text)
    if best is None:
        return None
    # Over the UTF-8 reading, with its NULs, the wide one must read better.
    if reading_cost(head.decode("utf-8", errors="replace")) <= best[0]:
        return None
    return best[2], best[1]


def iso2022(data: bytes) -> tuple[str, str] | None:
    """``(text, codec)`` if ``data`` is ISO-2022-JP, -KR or -CN (GB 2312), else ``None``."""
    if b"\x1b$" not in data or not data.isascii() or not _DOUBLE_BYTE.search(data):
        return None
    if _KR in data:
        names: tuple[str, ...] = ("iso2022_kr",)
    elif _CN.search(data):
        return _iso2022_cn(data)
    else:
        names = _JP
    for name in names:
        text = _strict(data, name)
        if text is not None:
            return text, name
    return None


_SHIFTED = re.compile(rb"\x0e([^\x0f\n]*)(?:\x0f|(?=\n)|$)")
_TO_GR = bytes(b | 0x80 if 0x21 <= b <= 0x7E else b for b in range(256))


def _iso2022_cn(data: bytes) -> tuple[str, str] | None:
    """ISO-2022-CN with GB 2312 in G1 (RFC 1922): shifted-out runs are GB 2312 in 7 bits.

    >>> _iso2022_cn(b"\\x1b$)A\\x0e\\x56\\x50\\x4e\\x44\\x0f abc")
    ('中文 abc', 'iso-2022-cn')
    """
    if _CNS.search(data):
        return None  # CNS 11643: no codec
    body = data.replace(b"\x1b$)A", b"")
    if b"\x1b" in body:
        return None
    pieces: list[str] = []
    last = 0
    for match in _SHIFTED.finditer(body):
        pieces.append(body[last : match.start()].decode("ascii"))
        run = match.group(1).translate(_TO_GR)
        text = _strict(run, "gb2312")
        if text is None:
            return None
        pieces.append(text)
        last = match.end()
    rest = body[last:]
    if b"\x0e" in rest or b"\x0f" in rest:
        return None
    pieces.append(rest.decode("ascii"))
    return "".join(pieces), "iso-2022-cn"


#: A run shifted into GB 2312: pairs of printable bytes up to ``~}`` (or the line's end,
#: which the decoder accepts too).
_HZ_RUN = re.compile(rb"~\{([\x21-\x7d\x7e]*?)(?:~\}|(?=\n)|$)")
_NOT_CHINESE = re.compile("[^\u4e00-\u9fff\u3000-\u303f\uff01-\uff5e\u2010-\u2027\u00b7\u2236]")


def hz(data: bytes) -> tuple[str, str] | None:
    """``(text, "hz")`` if ``data`` is HZ-encoded Chinese (see the module's docstring)."""
    if b"~{" not in data or not data.isascii():
        return None
    text = _strict(data, "hz")
    if text is None:
        return None
    from .codepages import plausible_cjk

    shifted = []
    for run in _HZ_RUN.findall(data):
        chars = _strict(b"~{" + run + b"~}", "hz")
        if not chars or _NOT_CHINESE.search(chars):
            return None
        shifted.append(chars)
    return (text, "hz") if plausible_cjk("".join(shifted)) else None


def _strict(data: bytes, name: str) -> str | None:
    try:
        return data.decode(name)
    except UnicodeDecodeError:
        return None
