"""A legacy CJK page that a detector read whole in a Cyrillic code page.

Seen on a real page (cwce, a GBK forum page with two characters cut in two, which no CJK
codec reads strictly): it came as PT154 gibberish, ``ХвІҝҙуЦЖЧчЧоН»іцЦ®``, with no CJK
character left for the line readings to start from. Written back in that code page, the text
is the page's bytes again, and they read as Chinese. Cyrillic text that is Cyrillic stays.
"""

from __future__ import annotations

import pytest

from newsclean import Config, Doc, clean
from newsclean.stages import encoding
from newsclean.stages.encoding.wholepage import reread

_PAGE = {
    "gb18030": [
        "[搜狐首页](http://www.sohu.com) > [新闻中心](http://news.sohu.com)",
        "这部大制作最突出之处是首次在战争片中起用了大量群众演员，场面宏大。",
        "演员阵容除了汇集以往革命历史题材影片中熟悉的脸孔，还有不少新人。",
        "导演表示，影片将于明年春节期间在全国各大影院上映，敬请期待。",
    ],
    "cp950": [
        "這部大製作最突出之處是首次在戰爭片中起用了大量群眾演員，場面宏大。",
        "演員陣容除了匯集以往革命歷史題材影片中熟悉的臉孔，還有不少新人。",
    ],
    "cp932": [
        "県議会は今日、新しい予算案を可決しました。台風の接近に伴い、多くの便が欠航となった。",
        "この町では毎年秋に大きな祭りが開かれ、多くの観光客が訪れます。",
    ],
}


@pytest.mark.parametrize("codec", sorted(_PAGE))
@pytest.mark.parametrize("page", ["ptcp154", "koi8_r"])
def test_a_cjk_page_read_in_a_cyrillic_code_page_is_read_again(codec, page):
    lines = _PAGE[codec] * 3
    misread = [line.encode(codec).decode(page) for line in lines]
    assert reread(misread) is not None
    out = encoding(Doc.from_text("\n".join(misread)), Config())
    assert out.lines == tuple(lines)
    assert all(c.rule == "cjk-mojibake" and "the whole page" in c.detail for c in out.changes)


def test_a_page_with_a_cut_character_comes_back_with_the_loss_reported():
    lines = _PAGE["gb18030"] * 3
    data = "\n".join(lines).encode("gb18030")
    cut = data.index("首次".encode("gb18030")) + 1  # the second byte of 首 goes
    misread = (data[:cut] + data[cut + 1 :]).decode("ptcp154")
    result = clean(misread)
    assert "这部大制作最突出之处是" in result.text and "演员阵容除了汇集" in result.text
    assert "\ufffd" in result.text  # what was lost stays, and is said
    assert any(d.kind == "replacement-char" for d in result.diagnostics)
    assert clean(result.text).text == result.text


@pytest.mark.parametrize(
    "text",
    [
        "Правительство сегодня утвердило новый бюджет на следующий год. Депутаты обсудят его в четверг.",
        "Министерството на финансите представи проектобюджета за следващата година пред парламента.",
        "Үкімет бүгін келесі жылға арналған жаңа бюджетті бекітті. Депутаттар оны бейсенбіде талқылайды.",
        "Уряд сьогодні затвердив новий бюджет на наступний рік. Депутати обговорять його в четвер.",
    ],
)
def test_cyrillic_text_stays(text):
    assert reread([text] * 4) is None
    assert clean(text).text == text + "\n"


def test_a_page_that_opens_with_markup_is_judged_where_its_text_starts():
    """A feed's or a page's markup (ASCII, the same in every reading) can fill the first
    thousands of characters: the page is judged from its first Cyrillic character on."""
    head = (
        '<?xml version="1.0"?>\n'
        + '<link rel="alternate" href="https://example.com/a/b/c"/>\n' * 60
    )
    lines = [*head.splitlines(), *_PAGE["gb18030"] * 3]
    misread = [line.encode("gb18030").decode("ptcp154") for line in lines]
    found = reread(misread)
    assert found is not None and found[0] == lines
