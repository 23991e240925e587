"""Each stage alone, driven by the tables in tests/cases/<stage>.toml."""

from __future__ import annotations

import tomllib

import pytest

from newsclean import STAGES, Config, Doc

from .conftest import CASES


def _cases(stage: str) -> list[dict]:
    return tomllib.loads((CASES / f"{stage}.toml").read_text("utf-8"))["case"]


def _lines(text: str) -> tuple[str, ...]:
    return Doc.from_text(text).lines


def _run(stage: str, case: dict) -> Doc:
    config = Config(to=case.get("to"))
    return STAGES[stage](Doc.from_text(case["input"]), config)


@pytest.mark.parametrize(
    ("stage", "case"),
    [
        pytest.param(stage, case, id=f"{stage}: {case['name']}")
        for stage in STAGES
        for case in _cases(stage)
    ],
)
def test_stage_table(stage, case):
    out = _run(stage, case)
    expected = case.get("expected", case["input"])
    assert out.lines == _lines(expected)
    if "damage" in case:
        assert [d.kind for d in out.diagnostics] == case["damage"]


@pytest.mark.parametrize("stage", list(STAGES))
def test_stage_is_idempotent_on_its_table(stage):
    for case in _cases(stage):
        once = _run(stage, case)
        twice = STAGES[stage](Doc(once.lines, once.linenos), Config(to=case.get("to")))
        assert twice.lines == once.lines, case["name"]


@pytest.mark.parametrize("stage", list(STAGES))
def test_stage_records_every_change(stage):
    """A stage that changed a line says so, with an input line number that exists."""
    for case in _cases(stage):
        doc = Doc.from_text(case["input"])
        out = STAGES[stage](doc, Config(to=case.get("to")))
        if out.lines != doc.lines:
            assert out.changes, case["name"]
        assert {c.line for c in out.changes} <= set(doc.linenos), case["name"]
