"""Stage ``whitespace``: trim paragraphs, collapse runs of spaces, drop invisible junk.

* leading and trailing whitespace goes (including the ideographic-space indent ``\\u3000\\u3000``
  that Chinese pages put before paragraphs: one paragraph per line needs no indent);
* a run of two or more spaces/tabs becomes one space; a lone tab becomes a space;
* zero-width spaces, word joiners and C0/DEL control characters are removed, and so is a soft
  hyphen but inside a word of an alphabet that hyphenates (Latin, Greek, Cyrillic: ``inter\\u00adnational``
  keeps its break point, as ftfy leaves it; between Han characters or at a word's edge it is debris);
* a zero-width (non-)joiner goes unless the characters on both sides are of scripts that join
  (Arabic, Persian, the Indic scripts, emoji sequences ``👨\\u200d👩``): next to Latin, Chinese,
  punctuation, a space or a line's edge it is paste debris (``匪\\u200c人``, ``E\\u200cRE``);
* a no-break space becomes a plain space (``&nbsp;`` between words is page layout, not meaning),
  but for the typographic ones: French spacing (``dit\\u00a0:``, ``«\\u00a0oui\\u00a0»``) and a
  digit group separator (``10\\u00a0000``).

A single ideographic space inside a line is left alone: it is a deliberate separator
(``本报记者\\u3000张三``).

Most documents need nothing, and proving it is the stage's real cost: :func:`is_tidy` does it
with a few whole-text scans at C speed (see its docstring), and only a document that fails it is
rewritten, with whole-text substitutions.

>>> from newsclean.model import Doc
>>> from newsclean.config import Config
>>> whitespace(Doc.from_text("\\u3000\\u3000第一段  内容\\u200b。\\t"), Config()).lines
('第一段 内容。',)
>>> whitespace(Doc.from_text("由\\u00a0UEFI\\u00a0启动，匪\\u200c人"), Config()).lines
('由 UEFI 启动，匪人',)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..chars import INVISIBLE, INVISIBLE_RE
from ..config import Config
from ..model import Doc

STAGE = "whitespace"
SOFT_HYPHEN = "\u00ad"

#: Characters a run of spaces is made of (a regex class body of real characters).
RUN_CHARS = " \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_RUN = f"[{RUN_CHARS}]"
#: A run of two or more, or a lone tab. Starts with one class, so ``re`` scans it fast.
_RUNS = re.compile(rf"{_RUN}(?:(?<=\t){_RUN}*|{_RUN}+)")
_INVISIBLE_OR_TAB = re.compile(f"[{INVISIBLE}\t]")
_ONE_INVISIBLE = re.compile(f"[{INVISIBLE}]")
_INVISIBLE_BUT_SOFT_HYPHEN = re.compile(f"[{INVISIBLE.replace(SOFT_HYPHEN, '')}]")
#: A run of two that is not two ASCII spaces (those are found with ``"  " in text``).
_ODD_RUN = re.compile(f"[{RUN_CHARS.replace(' ', '')}](?:(?<={_RUN}.)|(?={_RUN}))")
#: Whitespace at the start or the end of a line, but the first and the last.
_EDGE = re.compile(r"\n(?:\s|(?<=\s\n))")
_DOUBLE_SPACE = re.compile("  ")
#: Sample of a document's start that says which of two equally exact checks is faster.
_SAMPLE = 512

JOINERS = "\u200c\u200d"
#: Characters of the scripts a joiner works in: Hebrew to the Greek Extended block (Arabic,
#: Syriac, the Indic scripts ...), symbols and dingbats, Yi and the other Asian scripts outside
#: CJK and Hangul, Arabic presentation forms and variation selectors, and the supplementary
#: planes up to the CJK extensions (emoji, historic scripts); tags and their selectors.
_JOINING = (
    "\u0590-\u1fff\u2070-\u2dff\ua000-\uabff\ud7b0-\uf8ff\ufb00-\ufe0f\ufe70-\ufefe"
    "\U00010000-\U0001ffff\U000e0000-\U000e01ef"
)
#: A joiner without a joining character on both sides. Starts with a class of two: fast.
_STRAY_JOINER = re.compile(f"[{JOINERS}](?:(?<![{_JOINING}].)|(?![{_JOINING}]))")
#: A no-break space that is not French spacing or a digit group separator.
#: A no-break space beside a Latin-1 character (``í\xa0½``, ``Ã\xa0``) may be a byte of
#: mojibake the encoding stage reads whole (its probe of the line must keep it), so it stays.
_LATIN1 = "\u0080-\u009f\u00a1-\u00ff"
_LAYOUT_NBSP = re.compile(rf"\u00a0(?<![«‹{_LATIN1}]\u00a0)(?![:;!?»›%{_LATIN1}]|(?<=\d\u00a0)\d)")


def normalize_spaces(line: str) -> str:
    """Apply the stage's rules to one line.

    >>> normalize_spaces("\\t a\\u200b  b \\u3000")
    'a b'
    """
    return _tidy(drop_invisible(line)).strip()


def _hyphenates(ch: str) -> bool:
    """Is ``ch`` a letter of an alphabet whose words a soft hyphen breaks (Latin, Greek, Cyrillic)?"""
    code = ord(ch)
    return ch.isalpha() and (code < 0x250 or 0x370 <= code < 0x530 or 0x1E00 <= code < 0x2000)


def _in_word(text: str, i: int) -> bool:
    """Is the soft hyphen at ``text[i]`` a break point inside a word (letters on both sides)?"""
    return 0 < i < len(text) - 1 and _hyphenates(text[i - 1]) and _hyphenates(text[i + 1])


def drop_invisible(text: str) -> str:
    """Remove the invisible characters of ``text`` but a soft hyphen inside a word.

    >>> drop_invisible("inter\\u00adnational\\u200b 新\\u00ad闻 end\\u00ad")
    'inter\\xadnational 新闻 end'
    """
    if SOFT_HYPHEN not in text:
        return INVISIBLE_RE.sub("", text)
    return _ONE_INVISIBLE.sub(
        lambda m: m[0] if m[0] == SOFT_HYPHEN and _in_word(text, m.start()) else "", text
    )


def _has_removable_invisible(text: str) -> bool:
    """Does :func:`drop_invisible` change ``text``?"""
    if _INVISIBLE_BUT_SOFT_HYPHEN.search(text) is not None:
        return True
    i = text.find(SOFT_HYPHEN)
    while i >= 0:
        if not _in_word(text, i):
            return True
        i = text.find(SOFT_HYPHEN, i + 1)
    return False


def _tidy(text: str) -> str:
    """Joiners, no-break spaces and runs of spaces, in that order (a joiner gone can leave two
    spaces side by side), over one line or many (a line break is no joining character)."""
    if "\u200c" in text or "\u200d" in text:
        text = _STRAY_JOINER.sub("", text)
    if "\u00a0" in text:
        text = _LAYOUT_NBSP.sub(" ", text)
    return _RUNS.sub(" ", text)


def whitespace(doc: Doc, config: Config) -> Doc:
    """Trim and tidy whitespace in every paragraph; paragraphs that were only junk go."""
    if not doc.lines:
        return doc
    text = doc.body
    if is_tidy(doc.lines, text) or not _needs_work(text):
        return doc
    if text.count("\n") != len(doc.lines) - 1:  # a line holds a newline (a Doc built by hand)
        return doc.edited([normalize_spaces(line) for line in doc.lines], STAGE, "spaces")
    if _INVISIBLE_OR_TAB.search(text):
        text = drop_invisible(text)
    text = _tidy(text)
    return doc.edited([line.strip() for line in text.split("\n")], STAGE, "spaces")


def _needs_work(text: str) -> bool:
    """The exact test: does :func:`normalize_spaces` change any line of ``text``?"""
    return (
        _edges_or_double(text)
        or "\t" in text
        or _has_removable_invisible(text)
        or _ODD_RUN.search(text) is not None
        or (("\u200c" in text or "\u200d" in text) and _STRAY_JOINER.search(text) is not None)
        or ("\u00a0" in text and _LAYOUT_NBSP.search(text) is not None)
    )


def _edges_or_double(text: str) -> bool:
    """Whitespace at the edge of a line, or two ASCII spaces in a row?"""
    return (
        text[:1].isspace()
        or text[-1:].isspace()
        or _DOUBLE_SPACE.search(text) is not None
        or _EDGE.search(text) is not None
    )


def is_tidy(lines: Sequence[str], text: str) -> bool:
    """A fast sufficient test that no line needs the stage (``text`` is the lines joined).

    Character-class scans cost ~3 ns a character in ``re``; finding a literal costs far less.
    So two ASCII spaces and whitespace at line edges are found as literals. Every other
    character that can need work (controls, invisibles, tabs, spaces other than ASCII) is
    unprintable: on Chinese text ``str.isprintable`` finds them in one pass; on Latin text,
    where that pass is slow, the bytes are searched (Latin-1 ones if the text fits, or else
    UTF-8, see :func:`_no_suspect_bytes`).

    >>> is_tidy(["第一段。", "Hello world."], "第一段。\\nHello world.")
    True
    >>> is_tidy(["a\\u3000\\u3000b"], "a\\u3000\\u3000b"), is_tidy(["a ", "b"], "a \\nb")
    (False, False)
    """
    if _edges_or_double(text):
        return False
    sample = text[:_SAMPLE]
    if 2 * len(sample.encode("latin-1", "ignore")) < len(sample):
        return all(map(str.isprintable, lines))
    try:
        latin1 = text.encode("latin-1")  # a copy, when every character fits in a byte
    except UnicodeEncodeError:
        return _no_suspect_bytes(text.encode("utf-8", "surrogatepass"))
    return not latin1.translate(None, _suspects().latin1_delete)


def _no_suspect_bytes(data: bytes) -> bool:
    """Does UTF-8 ``data`` hold none of the characters that can need work (but the space)?

    ``bytes.translate`` keeps the bytes that can begin one (a control, or a lead byte like
    ``\\xe2``) in one fast pass; only the lead bytes found are then searched for, as literals.

    >>> _no_suspect_bytes("“Quoted” — fine".encode()), _no_suspect_bytes("a\\u2009\\u2009b".encode())
    (True, False)
    """
    table = _suspects()
    leads = data.translate(None, table.delete)
    if not leads:
        return True
    if leads.translate(None, table.multibyte_leads):  # a single-byte one: control, tab, DEL
        return False
    return not any(lead in leads and found(data) for lead, found in table.multibyte)


class _Suspects:
    """The characters that can need work, besides the ASCII space, as UTF-8: the bytes that
    begin them, and for each lead byte of a multi-byte one a search for the whole sequences."""

    __slots__ = ("chars", "delete", "latin1_delete", "multibyte", "multibyte_leads")

    def __init__(self, chars: str) -> None:
        self.chars = chars
        rests: dict[bytes, list[bytes]] = {}
        for ch in chars:
            code = ch.encode("utf-8")
            rests.setdefault(code[:1], []).append(code[1:])
        starts = {lead[0] for lead in rests}
        self.delete = bytes(b for b in range(0x100) if b not in starts)
        self.latin1_delete = bytes(b for b in range(0x100) if chr(b) not in chars)
        self.multibyte = tuple(
            (
                lead,
                re.compile(
                    re.escape(lead) + b"(?:" + b"|".join(map(re.escape, rest)) + b")"
                ).search,
            )
            for lead, rest in sorted(rests.items())
            if lead[0] >= 0x80
        )
        self.multibyte_leads = b"".join(lead for lead, _ in self.multibyte)


@lru_cache(maxsize=1)
def _suspects() -> _Suspects:
    return _Suspects(_expand(INVISIBLE + JOINERS + RUN_CHARS).replace(" ", ""))


def _expand(body: str) -> str:
    """The characters of a regex class body of real characters and ``a-b`` ranges.

    >>> _expand("a-dx")
    'abcdx'
    """
    out: list[str] = []
    i = 0
    while i < len(body):
        if i + 2 < len(body) and body[i + 1] == "-":
            out.extend(map(chr, range(ord(body[i]), ord(body[i + 2]) + 1)))
            i += 3
        else:
            out.append(body[i])
            i += 1
    return "".join(dict.fromkeys(out))
