"""Benchmark of the ``encoding`` stage: false positives, held-out accuracy, parity, speed.

    python bench/bench_encoding.py            # everything (a few minutes on 2 cores)
    python bench/bench_encoding.py --quick    # smaller samples

1. False positives: 20,000+ clean lines in Chinese (Simplified and Traditional), Japanese,
   Korean, English, French and German, with mixed Chinese–Latin lines, accented names and rare
   name characters, from both sentence pools: changed lines and warnings must be 0.
   Also how many lines each filter lets through (scan, suspicion test, readings, run search).
2. Held-out mojibake: every chain on sentences the tests never see (bench/heldout.toml, another
   seed), line by line and as pages of one chain; exact lines and exact content (characters).
   ``spans``: the same chains as runs of 2–30 characters inside correct lines
   (bench/spangen.py): exact lines, and characters right (1 - edit distance / length).
3. Parity with ftfy on held-out Western mojibake: of what ftfy repairs, what we repair.
4. Legacy file encodings: held-out documents as bytes through ``decode_bytes``.
5. Lossy mojibake (U+FFFD in it) with ``repair_lossy``: share of characters that come back.
6. Speed of the stage alone, MB/s (of UTF-8) and peak RSS, each in a fresh process, with
   ``ftfy.fix_text`` on the same text as the baseline: clean Chinese, clean English, and both
   with 2% of the lines broken.
7. ``messages``: text nobody tuned on, the machine's translated messages
   (``/usr/share/locale``) in 22 Latin-script languages, each message alone as a line, UTF-8
   read as cp1252: lines repaired exactly (ftfy's count beside), and clean messages changed.
   ``manpages``: the same for lines of the machine's translated manual pages (Chinese,
   Japanese, Korean, Russian, Polish, Turkish, German, French; 300 a language), UTF-8 read
   in the CJK codecs and in cp1252.
"""

from __future__ import annotations

import argparse
import difflib
import multiprocessing
import random
import resource
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rapidfuzz.distance import Levenshtein

from bench import spangen, textgen
from newsclean import Config, Doc
from newsclean.decode import decode_bytes
from newsclean.stages import encoding
from newsclean.stages.encoding.flags import flagged_rows
from newsclean.stages.encoding.lines import facts
from newsclean.stages.encoding.readings import readings
from newsclean.stages.encoding.spans import _fix_spans, fix_western_spans

HELD = textgen.HELDOUT_POOL
SEED = 2024  # the tests use 3 and 11
PAGE = 50


def _pages(lines: list[str], size: int = PAGE) -> list[Doc]:
    return [Doc.from_text("\n".join(lines[i : i + size])) for i in range(0, len(lines), size)]


def false_positives(n: int) -> None:
    lines = textgen.clean_lines(textgen.TEST_POOL, n // 2, SEED) + textgen.clean_lines(
        HELD, n - n // 2, SEED + 1
    )
    changed = warned = total = flagged = worth = 0
    for cached in (readings, _fix_spans, fix_western_spans):
        cached.cache_clear()
    with _span_filters() as (asked, down):
        for doc in _pages(lines):
            out = encoding(doc, Config())
            total += len(doc.lines)
            changed += sum(a != b for a, b in zip(doc.lines, out.lines, strict=True))
            warned += sum(d.severity != "info" for d in out.diagnostics)
            rows = flagged_rows(doc.lines)
            flagged += len(rows)
            worth += sum(facts(doc.lines[i]).worth for i in rows)
    print(f"clean lines: {total}  changed: {changed}  warnings: {warned}")
    spans = _fix_spans.cache_info().misses + fix_western_spans.cache_info().misses
    print(
        f"lines each filter lets through: the document scan {flagged}, the suspicion test "
        f"{worth}, read in every misreading {readings.cache_info().misses} (distinct lines), "
        f"searched for runs of mojibake {spans} (distinct lines)"
    )
    print(
        "the run search's tests, (misreading, line or run) turned down of those asked: "
        + ", ".join(f"{name} {down[name]}/{asked[name]}" for name in _SPAN_FILTERS)
    )


#: The span search's tests that turn a line or a run down before it is read, in the order asked.
_SPAN_FILTERS = ("_may_be_utf8", "_hopeless", "_few_edges", "_out_of_reach")


@contextmanager
def _span_filters() -> Iterator[tuple[dict[str, int], dict[str, int]]]:
    """Count, while it lasts, how many (misreading, line or run) each of the span search's
    tests is asked about and how many it turns down."""
    from newsclean.stages.encoding import spans as search

    asked = dict.fromkeys(_SPAN_FILTERS, 0)
    down = dict.fromkeys(_SPAN_FILTERS, 0)
    saved = {name: getattr(search, name) for name in _SPAN_FILTERS}

    def counted(name: str) -> Callable[..., bool]:
        def test(*args: object) -> bool:
            result = bool(saved[name](*args))
            asked[name] += 1
            # (_may_be_utf8 says a pair may be there: it turns down where it says no)
            down[name] += result != (name == "_may_be_utf8")
            return result

        test.cache_clear = getattr(saved[name], "cache_clear", lambda: None)  # type: ignore[attr-defined]
        return test

    try:
        for name in _SPAN_FILTERS:
            setattr(search, name, counted(name))
        yield asked, down
    finally:
        for name, test in saved.items():
            setattr(search, name, test)


def spans(n: int) -> None:
    """Runs of 2–30 characters misread inside correct lines (bench/spangen.py), held out."""
    print(f"{'chain (a run inside a line)':42} {'cases':>5} {'exact':>7} {'chars':>7}")
    total = right = 0
    for chain in textgen.CJK_CHAINS + textgen.WESTERN_CHAINS:
        pairs = list(spangen.span_cases(chain, HELD, SEED, n))
        if not pairs:
            continue
        outs = _by_line([b for _, b in pairs])
        size = sum(len(o) for o, _ in pairs)
        good = sum(
            max(0, len(o) - Levenshtein.distance(r, o))
            for r, (o, _) in zip(outs, pairs, strict=True)
        )
        exact = sum(r == o for r, (o, _) in zip(outs, pairs, strict=True))
        total, right = total + size, right + good
        print(f"{chain.name:42} {len(pairs):5} {exact / len(pairs):7.1%} {good / size:7.2%}")
    print(f"{'all chains':42} {'':5} {'':7} {right / total:7.2%}")


def _content(out: str, original: str) -> int:
    blocks = difflib.SequenceMatcher(None, out, original, autojunk=False).get_matching_blocks()
    return sum(b.size for b in blocks)


def _score(pairs: list[tuple[str, str]], run: Callable[[list[str]], list[str]]) -> tuple[int, int]:
    originals = [o for o, _ in pairs]
    outs = run([b for _, b in pairs])
    exact = sum(o == r for o, r in zip(originals, outs, strict=True))
    chars = sum(_content(r, o) for o, r in zip(originals, outs, strict=True))
    return exact, chars


def _by_line(broken: list[str]) -> list[str]:
    return ["\n".join(encoding(Doc.from_text(b), Config()).lines) for b in broken]


def _by_page(broken: list[str], size: int = 10) -> list[str]:
    out: list[str] = []
    for i in range(0, len(broken), size):
        out += encoding(Doc.from_text("\n".join(broken[i : i + size])), Config()).lines
    return out


def held_out(n: int) -> None:
    print(f"{'chain':42} {'cases':>5} {'line exact':>10} {'page exact':>10} {'content':>8}")
    totals = [0, 0, 0, 0, 0]
    for chain in textgen.CJK_CHAINS:
        pairs = list(textgen.cases(chain, HELD, SEED, n, tries=60 * n))
        if not pairs:
            continue
        exact, _ = _score(pairs, _by_line)
        page, chars = _score(pairs, _by_page)
        size = sum(len(o) for o, _ in pairs)
        print(
            f"{chain.name:42} {len(pairs):5} {exact / len(pairs):10.1%} "
            f"{page / len(pairs):10.1%} {chars / size:8.2%}"
        )
        for i, v in enumerate((len(pairs), exact, page, chars, size)):
            totals[i] += v
    cases, exact, page, chars, size = totals
    print(
        f"{'all CJK chains':42} {cases:5} {exact / cases:10.1%} {page / cases:10.1%} "
        f"{chars / size:8.2%}"
    )


def parity(n: int) -> None:
    from newsclean.stages.encoding.western import fix_line

    print(f"{'Western chain (vs ftfy)':42} {'cases':>5} {'ftfy fixes':>10} {'we fix':>7}")
    for chain in textgen.WESTERN_CHAINS:
        pairs = list(textgen.cases(chain, HELD, SEED, n))
        ours = _by_line([b for _, b in pairs])
        by_ftfy = [fix_line(b)[0] == o for o, b in pairs]
        both = sum(f and r == o for f, r, (o, _) in zip(by_ftfy, ours, pairs, strict=True))
        only = sum(r == o for r, (o, _) in zip(ours, pairs, strict=True))
        print(f"{chain.name:42} {len(pairs):5} {sum(by_ftfy):10} {only:7}  (of ftfy's: {both})")


_LEGACY = {
    "zh": ("gbk", "gb18030", "utf-16-le", "utf-16-be", "utf-8-sig"),
    "zht": ("big5", "cp950", "utf-16"),
    "ja": ("cp932", "shift_jis", "euc_jp"),
    "ko": ("cp949", "euc_kr"),
    "en": ("cp1252",),
    "fr": ("cp1252", "latin-1"),
    "de": ("cp1252", "latin-1"),
}


def legacy(n: int) -> None:
    pool = textgen.pool(HELD)
    rng = random.Random(SEED)
    docs = exact = chars = size = 0
    for lang, codecs_ in _LEGACY.items():
        for codec in codecs_:
            for i in range(n):
                text = "\n".join(textgen.line(pool, lang, rng) for _ in range(1 + i % 20))
                try:
                    data = text.encode(codec)
                except UnicodeEncodeError:
                    continue
                got = decode_bytes(data).text
                docs += 1
                exact += got == text
                chars += _content(got, text)
                size += len(text)
    print(
        f"legacy-encoded documents: {docs}  exact: {exact / docs:.1%}  content: {chars / size:.2%}"
    )


def lossy() -> None:
    pool = textgen.pool(HELD)
    total = recovered = lines = 0
    for lang in ("zh", "zht", "ja", "ko"):
        for sentence in pool[lang]:
            broken = sentence.encode("utf-8").decode("gb18030", errors="replace")
            if "\ufffd" not in broken:
                continue
            (out,) = encoding(Doc.from_text(broken), Config(repair_lossy=True)).lines
            lines += 1
            total += len(sentence)
            recovered += _content(out.replace("\ufffd", "\x00"), sentence)
    print(
        f"lossy UTF-8 read as GBK (U+FFFD in it), --repair-lossy: {lines} lines, "
        f"{recovered / total:.1%} of characters back (the rest stay U+FFFD and are reported)"
    )


# --- speed ---------------------------------------------------------------------------------


def _speed_docs(lang: str, megabytes: float, broken: float, seed: int) -> list[str]:
    pool = textgen.pool(HELD)
    rng = random.Random(seed)
    chains = [c for c in textgen.CJK_CHAINS + textgen.WESTERN_CHAINS if lang in c.langs]
    docs, size = [], 0
    while size < megabytes * 1e6:
        lines = []
        for _ in range(PAGE):
            line = textgen.line(pool, lang if lang != "zh" else rng.choice(("zh", "zht")), rng)
            if broken and rng.random() < broken:
                for chain in rng.sample(chains, len(chains)):
                    bad = chain.apply(line)
                    if bad and not textgen._BREAKS.intersection(bad):
                        line = bad
                        break
            lines.append(line)
        text = "\n".join(lines)
        docs.append(text)
        size += len(text.encode("utf-8"))
    return docs


def _warm_lines() -> list[str]:
    chains = textgen.CJK_CHAINS + textgen.WESTERN_CHAINS
    return [pair[1] for chain in chains for pair in textgen.cases(chain, HELD, 1, 2)]


def _warm_up(config: Config, lines: list[str]) -> float:
    """Run every chain once (loads the tiers, compiles the checks): the one-time cost.

    Each line also alone: a document of Western text is scanned with its own pattern (a
    document whose first lines hold CJK never compiles it)."""
    start = time.process_time()
    encoding(Doc.from_text("\n".join(lines)), config)
    encoding(Doc.from_text("\n".join(lines)), config.replace(repair_lossy=True))
    for line in lines:
        encoding(Doc.from_text(line), config)
    return time.process_time() - start


def _measure(tool: str, texts: list[str], warm: list[str]) -> tuple[float, float, int]:
    """In a fresh process: (MB, CPU seconds, peak RSS in KB) for one tool on the texts."""
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    if tool == "newsclean":
        docs = [Doc.from_text(t) for t in texts]
        config = Config()
        _warm_up(config, warm)  # tables and codecs load once per process, outside the timing
        start = time.process_time()
        for doc in docs:
            encoding(doc, config)
    else:
        import ftfy

        ftfy.fix_text(texts[0])
        start = time.process_time()
        for text in texts:
            ftfy.fix_text(text)
    seconds = time.process_time() - start
    return size, seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def speed(megabytes: float) -> None:
    ctx = multiprocessing.get_context("spawn")
    warm = _warm_lines()
    with ctx.Pool(1) as pool:
        once = pool.apply(_warm_up, (Config(), warm))
    print(f"one-time start-up (character tiers, checks, codec tables): {once * 1000:.0f} ms CPU")
    print(
        f"{'text':28} {'newsclean':>12} {'ftfy.fix_text':>14} {'RSS newsclean':>14} {'RSS ftfy':>9}"
    )
    for label, lang, broken in (
        ("clean Chinese", "zh", 0.0),
        ("clean English", "en", 0.0),
        ("Chinese, 2% lines broken", "zh", 0.02),
        ("English, 2% lines broken", "en", 0.02),
    ):
        texts = _speed_docs(lang, megabytes, broken, SEED)
        results = {}
        for tool in ("newsclean", "ftfy"):
            with ctx.Pool(1) as pool:
                results[tool] = pool.apply(_measure, (tool, texts, warm))
        (mb, ours, rss_ours), (_, theirs, rss_theirs) = results["newsclean"], results["ftfy"]
        print(
            f"{label:28} {mb / ours:8.1f} MB/s {mb / theirs:10.1f} MB/s "
            f"{rss_ours / 1024:11.0f} MB {rss_theirs / 1024:6.0f} MB   ({mb:.1f} MB)"
        )


#: Languages written in Latin script with letters beyond ASCII.
MESSAGE_LANGS = "pl cs sk hu ro hr sl tr lt lv et de fr es sv da fi nb pt it ca nl".split()


def messages(per_lang: int) -> None:
    from bench.bench_chardet import _messages

    rows = []
    for lang in MESSAGE_LANGS:
        found = [m for m in _messages(lang) if len(m) < 200 and "\n" not in m]
        rows.append((lang, "cp1252", random.Random(lang).sample(found, min(per_lang, len(found)))))
    _line_mojibake(rows)


#: The manual pages' languages (``/usr/share/man/<lang>``) and what their lines' UTF-8 is
#: read as.
MANPAGE_MISREADINGS = {
    "zh_CN": ("gbk", "cp1252"),
    "zh_TW": ("big5", "gbk", "cp1252"),
    "ja": ("cp932", "gbk", "cp1252"),
    "ko": ("cp949", "gbk"),
    "ru": ("cp1252",),
    "pl": ("cp1252",),
    "tr": ("cp1252",),
    "de": ("cp1252",),
    "fr": ("cp1252",),
}


def manpages(per_lang: int) -> None:
    from bench.bench_chardet import _manpage

    rows = []
    for lang, misreadings in MANPAGE_MISREADINGS.items():
        lines = [
            line
            for path in sorted(Path("/usr/share/man", lang).rglob("*.gz"))
            for line in (_manpage(path) or "").splitlines()
            if not line.isascii()
        ]
        sample = random.Random(lang).sample(lines, min(per_lang, len(lines)))
        rows += [(lang, misread, sample) for misread in misreadings]
    _line_mojibake(rows)


def _line_mojibake(rows: list[tuple[str, str, list[str]]]) -> None:
    """Each line of each row alone, UTF-8 read as the row's code page, through the stage:
    lines repaired exactly, ftfy's count beside, and clean lines the stage changes."""
    import ftfy

    print(
        f"{'language':9}{'read as':>8}{'lines':>7}{'repaired':>10}{'ftfy':>7}{'clean changed':>15}"
    )
    totals = [0, 0, 0, 0]
    for lang, misread, lines in rows:
        n = ours = theirs = changed = 0
        for line in lines:
            try:
                broken = line.encode("utf-8").decode(misread)
            except UnicodeDecodeError:
                continue  # a byte the code page has no character for
            n += 1
            clean = _stage(line)  # what the stage makes of the line itself
            ours += _stage(broken) == clean
            theirs += ftfy.fix_text(broken) == line
            changed += clean != line
        if n:
            print(f"{lang:9}{misread:>8}{n:7}{ours:10}{theirs:7}{changed:15}")
        for k, v in enumerate((n, ours, theirs, changed)):
            totals[k] += v
    print(f"{'all':9}{'':>8}{totals[0]:7}{totals[1]:10}{totals[2]:7}{totals[3]:15}")


def _stage(line: str) -> str:
    return encoding(Doc.from_text(line), Config()).text.rstrip("\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller samples")
    parser.add_argument(
        "--only",
        choices=(
            "fp",
            "heldout",
            "spans",
            "parity",
            "legacy",
            "lossy",
            "speed",
            "messages",
            "manpages",
        ),
    )
    args = parser.parse_args()
    quick = args.quick
    steps: dict[str, Callable[[], None]] = {
        "fp": lambda: false_positives(4000 if quick else 24000),
        "heldout": lambda: held_out(40 if quick else 200),
        "spans": lambda: spans(40 if quick else 200),
        "parity": lambda: parity(40 if quick else 200),
        "legacy": lambda: legacy(4 if quick else 30),
        "lossy": lossy,
        "speed": lambda: speed(0.5 if quick else 4.0),
        "messages": lambda: messages(100 if quick else 300),
        "manpages": lambda: manpages(100 if quick else 300),
    }
    for name, step in steps.items():
        if args.only in (None, name):
            print(f"== {name}")
            step()


if __name__ == "__main__":
    main()
