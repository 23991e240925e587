"""A generated batch of news documents with planted near-duplicates, for ``--dedup-docs``.

Each planted cluster is one story and its syndicated copies: another site's header and footer,
a paragraph dropped or an editor's note added, typos, ASCII punctuation for fullwidth, and
sometimes Traditional script. Hard negatives are follow-up stories that share the headline and
the lead with an earlier story but go on differently. Documents come out one at a time, so a
benchmark of 100,000 of them measures the step, not the generator.

>>> docs = list(generate(50, seed=3))
>>> len(docs), docs[0].id
(50, 'doc000000.txt')
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from newsgen import NewsGen

_HEADERS_ZH = [
    "来源：新华网",
    "本文来源：人民网",
    "责任编辑：王明",
    "【字号 大 中 小】",
    "原标题：",
]
_FOOTERS_ZH = ["（完）", "责任编辑：李华", "【纠错】", "扫一扫分享到微信", "本文转载自其他网站"]
_HEADERS_EN = ["From our wire service", "Updated 2 hours ago", "By Staff Reporter", "Share"]
_FOOTERS_EN = ["(Reporting by staff; editing by desk)", "Read more", "Copyright wire service"]


@dataclass(frozen=True, slots=True)
class Doc:
    """One generated document; ``cluster`` names its planted cluster (-1: none)."""

    id: str
    order: int
    text: str
    cluster: int


@lru_cache(maxsize=1)
def _s2t() -> Any:
    import opencc

    return opencc.OpenCC("s2t.json")


def _copy(gen: NewsGen, paragraphs: list[str], lang: str) -> list[str]:
    rng = gen.rng
    out = list(paragraphs)
    if len(out) > 6 and rng.random() < 0.3:
        del out[rng.randrange(2, len(out))]
    if rng.random() < 0.2:
        out.insert(rng.randrange(2, len(out) + 1), gen.sentence(lang))
    out = [gen.near_copy(p, edits=rng.randint(1, 3)) if rng.random() < 0.2 else p for p in out]
    if rng.random() < 0.5:
        out = [p.replace("，", ",").replace("：", ":") for p in out]
    headers, footers = (_HEADERS_ZH, _FOOTERS_ZH) if lang == "zh" else (_HEADERS_EN, _FOOTERS_EN)
    out = rng.sample(headers, rng.randint(0, 2)) + out + rng.sample(footers, rng.randint(0, 2))
    if lang == "zh" and rng.random() < 0.1:
        out = _s2t().convert("\n".join(out)).split("\n")
    return out


def stories(n: int, seed: int, dup_share: float = 0.2) -> list[tuple[list[str], int]]:
    """``n`` documents as (paragraphs, cluster), in generation order (not yet shuffled)."""
    gen = NewsGen(seed)
    rng = gen.rng
    out: list[tuple[list[str], int]] = []
    clusters = 0
    while len(out) < n:
        lang = "zh" if rng.random() < 0.7 else "en"
        story = gen.document(lang)
        if rng.random() < dup_share:
            out.append((story, clusters))
            for _ in range(rng.randint(1, 3)):
                out.append((_copy(gen, story, lang), clusters))
            clusters += 1
        elif rng.random() < 0.1:  # a follow-up: same headline and lead, another story
            out.append((story, -1))
            follow = story[:2] + gen.document(lang, paragraphs=len(story))[2:]
            out.append((follow, -1))
        else:
            out.append((story, -1))
    return out[:n]


def generate(n: int, seed: int = 1, dup_share: float = 0.2) -> Iterator[Doc]:
    """``n`` documents in a shuffled path order; made one by one from a seeded plan."""
    plan_rng = random.Random(seed)
    # Generate in chunks so that 100,000 documents never sit in memory at once.
    chunk = 1000
    order = 0
    for start in range(0, n, chunk):
        batch = stories(min(chunk, n - start), seed * 1_000_003 + start, dup_share)
        plan_rng.shuffle(batch)
        for paragraphs, cluster in batch:
            label = -1 if cluster < 0 else start * 10 + cluster
            yield Doc(f"doc{order:06d}.txt", order, "\n".join(paragraphs) + "\n", label)
            order += 1
