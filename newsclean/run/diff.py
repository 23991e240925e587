"""Unified diffs for ``--diff``: what ``fix`` would change, in the form ``patch`` reads.

>>> print(text_diff("a\\nb\\n", "a\\nc\\n", "x.txt").decode(), end="")  # doctest: +NORMALIZE_WHITESPACE
--- x.txt	(original)
+++ x.txt	(cleaned)
@@ -1,2 +1,2 @@
 a
-b
+c
"""

from __future__ import annotations

import difflib
from typing import Any

_NO_EOL = "\n\\ No newline at end of file\n"


def header(name: str) -> bytes:
    """The two header lines of a file's diff."""
    return f"--- {name}\t(original)\n+++ {name}\t(cleaned)\n".encode()


def text_diff(before: str, after: str, name: str) -> bytes:
    """The diff of a whole text document (empty if nothing changed)."""
    if before == after:
        return b""
    lines = list(
        difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True))
    )[2:]  # its own header lines: ours name the file
    body = "".join(line if line.endswith("\n") else line + _NO_EOL for line in lines)
    if not body:  # only line endings differ in a way splitlines folds
        return b""
    return header(name) + body.encode("utf-8", "surrogatepass")


def line_hunk(lineno: int, before: bytes, after: bytes) -> bytes:
    """A one-line hunk: line ``lineno`` of a JSONL file replaced (no header)."""
    old = before if before.endswith(b"\n") else before + _NO_EOL.encode()
    return b"@@ -%d +%d @@\n-" % (lineno, lineno) + old + b"+" + after


def record_diff(display: str, lineno: int, plan: Any, before: bytes, after: bytes) -> bytes:
    """A JSONL record's change, as a diff of its text (readable, not ``\\uXXXX`` escapes),
    headed ``FILE:LINE FIELD``; a change outside the text (``--stats-field``) as the line."""
    from .jsonl import BadRecord, parse

    name = f"{display}:{lineno} {'.'.join(plan.field)}"
    try:
        old, new = parse(before, plan.field)[1], parse(after, plan.field)[1]
    except BadRecord:
        old = new = ""
    body = text_diff(_line(old), _line(new), name)
    if body:
        return body
    return header(f"{display}:{lineno}") + line_hunk(lineno, before, after)


def _line(text: str) -> str:
    return text if text.endswith("\n") else text + "\n"
