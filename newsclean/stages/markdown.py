"""Stage ``markdown``: markdown markup out of the text, the words kept.

Scrapers that turn pages into markdown (html2text) leave links, images, emphasis, heading marks
and tables in what should be plain text. This stage, after ``boilerplate`` (which reads the
markup as evidence), gives the plain text a reader sees:

* a link keeps its text (``[新华社](http://…)`` → ``新华社``); an image or an empty link goes;
* emphasis (``**bold**``, ``*it*``, ``__b__``) and heading marks (``## Title``) go;
* html2text's escapes (``\\+``, ``\\-``, ``\\*``) lose their backslash;
* a markdown table (rows around a ``---|---`` rule) becomes its cells' text, the rule goes;
* a line left with no text (``![](a.jpg)``, ``* * *``, ``* [ ![](t.jpg) ](…)``) goes.

List markers stay (they say a line is an item). Skip the stage (``--keep-markdown``, or
``--skip markdown``) to keep markdown as it is; ``newsclean fix`` does so by default when every
input is a ``*.md`` file.

>>> from newsclean.model import Doc
>>> from newsclean.config import Config
>>> markdown(Doc.from_text("## 标题\\n据[新华社](http://x.cn)报道，**今天**开幕。\\n![](a.jpg)"), Config()).lines
('标题', '据新华社报道，今天开幕。')
"""

from __future__ import annotations

import re

from ..chars import CJK, CJK_PUNCT
from ..config import Config
from ..model import Change, Doc
from .boilerplate.lines import is_debris
from .boilerplate.markdown import LINK, STRONG, TARGET, is_table_rule
from .boilerplate.page import data_tables
from .whitespace import normalize_spaces

STAGE = "markdown"

_IMAGE = re.compile(r"!\[[^\[\]\n]*\]" + TARGET)
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$")
_EM = re.compile(r"(?<![A-Za-z0-9_*\\])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![A-Za-z0-9_*])")
_ESCAPE = re.compile(r"\\([-+*_#.!|`\[\]()])")
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
    """
    s, i, j = m.string, m.start(), m.end()
    if i == 0 or j == len(s) or s[i - 1].isspace() or s[j].isspace():
        return ""
    return "" if _CJK_SIDE.match(s[i - 1]) or _CJK_SIDE.match(s[j]) else " "


def flatten_line(line: str) -> str:
    """One line without its inline markup (tables are done by :func:`markdown`).

    >>> flatten_line("[ ![](t.jpg) ](http://a.cn/1)"), flatten_line("* [Politics](/p)")
    ('', '* Politics')
    >>> flatten_line("snake_case and 2 * 3 * 4 stay")
    'snake_case and 2 * 3 * 4 stay'
    """
    text = line
    if "](" in text:
        for _ in range(3):  # a link around an image: the image first, then the link
            before = text
            text = LINK.sub(lambda m: m.group(1).strip(), _IMAGE.sub(_gap, text))
            if text == before:
                break
    for _ in range(3):  # "#### [#](permalink) re: …": the link's "#" is a heading mark again
        heading = _HEADING.match(text) if "#" in text else None
        if not heading:
            break
        text = heading.group(1)
    for _ in range(3):  # "****a **": what one pass leaves may pair up again
        if "**" not in text and "__" not in text:
            break
        before = text
        text = STRONG.sub(r"\2", text)
        if text == before:
            break
    if "*" in text:
        text = _EM.sub(r"\1", text)
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    if _RULE.match(text):
        return ""
    return normalize_spaces(text) if text != line else line


def markdown(doc: Doc, config: Config) -> Doc:
    """Flatten every line; drop the lines left empty and the rules of tables."""
    if not any(mark in doc.body for mark in _MARKS):
        return doc
    table = data_tables(doc.lines) if "|" in doc.body else set()
    new_lines: list[str] = []
    new_linenos: list[int] = []
    changes: list[Change] = []
    for i, (line, lineno) in enumerate(zip(doc.lines, doc.linenos, strict=True)):
        text = flatten_line(line) if any(mark in line for mark in _MARKS) else line
        if is_table_rule(line):  # a table's rule is markup wherever it stands
            text = ""
        elif i in table:
            text = " ".join(c for c in _CELL.split(text) if c)
        if not text.strip() or (text != line and is_debris(text)):
            changes.append(Change(STAGE, "no-text", lineno, "drop", detail="only markup"))
            continue
        if text != line:
            changes.append(Change(STAGE, "flatten", lineno, "edit"))
        new_lines.append(text)
        new_linenos.append(lineno)
    if not changes:
        return doc
    return doc.evolve(new_lines, new_linenos, changes)
