"""Stage ``markdown``: markdown markup out of the text, the words kept.

Scrapers that turn pages into markdown (html2text) leave links, images, emphasis, heading marks
and tables in what should be plain text. This stage, after ``boilerplate`` (which reads the
markup as evidence), gives the plain text a reader sees:

* a link keeps its text (``[新华社](http://…)`` → ``新华社``); an image or an empty link goes;
* emphasis (``**bold**``, ``*it*``, ``__Bold__``, ``_it_``) and heading marks (``## Title``) go;
* html2text wraps long links inside their markup: a line that ends in a link's open text or
  target and the input line after it that goes on with the rest are joined again (the second
  one ``markdown/joined``); a ``**`` a line break splits goes on both lines;
* html2text's escapes (``\\+``, ``\\-``, ``\\*``) lose their backslash;
* a markdown table (rows around a ``---|---`` rule) becomes its cells' text, the rule goes;
* a line left with no text (``![](a.jpg)``, ``* * *``, ``* [ ![](t.jpg) ](…)``) goes;
* a paragraph html2text (or a mail, an RFC) wrapped at a fixed width is joined again into one
  line (``markdown/unwrapped``; see :mod:`.hardwrap`), in a document without markup too.

List markers stay (they say a line is an item). With ``Config.keep_markdown``
(``--keep-markdown``; ``newsclean fix``'s default when every input is a ``*.md`` file) the stage
changes nothing: the output stays markdown (see :mod:`newsclean.layout` for its code blocks,
blank lines and indentation). ``--skip markdown`` keeps the markup of a plain-text output.

>>> from newsclean.model import Doc
>>> from newsclean.config import Config
>>> markdown(Doc.from_text("## 标题\\n据[新华社](http://x.cn)报道，**今天**开幕。\\n![](a.jpg)"), Config()).lines
('标题', '据新华社报道，今天开幕。')
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..chars import CJK, CJK_PUNCT
from ..config import Config
from ..model import Change, Doc
from .boilerplate.lines import is_debris
from .boilerplate.markdown import (
    ESCAPE,
    IMAGE_NESTED,
    LINK,
    LINK_NESTED,
    LINK_TAIL,
    STRONG,
    TARGET,
    is_table_rule,
)
from .boilerplate.page import data_tables
from .hardwrap import blank_lines, wrap_breaks
from .hardwrap import joined as wrap_joined
from .whitespace import normalize_spaces

STAGE = "markdown"

_IMAGE = re.compile(r"!\[[^\[\]\n]*\]" + TARGET)
_IMAGE_AT_END = re.compile(r"!\[[^\[\]\n]*\]" + TARGET + "$")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$")
#: A link or an image cut off in its target by the line's end: ``[text](http://a.cn/long``.
_CUT_TARGET = r"\((?:[^()\s\\]|\\.)+(?:\s+\"[^\"\n]*)?$"
_LINK_CUT = re.compile(r"\[([^\[\]\n]*)\]" + _CUT_TARGET)
_IMAGE_CUT = re.compile(r"!\[[^\[\]\n]*\]" + _CUT_TARGET)

#: ``*it*``; not a file pattern's star (``*.desktop``), and no phrase that would end on an
#: opening quote or bracket (``the *.txt files, “*.md”``: two patterns, no emphasis).
_EM = re.compile(
    r"(?<![A-Za-z0-9_*\\])\*(?=[^\s*])(?!\.\w)([^*\n]+?)(?<=[^\s*])(?<![“‘(\[«「『（《])\*"
    r"(?![A-Za-z0-9_*])"
)
#: html2text's emphasis with underscores (``_Lucas Nolan is a reporter_``), not snake_case.
_EM_UNDERSCORE = re.compile(r"(?<![A-Za-z0-9_\\])_(?=[^\s_])([^_\n]+?)(?<=[^\s_])_(?![A-Za-z0-9_])")
_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$")
_CELL = re.compile(r"\s*\|\s*")
_MARKS = ("](", "*", "_", "#", "\\", "|", "---")


_CJK_SIDE = re.compile(f"[{CJK}{CJK_PUNCT}]")


def _gap(m: re.Match[str]) -> str:
    """What an image leaves: a space between two other characters unless one side is CJK
    (where words are not spaced). Joining the two sides could make a new character sequence
    (mojibake, a word) that cleaning the output again would treat differently.

    >>> flatten_line("a![](x.png)b"), flatten_line("文![](x.png)字")
    ('a b', '文字')

    Images side by side go as one: the sides are what stands beyond all of them.

    >>> flatten_line("上一篇![]()![]()("), flatten_line("a![](x)![](y)b")
    ('上一篇(', 'a b')
    """
    s = m.string
    left, right = s[: m.start()], s[m.end() :]
    if _IMAGE_AT_END.search(left) is not None:
        return ""  # the first image of the run leaves the gap, if any
    while (after := _IMAGE.match(right)) is not None:
        right = right[after.end() :]
    if not left or not right or left[-1].isspace() or right[0].isspace():
        return ""
    return "" if _CJK_SIDE.match(left[-1]) or _CJK_SIDE.match(right[0]) else " "


def _link_text(m: re.Match[str]) -> str:
    """What a link leaves: its text, trimmed, but for a space at an end that a word outside
    it touches (``$9 ](url)Zack`` → ``$9 Zack``).

    >>> flatten_line("[ Politics ](/p)"), flatten_line("at $9 [for two ](/a)tickets")
    ('Politics', 'at $9 for two tickets')
    >>> flatten_line("据[ 新华社 ](/x)报道")
    '据新华社报道'

    """
    text, s = m.group(1), m.string
    core = text.strip()
    if not core:
        return ""
    if text[0].isspace() and m.start() > 0 and _spaced(s[m.start() - 1], core[0]):
        core = " " + core
    if text[-1].isspace() and m.end() < len(s) and _spaced(core[-1], s[m.end()]):
        core += " "
    return core


def _spaced(left: str, right: str) -> bool:
    """Do two characters side by side want a space between them (neither is a space or CJK)?"""
    return not (
        left.isspace() or right.isspace() or _CJK_SIDE.match(left) or _CJK_SIDE.match(right)
    )


def _unlinked(text: str) -> str:
    """``text`` with its links replaced by their text and its images gone."""
    for _ in range(3):  # a link around an image: the image first, then the link
        before = text
        text = LINK.sub(_link_text, _IMAGE.sub(_gap, text))
        if text == before:
            break
    if "](" in text and "[" in text:  # brackets inside a link's text: ``[Clip [VIDEO]](url)``
        for _ in range(2):
            before = text
            text = LINK_NESTED.sub(_link_text, IMAGE_NESTED.sub(_gap, text))
            if text == before:
                break
    if "](" in text:  # a link the line ends in the middle of (its target wrapped away)
        text = _LINK_CUT.sub(lambda m: m.group(1).strip(), _IMAGE_CUT.sub("", text))
    if "](" in text:  # the end of a link that began on a line above
        text = LINK_TAIL.sub(lambda m: m.group(1).rstrip(), text)
    return text


#: What underscores inside do not make emphasis of: web addresses and inline code.
_VERBATIM = re.compile(r"`[^`\n]*`|(?:https?://|www\.)\S+")


def _outside_code(text: str, edit: Callable[[str], str]) -> str:
    """``text`` with ``edit`` applied to the parts that are neither a web address nor inline
    code (``https://a.com/_p_/``, `` `_init_` `` keep their underscores).

    >>> _outside_code("_a_ https://x.com/_p_/ `_c_` _d_", lambda t: t.replace("_", ""))
    'a https://x.com/_p_/ `_c_` d'
    """
    if "`" not in text and "://" not in text and "www." not in text:
        return edit(text)
    out: list[str] = []
    last = 0
    for m in _VERBATIM.finditer(text):
        out += (edit(text[last : m.start()]), m.group())
        last = m.end()
    out.append(edit(text[last:]))
    return "".join(out)


def flatten_line(line: str) -> str:
    """One line without its inline markup (tables are done by :func:`markdown`).

    >>> flatten_line("[ ![](t.jpg) ](http://a.cn/1)"), flatten_line("* [Politics](/p)")
    ('', '* Politics')
    >>> flatten_line("the [strangest](javascript:void\\\\(0\\\\);")
    'the strangest'

    >>> flatten_line("snake_case and 2 * 3 * 4 stay"), flatten_line("_Gail is a writer_ in my_var_")
    ('snake_case and 2 * 3 * 4 stay', 'Gail is a writer in my_var_')

    What one reading leaves is read again until nothing changes, so that flattening the output
    again changes nothing. An escaped ``_``, ``*`` or ``#`` is the character itself, never
    markup: it loses its backslash unless the line would then read as markup on the next
    cleaning, where it keeps it (a plain dump's shrug ``¯\\_(ツ)_/¯`` stays whole, and so
    does ``\\_a_``):

    >>> flatten_line("¯\\\\_(ツ)_/¯ and 5 \\\\* 3"), flatten_line("\\\\_a_ b"), flatten_line("\\\\*\\\\* x")
    ('¯\\\\_(ツ)_/¯ and 5 * 3', '\\\\_a_ b', '** x')
    """
    if "\\" in line and not _LITERALS.intersection(line):
        literal = _ESCAPED_MARK.sub(lambda m: _LITERAL[m.group(1)], line)
        if literal != line:
            return _unescaped(_settled(literal))
    return _settled(line)


def _unescaped(flat: str) -> str:
    """``flat`` (a line read with its escaped marks standing as :data:`_LITERAL`) with each
    escaped mark bare where the line still reads the same, the others escaped again. A mark
    is tried again once another went bare (what follows it can make it markup, or stop
    making it so), until none goes: so that the next cleaning, which tries the escaped ones
    in the line as it is left, finds nothing more. Past :data:`_ONE_BY_ONE` marks, all of
    them together (each try reads the whole line)."""
    parts = re.split(f"([{''.join(_LITERALS)}])", flat)
    if len(parts) > 2 * _ONE_BY_ONE:
        bare = flat.translate(_BARE)
        return bare if _settled(bare) == bare else flat.translate(_ESCAPED)
    literal = set(range(1, len(parts), 2))
    went = True
    while went:
        went = False
        for k in sorted(literal):
            mark, parts[k] = parts[k], parts[k].translate(_BARE)
            tried = "".join(parts)
            if _settled(tried) == tried:
                literal.discard(k)
                went = True
            else:
                parts[k] = mark
    return "".join(parts).translate(_ESCAPED)


#: Escapes of the characters that make emphasis and headings (see :func:`flatten_line`), and
#: the noncharacters that stand for the escaped ones while the markup is read.
_ESCAPED_MARK = re.compile(r"(?<!\\)\\([_*#])")
_LITERAL = {"_": "\ufdd0", "*": "\ufdd1", "#": "\ufdd6"}
_LITERALS = frozenset(_LITERAL.values())
#: Escaped marks decided one by one in a line, at most.
_ONE_BY_ONE = 16
_BARE = str.maketrans({v: k for k, v in _LITERAL.items()})
_ESCAPED = str.maketrans({v: "\\" + k for k, v in _LITERAL.items()})


def _settled(line: str) -> str:
    """:func:`_flatten_once` until nothing changes (at most four readings)."""
    text = line
    for _ in range(4):
        flat = _flatten_once(text)
        if flat == text:
            break
        text = flat
    return text


def _flatten_once(line: str) -> str:
    """One reading of ``line``'s inline markup (see :func:`flatten_line`)."""
    text = _unlinked(line) if "](" in line else line
    for _ in range(3):  # "#### [#](permalink) re: …": the link's "#" is a heading mark again
        heading = _HEADING.match(text) if "#" in text else None
        if not heading:
            break
        text = heading.group(1)
    if text.lstrip().startswith("** "):
        text = _LEAD_STRONG.sub(r"\1\2", text)
    for _ in range(3):  # "****a **": what one pass leaves may pair up again
        if "**" not in text and "__" not in text:
            break
        before = text
        text = STRONG.sub(r"\2", text)
        if text == before:
            break
    for _ in range(3):  # "_*a*_": one kind of emphasis inside the other
        before = text
        if "*" in text:
            text = _EM.sub(r"\1", text)
        if "_" in text:
            text = _outside_code(text, lambda part: _EM_UNDERSCORE.sub(r"\1", part))
        if text == before:
            break
    if "\\" in text:
        text = ESCAPE.sub(r"\1", text)
    if _RULE.match(text):
        return ""
    return normalize_spaces(text) if text != line else line


#: html2text wraps a long link inside its markup: a line ends in a link's open text or target
#: (``## [![To the story``, ``[strangest](javascript:void\\(0\\);``) and the next input line
#: goes on with the rest of it (``](hmhome.gif )](http://…``, ``) I ever saw``).
_OPEN_TEXT = re.compile(r"\[[^\[\]\n]*$")
_OPEN_TARGET = re.compile(r"\]\((?:[^()\\\n]|\\.)*$")
_GOES_ON_TEXT = re.compile(r"^\s*\]\(")
_GOES_ON_TARGET = re.compile(r"^\s*(?:[^()\s\\]|\\.)*\)")
#: Emphasis that a line break splits: html2text wraps a paragraph at 78 characters inside a
#: ``**strong**`` or ``_em_`` phrase (``**What is your favourite … that you`` then ``stay
#: hydrated?**``), and closes strong text on the next line (``**Isolation  `` then ``** Tasks``).
_STRONG_MARK = re.compile(r"(?<!\*)\*\*(?!\*)")
_EM_MARK = re.compile(r"(?<![_\w\\])_(?!_)|(?<!_)_(?![_\w])")
#: A lone ``*`` that may open (``*Sharks``) or close (``circling*``) emphasis: not a list's
#: bullet (a space after it at a line's start), not arithmetic (spaces on both sides).
_STAR_MARK = re.compile(r"(?<![*\w\\])\*(?![*\s])|(?<=[^*\s])\*(?![*\w])")
#: ...and the shapes it must have to pair across a line break: an opener before a letter
#: (not a glob's ``'*:rw'`` nor an address mask's ``79.*]``), a closer after a word or a
#: sentence's end.
_STAR_OPENS = re.compile(r"\*(?=[^\W\d_])")
_STAR_CLOSES = re.compile(r"(?<=[\w.!?])\*")
_SPLIT_MARKS = ((_STRONG_MARK, 2, "*"), (_EM_MARK, 1, "_"), (_STAR_MARK, 1, "*"))
#: How far (in input lines) a split phrase may go on.
_WRAPPED_LINES = 6
_LEAD_STRONG = re.compile(r"^(\s*)\*\*\s+(\S[^*\n]*?(?<=\S))\*\*(?!\*)")


def _continues(line: str, lineno: int, nxt: str, next_lineno: int) -> bool:
    """Does input line ``next_lineno`` go on with a link that ``line`` leaves open?"""
    if next_lineno != lineno + 1 or "[" not in line:
        return False
    if _GOES_ON_TEXT.match(nxt):
        return _OPEN_TEXT.search(line) is not None
    return _OPEN_TARGET.search(line) is not None and _GOES_ON_TARGET.match(nxt) is not None


def _marks(pattern: re.Pattern[str], line: str, width: int) -> list[int]:
    """Where ``line``'s emphasis marks stand, but those inside a word (``s**g``: a word
    censored, not emphasis) and underscores in a web address or inline code."""
    verbatim = [m.span() for m in _VERBATIM.finditer(line)] if width == 1 else []
    return [
        m.start()
        for m in pattern.finditer(line)
        if not (_word_at(line, m.start() - 1) and _word_at(line, m.start() + width))
        and not any(a <= m.start() < b for a, b in verbatim)
    ]


def _word_at(line: str, i: int) -> bool:
    return 0 <= i < len(line) and line[i].isalnum()


def _unpaired_open(pattern: re.Pattern[str], line: str, width: int) -> int | None:
    """Where ``line``'s last emphasis mark opens a phrase it does not close, if it does: before
    a character that is no space, after one that is no letter."""
    marks = _marks(pattern, line, width)
    if len(marks) % 2 == 0:
        return None
    at = marks[-1]
    after = line[at + width : at + width + 1]
    if not after or after.isspace() or _word_at(line, at - 1):
        return None
    return at


def _unpaired_close(pattern: re.Pattern[str], line: str, width: int) -> int | None:
    """Where ``line``'s first emphasis mark closes a phrase an earlier line opened, if it does:
    after a character that is no space and before one that is no letter (``hydrated?**``), or
    at the line's start before a space (``** Tasks``) or as the line's only mark (``**Flos``)."""
    marks = _marks(pattern, line, width)
    if not marks:
        return None
    at = marks[0]
    if at > 0 and not line[at - 1].isspace():
        # a closer by its shape, whatever follows (``Beyond_ was … _Star``: it also opens
        # a phrase the next line closes)
        return None if _word_at(line, at + width) else at
    if len(marks) % 2 == 0:
        return None
    if line[:at].strip():
        return None
    after = line[at + width : at + width + 1]
    return at if not after or after.isspace() or len(marks) == 1 else None


def _unwrap_emphasis(lines: list[str], k: int) -> bool:
    """Take away, in place, the marks of an emphasis phrase that opens on line ``k`` and
    closes on one of the next few lines (none of those between holds such a mark); say
    whether it did."""
    for pattern, width, char in _SPLIT_MARKS:
        if char not in lines[k]:
            continue
        opened = _unpaired_open(pattern, lines[k], width)
        if opened is None or (pattern is _STAR_MARK and not _STAR_OPENS.match(lines[k], opened)):
            continue
        for j in range(k + 1, min(len(lines), k + 1 + _WRAPPED_LINES)):
            if not _marks(pattern, lines[j], width):
                continue
            closed = _unpaired_close(pattern, lines[j], width)
            if pattern is _STAR_MARK and closed is not None:
                closed = closed if _STAR_CLOSES.match(lines[j], closed) else None
            if closed is not None:
                lines[k] = lines[k][:opened] + lines[k][opened + width :]
                lines[j] = lines[j][:closed] + lines[j][closed + width :]
                return True
            break
    return False


def _rejoin(lines: list[str], linenos: list[int], originals: list[str]) -> list[Change]:
    """Join again, in place, the lines of a link that a line break splits (see
    :data:`_OPEN_TEXT`); the changes: the continuation lines gone."""
    changes: list[Change] = []
    k = 0
    while k < len(lines) - 1:
        last = linenos[k]
        while k + 1 < len(lines) and _continues(lines[k], last, lines[k + 1], linenos[k + 1]):
            last = linenos.pop(k + 1)
            originals.pop(k + 1)
            # a break in a link's text was a space of it; one in its target was not there
            gap = " " if _GOES_ON_TEXT.match(lines[k + 1]) else ""
            lines[k] = lines[k].rstrip() + gap + lines.pop(k + 1).lstrip()
            detail = f"the rest of a link on line {linenos[k]}: joined to it"
            changes.append(Change(STAGE, "joined", last, "drop", detail=detail))
        k += 1
    return changes


def markdown(doc: Doc, config: Config) -> Doc:
    """Flatten every line (unless the output stays markdown: ``config.keep_markdown``)."""
    return doc if config.keep_markdown else _flattened(doc)


def _flattened(doc: Doc) -> Doc:
    """Every line flattened; the lines left empty and the rules of tables dropped.

    Emphasis a line break splits is taken away after the lines are flattened, from what
    flattening leaves (so that a second run finds nothing more to pair)."""
    wrapped = wrap_breaks(doc.lines, doc.linenos) if blank_lines(doc) else None
    width, positions = wrapped if wrapped is not None else (0, set())
    breaks = {doc.linenos[i] for i in positions}  # by input line: the lines below move
    if not any(mark in doc.body for mark in _MARKS):
        return doc if not breaks else _unwrap_only(doc, breaks, width)
    lines, linenos, originals = list(doc.lines), list(doc.linenos), list(doc.lines)
    changes: list[Change] = []
    if "](" in doc.body:
        changes = _rejoin(lines, linenos, originals)
    flat = [flatten_line(line) if any(mark in line for mark in _MARKS) else line for line in lines]
    # (and read as flattened: rows of links are rows of their text, as a second run reads them)
    table = data_tables(lines) | data_tables(flat) if "|" in doc.body else set()
    kept: list[int] = []
    texts: list[str] = []
    for i, line in enumerate(lines):
        text = flat[i]
        if line != originals[i]:  # joined above: tidied as flattening tidies
            text = normalize_spaces(text)
        if is_table_rule(line):  # a table's rule is markup wherever it stands
            text = ""
        elif i in table:
            text = " ".join(c for c in _CELL.split(text) if c)
        if not text.strip() or (text != originals[i] and is_debris(text)):
            changes.append(Change(STAGE, "no-text", linenos[i], "drop", detail="only markup"))
            continue
        kept.append(i)
        texts.append(text)
    if "*" in doc.body or "_" in doc.body:
        _unwrap_all(texts)
    for i, text in zip(kept, texts, strict=True):
        if text != originals[i]:
            changes.append(Change(STAGE, "flatten", linenos[i], "edit"))
    numbers = [linenos[i] for i in kept]
    if breaks:
        gone = {c.line for c in changes if c.rule == "no-text"}
        changes += _join_wrapped(texts, numbers, breaks - gone, width)
    if not changes:
        return doc
    return doc.evolve(texts, numbers, changes)


def _unwrap_only(doc: Doc, breaks: set[int], width: int) -> Doc:
    """A document with no markup: its wrapped paragraphs joined, nothing else done."""
    texts, numbers = list(doc.lines), list(doc.linenos)
    return doc.evolve(texts, numbers, _join_wrapped(texts, numbers, breaks, width))


def _join_wrapped(
    texts: list[str], numbers: list[int], breaks: set[int], width: int
) -> list[Change]:
    """Join, in place, each line to the next where the input line just above the next one
    is a wrap (``breaks``): the changes, the joined lines gone (``markdown/unwrapped``)."""
    changes: list[Change] = []
    joined: list[str] = []
    kept: list[int] = []
    for text, number in zip(texts, numbers, strict=True):
        if kept and number - 1 in breaks:
            joined[-1] = wrap_joined(joined[-1], text)
            detail = f"a paragraph wrapped at {width} columns: joined to line {kept[-1]}"
            changes.append(Change(STAGE, "unwrapped", number, "drop", detail=detail))
        else:
            joined.append(text)
            kept.append(number)
    texts[:], numbers[:] = joined, kept
    return changes


def _unwrap_all(texts: list[str]) -> None:
    """:func:`_unwrap_emphasis` over every line, in place, until nothing more pairs up (a
    ``_`` gone can leave a ``**`` to pair); a line it edits is tidied. Lines are paired as the
    document holds them, whatever stood between them in the input (a blank line, a line
    another stage dropped), so that cleaning the output again pairs nothing more."""
    before = list(texts)
    for k in range(len(texts)):
        for _ in range(4):
            if not ("*" in texts[k] or "_" in texts[k]) or not _unwrap_emphasis(texts, k):
                break
    for k, (old, new) in enumerate(zip(before, texts, strict=True)):
        if new != old:
            texts[k] = normalize_spaces(new)
