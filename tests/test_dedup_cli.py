"""--dedup-docs through the command line: copies of one story across a run are not delivered."""

from __future__ import annotations

import json
from pathlib import Path

STORY = (
    "国务院总理今天主持召开国务院常务会议，部署进一步稳定经济的一揽子政策措施，"
    "要求各地区各部门抓好落实，确保政策尽快见效。会议指出，当前经济运行总体平稳，"
    "但仍面临不少困难和挑战，必须坚持稳中求进工作总基调。"
)
OTHER = (
    "教育部今天发布通知，要求各地做好寒假期间中小学生安全教育工作，"
    "重点加强防溺水、交通安全和消防安全教育，督促家长切实履行监护责任。"
)
THIRD = (
    "The city council voted on Tuesday to approve a new budget that increases spending on "
    "public transport, after months of debate over housing costs and school funding."
)


def _run_tree(root: Path) -> Path:
    root.mkdir()
    (root / "a.txt").write_text(STORY + "\n（记者张三）\n", "utf-8")
    (root / "b.txt").write_text(OTHER + "\n", "utf-8")
    (root / "c.txt").write_text(STORY.replace("，", ",") + "\n（记者张三）\n", "utf-8")
    (root / "d.txt").write_text("新华社北京电\n" + STORY + "\n", "utf-8")
    (root / "e.txt").write_text(THIRD + "\n", "utf-8")
    return root


def test_copies_are_reported_and_not_written(cli, tmp_path):
    src = _run_tree(tmp_path / "in")
    outs = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        run = cli("fix", "--dedup-docs", "-j", jobs, "-o", str(out), str(src)).expect(0)
        outs[jobs] = (sorted(p.name for p in out.iterdir()), run.stderr)
    assert outs["1"] == outs["2"]
    names, stderr = outs["1"]
    assert names == ["a.txt", "b.txt", "e.txt"]
    assert f"{src / 'c.txt'}: rejected: near-duplicate of {src / 'a.txt'} (similarity" in stderr
    assert f"{src / 'd.txt'}: rejected: near-duplicate of {src / 'a.txt'}" in stderr


def test_copies_go_to_the_duplicates_dir_and_the_report(cli, tmp_path):
    src = _run_tree(tmp_path / "in")
    out, dups, report = tmp_path / "out", tmp_path / "dups", tmp_path / "clusters.json"
    cli(
        "fix",
        "-q",
        "--dedup-docs",
        "-o",
        str(out),
        "--duplicates-dir",
        str(dups),
        "--dedup-report",
        str(report),
        str(src),
    ).expect(0)
    assert sorted(p.name for p in dups.iterdir()) == ["c.txt", "d.txt"]
    assert (dups / "c.txt").read_text("utf-8").startswith("国务院总理今天主持召开")
    data = json.loads(report.read_text("utf-8"))
    (cluster,) = data["clusters"]
    assert cluster["kept"] == str(src / "a.txt")
    assert sorted(d["id"] for d in cluster["duplicates"]) == [
        str(src / "c.txt"),
        str(src / "d.txt"),
    ]
    assert all(0.7 <= d["similarity"] <= 1 for d in cluster["duplicates"])
    assert data["documents"] == 5 and data["rejected"] == 2


def test_check_says_would_reject_and_exits_1(cli, tmp_path):
    src = _run_tree(tmp_path / "in")
    for name in ("a.txt", "b.txt", "c.txt", "d.txt", "e.txt"):  # all clean already
        path = src / name
        path.write_text(path.read_text("utf-8").replace(",", "，"), "utf-8")
    run = cli("fix", "--check", "--no-learn-boilerplate", str(src)).expect(0)
    run = cli("fix", "--check", "--dedup-docs", "--no-learn-boilerplate", str(src)).expect(1)
    assert f"{src / 'c.txt'}: would reject: near-duplicate of" in run.stderr
    assert not (tmp_path / "out").exists()


def test_in_place_leaves_rejected_inputs_alone(cli, tmp_path):
    src = _run_tree(tmp_path / "in")
    before = (src / "c.txt").read_bytes()
    cli("fix", "-q", "--dedup-docs", "-i", str(src)).expect(0)
    assert (src / "c.txt").read_bytes() == before  # newsclean never deletes or rewrites it


def test_a_higher_threshold_keeps_edited_copies(cli, tmp_path):
    src = _run_tree(tmp_path / "in")
    out = tmp_path / "out"
    cli("fix", "-q", "--dedup-docs", "--dedup-threshold", "1.0", "-o", str(out), str(src)).expect(0)
    assert "d.txt" in {p.name for p in out.iterdir()}


def test_dataset_records(cli, tmp_path):
    path = tmp_path / "d.jsonl"
    records = [
        {"id": i, "text": t} for i, t in enumerate([STORY, OTHER, STORY.replace("，", ","), THIRD])
    ]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    run = cli("fix", "--dedup-docs", str(path)).expect(0)
    kept = [json.loads(line)["id"] for line in run.out.splitlines()]
    assert kept == [0, 1, 3]
    assert f"{path}:3: rejected: near-duplicate of {path}:1" in run.stderr


def test_options_that_need_dedup_docs(cli, tmp_path):
    src = _run_tree(tmp_path / "in")
    for extra in (
        ["--duplicates-dir", str(tmp_path / "d")],
        ["--dedup-report", str(tmp_path / "r.json")],
    ):
        run = cli("fix", "-o", str(tmp_path / "out"), *extra, str(src)).expect(2)
        assert "needs --dedup-docs" in run.stderr
    run = cli(
        "fix",
        "--dedup-docs",
        "-o",
        str(tmp_path / "out"),
        "--duplicates-dir",
        str(src / "x"),
        str(src),
    )
    assert run.expect(2).stderr.count("inside input folder") == 1
    run = cli("fix", "--dedup-docs", "--dedup-threshold", "0.1", str(src / "a.txt")).expect(2)
