"""Site boilerplate learned from the batch (newsclean.corpus.site), through run_local and the stage."""

from __future__ import annotations

import random

import pytest

from newsclean import Config, clean
from newsclean.corpus import CorpusDoc, combine_into, run_local, site
from newsclean.corpus.site import SiteBoilerplate, distinct, thresholds
from newsclean.stages.boilerplate import classify_line

# An invented site: its menu and footer are in no lexicon.
NAV = ["青禾网首页 新闻 财经 文旅 视频", "青禾早知道"]
FOOTER = [
    "青禾网 客服热线 0371-88886666",
    "地址：郑州市金水区青禾路88号",
    "青禾网络科技有限公司 主办",
]
SHARED = "据悉，本次活动将持续到本月底。"

_PLACES = [
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
    "龙泉",
    "清河",
    "枫林",
    "松岗",
    "桃源",
    "月湖",
    "星桥",
    "竹溪",
]
_WHAT = ["社区食堂开业", "老旧小区改造完工", "新建公园开放", "公交线路调整", "图书馆延长开放时间"]


def _article(i: int) -> list[str]:
    place, what = _PLACES[i], _WHAT[i % len(_WHAT)]
    return [
        f"{place}{what}",
        f"（记者{place}报道）",
        f"{i + 3}日上午，{place}街道举行仪式，宣布{what}，附近居民纷纷前来参观体验。",
        f"据{place}街道负责人介绍，这项工作从去年开始筹备，共投入资金{(i + 2) * 37}万元。",
        f"不少{place}居民表示，{what}以后，日常生活方便了很多，希望今后能有更多这样的好事。",
    ]


def _site_docs(shared_in: tuple[int, ...] = (4, 11)) -> list[CorpusDoc]:
    docs = []
    for i in range(20):
        body = _article(i)
        if i in shared_in:
            body.insert(3, SHARED)
        docs.append(CorpusDoc(f"{i:02}.txt", i, "\n".join([*NAV, *body, *FOOTER])))
    return docs


def test_the_invented_site_is_in_no_lexicon():
    for line in [*NAV, *FOOTER]:
        assert classify_line(line).label != "boilerplate", line


def test_twenty_pages_of_one_site_lose_menu_and_footer_only():
    docs = _site_docs()
    learner = SiteBoilerplate()
    config = learner.apply(Config(), run_local(learner, docs))
    for doc in docs:
        out = clean(doc.text, config).text.splitlines()
        kept = [line for line in doc.text.splitlines() if line not in NAV + FOOTER]
        assert out == kept
    assert SHARED in clean(docs[4].text, config).text  # in 2 of 20 documents: a coincidence


def test_rules_say_why():
    docs = _site_docs()
    learner = SiteBoilerplate()
    config = learner.apply(Config(), run_local(learner, docs))
    rules = {c.line: c.rule for c in clean(docs[0].text, config).changes if c.action == "drop"}
    assert rules == {1: "site", 2: "site", 8: "site", 9: "site", 10: "site"}


def test_copies_of_one_story_teach_nothing():
    """Five copies of a wire story in a batch of eight share every line: no line is a menu."""
    story = "\n".join(_article(0))
    docs = [CorpusDoc(f"{i}.txt", i, story) for i in range(5)]
    docs += [CorpusDoc(f"x{i}.txt", 5 + i, "\n".join(_article(5 + i))) for i in range(3)]
    learner = SiteBoilerplate()
    assert run_local(learner, docs) == frozenset()


def test_fewer_than_three_documents_teach_nothing():
    docs = _site_docs()[:2]
    assert run_local(SiteBoilerplate(), docs) == frozenset()


def test_five_files_are_enough():
    docs = _site_docs(shared_in=())[:5]
    learned = run_local(SiteBoilerplate(), docs)
    config = SiteBoilerplate().apply(Config(), learned)
    assert clean(docs[2].text, config).text.splitlines() == _article(2)


def test_order_and_partition_do_not_matter():
    """combine is associative and commutative: any engine gets the same set."""
    learner = SiteBoilerplate()
    docs = _site_docs()
    expected = run_local(learner, docs)
    shuffled = docs[:]
    random.Random(7).shuffle(shuffled)
    assert run_local(learner, shuffled) == expected
    left: dict[str, tuple[int, ...]] = {}
    right: dict[str, tuple[int, ...]] = {}
    for doc in docs[:9]:
        combine_into(learner, left, learner.map(doc))
    for doc in docs[9:]:
        combine_into(learner, right, learner.map(doc))
    combine_into(learner, left, right.items())
    assert learner.finalize(left, len(docs)) == expected


def test_learned_config_is_idempotent_and_picklable():
    import pickle

    docs = _site_docs()
    learner = SiteBoilerplate()
    config = learner.apply(Config(to="zh-hant"), run_local(learner, docs))
    assert pickle.loads(pickle.dumps(config)) == config
    for doc in docs[:5]:
        once = clean(doc.text, config).text
        assert clean(once, config).text == once


def test_learning_twice_learns_nothing_new():
    """The run on cleaned outputs learns no line that the first run left in place."""
    docs = _site_docs()
    learner = SiteBoilerplate()
    config = learner.apply(Config(), run_local(learner, docs))
    cleaned = [CorpusDoc(d.id, d.order, clean(d.text, config).text) for d in docs]
    again = learner.apply(config, run_local(learner, cleaned))
    assert [clean(d.text, again).text for d in cleaned] == [d.text for d in cleaned]


def test_traditional_pages_share_keys_with_simplified_ones():
    from newsclean.stages.script import convert

    docs = _site_docs(shared_in=())
    mixed = [
        CorpusDoc(d.id, d.order, convert(d.text, "s2t") if d.order % 2 else d.text) for d in docs
    ]
    learner = SiteBoilerplate()
    assert run_local(learner, mixed) == run_local(learner, docs)


@pytest.mark.parametrize(
    ("n", "expected"),
    [(3, (3, 3)), (5, (3, 4)), (20, (3, 10)), (100, (5, 32)), (10**6, (100, 31623))],
)
def test_thresholds(n, expected):
    assert thresholds(n) == expected


def test_sketch_counts_exactly_when_small_and_estimates_when_large():
    assert distinct(tuple(range(10))) == 10
    rng = random.Random(1)
    big = tuple(sorted(rng.getrandbits(64) for _ in range(5000))[:64])
    assert 3500 < distinct(big) < 7000


def _gathered_finalize(table, n_docs):
    """The learned keys with every key's tiers gathered first, as ``finalize`` once did."""
    edge_min, common = thresholds(n_docs)
    where = {}
    for key, sketch in table.items():
        where.setdefault(key[1:], {})[key[0]] = sketch
    learner = SiteBoilerplate()
    learned = set()
    for base, seen in where.items():
        if sum(map(len, seen.values())) < min(edge_min, common, 64) or site._a_title(seen):
            continue
        edges = learner.combine(
            learner.combine(seen.get("h", ()), seen.get("f", ())), seen.get("x", ())
        )
        if (
            distinct(edges) >= edge_min
            or distinct(learner.combine(edges, seen.get("c", ()))) >= common
        ):
            learned.add(base)
    return frozenset(learned)


@pytest.mark.parametrize("seed", range(6))
def test_finalize_learns_what_gathering_every_key_learns(seed):
    """Only keys that can reach a threshold have their tiers gathered; the keys learned are the
    same as with every key's tiers gathered, on tables of every tier and sketch size."""
    rng = random.Random(seed)
    n_docs = rng.choice([5, 20, 448, 3000])
    docs = [rng.getrandbits(64) for _ in range(200)]
    table = {}
    for base in (f"{rng.getrandbits(64):016x}" for _ in range(400)):
        for tier in rng.sample("hfxct", rng.randint(1, 5)):
            table[tier + base] = tuple(sorted(rng.sample(docs, rng.choice([1, 2, 3, 8, 40, 64]))))
    learned = SiteBoilerplate().finalize(table, n_docs)
    assert learned == _gathered_finalize(table, n_docs)
    assert learned or n_docs > 448  # the case is not empty: some keys are learned


def test_document_keys_use_the_tiers_finalize_counts():
    config = Config()
    for doc in _site_docs():
        keys, _ = site.document_keys(doc.text.splitlines(), config)
        assert keys and {key[0] for key in keys} <= set(site._TIERS)


def test_an_article_listed_as_most_read_on_every_page_keeps_its_title():
    """Every page of a site lists the same "most read" headlines; one of them is an article of
    the run. The lists go; that article's own title stays."""
    docs = _site_docs(shared_in=())
    most_read = ["热门排行", _article(3)[0], _article(7)[0], "北山图书馆延长开放时间"]
    docs = [
        CorpusDoc(d.id, d.order, d.text.replace(FOOTER[0], "\n".join([*most_read, FOOTER[0]])))
        for d in docs
    ]
    learner = SiteBoilerplate()
    config = learner.apply(Config(), run_local(learner, docs))
    out = clean(docs[3].text, config).text.splitlines()
    assert out == _article(3)
    assert not set(most_read) & set(clean(docs[5].text, config).text.splitlines())


def test_a_line_inside_the_body_needs_wider_evidence_than_one_at_the_edge():
    """In 6 of 20 pages: as a subhead inside the article it stays (a template's heading); as a
    line above the article it goes (a menu). Inside the body, a line must recur in n^0.75
    documents (10 of 20) to be learned; at the edges, in the cube root of n (3 of 20)."""
    docs = []
    for doc in _site_docs(shared_in=()):
        lines = doc.text.splitlines()
        if doc.order % 3 == 0:  # 7 of 20
            lines.insert(6, "专家点评")
            lines.insert(0, "青禾网 专题频道")
        docs.append(CorpusDoc(doc.id, doc.order, "\n".join(lines)))
    learner = SiteBoilerplate()
    config = learner.apply(Config(), run_local(learner, docs))
    out = clean(docs[0].text, config).text.splitlines()
    assert "专家点评" in out
    assert "青禾网 专题频道" not in out


def _site_tree(root, n=20):
    root.mkdir()
    for doc in _site_docs()[:n]:
        (root / doc.id).write_text(doc.text + "\n", "utf-8")
    return root


def test_cli_learns_a_site_from_a_folder_by_default(cli, tmp_path):
    src = _site_tree(tmp_path / "site")
    outs = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        cli("fix", "-q", "-j", jobs, "-o", str(out), str(src)).expect(0)
        outs[jobs] = {p.name: p.read_text("utf-8") for p in sorted(out.iterdir())}
    assert outs["1"] == outs["2"] and len(outs["1"]) == 20
    for text in outs["1"].values():
        assert not any(line in text for line in [*NAV, *FOOTER])
    assert sum(SHARED in text for text in outs["1"].values()) == 2


def test_cli_learning_can_be_turned_off(cli, tmp_path):
    src = _site_tree(tmp_path / "site")
    out = tmp_path / "out"
    cli("fix", "-q", "--no-learn-boilerplate", "-o", str(out), str(src)).expect(0)
    assert all(FOOTER[0] in p.read_text("utf-8") for p in out.iterdir())


def test_cli_two_files_learn_nothing_unless_asked(cli, tmp_path):
    src = _site_tree(tmp_path / "site", n=2)
    out = tmp_path / "out"
    cli("fix", "-q", "-o", str(out), str(src)).expect(0)
    assert all(FOOTER[0] in p.read_text("utf-8") for p in out.iterdir())


def test_cli_learns_across_dataset_records_when_asked(cli, tmp_path):
    import json

    path = tmp_path / "pages.jsonl"
    lines = [json.dumps({"id": d.id, "text": d.text}, ensure_ascii=False) for d in _site_docs()]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    default = cli("fix", "-q", str(path)).expect(0).out
    assert FOOTER[0] in default  # datasets do not learn unless asked
    learned = cli("fix", "-q", "--learn-boilerplate", str(path)).expect(0).out
    records = [json.loads(line) for line in learned.splitlines()]
    assert len(records) == 20
    assert not any(FOOTER[0] in r["text"] or NAV[0] in r["text"] for r in records)
