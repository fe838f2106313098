"""User text made safe for st.markdown: every markdown and directive character escaped."""

from __future__ import annotations

import re

# Backslash-escaping any ASCII punctuation is valid markdown; these are the ones that mean
# something to Streamlit (emphasis, links, code, colour directives, emoji shortcodes, LaTeX).
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>$:&\"'=^])")


def escape_markdown(text: str) -> str:
    """`text` shown literally by st.markdown, never as formatting, links, HTML or LaTeX."""
    return _SPECIAL.sub(r"\\\1", str(text)).replace("\n", " ")


def coloured(text: str, colour: str) -> str:
    """Escaped `text` in one of Streamlit's markdown colours (blue, red, gray, ...)."""
    return f":{colour}[{escape_markdown(text)}]"
