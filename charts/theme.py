"""The app's one Altair theme: type sizes readable on a projector, titles at the start, quiet frames.

Registered and enabled when `charts` is imported, so every chart of every page gets it; chart
modules set only what is particular to one chart.
"""

from __future__ import annotations

import altair as alt

LABEL_SIZE = 13
TITLE_SIZE = 14
HEADING_SIZE = 16


@alt.theme.register("building_blocks", enable=True)
def building_blocks() -> alt.theme.ThemeConfig:
    return {
        "config": {
            "axis": {"labelFontSize": LABEL_SIZE, "titleFontSize": TITLE_SIZE, "titlePadding": 8, "labelLimit": 180},
            "legend": {"labelFontSize": LABEL_SIZE, "titleFontSize": TITLE_SIZE, "labelLimit": 260},
            "title": {"fontSize": HEADING_SIZE, "anchor": "start"},
            "view": {"strokeWidth": 0},
        }
    }
