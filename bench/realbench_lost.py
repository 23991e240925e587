"""Which gold text newsclean drops on the realbench pages, and which stage and rule dropped it.

    python bench/realbench_lost.py OUTROOT [--field input|input_plain] [--sets cwce,rdb] [--pages]

``OUTROOT`` is a folder written by ``realbench.py run "newsclean fix -q -o OUT IN" OUTROOT``
(with the same ``--field``). Issue 11 counts as *lost* a gold sentence (12 characters or more,
normalised as the scorer does) that is not in the output; some are not in the input either
(the gold was copied from another version of the page). This script looks only at the gold
sentences that ARE in the input and not in the output, the text newsclean threw away: for each,
the input lines that hold it, and what ``newsclean fix --explain`` says about those lines
(the same folder of inputs is cleaned again, with ``--explain``, so that site learning sees
the same batch). It prints each set's share of lost that such sentences make (the most that
keeping them could gain), grouped by the rules that dropped them, worst pages first; with
``--pages``, every sentence and its lines.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REALBENCH = ROOT.parent / "shared" / "realbench"
_EXPLAINED = re.compile(r"^.*/([^/]+)\.txt:(\d+): (.*)$")
_RULE = re.compile(r"^(?:dropped|changed|moved) by (\S+?):?(?:\s|$)")


def _explain(inputs: Path) -> dict[tuple[str, int], list[str]]:
    """``(page, line) -> [what a stage did]``, from ``newsclean fix --explain`` on the folder."""
    with tempfile.TemporaryDirectory() as out:
        cmd = [sys.executable, "-m", "newsclean", "fix", "--explain", "--max-diagnostics", "0"]
        # exit 123 when some page cannot be read: the others are still explained
        done = subprocess.run(
            [*cmd, "-o", out, str(inputs)], check=False, capture_output=True, text=True
        )
    found: dict[tuple[str, int], list[str]] = defaultdict(list)
    for line in done.stderr.splitlines():
        m = _EXPLAINED.match(line)
        if m and m.group(3).startswith(("dropped", "changed by duplicates", "moved")):
            found[m.group(1), int(m.group(2))].append(m.group(3))
    return found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("outroot")
    ap.add_argument("--field", default="input")
    ap.add_argument("--sets", default="cwce,aeb,np4k,rdb")
    ap.add_argument("--pages", action="store_true", help="every sentence and its input lines")
    a = ap.parse_args()
    sys.path.insert(0, str(REALBENCH))
    import realbench as rb  # the scorer's own normalisation and sentence split

    root = Path(a.outroot)
    for name in a.sets.split(","):
        rows = rb.load(name)
        explained = _explain(root / name / "in")
        by_rules: Counter[tuple[str, ...]] = Counter()
        pages: dict[tuple[str, ...], set[str]] = defaultdict(set)
        per_page: Counter[str] = Counter()
        notes: list[str] = []
        for r in rows:
            out = root / name / "out" / f"{r['id']}.txt"
            o = rb.norm(out.read_text(encoding="utf-8", errors="replace")) if out.exists() else ""
            i = rb.norm(r[a.field])
            sents = [(s, rb.norm(s)) for s in rb._SENT.split(r["gold"])]
            sents = [(s, n) for s, n in sents if len(n) >= 12]
            lines = r[a.field].split("\n")
            normed = [rb.norm(x) for x in lines]
            for s, n in sents:
                if n not in i or n in o:
                    continue
                at = [k for k, x in enumerate(normed) if x and (n in x or (len(x) >= 6 and x in n))]
                did = [e for k in at for e in explained.get((r["id"], k + 1), [])]
                rules = tuple(sorted({m.group(1) for e in did if (m := _RULE.match(e))})) or ("?",)
                share = 1 / len(sents) / len(rows)
                by_rules[rules] += share
                pages[rules].add(r["id"])
                per_page[r["id"]] += share
                if a.pages:
                    notes.append(f"  {r['id']} {rules} {s.strip()[:120]!r}")
                    notes += [f"      L{k + 1}: {lines[k].strip()[:120]!r}" for k in at[:3]]
        total = sum(by_rules.values())
        print(f"== {name} ({a.field}): gold in the input, not in the output: {total:.4f} of lost")
        for rules, share in by_rules.most_common():
            worst = sorted(pages[rules], key=lambda p: -per_page[p])[:4]
            print(
                f"  {share:.4f}  {' + '.join(rules):45} {len(pages[rules]):3} pages, e.g. {worst}"
            )
        print("\n".join(notes))


if __name__ == "__main__":
    main()
