"""``--disable STAGE/RULE``: undo what one rule of a stage did, leaving its other rules be.

Stages record every line they change as a :class:`~newsclean.model.Change` naming the rule
that acted. After a stage runs, the lines a disabled rule dropped are put back where they
stood, and the lines it edited get their text from before the stage, so a rule that misfires
on someone's sites can be turned off without turning off the whole stage. (An edited line gets
back its text from before the stage: other rules' edits to that same line in that stage are
undone with it. A ``move`` — a later copy's text put in an earlier copy's place — is kept.)

>>> from newsclean.model import Change, Doc
>>> before = Doc.from_text("a\\nmenu\\nb")
>>> after = before.without({1: Change("boilerplate", "menu", 2, "drop")})
>>> restore(before, after, frozenset({"boilerplate/menu"})).lines
('a', 'menu', 'b')
"""

from __future__ import annotations

from .model import Change, Doc


def disabled(change: Change, rules: frozenset[str]) -> bool:
    return f"{change.stage}/{change.rule}" in rules


def restore(before: Doc, after: Doc, rules: frozenset[str]) -> Doc:
    """``after`` (a stage's output from ``before``) without the changes of ``rules``."""
    new = after.changes[len(before.changes) :]
    undo = [c for c in new if disabled(c, rules) and c.action in ("drop", "edit")]
    if not undo:
        return after
    old_text = dict(zip(before.linenos, before.lines, strict=True))
    dropped = {c.line for c in undo if c.action == "drop" and c.line in old_text}
    edited = {c.line for c in undo if c.action == "edit" and c.line in old_text}
    lines: list[str] = []
    linenos: list[int] = []
    back = sorted(dropped)
    k = 0
    for text, lineno in zip(after.lines, after.linenos, strict=True):
        while k < len(back) and back[k] < lineno:
            lines.append(old_text[back[k]])
            linenos.append(back[k])
            k += 1
        lines.append(old_text[lineno] if lineno in edited else text)
        linenos.append(lineno)
    for lineno in back[k:]:
        lines.append(old_text[lineno])
        linenos.append(lineno)
    undone = set(map(id, undo))
    kept = before.changes + tuple(c for c in new if id(c) not in undone)
    return Doc(tuple(lines), tuple(linenos), kept, after.diagnostics)
