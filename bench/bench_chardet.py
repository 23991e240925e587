"""Decoding of real files in legacy encodings: chardet's own test files, folder = encoding.

    python bench/bench_chardet.py [--tests DIR] [--stage] [--verbose] [--speed] [--locales]
                                  [--manpages]

For every file in ``DIR/<ENCODING>/`` (default ``../shared/encodings/chardet-tests/tests``;
``EUC-TW`` is skipped, Python has no codec for it) the file's bytes go through
:func:`newsclean.decode_bytes`, and the text is "right" when it equals the labelled encoding's
text, or the text of the superset a browser reads that label with (WHATWG: GBK/GB18030 for
GB2312, cp932 for Shift_JIS, cp949 for EUC-KR, cp950/Big5-HKSCS for Big5, cp1252 for
ISO-8859-1, cp874 for TIS-620, cp1254 for ISO-8859-9), after dropping a BOM and normalising
line endings. A label none of whose codecs decodes the file strictly is compared with the
first one's lossy decoding (and counted in the ``lossy`` column).

``--stage`` also runs the ``encoding`` stage end to end (:func:`newsclean.clean_bytes` with
``stages=("encoding",)``) and compares with the same stage run on the label's text: the
stage must not change a right decoding into something else (column ``stage``).

Prints one row per folder (files, right, wrong, the codecs chosen when wrong) and a total.
``--locales`` adds a check on text chardet was never tuned on: the translated messages of
the machine's ``/usr/share/locale/<lang>/LC_MESSAGES/*.mo`` files, in documents of 3, 10 and
40 random messages (20 of each, fixed seed), encoded in each language's code pages.
``--manpages`` adds the machine's translated manual pages (``/usr/share/man/<lang>``, running
text without troff requests and escapes), whole and their first three lines, encoded in each
language's code pages: mostly English, with a few words of the language in it.

``--speed`` also times :func:`newsclean.decode_bytes` on 8 MB of clean UTF-8 (Chinese, English)
beside ``bytes.decode("utf-8")`` in the same run: the checks before strict UTF-8 (a BOM, NUL
and ESC bytes) must cost next to nothing. Timings on a shared 2-core machine are noisy.
"""

from __future__ import annotations

import argparse
import codecs
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newsclean import Config, clean, clean_bytes
from newsclean.decode import decode_bytes

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT.parent / "shared" / "encodings" / "chardet-tests" / "tests"
SKIP = {"EUC-TW"}  # no Python codec

#: Label (folder name up to the language) → the codecs whose text counts as right.
SUPERSETS: dict[str, tuple[str, ...]] = {
    "gb2312": ("gb2312", "gbk", "gb18030"),
    "shift_jis": ("shift_jis", "cp932"),
    "euc-kr": ("euc_kr", "cp949"),
    "big5": ("big5", "cp950", "big5hkscs"),
    "iso-8859-1": ("latin-1", "cp1252"),
    "tis-620": ("tis-620", "cp874"),
    "iso-8859-9": ("iso8859-9", "cp1254"),
    "utf-16": ("utf-16",),
    "utf-32": ("utf-32",),
    "maccyrillic": ("mac-cyrillic",),
    "macroman": ("mac-roman",),
}


def label_codecs(folder: str) -> tuple[str, ...]:
    """``windows-1250-czech`` → ``("windows-1250",)``; ``GB2312`` → its browser supersets."""
    name = folder.lower()
    parts = name.split("-")
    # The language, if any, is the last part: keep the longest prefix that names a codec.
    for end in range(len(parts), 0, -1):
        prefix = "-".join(parts[:end])
        if prefix in SUPERSETS:
            return SUPERSETS[prefix]
        try:
            codecs.lookup(prefix)
        except LookupError:
            continue
        return (prefix,)
    raise LookupError(folder)


def normalise(text: str) -> str:
    """Drop a leading BOM and turn every ``\\r\\n`` and ``\\r`` into ``\\n``."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def expected(data: bytes, names: tuple[str, ...]) -> tuple[set[str], bool]:
    """The texts that count as right, and whether none was strict (lossy comparison)."""
    texts: set[str] = set()
    for name in names:
        try:
            texts.add(normalise(data.decode(name)))
        except UnicodeDecodeError:
            continue
    if texts:
        return texts, False
    return {normalise(data.decode(names[0], errors="replace"))}, True


@dataclass
class Row:
    files: int = 0
    right: int = 0
    lossy: int = 0
    stage_right: int = 0
    chosen: Counter[str] = field(default_factory=Counter)
    wrong_files: list[str] = field(default_factory=list)


def files(tests: Path) -> Iterator[tuple[str, Path]]:
    for folder in sorted(p for p in tests.iterdir() if p.is_dir()):
        if folder.name in SKIP:
            continue
        for path in sorted(folder.iterdir()):
            if path.is_file():
                yield folder.name, path


def run(tests: Path, stage: bool) -> dict[str, Row]:
    rows: dict[str, Row] = {}
    config = Config(stages=("encoding",))
    for folder, path in files(tests):
        row = rows.setdefault(folder, Row())
        data = path.read_bytes()
        right_texts, lossy = expected(data, label_codecs(folder))
        decoded = decode_bytes(data)
        row.files += 1
        row.lossy += lossy
        if normalise(decoded.text) in right_texts:
            row.right += 1
        else:
            row.chosen[decoded.encoding] += 1
            row.wrong_files.append(f"{path.name} -> {decoded.encoding}")
        if stage:
            got = clean_bytes(data, config).text
            row.stage_right += any(got == clean(t, config).text for t in right_texts)
    return rows


def report(rows: dict[str, Row], stage: bool, verbose: bool) -> int:
    head = f"{'folder':26} {'files':>5} {'right':>5} {'wrong':>5} {'lossy':>5}"
    head += f" {'stage':>5}" if stage else ""
    print(head + "  chosen when wrong")
    total = Row()
    for folder, row in rows.items():
        line = f"{folder:26} {row.files:5} {row.right:5} {row.files - row.right:5} {row.lossy:5}"
        line += f" {row.stage_right:5}" if stage else ""
        chosen = ", ".join(f"{name} x{n}" for name, n in row.chosen.most_common())
        print(f"{line}  {chosen}")
        if verbose:
            for name in row.wrong_files:
                print(f"{'':28}{name}")
        total.files += row.files
        total.right += row.right
        total.lossy += row.lossy
        total.stage_right += row.stage_right
    line = f"{'TOTAL':26} {total.files:5} {total.right:5} {total.files - total.right:5}"
    line += f" {total.lossy:5}" + (f" {total.stage_right:5}" if stage else "")
    print(line)
    return total.files - total.right


#: Language → its code pages, for ``--locales``.
LOCALES: dict[str, tuple[str, ...]] = {
    "ru": ("cp1251", "koi8_r", "iso8859_5", "cp866", "mac_cyrillic"),
    "uk": ("cp1251", "koi8_u"),
    "bg": ("cp1251",),
    "el": ("cp1253", "iso8859_7"),
    "he": ("cp1255", "iso8859_8"),
    "ar": ("cp1256", "iso8859_6"),
    "fa": ("cp1256",),
    "tr": ("cp1254", "iso8859_9"),
    "cs": ("cp1250", "iso8859_2"),
    "pl": ("cp1250", "iso8859_2"),
    "hu": ("cp1250", "iso8859_2"),
    "sk": ("cp1250", "iso8859_2"),
    "ro": ("cp1250",),
    "hr": ("cp1250", "iso8859_2"),
    "sl": ("cp1250", "iso8859_2"),
    "lt": ("cp1257", "iso8859_13"),
    "lv": ("cp1257",),
    "et": ("cp1257",),
    "vi": ("cp1258",),
    "th": ("cp874",),
    "fr": ("cp1252", "latin_1", "mac_roman"),
    "de": ("cp1252", "latin_1", "mac_roman"),
    "es": ("cp1252", "latin_1"),
    "pt": ("cp1252",),
    "it": ("cp1252",),
    "zh_CN": ("gb18030",),
    "zh_TW": ("big5", "cp950"),
    "ja": ("cp932", "euc_jp", "iso2022_jp"),
    "ko": ("cp949", "euc_kr"),
}


def _messages(lang: str) -> list[str]:
    import gettext

    out: list[str] = []
    for mo in sorted(Path("/usr/share/locale", lang, "LC_MESSAGES").glob("*.mo")):
        try:
            with mo.open("rb") as f:
                catalog = gettext.GNUTranslations(f)._catalog  # type: ignore[attr-defined]
        except (OSError, UnicodeDecodeError, ValueError):
            continue
        out += [
            v.strip()
            for v in catalog.values()
            if isinstance(v, str) and len(v) > 15 and not v.isascii() and "%" not in v
        ]
    return out


def locales() -> None:
    rng = random.Random(7)
    sizes = (3, 10, 40)
    print(f"{'language':8} {'codec':13} " + " ".join(f"{n:>3} msgs" for n in sizes) + "  wrong")
    right = total = 0
    for lang, names in LOCALES.items():
        messages = _messages(lang)
        for name in names:
            usable = [m for m in messages if _encodes(m, name)]
            if len(usable) < 50:
                continue
            cells: list[str] = []
            chosen: Counter[str] = Counter()
            for size in sizes:
                good = 0
                for _ in range(20):
                    text = "\n".join(rng.sample(usable, size))
                    decoded = decode_bytes(text.encode(name))
                    good += decoded.text == text
                    chosen[decoded.encoding] += decoded.text != text
                cells.append(f"{good:>3}/20 ")
                right, total = right + good, total + 20
            wrong = ", ".join(f"{n} x{k}" for n, k in chosen.most_common() if k)
            print(f"{lang:8} {name:13} " + " ".join(cells) + f" {wrong}")
    print(f"{'TOTAL':8} {'':13} {right}/{total} right")


#: Manual pages' languages (``/usr/share/man/<lang>``) and the code pages they are written in.
MANPAGES = {
    "zh_CN": ("gb18030",),
    "zh_TW": ("big5", "cp950"),
    "ja": ("cp932", "euc_jp"),
    "ko": ("cp949",),
    "ru": ("cp1251", "koi8_r"),
    "uk": ("cp1251", "koi8_u"),
    "sr": ("cp1251",),
    "pl": ("cp1250", "iso8859_2"),
    "cs": ("cp1250", "iso8859_2"),
    "hu": ("cp1250", "iso8859_2"),
    "ro": ("cp1250",),
    "tr": ("cp1254",),
    "de": ("cp1252",),
    "fr": ("cp1252",),
}
#: troff escapes, reduced to the text they stand for (or to nothing).
_TROFF = (
    (re.compile(r"\\f(\[[^\]]*\]|\(..|.)|\\\(..|\\\[[^\]]*\]|\\\*.|\\[&|^c]"), ""),
    (re.compile(r"\\[-e]"), "-"),
    (re.compile(r"\\ "), " "),
)


def _manpage(path: Path) -> str | None:
    """A manual page's running text (no requests, no escapes), or None if not UTF-8."""
    import gzip

    try:
        with gzip.open(path) as handle:
            source = handle.read().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    lines = []
    for request in source.splitlines():
        if request.startswith((".", "'")):
            continue
        line = request
        for pattern, by in _TROFF:
            line = pattern.sub(by, line)
        line = line.strip()
        if len(line) >= 8 and "\\" not in line:
            lines.append(line)
    return "\n".join(lines)


def manpages() -> None:
    """Real running text chardet was not tuned on, mostly English with the translated words in
    it: each of the machine's translated manual pages, whole and its first three lines."""
    print(f"{'language':8} {'codec':13} {'whole':>9} {'3 lines':>9}  wrong")
    right = total = 0
    for lang, names in MANPAGES.items():
        pages = [
            text
            for path in sorted(Path("/usr/share/man", lang).rglob("*.gz"))
            if (text := _manpage(path)) and not text.isascii()
        ]
        for name in names:
            cells = []
            chosen: Counter[str] = Counter()
            for head in (False, True):
                good = n = 0
                for page in pages:
                    text = "\n".join(page.splitlines()[:3]) if head else page
                    if not _encodes(text, name):
                        continue
                    decoded = decode_bytes(text.encode(name))
                    n, good = n + 1, good + (decoded.text == text)
                    chosen[decoded.encoding] += decoded.text != text
                cells.append(f"{good:>4}/{n:<4}")
                right, total = right + good, total + n
            if total:
                wrong = ", ".join(f"{c} x{k}" for c, k in chosen.most_common() if k)
                print(f"{lang:8} {name:13} " + " ".join(cells) + f"  {wrong}")
    print(f"{'TOTAL':8} {'':13} {right}/{total} right")


def _encodes(text: str, name: str) -> bool:
    try:
        text.encode(name)
    except UnicodeEncodeError:
        return False
    return True


def speed() -> None:
    from bench import textgen

    pool = textgen.pool(textgen.TEST_POOL)
    print(f"{'clean UTF-8, 8 MB':26} {'decode_bytes':>14} {'bytes.decode':>14}")
    for lang in ("zh", "en"):
        rng = random.Random(lang)
        text = "\n".join(textgen.line(pool, lang, rng) for _ in range(2000))
        data = (text * (8_000_000 // len(text.encode()) + 1)).encode()[:8_000_000]
        data = data.decode("utf-8", "ignore").encode()
        mine = _rate(partial(decode_bytes, data), len(data))
        base = _rate(partial(data.decode, "utf-8"), len(data))
        print(f"{lang:26} {mine:9.0f} MB/s {base:9.0f} MB/s")


def _rate(run: Callable[[], object], size: int, repeat: int = 5) -> float:
    best = min(_timed(run) for _ in range(repeat))
    return size / best / 1e6


def _timed(run: Callable[[], object]) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tests", type=Path, default=TESTS)
    parser.add_argument("--stage", action="store_true", help="also run the encoding stage")
    parser.add_argument("--verbose", "-v", action="store_true", help="name the wrong files")
    parser.add_argument("--speed", action="store_true", help="also time clean UTF-8")
    parser.add_argument("--locales", action="store_true", help="also /usr/share/locale text")
    parser.add_argument("--manpages", action="store_true", help="also /usr/share/man text")
    args = parser.parse_args()
    if args.locales:
        locales()
    if args.manpages:
        manpages()
    if args.speed:
        speed()
    started = time.perf_counter()
    rows = run(args.tests, args.stage)
    wrong = report(rows, args.stage, args.verbose)
    print(f"({time.perf_counter() - started:.1f} s)")
    sys.exit(1 if wrong else 0)


if __name__ == "__main__":
    main()
