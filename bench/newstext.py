"""Deterministic news-like prose in Simplified Chinese and English, written for newsclean's benches.

Articles: a headline, paragraphs from the phrase grammar in :mod:`grammar`, and a byline.
Nothing here is copied from a corpus. Traditional Chinese is made from the Simplified text with
OpenCC ``s2t`` by the callers.
"""

from __future__ import annotations

import random

ZH_CITIES = "北京 上海 广州 深圳 杭州 南京 武汉 成都 西安 郑州 焦作 洛阳 苏州 天津 重庆 长沙 合肥 济南 青岛 厦门 昆明 兰州 沈阳 哈尔滨".split()
ZH_SURNAMES = "王 李 张 刘 陈 杨 赵 黄 周 吴 徐 孙 胡 朱 高 林 何 郭 马 罗 梁 宋 郑 谢 韩 唐 冯 于 董 萧".split()
ZH_GIVEN = "伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀英 霞 平 刚 桂英 建华 志强 晓东 海燕 文博 思远 雨桐 子涵 浩然 欣怡".split()
EN_CITIES = "London Paris Berlin Madrid Rome Lisbon Dublin Vienna Warsaw Prague Oslo Helsinki Athens Boston Chicago Denver Seattle Toronto Sydney Auckland".split()
EN_FIRST = "Anna James Maria David Sofia Daniel Laura Thomas Elena Michael Sarah Peter Julia Mark Clara Lucas Emma Henry Olivia Samuel".split()
EN_LAST = "Smith Garcia Müller Rossi Novak Dubois Jensen Kowalski O'Brien Silva Costa Fischer Moreau Walsh Nielsen Brennan Lindqvist Horvat Keller Duarte".split()


def title(rng: random.Random, lang: str) -> str:
    """A headline: a sentence of the grammar without its final punctuation."""
    import grammar

    if lang == "zh":
        return grammar.zh_sentence(rng).rstrip("。").replace("，", " ")
    return grammar.en_sentence(rng).rstrip(".")


def byline(rng: random.Random, lang: str) -> str:
    if lang == "zh":
        return f"（记者{rng.choice(ZH_SURNAMES)}{rng.choice(ZH_GIVEN)}）"
    return f"By {rng.choice(EN_FIRST)} {rng.choice(EN_LAST)}"


def article(rng: random.Random, lang: str, target_bytes: int) -> list[str]:
    """Lines of one clean article (title, paragraphs, byline) of about ``target_bytes`` UTF-8."""
    import grammar

    lines = [title(rng, lang)]
    size = len(lines[0].encode())
    while size < target_bytes:
        p = grammar.paragraph(rng, lang)
        lines.append(p)
        size += len(p.encode()) + 1
    lines.append(byline(rng, lang))
    return lines
