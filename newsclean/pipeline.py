"""The pipeline: runs the selected stages in canonical order and owns the document's boundary.

At the boundary the text is split into paragraphs (every line ending is a break, blank lines go)
and joined again with ``\\n`` and one final newline. Stages only ever see paragraphs.
"""

from __future__ import annotations

from .config import Config
from .decode import decode_bytes
from .model import Diagnostic, Doc, Result
from .stages import STAGES
from .stages.pinyin import ANNOTATION

_DEFAULT = Config()


def clean(text: str, config: Config = _DEFAULT) -> Result:
    """Clean ``text`` and say what was done.

    >>> r = clean("大會(huì )開(kāi)幕,會(huì )議開(kāi)始,會(huì )場(chǎng)熱鬧,會(huì )後散場(chǎng)。", Config(to="zh-hans"))
    >>> r.text
    '大会开幕，会议开始，会场热闹，会后散场。\\n'
    """
    doc = _run(Doc.from_text(text), config)
    if _unsettled(doc, config):
        again = _run(Doc(doc.lines, doc.linenos, joined=doc.joined), config)
        doc = Doc(again.lines, again.linenos, doc.changes + again.changes, doc.diagnostics)
    return _result(text, doc)


def warm_up(config: Config = _DEFAULT) -> None:
    """Build, once per process, the tables and converters the stages load on first use
    (about half a second). A parent that forks workers calls it first, so that every worker
    starts with them instead of building its own."""
    sample = "預熱 warm-up 鍏ㄩ儴 Ã© 會(huì )議，The Council met today.\n今天天气很好,我们去公园散步了。\n"
    clean(sample * 3, config)


def _run(doc: Doc, config: Config) -> Doc:
    for name in config.stages:
        before = doc
        doc = STAGES[name](doc, config)
        if config.disabled:  # --disable STAGE/RULE (see newsclean.disable)
            from .disable import restore

            doc = restore(before, doc, config.disabled)
    return doc


def _unsettled(doc: Doc, config: Config) -> bool:
    """Does a document-level decision need taking again on what survived?

    The ``pinyin`` stage decides from the whole document's evidence, before ``boilerplate``
    and ``duplicates`` drop lines. If annotations were kept and lines were dropped, the
    evidence may read differently on the output; running the pipeline once more on the
    output settles it, so that cleaning a cleaned document changes nothing.
    """
    if "pinyin" not in config.stages or not any(c.action == "drop" for c in doc.changes):
        return False
    body = doc.body
    if "(" not in body or body.isascii():  # an annotation has a tone mark: not ASCII
        return False
    return ANNOTATION.search(body) is not None


def clean_bytes(data: bytes, config: Config = _DEFAULT) -> Result:
    """Decode raw bytes (see :func:`newsclean.decode.decode_bytes`), then :func:`clean` them."""
    decoded = decode_bytes(data, config.encoding)
    result = clean(decoded.text, config)
    # Strict UTF-8 decodes one to one: the bytes changed exactly when the text did. Any other
    # input (a BOM, a legacy encoding, replaced bytes) comes out as different bytes.
    same_bytes = decoded.encoding == "utf-8" and not decoded.replaced and not result.changed
    return Result(
        text=result.text,
        changed=not same_bytes,
        changes=result.changes,
        diagnostics=decoded.diagnostics + result.diagnostics,
        encoding=decoded.encoding,
    )


def _result(original: str, doc: Doc) -> Result:
    # Damage in a line that did not survive (a dropped second copy) is not in the output.
    alive = set(doc.linenos)
    diagnostics = tuple(
        sorted(
            (d for d in doc.diagnostics if d.line == 0 or d.line in alive),
            key=_diagnostic_order,
        )
    )
    text = doc.text
    return Result(text=text, changed=text != original, changes=doc.changes, diagnostics=diagnostics)


def _diagnostic_order(d: Diagnostic) -> tuple[int, str]:
    return (d.line, d.kind)
