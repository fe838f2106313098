"""Charts of the softmax page: probability bars, temperature curves, and the shifted-scores comparison."""

from __future__ import annotations

import math

import altair as alt
import pandas as pd

from charts import palette

HEIGHT = 280
# The stable series is the original's colour, lighter: the two agree, the eye should see one family.
# No lighter than 3:1 against a white background (WCAG's contrast for graphics).
LIGHTER = 0.75


def tint(colour: str, share: float) -> str:
    """`colour` ("#rrggbb") mixed with white, keeping `share` of the colour."""
    channels = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(255 - (255 - value) * share):02x}" for value in channels)


def sized(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """The lesson charts' size: their container's width, a fixed height (type sizes come from the theme)."""
    return chart.properties(width="container", height=HEIGHT)


def value_bars(
    classes: list[str], values: list[float], *, x_title: str, y_title: str, color: str, value_format: str
) -> alt.LayerChart:
    """One bar per class with its value written on it (negative values hang down); `color` is a palette colour."""
    data = pd.DataFrame({"class": classes, "value": values})
    data["label"] = [format(value, value_format) for value in values]
    base = alt.Chart(data).encode(
        x=alt.X("class:N", sort=None, title=x_title, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("value:Q", title=y_title),
    )
    bars = base.mark_bar(color=color, cornerRadius=2)
    labels = base.mark_text(fontSize=14, dy=alt.expr("datum.value < 0 ? 12 : -10")).encode(text="label:N")
    return sized(alt.layer(bars, labels))


def temperature_lines(
    temperatures: list[float],
    probabilities: list[list[float]],
    classes: list[str],
    current: float,
    *,
    x_title: str,
    y_title: str,
    class_title: str,
) -> alt.LayerChart:
    """Each class's probability as the temperature sweeps a log scale; a rule marks the current T."""
    rows = [
        {"temperature": temperature, "class": name, "probability": row[index]}
        for temperature, row in zip(temperatures, probabilities, strict=True)
        for index, name in enumerate(classes)
    ]
    lines = (
        alt.Chart(pd.DataFrame(rows))
        .mark_line(strokeWidth=3)
        .encode(
            x=alt.X("temperature:Q", title=x_title, scale=alt.Scale(type="log")),
            y=alt.Y("probability:Q", title=y_title, scale=alt.Scale(domain=[0, 1])),
            # Neighbouring classes get clearly different hues, and dash patterns too: the lines
            # cross, and a projector or a colour-vision deficiency can merge two hues.
            color=alt.Color(
                "class:N",
                sort=None,
                title=class_title,
                scale=alt.Scale(range=list(palette.CATEGORICAL)),
                legend=alt.Legend(orient="bottom"),
            ),
            strokeDash=alt.StrokeDash("class:N", sort=None, title=class_title),
            tooltip=[
                alt.Tooltip("class:N", title=class_title),
                alt.Tooltip("temperature:Q", title=x_title, format=".2f"),
                alt.Tooltip("probability:Q", title=y_title, format=".4f"),
            ],
        )
    )
    rule = (
        alt.Chart(pd.DataFrame({"temperature": [current]}))
        .mark_rule(color=palette.TEXT, strokeDash=[6, 4], strokeWidth=2)
        .encode(x="temperature:Q")
    )
    return sized(alt.layer(lines, rule))


def shift_bars(
    classes: list[str],
    series: dict[str, list[float]],
    *,
    x_title: str,
    y_title: str,
    series_title: str,
    missing_label: str,
) -> alt.LayerChart:
    """Grouped bars, one group per class and one bar per series; a value that is nan is written, not drawn."""
    rows = []
    for name, values in series.items():
        for index, value in enumerate(values):
            finite = not (math.isnan(value) or math.isinf(value))
            rows.append(
                {
                    "class": classes[index],
                    "series": name,
                    "value": value if finite else None,
                    "label": f"{value:.3f}" if finite else missing_label,
                    "label_y": value if finite else 0.0,
                }
            )
    data = pd.DataFrame(rows)
    order = list(series)
    x = alt.X("class:N", sort=None, title=x_title, axis=alt.Axis(labelAngle=0))
    offset = alt.XOffset("series:N", sort=order)
    color = alt.Color(
        "series:N",
        sort=order,
        title=series_title,
        scale=alt.Scale(
            domain=order, range=[palette.PRIMARY, tint(palette.PRIMARY, LIGHTER), palette.SECONDARY][: len(order)]
        ),
        # One entry per line: three long names side by side do not fit a phone-wide window.
        legend=alt.Legend(orient="bottom", direction="vertical", columns=1),
    )
    bars = alt.Chart(data).mark_bar().encode(x=x, xOffset=offset, y=alt.Y("value:Q", title=y_title), color=color)
    missing = (
        alt.Chart(data)
        .transform_filter("datum.value === null")
        .mark_text(fontSize=14, fontWeight="bold", dy=-10, color=palette.TEXT)
        .encode(x=x, xOffset=offset, y=alt.Y("label_y:Q"), text="label:N")
    )
    return sized(alt.layer(bars, missing))
