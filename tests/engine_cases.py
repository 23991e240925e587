"""Inputs for the engine tests: a small invented site (generated here, no shared data needed)
and the shared benchmark inputs when ``../shared`` sits beside the clone."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from .conftest import ROOT

SHARED = ROOT.parent / "shared"
NEWSBENCH_DOCS = SHARED / "newsbench-public" / "docs"
REALBENCH_DATA = SHARED / "realbench" / "data"

# A site no lexicon knows: its menu and footer go only if learned from the run.
NAV = ["青禾网首页 新闻 财经 文旅 视频", "青禾早知道"]
FOOTER = ["青禾网 客服热线 0371-88886666", "地址：郑州市金水区青禾路88号"]
PLACES = [
    "东城",
    "西城",
    "南湖",
    "北山",
    "新港",
    "石桥",
    "柳林",
    "白沙",
    "金川",
    "青石",
    "云台",
    "花园",
]
WHAT = ["社区食堂开业", "老旧小区改造完工", "新建公园开放", "公交线路调整", "图书馆延长开放时间"]


def article(i: int) -> list[str]:
    place, what = PLACES[i % len(PLACES)], WHAT[i % len(WHAT)]
    return [
        f"{place}{what}",
        f"（记者{place}报道）",
        f"{i + 3}日上午，{place}街道举行仪式，宣布{what}，附近居民纷纷前来参观体验。",
        f"据{place}街道负责人介绍，这项工作从去年开始筹备，共投入资金{(i + 2) * 37}万元。",
        f"不少{place}居民表示，{what}以后，日常生活方便了很多，希望今后能有更多这样的好事。",
    ]


def pages(n: int = 12) -> list[str]:
    """``n`` pages of the site; pages 5 and 9 are syndicated copies of page 1 (narrowed
    punctuation, a dateline added), and page 3 is mojibake (UTF-8 read as GBK)."""
    out = []
    for i in range(n):
        body = article(1 if i in (5, 9) else i)
        if i == 5:
            body = [line.replace("，", ",") for line in body]
        if i == 9:
            body = ["新华社郑州电", *body]
        text = "\n".join([*NAV, *body, *FOOTER]) + "\n"
        if i == 3:
            text = text.encode("utf-8").decode("gbk", "replace")
        out.append(text)
    return out


def write_site(root: Path, n: int = 12) -> Path:
    """The pages as text files, in two folders."""
    for i, text in enumerate(pages(n)):
        path = root / ("news" if i % 2 else "city") / f"{i:03}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return root


def records(n: int = 40) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for i, text in enumerate(pages(n)):
        out.append({"id": i, "meta": {"site": "qinghe"}, "text": text.rstrip("\n")})
    out.append({"id": n, "text": 7})  # a bad record: reported, passed through
    return out


def write_jsonl(path: Path, n: int = 40) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records(n)).encode()
    path.write_bytes(gzip.compress(data, mtime=0) if path.name.endswith(".gz") else data)
    return path


def write_parquet(path: Path, rows: list[dict[str, object]]) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    path.parent.mkdir(parents=True, exist_ok=True)
    table = pa.table({k: [r.get(k) for r in rows] for k in rows[0]})
    pq.write_table(table, path, row_group_size=7)
    return path


def tree(root: Path) -> dict[str, bytes]:
    """Every file under ``root``, by relative path."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }
