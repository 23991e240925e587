"""Clean text in six languages goes through the encoding stage unchanged and unreported.

The benchmark (bench/bench_encoding.py) runs the same check on 20,000+ lines from both sentence
pools; here a smaller sample keeps the suite fast.
"""

from __future__ import annotations

from bench import textgen
from newsclean import Config, Doc
from newsclean.stages import encoding
from newsclean.tiers import build, tiers


def test_generated_clean_lines_are_unchanged():
    lines = textgen.clean_lines(textgen.TEST_POOL, 3000, seed=11)
    for start in range(0, len(lines), 50):
        doc = Doc.from_text("\n".join(lines[start : start + 50]))
        out = encoding(doc, Config())
        assert out.lines == doc.lines
        assert not [d for d in out.diagnostics if d.severity != "info"]


def test_rare_name_characters_are_kept():
    for line in ("董红倜、杨娅辉、宗家桢、闫小杏出席。", "倜傥的娅楠和桢琪见到了闫旭。"):
        assert encoding(Doc.from_text(line), Config()).lines == (line,)


def test_tier_data_matches_the_codecs():
    """newsclean/data/tiers.toml is what `python -m newsclean.tiers` derives from the codecs."""
    assert tiers() == build()


def test_twin_byte_pairs_match_a_full_scan():
    """roundtrip.twins() scans only the lead bytes twins live at; a full scan finds the same."""
    from newsclean.roundtrip import scan_twins, twins

    for codec in ("cp932", "cp950", "gb18030", "cp949", "euc_jp"):
        assert twins(codec) == scan_twins(codec, range(0x81, 0xFF))


def test_composition_blocked_by_a_control_character_happens_once():
    """The whitespace stage removes the NUL; the encoding stage composes as if it had."""
    from newsclean import clean

    for text in ("A\x00\u0300", "A\x00\u0340", "e\u200b\u0301"):
        once = clean(text).text
        assert clean(once).text == once
