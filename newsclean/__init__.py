"""newsclean: clean text scraped from news sites.

>>> import newsclean
>>> result = newsclean.clean("1月4日,大會(huì )開(kāi)幕,會(huì )議開(kāi)始,會(huì )場(chǎng)熱鬧,會(huì )後散場(chǎng)。")
>>> result.text
'1月4日，大會開幕，會議開始，會場熱鬧，會後散場。\\n'
>>> newsclean.decode("中文".encode("gb18030"))
'中文'

The stages are plain functions in :data:`STAGES` (canonical order), each usable alone; every
option lives in the frozen :class:`Config`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .config import STAGE_NAMES, Config

# Imported eagerly (it is light): the function must shadow the submodule of the same name.
from .decode import Decoded, decode, decode_bytes
from .model import Change, Diagnostic, Doc, Result

if TYPE_CHECKING:
    from .pipeline import clean_bytes
    from .stages import STAGES

__version__ = "0.1.0"

# The pipeline and its stages are imported on first use, so that `newsclean --help` (which
# imports this package) stays instant.
_LAZY = {
    "clean_bytes": "pipeline",
    "STAGES": "stages",
}


def clean(text: str | bytes, config: Config | None = None) -> Result:
    """Clean ``text`` and say what was done (see :func:`newsclean.pipeline.clean`).

    ``bytes`` are decoded first, as :func:`clean_bytes` does (any encoding, reported);
    anything else is a TypeError that says what to pass.

    >>> clean("大會開幕,會議開始。".encode("big5")).text
    '大會開幕，會議開始。\\n'
    """
    from . import pipeline

    if isinstance(text, bytes | bytearray | memoryview):
        return pipeline.clean_bytes(bytes(text), config or Config())
    if not isinstance(text, str):
        raise TypeError(
            f"newsclean.clean() takes the text as str (or bytes, which are decoded), "
            f"not {type(text).__name__}"
        )
    if config is not None and not isinstance(config, Config):
        raise TypeError(f"config must be a newsclean.Config, not {type(config).__name__}")
    return pipeline.clean(text, config or Config())


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'newsclean' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


__all__ = [
    "STAGES",
    "STAGE_NAMES",
    "Change",
    "Config",
    "Decoded",
    "Diagnostic",
    "Doc",
    "Result",
    "__version__",
    "clean",
    "clean_bytes",
    "decode",
    "decode_bytes",
]
