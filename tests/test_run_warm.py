"""What the parent does once for the workers: the detector warmed when the inputs need it, each
input's size stat'ed once."""

from __future__ import annotations

import codecs
import subprocess
import sys
from pathlib import Path

import pytest

from newsclean.run.files import Source, discover
from newsclean.run.warm import not_utf8

GBK = "今天的新闻发布会在北京举行，记者们提出了许多问题。\n".encode("gbk")
UTF8 = "今天的新闻发布会在北京举行，记者们提出了许多问题。\n".encode()


def _folder(tmp_path: Path, pages: dict[str, bytes]) -> list[Source]:
    for name, data in pages.items():
        (tmp_path / name).write_bytes(data)
    return discover([str(tmp_path)])[0]


@pytest.mark.parametrize(
    ("pages", "expected"),
    [
        ({f"{i:02d}.txt": UTF8 for i in range(10)}, False),
        ({**{f"{i:02d}.txt": UTF8 for i in range(10)}, "05.txt": GBK}, True),
        # marked by a BOM: decoded without the detector
        ({"a.txt": codecs.BOM_UTF16_LE + "新闻".encode("utf-16-le")}, False),
        # a head that ends inside a character is still UTF-8
        ({"a.txt": "新" * 6000 + "闻"}, False),
        ({}, False),
    ],
    ids=["utf-8", "one-gbk", "bom", "cut-character", "empty"],
)
def test_not_utf8_samples_the_text_inputs(
    tmp_path: Path, pages: dict[str, bytes | str], expected: bool
) -> None:
    encoded = {k: v.encode() if isinstance(v, str) else v for k, v in pages.items()}
    assert not_utf8(_folder(tmp_path, encoded)) is expected


def test_not_utf8_spreads_its_sample(tmp_path: Path) -> None:
    """A run far larger than the sample: files are taken from all over it, not just its head
    (here the last tenth of the run, another site, is GBK)."""
    pages = {f"{i:04d}.txt": GBK if i >= 900 else UTF8 for i in range(1000)}
    sources = _folder(tmp_path, pages)
    assert not_utf8(sources, sampled=10)
    assert not not_utf8(sources[:900], sampled=10)


def test_size_is_stated_once(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 10)
    source = discover([str(path)])[0][0]
    assert source.size() == 10
    path.write_bytes(b"x" * 20)
    assert source.size() == 10  # the first answer, for every pass of the run
    assert source == discover([str(path)])[0][0]  # not part of what the source is
    path.unlink()
    assert discover([str(path)])[0][0].size() == 0


def _page(i: int, encoding: str) -> bytes:
    lines = [
        f"第{i}版第{n}条：今天的新闻发布会在北京举行，记者们提出了问题{n * i}。"
        for n in range(1500)
    ]
    return ("\n".join(lines) + "\n").encode(encoding)


def test_workers_share_the_warm_detector(tmp_path: Path) -> None:
    """With files that are not UTF-8 among the inputs, ``-j 2`` (the detector loaded in the
    parent before the workers fork) writes what ``-j 1`` writes."""
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(6):
        (folder / f"{i}.txt").write_bytes(_page(i, "gbk" if i % 2 else "utf-8"))
    assert not_utf8(discover([str(folder)])[0])
    outs = []
    for jobs in (1, 2):
        out = tmp_path / f"out{jobs}"
        cmd = [sys.executable, "-m", "newsclean", "fix", "-q", "-j", str(jobs), "-o", str(out)]
        done = subprocess.run([*cmd, str(folder)], check=False, capture_output=True)
        assert done.returncode == 0, done.stderr.decode()
        outs.append({p.name: p.read_bytes() for p in sorted(out.iterdir())})
    assert outs[0] == outs[1]
    assert outs[0]["1.txt"] == _page(1, "utf-8")  # read as GBK, written as UTF-8
