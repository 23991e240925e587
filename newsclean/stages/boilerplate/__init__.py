"""Stage ``boilerplate``: drop what the site added around the article; keep the article.

A line goes on evidence, never on one word:

* the line itself (:mod:`.classify`): debris (``![]() |``, ``| |||``), a phrase family from
  ``newsclean/data/boilerplate.*.toml`` (copyright, credits, share/print/nav widgets, ICP
  numbers, related-news headers… in Simplified and Traditional Chinese and English, and
  Japanese and Korean sites' notices, headers and buttons), the user's
  ``--boilerplate-file``, a line learned from the batch as the site's own
  (``Config.site_boilerplate``, see :mod:`newsclean.corpus.site`), or its shape (``A | B | C | D``
  link lists, lines of symbols);
* its neighbours (:mod:`.context`): a short line between boilerplate lines goes with them.

Content is protected first: a line that reads as prose (long, ending like a sentence) is never
matched against the phrase families, so an article *about* copyright keeps its sentences; bylines
(（记者张三）, "By Jane Doe", a wire story's closing "Reporting by …; Editing by …"), datelines
(新华社北京1月4日电) and end marks are protected; titles at the top of a document never go with
their neighbours. When unsure, keep.

Lengths are counted in characters for Chinese and words for space-separated languages
(:func:`newsclean.chars.units`), and lines are compared folded (script, punctuation width, case),
so verdicts do not change when later stages rewrite a line.

>>> from newsclean.model import Doc
>>> from newsclean.config import Config
>>> doc = Doc.from_text("正文第一段。\\n![]() |\\n焦作網版權與免責聲明: | |||||||")
>>> boilerplate(doc, Config()).lines
('正文第一段。',)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import partial
from itertools import compress

from ...config import Config
from ...model import Change, Doc
from ..hardwrap import blank_lines
from .classify import Verdict, classify, judge
from .context import neighbours
from .listing import entries
from .markdown import TARGET
from .markup import MARKUP_WHY, is_hidden_markup
from .page import (
    DUMP_MIN_LINES,
    code_closers,
    code_commas,
    code_openers,
    is_drawing,
    list_siblings,
    may_be_dump,
    orphan_headers,
    page_drops,
    spare_long,
    structure,
    table_rules,
)
from .quotes import quoted
from .wrapped import whole_paragraphs

STAGE = "boilerplate"
#: First characters of the lines :func:`.page.is_drawing` may accept (a cheap test first).
_BOX_START = frozenset(chr(c) for c in (*range(0x2500, 0x2580), *range(0x2190, 0x2200)))

__all__ = ["STAGE", "Verdict", "boilerplate", "classify", "classify_line"]


def classify_line(line: str, config: Config | None = None) -> Verdict:
    """The verdict on one line on its own, for auditing a rule.

    >>> classify_line("Copyright © 2024 Example News. All rights reserved.").rule
    'disclaimer'
    >>> classify_line("The court ruled that the copyright notice did not cover the photographs.").label
    'content'
    """
    return classify([line], config or Config())[0]


def _listing(doc: Doc, verdicts: Sequence[Verdict], drops: dict[int, Change]) -> dict[int, Change]:
    """The entries of listings (:mod:`.listing`) not dropped yet; protected lines stay."""
    never = [i for i, v in enumerate(verdicts) if v.label == "protected"]
    return {
        i: Change(STAGE, "listing", doc.linenos[i], "drop", detail="a link with its time stamp")
        for i in entries(doc.lines, never)
        if i not in drops
    }


def _hidden_markup(doc: Doc, drops: dict[int, Change]) -> dict[int, Change]:
    """Lines of HTML markup for hidden elements (:mod:`.markup`) not dropped yet."""
    return {
        i: Change(STAGE, "debris", doc.linenos[i], "drop", detail=MARKUP_WHY)
        for i, line in enumerate(doc.lines)
        if i not in drops and "<" in line and is_hidden_markup(line)
    }


def boilerplate(doc: Doc, config: Config) -> Doc:
    """Drop boilerplate lines and the short lines they surround, recording the rule for each."""
    if not doc.lines:
        return doc
    verdicts, _, flagged = judge(doc.lines, config)
    drops = {
        i: Change(STAGE, v.rule, doc.linenos[i], "drop", detail=v.detail)
        for i, v in zip(flagged, map(verdicts.__getitem__, flagged), strict=True)
        if v.label == "boilerplate"
    }
    if drops:
        verdicts, drops = _spared(doc, verdicts, drops)
        drops.update(neighbours(doc.lines, doc.linenos, verdicts, flagged))
        drops = structure(doc.lines, drops)
        drops = quoted(doc.lines, drops)
        drops = table_rules(doc.lines, doc.linenos, drops)
    if "](" in doc.body:
        drops.update(_listing(doc, verdicts, drops))
    if len(doc.lines) >= DUMP_MIN_LINES and may_be_dump(verdicts, flagged):
        drops = page_drops(doc.lines, doc.linenos, verdicts, drops, config)
    if drops and "|" in doc.body:
        drops.update(orphan_headers(doc.lines, doc.linenos, drops))
    if "<" in doc.body:
        drops.update(_hidden_markup(doc, drops))
    if drops:
        drops = list_siblings(doc.lines, doc.linenos, drops)
    joined_verdict = partial(classify_line, config=config)  # a wrapped paragraph, joined
    drops = whole_paragraphs(doc.lines, doc.linenos, drops, blank_lines(doc), joined_verdict)
    if drops and config.keep_markdown:
        drops = _figures_kept(doc, drops)
    if not drops:
        return doc
    keep = [True] * len(doc.lines)
    for i in drops:
        keep[i] = False
    # what Doc.without does, with C-speed loops over the lines kept
    return doc.evolve(
        list(compress(doc.lines, keep)),
        list(compress(doc.linenos, keep)),
        [drops[i] for i in sorted(drops)],
    )


#: An image alone on its line, not inside a link: ``![会场](http://a.cn/1.jpg "title")``.
_FIGURE = re.compile(r"!\[[^\[\]\n]*\]" + TARGET)


def _figures_kept(doc: Doc, drops: dict[int, Change]) -> dict[int, Change]:
    """The drops without the images alone on their lines between lines that stay: in a
    document that stays markdown, the article's figures (a page's logo stands among its
    menus, a thumbnail inside a link)."""
    last = len(doc.lines) - 1
    figures = [
        i
        for i in drops
        if (i == 0 or i - 1 not in drops)
        and (i == last or i + 1 not in drops)
        and _FIGURE.fullmatch(doc.lines[i])
    ]
    return {i: c for i, c in drops.items() if i not in figures} if figures else drops


def _spared(
    doc: Doc, verdicts: Sequence[Verdict], drops: dict[int, Change]
) -> tuple[list[Verdict], dict[int, Change]]:
    """The drops without the lines that stay whatever matched them (long lines, a chart's
    drawing, a program's closing brackets), and the verdicts with those lines as content."""
    out = list(verdicts)
    kept = spare_long(doc.lines, drops)
    if len(kept) < len(drops):
        # a long line spared stays content: it anchors no neighbours, else cleaning the
        # output again (duplicates gone between) could find the anchor the first pass missed
        for i in drops.keys() - kept.keys():
            out[i] = Verdict("content")
        drops = kept
    drawn = [i for i in drops if doc.lines[i][:1] in _BOX_START and is_drawing(doc.lines[i])]
    # a chart's bars and corners, with the table cells a scraper put among them
    # (``┌───┼───┐| │``), are the chart's: they stay too
    drawn += [
        i
        for i in drops
        if "|" in doc.lines[i]
        and doc.lines[i][:1] in _BOX_START
        and is_drawing(doc.lines[i].replace("|", " "))
    ]
    # a program's ``[`` and ``*,`` stay, and the closer below them finds them kept
    openers = code_openers(doc.lines, doc.linenos, drops) + code_commas(
        doc.lines, doc.linenos, drops
    )
    drawn += openers
    opened = {i: c for i, c in drops.items() if i not in openers} if openers else drops
    drawn += code_closers(doc.lines, doc.linenos, opened)
    if drawn:  # a chart's bars, a program's closing brackets: kept, and they anchor no
        # neighbours (the labels beside a chart's bars are content)
        drops = {i: c for i, c in drops.items() if i not in drawn}
        for i in drawn:
            out[i] = Verdict("content")
    return out, drops
