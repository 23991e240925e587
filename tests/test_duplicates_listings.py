"""A code listing shown again with a few lines changed keeps all its lines; a listing repeated
whole with the rest of a doubled body goes with it."""

from __future__ import annotations

import pytest

from newsclean import Config, Doc
from newsclean.stages import duplicates
from newsclean.stages.duplicates.listings import is_code

FIRST = [
    "$app->get('/iframe/{username}', function(Request $request, $username) use ($app) {",
    "// Check that the user in question exists",
    "if (!isset($app['datastore']['users'][$username])) {",
    "// No user with that username, throw a 404",
    '$app->abort(404, "User $username does not exist.");',
    "}",
    "// Get the user record",
    "$user = $app['datastore']['users'][$username];",
    "return $app['twig']->render('badge.twig', ['user' => $user]);",
    "});",
]
SECOND = [
    "$app->get('/js/{username}', function(Request $request, $username) use ($app) {",
    *FIRST[1:8],
    "// Build the HTML",
    "$html = $app['twig']->render('badge.twig', ['user' => $user]);",
    "return new Response('document.write(' . json_encode($html) . ');', 200);",
    "});",
]
PROSE = [
    "Now the corresponding route, which renders the badge into a page of its own so that it "
    "can be embedded in an iframe on any site that wants to show it.",
    "The JavaScript version is much the same: it renders the same template, but wraps the "
    "resulting HTML in a call that writes it into the page that loads the script.",
]
INTRO = (
    "In this tutorial we build a small badge service with Silex, a micro-framework for PHP "
    "that makes routes and templates easy to set up for a project of this size."
)


def _kept(lines: list[str]) -> list[str]:
    return list(duplicates(Doc.from_text("\n".join(lines)), Config()).lines)


def test_a_listing_shown_again_edited_keeps_every_line() -> None:
    page = [INTRO, PROSE[0], *FIRST, PROSE[1], *SECOND]
    assert _kept(page) == page


def test_a_listing_in_a_doubled_body_goes_with_it() -> None:
    body = [INTRO, PROSE[0], *FIRST, PROSE[1]]
    assert _kept(body + body) == body


def test_a_listing_repeated_right_after_itself_is_never_left_in_pieces() -> None:
    # Its short lines are no long copies, so the stage alone would take some and leave the
    # rest; the copy goes whole or stays whole (it stays: when unsure, keep).
    page = [INTRO, *FIRST, *FIRST, PROSE[1]]
    assert _kept(page) in (page, [INTRO, *FIRST, PROSE[1]])


def test_an_edited_listing_keeps_its_brackets_too() -> None:
    # A bracket alone on its line is no code by itself, but it is the listing's: where the
    # listing stays, so does the ``[`` its array opens with (it went as a repeated block's).
    call = ["return $app['twig']->render('badge.twig',", "[", "'user' => $user,", "]", ");"]
    first = [*FIRST[:8], *call, "});"]
    second = [*SECOND[:9], "$html = $app['twig']->render('badge.twig',", *call[1:], *SECOND[-2:]]
    page = [INTRO, PROSE[0], *first, PROSE[1], *second]
    assert _kept(page) == page


@pytest.mark.parametrize(
    "line",
    [
        "if (!isset($app['datastore']['users'][$username])) {",
        "// Get the user record",
        "});",
        "]",
        "$user = load($name);",
        "return render(user)",
        "def main() -> None:",
        "const total = items.reduce((a, b) => a + b, 0);",
        "#include <stdio.h>",
    ],
)
def test_code_lines(line: str) -> None:
    assert is_code(line)


@pytest.mark.parametrize(
    "line",
    [
        INTRO,
        PROSE[0],
        "He said the results, as expected, were good; the board agreed.",
        "Return to the homepage.",
        "For years the town relied on the mill; then it closed and the young people left.",
        "新华社北京1月4日电 记者从国家统计局获悉，去年全国粮食总产量再创新高。",
        "If you want to know more, read on.",
    ],
)
def test_prose_lines(line: str) -> None:
    assert not is_code(line)
