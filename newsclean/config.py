"""The one frozen object that carries every cleaning option.

Change it with :func:`dataclasses.replace` (or :meth:`Config.replace`); nothing in newsclean keeps
options anywhere else, so two documents cleaned with equal configs are cleaned the same way.

>>> Config(to="simplified").to
'zh-hans'
>>> Config().select(skip=["duplicates"]).stages[-2:]
('script', 'punctuation')
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

#: The stage names in canonical order. Part of the CLI contract: scripts name them.
STAGE_NAMES: tuple[str, ...] = (
    "encoding",
    "pinyin",
    "whitespace",
    "boilerplate",
    "markdown",
    "duplicates",
    "script",
    "punctuation",
)

#: ``--to`` targets and the OpenCC configuration each one uses. ``zh-hans`` is ``t2s``, which
#: changes script only: ``tw2sp`` would also rewrite vocabulary (开启 → 打开).
SCRIPT_TARGETS: dict[str, str] = {
    "zh-hans": "t2s",
    "zh-hant": "s2t",
    "zh-tw": "s2twp",
    "zh-hk": "s2hk",
}

SCRIPT_ALIASES: dict[str, str] = {"simplified": "zh-hans", "traditional": "zh-hant"}

#: OpenCC's own configuration names, accepted by ``--to`` as they are (``tw2sp`` also rewrites
#: Taiwanese vocabulary; ``t2s`` changes script only).
OPENCC_CONFIGS: tuple[str, ...] = (
    "s2t",
    "t2s",
    "s2tw",
    "tw2s",
    "s2twp",
    "tw2sp",
    "s2hk",
    "hk2s",
    "t2tw",
    "tw2t",
    "t2hk",
    "hk2t",
    "t2jp",
    "jp2t",
)


def normalize_target(name: str) -> str:
    """Map a ``--to`` value (any case, ``_`` or ``-``, or an alias) to its canonical name.

    >>> normalize_target("ZH_TW"), normalize_target("tw2sp"), normalize_target("T2S.json")
    ('zh-tw', 'tw2sp', 't2s')
    """
    key = name.strip().lower().replace("_", "-").removesuffix(".json")
    key = SCRIPT_ALIASES.get(key, key)
    if key not in SCRIPT_TARGETS and key not in OPENCC_CONFIGS:
        choices = ", ".join([*SCRIPT_TARGETS, *SCRIPT_ALIASES, *OPENCC_CONFIGS])
        raise ValueError(f"unknown script target {name!r} (choose from {choices})")
    return key


def parse_stage_list(value: str | Iterable[str]) -> tuple[str, ...]:
    """Split ``"pinyin, script"`` (or take a list) and check every name is a stage."""
    names = value.split(",") if isinstance(value, str) else list(value)
    out = tuple(n.strip().lower() for n in names if n.strip())
    unknown = [n for n in out if n not in STAGE_NAMES]
    if unknown:
        raise ValueError(f"unknown stage {unknown[0]!r} (stages are: {', '.join(STAGE_NAMES)})")
    return out


@dataclass(frozen=True, slots=True)
class Config:
    """Every option that changes how a document is cleaned.

    stages
        Which stages run. Always kept in canonical order, whatever order they are given in.
    to
        Target script (``zh-hans``, ``zh-hant``, ``zh-tw``, ``zh-hk``, or the aliases
        ``simplified``/``traditional``), or an OpenCC configuration name (``t2s``, ``s2twp``,
        ``tw2sp``, ``hk2s`` ...: :data:`OPENCC_CONFIGS`); ``None`` leaves the script as it is.
    encoding
        Force this input encoding when decoding bytes, instead of detecting one.
    repair_lossy
        Also repair mojibake that lost bytes before it reached us (U+FFFD in it): the rest of
        the line comes back, the lost characters stay U+FFFD, and every such line is reported.
    near_duplicate
        Similarity (0–1, rapidfuzz ratio on folded text) at which two paragraphs are copies.
    min_duplicate_units
        Paragraphs shorter than this (in CJK characters plus words) repeat legitimately (a
        poem's chorus, a list item); they are collapsed only inside a repeated block.
    boilerplate_phrases, boilerplate_patterns
        The user's own boilerplate rules (``--boilerplate-file``): phrases found anywhere in a
        line, and regular expressions, both matched against the folded line (Simplified
        script, ASCII punctuation, lower case), on every line (a long line is never dropped whole: see boilerplate.page).
    site_boilerplate
        Keys of the lines learned as the site's boilerplate from the whole batch
        (:class:`newsclean.corpus.site.SiteBoilerplate`); empty when cleaning one document.
    disabled
        Single rules turned off, as ``"stage/rule"`` (``boilerplate/neighbours``): what they
        change is undone after their stage runs (:mod:`newsclean.disable`).
    keep_markdown
        The output stays markdown (``--keep-markdown``; the CLI's default for ``*.md`` files):
        the ``markdown`` stage flattens nothing, code blocks and a front matter come out as
        they are written (only ``encoding`` repairs them), and the blank lines between blocks
        and the indentation of lines are kept (:mod:`newsclean.layout`).
    dedup_threshold
        Estimated Jaccard similarity (0.3–1) of two documents' shingle sets at which they are
        near-duplicates of each other (``--dedup-docs``, :mod:`newsclean.corpus.dedup`).
    """

    stages: tuple[str, ...] = STAGE_NAMES
    to: str | None = None
    encoding: str | None = None
    repair_lossy: bool = False
    near_duplicate: float = 0.9
    min_duplicate_units: int = 20
    boilerplate_phrases: tuple[str, ...] = ()
    boilerplate_patterns: tuple[str, ...] = ()
    site_boilerplate: frozenset[str] = field(default=frozenset(), repr=False)
    dedup_threshold: float = 0.7
    disabled: frozenset[str] = frozenset()
    keep_markdown: bool = False

    def __post_init__(self) -> None:
        chosen = set(parse_stage_list(self.stages))
        object.__setattr__(self, "stages", tuple(n for n in STAGE_NAMES if n in chosen))
        if self.to is not None:
            object.__setattr__(self, "to", normalize_target(self.to))
        if self.encoding is not None:
            import codecs

            try:
                object.__setattr__(self, "encoding", codecs.lookup(self.encoding).name)
            except LookupError:
                raise ValueError(f"unknown encoding {self.encoding!r}") from None
        if not 0.5 <= self.near_duplicate <= 1.0:
            raise ValueError("near_duplicate must be between 0.5 and 1.0")
        if self.min_duplicate_units < 1:
            raise ValueError("min_duplicate_units must be at least 1")
        if not 0.3 <= self.dedup_threshold <= 1.0:
            raise ValueError("dedup_threshold must be between 0.3 and 1.0")
        object.__setattr__(self, "disabled", frozenset(self.disabled))
        for rule in self.disabled:
            stage, slash, name = rule.partition("/")
            if not slash or not name or stage not in STAGE_NAMES:
                raise ValueError(
                    f"cannot disable {rule!r}: name a rule as STAGE/RULE "
                    f"(stages are: {', '.join(STAGE_NAMES)})"
                )
        self._check_boilerplate_rules()

    def _check_boilerplate_rules(self) -> None:
        object.__setattr__(self, "boilerplate_phrases", tuple(self.boilerplate_phrases))
        object.__setattr__(self, "boilerplate_patterns", tuple(self.boilerplate_patterns))
        object.__setattr__(self, "site_boilerplate", frozenset(self.site_boilerplate))
        if any(not p.strip() for p in self.boilerplate_phrases):
            raise ValueError("boilerplate phrases must not be empty")
        if self.boilerplate_patterns:
            for pattern in self.boilerplate_patterns:
                problem = check_pattern(pattern)
                if problem:
                    raise ValueError(problem)

    def replace(self, **changes: Any) -> Config:
        """Return a copy with some options changed (validated like the constructor)."""
        return replace(self, **changes)

    def select(
        self, only: Iterable[str] | str | None = None, skip: Iterable[str] | str = ()
    ) -> Config:
        """Return a copy running only ``only`` (if given) minus ``skip``."""
        chosen = set(parse_stage_list(only)) if only is not None else set(self.stages)
        chosen -= set(parse_stage_list(skip))
        return self.replace(stages=tuple(chosen))

    @property
    def opencc_config(self) -> str | None:
        """The OpenCC configuration for ``to``, or ``None``."""
        return SCRIPT_TARGETS.get(self.to, self.to) if self.to else None


def check_pattern(pattern: str) -> str | None:
    """Why ``pattern`` cannot be a user rule, or ``None`` if it can."""
    if not pattern:
        return "empty regular expression"
    try:
        compiled = re.compile(pattern)
    except re.error as exc:
        return f"bad regular expression {pattern!r}: {exc}"
    if compiled.search(""):
        return f"regular expression {pattern!r} matches an empty line (it would match every line)"
    return None
