"""Stage ``script``: convert Chinese between Traditional and Simplified with OpenCC, on request.

Runs only when ``Config.to`` is set; otherwise the script is left as it is. ``zh-hans`` uses
OpenCC's ``t2s``, which changes characters only — never vocabulary (``tw2sp`` would turn 开启
into 打开). ``zh-tw`` (``s2twp``) does use Taiwan vocabulary, as Taiwanese readers expect.

Japanese and Korean text is not Chinese: its kanji and hanja are left as they are written
(``t2s`` would make 調べた結果 the 调べた结果 no Japanese writes). A line is Japanese or Korean
when kana or hangul are a sixth of its CJK letters or more, and every line is when they are a
fifth of the whole document's (its headlines of kanji alone too). OpenCC's Japanese
configurations (``t2jp``, ``jp2t``) convert Japanese lines as they are asked to.

>>> from newsclean.model import Doc
>>> from newsclean.config import Config
>>> script(Doc.from_text("會議開啟"), Config(to="zh-hans")).lines
('会议开启',)
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from ..chars import HAN_RE
from ..config import Config
from ..model import BLOCK_CHARS, Doc, blocks

STAGE = "script"


@cache
def converter(opencc_config: str) -> Any:
    """One OpenCC converter per configuration per process (building one reads dictionaries)."""
    import opencc

    return opencc.OpenCC(f"{opencc_config}.json")


@lru_cache(maxsize=1)
def simplified_pairs() -> tuple[tuple[str, str], ...]:
    """The Han characters ``t2s`` changes on their own, each with what it makes of it
    (``("話", "话")``): OpenCC's character table, without its phrases."""
    ranges = [*range(0x3400, 0x4DC0), *range(0x4E00, 0xA000), *range(0xF900, 0xFB00)]
    chars = [chr(cp) for cp in ranges]
    simplified = convert("\n".join(chars), "t2s").split("\n")
    return tuple((a, b) for a, b in zip(chars, simplified, strict=True) if a != b)


@lru_cache(maxsize=1)
def _traditional_re() -> re.Pattern[str]:
    """Characters that ``t2s`` changes on their own: a cheap test for "has Traditional text"."""
    return re.compile(f"[{''.join(a for a, _ in simplified_pairs())}]")


def fold_script(text: str) -> str:
    """Text in Simplified script, for comparing (not for output): ``t2s`` only where needed.

    >>> fold_script("會議") == fold_script("会议")
    True
    """
    if not traditional(text):
        return text
    return convert(text, "t2s")


def traditional(text: str) -> bool:
    """Does :func:`fold_script` convert ``text`` (it holds a character ``t2s`` changes alone)?"""
    return _traditional_re().search(text) is not None


def convert(text: str, opencc_config: str) -> str:
    """Convert ``text``; characters OpenCC cannot take (lone surrogates) are left as they are."""
    try:
        return converter(opencc_config).convert(text)  # type: ignore[no-any-return]
    except UnicodeEncodeError:
        return "\n".join(
            line if _has_surrogate(line) else converter(opencc_config).convert(line)
            for line in text.split("\n")
        )


def _has_surrogate(line: str) -> bool:
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def script(doc: Doc, config: Config) -> Doc:
    """Convert every Chinese paragraph to ``config.to``; a no-op without a target."""
    if config.opencc_config is None or not doc.lines:
        return doc
    if len(doc.body) < BLOCK_CHARS:  # the joined text the Doc already has
        converted = convert(doc.body, config.opencc_config).split("\n")
    else:  # a huge document: a run of lines at a time (OpenCC's phrases never span a line)
        converted = [
            line
            for block in blocks(doc.lines, BLOCK_CHARS)
            for line in convert("\n".join(block), config.opencc_config).split("\n")
        ]
    if config.opencc_config not in _FOR_JAPANESE and _KANA_HANGUL.search(doc.body):
        left = _not_chinese(doc)
        converted = [doc.lines[i] if i in left else new for i, new in enumerate(converted)]
    return doc.edited(converted, STAGE, config.to or "")


#: OpenCC's configurations for Japanese kanji: every other one converts Chinese.
_FOR_JAPANESE = frozenset({"t2jp", "jp2t"})
#: Kana and hangul letters (not the middle dot ・ Chinese titles use too: 《无题・其一》).
_KANA_HANGUL = re.compile("[\u3041-\u3096\u30a1-\u30fa\uac00-\ud7a3]")


def _not_chinese(doc: Doc) -> frozenset[int]:
    """The lines of ``doc`` (which holds kana or hangul) written in Japanese or Korean: two
    kana or hangul or more, a sixth of a line's CJK letters, or a fifth of the document's
    (then all).

    >>> _not_chinese(Doc.from_text("日米首脳会談\\n調べた結果、別の方法で設定した"))
    frozenset({0, 1})
    >>> _not_chinese(Doc.from_text("他在臺灣說了一句「ありがとう」，觀眾們都笑了起來，現場氣氛熱烈\\n會議開始"))
    frozenset({0})
    """
    if _foreign(doc.body, 1 / 5):
        return frozenset(range(len(doc.lines)))
    return frozenset(i for i, line in enumerate(doc.lines) if _foreign(line, 1 / 6))


def _foreign(text: str, share: float) -> bool:
    """Are two of the CJK letters of ``text`` or more, and ``share`` of them, kana or hangul?"""
    foreign = len(_KANA_HANGUL.findall(text))
    return foreign >= 2 and foreign >= share * (foreign + len(HAN_RE.findall(text)))
