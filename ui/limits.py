"""Size limits as a user reads them: translated, with the numbers found and allowed."""

from __future__ import annotations

import streamlit as st

from core.limits import LimitExceeded
from ui.text import t


def limit_text(item: LimitExceeded) -> str:
    """One limit that was broken, in the current language, numbers grouped in thousands."""
    return t(f"limit.{item.name}", found=f"{item.found:,}", limit=f"{item.limit:,}", row=item.row)


def show_refused(kind: str, exceeded: list[LimitExceeded]) -> None:
    """An upload or edit refused for its size: what broke which limit, and that nothing was lost."""
    lines = "\n".join(f"- {limit_text(item)}" for item in exceeded)
    st.error(t(f"limit.refused_{kind}") + "\n\n" + lines, icon=":material/block:")
    st.caption(t("limit.why"))
