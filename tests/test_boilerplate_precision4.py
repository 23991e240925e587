"""More precision on page dumps (issue 11): the furniture classes the page model now tells from
the article — links around links, HTML tags with no text, a box's own section header, reply
buttons under comments, sign-up and comment forms, menus of hundreds of items, teaser cards with
bylines, galleries, cookie-consent notices, headlines as list items — and the article text each
of them must leave alone."""

from __future__ import annotations

import pytest

from newsclean import clean
from newsclean.stages.boilerplate import classify_line
from newsclean.stages.boilerplate.content import line_class
from newsclean.stages.boilerplate.markdown import flatten
from newsclean.stages.boilerplate.page import has_blank_lines

from .test_boilerplate_precision import _ARTICLE, _FOOTER, _MENU, _kept


def _page(*middle: str) -> str:
    """A page dump: menus, a title, ``middle``, a footer; paragraphs apart by blank lines."""
    parts = [_MENU, "Sign In", "Subscribe", "# Council approves the new budget", *middle, _FOOTER]
    return "\n\n".join(parts) + "\n"


def _article_kept(out: str) -> bool:
    return all(_kept(p, out) for p in _ARTICLE)


# --- links around links ------------------------------------------------------------------------


def test_a_link_around_a_link_is_link_text():
    """html2text writes a teaser box as ``[standfirst [More…](u)](u)``; the markdown stage reads
    the outer link too, so its text is link text (was counted as plain text)."""
    m = flatten("[Apple shipped security fixes for three systems today. [More…](/a.html)](/a.html)")
    assert m.text == "Apple shipped security fixes for three systems today. More…"
    assert m.link_chars >= len(m.text) - 1
    assert (
        line_class(
            "[Apple shipped security fixes for three systems on Wednesday, and the updates are "
            "available now for every supported device. [More…](/a.html)](/a.html)"
        ).cls
        == "bad"
    )


def test_links_side_by_side_count_once():
    m = flatten("Read [the report](a) and [the reply [PDF](p)](b) today.")
    assert m.text == "Read the report and the reply PDF today."
    assert m.link_chars == len("the report") + len("the reply PDF")


# --- HTML tags with no text --------------------------------------------------------------------


def test_a_line_of_html_tags_is_bad_evidence():
    line = (
        '<div><a href="http://ads.example.com/jump;sz=728x90;ord=1?" target="_blank">'
        '<img alt="" src="http://ads.example.com/ad;sz=728x90;ord=1?" /></a></div>'
    )
    assert line_class(line).cls == "bad"


@pytest.mark.parametrize(
    "line",
    [
        "@noksutagram <The Palace: Tale of Jang Noksu> is staged at the theatre every night.",
        "Use <b>bold</b> for the names of the people in the story that we have written here.",
    ],
)
def test_text_between_tags_or_in_angle_brackets_is_text(line):
    assert line_class(line).cls != "bad"


# --- a box's own section header ----------------------------------------------------------------

_TEASERS = [
    "  * Parking fees to rise in the city centre",
    "Drivers will pay more to park in the centre from next month, the council said in a\n"
    "statement that also listed the new zones and the hours in which the fees apply.",
    "  * New library opens its doors in the north",
    "The library has space for thirty thousand books and a room for children, and it will\n"
    "be open every day of the week from nine in the morning until eight in the evening.",
]
_COMMENTS = [
    "Great news for the city, and I hope that the buses will finally run on time now that\n"
    "there is money for them, because the last winter was a disaster for everyone here.",
    "I am not so sure about this budget, since the council has promised a lot of things\n"
    "before and most of them never happened, so we will see what they do this time.",
    "Does anyone know when the work on the bridge is going to start? The report said that\n"
    "it would be in the summer, but there is no date on the council's website yet.",
    "The schools in my area have been waiting for years for new buildings, and I think\n"
    "that this is the first time that the money is really there for them to be built.",
]


def test_a_box_header_ends_the_article_though_comments_follow():
    """``## Related articles`` on its own line, then teasers up to the next box's header: the
    prose in that box is little, so the article ends there, whatever prose the comments after
    it hold (before, the whole rest of the block was weighed)."""
    out = clean(_page(*_ARTICLE, "## Related articles", *_TEASERS, "## Comments", *_COMMENTS)).text
    assert _article_kept(out)
    assert "Parking fees to rise" not in out
    assert "New library opens" not in out


def test_an_inline_see_also_does_not_end_the_article():
    """``See also: …`` points out of the article from inside it: the article goes on."""
    more = [
        "In the second part of the session the council turned to housing, and members agreed\n"
        "that the city needs more flats for families and for older people who live alone.",
        "The housing plan will be put to a vote in the autumn, after the public has had a\n"
        "chance to comment on it at meetings that will be held in every part of the city.",
    ]
    out = clean(
        _page(*_ARTICLE, "See also: Housing in the city", "## Housing", *more, *_COMMENTS[:1])
    ).text
    assert _article_kept(out)
    assert all(_kept(p, out) for p in more)


# --- reply buttons under comments --------------------------------------------------------------


def test_comments_ending_in_reply_buttons_are_a_thread():
    thread = ["### There are 4 comments"]
    for n, comment in enumerate(_COMMENTS):
        thread += [
            f"[Reader {n}](https://example.com/u{n}) · [March 1{n}, 2017 at 1:2{n} AM](#c{n})",
            comment,
            f"  * [Reply](https://example.com/post?replytocom={n})",
        ]
    out = clean(_page(*_ARTICLE, *thread)).text
    assert _article_kept(out)
    assert not any(_kept(c, out) for c in _COMMENTS)


# --- sign-up and comment forms -----------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Get the latest headlines delivered straight to your inbox every morning of the week.",
        "Thanks for signing up! Look out for our newsletter in your inbox soon.",
        "You must be logged in to post a comment on this story or any other one on the site.",
        "By submitting your email address you agree to our terms of use and privacy policy.",
        "Notify me of new posts by email.",
        "Post was not sent - check your email addresses!",
        "Save my name, email, and website in this browser for the next time I comment.",
        "Notify me by email when a reply is posted to this thread.",
        "Please enable JavaScript to view the comments powered by our comment service.",
        "Community rules apply to all content you post on this site.",
        "You can unsubscribe at any time and we'll never share your email address.",
        "You must login to comment.",
        "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
        "Get every new story delivered to your inbox.",
        "No spam, we promise. You can unsubscribe at any time.",
    ],
)
def test_what_forms_say_goes_even_as_prose(line):
    verdict = classify_line(line)
    assert (verdict.label, verdict.rule) == ("boilerplate", "forms")


@pytest.mark.parametrize(
    "line",
    [
        "By submitting his resignation, the minister ended a crisis that had lasted for weeks.",
        "Sign up for the Disney+ bundle using the same email as your Hulu account.",
        "Thank you for coming, she told the crowd that had waited for hours in the rain.",
        "Notify me when the results come in, the candidate told her staff before the polls closed.",
        "The material may not be suitable for children, the board said in its ruling on Tuesday.",
        "The content of this page must not be confused with official advice, the agency warned.",
        "You must log in to the portal to see your results, the school said in a letter.",
        "No spam ever reached the inbox after the filter was installed, the company said.",
        "The content may not be published until the trial ends, the judge ruled on Monday.",
        "Community guidelines apply to all users of the platform, a spokesperson said today.",
        "Don't have an account? Create one at the county's website and follow the steps below.",
        "You can unsubscribe at any time by clicking the link at the bottom of each email.",
    ],
)
def test_sentences_that_open_like_forms_stay(line):
    assert classify_line(line).label != "boilerplate"


def test_a_sites_reproduction_notice_goes_even_as_a_sentence():
    line = (
        "The material on this website may not be copied, distributed or otherwise used, "
        "except with the prior written permission of Example Media."
    )
    assert classify_line(line).rule == "disclaimer"


# --- menus of hundreds of items ----------------------------------------------------------------


def test_list_items_do_not_count_against_blank_lines():
    lines = [*(f"  * Item {n}" for n in range(300)), "Text", "More text", "The end"]
    linenos = [*range(1, 301), 302, 304, 306]
    assert not has_blank_lines(linenos)
    assert has_blank_lines(linenos, lines)
    # newsclean's own output (no blank lines at all) stays out of the page model
    assert not has_blank_lines(list(range(1, 304)), lines)


def test_nested_bullets_of_a_plain_dump_do_not_count_against_blank_lines():
    # inscriptis and lynx write a third level of a list as "o": a portal's menus and archive
    # lists of hundreds of such items, no blank line between them, around a short article
    lines = [
        *(f"{'  * Section' if n % 10 == 0 else '      o Item'} {n}" for n in range(300)),
        "Text",
        "More text",
        "The end",
    ]
    linenos = [*range(1, 301), 302, 304, 306]
    assert has_blank_lines(linenos, lines)
    assert not has_blank_lines(list(range(1, 304)), lines)


def test_a_page_under_a_huge_nested_menu_reaches_the_page_model():
    menu = "\n".join(
        f"  * Secretaria {n}" if n % 8 == 0 else f"      o Conselho municipal {n}"
        for n in range(400)
    )
    archive = "\n".join(f"      o Junho ({n})" for n in range(2, 40))
    out = clean("\n".join([menu, archive]) + "\n\n" + "\n\n".join([*_ARTICLE, _FOOTER]) + "\n").text
    assert _article_kept(out)
    assert "Conselho municipal 7" not in out
    assert "Junho (12)" not in out


def test_a_page_with_a_huge_menu_reaches_the_page_model():
    menu = "\n".join(f"  * Department of things number {n}" for n in range(400))
    out = clean("\n\n".join([menu, *_ARTICLE, _FOOTER]) + "\n").text
    assert _article_kept(out)
    assert "Department of things number 7" not in out


# --- teaser cards with bylines, listed headlines -----------------------------------------------


def _cards(n: int) -> list[str]:
    cards = []
    for k in range(n):
        cards += [
            f"##### Story number {k} about something else entirely",
            f"Writer Number{k}",
            f"Tuesday November {k + 10}, 2019",
            "A standfirst of another story that reads like prose, with a few words about what\n"
            f"happened and why it matters to readers of the site on day {k}.",
        ]
    return cards


def test_teaser_cards_with_a_byline_between_headline_and_stamp_go():
    out = clean(_page(*_ARTICLE, "More from the site", *_cards(4))).text
    assert _article_kept(out)
    assert "A standfirst of another story" not in out


def test_a_heading_as_a_list_item_is_another_storys_headline():
    assert line_class("  * ### Council approves parking rules in the city").cls == "bad"
    assert line_class("### Council approves parking rules in the city").cls != "bad"
    assert line_class("  1. ### Council approves parking rules").cls != "bad"  # numbered: kept


# --- galleries ---------------------------------------------------------------------------------


def test_a_gallery_of_counted_slides_goes_and_the_article_around_it_stays():
    slides = []
    for k in range(1, 9):
        slides += [
            f"##  {k}/8 Headline of slide {k}",
            f"A caption for slide {k} that reads like a sentence of prose about a company and\n"
            "what it did last week, with figures that the reader may find interesting.",
            "Getty Images",
        ]
    out = clean(_page(*_ARTICLE[:3], "## Business in pictures", *slides, *_ARTICLE[3:])).text
    assert _article_kept(out)
    assert "A caption for slide" not in out


# --- cookie-consent notices --------------------------------------------------------------------


def test_a_cookie_consent_notice_goes_outside_the_article():
    notice = (
        "This website uses cookies to improve your experience while you navigate through the\n"
        "website. Out of these cookies, the cookies that are categorized as necessary are stored\n"
        "on your browser. We also use third-party cookies that help us analyze how you use this\n"
        "website. These cookies will be stored in your browser only with your consent."
    )
    out = clean(_page(*_ARTICLE, "Privacy Overview", notice)).text
    assert _article_kept(out)
    assert "third-party cookies" not in out


def test_an_article_about_cookies_keeps_its_paragraphs():
    about = [
        "Regulators said on Monday that cookies used to track readers across sites must be\n"
        "explained in plain words. Sites that set cookies without consent will be fined.",
        "Publishers said the rules on cookies were unclear, and that most readers click away\n"
        "the banners without reading them. The cookies debate will go on, they said.",
    ]
    out = clean(_page(*_ARTICLE[:2], *about, *_ARTICLE[2:])).text
    assert _article_kept(out)
    assert all(_kept(p, out) for p in about)


@pytest.mark.parametrize(
    "line",
    ["\\-- Compiled by Vickie Kavanagh", "\\- Compiled by the news desk", "\\* Share this story"],
)
def test_an_html2text_escaped_line_is_judged_as_the_markdown_stage_leaves_it(line: str) -> None:
    # Judged with its backslash, the line stayed on the first run and went on the second,
    # once the markdown stage had taken the backslash away: cleaning twice changed the text.
    article = "\n\n".join(_ARTICLE)
    escaped = clean(f"{article}\n\n{line}\n").text
    assert escaped == clean(f"{article}\n\n{line.replace(chr(92), '')}\n").text
    assert clean(escaped).text == escaped


# --- Korean and Japanese copyright notices -----------------------------------------------------

_KO = [
    "서울시는 내년부터 대중교통 요금을 단계적으로 조정하겠다고 오늘 발표했다.",
    "시 관계자는 시민들의 의견을 충분히 듣고 최종 방안을 마련할 계획이라고 말했다.",
]
_JA = [
    "市は来年度から公共交通の料金を段階的に見直すと発表した。",
    "市の担当者は、市民の意見を十分に聞いた上で最終案をまとめる方針だと述べた。",
]


@pytest.mark.parametrize(
    ("article", "notice"),
    [
        (_KO, "저작권자 ⓒ 서울일보, 무단전재 및 재배포 금지"),
        (_KO, "Copyright ⓒ Seoul Daily. 무단 전재-재배포 금지"),
        (_KO, "ⓒ 2019 서울일보"),
        (_JA, "記事の無断転載を禁じます。"),
        (_JA, "無断転載・複製を禁じます"),
        (_JA, "禁無断転載"),
    ],
)
def test_korean_and_japanese_copyright_notices_go(article, notice):
    """ⓒ (the circled letter) is how Korean sites write ©; 무단 전재 (unauthorized
    reproduction) and 無断転載 are their sites' notices, as 未经授权…转载 is a Chinese site's."""
    assert classify_line(notice).rule in ("copyright", "disclaimer")
    assert clean("\n".join([*article, notice])).text.splitlines() == article


@pytest.mark.parametrize(
    "line",
    [
        "경찰은 기사를 무단 전재한 업체를 조사하고 있다고 밝혔다. 이 업체는 지난해부터 기사를 복제해 왔다.",
        "同社は記事の無断転載を禁じると発表し、違反した場合は法的措置を取る方針を示した。",
        "무단 복제 프로그램 기승",  # headlines about unauthorized copies: short lines, no notice
        "無断転載で会社員を逮捕",
    ],
)
def test_sentences_about_reproduction_stay(line):
    assert classify_line(line).label != "boilerplate"


# --- Japanese and Korean sites' own headers, buttons and footers -------------------------------


@pytest.mark.parametrize(
    ("article", "line"),
    [
        (_JA, "関連記事をまとめた特集が、来月から順次公開される予定だという。"),
        (_JA, "会員同士で写真を共有する機能も追加された。"),
        (_KO, "경찰 관련 기사가 쏟아지자 시는 해명 자료를 냈다."),
        (_KO, "이 신문의 발행인은 지난해 은퇴했다."),
    ],
)
def test_japanese_and_korean_sentences_with_those_words_stay(article, line):
    assert classify_line(line).label != "boilerplate"
    lines = [article[0], line, article[1]]
    assert clean("\n".join(lines)).text.splitlines() == lines


@pytest.mark.parametrize(
    "line",
    [
        "Share this information, please?",
        "Shares rose 3% on Monday",
        "Share with friends and family the joy of the season",
    ],
)
def test_lines_that_open_with_share_stay(line):
    assert classify_line(line).label != "boilerplate"


# --- a site's own buttons, prompts and headers, by family --------------------------------------
# (widgets, login and sign-up prompts; sharing buttons in any wording and "read also" links in
# other languages; Japanese and Korean sites' headers, buttons and footers)


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("View/Post Comments", "comments"),
        ("Load Comments", "comments"),
        ("Sign Up for e-mail newsletters", "newsletter"),
        ("Replay", "media"),
        ("Don't have an account? Create one in a minute.", "newsletter"),
        ("Forgot your password?", "newsletter"),
        ("Forgot your username or password?", "newsletter"),
        ("You can unsubscribe at any time.", "newsletter"),
        ("関連記事", "related"),
        ("【おすすめ記事】", "related"),
        ("続きを読む", "related"),
        ("* ツイート", "share"),
        ("シェアする", "share"),
        ("スポンサーリンク", "ads"),
        ("現在JavaScriptが無効になっています。設定を有効にしてください。", "disclaimer"),
        ("관련기사", "related"),
        ("서울일보 많이 본 뉴스", "related"),
        ("뒤로가기 인쇄하기 목록", "share"),
        ("기사입력 : 2019-03-01 10:00", "credit"),
        ("입력 2019.03.01 10:00", "credit"),
        ("[ 발행인 : 홍길동 ] [ 청소년보호책임자 : 김철수 ]", "filing"),
        ("Seoul Daily. All right reserved.", "copyright"),
        ("* Share on Tumblr", "share"),
        ("Share by email", "share"),
        ("Share this on WhatsApp", "share"),
        ("Share This Video", "share"),
        ("Share on: Facebook Twitter Reddit", "share"),
        ("Compartilhe", "share"),
        ("Teilen", "share"),
        ("Leia Mais", "related"),
        ("Lire aussi : Le gouvernement présente son budget", "related"),
        ("Baca juga: Harga minyak naik lagi", "related"),
    ],
)
def test_a_sites_own_line_goes_as_its_family(line, rule):
    assert classify_line(line).rule == rule
