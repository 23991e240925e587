"""One pass: a run that learns site boilerplate begins every document once, learns, and finishes
it from the spool — and writes byte for byte what the plain two passes write (learn over the
decoded inputs with the reference executor, then clean every document with the learned Config).
"""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path
from typing import Any

import pytest

from newsclean import Config
from newsclean.corpus import CorpusDoc, run_local
from newsclean.corpus.site import SiteBoilerplate
from newsclean.decode import decode_bytes
from newsclean.pipeline import begin, clean, finish
from newsclean.run.files import discover, read_bytes
from newsclean.run.progress import Progress
from newsclean.run.report import Report
from newsclean.run.runner import Options, one_pass, run

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
REALBENCH = SHARED / "realbench" / "data"
NEWSBENCH = SHARED / "newsbench-public" / "docs"


def two_pass(folder: Path, out: Path, config: Config) -> Config:
    """The reference: learn from every decoded input (:func:`run_local`), then clean the
    folder with the learned Config and no learner. Returns the learned Config."""
    sources, _ = discover([str(folder)])
    learner = SiteBoilerplate(config)
    docs = []
    for order, source in enumerate(sources):
        text = decode_bytes(read_bytes(source), config.encoding).text
        docs.append(CorpusDoc(source.display, order, text))
    learned = learner.apply(config, run_local(learner, docs))
    report = Report(quiet=True, emit=lambda line: None)
    run(sources, learned, Options(output_dir=out, jobs=1), report, Progress(enabled=False))
    return learned


def one_pass_run(folder: Path, out: Path, config: Config, jobs: int) -> Report:
    sources, _ = discover([str(folder)])
    report = Report(quiet=True, emit=lambda line: None)
    options = Options(output_dir=out, jobs=jobs)
    run(sources, config, options, report, Progress(enabled=False), [SiteBoilerplate(config)])
    return report


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*.txt"))}


def _real_pages(folder: Path, per_set: int) -> None:
    for path in sorted(REALBENCH.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for i, line in enumerate(handle):
                if i >= per_set:
                    break
                record = json.loads(line)
                for field in ("input", "input_plain"):
                    if record.get(field):
                        target = folder / f"{path.name[:-9]}-{field}" / f"{record['id']}.txt"
                        target.parent.mkdir(parents=True, exist_ok=True)
                        target.write_text(record[field], "utf-8")


def _newsbench(folder: Path) -> None:
    for path in sorted(NEWSBENCH.glob("*.txt")):
        target = folder / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())


@pytest.mark.parametrize("corpus", ["realbench", "newsbench"])
def test_one_pass_writes_what_two_passes_write(tmp_path: Path, corpus: str) -> None:
    data = REALBENCH if corpus == "realbench" else NEWSBENCH
    if not data.exists():
        pytest.skip(f"{data} is not here")
    inputs = tmp_path / "in"
    if corpus == "realbench":
        _real_pages(inputs, per_set=25)
    else:
        _newsbench(inputs)
    config = Config(to="zh-hans")
    learned = two_pass(inputs, tmp_path / "ref", config)
    assert learned.site_boilerplate, "the corpus teaches something: the test can fail"
    reference = _tree(tmp_path / "ref")
    assert len(reference) == len(_tree(inputs))
    for jobs in (1, 2):
        report = one_pass_run(inputs, tmp_path / f"j{jobs}", config, jobs)
        assert report.exit_code == 0
        got = _tree(tmp_path / f"j{jobs}")
        assert got.keys() == reference.keys()
        differ = [name for name in reference if got[name] != reference[name]]
        assert not differ, f"-j {jobs}: {len(differ)} outputs differ, e.g. {differ[:3]}"


def test_begin_then_finish_is_clean() -> None:
    text = "首页 | 新闻\n大會(huì )開(kāi)幕,會(huì )議開(kāi)始。\n\n  第二段  \n版权所有 © 2024\n"
    config = Config(to="zh-hans", site_boilerplate=frozenset())
    learned = config.replace(site_boilerplate=frozenset({"x"}))
    for stop in ("encoding", "boilerplate", "punctuation"):
        doc, ran = begin(text, config, stop)
        assert finish(text, doc, learned, ran) == clean(text, learned)


def test_one_pass_only_for_learners_that_prepare_with_the_run_config() -> None:
    config = Config(to="zh-hans")
    assert one_pass([SiteBoilerplate(config)], config) == "boilerplate"
    assert one_pass([SiteBoilerplate(Config())], config) is None  # other options: two passes

    class Plain:  # a ConfigLearner that maps raw text
        pass

    assert one_pass([SiteBoilerplate(config), Plain()], config) is None


def _die_on_marker(text: str, config: Config) -> Any:
    if "KILL-THE-WORKER" in text:
        os._exit(3)
    return clean(text, config)


@pytest.mark.parametrize("learn", [False, True])
def test_a_worker_dying_in_a_group_fails_its_file_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, learn: bool
) -> None:
    """Small files travel in groups; a file that kills its worker fails (exit 123), and its
    group's other files are retried alone and written (finishing from the spool too)."""
    import newsclean.run.batch

    monkeypatch.setattr(newsclean.run.batch, "clean", _die_on_marker)
    monkeypatch.setattr(
        newsclean.run.batch, "finish", lambda text, *a: _die_on_marker(text, Config())
    )
    paragraph = "今天天气很好，我们去公园散步，看到了很多人在锻炼身体。\n" * 400  # ~30 KB
    inputs = tmp_path / "in"
    inputs.mkdir()
    for i in range(30):
        marker = "KILL-THE-WORKER\n" if i == 7 else ""
        (inputs / f"{i:02d}.txt").write_text(f"第{i}篇\n{marker}{paragraph}", "utf-8")
    sources, _ = discover([str(inputs)])
    report = Report(quiet=True, emit=lambda line: None)
    learners = [SiteBoilerplate(Config())] if learn else []
    run(sources, Config(), Options(output_dir=tmp_path / "out", jobs=2), report, None, learners)
    assert report.exit_code == 123
    written = sorted(p.name for p in (tmp_path / "out").glob("*.txt"))
    assert "07.txt" not in written
    assert len(written) == 29


def test_one_pass_on_a_dataset_writes_what_two_passes_write(tmp_path: Path) -> None:
    from .test_site import FOOTER, _site_docs

    path = tmp_path / "in" / "pages.jsonl"
    path.parent.mkdir()
    records = [{"id": d.id, "text": d.text, "n": i} for i, d in enumerate(_site_docs())]
    records.insert(3, {"id": "no text here"})  # not a cleanable record: passed through
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    path.write_text("\n".join(lines[:5]) + "\n{broken\n" + "\n".join(lines[5:]) + "\n", "utf-8")
    config = Config()
    learner = SiteBoilerplate(config)
    docs = [CorpusDoc(str(i), i, str(r["text"])) for i, r in enumerate(records) if "text" in r]
    learned = learner.apply(config, run_local(learner, docs))
    sources, _ = discover([str(path)])
    quiet = {"quiet": True, "emit": lambda line: None}
    run(sources, learned, Options(output_dir=tmp_path / "ref"), Report(**quiet))  # type: ignore[arg-type]
    reference = (tmp_path / "ref" / "pages.jsonl").read_bytes()
    assert FOOTER[0].encode() not in reference  # learned, so the test can fail
    for jobs in (1, 2):
        report = Report(**quiet)  # type: ignore[arg-type]
        options = Options(output_dir=tmp_path / f"j{jobs}", jobs=jobs)
        run(sources, config, options, report, None, [SiteBoilerplate(config)])
        assert report.exit_code == 123  # the broken record
        assert (tmp_path / f"j{jobs}" / "pages.jsonl").read_bytes() == reference
