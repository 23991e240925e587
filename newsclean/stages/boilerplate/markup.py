"""HTML a scraper left in the text: the markup of hidden elements (tracking pixels, ad slots).

A line that is only HTML tags, no text between them, goes when it shows an element that a
reader never sees: ``width="1" height="1"``, ``display:none``, ``position:absolute`` around
a pixel, ``visibility:hidden``, or one long tag (an ad server's URL with its query string).
A code sample in an article (``<div class="avatar">``, ``<img src="{{ path }}">``) is short
and shows none of these: it stays.

>>> is_hidden_markup('<img src="//pixel.example.com/p.gif?id=1" style="display: none;" border="0">')
True
>>> is_hidden_markup('<div class="avatar">'), is_hidden_markup("Use <b>bold</b> for names.")
(False, False)
"""

from __future__ import annotations

import re

from .markdown import flatten

#: An HTML tag (or a closing one) with its attributes.
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")
#: Attributes of an element no reader sees.
_HIDDEN = re.compile(
    r"""(?i)display\s*:\s*none|visibility\s*:\s*hidden|position\s*:\s*absolute"""
    r"""|\b(?:width|height)\s*=\s*["']?[01]["'\s/>]"""
)
#: An attribute holding a URL with a query string (an ad or a tracker).
_QUERY_URL = re.compile(r"""(?i)\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?//[^"'\s>]*\?""")
MARKUP_WHY = "HTML of a hidden element (a tracking pixel, an ad slot), no text"
#: Markup alone this long, holding such a URL, is an ad server's or a tracker's.
LONG_MARKUP = 150


def is_hidden_markup(line: str) -> bool:
    """Is the line HTML tags alone (no text between them, markdown images and empty links
    aside) showing a hidden element, or a long run of tags around a URL with a query string?

    >>> is_hidden_markup('![](/a.gif) <img id="px" src="/p/0.gif" width="1" height="1" alt="">')
    True
    """
    if "<" not in line:
        return False
    if "](" in line:  # markdown images and empty links beside it go with the markdown stage
        line = flatten(line).text
    if _TAG.sub("", line).strip():
        return False
    return bool(_HIDDEN.search(line)) or (
        len(line) >= LONG_MARKUP and bool(_QUERY_URL.search(line))
    )
