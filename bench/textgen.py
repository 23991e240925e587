"""Generated text for the encoding tests and benchmark: clean lines, and their mojibake.

Sentences come from a pool file (``tests/cases/sentences.toml`` for the tests,
``bench/heldout.toml`` for the held-out benchmark), one per line per language; Traditional
Chinese (``zht``) is the ``zh`` pool through OpenCC ``s2t``. Lines join one to three sentences
of a language. Mojibake is made here with the codecs directly (as a browser would decode:
cp1252 with the five undefined bytes kept as C1 controls), independently of newsclean's own
repair code, and only *lossless* cases are kept: those whose wrong decoding raised no error.
"""

from __future__ import annotations

import codecs
import random
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEST_POOL = ROOT / "tests" / "cases" / "sentences.toml"
HELDOUT_POOL = ROOT / "bench" / "heldout.toml"

LANGS = ("zh", "zht", "ja", "ko", "en", "fr", "de")
CJK_LANGS = ("zh", "zht", "ja", "ko")
LATIN_LANGS = ("en", "fr", "de")
# Characters the pipeline takes as line breaks: a case containing one is not one line.
_BREAKS = frozenset("\r\n\x85\u2028\u2029\x0b\x0c\x1c\x1d\x1e")


@cache
def pool(path: Path) -> dict[str, tuple[str, ...]]:
    """The sentences of a pool file, by language (with ``zht`` derived from ``zh``)."""
    import opencc

    data = tomllib.loads(path.read_text("utf-8"))
    out = {
        k: tuple(s.strip() for s in v.strip().splitlines() if s.strip()) for k, v in data.items()
    }
    s2t = opencc.OpenCC("s2t")
    out["zht"] = tuple(s2t.convert(s) for s in out["zh"])
    out["names"] = tuple(out["names"][0].split())
    out["accented"] = tuple(n.strip() for n in out["accented"][0].split(",") if n.strip())
    return out


def line(sentences: dict[str, tuple[str, ...]], lang: str, rng: random.Random) -> str:
    """One to three sentences of ``lang``, joined as that language joins them; or, one time
    in four, a headline: a sentence without its final punctuation."""
    if rng.random() < 0.25:
        return rng.choice(sentences[lang]).rstrip("。.")
    picked = rng.sample(sentences[lang], rng.randint(1, 3))
    sep = "" if lang in ("zh", "zht", "ja") else " "
    return sep.join(picked)


def clean_lines(path: Path, n: int, seed: int) -> list[str]:
    """``n`` clean lines in the six languages, with mixed, name-list and accented-name lines."""
    s = pool(path)
    rng = random.Random(seed)
    makers: list[Callable[[], str]] = [lambda lang=lang: line(s, lang, rng) for lang in LANGS]
    makers += [
        lambda: rng.choice(s["mixed"]),
        lambda: "、".join(rng.sample(s["names"], rng.randint(2, 6))) + "等出席。",
        lambda: f"{rng.choice(s['names'])}表示，" + rng.choice(s["zh"]),
        lambda: ", ".join(rng.sample(s["accented"], rng.randint(1, 3))) + " " + line(s, "en", rng),
        lambda: rng.choice(s["accented"]) + " " + line(s, rng.choice(("fr", "de")), rng),
        lambda: line(s, "zh", rng) + rng.choice(s["mixed"]),
    ]
    return [rng.choice(makers)() for _ in range(n)]


def sloppy_1252(data: bytes) -> str:
    """Decode as a browser decodes "windows-1252": the five undefined bytes stay C1 controls."""
    return "".join(
        chr(b) if b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes((b,)).decode("cp1252")
        for b in data
    )


def _web_gbk_errors(error: UnicodeError) -> tuple[str, int]:
    """Browsers decode GBK with gb18030 plus one extra: the single byte 0x80 is "€"."""
    if isinstance(error, UnicodeDecodeError) and error.object[error.start] == 0x80:
        return "€", error.start + 1
    raise error


codecs.register_error("newsclean-web-gbk", _web_gbk_errors)


def _decoder(codec: str) -> Callable[[bytes], str]:
    if codec == "sloppy-1252":
        return sloppy_1252
    if codec == "web-gbk":
        return lambda data: data.decode("gb18030", "newsclean-web-gbk")
    return lambda data: data.decode(codec)


@dataclass(frozen=True)
class Chain:
    """Text encoded with each of ``layers``' first codec and decoded with its second, in turn."""

    name: str
    layers: tuple[tuple[str, str], ...]
    langs: tuple[str, ...]

    def __str__(self) -> str:
        return self.name

    def apply(self, text: str) -> str | None:
        """The mojibake, or ``None`` if some step could not encode or lost bytes."""
        for actual, misread in self.layers:
            try:
                text = _decoder(misread)(text.encode(actual))
            except (UnicodeEncodeError, UnicodeDecodeError):
                return None
        return text


_U = "utf-8"
#: The CJK mojibake chains newsclean repairs (names as in the issue).
CJK_CHAINS: tuple[Chain, ...] = (
    Chain("UTF-8 read as GBK", ((_U, "web-gbk"),), LANGS),
    Chain("UTF-8 read as Big5", ((_U, "cp950"),), LANGS),
    Chain("UTF-8 read as Shift-JIS", ((_U, "cp932"),), LANGS),
    Chain("UTF-8 read as EUC-KR", ((_U, "cp949"),), LANGS),
    Chain("UTF-8 read as cp1252", ((_U, "sloppy-1252"),), CJK_LANGS),
    Chain("UTF-8 read as Latin-1", ((_U, "latin-1"),), CJK_LANGS),
    Chain("GBK read as cp1252", (("gbk", "sloppy-1252"),), ("zh", "zht", "ja", "fr", "de")),
    Chain("GBK read as Latin-1", (("gbk", "latin-1"),), ("zh", "zht", "ja")),
    Chain("Big5 read as cp1252", (("big5", "sloppy-1252"),), ("zht",)),
    Chain("Shift-JIS read as cp1252", (("cp932", "sloppy-1252"),), ("ja",)),
    Chain("EUC-KR read as cp1252", (("cp949", "sloppy-1252"),), ("ko",)),
    Chain("EUC-JP read as cp1252", (("euc_jp", "sloppy-1252"),), ("ja",)),
    Chain("GBK read as Big5", (("gbk", "cp950"),), ("zh",)),
    Chain("Big5 read as GBK", (("big5", "web-gbk"),), ("zht",)),
    Chain("Shift-JIS read as GBK", (("cp932", "web-gbk"),), ("ja",)),
    Chain("GBK read as Shift-JIS", (("gbk", "cp932"),), ("zh",)),
    Chain("EUC-KR read as GBK", (("cp949", "web-gbk"),), ("ko",)),
    Chain("GBK read as EUC-KR", (("gbk", "cp949"),), ("zh",)),
    Chain("EUC-JP read as GBK", (("euc_jp", "web-gbk"),), ("ja",)),
    Chain(
        "UTF-8 read as GBK, then as cp1252",
        ((_U, "web-gbk"), (_U, "sloppy-1252")),
        ("zh", "zht", "ja", "ko", "fr", "de"),
    ),
    Chain(
        "GBK read as cp1252, twice",
        (("gbk", "sloppy-1252"), (_U, "sloppy-1252")),
        ("zh", "zht"),
    ),
    Chain(
        "UTF-8 read as cp1252, twice",
        ((_U, "sloppy-1252"), (_U, "sloppy-1252")),
        CJK_LANGS,
    ),
)

#: Western mojibake: what ftfy repairs (the parity check compares with ftfy itself).
WESTERN_CHAINS: tuple[Chain, ...] = (
    Chain("UTF-8 read as cp1252", ((_U, "sloppy-1252"),), LATIN_LANGS),
    Chain("UTF-8 read as Latin-1", ((_U, "latin-1"),), LATIN_LANGS),
    Chain("UTF-8 read as cp1252, twice", ((_U, "sloppy-1252"), (_U, "sloppy-1252")), LATIN_LANGS),
    Chain("UTF-8 read as cp1250", ((_U, "cp1250"),), LATIN_LANGS),
    Chain("UTF-8 read as cp1251", ((_U, "cp1251"),), LATIN_LANGS),
    Chain("UTF-8 read as MacRoman", ((_U, "mac_roman"),), LATIN_LANGS),
    Chain("UTF-8 read as cp437", ((_U, "cp437"),), LATIN_LANGS),
    Chain("UTF-8 read as ISO-8859-2", ((_U, "iso8859_2"),), LATIN_LANGS),
)


def cases(
    chain: Chain, path: Path, seed: int, n: int, tries: int = 4000
) -> Iterator[tuple[str, str]]:
    """Up to ``n`` distinct lossless (original, mojibake) pairs for ``chain``."""
    s = pool(path)
    rng = random.Random(f"{seed}:{chain.name}")
    seen: set[str] = set()
    for _ in range(tries):
        if len(seen) >= n:
            return
        original = line(s, rng.choice(chain.langs), rng)
        broken = chain.apply(original)
        if broken is None or broken == original or original in seen:
            continue
        if _BREAKS.intersection(broken):
            continue
        seen.add(original)
        yield original, broken
