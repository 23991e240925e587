"""The one-pass run's plumbing: what the spool keeps of a begun document, and what site
learning carries from beginning a document to finishing it."""

from __future__ import annotations

import importlib
import pickle

from newsclean.config import Config
from newsclean.corpus import CorpusDoc
from newsclean.corpus.site import SiteBoilerplate
from newsclean.model import Change, Diagnostic, Doc
from newsclean.pipeline import begin, clean, finish
from newsclean.run.spool import dump

classify = importlib.import_module("newsclean.stages.boilerplate.classify")

PAGE = (
    "  网站首页 | 新闻中心 | 联系我们  \n"
    "本报讯  市政府昨日召开会议，讨论了明年的预算安排和重点项目。\n\n"
    "会议指出，要把有限的资金用在民生领域。   \n"
    "Copyright 2024 Example News\n"
)


def test_a_begun_document_comes_back_from_the_spool_as_it_went_in() -> None:
    doc, _ = begin(PAGE, Config(), "boilerplate")
    assert doc.changes  # the whitespace stage's edits, spooled by column
    odd = Doc(
        ("a", "b"),
        (1, 3),
        (Change("x", "r", 1, "drop", 2, "d"), Change("y", "", 3)),
        (Diagnostic(3, "k", "m", "error", "s"),),
    )
    for original in (doc, odd, Doc(("only",), (1,))):
        back = pickle.loads(dump([original]))[0]
        assert back == original
        assert back.changes == original.changes


def test_finishing_with_what_site_learning_carried_is_finishing_without_it() -> None:
    config = Config()
    learner = SiteBoilerplate(config)
    doc, ran = begin(PAGE, config, "boilerplate")
    list(learner.map(CorpusDoc("p.txt", 0, PAGE, doc.lines)))
    carried = learner.carry(doc.lines)
    assert carried  # the short lines the map judged
    assert set(carried) <= set(doc.lines)
    expected = clean(PAGE, config)
    classify._JUDGED.clear()  # as in another process, or after the memo filled up
    learner.reuse(carried)
    assert all(line in classify._JUDGED for line in carried)
    assert finish(PAGE, doc, config, ran) == expected
