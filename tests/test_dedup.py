"""Near-duplicate documents across a run (``newsclean.corpus.dedup``): who is kept, what is reported,
and that the three parts give the same answer however an engine runs them."""

from __future__ import annotations

import json
import random

import pytest

from newsclean import Config
from newsclean.corpus import CorpusDoc, combine_into, run_local
from newsclean.corpus.dedup import SIGNATURE, NearDuplicateDocs, _flatten
from newsclean.corpus.minhash import is_han, lsh_shape, shingle_hashes, signature, similarity
from newsclean.stages.script import convert

from .conftest import ROOT
from .test_duplicates import outputs_under_hash_seeds

STORY_ZH = "\n".join(
    [
        "市十四届人大一次会议隆重开幕",
        "1月4日上午，焦作市第十四届人民代表大会第一次会议在市会议中心圆形报告厅隆重开幕。",
        "大会主席团常务主席葛巧红主持大会，大会主席团常务主席李亦博、王建修、李民生在主席台前排就座。",
        "在热烈的掌声中，市长李亦博作政府工作报告。报告分四个部分：一、过去5年工作回顾；二、2023年工作安排。",
        "李亦博在报告中说，过去五年，是焦作发展历程中极具挑战、极不平凡的五年。",
        "会议还审查了焦作市2022年国民经济和社会发展计划执行情况与2023年国民经济和社会发展计划草案。",
        "（记者翟倩倩、郭嘉莉）",
    ]
)
OTHER_ZH = "\n".join(
    [
        "教育部部署寒假期间学生安全工作",
        "教育部今天发布通知，要求各地做好寒假期间学生安全教育工作，加强校外活动场所的安全检查。",
        "通知指出，各地教育部门要会同有关部门，加强对学生交通、消防、食品等方面的安全提醒。",
        "通知要求，学校要通过家长会、致家长一封信等方式，提醒家长切实履行监护责任。",
    ]
)
STORY_EN = "\n".join(
    [
        "Storm hits the coast",
        "The storm reached the coast early on Monday, bringing winds of more than 150 kilometres an hour.",
        "More than 20,000 homes lost power, and schools across the region were closed for the day.",
        "Emergency services said they had received hundreds of calls but reported no deaths so far.",
        "Forecasters expect the storm to weaken as it moves inland over the next two days.",
    ]
)
FOLLOW_UP_EN = "\n".join(
    [
        "Storm hits the coast",
        "The storm reached the coast early on Monday, bringing winds of more than 150 kilometres an hour.",
        "Insurers said on Wednesday that claims from the storm could reach two billion dollars.",
        "The government promised emergency funds for farmers whose crops were destroyed by floods.",
        "Repairs to the main coastal railway line are expected to take at least three weeks.",
    ]
)


def _syndicated(text: str) -> str:
    """Another site's copy: its own header and footer, ASCII punctuation."""
    body = text.replace("，", ",").replace("：", ":").replace("；", ";")
    return f"来源：新华网\n{body}\n责任编辑：王明\n"


def _docs(*texts: str) -> list[CorpusDoc]:
    return [CorpusDoc(f"{i:02d}.txt", i, text) for i, text in enumerate(texts)]


def test_syndicated_copies_are_found_and_the_first_is_kept():
    docs = _docs(
        OTHER_ZH,
        STORY_ZH,
        _syndicated(STORY_ZH),
        convert(STORY_ZH, "s2t"),
        STORY_EN,
        STORY_EN.upper(),
        FOLLOW_UP_EN,
    )
    step = NearDuplicateDocs()
    rejected = step.rejected(run_local(step, docs))
    assert sorted(rejected) == ["02.txt", "03.txt", "05.txt"]
    assert rejected["02.txt"].startswith("near-duplicate of 01.txt (similarity 0.")
    assert rejected["03.txt"] == "near-duplicate of 01.txt (similarity 1.00)"
    assert rejected["05.txt"] == "near-duplicate of 04.txt (similarity 1.00)"


def test_the_first_in_path_order_is_kept_whatever_order_documents_come_in():
    docs = _docs(_syndicated(STORY_ZH), STORY_ZH, OTHER_ZH)
    step = NearDuplicateDocs()
    forward = step.rejected(run_local(step, docs))
    backward = step.rejected(run_local(step, list(reversed(docs))))
    assert forward == backward == {"01.txt": forward["01.txt"]}
    assert "of 00.txt" in forward["01.txt"]


def test_report_is_json_and_lists_clusters():
    step = NearDuplicateDocs()
    result = run_local(step, _docs(STORY_ZH, OTHER_ZH, convert(STORY_ZH, "s2t")))
    report = json.loads(json.dumps(step.report(result)))
    assert report["documents"] == 3 and report["rejected"] == 1
    assert report["threshold"] == 0.7
    assert report["clusters"] == [
        {"kept": "00.txt", "duplicates": [{"id": "02.txt", "similarity": 1.0}]}
    ]


def test_empty_documents_are_never_duplicates():
    step = NearDuplicateDocs()
    assert list(step.map(CorpusDoc("a", 0, ""))) == []
    assert step.rejected(run_local(step, _docs("", " \n", STORY_EN))) == {}


def test_map_emits_the_signature_and_one_key_per_band():
    step = NearDuplicateDocs()
    pairs = list(step.map(CorpusDoc("a.txt", 7, STORY_EN)))
    assert pairs[0][0] == (SIGNATURE, 7)
    assert [key[0] for key, _ in pairs[1:]] == list(range(step.bands))
    assert all(value == 7 for _, value in pairs[1:])


def test_combine_is_associative_and_commutative_on_members():
    step = NearDuplicateDocs()
    a, b, c = 3, (1, 5), 2
    left = step.combine(step.combine(a, b), c)
    right = step.combine(a, step.combine(c, b))
    assert sorted(_flatten(left)) == sorted(_flatten(right)) == [1, 2, 3, 5]


def test_a_bucket_of_many_copies_costs_what_it_holds():
    """Thousands of copies of one page: combine is O(1), flattening does not recurse."""
    step = NearDuplicateDocs()
    docs = [
        CorpusDoc(f"{i:05d}.txt", i, "Page not found. The page you requested is gone.")
        for i in range(3000)
    ]
    rejected = step.rejected(run_local(step, docs))
    assert len(rejected) == 2999 and "00000.txt" not in rejected


def test_finalize_does_not_depend_on_how_an_engine_combined():
    """Shuffled documents, split in parts combined separately, keys in another order."""
    step = NearDuplicateDocs()
    texts = [
        STORY_ZH,
        OTHER_ZH,
        _syndicated(STORY_ZH),
        STORY_EN,
        FOLLOW_UP_EN,
        STORY_EN + "\nRead more",
    ]
    docs = _docs(*texts)
    expected = step.report(run_local(step, docs))
    rng = random.Random(5)
    for _ in range(5):
        shuffled = docs[:]
        rng.shuffle(shuffled)
        parts: list[dict] = [{}, {}]
        for i, doc in enumerate(shuffled):
            combine_into(step, parts[i % 2], step.map(doc))
        merged: dict = {}
        for part in parts:
            combine_into(step, merged, part.items())
        keys = list(merged)
        rng.shuffle(keys)
        assert step.report(step.finalize({k: merged[k] for k in keys}, len(docs))) == expected


def test_threshold_comes_from_the_config():
    assert NearDuplicateDocs.from_config(Config(dedup_threshold=0.9)).threshold == 0.9
    with pytest.raises(ValueError):
        Config(dedup_threshold=0.1)
    assert lsh_shape(0.9)[0] < lsh_shape(0.7)[0]  # a higher threshold needs fewer bands


def test_shingles_fold_width_case_and_script():
    assert is_han(STORY_ZH) and not is_han(STORY_EN)
    zh = signature(shingle_hashes(STORY_ZH))
    assert (
        similarity(zh, signature(shingle_hashes(convert(STORY_ZH, "s2t").replace("，", ","))))
        == 1.0
    )
    en = signature(shingle_hashes(STORY_EN))
    assert similarity(en, signature(shingle_hashes(STORY_EN.upper().replace(",", " ,")))) == 1.0
    assert similarity(en, signature(shingle_hashes(FOLLOW_UP_EN))) < 0.5


def test_signatures_are_the_same_in_any_process():
    code = (
        "import sys; sys.path.insert(0, sys.argv[1])\n"
        "from newsclean.corpus.minhash import shingle_hashes, signature\n"
        "print(signature(shingle_hashes(sys.argv[2])).tolist())"
    )
    outputs = outputs_under_hash_seeds("-c", code, str(ROOT), STORY_ZH + STORY_EN)
    assert outputs[0] == outputs[1] and outputs[0].startswith("[")


@pytest.mark.parametrize(
    "text",
    [
        STORY_ZH,
        STORY_EN,
        convert(STORY_ZH, "s2t"),
        "１２３ＡＢＣ，。、“”「」【】《》\u3000Ｉ ŞİMDİ ǅ",
    ],
)
def test_documents_fold_like_paragraphs(text):
    """The numpy fold (documents) and the regex fold (the duplicates stage) agree."""
    from newsclean.corpus.minhash import fold_codepoints
    from newsclean.stages.duplicates.fold import fold_text

    assert "".join(map(chr, fold_codepoints(text).tolist())) == fold_text(text)
