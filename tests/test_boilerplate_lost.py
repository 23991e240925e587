"""Article text a page dump must not lose: each case fails with its rule off (issue 11, lost)."""

from __future__ import annotations

import pytest

from newsclean import clean
from newsclean.stages.boilerplate.notes import notes_list

from .test_boilerplate_page import _ARTICLE_EN

_ARTICLE = _ARTICLE_EN[:3]  # the same council story as the page-model tests
_MENU = [
    f"* [{name}](http://example.com/{i})"
    for i, name in enumerate(["Home", "Politics", "Business", "Sports", "Culture", "Opinion"] * 2)
]
_SEE_ALSO = [f"* [Another list of things number {i}](http://example.com/s{i})" for i in range(8)]


def _note(n: int, style: str) -> str:
    cite = f"Doe, Jane (2 May 20{n:02}). [Report number {n} on the budget](http://example.org/{n})"
    if style == "wiki":
        return f'{n}. **[^](http://example.com/wiki/Budget#cite_ref-{n} "Jump up")** {cite}'
    if style == "plain":
        return f"{n}. ^ {cite}"
    if style == "jump":
        return f"{n}. ^ [Jump up to: _**a**_](#cite_ref-{n}-0) {cite}"
    return f"{n}. {cite} [↩](#fnref:{n})"


def _page(notes: list[str]) -> str:
    return "\n".join(
        [
            *_MENU,
            "",
            "\n\n".join(_ARTICLE),
            "",
            "## See also",
            "",
            *_SEE_ALSO,
            "",
            *_MENU,
            "",
            "## References",
            "",
            "\n\n".join(notes),
            "",
            *_MENU,
        ]
    )


@pytest.mark.parametrize("style", ["wiki", "plain", "jump", "footnote"])
def test_an_articles_notes_far_below_it_stay(style):
    """A wiki's references (``^`` back links) or markdown footnotes (``↩``) are the article's
    sources, however many links they hold and however much furniture stands between."""
    notes = [_note(n, style) for n in range(1, 9)]
    out = clean(_page(notes)).text
    for n in range(1, 9):
        assert f"Report number {n} on the budget" in out
    assert "Another list of things" not in out  # the furniture between still goes


def test_a_ranking_of_linked_headlines_is_not_notes():
    ranking = [f"{n}. [Most read headline number {n}](http://example.com/m{n})" for n in (1, 2, 3)]
    assert notes_list(ranking) == []
    assert "Most read headline" not in clean(_page(ranking)).text


def test_notes_above_the_article_are_not_its_notes():
    """Only a list at or after the article's start is its notes."""
    notes = [_note(n, "wiki") for n in range(1, 4)]
    text = "\n".join([*_MENU, "", "\n\n".join(notes), "", "\n\n".join(_ARTICLE), "", *_MENU])
    assert "Report number 1" not in clean(text).text


def _dump(above: list[str], below: list[str] = []) -> str:  # noqa: B006 (read only)
    related = [f"* [Headline number {i} about something else](http://a.com/r{i})" for i in range(8)]
    furniture = ["Weather", "Traffic", "Horoscopes", "Puzzles", "Obituaries", "Classifieds"] * 2
    return "\n".join(
        [
            *_MENU,
            "",
            *furniture,
            "",
            "\n\n".join(above),
            "",
            "\n\n".join(_ARTICLE),
            "",
            *below,
            "",
            *related,
            "",
            *furniture,
        ]
    )


def test_the_title_above_the_lead_photo_stays():
    """Title, lead photo, text: the photo does not cut the title off from its article."""
    title = "## Favourite thing: the phone case of the season"
    out = clean(_dump([title, "![phone case](http://a.com/case.png)"])).text
    assert "Favourite thing: the phone case of the season" in out.splitlines()


@pytest.mark.parametrize("where", ["above", "below"])
def test_a_sentence_that_links_most_of_itself_beside_the_article_stays(where):
    line = "Oh, RiRi. [You truly are an icon of the season](http://a.com/icon)."
    out = clean(_dump([line]) if where == "above" else _dump([], [line])).text
    assert "Oh, RiRi. You truly are an icon of the season." in out.splitlines()


def test_a_link_with_no_words_of_its_own_beside_the_article_still_goes():
    line = "[You truly are an icon of the season](http://a.com/icon)."
    assert "icon of the season" not in clean(_dump([], [line])).text


def test_the_title_between_an_ad_and_the_lead_photo_stays():
    """Short between two boilerplate lines (below the header zone: a line of prose stands
    above it), the title the page model finds still goes only on its own evidence."""
    title = "## Favourite thing: the phone case"
    photo = "![phone case](http://a.com/case.png)"
    text = _dump(["The new issue is on sale now.", "ADVERTISEMENT", title, photo])
    assert "Favourite thing: the phone case" in clean(text).text.splitlines()


def test_a_quote_between_boilerplate_lines_stays():
    """A quoted exchange in the article, short line after short line, between a share
    widget and the site's menu: the quote marks say they are text."""
    quote = ["> **Makali wrote:**", ">", "> _Have you tried another player?_"]
    lines = [*_ARTICLE, "Share this article", *quote, "* Home", "* Politics", "* Business"]
    out = clean("\n".join(lines)).text
    assert "Makali wrote:" in out
    assert "Have you tried another player?" in out
    assert "Politics" not in out


@pytest.mark.parametrize(
    "item",
    ["  * <https://example.org/docs/{n}.html>", "  * https://example.org/docs/{n}.html"],
)
def test_a_list_of_addresses_after_the_article_stays(item):
    """``Sources & links`` and the addresses under it: where the article got what it says."""
    addresses = "\n".join(item.format(n=n) for n in range(1, 5))
    out = clean(_dump([], ["\n\n".join(["# Sources & links", addresses])])).text
    for n in range(1, 5):
        assert f"https://example.org/docs/{n}.html" in out


def test_a_list_of_links_with_words_after_the_article_still_goes():
    links = "\n".join(f"  * [Another story number {n}](https://example.org/{n})" for n in range(4))
    assert "Another story number" not in clean(_dump([], [links])).text


def test_text_between_elision_marks_stays() -> None:
    """``[...]`` cuts a program's output in a tutorial: it goes as debris, but the line of
    prose and the commands between two of them are no furniture's neighbours (rdb rmercurial:
    a line of prose between two went as boilerplate/neighbours)."""
    from newsclean import Config, Doc
    from newsclean.stages.boilerplate import boilerplate

    text = """Remember that these two folders would sit on two servers in practice, and each one
would need its own settings before you could go on with the rest of this guide.

To begin, let us make one public change in the first folder and send it out:

    $ cd first-folder
    $ echo 'a new file' > notes
    $ tool add notes
    $ tool send
    [...]
    sent 1 change with 1 file


and fetch that into the second folder:

    $ cd ../second-folder
    $ tool fetch
    [...]
    fetched 1 change with 1 file

Now both folders hold the same change, and the work can go on from the second one as planned.
"""
    out = [line.strip() for line in boilerplate(Doc.from_text(text), Config()).lines]
    assert "and fetch that into the second folder:" in out
    assert "$ cd ../second-folder" in out
    assert "sent 1 change with 1 file" in out
    assert "[...]" not in out


def test_title_above_a_byline_written_as_a_list_of_one_stays() -> None:
    """html2text writes an author list of one as ``1. Jane Doe``: the title search passes over
    it (rdb rcitylab-1's title went as outside-article in the plain dump)."""
    title = "Why the Old Harbour Lights Went Dark for Good"
    out = clean(_dump([title, "   1. Maria Lopez\n  1:39 PM ET"])).text
    assert title in out.splitlines()
