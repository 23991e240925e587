"""newsclean.dask: bags and dataframes cleaned like the records of a dataset, explained."""

from __future__ import annotations

import json

import pytest

from newsclean import Config
from newsclean.pipeline import clean
from newsclean.run.jsonl import field_text

from .engine_cases import FOOTER, NAV, pages

db = pytest.importorskip("dask.bag")

from newsclean.dask import clean_bag, clean_dataframe, run_step  # noqa: E402

TEXTS = [
    "大會(huì )開(kāi)幕,會(huì )議開(kāi)始,會(huì )場(chǎng)熱鬧。",
    "Clean text.",
    "已经干净的文本。\n",
]


def test_a_bag_of_texts_gives_texts():
    config = Config(to="zh-hans")
    out = clean_bag(db.from_sequence(TEXTS, npartitions=2), config).compute()
    assert out == [field_text(clean(t, config).text, t) for t in TEXTS]
    assert out[0] == "大会开幕，会议开始，会场热闹。"
    assert out[2] == TEXTS[2]  # clean text unchanged, its newline kept


def test_texts_with_explanations():
    out = clean_bag(db.from_sequence(TEXTS), explain="why").compute()
    (text, why), (_, clean_why) = out[0], out[1]
    assert text == "大會開幕，會議開始，會場熱鬧。"
    assert why["changed"] and why["stages"] == {"pinyin": 1, "punctuation": 1}
    assert {c["stage"] for c in why["changes"]} == {"pinyin", "punctuation"}
    assert clean_why == {"changed": False, "stages": {}, "changes": [], "diagnostics": []}
    json.dumps(why)  # JSON-ready


def test_records_keep_their_other_fields():
    records = [
        {"id": 1, "meta": {"body": TEXTS[0], "site": "x"}},
        {"id": 2, "meta": {"body": 7}},
        {"id": 3},
    ]
    out = clean_bag(db.from_sequence(records), field="meta.body", explain="nc").compute()
    assert out[0]["meta"] == {"body": "大會開幕，會議開始，會場熱鬧。", "site": "x"}
    assert out[0]["nc"]["changed"] is True
    assert out[1]["meta"] == {"body": 7} and "not a string" in out[1]["nc"]["error"]
    assert out[2]["id"] == 3 and "error" in out[2]["nc"]
    assert records[0]["meta"]["body"] == TEXTS[0]  # the input records are not modified


def test_a_dataframe_column():
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    frame = dd.from_pandas(pd.DataFrame({"id": [1, 2, 3], "text": [TEXTS[0], None, TEXTS[1]]}), 2)
    out = clean_dataframe(frame, column="text", explain="explain").compute()
    assert list(out.columns) == ["id", "text", "explain"]
    assert out["text"].tolist()[0] == "大會開幕，會議開始，會場熱鬧。"
    assert out["text"].isna().tolist() == [False, True, False]
    assert json.loads(out["explain"].tolist()[0])["stages"] == {"pinyin": 1, "punctuation": 1}
    plain = clean_dataframe(frame).compute()
    assert list(plain.columns) == ["id", "text"]


def test_site_boilerplate_learned_from_the_bag():
    texts = pages(20)
    bag = db.from_sequence(texts, npartitions=4)
    learned = clean_bag(bag, learn_boilerplate=True).compute()
    plain = clean_bag(bag).compute()
    lines = {line for text in learned for line in text.splitlines()}
    assert not lines & {*NAV, *FOOTER}
    assert {line for text in plain for line in text.splitlines()} & {*NAV, *FOOTER}


def test_run_step_matches_the_reference():
    from newsclean.corpus import CorpusDoc, run_local
    from newsclean.corpus.site import SiteBoilerplate

    texts = pages(20)
    step = SiteBoilerplate(Config())
    expected = run_local(step, [CorpusDoc("", i, t) for i, t in enumerate(texts)])
    assert expected
    assert run_step(db.from_sequence(texts, npartitions=5), step) == expected
