"""The app's one Altair theme: type sizes readable on a projector, titles at the start, quiet frames,
and every text in a colour of the light or the dark theme that reaches 4.5:1 on it.

Registered and enabled when `charts` is imported, so every chart of every page gets it; chart
modules set only what is particular to one chart.
"""

from __future__ import annotations

import altair as alt

from charts.palette import MUTED_TEXT, TEXT

LABEL_SIZE = 13
TITLE_SIZE = 14
HEADING_SIZE = 16

# Streamlit's chart theme writes axis labels in a grey of 3.7:1 on white; these follow the theme.
_LABELS = {"labelColor": MUTED_TEXT, "titleColor": TEXT}


@alt.theme.register("building_blocks", enable=True)
def building_blocks() -> alt.theme.ThemeConfig:
    return {
        "config": {
            "axis": {
                "labelFontSize": LABEL_SIZE,
                "titleFontSize": TITLE_SIZE,
                "titlePadding": 8,
                "labelLimit": 180,
                **_LABELS,
            },
            "legend": {"labelFontSize": LABEL_SIZE, "titleFontSize": TITLE_SIZE, "labelLimit": 260, **_LABELS},
            "title": {"fontSize": HEADING_SIZE, "anchor": "start", "color": TEXT},
            "view": {"strokeWidth": 0},
            # Numbers and labels written on a chart, and reference rules, in the theme's text colour
            # (Streamlit would draw them in its first categorical colour, 3.8:1 on the dark theme).
            "text": {"color": TEXT},
            "rule": {"color": TEXT},
        }
    }
