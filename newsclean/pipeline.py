"""The pipeline: runs the selected stages in canonical order and owns the document's boundary.

At the boundary the text is split into paragraphs (a line ends at ``\\n``, ``\\r\\n`` or ``\\r``;
blank lines go) and joined again with ``\\n`` and one final newline. Stages only ever see
paragraphs. The other characters :meth:`str.splitlines` breaks at (U+2028, U+2029, U+0085,
``\\x0b``, ``\\x0c``, ``\\x1c``–``\\x1e``) are text inside a line: kept, and reported where they
are left in the output (U+0085 is a C1 control, which the ``encoding`` stage repairs as
mojibake or reports as damage).
"""

from __future__ import annotations

import dataclasses
import re

from .chars import INVISIBLE
from .config import Config
from .decode import Decoded, decode_bytes
from .layout import Layout, layout
from .model import IN_LINE_SEPARATORS, Change, Diagnostic, Doc, Result
from .stages import STAGES
from .stages.pinyin import ANNOTATION
from .stages.whitespace import JOINERS

_DEFAULT = Config()


def clean(text: str, config: Config = _DEFAULT) -> Result:
    """Clean ``text`` and say what was done.

    >>> r = clean("大會(huì )開(kāi)幕,會(huì )議開(kāi)始,會(huì )場(chǎng)熱鬧,會(huì )後散場(chǎng)。", Config(to="zh-hans"))
    >>> r.text
    '大会开幕，会议开始，会场热闹，会后散场。\\n'
    """
    return finish(text, _doc(text, config), config)


def begin(text: str, config: Config, until: str) -> tuple[Doc, int]:
    """The stages of ``config`` that come before the stage ``until``: the document as that stage
    will see it, and how many stages ran. ``finish`` takes it from there, so that
    ``finish(text, *begin(text, c, s), c)`` is ``clean(text, c)``: a batch runs the first part,
    learns from it (site boilerplate), and finishes with a Config that differs only in what
    ``until`` and the later stages read.

    >>> doc, ran = begin("大會(huì )開(kāi)幕,會(huì )議開(kāi)始。\\n\\n  第二段  ", Config(), "boilerplate")
    >>> doc.lines, ran
    (('大會開幕,會議開始。', '第二段'), 3)
    """
    stages = config.stages
    ran = stages.index(until) if until in stages else len(stages)
    doc = _doc(text, config)
    for name in stages[:ran]:
        doc = STAGES[name](doc, config)
    return doc, ran


def finish(text: str, doc: Doc, config: Config, ran: int = 0) -> Result:
    """Run the stages of ``config`` after the first ``ran`` on ``doc`` (made from ``text``),
    settle, and say what was done (see :func:`clean` and :func:`begin`)."""
    doc = _run(doc, config, ran)
    if _unsettled(doc, config, text):
        again = _run(Doc(doc.lines, doc.linenos, joined=doc.joined), config)
        doc = Doc(again.lines, again.linenos, doc.changes + again.changes, doc.diagnostics)
    found = layout(text) if config.keep_markdown else None
    if found is not None:
        doc = _as_markdown(doc, found, config)
    return _result(text, doc.evolve(diagnostics=_separators(doc, config)), found)


def _doc(text: str, config: Config) -> Doc:
    """The paragraphs of ``text`` the stages clean: with ``keep_markdown``, not its code
    (:mod:`.layout`), which :func:`finish` puts back."""
    doc = Doc.from_text(text)
    if not config.keep_markdown:
        return doc
    code = layout(text).verbatim
    if not code:
        return doc
    kept = [(line, n) for line, n in zip(doc.lines, doc.linenos, strict=True) if n not in code]
    return Doc(tuple(line for line, _ in kept), tuple(n for _, n in kept))


#: How many times more a document that stays markdown is cleaned as it will be written.
_MARKDOWN_PASSES = 2


def _as_markdown(doc: Doc, found: Layout, config: Config) -> Doc:
    """``doc`` (a document that stays markdown, its code left out) with the lines of code of
    its input back in their places, as they are written (mojibake in them repaired, when the
    ``encoding`` stage runs), settled: cleaned again as it will be written, while that
    changes it. The output keeps a blank line where blocks of the input were, and the stages
    read blank lines as the edges of paragraphs: once a block of furniture between two
    paragraphs went, what stood around it can read otherwise (a page's link lines now beside
    one another). Cleaning the output again then changes nothing."""
    code = _code(found, config)
    for _ in range(_MARKDOWN_PASSES):
        merged = _merged(doc, code)
        written = dict(zip(merged.linenos, found.positions(merged.linenos), strict=True))
        read = {at: n for n, at in written.items()}
        seen = Doc(doc.lines, tuple(written[n] for n in doc.linenos))
        again = _run(seen, config)
        if again.lines == seen.lines:
            break
        doc = Doc(
            again.lines,
            tuple(read[at] for at in again.linenos),
            doc.changes + tuple(_renumbered(c, read) for c in again.changes),
            doc.diagnostics,
        )
    return _merged(doc, code)


_LINE_REFS = re.compile(r"\b(lines? )(\d+)(?:(-| and )(\d+))?")


def _renumbered(change: Change, read: dict[int, int]) -> Change:
    """``change``, made on the output's lines, with its line and the lines its detail cites
    numbered as in the input (``read``: output line → input line).

    >>> _renumbered(Change("duplicates", "exact", 5, "drop", detail="copy of line 3"), {3: 2, 5: 4})
    Change(stage='duplicates', rule='exact', line=4, action='drop', count=1, detail='copy of line 2')
    >>> _renumbered(Change("b", "neighbours", 4, "drop", detail="between lines 3 and 5, lines 3-5"), {3: 2, 4: 3, 5: 9}).detail
    'between lines 2 and 9, lines 2-9'
    """

    def cite(m: re.Match[str]) -> str:
        first = str(read.get(int(m[2]), m[2]))
        rest = f"{m[3]}{read.get(int(m[4]), m[4])}" if m[3] else ""
        return f"{m[1]}{first}{rest}"

    detail = _LINE_REFS.sub(cite, change.detail) if "line" in change.detail else change.detail
    return dataclasses.replace(change, line=read[change.line], detail=detail)


def _code(found: Layout, config: Config) -> Doc:
    """The lines of code of a document that stays markdown, mojibake in them repaired."""
    numbers = sorted(found.verbatim)
    code = Doc(tuple(found.raw[n - 1] for n in numbers), tuple(numbers))
    return STAGES["encoding"](code, config) if code.lines and "encoding" in config.stages else code


def _merged(doc: Doc, code: Doc) -> Doc:
    """``doc`` and the lines of ``code``, in the order of their line numbers."""
    if not code.lines:
        return doc
    merged = sorted(
        [*zip(doc.linenos, doc.lines, strict=True), *zip(code.linenos, code.lines, strict=True)]
    )
    return Doc(
        tuple(line for _, line in merged),
        tuple(n for n, _ in merged),
        doc.changes + code.changes,
        doc.diagnostics + code.diagnostics,
    )


def warm_up(config: Config = _DEFAULT) -> None:
    """Build, once per process, the tables and converters the stages load on first use
    (about half a second). A parent that forks workers calls it first, so that every worker
    starts with them instead of building its own."""
    sample = "預熱 warm-up 鍏ㄩ儴 Ã© 會(huì )議，The Council met today.\n今天天气很好,我们去公园散步了。\n"
    clean(sample * 3, config)


def _run(doc: Doc, config: Config, ran: int = 0) -> Doc:
    for name in config.stages[ran:]:
        before = doc
        doc = STAGES[name](doc, config)
        if config.disabled:  # --disable STAGE/RULE (see newsclean.disable)
            from .disable import restore

            doc = restore(before, doc, config.disabled)
    return doc


def _unsettled(doc: Doc, config: Config, text: str = "") -> bool:
    """Does a decision need taking again on what survived? Then the pipeline runs once more
    on the output, so that cleaning a cleaned document changes nothing. (``text``: the input,
    whose lines say where the ``whitespace`` stage took an invisible character away.)"""
    return _pinyin_unsettled(doc, config) or _reread_unsettled(doc, config, text)


#: The stages after ``encoding`` whose edits the encoding stage may read otherwise.
_AFTER_ENCODING = frozenset({"markdown", "script"})
#: An invisible character or a stray joiner: the ``whitespace`` stage, after ``encoding``,
#: takes it away, and what is left of a line that is not all ASCII can read otherwise
#: (``é\u200c«“`` is ``é«“``, which reads as GBK read as cp1252).
_INVISIBLE_OR_JOINER = re.compile(f"[{INVISIBLE}{JOINERS}]")


def _tidied_invisible(doc: Doc, text: str) -> set[int]:
    """The lines the ``whitespace`` stage edited whose input (``text``, split as the pipeline
    splits it) is not all ASCII and held :data:`_INVISIBLE_OR_JOINER`."""
    tidied = {c.line for c in doc.changes if c.stage == "whitespace" and c.action == "edit"}
    source = Doc.from_text(text)
    return {
        n
        for n, line in zip(source.linenos, source.lines, strict=True)
        if n in tidied and not line.isascii() and _INVISIBLE_OR_JOINER.search(line)
    }


def _reread_unsettled(doc: Doc, config: Config, text: str = "") -> bool:
    """The ``markdown`` stage runs after ``encoding`` and joins what its markup kept apart
    (``×*Ø0*`` → ``×Ø0``): where the joined text reads as mojibake, the encoding stage would
    change it on a second pass. So may it once the ``script`` stage has converted a line
    (``風風»«»«`` → ``风风»«»«``: Simplified text beside characters GBK read as cp1252 makes).

    >>> flat = STAGES["markdown"](Doc.from_text("×*Ø0*"), Config())
    >>> flat.lines, _reread_unsettled(flat, Config())
    (('×Ø0',), True)
    >>> to = Config(to="zh-hans")
    >>> _reread_unsettled(STAGES["script"](Doc.from_text("風風»«»«"), to), to)
    True
    """
    if "encoding" not in config.stages:
        return False
    edited = {c.line for c in doc.changes if c.stage in _AFTER_ENCODING and c.action == "edit"}
    if "whitespace" in config.stages and _INVISIBLE_OR_JOINER.search(text):
        edited |= _tidied_invisible(doc, text)
    lines = tuple(
        line
        for line, n in zip(doc.lines, doc.linenos, strict=True)
        if n in edited and not line.isascii()
    )
    if not lines:
        return False
    probe = Doc(lines, tuple(range(1, len(lines) + 1)))
    return STAGES["encoding"](probe, config).lines != lines


def _pinyin_unsettled(doc: Doc, config: Config) -> bool:
    """The ``pinyin`` stage decides from the whole document's evidence, before ``boilerplate``
    and ``duplicates`` drop lines. If annotations were kept and lines were dropped, the
    evidence may read differently on the output; so may it once the ``markdown`` stage, after
    ``pinyin``, has taken a link's markup from between a Han character and an annotation."""
    if "pinyin" not in config.stages or not any(
        c.action == "drop" or c.stage == "markdown" for c in doc.changes
    ):
        return False
    body = doc.body
    if "(" not in body or body.isascii():  # an annotation has a tone mark: not ASCII
        return False
    return ANNOTATION.search(body) is not None


_SEPARATOR_NAMES = {
    "\x0b": "U+000B LINE TABULATION",
    "\x0c": "U+000C FORM FEED",
    "\x1c": "U+001C FILE SEPARATOR",
    "\x1d": "U+001D GROUP SEPARATOR",
    "\x1e": "U+001E RECORD SEPARATOR",
    "\x85": "U+0085 NEXT LINE",
    "\u2028": "U+2028 LINE SEPARATOR",
    "\u2029": "U+2029 PARAGRAPH SEPARATOR",
}


def _separators(doc: Doc, config: Config) -> tuple[Diagnostic, ...]:
    """One ``in-line-separator`` note per output line that holds a character other tools
    break lines at (the ``encoding`` stage reports U+0085 itself, as a C1 control).

    >>> [d.message for d in _separators(Doc.from_text("a\\u2028b\\nc"), _DEFAULT)]
    ['U+2028 LINE SEPARATOR kept inside the line (lines break at \\\\n, \\\\r\\\\n and \\\\r only)']
    """
    body = doc.body
    # Literal searches at memchr speed: ordinary text pays nothing more.
    present = [c for c in IN_LINE_SEPARATORS if c in body]
    if "encoding" in config.stages and "\x85" in present:
        present.remove("\x85")
    if not present:
        return ()
    found: list[Diagnostic] = []
    for line, lineno in zip(doc.lines, doc.linenos, strict=True):
        names = [_SEPARATOR_NAMES[c] for c in present if c in line]
        if names:
            message = (
                f"{', '.join(names)} kept inside the line (lines break at \\n, \\r\\n and \\r only)"
            )
            found.append(Diagnostic(lineno, "in-line-separator", message, "info", "pipeline"))
    return tuple(found)


def clean_bytes(data: bytes, config: Config = _DEFAULT) -> Result:
    """Decode raw bytes (see :func:`newsclean.decode.decode_bytes`), then :func:`clean` them."""
    decoded = decode_bytes(data, config.encoding)
    return of_bytes(decoded, clean(decoded.text, config))


def of_bytes(decoded: Decoded, result: Result) -> Result:
    """The result of cleaning decoded bytes: ``result`` (of their text) with the decoding's
    diagnostics, and ``changed`` said of the bytes."""
    # Strict UTF-8 decodes one to one: the bytes changed exactly when the text did. Any other
    # input (a BOM, a legacy encoding, replaced bytes) comes out as different bytes.
    same_bytes = decoded.encoding == "utf-8" and not decoded.replaced and not result.changed
    return Result(
        text=result.text,
        changed=not same_bytes,
        changes=result.changes,
        diagnostics=decoded.diagnostics + result.diagnostics,
        encoding=decoded.encoding,
    )


def _result(original: str, doc: Doc, found: Layout | None = None) -> Result:
    # Damage in a line that did not survive (a dropped second copy) is not in the output.
    alive = set(doc.linenos)
    diagnostics = tuple(
        sorted(
            (d for d in doc.diagnostics if d.line == 0 or d.line in alive),
            key=_diagnostic_order,
        )
    )
    changes = doc.changes
    if found is None:
        text = doc.text
    else:  # a line whose indentation the output gives back was not changed (only trimmed)
        text = found.join(doc.lines, doc.linenos)
        same = found.unchanged(doc.lines, doc.linenos)
        changes = tuple(c for c in changes if c.action != "edit" or c.line not in same)
    return Result(text=text, changed=text != original, changes=changes, diagnostics=diagnostics)


def _diagnostic_order(d: Diagnostic) -> tuple[int, str]:
    return (d.line, d.kind)
