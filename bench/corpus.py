"""Generate the deterministic benchmark corpus: news-like documents, clean and dirty.

    python bench/corpus.py [--out bench/out/corpus] [--mb 100] [--seed 7]

Documents are Simplified Chinese, Traditional Chinese and English; half are clean (nothing for
newsclean to fix), half carry the artifacts newsclean fixes: leaked pinyin annotations, narrowed
punctuation, site header/footer boilerplate and markdown debris, a doubled body, Western and CJK
mojibake, unrepairable damage, legacy encodings (GB18030, Big5), BOMs, UTF-16 and CRLF line
endings. Sizes run from 1 KB to 5 MB (80% of documents 1–50 KB; 20% 50 KB–5 MB, the large ones
being several articles in one file, like a site dump). A manifest.json lists every file.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import newstext

LANGS = ("zh-hans", "zh-hant", "en")
PINYIN = {  # character → reading, as an annotation layer would leak them
    "会": "huì",
    "發": "fā",
    "发": "fā",
    "會": "huì",
    "质": "zhì",
    "質": "zhì",
    "业": "yè",
    "業": "yè",
    "经": "jīng",
    "經": "jīng",
    "进": "jìn",
    "進": "jìn",
    "动": "dòng",
    "動": "dòng",
    "长": "cháng",
    "長": "cháng",
    "实": "shí",
    "實": "shí",
    "务": "wù",
    "務": "wù",
    "产": "chǎn",
    "產": "chǎn",
    "开": "kāi",
    "開": "kāi",
    "场": "chǎng",
    "場": "chǎng",
    "个": "gè",
    "個": "gè",
    "时": "shí",
    "時": "shí",
    "点": "diǎn",
    "點": "diǎn",
    "过": "guò",
    "過": "guò",
    "说": "shuō",
    "說": "shuō",
    "关": "guān",
    "關": "guān",
    "万": "wàn",
    "萬": "wàn",
    "来": "lái",
    "來": "lái",
}
FOOTER_ZH = [
    "![]() |",
    "{site}版权与免责声明: | |||||||",
    "上一篇：{city}召开工作会议",
    "下一篇：{city}部署下半年重点工作",
    "责任编辑：{person}",
    "版权所有 © 2023 {site} 豫ICP备1203{n}号",
    "分享到：微信 微博 QQ空间",
    "|",
]
HEADER_ZH = ["首页 > 新闻 > 本地新闻", "【字号 大 中 小】【打印】【关闭】"]
FOOTER_EN = [
    "Share this article",
    "Copyright © 2024 {site} Ltd. All rights reserved.",
    "Privacy Policy | Terms of Use | Cookie Settings",
    "Related articles",
]
HEADER_EN = ["Skip to main content", "Home > News > Local"]


def _size(rng: random.Random) -> int:
    lo, hi = (1_000, 50_000) if rng.random() < 0.8 else (50_000, 5_000_000)
    return int(math.exp(rng.uniform(math.log(lo), math.log(hi))))


def _lines(rng: random.Random, lang: str, target: int, dirty: bool, s2t) -> list[str]:
    base = "zh" if lang.startswith("zh") else "en"
    lines: list[str] = []
    total = 0
    while total < target:
        size = min(target, rng.randint(3_000, 20_000))
        art = newstext.article(rng, base, size)
        total += sum(len(x.encode()) + 1 for x in art)
        if dirty:
            art = _dirty(rng, art, base)
        lines.extend(art)
    if lang == "zh-hant":
        lines = s2t("\n".join(lines)).split("\n")
    return lines


def _dirty(rng: random.Random, art: list[str], base: str) -> list[str]:
    fill = {
        "site": rng.choice(["焦作网", "河南日报网", "Example News", "Daily Courier"]),
        "city": rng.choice(newstext.ZH_CITIES),
        "person": rng.choice(newstext.ZH_SURNAMES) + rng.choice(newstext.ZH_GIVEN),
        "n": rng.randint(1000, 9999),
    }
    body = art[1:]
    if base == "zh":
        header, footer = HEADER_ZH, FOOTER_ZH
        if rng.random() < 0.5:
            body = [_narrow(x) for x in body]
        if rng.random() < 0.4:
            body = [_leak(x) for x in body]
    else:
        header, footer = HEADER_EN, FOOTER_EN
    body = [_damage(rng, x, base) if rng.random() < 0.02 else x for x in body]
    out = [*header, art[0], *body, *(f.format(**fill) for f in footer)]
    if rng.random() < 0.5:
        out += body  # the whole body again, as scrapers often capture it
    return out


def _narrow(line: str) -> str:
    return line.translate(str.maketrans("，：；！？（）", ",:;!?()"))


def _leak(line: str) -> str:
    return "".join(
        f"{ch}({PINYIN[ch]}{' ' if PINYIN[ch].endswith('ì') else ''})" if ch in PINYIN else ch
        for ch in line
    )


def _damage(rng: random.Random, line: str, base: str) -> str:
    kind = rng.randrange(4)
    if kind == 0 and base == "en":  # Western mojibake: UTF-8 read as cp1252
        raw = line.replace("'", "’").encode("utf-8")
        try:
            return raw.decode("cp1252")
        except UnicodeDecodeError:
            return raw.decode("latin-1")
    if kind == 1 and base == "zh":  # CJK mojibake: UTF-8 read as GBK, where that decodes
        try:
            return line.encode("utf-8").decode("gbk")
        except UnicodeDecodeError:
            return line
    pos = rng.randrange(max(1, len(line)))
    mark = "\ufffd" if kind == 2 else "锟斤拷"
    return line[:pos] + mark + line[pos:]


def _encode(rng: random.Random, text: str, lang: str, dirty: bool) -> tuple[bytes, str]:
    if not dirty:
        return text.encode("utf-8"), "utf-8"
    roll = rng.random()
    legacy = {"zh-hans": "gb18030", "zh-hant": "big5", "en": "cp1252"}[lang]
    for codec, cut in ((legacy, 0.2), ("utf-8-sig", 0.3), ("utf-16", 0.35)):
        if roll < cut:
            try:
                return text.encode(codec), codec
            except UnicodeEncodeError:
                break
    if roll < 0.45:
        return text.replace("\n", "\r\n").encode("utf-8"), "utf-8 crlf"
    return text.encode("utf-8"), "utf-8"


def generate(out: Path, total_mb: float, seed: int) -> list[dict[str, object]]:
    """Write the corpus under ``out``; return the manifest."""
    import opencc

    s2t = opencc.OpenCC("s2t.json").convert
    rng = random.Random(seed)
    manifest = []
    categories = [(lang, dirty) for dirty in (False, True) for lang in LANGS]
    budget = total_mb * 1_000_000 / len(categories)  # equal bytes per language and kind
    written = dict.fromkeys(categories, 0)
    i = 0
    while any(v < budget for v in written.values()):
        lang, dirty = categories[i % len(categories)]
        i += 1
        if written[(lang, dirty)] >= budget:
            continue
        kind = "dirty" if dirty else "clean"
        size = min(_size(rng), int(budget - written[(lang, dirty)]) + 1_000)
        text = "\n".join(_lines(rng, lang, size, dirty, s2t)) + "\n"
        data, codec = _encode(rng, text, lang, dirty)
        path = out / f"{lang}-{kind}" / f"{i:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        manifest.append(
            {
                "path": str(path.relative_to(out)),
                "lang": lang,
                "kind": kind,
                "bytes": len(data),
                "encoding": codec,
            }
        )
        written[(lang, dirty)] += len(data)
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1), "utf-8")
    return manifest


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).resolve().parent / "out" / "corpus"
    )
    parser.add_argument("--mb", type=float, default=100)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    manifest = generate(args.out, args.mb, args.seed)
    total = sum(int(m["bytes"]) for m in manifest)  # type: ignore[call-overload]
    print(f"wrote {len(manifest)} documents, {total / 1e6:.1f} MB, under {args.out}")


if __name__ == "__main__":
    main()
