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

from .config import STAGE_NAMES, Config
from .decode import Decoded, decode, decode_bytes
from .model import Change, Diagnostic, Doc, Result
from .pipeline import clean, clean_bytes
from .stages import STAGES

__version__ = "0.1.0"

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
