"""The boilerplate stage's invariants: clean prose untouched, and decisions that do not move.

Idempotence is the trap for a stage that looks at neighbours and document edges: run on its own
output, or on that output after later stages dropped or rewrote lines, it must decide the same.
"""

from __future__ import annotations

import os
import tomllib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsclean import Config, Doc, clean
from newsclean.stages import boilerplate
from newsclean.stages.boilerplate import classify_line
from newsclean.stages.script import convert

from .conftest import CASES
from .prose import documents

_SETTINGS = settings(
    max_examples=int(os.environ.get("NEWSCLEAN_FUZZ_EXAMPLES", "300")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
_TABLE = tomllib.loads((CASES / "boilerplate_lines.toml").read_text("utf-8"))
_DROP = [line for lines in _TABLE["drop"].values() for line in lines]
_KEEP = [line for lines in _TABLE["keep"].values() for line in lines]
_PROSE = [line for doc in documents("zh", 30, 1) + documents("en", 30, 1) for line in doc]

_MIXED = st.lists(
    st.sampled_from(_DROP) | st.sampled_from(_KEEP) | st.sampled_from(_PROSE), max_size=16
)
_LATER = st.sampled_from(["none", "t2s", "s2t", "s2hk", "widen"])


_DEFAULT = Config()


def _run(lines: list[str] | tuple[str, ...], config: Config = _DEFAULT) -> tuple[str, ...]:
    return boilerplate(Doc(tuple(lines), tuple(range(1, len(lines) + 1))), config).lines


def _later(lines: tuple[str, ...], how: str) -> tuple[str, ...]:
    if how == "widen":
        table = str.maketrans({",": "，", ":": "：", ";": "；", "!": "！", "?": "？"})
        return tuple(line.translate(table) for line in lines)
    if how == "none" or not lines:
        return lines
    return tuple(convert("\n".join(lines), how).split("\n"))


def test_clean_prose_loses_nothing():
    """Several thousand paragraphs of assembled Chinese and English news: nothing removed."""
    paragraphs = removed = 0
    for lang in ("zh", "en"):
        for doc in documents(lang, 400):
            out = _run(doc)
            paragraphs += len(doc)
            removed += len(doc) - len(out)
            assert out == tuple(doc), [line for line in doc if line not in out]
    assert paragraphs > 5000 and removed == 0


@_SETTINGS
@given(_MIXED)
def test_idempotent_on_its_own_output(lines):
    once = _run(lines)
    assert _run(once) == once


@_SETTINGS
@given(_MIXED, st.data(), _LATER)
def test_nothing_more_goes_after_later_stages(lines, data, how):
    """Drop any lines of the output (as duplicates may), rewrite script or punctuation (as
    script and punctuation do): the stage still finds nothing to drop."""
    once = _run(lines)
    keep = data.draw(st.lists(st.booleans(), min_size=len(once), max_size=len(once)))
    later = _later(tuple(line for line, k in zip(once, keep, strict=True) if k), how)
    assert _run(later) == later


@_SETTINGS
@given(_MIXED)
def test_prose_and_protected_lines_survive_any_company(lines):
    out = set(_run(lines))
    for line in lines:
        if line in _KEEP and classify_line(line).label in ("content", "protected"):
            assert line in out


@_SETTINGS
@given(_MIXED, st.sampled_from([Config(), Config(to="zh-hans"), Config(to="zh-hant")]))
def test_pipeline_idempotent_on_mixed_documents(lines, config):
    text = "\n".join(lines)
    once = clean(text, config).text
    assert clean(once, config).text == once
