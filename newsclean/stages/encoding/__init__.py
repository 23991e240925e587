"""Stage ``encoding``: repair mojibake, normalise, and report the damage nobody can repair.

Bytes are turned into text at the boundary (:mod:`newsclean.decode`); this stage works on the
text, in this order, only on the lines a cheap check flags:

1. a byte-order mark read as text (U+FEFF, ``ï»¿``, ``锘``) is removed;
2. a CJK page read whole in a Cyrillic code page (GBK read as PT154: ``ХвІҝҙуЦЖ``, no CJK
   left to start from) is read again (:mod:`.wholepage`); then CJK mojibake is reversed
   line by line (:mod:`newsclean.stages.encoding.mojibake`) — before ftfy, which would destroy the
   evidence. With ``repair_lossy``, mojibake that lost bytes comes back too, but for the lost
   characters; without it such a line is only reported;
   A CJK reading of a line without CJK needs CJK evidence (the document's misreading, two
   CJK characters, and no whole reading ftfy finds instead: Greek UTF-8 read as cp1252 is
   Greek, not GBK). A line no reading explains whole is searched for runs of mojibake among
   its correct text (:mod:`.spans`), each undone alone;
3. Western mojibake, HTML entities and the like go through ftfy, with the settings that keep
   CJK text intact (no width folding, no quote uncurling) — except on lines that look like
   CJK mojibake nobody could undo with confidence, which are reported instead; then runs of
   UTF-8 read in a code page ftfy reads only whole lines in (cp1250, cp1251, MacRoman…);
4. text is composed to NFC (and judged again if that changed it); GB18030's A3 A0, a
   full-width space on old Chinese pages that Python's codec reads as the private-use U+E5E5,
   becomes U+3000 as the Web reads it, in a line of CJK text no misreading explains
   (:func:`web_space`; a reading that changes nothing but private-use characters is no
   evidence of one, :func:`.mojibake._private_only`).

Damage that cannot be undone (U+FFFD, ``锟斤拷``, ``?`` wedged inside Chinese words…) is left in
place and reported with its line (:mod:`newsclean.stages.encoding.damage`).

>>> from newsclean.model import Doc
>>> from newsclean.config import Config
>>> encoding(Doc.from_text("The Mona Lisa doesnÃ¢â‚¬â„¢t smile\\n鍏ㄩ儴鏂伴椈"), Config()).lines
('The Mona Lisa doesn’t smile', '全部新闻')
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from ...config import Config
from ...model import Change, Diagnostic, Doc
from .checks import checks
from .flags import anchors, flagged_rows
from .lines import facts, narrow
from .mojibake import Outcome, fix, fix_lines, replay
from .plausibility import has_cjk, worth_a_reading
from .readings import Reading
from .roundtrip import SINGLE, WEB_GBK, Chain
from .spans import changed_runs, fix_spans, fix_western_spans, trimmed, where_flagged
from .western import fix_line, letters_in_words, looks_bad
from .wholepage import reread

STAGE = "encoding"


#: A line longer than this (characters) is read first in windows around what flags it
#: (:func:`.flags.anchors`). A page's worth of text on one line (a table layout, a dataset
#: that joins its paragraphs) is flagged somewhere almost always, and reading all of it for
#: that costs tens of microseconds a character (a line of 320,000 Chinese characters: 45 s).
LONG_LINE = 4096
#: How far a window reaches on either side of what flags it.
REACH = 128


def encoding(doc: Doc, config: Config) -> Doc:
    """Repair what can be repaired on the lines that can need it; report the rest.

    A long line is read in windows around each thing that flags it (a run of mojibake is
    flagged where it stands; the window holds it whole, and the text the search reads
    around it). Where no window changes, the line stays as it is; where one does, the
    document is read again with its long lines whole, as every line is read otherwise (a
    line of mojibake made of characters real enough to flag it only here and there reads
    as one misreading only whole).
    """
    doc = _whole_page(doc)
    if any(len(line) > LONG_LINE for line in doc.lines):
        found = _in_windows(doc, config)
        if found is not None:
            return found
    return _repaired(doc, config)


def _in_windows(doc: Doc, config: Config) -> Doc | None:
    """``doc`` repaired with its long lines read in windows (:func:`_windows`), or ``None``
    where none was made, a window changed, or a line was read as CJK mojibake (the stage
    then reads the document's other lines for that misreading too): then the long lines are
    read whole.

    >>> line = "今天天气很好，我们去公园散步。" * 400
    >>> doc = Doc.from_text(line + "★" + line + "\\nCafÃ© crÃ¨me")
    >>> out = _in_windows(doc, Config())
    >>> out.lines[0] == doc.lines[0], out.lines[1], [c.line for c in out.changes]
    (True, 'Café crème', [2])
    >>> _in_windows(Doc.from_text(line + "★" + line + "\\n鍏ㄩ儴鏂伴椈"), Config()) is None
    True
    """
    lines: list[str] = []
    linenos: list[int] = []
    whole: list[int | None] = []  # the line of doc each line stands for whole (None: a window)
    for i, (line, lineno) in enumerate(zip(doc.lines, doc.linenos, strict=True)):
        spans = _windows(line) if len(line) > LONG_LINE else None
        if spans is None:
            lines.append(line)
            linenos.append(lineno)
            whole.append(i)
            continue
        lines += (line[a:b] for a, b in spans)
        linenos += [lineno] * len(spans)
        whole += [None] * len(spans)
    if len(lines) == len(doc.lines) and None not in whole:
        return None
    out = _repaired(Doc(tuple(lines), tuple(linenos)), config)
    if (
        len(out.lines) != len(lines)
        or any(new != old for new, old, i in zip(out.lines, lines, whole, strict=True) if i is None)
        or any("cjk-mojibake" in c.rule for c in out.changes)  # (its misreading is looked
    ):  # for on the document's other lines: on the long ones whole, as they stand)
        return None
    kept = list(doc.lines)
    for new, k in zip(out.lines, whole, strict=True):
        if k is not None:
            kept[k] = new
    diagnostics = tuple(dict.fromkeys(out.diagnostics))  # (two windows of a line can agree)
    if not out.changes and not diagnostics:
        return doc
    return doc.evolve(kept, changes=out.changes, diagnostics=diagnostics)


def _windows(line: str) -> list[tuple[int, int]] | None:
    """Where to read a long ``line``: :data:`REACH` on either side of each of its anchors
    (:func:`.flags.anchors`), windows that meet made one; ``None`` for the line whole
    (something flags it that has no place, or one window would hold all of it). No window:
    nothing in it needs the stage.

    >>> _windows("今天天气很好，" * 1000 + "★"), _windows("今天天气很好，" * 1000)
    ([(6872, 7001)], [])
    """
    found = anchors(line)
    if not found and flagged_rows((line,)):
        return None
    spans: list[tuple[int, int]] = []
    for a, b in found:
        lo, hi = max(0, a - REACH), min(len(line), b + REACH)
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(hi, spans[-1][1]))
        else:
            spans.append((lo, hi))
    return None if spans == [(0, len(line))] else spans


def _repaired(doc: Doc, config: Config) -> Doc:
    """:func:`encoding`, every line read whole."""
    rows = flagged_rows(doc.lines)
    if not rows and _NBSP_AS_GBK not in doc.body:
        return doc
    c = checks()
    work = _Work(list(doc.lines))
    for i in rows:
        work.note(i, c.strip_bom(work.lines[i]), "bom")
    reports: dict[int, Diagnostic] = {}
    # ftfy turns a lone surrogate into U+FFFD; say what it was.
    diagnostics = [
        d
        for i in rows
        if _SURROGATE.search(work.lines[i])
        for d in _diagnose(work.lines[i], doc.linenos[i])
        if d.kind == "lone-surrogate"
    ]
    pending = rows
    for n in range(_ROUNDS):  # a repair can reveal more to repair: settle it now, not next time
        work.start_round()
        left_alone = _cjk(work, pending, config, doc.linenos, reports, sweep=n == 0)
        for i in pending:
            if i not in left_alone:
                _western(work, i)
            # Composing can make a line a misreading explains (a compatibility ideograph
            # becomes its unified twin): judged again next round, as a second pass would.
            work.note(i, facts(work.lines[i]).composed, "nfc")
        pending = work.changed_this_round()
        if not pending:
            break
    diagnostics += reports.values()
    _spaces_read_as_gbk(work)
    for i in rows:  # what no misreading explained: a full-width space, where the line is CJK
        if _GB18030_A3A0 in work.lines[i]:
            work.note(i, web_space(work.lines[i]), "gb18030-space", _A3A0_WHY)
    rows = sorted(set(rows).union(i for i in work.rules if work.lines[i] != doc.lines[i]))
    for i in rows:
        work.note(i, facts(work.lines[i]).composed, "nfc")
        diagnostics += _diagnose(work.lines[i], doc.linenos[i])
    changes = {
        i: Change(STAGE, "+".join(work.rules[i]), doc.linenos[i], detail="; ".join(work.details[i]))
        for i in sorted(work.rules)
        if work.lines[i] != doc.lines[i]
    }
    if not changes:
        return doc.evolve(diagnostics=diagnostics) if diagnostics else doc
    if all(work.lines[i] and not work.lines[i].isspace() for i in changes):
        return doc.evolve(work.lines, changes=changes.values(), diagnostics=diagnostics)
    return doc.rewritten(work.lines, changes, diagnostics)  # it drops the lines left blank


def _whole_page(doc: Doc) -> Doc:
    """``doc`` read again where it is a CJK page read whole in a Cyrillic code page
    (:mod:`.wholepage`), each line it changes recorded; else as it is."""
    found = reread(doc.lines)
    if found is None:
        return doc
    lines, detail = found
    changes = {
        i: Change(STAGE, "cjk-mojibake", lineno, detail=f"{detail}, the whole page")
        for i, (lineno, old, new) in enumerate(zip(doc.linenos, doc.lines, lines, strict=True))
        if old != new
    }
    return doc.rewritten(lines, changes)  # (a line left as full-width spaces goes)


@dataclass
class _Work:
    """The lines being repaired, and per line the rules that fired and their details."""

    lines: list[str]
    rules: dict[int, list[str]] = field(default_factory=dict)
    details: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))
    _before: dict[int, str] = field(default_factory=dict)  # this round's lines as they were
    undone: set[Chain] = field(default_factory=set)  # the misreadings read back, any line

    def note(self, i: int, new: str, rule: str, detail: str = "") -> None:
        if new == self.lines[i]:
            return
        self._before.setdefault(i, self.lines[i])
        self.lines[i] = new
        self.rules.setdefault(i, []).append(rule)
        if detail:
            self.details[i].append(detail)

    def start_round(self) -> None:
        self._before = {}

    def changed_this_round(self) -> list[int]:
        return sorted(i for i, line in self._before.items() if self.lines[i] != line)


def _cjk(
    work: _Work,
    rows: list[int],
    config: Config,
    linenos: tuple[int, ...],
    reports: dict[int, Diagnostic],
    sweep: bool,
) -> set[int]:
    """Reverse CJK mojibake on ``rows`` (and, if ``sweep`` and the document shows a
    misreading, on its other lines too); return the rows ftfy must leave alone.

    Each line is judged as it is and as the whitespace stage will leave it (a control
    character inside mojibake must not decide anything), both with punctuation narrowed (the
    ``punctuation`` stage widens it again), so that cleaning the output again finds nothing.
    The repair keeps the line's own punctuation where the misreading can be undone with it.
    """
    raw = {i: work.lines[i] for i in rows if facts(work.lines[i]).worth}
    tidy = {i: facts(line).tidy for i, line in raw.items()}
    probes = {i: facts(line).probes for i, line in raw.items()}

    def rest() -> list[tuple[int, tuple[str, str]]]:
        flagged = set(rows)
        for i, line in enumerate(work.lines):
            if i not in flagged and _LOST not in line and worth_a_reading(line):
                raw[i], tidy[i], probes[i] = line, facts(line).tidy, facts(line).probes
        return [(i, probes[i]) for i in raw if i not in flagged]

    # A line with U+FFFD in it lost bytes: repaired only on request, else only reported.
    whole = {i: variants for i, variants in probes.items() if _LOST not in variants[0]}
    outcome = fix_lines(whole.items(), rest=rest if sweep else None)
    _settle_full_stops(outcome, probes)
    lossy = _lossy({i: v for i, v in probes.items() if _LOST in v[0]}, config)
    for i, repair in (outcome.repairs | lossy.repairs).items():
        line = raw[i] if repair.source == probes[i][0] else tidy[i]
        own = replay(repair, line) if line != repair.source else repair.text
        text = own if own is not None and narrow(own) == narrow(repair.text) else repair.text
        if len(repair.chains) == 1:  # one CJK codec read as another: keep what was right
            text = trimmed(line, text, repair.chains[0])
            same = len(text) == len(line) and not repair.lossy
            if same and not where_flagged(line, changed_runs(line, text)):
                continue  # what it changes is nowhere the checks flag: those words were right
        work.note(i, text, "cjk-mojibake", repair.detail)
        work.undone.update(repair.chains)
        reports.pop(i, None)
        if repair.lossy:
            reports[i] = _lost(linenos[i], repair.detail, repaired=True)
    # A line no reading explains whole can hold runs of mojibake among correct text (made of
    # characters real enough that the line does not look worth a reading: 鍛戒护 for 命令).
    # Where bytes were lost (U+FFFD), only with repair_lossy: the runs on either side of a
    # loss come back as far as their own bytes decide; the loss stays and is reported.
    for i in rows:
        lost = _LOST in work.lines[i]
        if i in outcome.repairs or i in lossy.repairs or (lost and not config.repair_lossy):
            continue
        # As it is, or as the whitespace stage leaves it (where a zero-width space splits a
        # run, the next pass sees the run whole).
        line = work.lines[i]
        tidy_line = facts(line).tidy
        if not flagged_rows((tidy_line,)):
            # Flagged for its spaces alone, or clean once a repair of the round before (an
            # entity, a whole-line reading) was made: no run in it to search for, as a
            # second cleaning of the text finds none.
            continue
        span = fix_spans(line) or (fix_spans(tidy_line) if tidy_line != line else None)
        if span is not None:
            work.note(i, span.text, "cjk-mojibake-span", span.detail)
            work.undone.add(span.chain)
            outcome.suspects.pop(i, None)
            if lost:
                reports[i] = _lost(linenos[i], span.chain.name, repaired=True)
    for i, reading in (outcome.suspects | lossy.suspects).items():
        if i in lossy.suspects:
            reports[i] = _lost(linenos[i], reading.chains[0].name, repaired=False)
        else:
            reports[i] = _suspect(linenos[i], reading.chains[0].name)
    # ftfy would "repair" a legacy CJK page read as cp1252 into something no round trip can
    # undo any more (only lines without CJK in them: a line with CJK is not all misread).
    return {
        i
        for i, reading in outcome.suspects.items()
        if reading.chains[0].misread == SINGLE
        and reading.chains[0].actual != "utf-8"
        and not has_cjk(work.lines[i])
    }


def _settle_full_stops(outcome: Outcome, probes: dict[int, tuple[str, str]]) -> None:
    """Keep, in place, only the repairs of lines ending in ``。`` that the line ending in
    ``.`` gets too (the rest become suspects): the punctuation stage makes the ``.`` that
    ends a line of Chinese text ``。``, so a reading decided by that mark alone would repair
    on the second cleaning what the first left (``A祂A窞.``, widened, read as cp1252)."""
    for i in [i for i in outcome.repairs if any(p.endswith("\u3002") for p in probes[i])]:
        repair = outcome.repairs[i]
        stops = [p[:-1] + "." if p.endswith("\u3002") else p for p in probes[i]]
        # judged as the line was: alone, or (a close call the document settled) with the
        # document's misreading preferred
        alone = any(fix(p) is not None for p in probes[i])
        prefer = () if alone else repair.chains[:1]
        if not any(fix(p, prefer=prefer) is not None for p in stops):
            del outcome.repairs[i]
            outcome.suspects[i] = Reading(repair.text, repair.chains, repair.after)


_LOST = "\ufffd"
#: What Python's ``gb18030`` codec makes of the bytes A3 A0, which old Chinese pages use as a
#: full-width space (two of them indent a paragraph). The Web reads them as U+3000 (the WHATWG
#: Encoding Standard's gb18030 decoder, "for compatibility with existing Web content"), and so
#: do the people who copy such pages; read as cp1252 instead, they are ``£\xa0``.
_GB18030_A3A0 = "\ue5e5"
_A3A0_WHY = "U+E5E5 (GB18030 A3 A0) read as the Web reads it: a full-width space"


def web_space(line: str) -> str:
    """``line`` (which no misreading explains: the stage asks after its readings) with
    :data:`_GB18030_A3A0` read as the Web reads it (U+3000), where the line holds CJK text or
    nothing but spaces; else as it is (``Price \ue5e5100``: no Chinese to space).

    >>> web_space("\ue5e5\ue5e5一、法官试验凡事谢恩"), web_space("\ue5e5\ue5e5")
    ('\u3000\u3000一、法官试验凡事谢恩', '\u3000\u3000')
    >>> web_space("Price \ue5e5100")
    'Price \ue5e5100'
    """
    spaced = line.replace(_GB18030_A3A0, "\u3000")
    return spaced if not spaced.strip() or has_cjk(spaced) else line


#: UTF-8's no-break space (C2 A0) read as GBK: 聽, a character of Traditional Chinese ("listen").
#: A web page's ``&nbsp;&nbsp;`` indent comes out as a run of them. Chinese doubles a verb
#: (``你聽聽這首歌``, ``聽聽看``), never triples it: a run of three or more is the misreading;
#: a run of two only where nothing but spaces or a line's edge stands on both sides.
_NBSP_AS_GBK = "\u807d"
_NBSP_RUN = re.compile("\u807d{3,}|(?<![^\\s\u00a0\u3000])\u807d\u807d(?![^\\s\u00a0\u3000])")
#: ...and any run, in a document that shows UTF-8 read as GBK: at a line's start or end, or
#: beside a space on one side (not inside words: 聽說, 聽(tīng)).
_NBSP_EDGE = re.compile("(?<![^\\s\u00a0\u3000])\u807d+|\u807d+(?![^\\s\u00a0\u3000])")
_NBSP_WHY = "UTF-8 no-break spaces read as GBK (聽)"


def nbsp_read_as_gbk(line: str, shown: bool) -> str:
    """``line`` with the runs of 聽 that are UTF-8 no-break spaces read as GBK given back as
    no-break spaces: runs of three or more, and of two between spaces or a line's edges; and,
    where the document ``shown`` that misreading elsewhere, any at a line's edge or beside a
    space.

    >>> nbsp_read_as_gbk("聽聽聽聽正文", False), nbsp_read_as_gbk("你聽聽這首歌", True)
    ('\\xa0\\xa0\\xa0\\xa0正文', '你聽聽這首歌')
    >>> nbsp_read_as_gbk("聽聽看吧", False), nbsp_read_as_gbk("聽聽 |", False)
    ('聽聽看吧', '\\xa0\\xa0 |')
    >>> nbsp_read_as_gbk("聽 排版约定", True), nbsp_read_as_gbk("聽 排版约定", False)
    ('\\xa0 排版约定', '聽 排版约定')
    """
    spaced = _NBSP_RUN.sub(lambda m: "\u00a0" * len(m.group()), line)
    if shown and _NBSP_AS_GBK in spaced:
        spaced = _NBSP_EDGE.sub(lambda m: "\u00a0" * len(m.group()), spaced)
    return spaced


def _spaces_read_as_gbk(work: _Work) -> None:
    """:func:`nbsp_read_as_gbk` on every line holding 聽, the document's evidence being a
    misreading of UTF-8 as GBK this stage read back on some line."""
    lines = [i for i, line in enumerate(work.lines) if _NBSP_AS_GBK in line]
    if not lines:
        return
    shown = any(c.actual == "utf-8" and c.misread == WEB_GBK for c in work.undone)
    for i in lines:
        work.note(i, nbsp_read_as_gbk(work.lines[i], shown), "cjk-mojibake", _NBSP_WHY)


_ROUNDS = 4
_SURROGATE = re.compile("[\ud800-\udfff]")


def _western(work: _Work, i: int) -> bool:
    """Run ftfy on line ``i`` if it can change it; say whether it did."""
    line = work.lines[i]
    if not facts(line).ftfy:
        return False
    fixed, steps = fix_line(line)
    work.note(i, fixed, "mojibake", ", ".join(dict.fromkeys(steps)))
    # A letter ftfy leaves in two pieces (``dotyczÄ…cy``): its measure finds none in a word.
    lone = letters_in_words(fixed)
    if lone != fixed:
        work.note(i, lone, "mojibake-span", "utf-8 read as cp1252, letters in words")
        fixed = lone
    # A run ftfy does not read inside correct text (in a line ftfy's own measure finds no
    # mojibake in, only a letter inside a word: not line art, not √π), where undoing it
    # leaves a line that measure finds none in (not one hopeless garble read into another).
    span = fix_western_spans(fixed, in_words=not looks_bad(fixed))
    if span is not None and not looks_bad(span.text):
        work.note(i, span.text, "mojibake-span", span.detail)
    return work.lines[i] != line


def _lossy(rows: dict[int, tuple[str, str]], config: Config) -> Outcome:
    """Mojibake that lost bytes: repaired with ``repair_lossy``, else found to be reported."""
    if not rows:
        return Outcome({}, {})
    found = fix_lines(rows.items(), lossy=True)
    if config.repair_lossy:
        return found
    return Outcome({}, {i: Reading(r.text, r.chains, r.after) for i, r in found.repairs.items()})


def _lost(lineno: int, chain: str, repaired: bool) -> Diagnostic:
    if repaired:
        message = (
            f"mojibake ({chain}) repaired, but bytes were lost before it reached us: "
            "the lost characters stay U+FFFD"
        )
        return Diagnostic(lineno, "lossy-repair", message, "warning", STAGE)
    message = (
        f"mojibake ({chain}) that lost bytes before it reached us: left as it is "
        "(--repair-lossy restores all but the lost characters)"
    )
    return Diagnostic(lineno, "lossy-mojibake", message, "warning", STAGE)


def _suspect(lineno: int, chain: str) -> Diagnostic:
    message = f"looks like mojibake ({chain}?) but no reading is clearly right: left as it is"
    return Diagnostic(lineno, "suspected-mojibake", message, "warning", STAGE)


def _diagnose(line: str, lineno: int) -> list[Diagnostic]:
    return [Diagnostic(lineno, kind, msg, sev, STAGE) for kind, sev, msg in facts(line).damage]
