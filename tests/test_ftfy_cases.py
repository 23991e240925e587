"""ftfy's own real-world cases (``cases/ftfy/test_cases.json``, from the ftfy 6.3.1 sdist, under
the Apache License 2.0: see ``cases/ftfy/NOTICE``) through the ``encoding`` stage alone.

newsclean keeps curly quotes and fullwidth forms (Chinese needs them), so output and
expectation are compared folded for quotes and width. Whatever else happens, a case whose
expected text holds no CJK never comes out with CJK in it: a Greek, Hebrew, Arabic or Thai
line misread as cp1252 also reads as GBK, and taking that reading is the worst mistake a
fixer can make.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from ftfy.fixes import fix_character_width, uncurl_quotes

import newsclean
from newsclean.config import Config

_CASES: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "cases" / "ftfy" / "test_cases.json").read_text("utf-8")
)
PASSING = [case for case in _CASES if case["expect"] == "pass"]  # ftfy's own known failures out
_CONFIG = Config(stages=("encoding",))
_CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")

# U+0085 (NEXT LINE) is a line break to Doc.from_text (model.py), which splits the line
# before the stage sees it; the issue asks for it not to be one (the decoding part of issue
# 12). The stage itself repairs these lines: see test_stage_repairs_the_line_alone.
KNOWN: dict[str, str] = {}


def _fold(text: str) -> str:
    return str(uncurl_quotes(fix_character_width(text))).strip()


def _params(cases: list[dict[str, Any]]) -> list[Any]:
    return [
        pytest.param(
            case,
            id=case["label"],
            marks=[pytest.mark.xfail(strict=True, reason=KNOWN[case["label"]])]
            if case["label"] in KNOWN
            else [],
        )
        for case in cases
    ]


def test_known_failures_are_cases() -> None:
    assert set(KNOWN) <= {case["label"] for case in PASSING}
    assert len(PASSING) == 151


@pytest.mark.parametrize("case", _params(PASSING))
def test_case_is_repaired_as_ftfy_does(case: dict[str, Any]) -> None:
    out = newsclean.clean(case["original"], _CONFIG).text
    assert _fold(out) == _fold(case["fixed"])


@pytest.mark.parametrize("case", PASSING, ids=[c["label"] for c in PASSING])
def test_no_cjk_where_there_is_none(case: dict[str, Any]) -> None:
    out = newsclean.clean(case["original"], _CONFIG).text
    if not _CJK.search(case["fixed"]):
        assert not _CJK.search(out), out
