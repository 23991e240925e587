"""The fast whitespace, punctuation and pinyin stages decide exactly as the obvious ones did.

Each stage once worked line by line with one regular expression per rule (newsclean 0.1, kept
here as the executable specification). The stages now prove most documents need nothing with a
few whole-text scans, and convert whole texts at once; these tests generate documents full of
the cases those shortcuts must get right (invisible characters at line edges, marks touching
Chinese across chains of conversions, damage, annotations on many lines) and compare the
results, records included.
"""

from __future__ import annotations

import os
import re
from collections import Counter, defaultdict

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsclean import Config, Doc
from newsclean.chars import CJK_PUNCT, HAN, HAN_RE, INVISIBLE, INVISIBLE_RE, PINYIN_SYLLABLE
from newsclean.model import Change
from newsclean.stages import pinyin, punctuation, whitespace
from newsclean.stages.encoding.damage import damage_spans
from newsclean.stages.encoding.tiers import tiers
from newsclean.stages.pinyin import weigh
from newsclean.stages.punctuation import TRANSLITERATION, _protected
from newsclean.stages.whitespace import _no_suspect_bytes, _suspects, normalize_spaces

_SETTINGS = settings(
    max_examples=int(os.environ.get("NEWSCLEAN_FUZZ_EXAMPLES", "300")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
_CONFIG = Config()


def _doc(lines: list[str]) -> Doc:
    return Doc(tuple(lines), tuple(range(1, len(lines) + 1)))


def _same(fast: Doc, slow: Doc) -> None:
    assert fast.lines == slow.lines
    assert fast.linenos == slow.linenos
    assert fast.changes == slow.changes


def _lines(tokens: list[str], max_lines: int = 6) -> st.SearchStrategy[list[str]]:
    """Documents as stages get them: non-blank lines (here they may hold a newline too)."""
    line = st.lists(st.sampled_from(tokens), min_size=1, max_size=24).map("".join)
    return st.lists(line.filter(lambda s: not s.isspace()), min_size=1, max_size=max_lines)


# --- whitespace, as in 0.1 -------------------------------------------------------------------

_RUN = r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]"
_WS_RUNS = re.compile(rf"{_RUN}{{2,}}|\t")
#: Where a zero-width (non-)joiner does its work: the blocks of the scripts that join.
_JOINING_BLOCKS = [
    (0x0590, 0x1FFF), (0x2070, 0x2DFF), (0xA000, 0xABFF), (0xD7B0, 0xF8FF), (0xFB00, 0xFE0F),
    (0xFE70, 0xFEFE), (0x10000, 0x1FFFF), (0xE0000, 0xE01EF),
]  # fmt: skip


def _joins(ch: str) -> bool:
    return bool(ch) and any(lo <= ord(ch) <= hi for lo, hi in _JOINING_BLOCKS)


def _alphabet_letter(ch: str) -> bool:
    """A letter of Latin, Greek or Cyrillic: the alphabets a soft hyphen breaks words of."""
    return ch.isalpha() and (
        ord(ch) < 0x250 or 0x370 <= ord(ch) < 0x530 or 0x1E00 <= ord(ch) < 0x2000
    )


def _ws_line(line: str) -> str:
    line = "".join(
        ch
        for i, ch in enumerate(line)
        if not INVISIBLE_RE.fullmatch(ch)
        or (
            ch == "\u00ad"
            and _alphabet_letter(line[i - 1 : i] or "0")
            and _alphabet_letter(line[i + 1 : i + 2] or "0")
        )
    )
    kept = [
        ch
        for i, ch in enumerate(line)
        if ch not in "\u200c\u200d" or (i and _joins(line[i - 1]) and _joins(line[i + 1 : i + 2]))
    ]
    line = "".join(kept)
    out = []
    for i, ch in enumerate(line):
        before, after = line[i - 1 : i] if i else "", line[i + 1 : i + 2]
        french = before in ("«", "‹") or (after != "" and after in ":;!?»›%")
        latin1 = any(c and "\x80" <= c <= "\xff" and c != "\xa0" for c in (before, after))
        digits = before.isdecimal() and after.isdecimal()
        out.append(" " if ch == "\u00a0" and not (french or digits or latin1) else ch)
    return _WS_RUNS.sub(" ", "".join(out)).strip()


def _ws_reference(doc: Doc) -> Doc:
    if all(_ws_line(line) == line for line in doc.lines):
        return doc
    return doc.edited([_ws_line(line) for line in doc.lines], "whitespace", "spaces")


_WS_TOKENS = [
    "a", "Word", "é", "©", "中文", "“", "—", " ", " ", "  ", "\t", "\u3000", "\u00a0", "\u2009",
    "\u202f", "\u200b", "\u2060", "\u00ad", "\x07", "\x00", "\x1f", "\x7f", "\r", "\x85",
    "\u2028", "\u200d", "\u200c", "\ue000", "\U00020000", "\n", "ب", "क", "👨", "\ufe0f", "«",
    "»", ":", "!", "1", "٣",
]  # fmt: skip


@given(st.lists(st.sampled_from(_WS_TOKENS), max_size=24).map("".join))
def test_normalize_spaces_as_before(line):
    assert normalize_spaces(line) == _ws_line(line)


def test_every_character_that_needs_work_is_a_suspect():
    """The fast test looks for a list of characters; it must hold all the stage's classes
    hold (but the ASCII space, found as a literal), and each must be unprintable (the test
    for Chinese text is ``str.isprintable``)."""
    every = "".join(map(chr, range(0x110000)))
    classes = set(re.findall(rf"[{INVISIBLE}\t\u200c\u200d]|{_RUN}", every)) - {" "}
    suspects = _suspects().chars
    assert classes == set(suspects)
    assert not any(ch.isprintable() for ch in suspects)
    for ch in suspects:  # each is found in UTF-8, between characters that need nothing
        assert not _no_suspect_bytes(f"“a{ch}中”".encode())
    others = "".join(ch for ch in every if ch not in classes)
    assert _no_suspect_bytes(others.encode("utf-8", "surrogatepass"))


# --- punctuation, as in 0.1, with the spacing, full stops and protected spans of 0.2 ----------

_CTX = f"[{HAN}{CJK_PUNCT}]"
_FULL = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？"}
_P_SYL = PINYIN_SYLLABLE


def _p_han(ch: str) -> bool:
    return bool(ch) and bool(re.fullmatch(f"[{HAN}]", ch))


def _p_pairs(line: str) -> list[tuple[int, int]]:
    """Matched pairs of ASCII parentheses (not across a line break), by opening position."""
    pairs, stack = [], []
    for i, ch in enumerate(line):
        if ch == "\n":
            stack = []
        elif ch == "(":
            stack.append(i)
        elif ch == ")" and stack:
            pairs.append((stack.pop(), i))
    return sorted(pairs)


def _p_paren_once(line: str) -> str:
    """Convert the first pair that should be: one pair deep at most inside, and holding Han
    with Chinese or the line's edge outside, or starting with Han."""
    for a, b in _p_pairs(line):
        inside = line[a + 1 : b]
        depth, deepest = 0, 0
        for ch in inside:
            depth += {"(": 1, ")": -1}.get(ch, 0)
            deepest = max(deepest, depth)
        if deepest > 1:
            continue
        before, after = line[a - 1 : a] if a else "", line[b + 1 : b + 2]
        holds_han = any(_p_han(ch) for ch in inside)
        edge_before = before in ("", "\n") or _p_ctx(before)
        ctx_after = after in ("", "\n") or _p_ctx(after)
        if (holds_han and (edge_before or ctx_after)) or _p_han(inside[:1]):
            return f"{line[:a]}（{inside}）{line[b + 1 :]}"
    return line


def _p_ctx(ch: str) -> bool:
    return bool(re.fullmatch(_CTX, ch))


def _p_mark_once(line: str) -> str:
    """Convert the first mark that has Chinese as its nearest neighbour, with its spaces."""
    for i, ch in enumerate(line):
        if ch not in _FULL:
            continue
        if ch == "?" and i >= 2 and _p_name(line[i - 2 : i]) and _p_name(line[i + 1 : i + 3]):
            continue  # a lost ``·`` inside a transliterated name (``戴夫?汉森``) stays
        j = i - 1
        while j >= 0 and line[j] in " \t\u00a0":
            j -= 1
        k = i + 1
        while k < len(line) and line[k] in " \t\u00a0":
            k += 1
        left = line[j] if j >= 0 else ""
        right = line[k : k + 1]
        latin_before = i > 0 and line[i - 1].isascii() and line[i - 1].isalnum()
        if (i - 1 - j <= 3 and _p_ctx(left)) or (
            _p_ctx(right) and (k == i + 1 or not latin_before)
        ):
            return line[: j + 1] + _FULL[ch] + line[k:]
    return line


def _p_name(text: str) -> bool:
    """Two characters of a transliterated name (``弗拉迪米尔.科马洛夫``)."""
    return len(text) == 2 and all(ch in TRANSLITERATION for ch in text)


def _p_period(line: str) -> str:
    out = list(line)
    for i, ch in enumerate(line):
        after = line[i + 1 : i + 2]
        final = after in ("", "\n") or re.fullmatch(f"[{HAN}]", after)
        name = i >= 2 and _p_name(line[i - 2 : i]) and _p_name(line[i + 1 : i + 3])
        if ch == "." and i and re.fullmatch(f"[{HAN}]", line[i - 1]) and final and not name:
            out[i] = "。"
    return "".join(out)


def _p_gloss(line: str) -> str:
    """Every pair right after Han holding a gloss: no Han, no pair, no placeholder, not only
    pinyin."""
    out = list(line)
    for a, b in _p_pairs(line):
        inside = line[a + 1 : b]
        if not a or not _p_han(line[a - 1]) or not inside:
            continue
        if any(_p_han(ch) or ch in "()\ufdd2" for ch in inside):
            continue
        if re.fullmatch(f" ?{_P_SYL}(?: {_P_SYL})* ?", inside):
            continue
        out[a], out[b] = "（", "）"
    return "".join(out)


def _p_restore(line: str) -> str:
    """Convert until nothing changes; in a line where a mark or a full stop was restored,
    glosses after Han too (a line: up to a line break, in a Doc built by hand)."""
    original = line
    while True:
        new = _p_paren_once(_p_period(_p_mark_once(line)))
        if new == line:
            narrow = str.maketrans("（）", "()")
            glossed = "\n".join(
                _p_gloss(seg) if seg.translate(narrow) != old.translate(narrow) else seg
                for seg, old in zip(new.split("\n"), original.split("\n"), strict=True)
            )
            if glossed == new:
                return new
            new = glossed
        line = new


def _p_line(line: str) -> str:
    """The line with its damage and protected spans each held by a placeholder meanwhile."""
    spans: list[tuple[int, int]] = []
    for start, end in sorted([*damage_spans(line), *_protected(line)]):
        if spans and start < spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    held = [line[a:b] for a, b in spans]
    for a, b in reversed(spans):
        line = line[:a] + "\ufdd2" + line[b:]
    pieces = _p_restore(line).split("\ufdd2")
    return pieces[0] + "".join(h + p for h, p in zip(held, pieces[1:], strict=True))


def _p_fenced(lines: tuple[str, ...]) -> set[int]:
    """The lines of fenced code blocks: from a line opening with a fence to the next one."""
    if any("\n" in line for line in lines):  # a Doc built by hand: the stage goes line by line
        return set()
    out, opened = set(), None
    for i, line in enumerate(lines):
        if line.lstrip(" \t").startswith(("```", "~~~")):
            if opened is None:
                opened = i
            else:
                out.update(range(opened, i + 1))
                opened = None
    return out


def _p_reference(doc: Doc) -> Doc:
    fenced = _p_fenced(doc.lines)
    lines = [line if i in fenced else _p_line(line) for i, line in enumerate(doc.lines)]
    return doc.edited(lines, "punctuation", "fullwidth")


_P_TOKENS = [
    "中", "文", "，", "。", "（", "）", "“", "”", ",", ":", ";", "!", "?", "(", ")", "a", "b", "1",
    " ", "  ", "\t", "\u00a0", ".", "huì", "ì", "(huì )", "(chóng)", "(kill)", "锟斤拷", "\ufffd", "??",
    "確!,", "\U00020000", "\n", "https://a.cn/x,y.", "](u,中)", "[t]", "`c,中`", "```", "~~~",
    "(5)", "(中", "x(", "米尔.", "科马",
]  # fmt: skip


# --- pinyin, as in 0.1, with the short leak and the debris of 0.2 ---------------------------

_PY_ANNOTATION = re.compile(rf"(?<=([{HAN}]))(?:\( ?{PINYIN_SYLLABLE} ?\))+")
_PY_ONE = re.compile(rf"\( ?({PINYIN_SYLLABLE}) ?\)")
_PY_DEBRIS = "[\u200b\u200c\u200d\u2060\ufeff\u00ad\u00a0]"
_PY_GB = set(tiers().gb2312_1 + tiers().gb2312_2)
_PY_COMMON = set(tiers().gb2312_1) | {ch for ch in tiers().big5_common if ch not in _PY_GB}


def _py_tight(text: str) -> str:
    def tight(m: re.Match[str]) -> str:
        bare = re.sub(_PY_DEBRIS, "", m.group())
        return bare if _PY_ONE.fullmatch(bare) else m.group()

    return re.sub(rf"(?<=[{HAN}]){_PY_DEBRIS}*\([^()\n]*\)", tight, text)


def _py_leaked(text: str) -> bool:
    text = _py_tight(text)
    readings: dict[str, Counter[str]] = defaultdict(Counter)
    for m in _PY_ANNOTATION.finditer(text):
        readings[m.group(1)][" ".join(_PY_ONE.findall(m.group()))] += 1
    count = sum(sum(c.values()) for c in readings.values())
    if count < 4:
        return False
    agree = sum(c.most_common(1)[0][1] for c in readings.values())
    bare = _PY_ANNOTATION.sub("", text)
    han = len(HAN_RE.findall(bare))
    occurrences = sum(bare.count(ch) for ch in readings)
    sentences = sum(1 for s in re.split("[。！？!?\n]", text) if _PY_ANNOTATION.search(s))
    common = sum(sum(c.values()) for ch, c in readings.items() if ch in _PY_COMMON)
    long = count >= 1.5 * len(readings) and agree / count >= 0.8
    short = agree == count and sentences >= 3 and common / count >= 0.8
    return (
        count * 1000 >= 3.0 * max(han, 1) and count / max(occurrences, 1) >= 0.6 and (long or short)
    )


def _py_reference(doc: Doc) -> Doc:
    if not _py_leaked("\n".join(doc.lines)):
        return doc
    lines, changes = list(doc.lines), {}
    for i, line in enumerate(lines):
        new, n = _PY_ANNOTATION.subn("", _py_tight(line))
        if n:
            lines[i] = new
            changes[i] = Change("pinyin", "leaked-annotation", doc.linenos[i], count=n)
    return doc.rewritten(lines, changes)


_PY_TOKENS = [
    "会", "议", "开", "始", "重", "长", "大", "中", "文", "，", "。", " ", "a",
    "会(huì)", "会(huì )", "会( huì)", "开(kāi)", "重(chóng)", "重(zhòng)", "长(cháng)",
    "长(cháng)(zhǎng)", "大(dà)", "(huì)", "新华社(Xinhua)", "会（huì）", "\x00", "\ufdd0", "\n",
    "饕(tāo)", "魍(wǎng)", "！", "说\u200b(shuō)", "(dò\u200cng)", "(huì\u00a0)", "\u00a0", "(a\u200bb)",
]  # fmt: skip


@_SETTINGS
@given(_lines(_PY_TOKENS, max_lines=8))
def test_pinyin_verdict_as_before(lines):
    assert weigh("\n".join(lines)).leaked == _py_leaked("\n".join(lines))


# --- the three, against their references -----------------------------------------------------

_STAGES = {
    "whitespace": (whitespace, _ws_reference, _lines(_WS_TOKENS)),
    "punctuation": (punctuation, _p_reference, _lines(_P_TOKENS)),
    "pinyin": (pinyin, _py_reference, _lines(_PY_TOKENS, max_lines=8)),
}


@pytest.mark.parametrize("name", list(_STAGES))
@_SETTINGS
@given(data=st.data())
def test_stage_decides_as_before(name, data):
    stage, reference, documents = _STAGES[name]
    doc = _doc(data.draw(documents))
    _same(stage(doc, _CONFIG), reference(doc))


def test_pinyin_strips_line_by_line_when_every_marker_is_taken():
    """The stage marks removed annotations with a character the text lacks; a text holding
    them all is stripped line by line, with the same result."""
    leak = "会(huì)议开(kāi)始，会(huì)场热闹，会(huì)后散场，开(kāi)心。"
    doc = _doc([leak, "\x00\x01\ufdd0\ufdd1" + leak])
    _same(pinyin(doc, _CONFIG), _py_reference(doc))
