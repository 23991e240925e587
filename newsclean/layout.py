"""The layout a markdown document keeps when it stays markdown (``Config.keep_markdown``).

The pipeline cleans paragraphs, one a line: blank lines go, each line is trimmed and judged on
its own. Plain text needs no more. Markdown that is to stay markdown (``--keep-markdown``, the
default for ``*.md`` files) needs three things of its input back:

* **code as it is written**: a fenced block (```` ``` ```` or ``~~~``, to its closing fence or
  the document's end), an indented block (four spaces or a tab, after a blank line, outside a
  list) and a YAML front matter (``---`` on the first line, ``key: value`` lines, ``---`` or
  ``...``). No stage but ``encoding`` (mojibake in a comment is still mojibake) sees those
  lines: nothing trims, narrows, widens, drops or merges a line of code;
* **the blank lines between blocks**: one where the input had one or more between two lines
  the output keeps (a paragraph, a list, a table, a heading stays a block of its own), and
  inside a block of code exactly as many as it had;
* **indentation**: a line keeps the spaces and tabs it started with (a nested list item, a
  paragraph inside an item);
* **HTML and rules**: a line that is one tag (``<p align="center">``, ``</details>``) or a
  comment, a thematic break (``***``) and a heading's underline (``=====``) are kept as written
  too: they hold the document's layout together, and alone on a line they read as debris
  (``</p>`` is a line of symbols).

Everything is read from the input and its line numbers, so cleaning the output again gives it
back unchanged.

>>> text = "# 标题\\n\\n第一段, 有逗号.\\n\\n```\\nx = 1  # 注释, 说明\\n\\n\\ny = 2\\n```\\n\\n- 项\\n  - 子项\\n"
>>> found = layout(text)
>>> sorted(found.verbatim)
[5, 6, 9, 10]
>>> print(found.join(("# 标题", "第一段，有逗号。", "- 项", "- 子项"), (1, 3, 12, 13)), end="")
# 标题
<BLANKLINE>
第一段，有逗号。
<BLANKLINE>
- 项
  - 子项
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .model import unified

_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_CLOSING = re.compile(r" {0,3}(`{3,}|~{3,})[ \t]*$")
_INDENTED = re.compile(r"(?: {4}|[ ]{0,3}\t)")
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
_FRONT_KEY = re.compile(r"[A-Za-z_][\w-]*[ \t]*:")


def raw_lines(text: str) -> list[str]:
    """``text`` split as :meth:`newsclean.model.Doc.from_text` splits it, blank lines kept:
    line number ``n`` is item ``n - 1``."""
    return unified(text).split("\n") if text else []


def _blank(line: str) -> bool:
    return not line or line.isspace()


@dataclass(frozen=True, slots=True)
class Layout:
    """What :func:`layout` found in a document's input."""

    raw: tuple[str, ...]
    #: The line numbers (from 1) of the lines kept as they are written.
    verbatim: frozenset[int]
    #: For each block of code, its first line number, by each of its line numbers.
    block_of: Mapping[int, int]

    def join(self, lines: Sequence[str], linenos: Sequence[int]) -> str:
        """The output text of ``lines`` (cleaned, from input lines ``linenos``; a line of code
        as it is written): each line with the indentation it had, blank lines between blocks,
        one final newline."""
        out: list[str] = []
        for line, n, at in zip(lines, linenos, self.positions(linenos), strict=True):
            out.extend([""] * (at - 1 - len(out)))
            out.append(self.written(line, n))
        return "\n".join(out) + "\n" if out else ""

    def positions(self, linenos: Sequence[int]) -> list[int]:
        """The line numbers (from 1) in the output of the lines from input lines ``linenos``."""
        out: list[int] = []
        at = last = 0
        for n in linenos:
            at += 1 + (self._blanks(last, n) if out else 0)
            out.append(at)
            last = n
        return out

    def written(self, line: str, n: int) -> str:
        """How ``line`` (cleaned, from input line ``n``) is written: with the indentation
        that line had (a line of code is as it is)."""
        if n in self.verbatim or not 0 < n <= len(self.raw):
            return line
        raw = self.raw[n - 1]
        spaces = raw[: len(raw) - len(raw.lstrip(" \t"))]
        return spaces + line if spaces and not line.startswith(spaces) else line

    def unchanged(self, lines: Sequence[str], linenos: Sequence[int]) -> frozenset[int]:
        """The numbers of the input lines that come out as they went in."""
        return frozenset(
            n
            for line, n in zip(lines, linenos, strict=True)
            if 0 < n <= len(self.raw) and self.written(line, n) == self.raw[n - 1]
        )

    def _blanks(self, a: int, b: int) -> int:
        """How many blank lines stand between output lines from input lines ``a`` and ``b``."""
        between = self.raw[a : b - 1]  # the input lines a+1 .. b-1
        first = self.block_of.get(a)
        if first is not None and first == self.block_of.get(b):
            return len(between)  # inside one block of code: as written
        return 1 if any(map(_blank, between)) else 0


def layout(text: str) -> Layout:
    """The code blocks, the lines of HTML and the blank lines of ``text`` (markdown)."""
    raw = raw_lines(text)
    block_of: dict[int, int] = {}
    for first, last in _code_blocks(raw):
        for n in range(first, last + 1):
            block_of[n] = first
    verbatim = {n for n in block_of if not _blank(raw[n - 1])}
    if "<" in text:
        verbatim.update(_html_lines(raw))
    verbatim.update(n for n, line in enumerate(raw, 1) if _RULE.fullmatch(line))
    return Layout(tuple(raw), frozenset(verbatim), block_of)


#: A thematic break (``***``, ``- - -``, ``___``) or a heading's underline (``=====``, ``---``
#: under a line of text): structure, which alone on its line reads as debris.
_RULE = re.compile(r" {0,3}(?:=+|(?:-[ \t]*){2,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})[ \t]*")
#: A line that is one HTML tag (``<p align="center">``, ``</details>``, ``<br/>``) or a comment.
_TAG_LINE = re.compile(r"[ \t]*(?:</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<!--.*-->)[ \t]*")


def _html_lines(raw: Sequence[str]) -> list[int]:
    """The line numbers of the lines of ``raw`` that are a lone HTML tag or a comment (one
    that spans lines too): the markup that holds a README's layout together, which no stage
    may drop (``</p>`` reads as a line of symbols)."""
    found: list[int] = []
    opened = 0
    for n, line in enumerate(raw, 1):
        if opened:
            found.append(n)
            if "-->" in line:
                opened = 0
        elif _TAG_LINE.fullmatch(line):
            found.append(n)
        elif line.lstrip().startswith("<!--") and "-->" not in line:
            found.append(n)
            opened = n
    return found


def _code_blocks(raw: Sequence[str]) -> list[tuple[int, int]]:
    """The (first, last) line numbers of each block of code in ``raw``."""
    blocks: list[tuple[int, int]] = []
    i = _front_matter(raw)
    if i:
        blocks.append((1, i))
    in_list = False
    while i < len(raw):
        line = raw[i]
        fence = _FENCE.match(line)
        if fence is not None:
            end = _closing(raw, i, fence.group(1))
            blocks.append((i + 1, end + 1))
            i, in_list = end + 1, False
            continue
        after_blank = i == 0 or _blank(raw[i - 1])
        if after_blank and not in_list and _INDENTED.match(line) and not _blank(line):
            end = i
            for j in range(i + 1, len(raw)):
                if _blank(raw[j]):
                    continue
                if not _INDENTED.match(raw[j]):
                    break
                end = j
            blocks.append((i + 1, end + 1))
            i = end + 1
            continue
        if not _blank(line):  # a list goes on through its indented lines and blank lines
            # (``* * *`` is a thematic break, no item: it ends a list)
            rule = _RULE.fullmatch(line) is not None
            item = _LIST_ITEM.match(line) is not None and not rule
            in_list = item or (in_list and line[:1] in " \t" and not rule)
        i += 1
    return blocks


def _closing(raw: Sequence[str], start: int, fence: str) -> int:
    """The index of the line that closes the fence opened at ``start`` (the last line if none)."""
    for j in range(start + 1, len(raw)):
        m = _CLOSING.match(raw[j])
        if m is not None and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
            return j
    return len(raw) - 1


def _front_matter(raw: Sequence[str]) -> int:
    """How many lines a YAML front matter at the top of ``raw`` takes (0: none)."""
    if len(raw) < 3 or raw[0].rstrip() != "---" or not _FRONT_KEY.match(raw[1]):
        return 0
    for j in range(2, len(raw)):
        if raw[j].rstrip() in ("---", "..."):
            return j + 1
    return 0
