"""Stage ``duplicates``: collapse repeated paragraphs and repeated article bodies to one copy.

Scraped pages often carry the article twice, or repeat a caption or a credit. This stage keeps
one copy of each paragraph — the most complete one, at the position of the first — and drops
the rest, cheapest test first (see :mod:`.match`):

* exact repeats, after folding punctuation width, whitespace, case and script (会/會);
* containment: a long paragraph already contained in a kept one;
* near copies: rapidfuzz similarity at or above ``Config.near_duplicate``, checked only against
  the few kept paragraphs that share most of its sampled character n-grams (no all-pairs
  loop), and never between paragraphs whose figures differ.

Short paragraphs (under ``Config.min_duplicate_units``) repeat legitimately — a list item
"是。", a poem's chorus — so they go only inside a repeated block (see :mod:`.blocks`).
A sentence said three times or more, each time among lines that copy nothing (an interview's
question put to each guest), is a refrain and stays. Paragraphs that share a formula
(``新华社北京1月4日电``, "(Reuters) -") differ in the rest, so they are neither equal, nor
contained, nor near.

Fast by design: a clean document has thousands of lines and no copies, so nothing is done
line by line before a whole-document test says it may be needed. Screen keys
(:mod:`.keys`) fold every line at C speed and find the exact repeats; an anchor screen
(:mod:`.screen`) finds the few long lines that may be near or contained copies; only those
meet the n-gram index and rapidfuzz, and only lines near a copy are measured (``units``).

Each dropped line's :class:`~newsclean.model.Change` names the rule and the line it copies
("copy of line 3", "near copy of line 5 (similarity 0.94)", "… in a repeated block (lines
23-37 repeat lines 3-17)"); a more complete later copy that takes the first copy's place is a
``move``.

>>> from newsclean.model import Doc
>>> from newsclean.config import Config
>>> body = ["第一段" * 8 + "。", "本报记者 张三 摄", "第二段" * 8 + "。"]
>>> duplicates(Doc.from_text("\\n".join(["标题", *body, *body])), Config()).lines == ("标题", *body)
True
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache, partial
from itertools import compress, pairwise
from operator import eq, ne

from ...chars import CJK, CJK_PUNCT, HAN_RE, units
from ...config import Config
from ...model import Change, Doc
from ..boilerplate.lines import ends_like_sentence
from ..boilerplate.markdown import is_list_item
from .blocks import STAGE, Longness, decide, how
from .fold import fold_key, fold_keys, fold_text
from .keys import screen_keys
from .match import Match, Matching, match
from .screen import candidates
from .sections import parallel, section_tags

__all__ = ["STAGE", "duplicates", "fold_key", "fold_keys"]

#: Keys shorter than this cannot be long (``units`` never exceeds twice the key's length).
_MIN_KEY = 10


@dataclass
class _Lines:
    """The document as arrays, carried from pass to pass so nothing is folded twice."""

    lines: list[str]
    linenos: list[int]
    labels: list[int]  # equal labels, equal keys: an exact copy
    near: dict[int, str]  # the long lines the screen picked, with their keys
    grams: dict[int, list[str]] = field(default_factory=dict)  # filled by match()

    def take(self, order: list[int]) -> _Lines:
        where = {old: new for new, old in enumerate(order)}
        return _Lines(
            [self.lines[i] for i in order],
            [self.linenos[i] for i in order],
            [self.labels[i] for i in order],
            {where[i]: key for i, key in self.near.items() if i in where},
            {where[i]: g for i, g in self.grams.items() if i in where},
        )


@lru_cache(maxsize=4)
def _tokens(count: int) -> re.Pattern[str]:
    """``count`` tokens of ``units`` (a CJK character or a word), each worth 1 or 2 units."""
    return re.compile(f"(?:[^{CJK}\\w]*+(?:[{CJK}]|[^\\W{CJK}]++)){{{count}}}")


def is_long(line: str, min_units: int) -> bool:
    """``units(line) >= min_units``, reading only as much of the line as decides it: a line
    with ``min_units`` tokens is long, one with fewer than half as many is not.

    >>> is_long("第一段" * 8, 20), is_long("是。", 20), is_long("one two " * 5, 20)
    (True, False, True)
    """
    if len(line) * 2 < min_units:  # a unit takes at least half a character
        return False
    if _tokens(min_units).match(line):
        return True
    return units(line) >= min_units


def exact_labels(lines: list[str], keys: list[str]) -> list[int]:
    """For every line, the first line with the same exact key (:func:`fold_key`), from screen
    keys (equal exact keys have equal screen keys): only screen-key groups whose lines differ
    in their text need their exact keys.

    >>> exact_labels(["乾隆", "干隆", "乾隆"], ["干隆", "干隆", "干隆"])
    [0, 1, 0]
    """
    n = len(keys)
    first = dict(zip(reversed(keys), range(n - 1, -1, -1), strict=True))
    labels = list(map(first.__getitem__, keys))
    if len(first) == n:
        return labels
    repeats = compress(range(n), map(ne, labels, range(n)))
    suspect = {keys[i] for i in repeats if lines[i] != lines[labels[i]]}
    if suspect:
        members = [i for i, key in enumerate(keys) if key in suspect]
        firsts: dict[str, int] = {}
        for i, key in zip(members, fold_keys([lines[i] for i in members]), strict=True):
            labels[i] = firsts.setdefault(key, i)
    return labels


def _prepare(doc: Doc, config: Config, big: Longness) -> _Lines:
    lines = list(doc.lines)
    keys = screen_keys(lines)
    labels = exact_labels(lines, keys)
    distinct = compress(range(len(lines)), map(eq, labels, range(len(lines))))
    ids = [i for i in distinct if len(keys[i]) >= _MIN_KEY]
    picked = sorted(ids[j] for j in candidates([keys[i] for i in ids], config.near_duplicate))
    picked = [i for i in picked if big[i]]
    near = dict(zip(picked, fold_keys([lines[i] for i in picked]), strict=True))
    return _Lines(lines, list(doc.linenos), labels, near)


def _collapse_once(
    state: _Lines, config: Config, known: dict[str, bool]
) -> tuple[_Lines, list[Change], bool] | None:
    """One pass: the document without its copies, what was done, and whether another pass
    may find more (only when a more complete copy moved: see :func:`duplicates`)."""
    m = match(
        state.labels, state.near, config.near_duplicate, state.grams, partial(_keeps, state.lines)
    )
    titles = _spare_parallel(m, state.lines) if m.matches else frozenset()
    if m.matches:
        _spare_refrains(m, state.lines)
    if not m.matches:
        return None
    big = Longness(state.lines, partial(is_long, min_units=config.min_duplicate_units), known)
    _prefer_tidy(state.lines, big, m)
    drops = decide(state.lines, state.linenos, big, m, titles)
    _wrapped(state.lines, state.linenos, drops, m)
    if not drops:
        return None
    order = list(range(len(state.lines)))
    moves = _moves(state, m, drops, order)
    records = [drops[i] for i in sorted(drops)] + moves
    return state.take([order[i] for i in range(len(order)) if i not in drops]), records, bool(moves)


#: A line said this many times or more, each time among other lines, is a refrain.
REFRAIN = 3


def _spare_refrains(m: Matching, lines: Sequence[str]) -> None:
    """Keep the copies of a refrain (edits ``m``): a sentence the text says REFRAIN times or
    more, every time between lines that copy nothing (an interview's question put to each
    guest, the line a recipe repeats in each recipe). A scraper doubles a paragraph, or a
    body with the paragraphs around it; it does not say one sentence three times, each time
    among new lines. A headline (no full stop) that a menu repeats under each of its
    sections, a list item and a line of markup still go."""
    members: dict[int, list[int]] = {}
    for i, copied in m.matches.items():
        members.setdefault(copied.slot, []).append(i)
    for slot, copies in members.items():
        line = lines[slot]
        if len(copies) + 1 < REFRAIN or not ends_like_sentence(line) or line[:1] in "<*+-":
            continue
        # said again word for word, or but for a comma (not a caption that shortens it)
        if is_list_item(line) or any(m.matches[i].rule not in ("exact", "near") for i in copies):
            continue
        said = [slot, *copies]
        if any(j in m.matches for i in said for j in (i - 1, i + 1)):
            continue  # a line of a repeated block
        for i in copies:
            del m.matches[i]
        m.holder[slot] = slot  # every copy in its place: none moves to the first one's


def _spare_parallel(m: Matching, lines: Sequence[str]) -> frozenset[int]:
    """Forget, in place, the matches between lines of different parts of one series (see
    :mod:`.sections`): "Plan B" repeats what "Plan A" holds, and both stay. A line that also
    copies an earlier line of its own part stays a copy, of that line (a body captured twice,
    its series in it). A slot whose more complete copy was a spared line shows its first line
    again. Returns the lines that title the parts: no stub between copies (see .blocks), so
    that a second run finds the same parts."""
    series = section_tags(lines)
    if series is None:
        return frozenset()
    tags, titles = series
    members: dict[int, list[int]] = {}
    for i in sorted(m.matches):
        members.setdefault(m.matches[i].slot, []).append(i)
    spared = set()
    for slot, copies in members.items():
        for k, i in enumerate(copies):
            found = m.matches[i]
            if not (parallel(tags, i, slot) or parallel(tags, i, found.origin)):
                continue
            own = [j for j in (slot, *copies[:k]) if not parallel(tags, i, j)]
            if own:  # the nearest line of its own part it copies
                m.matches[i] = Match(slot, found.rule, own[-1], found.similarity)
            else:
                spared.add(i)
    for i in spared:
        del m.matches[i]
    for slot, shown in list(m.holder.items()):
        if shown in spared:
            m.holder[slot] = slot
            m.tidier.discard(slot)
    return titles


#: Spacing a clean line does not have: an ideographic, no-break or tab space inside it, a
#: space beside CJK text or another space.
_UNTIDY = re.compile(f"[\u3000\u00a0\t]|(?<=[{CJK}{CJK_PUNCT}]) | (?=[{CJK}{CJK_PUNCT} ])")


def untidy(line: str) -> int:
    """How many stray spaces ``line`` holds inside it (its edges are indentation).

    >>> untidy("用 USB\u3000存储，见 FAT 文件系统 ，第 10.1.7  节"), untidy("  用USB存储。Debian.")
    (8, 0)
    """
    return len(_UNTIDY.findall(line.strip()))


def _prefer_tidy(lines: list[str], big: Longness, m: Matching) -> None:
    """Copies equal but for spacing (and width, case, script): the slot shows the one with the
    fewest stray spaces (:func:`untidy`), the first of equals. A scraper's or a template's copy
    of a paragraph (``工具 ，但``, ``USB\u3000存储``) is no better for coming first. Only long
    copies (short ones stay where they are unless in a repeated block: see :mod:`.blocks`),
    and only where the first copy still holds its slot (a more complete copy won it)."""
    best: dict[int, tuple[int, int]] = {}  # slot -> (stray spaces, line)
    for i, copied in m.matches.items():
        slot = copied.slot
        if copied.rule != "exact" or not big[i] or m.holder.get(slot, slot) != slot:
            continue
        if slot not in best:
            best[slot] = (untidy(lines[slot]), slot)
        score = untidy(lines[i])
        if score < best[slot][0]:
            best[slot] = (score, i)
    for slot, (_, i) in best.items():
        if i != slot:
            m.holder[slot] = i
            m.tidier.add(slot)


#: A line whose first letter is lower case continues a sentence wrapped from the line above.
_CONTINUES = re.compile(r"^[^\w]*[a-zß-öø-ÿ]")
#: A line that ends a sentence, or a clause a heading or a list ends on.
_ENDS = re.compile(r"[.!?:;。！？：；\"'”’)\]*_`]\s*$")
#: A line that goes on with a sentence: it starts with a word in lower case (not a bullet
#: ``o``, a prompt ``$ hg``).
_GOES_ON = re.compile(r"[\"'“‘(]?(?:[a-zß-öø-ÿ]{2}|a )")
#: A line of a wrapped paragraph holds this many words at least (the next one, a few).
_WRAPPED_WORDS, _CONTINUED_WORDS = 6, 3


def _wrapped(
    lines: Sequence[str], linenos: Sequence[int], drops: dict[int, Change], m: Matching
) -> None:
    """Copies that are a line of a hard-wrapped paragraph (edits ``drops`` in place).

    A copy stays when a kept line right below continues its sentence (no blank line between,
    it starts with a word in lower case, the copy ends on no sentence's end), or when it
    continues a kept line right above, and the line it copies goes on (or began) otherwise:
    the paragraph only starts the same way as the other one (``**Diagnostics** go to stderr …
    (`-q` hides them),`` / ``one line per problem, …``), and dropping its line would cut the
    sentence. When the line it copies goes on the same way, the paragraph is doubled, and its
    short last line goes with it (``… and fun for the`` / ``month of September.``: a short
    line goes only inside a repeated block otherwise, and the caption is two lines).

    >>> a = "Diagnostics go to stderr in the form editors and CI annotators read,"
    >>> lines = [a, "then the next point is made.", "Other text.", a, "one line per problem."]
    >>> linenos, m = [1, 2, 4, 6, 7], Matching(matches={3: Match(0, "exact", 0)})
    >>> drops = {3: Change("duplicates", "exact", 6, "drop")}
    >>> _wrapped(lines, linenos, drops, m); drops
    {}
    >>> lines[1] = lines[4]
    >>> drops = {3: Change("duplicates", "exact", 6, "drop")}
    >>> _wrapped(lines, linenos, drops, m); sorted(drops), drops[4].detail
    ([3, 4], 'copy of line 2, the end of a wrapped paragraph')
    """
    last = len(lines) - 1

    def continued(above: int, below: int, words: int = _CONTINUED_WORDS) -> bool:
        return (
            0 <= above < below <= last
            and linenos[below] == linenos[above] + 1
            and not _ENDS.search(lines[above])
            and _GOES_ON.match(lines[below]) is not None
            and len(lines[above].split()) >= _WRAPPED_WORDS
            and len(lines[below].split()) >= words
        )

    def same(i: int, j: int) -> bool:
        return 0 <= j <= last and fold_key(lines[i]) == fold_key(lines[j])

    shown = set(m.holder) | set(m.holder.values())  # (lines a move takes or gives a place)
    spared, tails = [], []
    for i, change in drops.items():
        match = m.matches.get(i)
        if match is None or change.rule not in ("exact", "near", "contained"):
            continue
        o = match.origin
        if i + 1 not in drops and continued(i, i + 1, words=1):
            if same(i + 1, o + 1) and continued(o, o + 1, words=1) and i + 1 not in shown:
                tails.append((i + 1, o + 1))
                continue
            if len(lines[i + 1].split()) >= _CONTINUED_WORDS:
                spared.append(i)
                continue
        if i - 1 not in drops and continued(i - 1, i) and not same(i - 1, o - 1):
            spared.append(i)
    for i in spared:
        del drops[i]
    for i, o in tails:
        detail = f"copy of line {linenos[o]}, the end of a wrapped paragraph"
        drops[i] = Change(STAGE, "exact", linenos[i], "drop", detail=detail)


def _keeps(lines: list[str], gone: int, kept: int, rule: str = "contained") -> str | None:
    """Does the article's copy stay when line ``gone`` is contained in (``rule``), or a near
    copy of, line ``kept``? ``"distinct"`` when the two name different things
    (:func:`names_differ`). For a containment, ``"both"`` for a piece of a wrapped sentence (it starts in lower case: dropping it cuts
    the sentence in its paragraph): when unsure, keep. ``"item"`` for prose that a later
    list item repeats (a summary bullet quotes the lede): the bullet goes, the prose stays in
    its place. Prose after a list item that holds it (a gallery's captions, then the caption
    again) still goes (``None``).

    >>> _keeps(["of both companies announced it on Monday.", "The merger of both companies announced it on Monday."], 0, 1)
    'both'
    >>> _keeps(["Emirates finalized a deal on Monday.", "* Emirates finalized a deal on Monday, they said."], 0, 1)
    'item'
    >>> _keeps(["* Emirates finalized a deal on Monday, they said.", "Emirates finalized a deal on Monday."], 1, 0)
    """
    line = lines[gone]
    if names_differ(line, lines[kept]) or says_more(line, lines[kept]):
        return "distinct"
    if rule != "contained":
        return None
    if _CONTINUES.match(line):
        return "both"
    if gone < kept and is_list_item(lines[kept]) and not is_list_item(line):
        return "item"
    return None


#: Link targets and bare addresses: their letters name no one (``?id=WuB9Fl8nrzM``).
_ADDRESSES = re.compile(r"\]\([^)\s]*\)|(?:https?://|www\.)\S+")
#: A word of letters (no digits: figures have their own check, see :func:`.match.similar`).
_WORD = re.compile(r"[^\W\d_]{2,}")


def _words(line: str) -> list[str]:
    return _WORD.findall(_ADDRESSES.sub(" ", line))


def _names(words: list[str], common: set[str]) -> Counter[str]:
    """The capitalised ``words`` (names, titles, a sentence's first word), folded, but those
    written in lower case somewhere (``common``: ``The`` of ``the``)."""
    folded = (w.casefold() for w in words if w[0].isupper())
    return Counter(w for w in folded if w not in common)


def names_differ(line: str, other: str) -> bool:
    """Does ``line`` name something ``other`` does not, where ``other`` names something else:
    a capitalised word of its own that is no misspelling or variant of one of ``other``'s own
    capitalised words? Names are facts, as figures are: two
    sentences of a template (``Faces Places is currently streaming on Netflix``, ``Princess
    Cyd is currently streaming on Netflix``) are no copies of each other however alike.

    >>> names_differ("Faces Places is streaming on Netflix.", "Princess Cyd is streaming on Netflix.")
    True
    >>> names_differ("Jon Smith said on Monday it would.", "John Smith said on Monday that it would.")
    False
    >>> names_differ("Smith said it.", "John Smith, the mayor, said it on Monday.")
    False
    >>> names_differ("Photo: Khin Mg Win", "Photo: Khin Maung Win")
    False
    """
    mine_words, other_words = _words(line), _words(other)
    common = {w.casefold() for w in (*mine_words, *other_words) if w[0].islower()}
    ours, others = _names(mine_words, common), _names(other_words, common)
    mine, theirs = ours - others, list(others - ours)
    if not mine or not theirs:
        return False  # a word more or less (a title, a first word), not another name
    return any(all(not _variant(w, v) for v in theirs) for w in mine)


#: A word of its own: letters, no Han (a Han character is a word of its own, see says_more).
_LETTERS = re.compile(f"[^\\W\\d_{CJK}]{{3,}}")


def says_more(line: str, other: str) -> bool:
    """Does ``line`` say something ``other`` does not, so that dropping it as a copy of
    ``other`` loses words? A word of three letters or more that ``other`` lacks and that is no
    misspelling of one of ``other``'s words (a letter more, less, changed or two swapped), or
    two Han characters side by side that ``other`` lacks (script, width and case folded; one
    character alone may be a typo: 焦作/集作). A copy that only leaves words out, changes
    spacing or fixes a typo says nothing more.

    >>> says_more("A square matrix is Hermitian if and only if it is such that",
    ...           "A square matrix is Hermitian if and only if it is equal to its adjoint")
    True
    >>> says_more("The rescue was filmed Monday.", "The rescue was filmed on Monday, police said.")
    False
    >>> says_more("Tthe rescue was flimed on Monday.", "The rescue was filmed on Monday.")
    False
    >>> says_more("会议在北京召开，代表出席。", "會議在北京召開，代表們出席了。")
    False
    >>> says_more("会议在上海召开。", "会议在北京召开，代表们出席了。")
    True
    >>> says_more("集作市会议开幕，会期两天。", "焦作市会议开幕，会期三天，代表出席。")
    False
    """
    from rapidfuzz.distance import OSA

    mine, theirs = (fold_text(_ADDRESSES.sub(" ", t)) for t in (line, other))
    own = set(HAN_RE.findall(mine)).difference(HAN_RE.findall(theirs))
    if own and any(a in own and b in own for a, b in pairwise(mine)):
        return True
    words = set(_LETTERS.findall(theirs))
    return any(
        all(OSA.distance(w, v, score_cutoff=1) > 1 for v in words)
        for w in set(_LETTERS.findall(mine)).difference(words)
    )


def _variant(word: str, other: str) -> bool:
    """Are two folded words one name written two ways: a misspelling (``jon``, ``john``) or
    an abbreviation (``mg``, ``maung``: one's letters in the other's order, first letter alike)?"""
    from rapidfuzz.distance import Levenshtein

    if Levenshtein.normalized_similarity(word, other) >= _VARIANT:
        return True
    short, long_ = sorted((word, other), key=len)
    if short[0] != long_[0]:
        return False
    rest = iter(long_)
    return all(ch in rest for ch in short)


#: Two words at least this alike (Levenshtein, 0-1) are one name spelled two ways.
_VARIANT = 0.6


def _moves(state: _Lines, m: Matching, drops: dict[int, Change], order: list[int]) -> list[Change]:
    """Put each slot's most complete copy at the slot's first position (edits ``order``)."""
    linenos = state.linenos
    records = []
    for pos, h in sorted(m.holder.items()):
        if h == pos:
            continue
        order[pos] = h
        why = how(m.matches[h])
        more, less = (
            ("tidier", "less tidy") if pos in m.tidier else ("more-complete", "less-complete")
        )
        drops[h] = Change(
            STAGE,
            more,
            linenos[h],
            "move",
            detail=f"{more.replace('-', ' ')} copy of line {linenos[pos]} ({why}), moved to its place",
        )
        records.append(
            Change(
                STAGE,
                less.replace(" ", "-"),
                linenos[pos],
                "drop",
                detail=f"{less.replace('-', ' ')} copy of line {linenos[h]}, which took its place",
            )
        )
    return records


def duplicates(doc: Doc, config: Config) -> Doc:
    """Collapse copies until none are left (so running the stage again changes nothing).

    A second pass over the result can only find something new where a more complete copy
    took a slot in the first (its text now stands earlier and reads longer); otherwise every
    kept line would meet the same index, the same candidates and the same neighbours again.
    So a pass follows only a pass that moved a line. Each pass drops a line: this ends.
    """
    if len(doc.lines) < 2:
        return doc
    known: dict[str, bool] = {}
    long_ = partial(is_long, min_units=config.min_duplicate_units)
    state = _prepare(doc, config, Longness(doc.lines, long_, known))
    records: list[Change] = []
    again = True
    while again and (step := _collapse_once(state, config, known)) is not None:
        state, done, again = step
        records += done
    if not records:
        return doc
    return doc.evolve(state.lines, state.linenos, records)
