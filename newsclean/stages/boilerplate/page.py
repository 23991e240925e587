"""The page view: the per-line verdicts and the content model (:mod:`.content`) together.

* **A long line never goes for a phrase.** A line of 100 characters of prose or more (visible
  text that is not link text, link targets or markup), or of three sentences, that a phrase
  family (or the user's rules) matched stays: a table layout puts a whole article on one line,
  ``版权所有`` and all. Rules that judge the whole line (debris, a link row's shape, symbols,
  the site's learned lines) still apply.
* **The main block is the article.** Inside it, a line goes only on its own evidence (a phrase
  family, debris with no text, the site's learned lines), never for its neighbours; a link with
  text there is the article's own link (``Related: …``, ``Read the full transcript``).
* **Outside it, on a page dump** (enough furniture around the article: :func:`is_page_dump`),
  a line stays only if it is good prose, or the title just above the block. Everything dropped
  says why: its class, its evidence, and where the block is.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from functools import lru_cache
from itertools import accumulate, pairwise
from operator import eq

from ...chars import CJK, CJK_PUNCT, units
from ...config import Config
from ...model import Change
from ..script import traditional
from .classify import Verdict, _ascii_openings, classify
from .content import (
    BAD_LINK_DENSITY,
    LISTED_HEADLINE_WHY,
    NEAR_SIZE,
    STAMP_WHY,
    Class,
    Features,
    article_blocks,
    is_stamp,
    line_class,
    smooth,
)
from .lines import (
    MARKDOWN_DEBRIS,
    SHORT_UNITS,
    SKIP_HEAD,
    core,
    ends_like_sentence,
    fold,
    fold_many,
    shape_rule,
)
from .markdown import (
    BOX_BARS,
    flatten,
    has_markup,
    is_any_rule,
    is_box_rule,
    is_list_item,
    is_table_rule,
    link_text,
    list_items,
    numbered_runs,
    visible_text,
    without_images,
)
from .matcher import Matcher
from .notes import notes, sources
from .rules import rules

STAGE = "boilerplate"
#: A line with this much prose (visible characters outside links and markup), or of three
#: sentences, is not dropped whole for a phrase.
LONG_CHARS = 100

LONG_SENTENCES = 3
#: A page dump has at least this many lines of furniture (not good prose) outside its main block.
DUMP_LINES = 8
#: ... and at least this many lines in all.
DUMP_MIN_LINES = 30
#: Classes that stay outside the main block.
KEEP_OUTSIDE = frozenset({"good"})
#: Lines above the main block that may be its title (short, not links).
TITLE_LINES = 3
TITLE_SIZE = 8
#: A line of only links (debris), this many or more: a menu even inside the article block.
LINK_ROW = 3
#: Rows of ruled tables a credit's date pattern dropped that make a column of dates (data).
DATED_ROWS = 3
#: Near-good paragraphs this close to a block stay with it.
EDGE = 2
EDGE_CLASSES = frozenset({"near", "short"})
#: A list whose items are shorter than this on average (units) is a menu.
MENU_ITEM_SIZE = 8
#: ... of this many items or more (a shorter list of short items may be the article's).
MENU_ITEMS = 4
MENU_WHY = "a menu"
#: The bullet of a nested list in inscriptis' plain text (``  o Subscribe``).
_O_BULLET = re.compile(r"^\s*o\s+\S")
#: ... and one of headlines, items without sentence ends shorter than this on average.
HEADLINE_SIZE = 24
#: Prose between a headline and a time stamp, this many times on a page, is teasers.
TEASERS = 3
TEASER_WHY = "a teaser: a headline above it, a time stamp below, as around other stories"
#: Headers of sections that are not the article (phrase families) and how little prose may
#: follow one in its block, against the prose before it, for the article to end there.
SECTION_RULES = frozenset({"related", "comments", "share", "newsletter", "tags"})
SECTION_REST = 0.5
#: A paragraph this much of which is site notices (cookies, copyright, terms) is one.
NOTICE_SHARE = 0.5
NOTICE_WHY = "a site notice (cookies, copyright, terms)"
#: Prose cut off mid-sentence, this many times on a page, is excerpts of other stories.
EXCERPTS = 3
EXCERPT_WHY = "an excerpt of another story (prose cut off with …, as others on the page)"
_CUT_OFF = re.compile(r"[^\W\d_],?\s?(?:\.\.\.|…)[\s\]_*]*$")
#: A byline repeated this many times as a list item is a list of other stories'.
REPEATED = 3
COOKIES_WHY = "a cookie-consent notice"
_COOKIE = re.compile(r"(?i)\bcookies?\b")
#: A gallery: this many slides or more, counted ``k/N``.
GALLERY_SLIDES = 5
GALLERY_WHY = "a gallery's slides (counted k/N)"
_SLIDE = re.compile(r"^[\s*+#-]*(\d{1,3})\s?/\s?(\d{1,3})\s+\S")
#: Comment threads: this many headers or more; a comment this many paragraphs long at most.
COMMENT_HEADS = 3
COMMENT_BODY = 8
COMMENT_WHY = "a comment thread"
#: ... a comment under a time stamp, when prose goes on without a heading or furniture.
LONG_COMMENT = 3 * COMMENT_BODY
_COMMENT_HEAD = re.compile(
    r"(?i)^\s*(?:[*+-]|\d{1,4}[.)])\s+\S.{0,80}?\b(?:says|said|wrote|writes|commented)\s*:\s*$"
)
_COMMENTS_TITLE = re.compile(
    r"(?i)^[\W_]*(?:\d[\d,.]*\s+)?(?:top rated |latest |reader |user )?"
    r"(?:comments?|responses?|replies|reactions)\b"
)
#: A stamp with a date or time in it (not a bare counter).
_STAMP_TIME = re.compile(r"(?i)\bago\b|\d:\d\d|[a-z]{3}\.? \d|\d{4}")
#: A numbered list starting in or just after a block stays with it: this many items or more,
#: each at most this many lines after the one before.
NUMBERED_ITEMS = 3
NUMBERED_GAP = 4
#: Lines of a multi-line cell between two rows of a table.
TABLE_GAP = 3
#: Cells of a table row: split by markdown's pipe or a box-drawn bar.
_CELLS = re.compile(f"[|{BOX_BARS}]")
#: Rules that do not drop the rows of a data table: its shape is not a menu's.
_TABLE_SPARED = frozenset({"neighbours", "link-list"})
#: Rules that judge a whole line, not a phrase in it.
_WHOLE_LINE = frozenset({"debris", "site", "symbols", "link-list"})
#: Sentence ends: a run of marks is one end (``。。。`` is not three sentences).
_ENDS = re.compile("[。！？!?]+")
_WORDED = re.compile(r"[^\W_]")


def _ends(text: str) -> int:
    """The sentence ends in ``text``: runs of marks with a word since the last end. Marks with
    none end no sentence, whatever their width or what stood between them (``!版权所有。`` is
    one sentence, as the punctuation stage's ``！版权所有。`` is; so is ``会议。![](a.jpg)。``
    once the image is gone, and ``。，!`` is ``。，！``).

    >>> _ends("!版权所有。會。"), _ends("。。。"), _ends("他说。好！"), _ends("會。，!會。 。")
    (2, 0, 2, 2)
    """
    pieces = _ENDS.split(text)
    return sum(1 for piece in pieces[:-1] if _WORDED.search(piece))


def may_be_dump(verdicts: Sequence[Verdict], flagged: Sequence[int]) -> bool:
    """A cheap first look before :func:`page_drops`: enough short lines (and boilerplate lines,
    counting half) that the page may be a dump. An article with a few debris lines is not."""
    labels = [verdicts[i].label for i in flagged]
    return labels.count("short") + labels.count("boilerplate") // 2 >= DUMP_LINES


def is_long(line: str) -> bool:
    """Too long to go whole for a phrase found in it: 100 characters of prose, or three
    sentences of it. Prose is the visible text that is not link text, link targets, markup
    or spaces, and not a site notice: a sentence that a strong family (a copyright line, a
    cookie banner, a disclaimer, matched at the sentence's start) reads as boilerplate on its
    own is the boilerplate at the line's edge, not the article's text.

    >>> is_long("版权所有 " + "这是一段很长的正文。" * 3), is_long("版权所有 © 2023 某某网")
    (True, False)
    >>> is_long("相关新闻：" + "[某某地方召开会议研究部署今年的各项重点工作](/n/1.html) " * 4)
    False
    >>> is_long("We use cookies to improve your experience. By continuing to browse, you agree "
    ...         "to our use of cookies and our privacy policy, which you can read on this page.")
    False
    """
    if len(line) < LONG_CHARS and _ends(line) + line.count(". ") < LONG_SENTENCES:
        return False  # the prose is part of the line: it cannot be longer
    text = _prose(line)
    if len(text) - text.count(" ") >= LONG_CHARS:
        return True
    return _ends(text) + text.count(". ") >= LONG_SENTENCES


def spare_long(lines: Sequence[str], drops: dict[int, Change]) -> dict[int, Change]:
    """``drops`` without the long lines a phrase matched, and without the links whose text is
    three sentences or more (a scraper that wraps a whole post in its link leaves no text
    outside it, so the line reads as debris)."""
    return {
        i: c
        for i, c in drops.items()
        if not (is_long(lines[i]) if c.rule not in _WHOLE_LINE else _prose_link(lines[i], c))
    }


#: Sentences: English ones end before the space after their mark, Chinese ones after their
#: marks (a run is one end) and the quotes closing them.
_EN_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_ZH_SENTENCE = re.compile(r"[^。！？]+[。！？]*[”’」』）)]*")
_LINKED = re.compile(r"!?\[[^\[\]\n]*\]\([^()\n]*(?:\([^()\n]*\)[^()\n]*)*\)")


def _prose(line: str) -> str:
    """The line's prose: its visible text without links (text and target) and markup, and
    without the sentences that are site notices on their own (a strong family at the start).

    >>> _prose("© 2019 CBS Interactive. All rights reserved. [Privacy Policy](/p) | Cookies")
    'Cookies'
    """
    if "](" in line:
        line = _LINKED.sub(" ", line)
    text = flatten(line).text if has_markup(line) else line
    parts = [
        p.strip()
        for chunk in _EN_SENTENCE_END.split(text)
        for p in _ZH_SENTENCE.findall(chunk)
        if p.strip()
    ]
    strong = rules().strong
    return " ".join(
        p
        for p, folded in zip(parts, fold_many(parts), strict=True)
        if not strong.find(core(folded))
    )


@lru_cache(maxsize=1 << 12)  # a pure function of the paragraph: a site's notices recur
def notice_share(text: str) -> float:
    """The share of a paragraph's visible characters in sentences that are site notices on
    their own (a strong family at the sentence's start: a copyright line, a cookie banner, a
    disclaimer).

    >>> round(notice_share("This website uses cookies to improve your experience. Accept Read More"), 2)
    0.77
    """
    strong = rules().strong
    if (
        text.isascii()
        and strong.first_chars is not None
        and not _may_open_strong(text, strong.anchored_starts)
    ):
        return 0.0  # no sentence opens like a strong phrase (see _strong_parts)
    parts = [
        p.strip()
        for chunk in _EN_SENTENCE_END.split(text)
        for p in _ZH_SENTENCE.findall(chunk)
        if p.strip()
    ]
    if not parts:
        return 0.0
    notice = sum(map(len, _strong_parts(parts, strong)))
    return notice / max(1, sum(map(len, parts)))


@lru_cache(maxsize=4)
def _ascii_opening(starts: frozenset[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Where a sentence of ASCII text that :func:`_strong_parts` must look at can open: at the
    text's start (the first pattern, matched there) or after a sentence end and its spaces
    (:data:`_EN_SENTENCE_END`; ASCII text holds no Chinese mark; the second, searched),
    decoration or the opening of a strong phrase with ASCII ``starts``
    (:func:`.classify._ascii_openings`, any case). Two patterns, not one alternation: each
    lets ``re`` pass at once over the characters that cannot open a match.
    """
    _, openings = _ascii_openings(starts)
    heads = "".join(ch for ch in SKIP_HEAD if not ch.isspace())
    alternatives = "|".join(re.escape(o) for o in sorted(openings))
    opening = rf"(?:[{re.escape(heads)}]" + (rf"|(?i:{alternatives})" if alternatives else "") + ")"
    return re.compile(r"\s*" + opening), re.compile(r"[.!?]\s+" + opening)


def _may_open_strong(text: str, starts: frozenset[str]) -> bool:
    """Does a sentence of ASCII ``text`` open (:func:`_ascii_opening`) like a strong phrase with
    these ``starts``, or with decoration? One look tells most paragraphs have none.

    >>> _may_open_strong("Hi. We use cookies.", frozenset(["we use cookies"]))
    True
    >>> _may_open_strong("Hi, we use cookies.", frozenset(["we use cookies"]))
    False
    """
    at_start, after_end = _ascii_opening(starts)
    return at_start.match(text) is not None or after_end.search(text) is not None


def _strong_parts(parts: Sequence[str], strong: Matcher) -> list[str]:
    """Those of ``parts`` that a strong family matches at their start, folded as
    :func:`.lines.fold_many` folds them all together. A part that opens with ASCII (not
    decoration) folds to that opening in lower case, whatever the rest (script conversion and
    the width fold leave ASCII as it is): one that does not open like a strong phrase
    (:func:`.classify._ascii_openings`) needs no fold and no search. Most prose sentences."""
    if strong.first_chars is None:
        candidates = list(parts)
    else:
        k, openings = _ascii_openings(strong.anchored_starts)
        candidates = [
            p
            for p in parts
            if p[0] in SKIP_HEAD or not p[:k].isascii() or p[:k].lower() in openings
        ]
    if not candidates:
        return []
    folds = fold_many(candidates, traditional("\n".join(parts)))
    return [p for p, folded in zip(candidates, folds, strict=True) if strong.find(core(folded))]


def _prose_link(line: str, change: Change) -> bool:
    """A line of links alone whose text holds three sentences or more.

    >>> from newsclean.model import Change
    >>> _prose_link("[第一句话写在这里。第二句话也在这里。第三句话结束了。](/a)", Change("b", "debris", 1, "drop"))
    True
    >>> _prose_link("[首页](/) [新闻](/n)", Change("b", "debris", 1, "drop"))
    False
    """
    if change.rule != "debris" or "](" not in line:
        return False
    if _ends(line) + line.count(". ") < LONG_SENTENCES:
        return False  # the link text is part of the line: it cannot hold more
    text = flatten(line).text
    return _ends(text) + text.count(". ") >= LONG_SENTENCES


def page_drops(
    lines: Sequence[str],
    linenos: Sequence[int],
    verdicts: Sequence[Verdict],
    drops: dict[int, Change],
    config: Config,
) -> dict[int, Change]:
    """The drops, revised by the content model over the whole page.

    The model looks at paragraphs (:func:`paragraphs`): a scraper that wraps its lines at 80
    columns leaves a paragraph over several lines, and only the whole of it reads as prose.
    """
    if not has_blank_lines(linenos, lines):
        return drops
    spans = paragraphs(lines, linenos)
    feats = [_paragraph_class(lines, a, b) for a, b in spans]
    for k, (a, b) in enumerate(spans):
        ruled = [drops[i].rule for i in range(a, b) if i in drops]
        if len(ruled) == b - a and "neighbours" not in ruled and feats[k].cls != "bad":
            feats[k] = Features("bad", feats[k].size, feats[k].link_density, ruled[0])
    _other_stories(lines, spans, feats)
    classes, blocks = _blocks(lines, spans, feats)
    if not blocks:
        return drops
    blocks, tail = _section_ends(spans, feats, verdicts, blocks, lines)
    inside: set[int] = set()
    for first, last in blocks:
        inside.update(range(first, last))
    inside |= _numbered_runs(lines, linenos, spans, blocks)
    inside |= notes(lines, spans, blocks) | sources(lines, spans, blocks)
    inside |= _sibling_sections(lines, spans, feats, verdicts, blocks)
    table = data_tables(lines)
    outside = [
        k
        for k in range(len(spans))
        if k not in inside
        and (
            classes[k] not in KEEP_OUTSIDE
            or (k in tail and not _resumes(lines, spans, feats, k, tail[k]))
        )
        and spans[k][0] not in table
        and not _prose_outside(lines, spans[k], classes[k])
    ]
    if not is_page_dump(spans, outside, drops):
        return drops
    inside_lines = {i for k in inside for i in range(*spans[k])}
    revised = {
        i: c
        for i, c in drops.items()
        if not (i in inside_lines and _spared_inside(lines[i], c, config))
        and not (i in table and _structural(lines[i], c))
    }
    titles: set[int] = set()
    # (a list's items link nowhere: evidence only on a page whose links show, a markdown dump)
    linked = any("](" in line for line in lines)
    for first, last in blocks:
        titles |= _titles(lines, spans, feats, first)
        titles |= _edges(lines, spans, feats, (first, last), config, linked)
    revised = _titled(lines, spans, feats, blocks, revised)
    where = (
        "outside the article blocks (lines "
        + ", ".join(f"{linenos[spans[f][0]]}-{linenos[spans[e - 1][1] - 1]}" for f, e in blocks)
        + ")"
    )
    titles |= _subheads(lines, spans, outside)
    cards = _card_bylines(lines, verdicts)
    for k in outside:
        if k in titles:
            continue
        f = feats[k]
        at = (
            f"{where}, after the section header at line {linenos[spans[tail[k]][0]]}"
            if k in tail
            else where
        )
        for i in range(*spans[k]):
            if i not in revised and (_may_go(verdicts[i], f) or i in cards):
                revised[i] = Change(
                    STAGE, "outside-article", linenos[i], "drop", detail=f"{f.why}, {at}"
                )
    _subheads_kept(lines, spans, feats, outside, revised)
    revised.update(_notices_inside(spans, linenos, feats, verdicts, inside, revised))
    return revised


def _subheads_kept(
    lines: Sequence[str],
    spans: Sequence[tuple[int, int]],
    feats: Sequence[Features],
    outside: Sequence[int],
    revised: dict[int, Change],
) -> None:
    """A subhead the page model dropped outside the blocks stays when the paragraph under it
    is good prose that stays whole (it reads as the article's wherever it is): a section's
    subhead goes with its text or not at all."""
    for k in outside:
        a, b = spans[k]
        change = revised.get(a)
        if (
            b - a == 1
            and change is not None
            and change.rule == "outside-article"
            and k + 1 < len(spans)
            and feats[k + 1].cls == "good"
            and _subhead_like(lines[a], feats[k])
            and not any(i in revised or "](" in lines[i] for i in range(*spans[k + 1]))
        ):
            del revised[a]


def _subhead_like(line: str, feat: Features) -> bool:
    """A markdown heading, or a short line of its own that does not end like a sentence and is
    no bullet or link (a plain dump's subhead: ``5. Beware the wall-mounted hairdryer``)."""
    if line.lstrip().startswith("#"):
        return True
    return (
        feat.cls == "short"
        and line.lstrip()[:1] not in "*+-•·"
        and "](" not in line
        and not ends_like_sentence(line.rstrip())
    )


def _card_bylines(lines: Sequence[str], verdicts: Sequence[Verdict]) -> set[int]:
    """Protected lines (bylines, datelines) that are list items the page holds ``REPEATED``
    times or more in the same words (``* By REUTERS``): the bylines of a list of other
    stories, not the article's. Outside the blocks they may go."""
    items = [
        i for i, line in enumerate(lines) if verdicts[i].label == "protected" and is_list_item(line)
    ]
    if len(items) < REPEATED:
        return set()
    counts = Counter(fold(lines[i]) for i in items)
    return {i for i in items if counts[fold(lines[i])] >= REPEATED}


def _notices_inside(
    spans: Sequence[tuple[int, int]],
    linenos: Sequence[int],
    feats: Sequence[Features],
    verdicts: Sequence[Verdict],
    inside: set[int],
    drops: dict[int, Change],
) -> dict[int, Change]:
    """Site notices and excerpts of other stories inside the blocks, as drops: they are what
    they are on their own evidence, wherever the blocks reach (bylines stay)."""
    return {
        i: Change(STAGE, "notice", linenos[i], "drop", detail=feats[k].why)
        for k in sorted(inside)
        if feats[k].why in (NOTICE_WHY, EXCERPT_WHY)
        for i in range(*spans[k])
        if i not in drops and verdicts[i].label != "protected"
    }


def _section_ends(
    spans: Sequence[tuple[int, int]],
    feats: Sequence[Features],
    verdicts: Sequence[Verdict],
    blocks: Sequence[tuple[int, int]],
    lines: Sequence[str] = (),
) -> tuple[list[tuple[int, int]], dict[int, int]]:
    """The blocks cut at the header of a section that is not the article (``## Related
    stories``, ``More from …``, ``Comments``, ``Share this:``, ``Tags:``, a newsletter's
    sign-up: a short one-line paragraph a phrase family of ``SECTION_RULES`` dropped) when
    what follows it in the block holds less than ``SECTION_REST`` of the prose before it and
    the paragraph right after it is no prose: an article's end, not an inline ``Read more:
    …`` link nor a subhead. Also the paragraphs cut off, each with its header's paragraph:
    they are judged as outside the blocks, their neighbours' prose no reason to stay (a
    sentence ending prose paragraph without links still stays, :func:`_prose_outside`).
    What follows a header is counted up to the next such header (a sidebar is one box after
    another: most-read, newsletter, comments), lists of headlines not counted."""
    cut: list[tuple[int, int]] = []
    tail: dict[int, int] = {}
    for first, last in blocks:
        weight = [_prose_weight(feats[k]) for k in range(first, last)]
        heads = [
            k
            for k in range(first + 1, last)
            if spans[k][1] - spans[k][0] == 1 and _section_head(verdicts[spans[k][0]], feats[k])
        ]
        # boxes' headers: a line of its own words (share buttons come in rows of items; an
        # inline ``See also: [link]`` is the article's)
        boxes = [
            k for k in heads if lines and _box_header(lines[spans[k][0]], verdicts[spans[k][0]])
        ]
        before = 0
        for k in range(first, last):
            if (
                k > first
                and k in heads
                and (
                    _section_rest(lines, spans, weight, first, k, boxes)
                    if k in boxes
                    else sum(weight[k + 1 - first :])
                )
                < SECTION_REST * before
                and not (k + 1 < last and feats[k + 1].cls in ("good", "near"))
            ):
                cut.append((first, k))
                tail.update((j, k) for j in range(k, last))
                break
            before += weight[k - first]
        else:
            cut.append((first, last))
    return cut, tail


#: A markdown heading of an article's sections (``##`` to ``####``: ``#`` titles the page,
#: and sites title their sidebar's boxes with the smallest).
_LEVEL = re.compile(r"^\s*(#{2,4})\s+\S")
#: How many headings of one level, each followed by prose, the article blocks hold for the
#: sections after them with a heading of that level to be the article's; how much of such a
#: section may be link text, and how many of its lines must be data or prose.
SIBLING_HEADINGS = 2
SIBLING_LINKS = 0.4
SIBLING_DATA = 0.6


def _data_line(line: str) -> bool:
    """A line of a wiki page's or a report's data: a numbered item in plain words, a table
    row, a ``* key: value`` fact (a record's item, :func:`record_lists`), or a sentence."""
    return (
        "|" in line
        or bool(_RECORD_ITEM.match(line))
        or (bool(_NUMBERED.match(line)) and _plain_item(line))
        or (ends_like_sentence(line) and units(line) >= SHORT_UNITS)
    )


def _sibling_sections(
    lines: Sequence[str],
    spans: Sequence[tuple[int, int]],
    feats: Sequence[Features],
    verdicts: Sequence[Verdict],
    blocks: Sequence[tuple[int, int]],
) -> set[int]:
    """The paragraphs of the sections right after the last article block whose headings
    are of a level the article's own sections use (``SIBLING_HEADINGS`` headings or more in
    the blocks, each followed by prose), one after another while each holds little link
    text (``SIBLING_LINKS``), lines of data or prose mostly (``SIBLING_DATA``:
    :func:`_data_line`, not a menu's items nor other stories' headlines), and a heading no
    phrase family dropped (related stories, comments): a wiki page's discography, a
    report's tables are the article's, whatever their lines read like. Subsections of a
    deeper level go with theirs; a shallower heading, or a section that fails, ends the run."""
    if not blocks or not any(_LEVEL.match(lines[a]) for a, _ in spans):
        return set()
    levels: dict[int, int] = {}
    for first, last in blocks:
        for k in range(max(first - 1, 0), last - 1):  # (the first block's title before it)
            m = _LEVEL.match(lines[spans[k][0]])
            if m and spans[k][1] - spans[k][0] == 1 and feats[k + 1].cls in ("good", "near"):
                levels[len(m.group(1))] = levels.get(len(m.group(1)), 0) + 1
    own = [level for level, n in levels.items() if n >= SIBLING_HEADINGS]
    if not own:
        return set()
    top = min(own)
    end = max(last for _, last in blocks)
    heads = []  # (paragraph, level) of the headings after the blocks
    for k in range(end, len(spans)):
        m = _LEVEL.match(lines[spans[k][0]])
        if m:
            heads.append((k, len(m.group(1))))
    if not heads or heads[0][0] - end > EDGE or heads[0][1] != top:
        return set()
    found: set[int] = set()
    for n, (k, level) in enumerate(heads):
        if level > top:
            continue  # a subsection: goes with its section
        stop = next((j for j, lv in heads[n + 1 :] if lv <= level), len(spans))
        if level < top or verdicts[spans[k][0]].label == "boilerplate":
            break
        size = sum(feats[j].size for j in range(k, stop))
        links = sum(feats[j].size * feats[j].link_density for j in range(k, stop))
        body = [
            i
            for j in range(k, stop)
            for i in range(*spans[j])
            if not _LEVEL.match(lines[i]) and lines[i].strip()
        ]
        data = sum(_data_line(lines[i]) for i in body)
        if size == 0 or links > SIBLING_LINKS * size or data < SIBLING_DATA * len(body):
            break
        found.update(range(k, stop))
    return found


def _section_head(verdict: Verdict, feat: Features) -> bool:
    """A short paragraph a phrase family of ``SECTION_RULES`` dropped: a related-stories,
    comments, share, newsletter or tags header."""
    return (
        feat.size < NEAR_SIZE and verdict.label == "boilerplate" and verdict.rule in SECTION_RULES
    )


def _box_header(line: str, verdict: Verdict) -> bool:
    """A section header heading a box of its own: not share buttons, not a list item, nothing
    after a colon and no link (``See also: [Irreligion in …](…)`` points out of the article
    from inside it, as it does once the markdown stage has taken the link's markup away)."""
    return (
        verdict.rule != "share"
        and line.lstrip(" *_").startswith("#")
        and "](" not in line
        and not is_list_item(line)
        and _INLINE_POINTER.search(line) is None
    )


_INLINE_POINTER = re.compile(r"[:：]\s*[^\W_]")


def _section_rest(
    lines: Sequence[str],
    spans: Sequence[tuple[int, int]],
    weight: Sequence[int],
    first: int,
    k: int,
    heads: Sequence[int],
) -> int:
    """The prose in the section under header ``k``: the paragraphs after it, up to the next
    section header; a list item's paragraph (a headline of another story) adds none."""
    end = next((h for h in heads if h > k), first + len(weight))
    return sum(
        weight[j - first]
        for j in range(k + 1, end)
        if not (lines and is_list_item(lines[spans[j][0]]))
    )


def _resumes(
    lines: Sequence[str],
    spans: Sequence[tuple[int, int]],
    feats: Sequence[Features],
    k: int,
    header: int,
) -> bool:
    """Is paragraph ``k``, at most ``EDGE`` paragraphs after a section header, good prose
    ending like a sentence with no link: the article going on after a box of links."""
    a, b = spans[k]
    return (
        k - header <= EDGE
        and feats[k].cls == "good"
        and not any("](" in lines[i] for i in range(a, b))
        and ends_like_sentence(lines[b - 1].rstrip(" *_"))
    )


def _prose_weight(f: Features) -> int:
    """What a paragraph adds to an article block's prose: good its size, near-good half."""
    return f.size if f.cls == "good" else f.size // 2 if f.cls == "near" else 0


def _other_stories(
    lines: Sequence[str], spans: Sequence[tuple[int, int]], feats: list[Features]
) -> None:
    """Teasers of other stories and comment threads are bad, whatever their prose."""
    for k in _teasers(lines, spans, feats):
        feats[k] = Features("bad", feats[k].size, feats[k].link_density, TEASER_WHY)
    for k in _comments(lines, spans, feats):
        feats[k] = Features("bad", feats[k].size, feats[k].link_density, COMMENT_WHY)
    for k in _notices(lines, spans, feats):
        feats[k] = Features("bad", feats[k].size, feats[k].link_density, NOTICE_WHY)
    for k in _excerpts(lines, spans, feats):
        feats[k] = Features("bad", feats[k].size, feats[k].link_density, EXCERPT_WHY)
    for k in _gallery(lines, spans):
        feats[k] = Features("bad", feats[k].size, feats[k].link_density, GALLERY_WHY)
    for k in _cookie_notices(lines, spans, feats):
        feats[k] = Features("bad", feats[k].size, feats[k].link_density, COOKIES_WHY)


def _cookie_notices(
    lines: Sequence[str], spans: Sequence[tuple[int, int]], feats: Sequence[Features]
) -> list[int]:
    """Paragraphs of prose most of whose sentences (and at least two) speak of cookies: a
    cookie-consent dialog's text (``Out of these cookies, the cookies that are categorized
    as necessary are stored on your browser …``). Bad evidence for the page model; inside an
    article block (an article about tracking) they stay."""
    found = []
    for k, (a, b) in enumerate(spans):
        if feats[k].cls not in ("good", "near") or not any("ookie" in line for line in lines[a:b]):
            continue
        text = " ".join(lines[a:b])
        sentences = [p for p in _EN_SENTENCE_END.split(text) if p.strip()]
        cookies = sum(1 for p in sentences if _COOKIE.search(p))
        if cookies >= 2 and 2 * cookies > len(sentences):
            found.append(k)
    return found


def _gallery(lines: Sequence[str], spans: Sequence[tuple[int, int]]) -> list[int]:
    """The slides of a gallery (``## 1/50 United goin down``, ``2/50 …``, … each with its
    caption and credit): ``GALLERY_SLIDES`` or more paragraphs opening with a counter ``k/N``
    of the same ``N``, numbered one after the other, and the paragraphs between them and after
    the last one (as many as between two slides at most, up to a heading)."""
    found = [
        (k, m)
        for k, (a, b) in enumerate(spans)
        if "/" in lines[a] and (m := _SLIDE.match(lines[a])) is not None
    ]
    if len(found) < GALLERY_SLIDES:
        return []
    slides: list[int] = []
    expect, total = 1, ""
    for k, m in found:
        if m.group(1) == str(expect) and (expect == 1 or m.group(2) == total):
            slides.append(k)
            expect, total = expect + 1, m.group(2)
        elif len(slides) < GALLERY_SLIDES:
            slides, expect, total = ([k], 2, m.group(2)) if m.group(1) == "1" else ([], 1, "")
    if len(slides) < GALLERY_SLIDES:
        return []
    gap = max(b - a for a, b in pairwise(slides))
    end = slides[-1] + 1
    while end < min(len(spans), slides[-1] + gap) and not _subhead(lines, spans, end):
        end += 1
    return list(range(slides[0], end))


def _cut_off(line: str) -> bool:
    """Does the line end with a word cut off by an ellipsis (:data:`_CUT_OFF`)? Only a line
    holding one can: most lines are looked at no further (the search tries every letter)."""
    return ("..." in line or "…" in line) and _CUT_OFF.search(line) is not None


def _excerpts(
    lines: Sequence[str], spans: Sequence[tuple[int, int]], feats: Sequence[Features]
) -> list[int]:
    """Paragraphs of prose cut off in the middle of a sentence (``… he said. The...``,
    ``a plan for …``) with no prose right above or below them (a headline, a time stamp,
    ``Read more``), when the page holds ``EXCERPTS`` of them or more: the excerpts of a list
    of other stories or posts. A writer who ends paragraphs with an ellipsis writes prose
    around them."""
    n = len(spans)
    found = [
        k
        for k, (a, b) in enumerate(spans)
        if feats[k].cls in ("good", "near")
        and _cut_off(lines[b - 1])
        and (k == 0 or feats[k - 1].cls in ("short", "bad"))
        and (k == n - 1 or feats[k + 1].cls in ("short", "bad"))
    ]
    return found if len(found) >= EXCERPTS else []


def _notices(
    lines: Sequence[str], spans: Sequence[tuple[int, int]], feats: Sequence[Features]
) -> list[int]:
    """Paragraphs of prose mostly made of site notices (:func:`notice_share` at least
    ``NOTICE_SHARE``): a cookie banner, a copyright and reproduction notice, a site's terms,
    wrapped over several lines that each read as prose on their own."""
    return [
        k
        for k, (a, b) in enumerate(spans)
        if feats[k].cls in ("good", "near")
        and notice_share(visible_text(" ".join(lines[a:b]))) >= NOTICE_SHARE
    ]


def _teasers(
    lines: Sequence[str], spans: Sequence[tuple[int, int]], feats: Sequence[Features]
) -> list[int]:
    """Paragraphs of prose between a headline (a markdown heading) above and a time stamp
    (``5H ago``, ``Nov 18``) below — or below a subhead (``##`` and smaller: an article's
    title is ``#``) and a time stamp, one paragraph alone (no prose below it) — when the page holds ``TEASERS`` of them or more: the
    standfirsts of a list of other stories, not the article. In a plain dump the headline is
    a line of its own that does not end like a sentence."""
    found = [
        k
        for k in range(1, len(spans) - 1)
        if feats[k].cls in ("near", "good")
        and (
            (_stamped(lines, spans, feats, k + 1) and _headline(lines, spans[k - 1], feats[k - 1]))
            or (
                k >= 2
                and _stamped(lines, spans, feats, k - 1)
                and (
                    _subhead(lines, spans, k - 2)
                    # the story's byline between its headline and its stamp
                    or (k >= 3 and feats[k - 2].cls == "short" and _subhead(lines, spans, k - 3))
                )
                and (feats[k + 1].cls in ("short", "bad") or _subhead(lines, spans, k + 1))
            )
        )
    ]
    return found if len(found) >= TEASERS else []


def _subhead(lines: Sequence[str], spans: Sequence[tuple[int, int]], k: int) -> bool:
    """Does paragraph ``k`` open with a markdown subhead (``##`` and smaller), a list item's
    or not?"""
    return lines[spans[k][0]].lstrip(" *-+").startswith("##")


def _stamped(
    lines: Sequence[str], spans: Sequence[tuple[int, int]], feats: Sequence[Features], k: int
) -> bool:
    """Is paragraph ``k`` a time stamp with a date or time in it? (A card's stamp sits below
    its standfirst, or between its headline and its standfirst.)"""
    return feats[k].why == STAMP_WHY and bool(_STAMP_TIME.search(lines[spans[k][0]]))


def _headline(lines: Sequence[str], span: tuple[int, int], feat: Features) -> bool:
    """A markdown heading, or one line, not a sentence, not links."""
    line = lines[span[0]]
    if line.lstrip(" *-+").startswith("#"):
        return True
    return (
        span[1] - span[0] == 1
        and feat.cls in ("short", "near")
        and "](" not in line
        and not ends_like_sentence(line.rstrip())
    )


def _comments(
    lines: Sequence[str], spans: Sequence[tuple[int, int]], feats: Sequence[Features]
) -> list[int]:
    """A comment thread: from the first of ``COMMENT_HEADS`` or more comment headers (a list
    item ``1. **name** says:``, ``* name on November 19, 2019 at 6:34 am said:``) to the
    last one's comment (up to ``COMMENT_BODY`` paragraphs, ending at a heading or at
    furniture that is not a time stamp). Under a title such as ``## 34 Comments``, the
    comments' time stamps are their headers."""
    heads = [k for k, (a, b) in enumerate(spans) if b - a == 1 and _COMMENT_HEAD.match(lines[a])]
    if len(heads) < COMMENT_HEADS:
        heads = _stamped_thread(lines, spans, feats)
    if len(heads) < COMMENT_HEADS:
        heads = _reply_thread(lines, spans, feats)
    # comments follow the article: a thread starts after the page's first good paragraph
    first_good = next((k for k, f in enumerate(feats) if f.cls == "good"), len(feats))
    if len(heads) < COMMENT_HEADS or heads[0] < first_good:
        return []
    end = heads[-1] + 1
    while end < min(len(spans), heads[-1] + 1 + COMMENT_BODY):
        f, line = feats[end], lines[spans[end][0]]
        if (f.cls == "bad" and f.why != STAMP_WHY) or line.lstrip().startswith("#"):
            break
        end += 1
    return list(range(heads[0], end))


def _stamped_thread(
    lines: Sequence[str], spans: Sequence[tuple[int, int]], feats: Sequence[Features]
) -> list[int]:
    """A comments title and the time stamps that follow it, each at most ``COMMENT_BODY``
    paragraphs after the one before (the title first)."""
    title = next(
        (
            k
            for k, (a, b) in enumerate(spans)
            if b - a == 1 and feats[k].size < NEAR_SIZE and _COMMENTS_TITLE.match(lines[a])
        ),
        None,
    )
    if title is None:
        return []
    heads = [title]
    for k in range(title + 1, len(spans)):
        if (feats[k].why == STAMP_WHY and _STAMP_TIME.search(lines[spans[k][0]])) or (
            _stamped_below_name(lines, *spans[k])
        ):
            heads.append(k)
        elif k - heads[-1] > COMMENT_BODY and (
            # a long comment goes on to the next stamp; a heading or furniture ends the thread
            k - heads[-1] > LONG_COMMENT
            or feats[k].cls == "bad"
            or lines[spans[k][0]].lstrip().startswith("#")
        ):
            break
    return heads if len(heads) > COMMENT_HEADS else []


def _stamped_below_name(lines: Sequence[str], a: int, b: int) -> bool:
    """Does the paragraph ``lines[a:b]`` hold a comment's header as a plain dump writes it,
    the name, the time stamp and the comment run together: a short line (the commenter's
    name), then a time stamp with a date or time in it (``Woyzeck`` / ``2 days ago at 07:52
    am`` / …)? (A dump's blank lines can fall anywhere in a thread: any line of it.)"""
    return any(
        units(lines[i]) <= _NAME_UNITS
        and not ends_like_sentence(lines[i])
        and _STAMP_TIME.search(lines[i + 1]) is not None
        and line_class(lines[i + 1]).why == STAMP_WHY
        for i in range(a, b - 1)
    )


#: The longest a commenter's name is, in units (words; a CJK character each).
_NAME_UNITS = 4


#: A comment's reply button, a link or not (``* [Reply](…)``, ``_Reply_``, ``回复``).
_REPLY = re.compile(
    r"(?i)^[\W_]*(?:reply|responder|responda|antworten|répondre|rispondi|回复|回覆|返信|답글)[\W_]*$"
)


_REPLY_WORD = re.compile(r"(?i)reply|respond|antworten|répondre|rispondi|回复|回覆|返信|답글")
#: :data:`_REPLY_WORD` for ASCII text in lower case: the same words (``répondre`` cannot be in
#: it), matched with case, which lets ``re`` skip to their first letters.
_REPLY_WORD_ASCII = re.compile(r"reply|respond|antworten|rispondi")


def _has_reply_word(line: str) -> bool:
    """Does the line hold a reply button's word (:data:`_REPLY_WORD`), in any case?

    >>> _has_reply_word("* [REPLY](#c1)"), _has_reply_word("Répondre"), _has_reply_word("回复"), _has_reply_word("Repl")
    (True, True, True, False)
    """
    if line.isascii():  # ASCII letters have no case forms beyond ASCII's
        return _REPLY_WORD_ASCII.search(line.lower()) is not None
    return _REPLY_WORD.search(line) is not None


def _reply_thread(
    lines: Sequence[str], spans: Sequence[tuple[int, int]], feats: Sequence[Features]
) -> list[int]:
    """The headers of a comment thread whose comments each end in a reply button: for each
    of ``COMMENT_HEADS`` or more buttons, the nearest one-line paragraph above it (after the
    button before) that is short and holds a date or time (``Name · March 10, 2017 at 1:26
    AM``)."""
    replies = [
        k
        for k, (a, b) in enumerate(spans)
        if b - a == 1
        and feats[k].size < NEAR_SIZE
        and _has_reply_word(lines[a])  # most lines hold none: flatten no more of them
        and _REPLY.match(flatten(lines[a]).text)
    ]
    if len(replies) < COMMENT_HEADS:
        return []
    heads: list[int] = []
    after = -1
    for r in replies:
        for k in range(r - 1, max(after, r - 1 - COMMENT_BODY), -1):
            a, b = spans[k]
            if b - a == 1 and feats[k].size < NEAR_SIZE and _STAMP_TIME.search(lines[a]):
                heads.append(k)
                break
        after = r
    return heads if len(heads) >= COMMENT_HEADS else []


def _numbered_runs(
    lines: Sequence[str],
    linenos: Sequence[int],
    spans: Sequence[tuple[int, int]],
    blocks: Sequence[tuple[int, int]],
) -> set[int]:
    """The paragraphs of numbered lists (1, 2, 3… at least ``NUMBERED_ITEMS`` items, no links
    in them) that start in an article block or within ``EDGE`` paragraphs after it: a list of
    products, steps or points that ends an article is the article's, whatever its items read
    like. A ranking of linked headlines is not such a list."""
    if not any(_NUMBERED.match(line) for line in lines):
        return set()
    para = [0] * len(lines)
    for k, (a, b) in enumerate(spans):
        para[a:b] = [k] * (b - a)
    starts: set[int] = set()
    for first, last in blocks:
        starts.update(range(first, min(len(spans), last + EDGE)))
    found: set[int] = set()
    for first, stop in _numbered_sequences(lines):
        # the last item's own lines (wrapped text, its link) run on to the next blank line
        end, last = min(len(lines), stop + NUMBERED_GAP - 1), stop
        while last < end and linenos[last] == linenos[last - 1] + 1:
            last += 1
        if para[first] in starts:
            found.update(range(para[first], para[last - 1] + 1))
    return found


def _plain_item(line: str) -> bool:
    """An item of a numbered list of the article's: not a link, not a comment's header."""
    return "](" not in line and not _COMMENT_HEAD.match(line)


def _numbered_sequences(lines: Sequence[str]) -> list[tuple[int, int]]:
    """``(first, stop)`` line spans of lists numbered 1, 2, 3… (items up to ``NUMBERED_GAP``
    lines apart: a wrapped item, its link on a line of its own), of ``NUMBERED_ITEMS`` items or
    more, none of them a markdown link or a comment's header."""
    found = []
    i, n = 0, len(lines)
    while i < n:
        m = _NUMBERED.match(lines[i])
        if not m or m.group(1) != "1" or not _plain_item(lines[i]):
            i += 1
            continue
        last, expect, j = i, 2, i + 1
        while j < n and j - last <= NUMBERED_GAP:
            m = _NUMBERED.match(lines[j])
            if m and int(m.group(1)) == expect:
                if not _plain_item(lines[j]):
                    break
                last, expect = j, expect + 1
            j += 1
        if expect - 1 >= NUMBERED_ITEMS:
            found.append((i, last + 1))
        i = last + 1
    return found


def _blocks(
    lines: Sequence[str], spans: Sequence[tuple[int, int]], feats: Sequence[Features]
) -> tuple[list[Class], list[tuple[int, int]]]:
    """The smoothed classes and the article blocks. Paragraphs of images alone (no link, no
    text) say nothing about where the article is: an article's photos sit between its
    paragraphs. They are left out of the smoothing and the blocks' scores, and a block reaches
    over them (a paragraph between two of its parts stays in it)."""
    kept = [k for k, (a, b) in enumerate(spans) if not _images_only(lines, a, b)]
    if len(kept) == len(spans):
        smoothed = smooth([f.cls for f in feats])
        return smoothed, article_blocks(smoothed, [f.size for f in feats])
    sub = smooth([feats[k].cls for k in kept])
    classes: list[Class] = [f.cls for f in feats]
    for j, k in enumerate(kept):
        classes[k] = sub[j]
    blocks = article_blocks(sub, [feats[k].size for k in kept])
    return classes, [(kept[a], kept[b - 1] + 1) for a, b in blocks]


def _images_only(lines: Sequence[str], a: int, b: int) -> bool:
    """Is the paragraph images and nothing else (no text, no link)?"""
    for i in range(a, b):
        line = lines[i]
        if "![" not in line:
            return False
        m = flatten(line)
        if m.text or m.links or not m.images:
            return False
    return True


def _prose_outside(lines: Sequence[str], span: tuple[int, int], cls: str) -> bool:
    """A near-good paragraph outside the blocks that ends like a sentence, with no link in
    it: prose the block's edges missed (a caption, an article's last paragraph after a
    widget). When unsure, keep."""
    a, b = span
    if cls != "near" or any("](" in lines[i] for i in range(a, b)):
        return False
    return ends_like_sentence(lines[b - 1].rstrip(" *_"))


def _paragraph_class(lines: Sequence[str], a: int, b: int) -> Features:
    """The class of a paragraph. A list is judged as a whole; but a list whose items are a few
    words each (a menu), or headlines none of which ends like a sentence (related articles,
    rankings), is at best short, whatever words it holds."""
    f = line_class(" ".join(lines[a:b]))
    if (
        b - a >= MENU_ITEMS
        and f.cls != "bad"
        and (is_list_item(lines[a]) or all(_O_BULLET.match(line) for line in lines[a:b]))
        and _menu(lines, a, b)
    ):
        return Features("bad", f.size, f.link_density, f"{MENU_WHY}: list of {b - a} short items")
    if b - a < 2 or f.cls not in ("good", "near") or not is_list_item(lines[a]):
        return f
    n = b - a
    if f.size < MENU_ITEM_SIZE * n:
        return Features("short", f.size, f.link_density, f"list of {n} short items")
    sentences = sum(1 for i in range(a, b) if ends_like_sentence(lines[i]))
    if 2 * sentences < n and f.size < HEADLINE_SIZE * n:
        return Features("short", f.size, f.link_density, f"list of {n} headlines")
    return f


def _menu(lines: Sequence[str], a: int, b: int) -> bool:
    """A list of ``MENU_ITEMS`` items or more, each a few words (at most ``MENU_ITEM_SIZE``
    units on average, none over ``HEADLINE_SIZE``), none ending like a sentence: a site's
    menu (``* Home``, ``* World``, ``* Sport``), links or not."""
    # the cheap test first; then the items' sizes, stopping at the first too big (or once
    # their sum, which only grows, is over): most lists of prose or headlines stop early
    if any(ends_like_sentence(line.rstrip(" *_")) for line in lines[a:b]):
        return False
    limit, total = MENU_ITEM_SIZE * (b - a), 0
    for line in lines[a:b]:
        size = line_class(line).size
        total += size
        if size > HEADLINE_SIZE or total > limit:
            return False
    return True


_NUMBERED = re.compile(r"^\s*(\d{1,3})[.)、]\s*")


def structure(lines: Sequence[str], drops: dict[int, Change]) -> dict[int, Change]:
    """``drops`` without the rows of data tables and the items of numbered lists written in
    sentences that only their shape or their neighbours dropped: a table or a list at the end
    of an article is the article's.

    >>> from newsclean.model import Change
    >>> lines = ["正文。", "1. 第一条意见写在这里。", "2. 第二条意见也写在这里。", "责任编辑：李四"]
    >>> sorted(structure(lines, {1: Change("b", "neighbours", 2, "drop"), 3: Change("b", "credit", 4, "drop")}))
    [3]
    """
    if not any(c.rule in _TABLE_SPARED or c.rule in ("debris", "credit") for c in drops.values()):
        return drops
    rows = any(_row_like(lines[i]) for i in drops)
    kept = data_tables(lines) if rows else set()
    kept |= numbered_lists(lines)
    # Rows of a ruled table that a credit's pattern read as a page's meta line (a date, then
    # a bar: ``2008年10月24日 | KBS2 | …`` opens as ``2024-06-25 | 来源：…`` does) are data
    # where they are many: a column of dates (a layout table holds a page's one meta line).
    credits = rows and any(c.rule == "credit" for c in drops.values())
    ruled = ruled_tables(lines) if credits else set()
    dated = {i for i in ruled if i in drops and drops[i].rule == "credit"}
    if len(dated) < DATED_ROWS:
        dated = set()
    out = {
        i: c
        for i, c in drops.items()
        if i not in dated and not (i in kept and _structural(lines[i], c))
    }
    # a table's rule spared goes all the same where every row around it goes: alone, it is
    # no table (and cleaning the output again would drop it)
    for i in [i for i in drops if i not in out and is_table_rule(lines[i])]:
        if all(k in out for k in _table_rows(lines, i)):
            out[i] = drops[i]
    return out


def _table_rows(lines: Sequence[str], i: int) -> list[int]:
    """The rows (lines with a ``|``, not rules) of the table around the rule ``lines[i]``."""
    a = b = i
    while a > 0 and "|" in lines[a - 1]:
        a -= 1
    while b + 1 < len(lines) and "|" in lines[b + 1]:
        b += 1
    return [k for k in range(a, b + 1) if not is_table_rule(lines[k])]


def orphan_headers(
    lines: Sequence[str], linenos: Sequence[int], drops: dict[int, Change]
) -> dict[int, Change]:
    """The header row and rule of a table whose rows all went, as drops: a header alone is
    no data (and, its rule gone, the next pass would judge it as a row of short items).

    >>> from newsclean.model import Change
    >>> lines = ["正文。", "日期 | 节目名称 | 备注", "---|---|---", "2005年7月1日 | 某节目 | 来源：某台", "正文。"]
    >>> sorted(orphan_headers(lines, range(1, 6), {3: Change("b", "credit", 4, "drop")}))
    [1, 2]
    """
    found: dict[int, Change] = {}
    n = len(lines)
    for i in range(1, n):
        if i in drops or (i - 1) in drops or not is_table_rule(lines[i]) or "|" not in lines[i - 1]:
            continue
        rows = []
        j = i + 1
        while j < n and "|" in lines[j] and not is_table_rule(lines[j]):
            rows.append(j)
            j += 1
        if rows and all(k in drops for k in rows):
            detail = f"header of a table whose rows all went (lines {linenos[rows[0]]}-{linenos[rows[-1]]})"
            for k in (i - 1, i):
                found[k] = Change(STAGE, "neighbours", linenos[k], "drop", detail=detail)
    return found


_BOX_ONLY = re.compile(r"^[\s\u2500-\u257f\u2190-\u21ff-]+$")
_HORIZONTAL = frozenset("─━═┄┅┈┉╌╍ \t-")


def is_drawing(line: str) -> bool:
    """A line of box-drawing characters (and arrows) with a bar or a corner (``│``, ``└→``): a piece of a
    table or a chart drawn in the text, not a separator (``────``) nor site furniture. It
    anchors no neighbours: the chart's labels beside it are the article's.

    >>> is_drawing("│"), is_drawing("└→ ↓ │"), is_drawing("────────"), is_drawing("| |")
    (True, True, False, False)
    """
    return bool(_BOX_ONLY.match(line)) and not _HORIZONTAL.issuperset(line)


def _kept_around(linenos: Sequence[int], drops: Mapping[int, object], i: int) -> bool:
    """Do the lines right above and right below line ``i`` stay, with no blank line between?"""
    return (
        0 < i < len(linenos) - 1
        and linenos[i - 1] == linenos[i] - 1
        and linenos[i + 1] == linenos[i] + 1
        and i - 1 not in drops
        and i + 1 not in drops
    )


def table_rules(
    lines: Sequence[str], linenos: Sequence[int], drops: dict[int, Change]
) -> dict[int, Change]:
    """``drops`` without the box-drawn rules (``────``) of one-column tables: a rule dropped
    for having no text stays when the lines right above and below it in the input (a header,
    a value) stay. It goes with its table, as a markdown table's rule does.

    >>> from newsclean.model import Change
    >>> sorted(table_rules(["avg", "─────", "4.33"], [1, 2, 3], {1: Change("b", "debris", 2, "drop")}))
    []
    """
    found = {
        i
        for i, c in drops.items()
        if c.rule == "debris"
        and is_box_rule(lines[i])
        and _kept_around(linenos, drops, i)
        and not is_box_rule(lines[i - 1])
        and not is_box_rule(lines[i + 1])
    }
    return {i: c for i, c in drops.items() if i not in found} if found else drops


_CLOSERS_ONLY = re.compile(r"^\s*[)\]}]+[;,]?(?:\s*[)\]}]+[;,]?)*\s*$")
#: A line that opens a bracket: code above a closer.
_OPENS_BRACKET = re.compile(r"[{(\[]")
_ENDS_STATEMENT = re.compile(r";\s*$")
_CHINESE = re.compile(f"[{CJK}{CJK_PUNCT}]")


def _opens_code(line: str) -> bool:
    """Is ``line``, above a closing bracket, code: does it open a bracket, or end in ``;``
    with no Chinese in it? In a Chinese line a ``;`` is prose's narrowed ``；`` (``會,;``), which
    the punctuation stage widens, and the closer would go when the output is cleaned again.

    >>> _opens_code("return x + y;"), _opens_code('printf("你好");'), _opens_code("會,;")
    (True, True, False)
    """
    if _OPENS_BRACKET.search(line):
        return True
    return bool(_ENDS_STATEMENT.search(line)) and not _CHINESE.search(line)


def code_closers(
    lines: Sequence[str], linenos: Sequence[int], drops: dict[int, Change]
) -> list[int]:
    """The lines of closing brackets alone (``}``, ``);``, ``)]``) dropped for having no text
    that end a block of code: the line right above in the input (no blank line between) is
    code that stays (or another such closer), and the nearest of them that is not a closer
    opens a bracket or ends in ``;`` (or a line of the block above it opens the bracket this
    one closes), and holds no link (whose target a scraper may have broken
    over two lines). A program's ``}`` is the article's, and as debris it
    would take the code and prose between two of them along as its neighbours.

    >>> from newsclean.model import Change
    >>> lines = ["int add(int x, int y) {", "return x + y;", "}", "正文。"]
    >>> code_closers(lines, [1, 2, 3, 5], {2: Change("b", "debris", 3, "drop")})
    [2]
    >>> code_closers(["菜单", "}"], [1, 3], {1: Change("b", "debris", 3, "drop")})
    []
    >>> sql = ["WITH series AS (", "SELECT *", "FROM t", "),", "bounds AS ("]
    >>> code_closers(sql, [1, 2, 3, 4, 5], {3: Change("b", "debris", 4, "drop")})
    [3]
    """
    found: list[int] = []
    for i in sorted(drops):
        if drops[i].rule != "debris" or not _CLOSERS_ONLY.match(lines[i]):
            continue
        k = i - 1
        while k >= 0 and linenos[k] == linenos[k + 1] - 1 and k in found:
            k -= 1  # up through the closers before it
        if (
            k >= 0
            and linenos[k] == linenos[k + 1] - 1
            and k not in drops
            and "](" not in lines[k]  # a link's target the scraper broke: `[t](http://…` + `)`
            and (_opens_code(lines[k]) or _opened_above(lines, linenos, drops, k, i))
        ):
            found.append(i)
    return found


_OPENERS_ONLY = re.compile(r"^\s*[(\[{]+\s*$")
#: How a line of code that goes on in an opening bracket on the next line ends: an argument
#: list or an array going on (``render('badge.twig',``), an assignment, a signature whose
#: body opens below (``function f()`` / ``{``), or another bracket.
_GOES_ON = re.compile(r"(?:[,(\[{=)]|=>)\s*$")


def code_openers(
    lines: Sequence[str], linenos: Sequence[int], drops: dict[int, Change]
) -> list[int]:
    """The lines of opening brackets alone (``[``, ``{``, ``(``) dropped for having no text
    that go on with the code around them: the lines right above and right below (no blank
    line between) stay, hold no link or image (html2text puts a linked image's ``[`` on a
    line of its own), and the one above is code that goes on (:data:`_GOES_ON`), not
    Chinese prose. A program's ``[`` is the article's; and the closer that ends it is found
    by :func:`code_closers` only if it stays.

    >>> from newsclean.model import Change
    >>> lines = ["return render('badge',", "[", "'user' => $user,", "]"]
    >>> drops = {1: Change("b", "debris", 2, "drop"), 3: Change("b", "debris", 4, "drop")}
    >>> code_openers(lines, [1, 2, 3, 4], drops)
    [1]
    >>> code_openers(["See the photos:", "[", "![](a.jpg)", "](/gallery)"], [1, 2, 3, 4],
    ...              {1: Change("b", "debris", 2, "drop")})
    []
    """
    found: list[int] = []
    for i in sorted(drops):
        if drops[i].rule != "debris" or not _OPENERS_ONLY.match(lines[i]):
            continue
        if not _kept_around(linenos, drops, i):
            continue
        above, below = lines[i - 1], lines[i + 1]
        if (
            "](" not in above
            and "](" not in below
            and "![" not in below
            and _GOES_ON.search(above)
            and not _CHINESE.search(above)
        ):
            found.append(i)
    return found


#: Symbols, then the comma of a list going on: ``*,`` of SQL's ``SELECT`` / ``*,``.
_SYMBOLS_THEN_COMMA = re.compile(r"^\s*[^\w\s,]+,\s*$")


def code_commas(
    lines: Sequence[str], linenos: Sequence[int], drops: dict[int, Change]
) -> list[int]:
    """The lines of symbols ending in a comma (``*,``) dropped for having no text, inside a
    block of code: the lines right above and right below (no blank line between) stay and
    hold no link and no Chinese. A menu's separators (``|``, ``·``) end in no comma; a
    program's ``*,`` is the article's, and as debris it would take the lines of code
    around it along as its neighbours.

    >>> from newsclean.model import Change
    >>> sql = ["SELECT", "*,", "zscore > 3 AS alert", "FROM", "stats;"]
    >>> code_commas(sql, [1, 2, 3, 4, 5], {1: Change("b", "debris", 2, "drop")})
    [1]
    >>> code_commas(["SELECT", "*,", "", "x"], [1, 2, 4, 5], {1: Change("b", "debris", 2, "drop")})
    []
    """
    return [
        i
        for i, c in drops.items()
        if c.rule == "debris"
        and _SYMBOLS_THEN_COMMA.match(lines[i])
        and _kept_around(linenos, drops, i)
        and not any("](" in lines[j] or _CHINESE.search(lines[j]) for j in (i - 1, i + 1))
    ]


#: How far up a closer's bracket is looked for (lines of one block, no blank line between).
_OPENED_WITHIN = 40
_PAIRS = {")": "(", "]": "[", "}": "{"}


def _opened_above(
    lines: Sequence[str], linenos: Sequence[int], drops: dict[int, Change], k: int, i: int
) -> bool:
    """Does a line of the block above closer ``i`` (from line ``k`` up, lines that stay, no
    blank line or link between) open the bracket it closes and nothing closed since: SQL's
    ``WITH series AS (`` / ``SELECT *`` / ``),``?"""
    closer = lines[i].strip()[0]
    opener = _PAIRS[closer]
    need = 1
    for j in range(k, max(-1, k - _OPENED_WITHIN), -1):
        if j < k and (linenos[j] != linenos[j + 1] - 1 or j in drops):
            return False
        line = lines[j]
        if "](" in line:
            return False
        need += line.count(closer) - line.count(opener)
        if need <= 0:
            return True
    return False


#: Rules that judge a line by its shape, its place or the batch, not by a phrase in it.
NOT_A_PHRASE = frozenset({*_WHOLE_LINE, "neighbours", "outside-article", "listing"})
#: What a list item's line can start with (a cheap test before :func:`.markdown.is_list_item`).
_LIST_STARTS = frozenset("*+-\\•·0123456789 \t\u3000\xa0")
#: A list this long or more, all else in it staying, keeps its item written in plain words.
LIST_ITEMS = 3
#: ... its items this long at least (units: three words), not a menu's one or two words.
ITEM_WORDS = 6


def list_siblings(
    lines: Sequence[str], linenos: Sequence[int], drops: dict[int, Change]
) -> dict[int, Change]:
    """``drops`` without the one item of a list of plain words (no links) that a phrase
    family dropped while all the rest of its list stays: a list of what a product does (``* Read the
    news``, ``* Watch videos & view photos``) is the article's, and a phrase in one item
    (``watch video``) does not make that item a widget. A notice a strong family knows
    still goes.

    >>> from newsclean.model import Change
    >>> items = ["* Read the latest news", "* Manage your downloads", "* Watch videos & view photos"]
    >>> list_siblings(items, [1, 2, 3], {2: Change("b", "media", 3, "drop", "matched 'watch video'")})
    {}
    >>> menu = ["* Home", "* Politics", "* Video"]
    >>> list(list_siblings(menu, [1, 2, 3], {2: Change("b", "media", 3, "drop", "matched 'video'")}))
    [2]
    """
    found = [
        i
        for i, c in drops.items()
        if lines[i][:1] in _LIST_STARTS and c.rule not in NOT_A_PHRASE and is_list_item(lines[i])
    ]
    if not found:
        return drops
    spared: set[int] = set()
    strong = rules().strong
    for i in found:
        first = last = i
        while (
            first > 0
            and linenos[first - 1] == linenos[first] - 1
            and is_list_item(lines[first - 1])
        ):
            first -= 1
        while (
            last + 1 < len(lines)
            and linenos[last + 1] == linenos[last] + 1
            and is_list_item(lines[last + 1])
        ):
            last += 1
        run = range(first, last + 1)
        if (
            len(run) >= LIST_ITEMS
            and all(k not in drops for k in run if k != i)  # the one item a phrase took
            and all(units(lines[k]) >= ITEM_WORDS for k in run)  # phrases, not a menu's words
            and not any("](" in lines[k] for k in run)
            and not strong.find(core(fold(lines[i])))
        ):
            spared.add(i)
    return {i: c for i, c in drops.items() if i not in spared} if spared else drops


def _structural(line: str, change: Change) -> bool:
    """Was a row or item dropped for its shape or its neighbours (or, a table's rule, for
    having no text)?"""
    return change.rule in _TABLE_SPARED or (change.rule == "debris" and is_any_rule(line))


def numbered_lists(lines: Sequence[str]) -> set[int]:
    """Items of lists numbered 1, 2, 3… at least half of which end like a sentence."""
    found: set[int] = set()
    for items in numbered_runs(lines, _NUMBERED):
        if len(items) >= 2 and 2 * sum(ends_like_sentence(lines[k]) for k in items) >= len(items):
            found.update(items)
    return found


def _data_row(line: str) -> bool:
    """A row of two cells or more that is not a rule and not shaped like a menu (short items,
    few numbers)."""
    if is_any_rule(line) or sum(1 for c in _CELLS.split(line) if c.strip()) < 2:
        return False
    return shape_rule(fold(line)) != "link-list"


#: A character every row or box-drawn rule holds (a bar, or a box-drawing character): most
#: lines hold none, and one search tells (:func:`_row_like`).
_ROW_CHAR = re.compile("[|\u2500-\u257f]")
_BOX_CHAR = re.compile("[\u2500-\u257f]")


def _row_like(line: str) -> bool:
    """A line that may belong to a table: a row (``a | b``, ``a │ b``) or a box-drawn rule."""
    if _ROW_CHAR.search(line) is None:  # the bars are box-drawing characters too
        return False
    return "|" in line or any(bar in line for bar in BOX_BARS) or is_box_rule(line)


def _table_part(lines: Sequence[str], k: int) -> bool:
    """A data row, the rule, the header row above it, or a continuation line: not a row
    shaped like a menu that a layout table put among them."""
    line = lines[k]
    if not _row_like(line) or is_any_rule(line) or _data_row(line):
        return True
    return k + 1 < len(lines) and is_any_rule(lines[k + 1])


def data_tables(lines: Sequence[str]) -> set[int]:
    """The lines of markdown tables of data: runs of rows (``a | b``, continuation lines of
    multi-line cells up to ``TABLE_GAP`` between them) holding a ``---|---`` rule, no links.

    >>> sorted(data_tables(["x", "名称 | 人数", "---|---", "艺术学 | 7", "（续）", "音乐学 | 9", "y"]))
    [1, 2, 3, 4, 5]
    """
    if type(lines) is tuple:  # a document's lines: the stage asks twice for the same ones
        return set(_tables_of(lines))
    return _data_tables(lines)


@lru_cache(maxsize=1)  # the last document's (:func:`structure`, then :func:`page_drops`)
def _tables_of(lines: tuple[str, ...]) -> frozenset[int]:
    return frozenset(_data_tables(lines))


def _data_tables(lines: Sequence[str]) -> set[int]:
    """:func:`data_tables`, worked out."""
    if _ROW_CHAR.search("\n".join(lines)) is None:
        return record_lists(lines)  # no line a row or a rule (one scan): no table but these
    return ruled_tables(lines) | key_value_tables(lines) | record_lists(lines)


def places(lines: Sequence[str]) -> list[int]:
    """Where each line stands once exact copies of lines above it are gone (a copy stands
    where the line before it does). Rows are this far apart, not as far as the lines say: the
    duplicates stage takes copies away after tables are read, and a second run must find the
    same tables.

    >>> places(["a", "b", "b", "a", "c"])
    [1, 2, 2, 2, 3]
    """
    n = len(lines)
    first = dict(zip(reversed(lines), range(n - 1, -1, -1), strict=True))
    return list(accumulate(map(eq, map(first.__getitem__, lines), range(n)), initial=0))[1:]


def ruled_tables(lines: Sequence[str]) -> set[int]:
    """The lines of the tables of :func:`data_tables` that hold a rule (``---|---``, or drawn
    with box characters)."""
    found: set[int] = set()
    i, n = 0, len(lines)
    place = places(lines)
    while i < n:
        if not _row_like(lines[i]):
            i += 1
            continue
        rows, last, j = [i], i, i + 1
        while j < n and place[j] - place[last] <= TABLE_GAP:
            if _row_like(lines[j]):
                rows.append(j)
                last = j
            j += 1
        for start, stop in _tables_in(lines, rows, last + 1):
            # the table ends before its first link: a layout table's footer row is not data;
            # under a header of plain text, before its first row of links (a row with a
            # linked name among its cells is data)
            plain = "](" not in lines[start]
            ends = _link_row if plain else _has_link
            end = next((k for k in range(start, stop) if ends(lines[k])), stop)
            run = range(start, end)
            rules = sum(1 for k in run if is_table_rule(lines[k]))
            data = sum(1 for k in run if "|" in lines[k] and _data_row(lines[k]))
            if rules and data:
                # under a plain header of three cells or more, a row of as many cells is the
                # table's, whatever its shape (``**2005年** | 星星 | 金锺国 |``)
                width = lines[start].count("|") if plain and not is_table_rule(lines[start]) else 0
                # ... or as many as its rule has columns (a header wrapped over two lines
                # shows fewer); and the last line of a multi-line cell, ending its row (``… |``)
                ruled = next(lines[k].count("|") for k in run if is_table_rule(lines[k]))
                ruled = ruled if plain and ruled >= 2 else 0
                held = [
                    k
                    for k in run
                    if _table_part(lines, k)
                    or (width >= 2 and lines[k].count("|") == width)
                    or (ruled and (lines[k].count("|") == ruled or _cell_end(lines[k])))
                ]
                # ... and a row between two rows it holds, whatever its shape: a cell that
                # spans rows leaves the rows below it short (``SBS歌谣大战 | 不适用 | 获奖``
                # under ``年份 | 颁奖典礼 | 奖项 | 作品 | 结果``), and a menu among the data
                # would be links, where the table has ended already. Not a chart's line
                # (``│| │``): a drawing is read as it is drawn (:func:`is_drawing`).
                found.update(held)
                if held:
                    found.update(
                        k for k in range(held[0], held[-1]) if not _BOX_CHAR.search(lines[k])
                    )
            elif _box_table(lines, run):
                found.update(run)
        i = last + 1
    return found


#: A table of keys and values (an infobox, a fact box, a spec sheet) has this many rows or more,
KEY_VALUE_ROWS = 4
#: ... each key a plain label this long at most (units).
KEY_UNITS = 8


def key_value_tables(lines: Sequence[str]) -> set[int]:
    """The lines of tables of keys and values that a scraper draws without a ``---|---`` rule
    (a one-cell header above them): ``KEY_VALUE_ROWS`` or more rows ``key| value`` (two cells,
    the key a short label of plain text, the value some text), with the continuation lines of
    multi-line values (up to ``TABLE_GAP``) between them. An infobox is data.

    >>> sorted(key_value_tables(["某人", "原文名| 김종국", "国籍| 韩国", "职业| [歌手](/w)",
    ...                          "经纪公司| 甲娱乐", "乙娱乐", "网站| <http://a.kr>", "正文。"]))
    [1, 2, 3, 4, 5, 6]
    >>> key_value_tables(["[首页](/) | [新闻](/n)"] * 5), key_value_tables(["### 米兰 | 设计周"] * 5)
    (set(), set())
    >>> key_value_tables(["·影视 | 江山风雨情"] * 5), key_value_tables(["By Jane Doe | Jan. 2, 2015"] * 5)
    (set(), set())
    """
    found: set[int] = set()
    rows: list[int] = []
    place = places(lines)

    def close() -> None:
        # a listing of names and dates (bylines, posts) is no table of facts
        values = [lines[k].rsplit("|", 1)[-1] for k in rows]
        distinct = len({lines[k] for k in rows})  # a row again is one row (see places())
        if distinct >= KEY_VALUE_ROWS and 2 * sum(map(is_stamp, values)) <= len(rows):
            found.update(range(rows[0], rows[-1] + 1))
        rows.clear()

    for i, line in enumerate(lines):
        if "|" not in line:
            continue
        if _key_value(line):
            if rows and place[i] - place[rows[-1]] > TABLE_GAP:
                close()
            rows.append(i)
        elif rows:  # another kind of row ends the table
            close()
    if rows:
        close()
    return found


#: A list of records repeats this many records or more, ...
RECORDS = 3
#: ... with this many keys or more in every one of them (``发行日期``, ``唱片公司``).
RECORD_KEYS = 2
#: A record's item in a plain text dump, its bullet lost: ``key：value`` with a full-width
#: colon and a key of one word (``发动机总排量：1171ml``), in two records or more (two models'
#: spec sheets side by side) of four keys or more each: a byline's ``来源：`` and ``作者：``,
#: a comment's ``时间：`` and ``回复：``, are fewer.
PLAIN_RECORDS = 2
PLAIN_RECORD_KEYS = 4
_PLAIN_RECORD = re.compile(r"^\s*([^:：\[\]()（）|\s]{1,16})：\s*\S")
_RECORD_ITEM = re.compile(r"^\s*(?:[*+\-•·]|\d{1,3}[.)、])\s+([^:：\[\]()（）|]{1,16})[：:]\s*\S")


def record_lists(lines: Sequence[str]) -> set[int]:
    """The items of lists of records: runs of ``* key：value`` items (a short plain key, no
    link in the item, nothing else between them) holding ``RECORD_KEYS`` keys or more that
    come back in ``RECORDS`` runs or more, a record each (a discography's release date and label, a filmography, a
    spec sheet per model). The keys that come back are the page's fields: data, not furniture.
    A byline or a source line is one key, once.

    >>> page = ["## 第一张专辑", "* 发行日期：2001年12月14日", "* 唱片公司：甲唱片",
    ...         "## 第二张专辑", "* 发行日期：2004年6月19日", "* 唱片公司：乙唱片", "正文。",
    ...         "* 发行日期：2005年7月1日", "* 唱片公司：丙唱片"]
    >>> sorted(record_lists(page))
    [1, 2, 4, 5, 7, 8]
    >>> record_lists(["* 来源：某报", "* 编辑：张三", "正文。", "* 来源：某报", "* 编辑：李四"])
    set()
    >>> record_lists(["* [标题](/a) 发布：1月1日"] * 6)
    set()
    """
    found = _records(lines, _RECORD_ITEM, RECORDS, RECORD_KEYS)
    if "：" in "".join(lines):  # a plain text dump's spec sheet: its list's bullets lost
        found |= _records(lines, _PLAIN_RECORD, PLAIN_RECORDS, PLAIN_RECORD_KEYS)
    return found


def _records(lines: Sequence[str], item: re.Pattern[str], records: int, keys: int) -> set[int]:
    """:func:`record_lists` for items that ``item`` matches (its key in group 1): runs of
    them holding ``keys`` keys or more that come back in ``records`` runs or more."""
    runs: list[list[tuple[int, str]]] = []
    last = -2
    for i, line in enumerate(lines):
        m = item.match(line) if "](" not in line else None
        if m is None or units(m[1]) > KEY_UNITS:
            continue
        if i != last + 1:  # any other line between two items ends a record
            runs.append([])
        runs[-1].append((i, m[1].strip()))
        last = i
    seen = Counter(key for run in runs for key in {k for _, k in run})
    fields = {key for key, n in seen.items() if n >= records}
    found: set[int] = set()
    for run in runs:
        if len({k for _, k in run} & fields) >= keys:
            found.update(i for i, k in run if k in fields)
    return found


def _key_value(line: str) -> bool:
    """``key| value``: two cells, the key a short label (no link), the value visible text."""
    cells = line.strip().strip("|").split("|")
    if len(cells) != 2 or is_any_rule(line) or _kind(line) != "table":
        return False  # a heading or a list item with a bar in it is no row
    # the key as the markdown stage leaves it: an image beside a label goes, a link stays
    key, value = without_images(cells[0]).strip(), link_text(cells[1]).strip()
    return (
        bool(key)
        and bool(value)
        and key[0] not in SKIP_HEAD  # a bullet: an item of a list of ads, not a label
        and "](" not in key
        and units(key) <= KEY_UNITS
    )


def _cell_end(line: str) -> bool:
    """The last line of a multi-line cell: text, then the one bar that ends the row.

    >>> _cell_end("4、中外音乐作品分析 |"), _cell_end("| 首页"), _cell_end("|")
    (True, False, False)
    """
    text = line.rstrip()
    return text.count("|") == 1 and text.endswith("|") and len(text) > 1


def _has_link(line: str) -> bool:
    return "](" in line


def _link_row(line: str) -> bool:
    """A row that is mostly link text (more than half its visible characters), or has no
    text besides its links.

    >>> _link_row("[首页](/) | [关于我们](/a) | [联系我们](/c)")
    True
    >>> _link_row("2004 | 第19届金唱片大赏 | PAVV人气歌手奖 | [某某](/wiki/x) | 获奖")
    False
    """
    if "](" not in line:
        return False
    m = flatten(line)
    visible = len(m.text) - m.text.count(" ")
    return m.link_chars * 2 > visible or visible == 0


def _box_table(lines: Sequence[str], run: range) -> bool:
    """A table drawn with box characters: a rule and a row of two cells or more, its columns
    split by ``│``. No scraper draws a site's layout that way (inscriptis and html2text draw
    none): it is the page's own text (a ``<pre>`` of query output, a chart), so every row is
    data, whatever its shape: ``2 │ t │ f`` has the short items of a menu.

    >>> _box_table(["n │ is_anomaly", "───┼─────", " 2 │ f", " 3 │ t"], range(4))
    True
    """
    return any(is_box_rule(lines[k]) for k in run) and any(
        any(bar in lines[k] for bar in BOX_BARS) and len(_CELLS.split(lines[k].strip())) >= 2
        for k in run
    )


def _tables_in(lines: Sequence[str], rows: Sequence[int], end: int) -> list[tuple[int, int]]:
    """The tables of a run of rows: each from the header row above a ``---|---`` rule to the
    line before the next table's header. A layout table around a page (menus, links) and a
    data table inside it are judged apart."""
    rules = [k for k in rows if is_any_rule(lines[k])]
    starts = []
    for r in rules:
        before = [k for k in rows if k < r]
        starts.append(before[-1] if before else r)
    return [(a, starts[j + 1] if j + 1 < len(starts) else end) for j, a in enumerate(starts)]


def has_blank_lines(linenos: Sequence[int], lines: Sequence[str] = ()) -> bool:
    """Does the document separate its paragraphs by blank lines (one line in eight or more)?
    A page dump does; newsclean's own output does not, so cleaning that output again leaves
    the page model out and changes nothing more. The items of lists (given ``lines``) are
    not counted (a plain dump's ``o`` bullets of a third level among them): a scraper writes a
    menu of hundreds of items without a blank line between them, around text it separates."""
    n = len(linenos)
    if n < 2:
        return False
    blanks = linenos[-1] - linenos[0] + 1 - n
    if blanks < max(1, n // 8) and lines:
        n -= sum(1 for line in lines if is_list_item(line) or _O_BULLET.match(line))
    return blanks >= max(1, n // 8)


def paragraphs(lines: Sequence[str], linenos: Sequence[int]) -> list[tuple[int, int]]:
    """The paragraphs as ``(start, end)`` index spans: lines that follow each other in the input
    with no blank line between are one paragraph when the document separates its paragraphs by
    blank lines, unless a line is a list item, heading or table row. Otherwise every line is one.

    >>> paragraphs(["a", "b", "c", "* d", "e"], [1, 2, 4, 5, 7])
    [(0, 2), (2, 3), (3, 4), (4, 5)]
    """
    n = len(lines)
    if not has_blank_lines(linenos, lines):
        return [(i, i + 1) for i in range(n)]
    spans = []
    start = 0
    # :func:`_kind` for every line, its list marker looked for at C speed
    kinds = [
        "list"
        if item
        else "heading"
        if line.lstrip()[:1] == "#"
        else "table"
        if "|" in line
        else "text"
        for line, item in zip(lines, list_items(lines), strict=True)
    ]
    for i in range(1, n):
        if (
            linenos[i] != linenos[i - 1] + 1
            or kinds[i] != kinds[i - 1]
            or kinds[i] in ("heading", "table")
        ):
            spans.append((start, i))
            start = i
    spans.append((start, n))
    return spans


def _kind(line: str) -> str:
    """What a line is for joining paragraphs: a list item, heading, table row or text."""
    if is_list_item(line):
        return "list"
    head = line.lstrip()[:1]
    if head == "#":
        return "heading"
    if "|" in line:
        return "table"
    return "text"


def _may_go(verdict: Verdict, feat: Features) -> bool:
    """Bylines and datelines never go; a line that reads as prose on its own goes only if its
    paragraph is mostly links, a teaser, a comment, a site notice or an excerpt of another
    story (:func:`_teasers`, :func:`_comments`, :func:`_notices`, :func:`_excerpts`)."""
    if verdict.label == "protected":
        return False
    return (
        verdict.label != "content"
        or feat.link_density > BAD_LINK_DENSITY
        or feat.why
        in (
            TEASER_WHY,
            COMMENT_WHY,
            NOTICE_WHY,
            EXCERPT_WHY,
            GALLERY_WHY,
            COOKIES_WHY,
            LISTED_HEADLINE_WHY,
        )
    )


def _spared_inside(line: str, change: Change, config: Config) -> bool:
    """Does a line in the main block stay although a rule dropped it? Its neighbours' verdict
    never decides there; a link does not go for being a link, only if its text, as the
    markdown stage will leave it, is boilerplate too (else cleaning the output again would
    drop it)."""
    if change.rule == "neighbours":
        return True
    if change.rule == "debris" and has_markup(line):
        if _link_row_in_a_cell(line):
            return False  # links side by side, marks between them (`` \- ``, ``·``): a menu
        # a row's cells stay apart (the markdown stage joins only a data table's): judged
        # flattened, "| | · | [A](…) | · | [B](…)" would read as two words, not a link row
        text = flatten(line).text
        if text and "|" in line:
            text = link_text(line).strip()
        return bool(text) and classify([text], config)[0].label != "boilerplate"
    return False


def _link_row_in_a_cell(line: str) -> bool:
    """``LINK_ROW`` links or more side by side with no table bar between them (a table's
    header row of links, ``| [Rank](…) | [Name](…) |``, is the table's).

    >>> _link_row_in_a_cell("| [关于](/a) \\\\- [联系](/b) \\\\- [招聘](/c)")
    True
    >>> _link_row_in_a_cell("| [Rank](/r) | [Name](/n) | [Pop.](/p) |")
    False
    """
    gaps = MARKDOWN_DEBRIS.split(line)
    return len(gaps) - 1 >= LINK_ROW and not any("|" in gap for gap in gaps[1:-1])


def is_page_dump(
    spans: Sequence[tuple[int, int]], outside: Sequence[int], drops: dict[int, Change]
) -> bool:
    """Enough furniture (lines of paragraphs that are not good prose) around the main block;
    lines the rules dropped already count half."""
    if spans[-1][1] < DUMP_MIN_LINES:
        return False
    lines = [i for k in outside for i in range(*spans[k])]
    ruled = sum(1 for i in lines if i in drops)
    return len(lines) - ruled + ruled // 2 >= DUMP_LINES


def _edges(
    lines: Sequence[str],
    spans: Sequence[tuple[int, int]],
    feats: Sequence[Features],
    block: tuple[int, int],
    config: Config | None = None,
    linked: bool = False,
) -> set[int]:
    """Up to ``EDGE`` paragraphs right against a block, not bad (or a sentence that links
    part of itself) and not lists, going outward until a bad one: an article's last line, a
    caption, a subhead. When unsure, keep. On a page whose links show (``linked``: a
    markdown dump, where other stories' headlines and menus are links), a list is one if
    none of its items links anywhere and it is no menu (:func:`_plain_list`): the points an
    article makes. (In a plain text dump every list is plain: it says nothing
    there, but of a short list, ``EDGE_LIST`` items at most, against the article: unsure,
    kept.) Above the article, a list in plain words that reads as a menu by its shape is its
    points all the same under a heading of its own that asks or announces
    (:func:`_introduced`: ``What is new in this release?``), which stays with it."""
    first, last = block
    found = set()
    for side in (
        range(first - 1, max(-1, first - 1 - EDGE), -1),
        range(last, min(len(spans), last + EDGE)),
    ):
        for k in side:
            if is_list_item(lines[spans[k][0]]):
                a, b = spans[k]
                if not ((linked or b - a <= EDGE_LIST) and _plain_list(lines, a, b)):
                    if not (side.step < 0 and _introduced(lines, spans, feats, k)):
                        break
                    found.add(k - 1)  # a list of points under its own question or colon
            elif feats[k].cls not in EDGE_CLASSES and not _linked_sentence(
                lines, *spans[k], config or Config()
            ):
                break
            found.add(k)
    return found


def _introduced(
    lines: Sequence[str], spans: Sequence[tuple[int, int]], feats: Sequence[Features], k: int
) -> bool:
    """Is the list ``k`` (in plain words, a menu by its shape) the points of the heading
    right above it: one line that asks or announces (ends in ``?`` or ``:``), no link, not
    bad? (A list of links under ``Here is some coverage:`` or ``Related stories:`` is not.)"""
    if k == 0 or spans[k - 1][1] - spans[k - 1][0] != 1 or feats[k - 1].cls == "bad":
        return False
    if any("](" in line for line in lines[spans[k][0] : spans[k][1]]):
        return False
    head = lines[spans[k - 1][0]]
    if "](" in head or is_list_item(head):
        return False
    text = flatten(head).text.rstrip(" *_#") if has_markup(head) else head.rstrip()
    return text.endswith(("?", "？", ":", "："))


#: The most items a list of plain words against an article block has to stay on a page that
#: shows no links (other stories' headlines come by the half dozen or more).
EDGE_LIST = 4


def _plain_list(lines: Sequence[str], a: int, b: int) -> bool:
    """A list of two items or more, each in plain words (no link, no image), that is no
    site's menu (:func:`_menu`: a few words an item)."""
    return (
        b - a >= 2
        and all(is_list_item(line) and "](" not in line for line in lines[a:b])
        and not _menu(lines, a, b)
    )


#: A sentence that links part of itself has this many units, this many outside its links.
LINKED_SIZE = 6
LINKED_OWN = 2
#: ... and this many characters outside its links, as the markdown stage reads them.
LINKED_OWN_CHARS = 4


def _linked_sentence(lines: Sequence[str], a: int, b: int, config: Config) -> bool:
    """A paragraph of one line of text (not a list item, heading or table row) that ends like
    a sentence and holds words of its own outside its links: an article's sentence that links
    part of itself (``Oh, RiRi. [You truly are an icon](…).``), however much of it the link
    covers. A link alone, or a link and a word (``Read [more](…).``), is not one, nor is a
    line with a sentence that is boilerplate on its own (``Your browser does not support
    frames. [Click here](…).``).

    >>> _linked_sentence(["Oh, RiRi. [You truly are an icon](http://a.com/x)."], 0, 1, Config())
    True
    >>> _linked_sentence(["[You truly are an icon, and more](http://a.com/x)."], 0, 1, Config())
    False
    >>> _linked_sentence(["Your browser does not support frames. [Click here](/v)."], 0, 1, Config())
    False
    >>> _linked_sentence(["[ ![](/c.jpg) Issue 2: Apple, scripts and more. ](/issue)"], 0, 1, Config())
    False
    """
    line = lines[a]
    if b - a != 1 or "](" not in line or _kind(line) != "text":
        return False
    flat = flatten(line)
    text = flat.text.strip()
    if not ends_like_sentence(text.rstrip(" *_")) or units(text) < LINKED_SIZE:
        return False
    if len(text) - flat.link_chars < LINKED_OWN_CHARS:
        return False  # all link text as the markdown stage reads it (an image inside a link)
    own = _LINKED.sub(" ", line)
    if units(flatten(own).text if has_markup(own) else own) < LINKED_OWN:
        return False
    parts = [p.strip() for p in _EN_SENTENCE_END.split(text) for p in _ZH_SENTENCE.findall(p)]
    return all(v.label != "boilerplate" for v in classify([p for p in parts if p], config))


def _titled(
    lines: Sequence[str],
    spans: Sequence[tuple[int, int]],
    feats: Sequence[Features],
    blocks: Sequence[tuple[int, int]],
    drops: dict[int, Change],
) -> dict[int, Change]:
    """``drops`` without the lines of the blocks' titles (:func:`_titles`, no menu passed
    over: a share widget's header sits above its buttons) that are markdown headings and
    that only their neighbours dropped: a title between an ad and the lead photo is short
    between boilerplate, and still the article's title."""
    heads = {
        i
        for first, _ in blocks
        for k in _titles(lines, spans, feats, first, 0)
        if lines[spans[k][0]].lstrip().startswith("#")  # a heading: not a counter, a search box
        for i in range(*spans[k])
    }
    return {i: c for i, c in drops.items() if not (i in heads and c.rule == "neighbours")}


def _subheads(
    lines: Sequence[str], spans: Sequence[tuple[int, int]], outside: Sequence[int]
) -> set[int]:
    """Markdown headings right above a paragraph that stays outside the blocks (good prose):
    a section's subhead goes with its text or not at all."""
    gone = set(outside)
    return {
        k
        for k in gone
        if k + 1 < len(spans)
        and k + 1 not in gone
        and spans[k][1] - spans[k][0] == 1
        and lines[spans[k][0]].lstrip().startswith("#")
    }


#: A list item of two to four capitalised words and nothing else: a name (html2text writes an
#: author list of one so: ``1. Sarah Archer``).
_BYLINE_ITEM = re.compile(
    r"^\s*(?:[*+\-]|\d{1,2}[.)])\s+(?:[A-Z][\w.'’\-]*\s+){1,3}[A-Z][\w'’\-]*\s*$"
)


def _byline_item(line: str) -> bool:
    """Is ``line`` a list of one name?

    >>> _byline_item("   1. Sarah Archer"), _byline_item("* Politics"), _byline_item("* Share This Story Now Please")
    (True, False, False)
    """
    return _BYLINE_ITEM.match(line) is not None


def _titles(
    lines: Sequence[str],
    spans: Sequence[tuple[int, int]],
    feats: Sequence[Features],
    start: int,
    menus: int = 1,
) -> set[int]:
    """The paragraphs just above a block that may be its title (and its byline, and its date
    and time: a line that is only a time stamp does not end the search): one line each, not
    a list, not links. One menu among them (share or follow buttons between the title and
    the text) is passed over, and one paragraph of images alone (the lead photo)."""
    found = set()
    k, left, photos, bylines = start, TITLE_LINES, 1, 1
    while k > 0 and left > 0:
        k, left = k - 1, left - 1
        f = feats[k]
        a, b = spans[k]
        if menus and f.why.startswith(MENU_WHY):
            menus, left = menus - 1, left + 1
            continue
        if f.why == STAMP_WHY and b - a == 1:
            found.add(k)  # the article's date and time, between the title and the text
            continue
        if photos and _images_only(lines, a, b):
            photos, left = photos - 1, left + 1  # its lead photo, between title and text
            continue
        if bylines and b - a == 1 and _byline_item(lines[a]):
            bylines, left = bylines - 1, left + 1  # the author, as a list of one (``1. Jane Doe``)
            continue
        if f.cls == "bad" or b - a > 1 or is_list_item(lines[a]):
            break
        if f.size >= TITLE_SIZE and (photos or lines[a].lstrip().startswith("#")):
            found.add(k)  # above the lead photo, only a heading is taken for the title
    return found
