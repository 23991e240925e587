"""Adversarial byte strings for the fault suite: the defects newsclean meets, mixed at random.

Pieces are text in the encodings news sites use, mojibake of each kind, leaked pinyin,
boilerplate, markup debris, odd line breaks, control bytes, byte-order marks, cut characters
and plain random bytes; a string is a few pieces run together, sometimes cut at a random byte.
"""

from __future__ import annotations

import random

_TEXT = [
    "国务院总理主持召开常务会议，讨论经济形势。",
    "行政院今日召開記者會，說明預算案。",
    "大會(huì )開(kāi)幕,會(huì )議開(kāi)始。",
    "The council met on Tuesday to discuss the budget.",
    "Café résumé naïve — “quoted” text…",
    "分享到：微信 微博 QQ空间",
    "首页 | 新闻中心 | 联系我们",
    "版权所有 © 2024 新闻网 All rights reserved.",
    "责任编辑：张三",
    "![img](http://x.cn/a.png) [链接](http://x.cn)",
    "<div class='nav'>&nbsp;</div>",
    "zhōng guó rén mín (zhōng) 中(zhōng)国(guó)",
    "||||((((（（【【",
    "\u2028\u2029\x85\x0b\x0c",
    "锟斤拷烫烫烫",
    "\ufffd\ufffd\ufffd",
]
_CODECS = ["utf-8", "gb18030", "big5", "cp1252", "shift_jis", "utf-16-le", "utf-16-be", "latin-1"]
_BREAKS = [b"\n", b"\r\n", b"\r", b"\n\n", b""]
_BOMS = [b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff"]


def _piece(rng: random.Random) -> bytes:
    kind = rng.randrange(10)
    text = rng.choice(_TEXT)
    if kind <= 3:
        return text.encode("utf-8")
    if kind == 4:  # in a legacy encoding (what it cannot hold replaced)
        return text.encode(rng.choice(_CODECS), "replace")
    if kind == 5:  # mojibake: UTF-8 read as a legacy code page, written back as UTF-8
        codec = rng.choice(["gbk", "cp1252", "latin-1", "big5"])
        return text.encode("utf-8").decode(codec, "replace").encode("utf-8")
    if kind == 6:  # GBK read as Latin-1
        return text.encode("gb18030", "replace").decode("latin-1").encode("utf-8")
    if kind == 7:
        return bytes(rng.randrange(256) for _ in range(rng.randrange(1, 40)))
    if kind == 8:
        return bytes(rng.choice([0, 1, 7, 8, 11, 12, 27, 127, 0x80, 0xFF]) for _ in range(3))
    return text.encode("utf-8") * rng.randrange(2, 6)


def fuzz_bytes(rng: random.Random) -> bytes:
    """One adversarial byte string (up to a few hundred bytes)."""
    parts = [rng.choice(_BOMS)] if rng.random() < 0.05 else []
    for _ in range(rng.randrange(1, 8)):
        parts.append(_piece(rng))
        parts.append(rng.choice(_BREAKS))
    data = b"".join(parts)
    if rng.random() < 0.2:  # cut inside a character
        data = data[: rng.randrange(len(data) + 1)]
    return data


def corpus(n: int, seed: int = 15) -> list[bytes]:
    rng = random.Random(seed)
    return [fuzz_bytes(rng) for _ in range(n)]
