"""How often a CJK character occurs in real text of one language, in five bands.

The encoding standards' levels (:mod:`newsclean.stages.encoding.tiers`) say which characters
are common, but GB 2312 level 1 holds 3,755 of them: a run of one CJK codec read as another
(GBK read as Big5, Shift-JIS as GBK…) is made of such characters too, one for one, and reads
as Chinese with odd names in it. What tells it apart is how often each character is
actually written: ``峈笢`` (为中 read as Big5) are two characters Simplified Chinese text
almost never holds, ``为中`` two of its commonest.

The bands come from chardet's byte-pair models (0BSD; trained on CulturaX web text): in a
double-byte encoding the weight of a lead byte followed by a trail byte is how often that
character occurs (0–255, the commonest character 255). ``newsclean/data/charfreq.toml`` holds
the characters of each band for each language's codec; :func:`build` derives it from the
installed chardet (``python -m newsclean.stages.encoding.frequency`` regenerates it; a test
checks the two agree).

>>> band("zh", "的"), band("zh", "为"), band("zh", "峈"), band("ko", "한"), band("ja", "峈")
(4, 4, 0, 4, 0)
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources
from pathlib import Path

_DATA = "charfreq.toml"

#: Each language: chardet's model and the codec its byte pairs are in.
MODELS: dict[str, tuple[str, str]] = {
    "zh": ("zh/gb18030", "gbk"),
    "zht": ("zh/big5hkscs", "big5"),
    "ja": ("ja/cp932", "cp932"),
    "ko": ("ko/cp949", "cp949"),
}
#: The language text in each double-byte codec newsclean reads is written in ("gb18030" is how
#: a browser reads GBK).
CODEC_LANGUAGE = {"gb18030": "zh", "cp950": "zht", "cp932": "ja", "euc_jp": "ja", "cp949": "ko"}
#: The lowest weight of each band above 0 (a character of weight 0, or none of the codec, is
#: band 0: text of that language rarely or never holds it).
BANDS = (1, 2, 4, 16)


def _band(weight: int) -> int:
    return sum(weight >= floor for floor in BANDS)


def build() -> dict[str, list[str]]:
    """The characters of each band 1–4 of each language, from chardet's models.

    chardet's Big5 model has seen far less text than its GB 18030 one (它 weighs 2 there,
    們 2, 兩 1): a Traditional character is given the band of its Simplified form in the
    GB 18030 model where that is higher (OpenCC's ``t2s``, character by character).
    """
    from chardet.models import load_models

    models = load_models()
    weights = {lang: _weights(models[key], codec) for lang, (key, codec) in MODELS.items()}
    import opencc

    chars = sorted(weights["zht"].keys() | _codec_chars("big5"))
    simplified = opencc.OpenCC("t2s.json").convert("\n".join(chars)).split("\n")
    zh = weights["zh"]
    for ch, simple in zip(chars, simplified, strict=True):
        weights["zht"][ch] = max(weights["zht"].get(ch, 0), zh.get(simple, 0))
    out: dict[str, list[str]] = {}
    for lang, table in weights.items():
        bands: list[set[str]] = [set() for _ in BANDS]
        for ch, weight in table.items():
            if weight:
                bands[_band(weight) - 1].add(ch)
        out[lang] = ["".join(sorted(chars)) for chars in bands]
    return out


def _weights(table: bytes, codec: str) -> dict[str, int]:
    """Each character's weight in a model of byte pairs in a double-byte ``codec``."""
    out: dict[str, int] = {}
    for code in range(0x8100, 0x10000):
        weight = table[code]
        if not weight:
            continue
        try:
            ch = code.to_bytes(2, "big").decode(codec)
        except UnicodeDecodeError:
            continue
        if len(ch) == 1 and ord(ch) > 0x7F:
            out[ch] = max(weight, out.get(ch, 0))
    return out


def _codec_chars(codec: str) -> set[str]:
    """Every character a double-byte ``codec`` holds beyond ASCII."""
    out = set()
    for code in range(0x8140, 0x10000):
        try:
            ch = code.to_bytes(2, "big").decode(codec)
        except UnicodeDecodeError:
            continue
        if len(ch) == 1:
            out.add(ch)
    return out


@lru_cache(maxsize=1)
def _tables() -> dict[str, str]:
    """For each language, a translation of the Basic Multilingual Plane to band digits."""
    text = resources.files("newsclean.data").joinpath(_DATA).read_text("utf-8")
    data = tomllib.loads(text)
    out: dict[str, str] = {}
    for lang in MODELS:
        plane = bytearray(b"0" * 0x10000)
        for n, chars in enumerate(data[lang], start=1):
            for ch in chars.replace("\n", ""):
                plane[ord(ch)] = 0x30 + n
        out[lang] = plane.decode("ascii")
    return out


def read() -> dict[str, list[str]]:
    """The bands as the data file holds them (for the test against :func:`build`)."""
    data = tomllib.loads(resources.files("newsclean.data").joinpath(_DATA).read_text("utf-8"))
    return {lang: [chars.replace("\n", "") for chars in data[lang]] for lang in MODELS}


def plane(lang: str) -> str:
    """The band of every character of the Basic Multilingual Plane in ``lang``, as digits."""
    return _tables()[lang]


def bands(lang: str, text: str) -> str:
    """The band of each character of ``text`` in ``lang``, as digits (``0`` beyond the BMP)."""
    out = text.translate(_tables()[lang])  # a character beyond the table stays as it is
    return out if out.isascii() else _BEYOND.sub("0", out)


_BEYOND = re.compile("[^\x00-\x7f]")


#: What a character of each band is worth as evidence: a character the language rarely or
#: never writes is strong evidence against a reading, a common one weaker evidence for it.
POINTS = {"0": -4, "1": -1, "2": 0, "3": 1, "4": 2}
_POINTS = str.maketrans({d: chr(0x30 + 4 + p) for d, p in POINTS.items()})


def points(lang: str, text: str) -> int:
    """The characters of ``text`` scored in ``lang`` (:data:`POINTS`), summed."""
    digits = bands(lang, text).translate(_POINTS)
    return sum(digits.encode("ascii")) - (0x30 + 4) * len(digits)


def best_bands(text: str) -> str:
    """The band of each character of ``text`` in the CJK language that writes it most often."""
    return "".join(map(max, zip(*(bands(lang, text) for lang in MODELS), strict=True)))


def best_points(text: str) -> int:
    """The characters of ``text`` scored each in the language that writes it most often,
    summed: how plausible they are as written, whichever CJK language they are in.

    >>> best_points("김종국"), best_points("年月日"), best_points("峈笢")
    (4, 6, -3)
    """
    per = [bands(lang, text) for lang in MODELS]
    return sum(POINTS[max(column)] for column in zip(*per, strict=True))


def band(lang: str, ch: str) -> int:
    """How often ``lang`` writes ``ch``: 0 (rarely or never) to 4 (among its commonest)."""
    return int(bands(lang, ch))


def write(path: Path) -> None:
    """Write the data file (64 characters a row, so diffs stay readable)."""
    parts = [
        "# How often each CJK character occurs, in bands 1-4 (band 0: not listed), per language;\n"
        "# derived from chardet's byte-pair models (0BSD) by newsclean/stages/encoding/frequency.py.\n"
        "# Regenerate with `python -m newsclean.stages.encoding.frequency`; do not edit by hand."
    ]
    for lang, chars_by_band in build().items():
        rows = []
        for n, chars in enumerate(chars_by_band, start=1):
            body = "\n".join(chars[i : i + 64] for i in range(0, len(chars), 64))
            rows.append(f"# band {n}: {len(chars)} characters\n'''\n{body}\n'''")
        parts.append(
            f"# {MODELS[lang][0]} ({MODELS[lang][1]})\n{lang} = [\n" + ",\n".join(rows) + "\n]"
        )
    path.write_text("\n\n".join(parts) + "\n", "utf-8")


if __name__ == "__main__":
    write(Path(__file__).parents[2] / "data" / _DATA)
