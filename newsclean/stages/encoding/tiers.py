"""How common a CJK character is, taken from the encoding standards themselves (no corpus).

The national standards sorted their characters by use when they were drawn up: GB 2312 level 1
(3,755 hanzi, bytes B0A1–D7F9), Big5 常用字 (5,401, A440–C67E), JIS X 0208 level 1 (2,965,
Shift-JIS 889F–9872) and the 2,350 hangul syllables of KS X 1001 (EUC-KR B0A1–C8FE) are the
characters ordinary text is written in. Their second levels (GB 2312 D8A1–F7FE, Big5 次常用字
C940–F9D5, JIS level 2 989F–EAA4, the hanja of KS X 1001 CAA1–FDFE) are rarer but real. A
character in none of them is rare, and mojibake is made of such characters. Each standard's
whole repertoire also tells which script a line is written in: Simplified Chinese keeps to
GB 2312, Traditional to Big5, Japanese to JIS X 0208.

The levels are read from ``newsclean/data/tiers.toml``, which :func:`build` writes from
Python's codecs (``python -m newsclean.stages.encoding.tiers`` regenerates it; a test checks the two agree).

>>> t = tiers()
>>> "中" in t.gb2312_1, "倜" in t.gb2312_2, "東" in t.big5_common, len(t.ks_hangul)
(True, True, True, 2350)
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields
from functools import lru_cache
from importlib import resources
from pathlib import Path

_DATA = "tiers.toml"

#: Each level: (codec, first code, last code) in the standard's own double-byte encoding.
LEVELS: dict[str, tuple[str, int, int]] = {
    "gb2312_1": ("gb2312", 0xB0A1, 0xD7F9),
    "gb2312_2": ("gb2312", 0xD8A1, 0xF7FE),
    "big5_common": ("big5", 0xA440, 0xC67E),
    "big5_less": ("big5", 0xC940, 0xF9D5),
    "jis_1": ("cp932", 0x889F, 0x9872),
    "jis_2": ("cp932", 0x989F, 0xEAA4),
    "ks_hangul": ("euc-kr", 0xB0A1, 0xC8FE),
    "ks_hanja": ("euc-kr", 0xCAA1, 0xFDFE),
}


@dataclass(frozen=True, slots=True)
class Tiers:
    """The characters of each level, as strings in code point order."""

    gb2312_1: str
    gb2312_2: str
    big5_common: str
    big5_less: str
    jis_1: str
    jis_2: str
    ks_hangul: str
    ks_hanja: str


def _level(codec: str, first: int, last: int) -> str:
    """Every character a double-byte codec maps to in the code range ``first``–``last``."""
    out: set[str] = set()
    for code in range(first, last + 1):
        lead, trail = divmod(code, 256)
        if codec == "cp932" and 0xA0 <= lead <= 0xDF:  # single-byte halfwidth katakana
            continue
        try:
            ch = bytes((lead, trail)).decode(codec)
        except UnicodeDecodeError:
            continue
        if len(ch) == 1 and ord(ch) > 0x7F:
            out.add(ch)
    return "".join(sorted(out))


def build() -> Tiers:
    """Derive the levels from the codecs (what ``tiers.toml`` holds)."""
    return Tiers(**{name: _level(*where) for name, where in LEVELS.items()})


@lru_cache(maxsize=1)
def tiers() -> Tiers:
    """The levels, read once from the data file."""
    data = tomllib.loads(resources.files("newsclean.data").joinpath(_DATA).read_text("utf-8"))
    return Tiers(**{name: "".join(value.split()) for name, value in data.items()})


def write(path: Path) -> None:
    """Write the data file (64 characters a row, so diffs stay readable)."""
    built = build()
    parts = [
        "# Character levels of the CJK encoding standards, derived from Python's codecs by\n"
        "# newsclean/stages/encoding/tiers.py. Regenerate with\n"
        "# `python -m newsclean.stages.encoding.tiers`; do not edit by hand."
    ]
    for f in fields(Tiers):
        chars: str = getattr(built, f.name)
        codec, first, last = LEVELS[f.name]
        rows = "\n".join(chars[i : i + 64] for i in range(0, len(chars), 64))
        parts.append(
            f"# {codec} {first:X}-{last:X}: {len(chars)} characters\n{f.name} = '''\n{rows}\n'''"
        )
    path.write_text("\n\n".join(parts) + "\n", "utf-8")


if __name__ == "__main__":
    write(Path(__file__).parents[2] / "data" / _DATA)  # newsclean/data
