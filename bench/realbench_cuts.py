"""How many wrapped paragraphs newsclean cuts on the realbench pages: some lines dropped, the
others kept, a sentence left without its start or its end.

    python bench/realbench_cuts.py [--field input|input_plain] [--sets aeb,cwce] [--show N]
    python bench/realbench_cuts.py --sets aeb --tree /tmp/base   # a baseline's figures

For each set, every page is written to a temporary folder and cleaned with ``newsclean fix
--explain`` (one batch, so site learning sees what a user's run sees). A page's paragraphs are
the ones :mod:`newsclean.stages.hardwrap` finds on its raw text (pages it does not take as
wrapped have none of more than one line); a line joined to another (``markdown/unwrapped``)
shares that line's fate. Printed: the paragraphs cut, their dropped lines and characters, by
the rule that dropped them, and with ``--show`` the first cut paragraphs.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter
from functools import partial
from pathlib import Path

from newsclean import Doc
from newsclean.stages.hardwrap import breaks_at, wrap_width

ROOT = Path(__file__).resolve().parent.parent
REALBENCH = ROOT.parent / "shared" / "realbench"
_DROPPED = re.compile(r"^(.*)\.txt:(\d+): dropped by (\S+?) \((.*)$")
_JOINED = re.compile(r"joined to line (\d+)")


def _fates(
    folder: Path, tree: str | None
) -> tuple[dict[tuple[str, int], str], dict[tuple[str, int], int]]:
    """What ``newsclean fix --explain`` dropped (page, line -> rule) and joined (-> line);
    ``tree``: another checkout's newsclean to run (a baseline)."""
    env = {**os.environ, "PYTHONPATH": tree} if tree else None
    with tempfile.TemporaryDirectory() as out:
        cmd = [sys.executable, "-m", "newsclean", "fix", "--explain", "--max-diagnostics", "0"]
        done = subprocess.run(
            [*cmd, "-o", out, str(folder)], check=False, capture_output=True, text=True, env=env
        )
    dropped: dict[tuple[str, int], str] = {}
    joined: dict[tuple[str, int], int] = {}
    for line in done.stderr.splitlines():
        m = _DROPPED.match(line)
        if not m:
            continue
        key = (Path(m.group(1)).name + ".txt", int(m.group(2)))
        if m.group(3) == "markdown/unwrapped":
            if j := _JOINED.search(m.group(4)):
                joined[key] = int(j.group(1))
        else:
            dropped[key] = m.group(3)
    return dropped, joined


def _fate(
    dropped: dict[tuple[str, int], str], joined: dict[tuple[str, int], int], page: str, n: int
) -> str | None:
    """The rule that dropped line ``n`` of ``page``, or that of the line it was joined to."""
    seen = set()
    while (page, n) in joined and n not in seen:
        seen.add(n)
        n = joined[page, n]
    return dropped.get((page, n))


def _paragraphs(text: str) -> list[list[tuple[int, str]]]:
    """The wrapped paragraphs of two lines or more: (line number, text) each."""
    doc = Doc.from_text(text)
    lines, numbers = doc.lines, doc.linenos
    width = wrap_width(lines, numbers)
    if width is None:
        return []
    found, current = [], [0]
    for i in range(len(lines) - 1):
        if numbers[i + 1] == numbers[i] + 1 and breaks_at(lines[i], lines[i + 1], width):
            current.append(i + 1)
        else:
            found.append(current)
            current = [i + 1]
    found.append(current)
    return [[(numbers[i], lines[i]) for i in p] for p in found if len(p) > 1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--field", default="input")
    ap.add_argument("--sets", default="cwce,aeb,np4k,rdb")
    ap.add_argument("--show", type=int, default=0, help="print the first N cut paragraphs")
    ap.add_argument("--tree", help="run the newsclean of this checkout (a baseline: git archive)")
    a = ap.parse_args()
    sys.path.insert(0, str(REALBENCH))
    import realbench as rb

    for name in a.sets.split(","):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            pages = {}
            for row in rb.load(name):
                text = row[a.field] or ""
                pages[f"{row['id']}.txt"] = text
                (folder / f"{row['id']}.txt").write_text(text, encoding="utf-8")
            dropped, joined = _fates(folder, a.tree)
        rules: Counter[str] = Counter()
        cut = lines = chars = wrapped = 0
        shown = 0
        for page, text in pages.items():
            paragraphs = _paragraphs(text)
            wrapped += bool(paragraphs)

            fate = partial(_fate, dropped, joined, page)
            for paragraph in paragraphs:
                gone = [(n, t) for n, t in paragraph if fate(n)]
                if not gone or len(gone) == len(paragraph):
                    continue
                cut += 1
                lines += len(gone)
                chars += sum(len(t) for _, t in gone)
                rules.update(fate(n) or "?" for n, _ in gone)
                if shown < a.show:
                    shown += 1
                    print(f"  {page}:")
                    for n, t in paragraph:
                        print(f"    {'-' if fate(n) else ' '} {n}: {t[:100]}")
        top = ", ".join(f"{r} {k}" for r, k in rules.most_common(6))
        print(
            f"{name} ({a.field}): {len(pages)} pages, {wrapped} wrapped; {cut} paragraphs cut, "
            f"{lines} lines / {chars} characters dropped from them ({top or 'none'})"
        )


if __name__ == "__main__":
    main()
