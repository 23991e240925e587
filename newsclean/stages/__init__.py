"""The stages, registered by name in canonical order.

Each stage is a plain function ``stage(doc: Doc, config: Config) -> Doc``: it takes a document of
paragraphs and returns a new one, with :class:`~newsclean.model.Change` records for what it did
and :class:`~newsclean.model.Diagnostic` records for what it found. Use one alone::

    from newsclean import Config, Doc
    from newsclean.stages import punctuation
    punctuation(Doc.from_text("开幕!"), Config()).text   # '开幕！\\n'

:data:`STAGES` maps the names (``encoding``, ``pinyin``, ``whitespace``, ``boilerplate``,
``markdown``, ``duplicates``, ``script``, ``punctuation``) to the functions; the order is the order they run in.
"""

from __future__ import annotations

from collections.abc import Callable

from ..config import STAGE_NAMES, Config
from ..model import Doc
from .boilerplate import boilerplate
from .duplicates import duplicates
from .encoding import encoding
from .markdown import markdown
from .pinyin import pinyin
from .punctuation import punctuation
from .script import script
from .whitespace import whitespace

Stage = Callable[[Doc, Config], Doc]

STAGES: dict[str, Stage] = {
    "encoding": encoding,
    "pinyin": pinyin,
    "whitespace": whitespace,
    "boilerplate": boilerplate,
    "markdown": markdown,
    "duplicates": duplicates,
    "script": script,
    "punctuation": punctuation,
}
assert tuple(STAGES) == STAGE_NAMES

#: One line per stage, for ``newsclean stages`` and ``--help``.
SUMMARIES: dict[str, str] = {
    "encoding": "reverse CJK and Western mojibake, normalise, report damage that cannot be repaired",
    "pinyin": "remove leaked pinyin annotations like 會(huì )議, when the whole document shows a leak",
    "whitespace": "trim paragraphs, collapse runs of spaces, remove invisible characters",
    "boilerplate": "drop footers, copyright/share/print/nav lines, link lists, markdown and table debris",
    "markdown": "markdown to plain text: links keep their text, images, emphasis and heading marks go, tables become cell text, wrapped paragraphs joined",
    "duplicates": "collapse repeated paragraphs and article bodies, keeping the most complete copy",
    "script": "convert Traditional/Simplified Chinese with OpenCC (only with --to)",
    "punctuation": "restore fullwidth punctuation (，：；！？（）) narrowed to ASCII in Chinese text",
}

__all__ = [
    "STAGES",
    "SUMMARIES",
    "Stage",
    "boilerplate",
    "duplicates",
    "encoding",
    "markdown",
    "pinyin",
    "punctuation",
    "script",
    "whitespace",
]
