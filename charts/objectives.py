"""Charts of the objectives page: the right class's probability, the loss curve, and the pitfalls."""

from __future__ import annotations

import altair as alt
import pandas as pd

from charts import palette
from charts.softmax import sized


def target_bars(
    classes: list[str],
    probabilities: list[float],
    target: int,
    *,
    x_title: str,
    y_title: str,
    right_label: str,
    other_label: str,
) -> alt.LayerChart:
    """Softmax probabilities, the right class in green: the loss only looks at that bar."""
    data = pd.DataFrame(
        {
            "class": classes,
            "probability": probabilities,
            "role": [right_label if index == target else other_label for index in range(len(classes))],
            "label": [f"{p:.3f}" for p in probabilities],
        }
    )
    base = alt.Chart(data).encode(
        x=alt.X("class:N", sort=None, title=x_title, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("probability:Q", title=y_title, scale=alt.Scale(domain=[0, 1])),
    )
    bars = base.mark_bar(cornerRadius=2).encode(
        color=alt.Color(
            "role:N",
            title=None,
            scale=alt.Scale(domain=[right_label, other_label], range=[palette.RIGHT, palette.OTHER]),
            legend=alt.Legend(orient="bottom"),
        )
    )
    labels = base.mark_text(fontSize=14, dy=-10).encode(text="label:N")
    return sized(alt.layer(bars, labels))


def loss_curve(
    probabilities: list[float],
    losses: list[float],
    references: list[tuple[float, float, str]],
    current: tuple[float, float, str],
    *,
    x_title: str,
    y_title: str,
) -> alt.LayerChart:
    """-log p against p, with labelled reference points (p, loss, label) and the current example in red."""
    curve = (
        alt.Chart(pd.DataFrame({"p": probabilities, "loss": losses}))
        .mark_line(strokeWidth=3, color=palette.PRIMARY)
        .encode(
            x=alt.X("p:Q", title=x_title, scale=alt.Scale(domain=[0, 1])),
            y=alt.Y("loss:Q", title=y_title),
            tooltip=[
                alt.Tooltip("p:Q", title=x_title, format=".3f"),
                alt.Tooltip("loss:Q", title=y_title, format=".3f"),
            ],
        )
    )
    reference_data = pd.DataFrame(references, columns=["p", "loss", "label"])
    reference_points = (
        alt.Chart(reference_data).mark_point(size=70, filled=True, color=palette.MUTED_TEXT).encode(x="p:Q", y="loss:Q")
    )
    reference_labels = (
        alt.Chart(reference_data)
        .mark_text(fontSize=13, align="left", dx=8, dy=-6, color=palette.MUTED_TEXT)
        .encode(x="p:Q", y="loss:Q", text="label:N")
    )
    current_data = pd.DataFrame([current], columns=["p", "loss", "label"])
    current_point = (
        alt.Chart(current_data).mark_point(size=220, filled=True, color=palette.WRONG).encode(x="p:Q", y="loss:Q")
    )
    # Near the right edge the label would be cut off: write it to the left of the point there.
    right_side = current[0] > 0.6
    current_label = (
        alt.Chart(current_data)
        .mark_text(
            fontSize=15,
            fontWeight="bold",
            # The point is red; its words are in the text colour, readable on either theme.
            color=palette.TEXT,
            dy=-16,
            align="right" if right_side else "left",
            dx=-10 if right_side else 10,
        )
        .encode(x="p:Q", y="loss:Q", text="label:N")
    )
    return sized(alt.layer(curve, reference_points, reference_labels, current_point, current_label))


def pitfall_bars(
    examples: list[str],
    right: list[float],
    wrong: list[float],
    *,
    right_label: str,
    wrong_label: str,
    x_title: str,
    y_title: str,
    series_title: str,
) -> alt.LayerChart:
    """The loss of each example, computed right and computed the mistaken way, side by side."""
    rows = [
        {"example": name, "series": series, "loss": value, "label": f"{value:.3f}"}
        for series, values in ((right_label, right), (wrong_label, wrong))
        for name, value in zip(examples, values, strict=True)
    ]
    order = [right_label, wrong_label]
    base = alt.Chart(pd.DataFrame(rows)).encode(
        x=alt.X("example:N", sort=None, title=x_title, axis=alt.Axis(labelAngle=0)),
        xOffset=alt.XOffset("series:N", sort=order),
        y=alt.Y("loss:Q", title=y_title),
    )
    bars = base.mark_bar().encode(
        color=alt.Color(
            "series:N",
            sort=order,
            title=series_title,
            scale=alt.Scale(domain=order, range=[palette.RIGHT, palette.WRONG]),
            legend=alt.Legend(orient="bottom"),
        )
    )
    zero = alt.Chart(pd.DataFrame({"loss": [0.0]})).mark_rule(color=palette.TEXT).encode(y="loss:Q")
    return sized(alt.layer(bars, zero))
