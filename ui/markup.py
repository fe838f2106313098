"""The one rule for user text inside formatted text: escape it, so it shows literally.

Streamlit renders markdown, colour directives, emoji shortcodes and `$...$` as KaTeX in
st.markdown, captions, metrics, alerts, widget labels, tab and expander titles and help
texts. Anything a user typed or uploaded (corpus text, labels, words, sentences, file names,
nicknames, addresses) goes into such places only through `plain`.
"""

from __future__ import annotations

import re
import string

# Backslash-escaping any ASCII punctuation is valid markdown (CommonMark 2.4), so escaping all
# of it leaves nothing that could start a link, an image, emphasis, a directive, an autolink
# (':' '/' '.' '@'), an HTML tag or entity ('<' '&'), or LaTeX ('$' '\').
_PUNCTUATION = re.compile("([" + re.escape(string.punctuation) + "])")
# Line breaks would start new blocks (headings, lists, quotes) after the escaped text.
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\x0b\x0c\x85]+")
# GitHub-flavoured autolinks (https://..., mailto:..., www...., a@b.c) are found in the parsed
# text, after escapes are gone, so escaping cannot stop them. An invisible word joiner after
# every ':' and '@' and after "www" breaks those patterns while the text reads the same.
WORD_JOINER = "\u2060"
_AUTOLINK_PARTS = re.compile(r"(?<=[:@])|(?i:(?<=www))(?=\.)")


def plain(text: object) -> str:
    """`text` shown literally by Streamlit's markdown: never formatting, links, HTML or LaTeX."""
    unlinked = _AUTOLINK_PARTS.sub(WORD_JOINER, _LINE_BREAKS.sub(" ", str(text)))
    return _PUNCTUATION.sub(r"\\\1", unlinked)


def coloured(text: object, colour: str) -> str:
    """Escaped `text` in one of Streamlit's markdown colours (blue, red, gray, ...)."""
    return f":{colour}[{plain(text)}]"


def column_names(labels: list[str], taken: list[str]) -> list[str]:
    """Table column names for user labels that never clash with the table's own columns.

    A label called "Word" beside a "Word" column would make two columns of one name; such a
    label gets a trailing marker instead, so every label keeps a column of its own.
    """
    used = set(taken)
    names = []
    for label in labels:
        name = label
        while name in used:
            name += "\u00a0*"
        used.add(name)
        names.append(name)
    return names
