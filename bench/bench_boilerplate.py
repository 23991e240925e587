"""Benchmark and measure the boilerplate stage: speed on Chinese news, and quality on a held-out corpus.

Usage (from the repository root):

    python bench/bench_boilerplate.py             # everything
    python bench/bench_boilerplate.py quality     # content kept / boilerplate left, held-out corpus
    python bench/bench_boilerplate.py speed       # MB/s and peak RSS, baseline in the same run
    python bench/bench_boilerplate.py speed --baseline DIR   # ...and another checkout's stage
                                                  # (e.g. `git archive main`), line by line

Speed: every measurement runs in its own process (so peak RSS is its own) over ~20 MB of
Chinese text, best of 3: the field sample (a real article, repeated), generated news articles as
extractors deliver them (title, byline, paragraphs, a short footer), and whole generated pages
with their sites' menus and footers (three short lines in four: the worst case), and, when
../shared/realbench is there, real full-page dumps for the page model
(:mod:`newsclean.stages.boilerplate.page`): every page of every set once, the html2text markdown
(``input``, "dumps") and the plain-text dump (``input_plain``, "plain"), English and Chinese, as
the stage sees them (after the stages before it). Dumps are timed twice: "first sight", with the
stage's memos of lines emptied before every repetition (every line is new to the process, as on
a crawl's first page of a site), and "warm" (the memos kept: a site's menus and footers come
back on its other pages). The last lines print what a page dump costs per MB against a clean
article (the ``articles`` stage line): issue 11 wants at most 3x. The baseline is a plain line
split and join of the same documents, and ``Doc.from_text`` (the pipeline's own split) is shown
too. The stage alone is timed on documents already split into paragraphs. CPU time
(``process_time``) is measured, not wall time: the machine is shared.
"""

from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
if "--root" in sys.argv:  # measure another checkout's package (speed --baseline)
    sys.path.insert(0, sys.argv[sys.argv.index("--root") + 1])

from boilerplate_corpus import Page, corpus, zh_article  # noqa: E402

from newsclean import Config, Doc  # noqa: E402
from newsclean.corpus import CorpusDoc, run_local  # noqa: E402
from newsclean.corpus.site import SiteBoilerplate, document_keys  # noqa: E402
from newsclean.stages import STAGES, boilerplate  # noqa: E402

SPEED_MB = 20


def _text(page: Page) -> str:
    return "\n".join(text for text, _ in page.lines) + "\n"


def quality() -> None:
    pages = corpus()
    learner = SiteBoilerplate()
    docs = [CorpusDoc(f"{i}.txt", i, _text(p)) for i, p in enumerate(pages)]
    learned = learner.apply(Config(), run_local(learner, docs))
    print(
        f"held-out corpus: {len(pages)} pages from invented sites, {sum(len(p.lines) for p in pages)} lines"
    )
    print(f"learned from the batch: {len(learned.site_boilerplate)} line keys")
    print(f"{'':34}{'content kept':>14}{'boilerplate left':>18}{'out lines':>11}")
    for title, config in (
        ("stage alone, one page at a time", Config()),
        ("with site learning (batch)", learned),
    ):
        for lang in ("zh", "en", "all"):
            chosen = [p for p in pages if lang in ("all", p.lang)]
            kept_content = content = left = out = 0
            for page in chosen:
                doc = Doc.from_text(_text(page))
                alive = set(boilerplate(doc, config).linenos)
                for lineno, (_, label) in enumerate(page.lines, 1):
                    content += label == "content"
                    if lineno in alive:
                        out += 1
                        kept_content += label == "content"
                        left += label == "boilerplate"
            print(
                f"{title + ' [' + lang + ']':34}{100 * kept_content / content:13.2f}%"
                f"{100 * left / out:17.2f}%{out:11}"
            )
    _show_misses(pages, learned)


def _show_misses(pages: list[Page], config: Config, limit: int = 12) -> None:
    lost: dict[str, int] = {}
    left: dict[str, int] = {}
    for page in pages:
        alive = set(boilerplate(Doc.from_text(_text(page)), config).linenos)
        for lineno, (text, label) in enumerate(page.lines, 1):
            if label == "content" and lineno not in alive:
                lost[text] = lost.get(text, 0) + 1
            if label == "boilerplate" and lineno in alive:
                left[text] = left.get(text, 0) + 1
    for name, table in (("content lost", lost), ("boilerplate left", left)):
        print(f"most frequent {name} (with site learning):")
        for text, n in sorted(table.items(), key=lambda kv: -kv[1])[:limit]:
            print(f"  {n:5}  {text[:70]}")


def _speed_docs(kind: str) -> tuple[list[str], int]:
    """~SPEED_MB of Chinese text: news articles, or whole pages with the sites' furniture."""
    texts: list[str] = []
    size = 0
    rng = random.Random(7)
    seed = 0
    if (
        kind == "sample"
    ):  # the field sample as the stage sees it (after encoding, pinyin, whitespace)
        doc = Doc.from_text((ROOT / "samples" / "000_7692730640d39c1c.txt").read_text("utf-8"))
        for name in ("encoding", "pinyin", "whitespace"):
            doc = STAGES[name](doc, Config())
        copies = SPEED_MB * 1_000_000 // len(doc.text.encode("utf-8")) + 1
        return [doc.text] * copies, len(doc.text.encode("utf-8")) * copies
    if kind in ("dumps", "plain"):  # real full-page dumps, prepared once by speed()
        texts = json.loads(Path(_PREPARED[kind]).read_text("utf-8"))
        return texts, sum(len(t.encode("utf-8")) for t in texts)
    while size < SPEED_MB * 1_000_000:
        if kind == "articles":
            batch = ["\n".join(zh_article(rng)) + "\n" for _ in range(100)]
        else:
            batch = [_text(p) for p in corpus(pages_per_site=40, seed=seed) if p.lang == "zh"]
            seed += 1
        texts += batch
        size += sum(len(t.encode("utf-8")) for t in batch)
    return texts, size


REALBENCH = ROOT.parent / "shared" / "realbench" / "data"


REALBENCH_SETS = ("cwce", "aeb", "np4k", "rdb")
#: Where speed() leaves the prepared dumps for the measuring processes, by kind.
_PREPARED: dict[str, str] = {}


def _realbench_pages(field: str) -> list[str]:
    """Every page of the realbench sets (``field``: ``input`` or ``input_plain``), as the stage
    sees it: after the stages before it, blank lines kept (the page model needs them)."""
    import gzip

    from newsclean.pipeline import begin

    pages = []
    for name in REALBENCH_SETS:
        with gzip.open(REALBENCH / f"{name}.jsonl.gz", "rt", encoding="utf-8") as f:
            for line in f:
                doc = begin(json.loads(line)[field], Config(), "boilerplate")[0]
                text = [""] * (doc.linenos[-1] if doc.linenos else 0)
                for lineno, kept in zip(doc.linenos, doc.lines, strict=True):
                    text[lineno - 1] = kept
                pages.append("\n".join(text) + "\n")
    return pages


def _forget_lines() -> None:
    """Empty the stage's memos of lines (not the compiled rules): every line is new again."""
    import importlib

    from newsclean.corpus import site

    names = (
        "_judge",
        "_JUDGED",
        "site_key",
        "line_class",
        "_memo",
        "flatten",
        "notice_share",
        "_VERDICTS",
        "_tables_of",
    )
    for part in ("classify", "content", "lines", "markdown", "page"):
        module = importlib.import_module(f"newsclean.stages.boilerplate.{part}")
        for memo in (getattr(module, name, None) for name in names):
            if hasattr(memo, "cache_clear"):
                memo.cache_clear()
            elif isinstance(memo, dict):
                memo.clear()
    site._memo.cache_clear()


def measure(name: str, kind: str) -> None:
    """One measurement, in this process; prints JSON."""
    texts, size = _speed_docs(kind)
    config = Config()
    if name == "stage + learned site set":
        learner = SiteBoilerplate()
        docs = [CorpusDoc(str(i), i, t) for i, t in enumerate(texts[:2000])]
        config = learner.apply(config, run_local(learner, docs))
    docs = [Doc.from_text(t) for t in texts]
    boilerplate(docs[0], config)  # load rules, OpenCC
    best = float("inf")
    for _ in range(3):
        if "first sight" in name:
            _forget_lines()
        start = time.process_time()
        if name.startswith("learn, then stage"):  # what a run with site learning does
            for d in docs:
                document_keys(d.lines, config)
            for d in docs:
                boilerplate(d, config)
        elif name == "split/join":
            for t in texts:
                "\n".join(t.split("\n"))
        elif name == "Doc.from_text":
            for t in texts:
                Doc.from_text(t)
        else:
            for d in docs:
                boilerplate(d, config)
        best = min(best, time.process_time() - start)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"name": name, "mb": size / 1e6, "seconds": best, "rss_mb": rss}))


def speed(baseline: str | None = None) -> None:
    import tempfile

    print("machine: shared; every line is its own process, best of 3, MB/s of CPU time")
    if baseline:
        print(f"each line measured with this checkout, then with {baseline} (base)")
    print(f"{'text':10}{'measurement':28}{'MB':>7}{'MB/s':>10}{'peak RSS MB':>13}")
    runs = [
        ("sample", ["split/join", "stage"]),
        ("articles", ["split/join", "Doc.from_text", "stage"]),
        ("pages", ["split/join", "stage", "stage + learned site set"]),
    ]
    if REALBENCH.is_dir():
        for kind, field in (("dumps", "input"), ("plain", "input_plain")):
            with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
                json.dump(_realbench_pages(field), f)
            _PREPARED[kind] = f.name
            names = ["split/join", "stage, first sight", "stage, warm"]
            runs.append((kind, [*names, "learn, then stage, first sight"]))
    rates: dict[tuple[str, str, str], float] = {}
    try:
        for kind, names in runs:
            for name in names:
                for who, root in (("", None), ("base", baseline)):
                    if who and (not root or name in {"split/join", "Doc.from_text"}):
                        continue
                    cmd = [sys.executable, __file__, "--measure", name, kind]
                    cmd += ["--prepared", json.dumps(_PREPARED)]
                    cmd += ["--root", root] if root else []
                    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
                    r = json.loads(out)
                    rates[kind, name, who] = r["mb"] / r["seconds"]
                    label = f"{r['name']} ({who})" if who else r["name"]
                    print(
                        f"{kind:10}{label:28}{r['mb']:7.1f}{rates[kind, name, who]:10.1f}"
                        f"{r['rss_mb']:13.0f}"
                    )
    finally:
        for path in _PREPARED.values():
            Path(path).unlink()
    _ratios(rates)


def _ratios(rates: dict[tuple[str, str, str], float]) -> None:
    """What learning adds to the stage on the dumps, and what a dump costs against a clean
    article, per MB (issue 11 wants at most 3x)."""
    for who in ("", "base"):
        for kind in ("dumps", "plain"):
            both = rates.get((kind, "learn, then stage, first sight", who))
            alone = rates.get((kind, "stage, first sight", who))
            if both and alone:
                print(
                    f"site learning's map over the {kind}{', ' + who if who else ''} adds "
                    f"{alone / both - 1:.0%} to the stage's first-sight CPU"
                )
        clean = rates.get(("articles", "stage", who))
        for (kind, name, by), rate in rates.items():
            if clean and by == who and kind in ("dumps", "plain") and name.startswith("stage,"):
                print(
                    f"a page dump ({kind}, {name}{', ' + who if who else ''}) costs "
                    f"{clean / rate:.1f}x a clean article per MB (target <= 3x)"
                )


if __name__ == "__main__":
    args = sys.argv[1:]
    if args[:1] == ["--measure"]:
        _PREPARED.update(json.loads(args[args.index("--prepared") + 1]))
        measure(args[1], args[2])
    else:
        if not args or "quality" in args:
            quality()
        if not args or "speed" in args:
            speed(args[args.index("--baseline") + 1] if "--baseline" in args else None)
