"""A cleaned text file's bytes: in the input's own line endings and encoding, or in UTF-8 + LF.

The pipeline works on text with ``\\n`` line breaks. Rewriting a user's file in place (``-i``)
keeps what the user did not ask to change, as black does: the line ending of the file's first
line (``\\r\\n``, ``\\r`` or ``\\n``) and the encoding it was read in (a byte-order mark too).
``--line-endings lf`` and ``--to-utf8`` ask for LF and UTF-8; outputs written elsewhere (``-o``,
stdout) are UTF-8 + LF unless asked otherwise. If the cleaned text cannot be written in the
input's encoding (mojibake repaired into characters a code page lacks), it is written as UTF-8
and the reason is given.

>>> data = "第一行\\r\\n第二行\\r\\n".encode("gbk")
>>> out, note = render("第一行\\n第二行\\n", data, "gb18030", Fidelity(True, True))
>>> out == data, note
(True, None)
>>> render("第一行\\n第二行\\n", data, "gb18030", Fidelity(False, False))[1]
'only its encoding (gb18030 -> utf-8) and line endings (CRLF -> LF)'
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

_BOMS = {
    "utf-8": codecs.BOM_UTF8,
    "utf-16-le": codecs.BOM_UTF16_LE,
    "utf-16-be": codecs.BOM_UTF16_BE,
    "utf-32-le": codecs.BOM_UTF32_LE,
    "utf-32-be": codecs.BOM_UTF32_BE,
}
_NAMES = {"\r\n": "CRLF", "\r": "CR", "\n": "LF"}


@dataclass(frozen=True, slots=True)
class Fidelity:
    """What an output keeps of its input: line endings, encoding (with its byte-order mark)."""

    line_endings: bool = False
    encoding: bool = False


#: The outputs of -o and stdout: UTF-8, LF.
UTF8_LF = Fidelity()


def line_ending(data: bytes, encoding: str = "utf-8") -> str:
    """The ending of the first line (``\\n`` if there is no line break).

    >>> line_ending(b"a\\r\\nb\\n"), line_ending(b"a\\rb"), line_ending(b"a")
    ('\\r\\n', '\\r', '\\n')
    """
    if encoding.startswith(("utf-16", "utf-32")):
        text = data[:4096].decode(encoding.split(" ", maxsplit=1)[0], "ignore")
    else:
        text = data[:4096].decode("latin-1")  # the ASCII bytes are what matter here
    lf, cr = text.find("\n"), text.find("\r")
    if cr < 0 and lf < 0:
        return "\n"
    if cr < 0 or (0 <= lf < cr):
        return "\n"
    return "\r\n" if text[cr + 1 : cr + 2] == "\n" else "\r"


def in_line_endings(text: str, data: bytes, encoding: str | None, keep: Fidelity) -> str:
    """``text`` with the line endings its output is written with."""
    ending = line_ending(data, encoding or "utf-8")
    return text.replace("\n", ending) if keep.line_endings and ending != "\n" else text


def render(
    text: str, data: bytes, encoding: str | None, keep: Fidelity
) -> tuple[bytes, str | None]:
    """The output bytes of ``text`` (cleaned from ``data``, read as ``encoding``), and, when
    only the encoding or the line endings make them differ from ``data``, a note saying so."""
    was = encoding or "utf-8"
    name, bom = was.split(" ")[0], was.endswith("(BOM)")
    out_text = in_line_endings(text, data, encoding, keep)
    now = "utf-8"
    if keep.encoding and was != "utf-8":
        try:
            out = (_BOMS.get(name, b"") if bom else b"") + out_text.encode(name)
            now = was
        except UnicodeEncodeError:
            out = out_text.encode("utf-8", "replace")
            return out, f"written as utf-8: the cleaned text has characters {name} cannot encode"
    else:
        out = out_text.encode("utf-8", "replace")
    if out == data:
        return out, None
    return out, _note(text, data, was, now, out_text)


def _note(text: str, data: bytes, was: str, now: str, out_text: str) -> str | None:
    """Why the bytes differ when the words do not: the encoding, the line endings, or both."""
    from ..decode import decode_bytes

    before = decode_bytes(data, was.split(" ", maxsplit=1)[0]).text
    if _lf(before) != text:
        return None  # the text itself changes: the diff says how
    parts = []
    if now != was:
        parts.append(f"encoding ({_label(was)} -> {_label(now)})")
    if before != out_text:
        kinds = {_NAMES[e] for e in ("\r\n", "\r", "\n") if e in before.replace("\r\n", "")}
        if "\r\n" in before:
            kinds.add("CRLF")
        old = kinds.pop() if len(kinds) == 1 else "mixed"
        parts.append(f"line endings ({old} -> {_NAMES[line_ending(out_text.encode())]})")
    return "only its " + " and ".join(parts) if parts else None


def _lf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _label(encoding: str) -> str:
    return encoding.replace(" (BOM)", " with BOM")
