"""Charts of a room's board: everyone's loss curves overlaid, and the spread of test accuracy.

Drawn for a projector: larger type than the lesson charts, thick lines, big points. Nicknames are
chart data (Vega draws them as text, never as markup). `texts` holds translated titles; charts
never translate.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import altair as alt
import pandas as pd

from charts import palette
from core.classroom import Entry

LABEL_SIZE = 16
TITLE_SIZE = 17
HEIGHT = 360
MAX_LEGEND = 12  # more runs than this: no legend (it would fill the screen), the tooltip names each
# Dash patterns, one per run in turn beside the colours. Five patterns against eight colours: the
# pair (colour, dash) repeats only after forty runs, more than a room.
DASHES: tuple[tuple[int, ...], ...] = ((1, 0), (12, 5), (3, 4), (12, 4, 3, 4), (7, 7))


def _text(texts: Mapping[str, str], key: str) -> str:
    return str(texts.get(key, key))


def run_name(entry: Entry) -> str:
    """How a run is named on the board: the nickname and the run's number (a nickname may submit several)."""
    return f"{entry.nickname} #{entry.id}"


def _projector(chart: alt.Chart) -> alt.Chart:
    return (
        chart.configure_axis(labelFontSize=LABEL_SIZE, titleFontSize=TITLE_SIZE)
        .configure_legend(labelFontSize=LABEL_SIZE, titleFontSize=TITLE_SIZE, orient="bottom", columns=3)
        .configure_title(fontSize=TITLE_SIZE + 2)
    )


def curves_frame(entries: Sequence[Entry]) -> pd.DataFrame:
    """One row per point of each run's loss curve, at the epoch it stands for.

    A curve holds the loss before training and after each epoch, downsampled evenly to at most
    a few hundred points keeping the first and last: point i of n is epoch i * epochs / (n - 1).
    """
    records = []
    for entry in entries:
        points = len(entry.curve)
        for index, loss in enumerate(entry.curve):
            epoch = index * entry.epochs / (points - 1) if points > 1 else entry.epochs
            records.append((run_name(entry), entry.nickname, entry.id, epoch, float(loss)))
    return pd.DataFrame.from_records(records, columns=["run", "nickname", "id", "epoch", "loss"])


def loss_curves_chart(entries: Sequence[Entry], texts: dict) -> alt.Chart:
    """Each run's training loss per epoch, one line a run, in the order given (best first).

    Colour is never the only cue: each run also has its own dash pattern, shown in the legend, and
    the tooltip names the run. (Names written at the ends of the lines would overlap: a room's
    curves converge to the same loss.) `texts` keys: epoch, loss, run, title (optional).
    """
    frame = curves_frame(entries)
    order = list(dict.fromkeys(frame["run"]))
    legend = alt.Legend(symbolStrokeWidth=3, symbolSize=400) if len(order) <= MAX_LEGEND else None
    run = {"field": "run", "type": "nominal", "sort": order, "title": _text(texts, "run")}
    lines = (
        alt.Chart(frame)
        .mark_line(strokeWidth=3)
        .encode(
            x=alt.X("epoch:Q", title=_text(texts, "epoch"), axis=alt.Axis(tickMinStep=1)),
            y=alt.Y("loss:Q", title=_text(texts, "loss"), scale=alt.Scale(zero=True)),
            color=alt.Color(**run, scale=alt.Scale(range=list(palette.CATEGORICAL)), legend=legend),
            strokeDash=alt.StrokeDash(**run, scale=alt.Scale(range=[list(dash) for dash in DASHES]), legend=legend),
            detail="id:N",
            tooltip=[
                alt.Tooltip("run:N", title=_text(texts, "run")),
                alt.Tooltip("epoch:Q", title=_text(texts, "epoch"), format=".0f"),
                alt.Tooltip("loss:Q", title=_text(texts, "loss"), format=".4f"),
            ],
        )
    )
    chart = lines.properties(width="container", height=HEIGHT)
    if texts.get("title"):
        chart = chart.properties(title=alt.Title(texts["title"]))
    return _projector(chart)


def spread_frame(entries: Sequence[Entry]) -> pd.DataFrame:
    """Runs with a test accuracy, each with a small fixed vertical offset so equal values stay visible.

    The offset comes from the run's number, not a random draw: a board redrawn every few seconds
    must not jiggle.
    """
    records = [
        (run_name(entry), float(entry.test_accuracy), ((entry.id * 7) % 11 - 5) / 5, entry.met_challenge)
        for entry in entries
        if entry.test_accuracy is not None
    ]
    return pd.DataFrame.from_records(records, columns=["run", "accuracy", "offset", "met"])


def accuracy_spread_chart(entries: Sequence[Entry], target: float | None, texts: dict) -> alt.Chart:
    """Test accuracy of every run as a dot over a box from the worst to the best, with the challenge's target.

    `texts` keys: accuracy, run, target, title (optional).
    """
    frame = spread_frame(entries)
    x = alt.X(
        "accuracy:Q",
        title=_text(texts, "accuracy"),
        scale=alt.Scale(domain=[0, 1], padding=14),  # a dot at 100% is drawn whole
        axis=alt.Axis(format="%", tickCount=5),
    )
    box = (
        alt.Chart(frame)
        .mark_boxplot(extent="min-max", size=70, color=palette.BANDS[4], median={"color": palette.INK})
        .encode(x=x)
    )
    dots = (
        alt.Chart(frame)
        .mark_circle(size=180, opacity=0.85, color=palette.PRIMARY, stroke="white", strokeWidth=1)
        .encode(
            x=x,
            y=alt.Y("offset:Q", axis=None, title=None, scale=alt.Scale(domain=[-1.6, 1.6])),
            tooltip=[
                alt.Tooltip("run:N", title=_text(texts, "run")),
                alt.Tooltip("accuracy:Q", title=_text(texts, "accuracy"), format=".1%"),
            ],
        )
    )
    layers = [box, dots]
    if target is not None:
        rule = (
            alt.Chart(pd.DataFrame({"target": [target], "name": [_text(texts, "target")]}))
            .mark_rule(color=palette.SECONDARY, strokeWidth=3, strokeDash=[8, 4])
            .encode(x="target:Q", tooltip=[alt.Tooltip("target:Q", title=_text(texts, "target"), format=".0%")])
        )
        layers.append(rule)
    chart = alt.layer(*layers).properties(width="container", height=HEIGHT * 2 // 3)
    if texts.get("title"):
        chart = chart.properties(title=alt.Title(texts["title"]))
    return _projector(chart)
