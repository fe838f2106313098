"""`plain` and `coloured` keep every promise of ui/markup.py for every hostile string."""

from __future__ import annotations

import re
import string

import pytest

from tests.hostile import HOSTILE_STRINGS
from ui.markup import WORD_JOINER, coloured, plain

EXTRA = (
    "",
    "two\nlines\r\n\r\nand\u2028more",
    "a trailing backslash \\",
    "WWW.EXAMPLE.ORG and Www.example.org",
    "mailto:a@b.c ftp://x.org",
    "already \\*escaped\\*",
    WORD_JOINER + "www" + WORD_JOINER + ".x",
)
TEXTS = HOSTILE_STRINGS + EXTRA

# An escape as CommonMark reads it: a backslash before ASCII punctuation stands for that character.
ESCAPED = re.compile(r"\\([" + re.escape(string.punctuation) + "])")
LINE_BREAKS = "\r\n\u2028\u2029\x0b\x0c\x85"
# What markdown could turn into something other than text once the escapes are read: GitHub's
# autolinks, Streamlit's emoji and icon shortcodes, and its colour and other directives.
LIVE_AFTER_ESCAPES = {
    "web address": re.compile(r"(?i)\b(?:https?|ftp)://|\bwww\.|\bmailto:\w"),
    "e-mail address": re.compile(r"[\w.+-]@[\w-]"),
    "shortcode": re.compile(r":[\w/+-]+:"),
    "directive": re.compile(r":[\w-]+\["),
}


def read_escapes(markdown: str) -> str:
    """The characters markdown shows for `markdown`'s backslash escapes."""
    return ESCAPED.sub(r"\1", markdown)


def one_line(text: str) -> str:
    """`text` with every run of line breaks made one space, as `plain` promises."""
    return re.sub(f"[{LINE_BREAKS}]+", " ", text)


@pytest.mark.parametrize("text", TEXTS)
def test_every_ascii_punctuation_mark_is_escaped(text):
    markdown = plain(text)
    unescaped = [char for char in ESCAPED.sub("", markdown) if char in string.punctuation]
    assert unescaped == [], f"{markdown!r} leaves {unescaped} unescaped"
    for char in "<>$[]()`*_~#!&\\:":
        assert char not in ESCAPED.sub("", markdown)


@pytest.mark.parametrize("text", TEXTS)
def test_reading_the_escapes_gives_back_the_text_on_one_line(text):
    markdown = plain(text)
    assert not set(LINE_BREAKS) & set(markdown)
    shown = read_escapes(markdown)
    # The only characters added are the invisible word joiners; hostile text holds none itself.
    assert shown.replace(WORD_JOINER, "") == one_line(text).replace(WORD_JOINER, "")
    if text in HOSTILE_STRINGS:
        assert WORD_JOINER not in text


@pytest.mark.parametrize("text", TEXTS)
def test_a_word_joiner_follows_every_colon_at_sign_and_www(text):
    shown = read_escapes(plain(text))
    for index, char in enumerate(shown):
        if char in ":@":
            assert shown[index + 1 : index + 2] == WORD_JOINER, (shown, index)
    for match in re.finditer("(?i)www", shown):
        if shown[match.end() :].lstrip(WORD_JOINER).startswith("."):
            assert shown[match.end()] == WORD_JOINER, shown


@pytest.mark.parametrize("text", TEXTS)
def test_nothing_live_is_left_once_markdown_reads_the_escapes(text):
    shown = read_escapes(plain(text))
    for name, pattern in LIVE_AFTER_ESCAPES.items():
        assert not pattern.search(shown), f"a {name} in {shown!r}"


def test_the_live_patterns_do_find_what_plain_would_leave_unescaped():
    """Without `plain` every one of them is found: the test above can fail."""
    raw = " ".join(HOSTILE_STRINGS)
    assert all(pattern.search(raw) for pattern in LIVE_AFTER_ESCAPES.values())


def test_anything_is_shown_as_its_text():
    assert plain(3.5) == "3\\.5"
    assert plain(None) == "None"


@pytest.mark.parametrize("text", TEXTS)
def test_coloured_text_cannot_close_its_directive_early(text):
    markdown = coloured(text, "blue")
    assert markdown.startswith(":blue[") and markdown.endswith("]")
    inside = markdown[len(":blue[") : -1]
    assert inside == plain(text)
    assert "]" not in ESCAPED.sub("", inside)
