"""Clean text in six languages goes through the encoding stage unchanged and unreported.

The benchmark (bench/bench_encoding.py) runs the same check on 20,000+ lines from both sentence
pools; here a smaller sample keeps the suite fast.
"""

from __future__ import annotations

import unicodedata

import pytest

from bench import textgen
from newsclean import Config, Doc
from newsclean.stages import encoding
from newsclean.stages.encoding.tiers import build, tiers


def test_generated_clean_lines_are_unchanged():
    lines = textgen.clean_lines(textgen.TEST_POOL, 3000, seed=11)
    for start in range(0, len(lines), 50):
        doc = Doc.from_text("\n".join(lines[start : start + 50]))
        out = encoding(doc, Config())
        assert out.lines == doc.lines
        assert not [d for d in out.diagnostics if d.severity != "info"]


@pytest.mark.parametrize(
    "line",
    [
        # Traditional Chinese spaced character by character (old manuals and forums do it):
        # the spacing costs something, and cp1252 text read as GBK, undone, costs less for
        # the letters it makes of some Han (家 Ñe 的 電 Ô’); cp1252 holds no Han at all
        "家 裡 的 電 話",
        "請 先 確 認 舊 的 設 定 與 新 的 相 同 ， 這 樣 才 不 會 出 錯",
        "輸 入 帳 號 與 密 碼 後 按 確 定",
    ],
)
def test_spaced_traditional_chinese_is_unchanged(line):
    out = encoding(Doc.from_text(line), Config())
    assert out.lines == (line,)
    assert not [d for d in out.diagnostics if d.severity != "info"]


def test_rare_name_characters_are_kept():
    for line in ("董红倜、杨娅辉、宗家桢、闫小杏出席。", "倜傥的娅楠和桢琪见到了闫旭。"):
        assert encoding(Doc.from_text(line), Config()).lines == (line,)


def test_tier_data_matches_the_codecs():
    """newsclean/data/tiers.toml is what `python -m newsclean.stages.encoding.tiers` derives from the codecs."""
    assert tiers() == build()


def test_twin_byte_pairs_match_a_full_scan():
    """roundtrip.twins() scans only the lead bytes twins live at; a full scan finds the same."""
    from newsclean.stages.encoding.roundtrip import scan_twins, twins

    for codec in ("cp932", "cp950", "gb18030", "cp949", "euc_jp"):
        assert twins(codec) == scan_twins(codec, range(0x81, 0xFF))


def test_composition_blocked_by_a_control_character_happens_once():
    """The whitespace stage removes the NUL; the encoding stage composes as if it had."""
    from newsclean import clean

    for text in ("A\x00\u0300", "A\x00\u0340", "e\u200b\u0301"):
        once = clean(text).text
        assert clean(once).text == once


# Clean lines an earlier version misread: spaced Traditional headlines (a stray kana from
# GBK's kana rows made "GBK read as Big5" look cheaper: 大 中 小 → 大 い 小) and leaked
# pinyin, which once sent every line through all the readings and got it a warning.
SCRAPED_TRADITIONAL = [
    "首頁 > 新聞 > 本地新聞",
    "【字號 大 中 小】【打印】【關閉】",
    "前二季度 上海市交通運輸局按時落實職業技能培訓 總投資62.0億元",
    "7月23日 成都圖書館分批調整人才引進計劃 惠及羣衆17803人",
    "近日 全市各級學校首次落實跨境電商業務 惠及羣衆419378人",
    "在過(guò)去一年裏,省文化和旅遊廳按時(shí)修訂夜間經(jīng)濟,引起社會(huì )廣泛關(guān)注。"
    "從下月起,蘭州圖書館持續調整新的管理辦法,惠及羣衆218682人。此前,深圳人民醫院大力整治應急預案。"
    "上週,街道辦事處正在改造配套政策,涉及企業(yè)50家。",
    "版權所有 © 2023 焦作網 豫ICP備12036260號",
]


def test_scraped_traditional_page_is_unchanged():
    page = Doc.from_text("\n".join(SCRAPED_TRADITIONAL * 3))  # the page's header three times
    out = encoding(page, Config())
    assert out.lines == page.lines
    assert not [d for d in out.diagnostics if d.severity != "info"]


def test_a_line_the_checks_pass_over_is_in_nfc():
    """The stage composes only the lines it flags: no character it lets through alone can
    change under NFC, or combine with the character before it."""
    from newsclean.stages.encoding.flags import flagged_rows

    chars = [chr(c) for c in range(0x20, 0x10000) if not 0xD800 <= c < 0xE000]
    flagged = set(flagged_rows([f"中{ch}" for ch in chars]))
    for i, ch in enumerate(chars):
        if i not in flagged:
            assert unicodedata.combining(ch) == 0, repr(ch)
            for text in (ch, f"e{ch}", f"中{ch}", f"\u1100{ch}"):
                assert unicodedata.is_normalized("NFC", text), repr(text)


def test_private_use_glyphs_are_no_evidence_of_a_misreading():
    # a GBK page's user-defined characters and an icon font's glyphs stay (reported, not
    # "repaired"), and lines of correct text beside them are not re-read as Big5 either
    lines = [
        "**投身外交(3)\ue004**",
        "说像我这样的人还是在国内走走算了，……\ue004 1950年他们又来了。",
        "参见《色彩集》，第104页，三联书店2004年版。\ue009",
        "联系我们\ue004 关于我们\ue004 网站地图",
    ]
    doc = Doc.from_text("\n".join(lines))
    out = encoding(doc, Config())
    assert out.lines == doc.lines
    assert {d.kind for d in out.diagnostics} <= {"private-use"}


def test_korean_inside_chinese_is_not_read_as_gbk_misread_as_euc_kr():
    # Hangul reads as GBK bytes misread as EUC-KR (any CJK text reads in one CJK codec
    # misread as another); a page of Chinese quoting Korean names and titles must keep both
    # the hangul and the Chinese around it (年, 月, 日 are not 掖, 昱, 祉 misread).
    lines = [
        '2006年3月12日 | [来跳舞吧](/wiki/x "来跳舞吧")（朝鲜语：[춤추러와](https://ko.wikipedia'
        '.org/wiki/x "ko:춤추러와")） |  | 与[朴正洙](/wiki/y "朴正洙")、崔相烈、池英浩',
        '2011年3月15日 | [KBS](/wiki/KBS) | [新闻广场](/wiki/x "新闻广场")（朝鲜语：'
        '[뉴스광장](https://ko.example/wiki/x "ko:뉴스광장")） |  | 与李明、金美英',
        "原文名| 박지성",
        "2012年7月2日，于《音乐中心》演唱《우리의 노래（我们的歌）》正式出道。",
        "  3. 梦想(Feat. 박지성)",
        "此外，他考进大学作曲系，分别发表《사랑（爱）》、《기억（记忆）》。",
    ]
    doc = Doc.from_text("\n".join(lines))
    out = encoding(doc, Config())
    assert out.lines == doc.lines
    for line in lines:
        assert encoding(Doc.from_text(line), Config()).lines == (line,)
    # ...while Chinese that was GBK read as EUC-KR still comes back
    broken = "韩国男子组合发表新专辑。".encode("gbk").decode("cp949")
    assert encoding(Doc.from_text(broken), Config()).lines == ("韩国男子组合发表新专辑。",)


def test_one_han_character_among_latin_text_is_not_western_text_read_as_gbk():
    # 風 is what cp1252 "ïL" reads as in GBK; one CJK character among Latin letters (and
    # pinyin with tone marks) is no evidence of that misreading
    for line in ("風aب(fēng)(kill)(kill)", "風 is the wind (fēng), and so it stays here"):
        assert encoding(Doc.from_text(line), Config()).lines == (line,)
    # ...while a word with its accented letters read as GBK still comes back
    line = "Die Gewerkschaft fordert höhere Löhne"
    broken = line.encode("utf-8").decode("gb18030")
    assert encoding(Doc.from_text(broken), Config()).lines == (line,)


@pytest.mark.parametrize(
    ("correct", "run"),
    [
        ("今年的春节假期旅客人数创下新高", "春节假期旅客人数创下新"),
        ("本月的出口总额同比增长了三成", "出口总额同比增长了三"),
        ("今年的比赛结果令人意外", "比赛结果令人意"),
    ],
)
def test_a_reading_of_the_whole_line_does_not_take_its_correct_part(correct, run):
    # GBK read as EUC-KR in the middle of a line: read whole, the correct 今年的 and 成
    # would come back as 醒掖钴 and 圜 (common characters into rare ones); only the run is
    # undone
    broken = correct.replace(run, run.encode("gbk").decode("cp949"))
    assert encoding(Doc.from_text(broken), Config()).lines == (correct,)


@pytest.mark.parametrize(
    ("correct", "run"),
    [
        ("小さな子供たちが公園で楽しそうに遊んでいる。", "子供たちが公園で楽しそうに遊んでいる"),
        ("東京の天気は明日から崩れる見込みだ", "天気は明日から崩れる見込みだ"),
    ],
)
def test_japanese_before_a_run_is_not_read_as_shift_jis_misread_as_gbk(correct, run):
    # Shift-JIS read as GBK after correct Japanese: read whole, the correct 小さな and 東京の
    # would come back as halfwidth katakana (ﾐ｡､ｵ､ﾊ, 翻ｾｩ､ﾎ); only the run is undone
    broken = correct.replace(run, run.encode("cp932").decode("gb18030"))
    assert encoding(Doc.from_text(broken), Config()).lines == (correct,)
