"""The page model's precision rules on page dumps (issue 11): menus without links, section
headers that end the article, site notices, excerpts of other stories, hidden HTML — and the
article text each of them must leave alone."""

from __future__ import annotations

import pytest

from newsclean import clean
from newsclean.stages.boilerplate.content import line_class
from newsclean.stages.boilerplate.markup import is_hidden_markup
from newsclean.stages.boilerplate.page import notice_share

_ARTICLE = [
    "The city council voted on Monday to approve the new budget, which increases funding for\n"
    "public transport and schools after a long debate that lasted into the night.",
    "Council members said that the plan would be reviewed again in the spring, when the first\n"
    "figures for the year are known and the mayor has presented her report to the public.",
    "Residents who spoke at the meeting were divided, and several of them asked the council to\n"
    "publish the full list of projects that the money will pay for before the next session.",
    "The mayor said she was confident that the budget would help the city grow, and that the\n"
    "council would listen to everyone who had taken the time to come to the meeting.",
    "Work on the first projects is expected to begin in the summer, officials said, and the\n"
    "council will publish a progress report every three months until they are finished.",
]
#: A site's menus as a third party's html2text leaves them: list items, no links.
_MENU = "\n".join(
    f"  * {name}"
    for name in ["Home", "Politics", "Business", "Sports", "Culture", "Opinion", "Travel", "Video"]
)
_FOOTER = "\n".join(
    f"  * {name}" for name in ["About Us", "Contact", "Careers", "Advertise", "Site Map", "Help"]
)


def _dump(*paragraphs: str) -> str:
    """A page dump: paragraphs separated by blank lines."""
    return "\n\n".join(paragraphs) + "\n"


def _words(text: str) -> str:
    return " ".join(text.split())


def _kept(paragraph: str, output: str) -> bool:
    return _words(paragraph) in _words(output)


_SECTIONS = "\n".join(
    f"  * {name}" for name in ["World", "Science", "Health", "Weather", "Obituaries", "Events"]
)


def _page(*middle: str) -> str:
    return _dump(
        _MENU,
        "Sign In",
        "Subscribe",
        "# Council approves the new budget",
        *middle,
        _FOOTER,
        _SECTIONS,
    )


def test_menus_of_plain_list_items_around_the_article_go():
    out = clean(_page(*_ARTICLE)).text
    assert all(_kept(p, out) for p in _ARTICLE)
    assert "Council approves the new budget" in out
    left = {line.lstrip("* ") for line in out.splitlines()}
    assert not left & {"Politics", "Careers", "Site Map"}


def test_a_short_list_inside_the_article_stays():
    items = "  * Buses\n  * Schools\n  * Parks"
    out = clean(_page(*_ARTICLE[:3], items, *_ARTICLE[3:])).text
    assert all(_kept(p, out) for p in _ARTICLE)
    assert {"Buses", "Schools", "Parks"} <= {line.lstrip("* ") for line in out.splitlines()}


def test_the_title_above_a_share_menu_stays():
    share = "\n".join(f"  * {s}" for s in ["Facebook", "Twitter", "Email", "Reddit", "Print"])
    out = clean(_page(share, *_ARTICLE)).text
    assert "Council approves the new budget" in out


def test_a_related_stories_header_ends_the_article():
    related = "\n".join(
        f"  * Another story number {i} about the state of the roads" for i in range(6)
    )
    bio = (
        "Jane Doe is a reporter covering city hall, transport and the budget for the paper\n"
        "and has written about local politics for more than ten years in three cities."
    )
    out = clean(_page(*_ARTICLE, "## Related stories", related, "Jane Doe", bio)).text
    assert all(_kept(p, out) for p in _ARTICLE)
    assert "Another story number 3" not in out
    assert "Jane Doe is a reporter" not in out


def test_prose_right_after_an_inline_read_more_stays():
    last = "The next session of the council is planned for the first week of March."
    out = clean(_page(*_ARTICLE, "**Read more:** The budget in ten charts", last)).text
    assert all(_kept(p, out) for p in _ARTICLE)
    assert last in out


def test_a_site_notice_paragraph_goes_even_inside_the_article():
    # each line reads as prose, the notice starting inside one: no phrase family looks at it
    notice = (
        "Cookies help us. This website uses cookies to improve your experience on the site.\n"
        "Thank you."
    )
    out = clean(_page(*_ARTICLE[:3], notice, *_ARTICLE[3:])).text
    assert all(_kept(p, out) for p in _ARTICLE)
    assert "uses cookies" not in out


def test_an_article_about_cookies_is_not_a_notice():
    text = (
        "Regulators said on Tuesday that the site uses cookies to track its readers across the "
        "web, and that it had not asked for their consent before doing so."
    )
    assert notice_share(text) == 0.0
    assert round(notice_share("This website uses cookies to improve your experience. OK"), 1) > 0.5


def test_excerpts_of_other_stories_go():
    cards = [
        part
        for i in range(4)
        for part in (
            f"#####  Another story number {i} about the roads",
            f"November 1{i}, 2019 at 5:10 pm",
            "Officials said on Tuesday that the plan for the new bridge would be delayed until\n"
            f"the end of the year because of rising costs in district {i}, and that the work would...",
            "Read More",
        )
    ]
    out = clean(_page(*_ARTICLE, *cards)).text
    assert all(_kept(p, out) for p in _ARTICLE)
    assert "rising costs" not in out


def test_a_writers_ellipsis_among_prose_stays():
    trailing = [
        p.replace(" the", " the …", 1).rsplit(".", 1)[0] + " and so on …" for p in _ARTICLE[:3]
    ]
    out = clean(_page(trailing[0], _ARTICLE[0], trailing[1], _ARTICLE[1], trailing[2])).text
    assert all(_kept(p, out) for p in trailing)


@pytest.mark.parametrize(
    "line",
    [
        '<img src="//pixel.example.com/p.gif?id=12345" style="display: none;" border="0">',
        '<div style="position:absolute;"><img width=1 height=1 alt="" src="http://b.example.jp/b?P=x"></div>',
        '<iframe src="https://www.example.com/ns.html?id=GTM-1234" height="0" width="0"></iframe>',
    ],
)
def test_hidden_html_goes(line):
    assert is_hidden_markup(line)
    out = clean(_dump(*_ARTICLE[:2], line, *_ARTICLE[2:])).text
    assert "<" not in out
    assert all(_kept(p, out) for p in _ARTICLE)


@pytest.mark.parametrize(
    "line",
    [
        '<div class="avatar">',
        '<img src="{{ imagepath }}/trophy.png">',
        "</html>",
        "Use <b>bold</b>.",
    ],
)
def test_code_samples_are_not_hidden_html(line):
    assert not is_hidden_markup(line)


def test_us_dates_are_time_stamps():
    assert line_class("  * 11/20/2019 01:14 PM").cls == "bad"


def test_inscriptis_nested_bullets_can_be_a_menu():
    menu = "\n".join(
        f"          o {name}"
        for name in ["Subscribe", "Contact Us", "About Us", "Advertise With Us", "Privacy Notice"]
    )
    out = clean(_page(menu, *_ARTICLE, menu)).text
    assert all(_kept(p, out) for p in _ARTICLE)
    assert "Advertise With Us" not in out


def test_cards_with_the_time_stamp_above_the_standfirst_go():
    cards = [
        part
        for i in range(4)
        for part in (
            f"  * #####  Another story number {i} about the roads",
            f"November 1{i}, 2019 at 5:10 pm",
            f"Officials said on Tuesday that the plan for bridge number {i} would be delayed "
            "until the end of the year because of rising costs.",
            "Read More",
        )
    ]
    out = clean(_page(*_ARTICLE, "## More in City Hall", *cards)).text
    assert all(_kept(p, out) for p in _ARTICLE)
    assert "rising costs" not in out


def test_bylines_of_a_list_of_other_stories_go_the_articles_stays():
    cards = [
        part
        for i in range(4)
        for part in (
            f"Another story number {i} about the state of the roads",
            "  * By WIRE STAFF\n  * 11/2{i}/2019 01:14 PM",
        )
    ]
    out = clean(_page("By Jane Doe", *_ARTICLE, "## Latest news", *cards)).text
    assert all(_kept(p, out) for p in _ARTICLE)
    assert "By Jane Doe" in out
    assert "WIRE STAFF" not in out
