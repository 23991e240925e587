"""The line-level stages alone, on exactly the documents they get in the pipeline, in CPU time.

    python bench/line_stages.py                          # this checkout
    python bench/line_stages.py --baseline /tmp/base     # and another one, side by side

``bench/stages.py`` times every stage once, in wall time, which on a shared machine moves by
a third between runs. This script times only ``pinyin``, ``whitespace``, ``boilerplate`` and
``punctuation``, each on the documents the stages before it produced (cached in bench/out, so
the slow stages run once), in CPU time, in ms per MB of input: the best of ``--repeat`` runs,
each in a fresh process (a stage's memo of lines it has seen starts empty, as in a real run). With
``--baseline DIR`` (a checkout of another commit, e.g. made with
``git archive 02e8438 | tar -x -C /tmp/base``) the same inputs go through DIR's stages, in a
process of their own, in the same run.
"""

from __future__ import annotations

import argparse
import json
import pickle
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
STAGES = ("pinyin", "whitespace", "boilerplate", "punctuation")
PARTS = [f"{lang}-{kind}" for kind in ("clean", "dirty") for lang in ("zh-hans", "zh-hant", "en")]
Inputs = dict[str, tuple[float, dict[str, list[tuple[tuple[str, ...], tuple[int, ...]]]]]]


def build_inputs(corpus: Path) -> Inputs:
    """Per part: (MB, the input of each timed stage for every document)."""
    from newsclean import Config
    from newsclean.decode import decode_bytes
    from newsclean.model import Doc
    from newsclean.stages import STAGES as ALL

    config = Config()
    manifest = json.loads((corpus / "manifest.json").read_text("utf-8"))
    out: Inputs = {}
    for part in PARTS:
        inputs: dict[str, list[tuple[tuple[str, ...], tuple[int, ...]]]] = {s: [] for s in STAGES}
        size = 0
        for entry in manifest:
            if not entry["path"].startswith(part + "/"):
                continue
            data = (corpus / entry["path"]).read_bytes()
            size += len(data)
            doc = Doc.from_text(decode_bytes(data, config.encoding).text)
            for name in config.stages:
                if name in inputs:
                    inputs[name].append((doc.lines, doc.linenos))
                doc = ALL[name](doc, config)
        out[part] = (size / 1e6, inputs)
    return out


def time_stages(inputs_path: Path) -> dict[str, dict[str, float]]:
    """ms/MB of each stage on each part, one pass (run in the checkout on sys.path)."""
    from newsclean import Config
    from newsclean.model import Doc
    from newsclean.pipeline import warm_up
    from newsclean.stages import STAGES as ALL

    config = Config()
    warm_up(config)  # one-time tables
    data: Inputs = pickle.loads(inputs_path.read_bytes())
    result: dict[str, dict[str, float]] = {}
    for part, (mb, inputs) in data.items():
        result[part] = {}
        for name in STAGES:
            docs = [Doc(lines, linenos) for lines, linenos in inputs[name]]
            start = time.process_time()
            for doc in docs:
                ALL[name](doc, config)
            result[part][name] = 1000 * (time.process_time() - start) / mb
    return result


def _in_checkout(root: Path, inputs_path: Path) -> dict[str, dict[str, float]]:
    code = (
        f"import sys, json; sys.path.insert(0, {str(root)!r}); sys.path.insert(1, {str(HERE)!r});"
        f"from line_stages import time_stages; from pathlib import Path;"
        f"print(json.dumps(time_stages(Path({str(inputs_path)!r}))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def _best(runs: list[dict[str, dict[str, float]]]) -> dict[str, dict[str, float]]:
    return {p: {s: min(run[p][s] for run in runs) for s in runs[0][p]} for p in runs[0]}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=HERE / "out" / "corpus")
    parser.add_argument("--baseline", type=Path, help="another checkout to time alongside")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--rebuild", action="store_true", help="recompute the cached inputs")
    args = parser.parse_args()
    cache = HERE / "out" / "line_stages_inputs.pkl"
    if args.rebuild or not cache.exists():
        sys.path.insert(0, str(HERE.parent))
        cache.write_bytes(pickle.dumps(build_inputs(args.corpus)))
    checkouts = {"this": HERE.parent}
    if args.baseline:
        checkouts["baseline"] = args.baseline.resolve()
    times: dict[str, list[dict[str, dict[str, float]]]] = {name: [] for name in checkouts}
    for _ in range(args.repeat):  # alternate, so that both see the same load
        for name, root in checkouts.items():
            times[name].append(_in_checkout(root, cache))
    runs = {name: _best(t) for name, t in times.items()}
    title = f"CPU ms per MB, best of {args.repeat} fresh processes"
    print(title + (" (baseline → this)" if args.baseline else ""))
    print(f"{'part':<15}" + "".join(f"{name:>22}" for name in STAGES))
    for part in PARTS:
        cells = []
        for name in STAGES:
            now = runs["this"][part][name]
            old = runs.get("baseline", {}).get(part, {}).get(name)
            cells.append(f"{old:9.2f} → {now:6.2f}" if old is not None else f"{now:6.2f}")
        print(f"{part:<15}" + "".join(f"{cell:>22}" for cell in cells))


if __name__ == "__main__":
    main()
