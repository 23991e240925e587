"""Real page dumps (../shared/realbench) through the whole pipeline, in-process, per half.

Usage (from the repository root):

    python bench/bench_pages.py                 # html2text dumps (input)
    python bench/bench_pages.py --plain         # plain-text dumps (input_plain)
    python bench/bench_pages.py cwce aeb        # some sets only

The weights of the content model (:mod:`newsclean.stages.boilerplate.content`,
:mod:`newsclean.stages.boilerplate.page`) are set by hand from the defect classes, not fitted.
To see whether they generalise, each set is cut in two halves by a hash of the page id: a
setting that helps one half only is tuned to its pages. Scored with realbench's own scorer
(F1 over character 5-grams, ``lost`` = gold sentences not found whole), macro-averaged; the
identity (the input itself) beside it.
"""

from __future__ import annotations

import hashlib
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REALBENCH = ROOT.parent / "shared" / "realbench"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(REALBENCH))

import realbench  # noqa: E402

from newsclean import clean  # noqa: E402


def half(page_id: str) -> str:
    """``A`` or ``B``, fixed for a page."""
    return "AB"[int(hashlib.md5(page_id.encode()).hexdigest(), 16) % 2]


def main(args: list[str]) -> None:
    field = "input_plain" if "--plain" in args else "input"
    sets = [a for a in args if not a.startswith("-")] or realbench.SETS
    print(f"field {field}; halves by md5(id); F1 / lost, identity in brackets")
    for name in sets:
        scores: dict[str, list[tuple[float, float, float, float]]] = defaultdict(list)
        for row in realbench.load(name):
            out = realbench.score_one(clean(row[field]).text, row["gold"])
            same = realbench.score_one(row[field], row["gold"])
            for key in ("all", half(row["id"])):
                scores[key].append((out["f1"], out["lost"], same["f1"], same["lost"]))
        for key in ("A", "B", "all"):
            rows = scores[key]
            mean = [sum(r[j] for r in rows) / len(rows) for j in range(4)]
            print(
                f"{name:5} {key:3} n={len(rows):3}  F1 {mean[0]:.3f} lost {mean[1]:.3f}"
                f"  (identity {mean[2]:.3f} / {mean[3]:.3f})  lost over identity {mean[1] - mean[3]:+.3f}"
            )


if __name__ == "__main__":
    main(sys.argv[1:])
