"""Stage ``punctuation``: restore fullwidth punctuation that was narrowed to ASCII in Chinese text.

* An ASCII ``, : ; ! ?`` whose nearest neighbour on either side (across up to three spaces on
  the left, any on the right) is Chinese (a Han character or CJK punctuation) becomes
  ``， ： ； ！ ？``, and the spaces (plain, tab, no-break) around it go: a fullwidth mark carries its own spacing (``你好, then left`` → ``你好，then
  left``, never the mixed ``你好， then``). A ``?`` between two parts of a transliterated
  foreign name (``戴夫?汉森``) stays: it is a ``·`` a conversion could not write, not a question.
* A ``.`` right after a Han character that ends the line or is followed by Han ends a Chinese
  sentence: ``。`` (``工具.但`` → ``工具。但``). After Latin letters, digits, quotes or brackets
  it stays (``Debian.``, ``2.3``, ``”.``), and so it does between the parts of a
  transliterated foreign name (``弗拉迪米尔.科马洛夫``: name characters on both sides).
* A pair of ASCII parentheses becomes ``（ ）`` when it holds Chinese and touches Chinese text
  (or the line's edge) on the outside, or its text starts with Han. A pair holding no Chinese
  right after Han (a gloss: ``协议(TLS)``) converts only in a line where a mark or a full
  stop had to be restored: there the narrowing is proven; elsewhere ASCII parentheses around a
  Latin gloss are a writer's choice (``世界卫生组织(WHO)表示，…。`` stays). A pair holding
  only pinyin never does (``重(chóng)新``: the ``pinyin`` stage's to judge).

* In a line of English that quotes Chinese, a mark between two clauses that are not Chinese
  is the English sentence's: ``The word 内卷, which means…`` and ``He said 你好.`` stay.

Everything else is left alone: English text, ``2.3%``, ``8:30``, ``gpm(8)``; and nothing inside
a URL, a markdown link target (``[标题](https://…)``), an inline code span or a fenced code
block changes, nor the ``!`` that opens an image (``。![图](a.jpg)``). Spans the damage detector flags (``確!,``) keep their ASCII marks: converting them
would hide damage.

A conversion only ever adds Chinese context and never takes a condition away, so converting
until nothing changes gives one result whatever the order: the stage converts all the lines
that need it at once, as one text.

>>> from newsclean.model import Doc
>>> from newsclean.config import Config
>>> punctuation(Doc.from_text("8:30,大会宣布:开幕!(记者张三)"), Config()).lines
('8:30，大会宣布：开幕！（记者张三）',)
>>> punctuation(Doc.from_text("逗号, 但见[标题](https://a.cn/中文),逗号."), Config()).lines
('逗号，但见[标题](https://a.cn/中文)，逗号。',)
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from functools import partial
from itertools import islice, repeat
from typing import NamedTuple

from ..chars import CJK_PUNCT, HAN, PINYIN_SYLLABLE
from ..config import Config
from ..model import Change, Doc
from .encoding.damage import damage_spans

STAGE = "punctuation"

_CTX = f"[{HAN}{CJK_PUNCT}]"
_FULL = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？"}
_GAP = 3  # spaces between a mark and the Chinese text on its left it still belongs to
#: The spaces a restored mark takes away: the no-break one too (``風\u00a0:`` is no French
#: spacing once the colon is fullwidth).
_SPACE = "[ \\t\u00a0]"


class _Mark(NamedTuple):
    """One ASCII mark and its fullwidth form; two patterns that start with the mark (so that
    ``re`` scans for them fast): the mark with Chinese context and the spaces after it, and
    the mark without; and a character the mark stands as meanwhile, while the spaces before
    it are taken out."""

    ascii: str
    full: str
    finder: re.Pattern[str]
    left: re.Pattern[str]
    temporary: str
    spaces_before: re.Pattern[str]


#: Characters Chinese writes foreign names with (the syllables of the Xinhua transliteration
#: tables, Simplified and Traditional), less the few that commonly end a Chinese word (大, 金,
#: 明, 本, 门, 南, 海...): ``弗拉迪米尔.科马洛夫`` is a name whose parts a narrowed ``·``
#: (or the writer) separated with a full stop, not two sentences.
TRANSLITERATION = (
    "阿埃艾爱昂奥巴拜班邦鲍贝彼毕波伯博布查柴达戴黛丹道德登迪蒂杜厄恩尔法范菲费芬丰弗福富盖冈"
    "戈格根圭哈汉豪赫亨胡惠霍基吉贾杰卡凯坎康考柯科克肯库夸奎昆拉莱赖兰朗劳勒雷蕾黎里利莉丽列"
    "林琳隆卢鲁路伦罗洛吕玛迈麦曼芒梅蒙孟米密莫墨穆纳娜奈内尼涅努诺欧帕潘佩彭皮普奇齐契乔切钦"
    "琼丘萨塞赛桑瑟森莎沙舍施舒斯丝松苏索塔泰坦汤特提托瓦旺威韦维温沃乌伍西希席谢辛休雅亚扬耶"
    "伊因尤约泽扎詹兹佐翰瑞娃妮姆茨略季柳廖娅夫斐弥薇马史多愛貝畢鄧費豐蓋岡賈傑凱誇萊賴蘭勞裡"
    "麗連盧魯倫羅呂瑪邁麥納內諾歐喬瓊薩賽絲蘇湯韋維溫烏謝亞揚約澤紮茲婭爾彌馬"
)
_NAME = f"[{TRANSLITERATION}]"
#: A question mark between two parts of a transliterated name (two name characters on each
#: side, no space: ``戴夫?汉森``) is a ``·`` a conversion could not write (GB 2312 has none):
#: damage, not a question, and it stays as it is.
_IN_NAME = rf"(?<={_NAME}{_NAME}\?)(?={_NAME}{_NAME})"


def _patterns(mark: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    m = re.escape(mark)
    behind = [f"{_CTX}{_SPACE}{{{n}}}{m}" for n in range(_GAP + 1)]
    found = "|".join(f"(?<={b})" for b in behind)
    # Chinese on the right counts across spaces only when no ASCII letter or digit is right
    # before the mark: ``menu: 中文`` in English text keeps its colon.
    right = rf"(?={_CTX})|(?<![A-Za-z0-9]{m})(?={_SPACE}++{_CTX})"
    left = rf"{m}(?!{right})" + "".join(f"(?<!{b})" for b in behind)
    if mark != "?":
        return re.compile(rf"{m}(?:{found}|{right}){_SPACE}*+"), re.compile(left)
    return (
        re.compile(rf"{m}(?!{_IN_NAME})(?:{found}|{right}){_SPACE}*+"),
        re.compile(rf"{left}|{m}{_IN_NAME}"),  # (the marks that stay)
    )


_MARKS = tuple(
    # (a run of spaces tried from its first space only: from each of a long run's spaces in
    # turn, the search would be quadratic in the run's length)
    _Mark(mark, full, *_patterns(mark), temp, re.compile(f"(?<!{_SPACE}){_SPACE}++{temp}"))
    for (mark, full), temp in zip(_FULL.items(), "\ufdd8\ufdd9\ufdda\ufddb\ufddc", strict=True)
)


def _convert_mark(text: str, mark: _Mark) -> tuple[str, int]:
    """Every ``mark`` with Chinese context made fullwidth, the spaces on both sides gone; and
    how many.

    >>> _convert_mark("你好 , then 中, ,中", _MARKS[0])
    ('你好，then 中，，中', 3)
    """
    spaced = (
        "\t" in text
        or "\u00a0" in text
        or (" " in text and (f" {mark.ascii}" in text or f"{mark.ascii} " in text))
    )
    if not spaced and mark.left.search(text) is None:  # every one converts: a plain replace
        return text.replace(mark.ascii, mark.full), text.count(mark.ascii)
    if mark.temporary in text:  # (a text holding the noncharacter: the slow way)
        return _convert_mark_slowly(text, mark)
    text, n = mark.finder.subn(mark.temporary, text)
    if not n:
        return text, 0
    if spaced:
        text = mark.spaces_before.sub(mark.temporary, text)
    return text.replace(mark.temporary, mark.full), n


def _convert_mark_slowly(text: str, mark: _Mark) -> tuple[str, int]:
    out, last, n = [], 0, 0
    for m in mark.finder.finditer(text):
        start = m.start()
        while start > last and text[start - 1] in " \t\u00a0":
            start -= 1
        out += [text[last:start], mark.full]
        last, n = m.end(), n + 1
    out.append(text[last:])
    return "".join(out), n


#: A sentence-final full stop after Han: at the line's end or before more Han; not between
#: two parts of a transliterated name (two name characters on each side).
_PERIOD = re.compile(rf"\.(?<=[{HAN}]\.)(?=[{HAN}]|\n|\Z)(?!(?<={_NAME}{_NAME}\.){_NAME}{_NAME})")
#: What a pair of parentheses may hold: no line break, and pairs only one deep (``(参见
#: apt_preferences(5) 和…)``); the same, holding no Han, and holding Han.
_INSIDE = r"(?:[^()\n]++|\([^()\n]*+\))*+"
_NO_HAN = rf"(?:[^()\n{HAN}]++|\([^()\n{HAN}]*+\))*+"
_HOLDS_HAN = rf"{_NO_HAN}(?:[{HAN}]|\([^()\n{HAN}]*+[{HAN}])"
#: A pair to convert, when it holds Han and has Chinese context or the line's edge before it
#: (nothing before it but Chinese or a newline) or after it; or when it starts with Han
#: (``mozc(或 anthy)``); or when a Han character is right before it and it holds anything but
#: pinyin (after a bracket, ``）(2023)``, it stays). Starts with ``(``: a fast scan; possessive.
_PAREN = re.compile(
    rf"\((?:(?={_HOLDS_HAN})"
    rf"(?:(?<![^{HAN}{CJK_PUNCT}\n]\()|(?={_INSIDE}\)(?:{_CTX}|$)))"
    rf"|(?=[{HAN}]))"
    rf"({_INSIDE})\)",
    re.MULTILINE,
)

#: What finds a conversion to make: each a literal scan, much faster than one for a class.
_FINDERS = (*(mark.finder for mark in _MARKS), _PERIOD, _PAREN)

#: Spans nothing converts inside: URLs (but the sentence's punctuation after them), markdown
#: link and image targets ``](…)``, inline code; fenced code blocks, line by line.
_URL_BODY = re.compile(r"[!#-;=?-~]+")
_SCHEMES = ("https", "http", "ftp")
_URL_TAIL = ".,:;!?'"
_LINK_TARGET = re.compile(r"\]\((?:[^()\n]|\([^()\n]*\))*\)")
#: The ``!`` that makes a link an image (``。![图](a.jpg)``): markup, not an exclamation.
_IMAGE_MARK = re.compile(r"!(?=\[[^\[\]\n]*\]\()")
_CODE = re.compile(r"`[^`\n]+`")
_FENCE = re.compile(r"^[ \t]*(?:```|~~~).*?^[ \t]*(?:```|~~~)[^\n]*$", re.MULTILINE | re.DOTALL)
_SENTINELS = ("\ufdd2", "\ufdd3", "\ufdd4", "\ufdd5")


def _paren(m: re.Match[str]) -> str:
    return f"（{m.group(1)}）"


def restore(text: str, damaged: Iterable[tuple[int, int]] = ()) -> str:
    """Convert ``text`` (one or more lines) until it is stable, leaving the ``damaged`` spans,
    URLs, link targets and code as they are.

    One conversion can enable another: here the second pair, at the end of the line, makes
    the first one touch Chinese; the commas are converted from the right.

    >>> restore("a,,中 (中)(中)")
    'a，，中 （中）（中）'
    >>> restore("你好, then left. 见 https://a.cn/x?q=1,好")
    '你好，then left. 见 https://a.cn/x?q=1，好'
    """
    spans = _merged([*damaged, *_protected(text)])
    if not spans:
        return _convert(text)
    masked = _mask(text, spans)
    if masked is None:  # pieces apart: each edge then reads as a line's edge
        return _restore_pieces(text, spans)
    sentinel, kept, text = masked
    pieces = _convert(text).split(sentinel)
    out = [pieces[0]]
    for original, piece in zip(kept, pieces[1:], strict=True):
        out += [original, piece]
    return "".join(out)


def _mask(text: str, spans: list[tuple[int, int]]) -> tuple[str, list[str], str] | None:
    """A sentinel character, the spans' text, and ``text`` with each span as the sentinel
    (``None`` if the text holds every sentinel)."""
    sentinel = next((s for s in _SENTINELS if s not in text), None)
    if sentinel is None:
        return None
    masked, kept, last = [], [], 0
    for start, end in spans:
        masked += [text[last:start], sentinel]
        kept.append(text[start:end])
        last = end
    masked.append(text[last:])
    return sentinel, kept, "".join(masked)


def _protected(text: str) -> list[tuple[int, int]]:
    """The spans of ``text`` nothing converts inside (none of them holds a line break).

    >>> t = "见[标题](https://a.cn/(x)),或 https://b.cn/q?a=1,b. `f(x):` 图![](a.jpg)"
    >>> [t[a:b] for a, b in _protected(t)]
    ['(https://a.cn/(x))', 'https://b.cn/q?a=1,b', '`f(x):`', '!', '(a.jpg)']
    """
    spans: list[tuple[int, int]] = []
    # one character is found much faster than two: look for that first
    if "]" in text and "](" in text:
        spans += ((m.start() + 1, m.end()) for m in _LINK_TARGET.finditer(text))
        if "![" in text:
            spans += (m.span() for m in _IMAGE_MARK.finditer(text))
    found = text.find("://") if ":" in text else -1
    while found >= 0:  # a literal scan, then the scheme before it and the rest after it
        scheme = next((s for s in _SCHEMES if text.startswith(s, found - len(s))), "")
        body = _URL_BODY.match(text, found + 3) if scheme else None
        if body is None:
            found = text.find("://", found + 3)
            continue
        url = body.group().rstrip(_URL_TAIL)
        while url.endswith(")") and url.count(")") > url.count("("):
            url = url[:-1].rstrip(_URL_TAIL)
        spans.append((found - len(scheme), found + 3 + len(url)))
        found = text.find("://", body.end())
    if "`" in text:
        spans += (m.span() for m in _CODE.finditer(text))
    if ("`" in text and "```" in text) or ("~" in text and "~~~" in text):
        for m in _FENCE.finditer(text):
            pos = m.start()
            for line in m.group().split("\n"):
                spans.append((pos, pos + len(line)))
                pos += len(line) + 1
    if _LETTER.search(text) is not None:  # (judged without the web addresses and code)
        spans += _in_foreign_prose(_blanked(text, _merged(spans)) if spans else text)
    return _merged(spans)


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each of the (sorted, apart) ``spans`` spaces, line breaks kept."""
    out, last = [], 0
    for start, end in spans:
        out += [text[last:start], " " * (end - start)]
        last = end
    out.append(text[last:])
    return "".join(out)


_LETTER = re.compile("[A-Za-z]")
_CANDIDATE = re.compile(r"[,:;!?.(]")
#: Where a clause ends: a mark of either width, or a full stop before a space or the end.
_CLAUSE_EDGE = re.compile(r"[,:;!?\uff0c\u3002\uff1a\uff1b\uff01\uff1f\u3001]|\.(?!\S)")
#: A word of English prose: lower case, standing apart, a vowel in it (not a name, an
#: acronym, a path or a web address's piece, a user name of initials: ``Debian 只做 GNU/Linux
#: 吗?``, ``/wp-trackback.php``, ``tk vb 馨语`` hold none).
_WORD = re.compile(
    r"[a-z](?<=(?<![^\s\"'\u201c\u2018(\[])[a-z])(?:(?<=[aeiouy])|(?=[a-z'\u2019-]*[aeiouy]))"
    r"[a-z'\u2019-]*[a-z](?=[\s,.;:!?\"'\u201d\u2019)\]]|$)"
)


def _in_foreign_prose(text: str) -> list[tuple[int, int]]:
    """The ASCII marks (and opening parentheses) of English prose that quotes Chinese: in a
    line with at least half as many English words as Han characters, a mark whose clauses on
    both sides are not Chinese (Han in them, more than twice as many as English words)
    belongs to the English sentence (``The word 内卷, which means…``, ``He said 你好.``,
    ``involution (内卷) is``). A mark beside a Chinese clause still converts (``你好, then
    left`` → ``你好，then left``), and a line of Chinese with names in it is not judged
    (``我们使用 Windows 操作系统, Linux 也可以``).

    >>> restore("a saying that describes the Hwajeontae Dance (花前態舞)!!")
    'a saying that describes the Hwajeontae Dance (花前態舞)!!'
    >>> t = "The word 内卷, which means involution; he said 你好. 他说, then left."
    >>> [t[a:b] + str(a) for a, b in _in_foreign_prose(t)], restore(t)
    ([',11', ';35', '.62'], 'The word 内卷, which means involution; he said 你好. 他说，then left.')
    """
    spans: list[tuple[int, int]] = []
    word = _WORD.search(text)
    while word is not None:  # the lines with an English word in them, and only those
        start = text.rfind("\n", 0, word.start()) + 1
        end = text.find("\n", word.end())
        end = len(text) if end < 0 else end
        line = text[start:end]
        if _english(line):
            edges = [m.start() for m in _CLAUSE_EDGE.finditer(line)]
            for m in _CANDIDATE.finditer(line):
                k = m.start()
                n = bisect_left(edges, k)
                before = line[edges[n - 1] + 1 if n else 0 : k]
                # (a pair's clause goes on after the pair: what it holds is the Chinese quoted)
                close = line.find(")", k) if m.group() == "(" else -1
                after_at = close if close >= 0 else k
                n = bisect_left(edges, after_at)
                n += n < len(edges) and edges[n] == after_at
                after = line[after_at + 1 : edges[n] if n < len(edges) else None]
                if not _chinese(before) and not _chinese(after):
                    spans.append((start + k, start + k + 1))
        word = _WORD.search(text, end + 1)
    return spans


def _counts(text: str) -> tuple[int, int]:
    """The Han characters and the English words in ``text``."""
    return len(_HAN_RE.findall(text)), len(_WORD.findall(text))


def _english(line: str) -> bool:
    """Is ``line`` English that quotes Chinese: Han in it, and English words, at least half
    as many?"""
    english = len(_WORD.findall(line))
    # (Han counted up to what decides: a long line of Chinese is not counted through)
    han = sum(1 for _ in islice(_HAN_RE.finditer(line), 2 * english + 1))
    return 0 < han <= 2 * english


def _chinese(clause: str) -> bool:
    """Is ``clause`` Chinese: Han in it, more than twice as many as English words?"""
    han, english = _counts(clause)
    return han > 2 * english


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, overlapping spans made one."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def _restore_pieces(text: str, spans: list[tuple[int, int]]) -> str:
    out, last = [], 0
    for start, end in spans:
        out += [_convert(text[last:start]), text[start:end]]
        last = end
    out.append(_convert(text[last:]))
    return "".join(out)


#: A pair of ASCII parentheses right after Han holding a gloss: no Han (a pair with Han is
#: :data:`_PAREN`'s), no pair inside, no protected span (a sentinel), not only pinyin.
#: Starts with ``(``: a fast scan for it.
_GLOSS = re.compile(
    rf"\((?<=[{HAN}]\()(?! ?{PINYIN_SYLLABLE}(?: {PINYIN_SYLLABLE})* ?\))([^()\n\ufdd2-\ufdd5]+)\)"
)


def _convert(text: str) -> str:
    """:func:`_converted`; then, in the lines where it restored a mark or a full stop (their
    punctuation was narrowed: the line proves it), a gloss's pair after Han too
    (``协议(TLS)`` → ``协议（TLS）``, the way the writer wrote it), and again until nothing
    changes. A line that needed no mark keeps its ASCII glosses (``华为(Huawei)发布了…，
    售价…。``), even when a pair holding Han in it was converted.

    >>> _convert("安全协议(TLS)和它的前身,安全套接层协议(SSL)。\\n华为(Huawei)发布了新款手机。")
    '安全协议（TLS）和它的前身，安全套接层协议（SSL）。\\n华为(Huawei)发布了新款手机。'
    """
    original = text
    new = _converted(text)
    while new != original and "(" in new and _GLOSS.search(new) is not None:
        lines = new.split("\n")
        glossed = [
            _GLOSS.sub(_paren, line) if "(" in line and _marks_restored(old, line) else line
            for line, old in zip(lines, original.split("\n"), strict=True)
        ]
        if glossed == lines:
            break
        new = _converted("\n".join(glossed))
    return new


_NARROW_PARENS = str.maketrans("（）", "()")


def _marks_restored(old: str, new: str) -> bool:
    """Did converting ``old`` to ``new`` restore a mark or a full stop (not only pairs)?"""
    return old != new and old.translate(_NARROW_PARENS) != new.translate(_NARROW_PARENS)


def _converted(text: str) -> str:
    """Convert until a whole pass finds nothing more; a converter that found nothing in the
    text as it is now is not run on it again."""
    idle: dict[str, str] = {}  # converter -> the text it last found nothing in

    def run(name: str, convert: Callable[[str], tuple[str, int]]) -> int:
        nonlocal text
        if idle.get(name) is text:
            return 0
        new, n = convert(text)
        if n:
            text = new
        else:
            idle[name] = text
        return n

    while True:
        count = 0
        for mark in _MARKS:
            if mark.ascii in text:  # finding one character is much faster than a scan
                count += run(mark.ascii, partial(_convert_mark, mark=mark))
        if "." in text:
            count += run(".", partial(_PERIOD.subn, "。"))
        if "(" in text:
            count += run("(", partial(_PAREN.subn, _paren))
        if not count:
            return text


def _restore_line(line: str) -> str:
    return restore(line, damage_spans(line))


def punctuation(doc: Doc, config: Config) -> Doc:
    """Restore fullwidth punctuation in Chinese text, leaving damaged spans untouched."""
    text = doc.body
    if not _may_convert(text):
        return doc
    if text.count("\n") != len(doc.lines) - 1:  # a line holds a newline (a Doc built by hand)
        return doc.edited([_restore_line(line) for line in doc.lines], STAGE, "fullwidth")
    lines = restore(text).split("\n")
    changed = [i for i, (old, new) in enumerate(zip(doc.lines, lines, strict=True)) if old != new]
    # damage is looked for where conversions were made, and converted around, line by line
    damaged = [changed[k] for k in _damaged_lines("\n".join(doc.lines[i] for i in changed))]
    for i in damaged:
        lines[i] = _restore_line(doc.lines[i])
    if damaged:
        changed = [i for i in changed if lines[i] != doc.lines[i]]
    if not changed:
        return doc
    linenos = [doc.linenos[i] for i in changed]
    changes = map(Change, repeat(STAGE), repeat("fullwidth"), linenos)
    # a conversion never empties a line, so no line is dropped: no rewrite needed
    return doc.evolve(lines, changes=changes)


def _may_convert(text: str) -> bool:
    """Is there a mark, a full stop or a pair of parentheses to convert?

    >>> _may_convert("Hello, world (again)."), _may_convert("开幕!")
    (False, True)
    """
    try:
        text.encode("latin-1")  # all in one byte per character: no Chinese
        return False
    except UnicodeEncodeError:
        pass
    if any(pattern.search(text) for pattern in _FINDERS):
        return True
    if not _han_after_paren(text):
        return False  # no pair can hold Han, masked or not: the spans need not be found
    # a parenthesis in a protected span can keep a pair apart that masking the span joins
    spans = _protected(text)
    masked = _mask(text, spans) if spans else None
    return masked is not None and _PAREN.search(masked[2]) is not None


_HAN_RE = re.compile(f"[{HAN}]")


def _han_after_paren(text: str) -> bool:
    """Does some line hold a Han character after a ``(``? Every pair ``_PAREN`` converts holds
    Han, and masking protected spans (none holds a line break) adds no Han and no ``(``: a
    text where no line does has no pair to convert, masked or not. One scan from the first
    ``(`` of each line to its end: linear in the text.

    >>> _han_after_paren("see (https://a.cn/x) 中文"), _han_after_paren("中文 (a)\\nb")
    (True, False)
    """
    start = text.find("(")
    while start >= 0:
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if _HAN_RE.search(text, start, end):
            return True
        start = text.find("(", end)
    return False


def _damaged_lines(text: str) -> set[int]:
    """The indexes of the lines of ``text`` with damage (found in the whole text at once: no
    damage span crosses a line break)."""
    out, line, pos = set(), 0, 0
    for start, _ in damage_spans(text):
        line += text.count("\n", pos, start)
        out.add(line)
        pos = start
    return out
