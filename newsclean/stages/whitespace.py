"""Stage ``whitespace``: trim paragraphs, collapse runs of spaces, drop invisible junk.

* leading and trailing whitespace goes (including the ideographic-space indent ``\\u3000\\u3000``
  that Chinese pages put before paragraphs: one paragraph per line needs no indent);
* a run of two or more spaces/tabs becomes one space; a lone tab becomes a space;
* zero-width spaces, word joiners, soft hyphens and C0/DEL control characters are removed.
  Zero-width (non-)joiners stay: emoji sequences and Persian need them.

A single ideographic space or no-break space inside a line is left alone: it is a deliberate
separator (``本报记者\\u3000张三``; French ``« oui »``).

>>> from newsclean.model import Doc
>>> from newsclean.config import Config
>>> whitespace(Doc.from_text("\\u3000\\u3000第一段  内容\\u200b。\\t"), Config()).lines
('第一段 内容。',)
"""

from __future__ import annotations

import re

from ..chars import INVISIBLE, INVISIBLE_RE
from ..config import Config
from ..model import Doc

STAGE = "whitespace"

_RUN = r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]"
NEEDS_WORK = re.compile(rf"[{INVISIBLE}\t]|{_RUN}{{2,}}|^\s|\s$", re.MULTILINE)
_RUNS = re.compile(rf"{_RUN}{{2,}}|\t")


def normalize_spaces(line: str) -> str:
    """Apply the stage's rules to one line."""
    line = INVISIBLE_RE.sub("", line)
    return _RUNS.sub(" ", line).strip()


def whitespace(doc: Doc, config: Config) -> Doc:
    """Trim and tidy whitespace in every paragraph; paragraphs that were only junk go."""
    if not NEEDS_WORK.search("\n".join(doc.lines)):
        return doc
    return doc.edited([normalize_spaces(line) for line in doc.lines], STAGE, "spaces")
