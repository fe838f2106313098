"""Charts of the bag-of-words classifier studio: weight heatmap, training curves, confusion matrix.

Every builder takes `texts`, a dict of already-translated titles (the keys each one reads are
listed in its docstring; a missing key falls back to the key itself). Charts never translate.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import altair as alt
import pandas as pd
import torch

from charts import palette
from core.training import METRICS, EpochRecord

ROW_STEP = 18  # pixels per word row of the heatmap: readable on a projector
# Up to this many labels a cell is wide enough for its signed value, down to a phone's width;
# beyond it the numbers are in the table under the heatmap.
NUMBERS_UP_TO_LABELS = 4


def _text(texts: Mapping[str, str], key: str) -> str:
    return str(texts.get(key, key))


def _finish(chart: alt.Chart, texts: Mapping[str, str]) -> alt.Chart:
    if texts.get("title"):
        chart = chart.properties(title=alt.Title(texts["title"]))
    # Legends below the plot, wrapped in rows of three, stay whole in a narrow window.
    return chart.configure_legend(orient="bottom", columns=3)


def _cpu(tensor) -> torch.Tensor:
    return torch.as_tensor(tensor).detach().cpu().to(torch.float64)


def heatmap_frame(
    weight: torch.Tensor,
    bias: torch.Tensor,
    vocab: Sequence[str],
    labels: Sequence[str],
    counts: Mapping[str, int],
    order: Sequence[int],
    bias_name: str,
) -> pd.DataFrame:
    """Long-form rows (word, label, weight, count, position) for the words in `order`, then the bias."""
    weight, bias = _cpu(weight), _cpu(bias)
    vocab, labels = list(vocab), list(labels)
    if tuple(weight.shape) != (len(labels), len(vocab)) or tuple(bias.shape) != (len(labels),):
        raise ValueError(
            f"weight {tuple(weight.shape)} and bias {tuple(bias.shape)} do not fit "
            f"{len(labels)} labels and {len(vocab)} words"
        )
    if any(not 0 <= i < len(vocab) for i in order):
        raise ValueError(f"order holds a word index outside 0..{len(vocab) - 1}")
    words = [vocab[i] for i in order]
    # Words never contain whitespace, so a trailing space keeps the bias row's name unique.
    while bias_name in words:
        bias_name += " "
    records = []
    for position, i in enumerate(order):
        for label_ix, label in enumerate(labels):
            records.append((vocab[i], i, label, float(weight[label_ix, i]), int(counts.get(vocab[i], 0)), position))
    for label_ix, label in enumerate(labels):
        records.append((bias_name, -1, label, float(bias[label_ix]), None, len(words)))
    return pd.DataFrame.from_records(records, columns=["word", "index", "label", "weight", "count", "position"])


def weight_heatmap(
    weight: torch.Tensor,
    bias: torch.Tensor,
    vocab: Sequence[str],
    labels: Sequence[str],
    counts: Mapping[str, int],
    order: list[int],
    title_texts: dict,
) -> alt.Chart:
    """Weight per (word, label) as coloured cells, words down in `order`, the bias as the last row.

    The colour scale diverges around zero; with few labels each cell also shows its signed value.
    `title_texts` keys: word, label, weight, count, bias (the bias row's name), and optionally title.
    """
    texts = title_texts
    frame = heatmap_frame(weight, bias, vocab, labels, counts, order, _text(texts, "bias"))
    y_order = list(dict.fromkeys(frame["word"]))
    limit = float(frame["weight"].abs().max()) if len(frame) else 1.0
    limit = limit if limit > 0 else 1.0
    position = {
        "x": alt.X(
            "label:N",
            title=_text(texts, "label"),
            sort=list(labels),
            axis=alt.Axis(labelAngle=-35, orient="top", labelOverlap=False),
        ),
        "y": alt.Y(
            "word:N",
            title=_text(texts, "word"),
            sort=y_order,
            # Every word must show: hiding "overlapping" labels would drop every other row.
            axis=alt.Axis(labelOverlap=False, labelLimit=180),
        ),
        "tooltip": [
            alt.Tooltip("word:N", title=_text(texts, "word")),
            alt.Tooltip("label:N", title=_text(texts, "label")),
            alt.Tooltip("weight:Q", title=_text(texts, "weight"), format=".6f"),
            alt.Tooltip("count:Q", title=_text(texts, "count")),
        ],
    }
    cells = (
        alt.Chart()
        .mark_rect(stroke=palette.GAP, strokeWidth=1)
        .encode(
            color=alt.Color(
                "weight:Q",
                title=_text(texts, "weight"),
                scale=alt.Scale(scheme=palette.DIVERGING_SCHEME, domainMid=0, domain=[-limit, limit]),
            ),
        )
    )
    layers = [cells]
    if len(labels) <= NUMBERS_UP_TO_LABELS:
        # The signed value written in each cell: the sign and size read without telling colours apart.
        layers.append(
            alt.Chart()
            .mark_text(fontSize=11)
            .encode(
                text=alt.Text("weight:Q", format="+.2f"),
                color=palette.on_diverging("weight", limit),
            )
        )
    chart = alt.layer(*layers, data=frame).encode(**position)
    return _finish(chart.properties(width="container", height=alt.Step(ROW_STEP)), texts)


def _history_frame(history: Sequence[EpochRecord], metric: str, texts: Mapping[str, str]) -> pd.DataFrame:
    records = []
    for record in history:
        for split in ("train", "test"):
            value = getattr(record, f"{split}_{metric}")
            if value is not None:
                records.append((record.epoch, _text(texts, split), float(value)))
    return pd.DataFrame.from_records(records, columns=["epoch", "series", "value"])


def _curves(
    frame: pd.DataFrame,
    y_title: str,
    texts: Mapping[str, str],
    color_field: str,
    legend_title: str,
    y_scale: alt.Scale | None = None,
    y_format: str | None = None,
) -> alt.Chart:
    points = frame["epoch"].nunique() <= 40
    y_axis = alt.Axis(format=y_format) if y_format else alt.Axis()
    # Legend entries in the order the series first appear (train before test, runs as given).
    order = list(dict.fromkeys(frame[color_field]))
    chart = (
        alt.Chart(frame)
        .mark_line(point=points, strokeWidth=2.5)
        .encode(
            x=alt.X("epoch:Q", title=_text(texts, "epoch"), axis=alt.Axis(tickMinStep=1)),
            y=alt.Y("value:Q", title=y_title, scale=y_scale or alt.Scale(zero=False), axis=y_axis),
            color=alt.Color(f"{color_field}:N", title=legend_title, sort=order),
            # A dash pattern per series as well (train solid, test dashed): lines drawn together
            # differ without telling colours apart, on a projector too.
            strokeDash=alt.StrokeDash(f"{color_field}:N", title=legend_title, sort=order),
            tooltip=[
                alt.Tooltip(f"{color_field}:N", title=legend_title),
                alt.Tooltip("epoch:Q", title=_text(texts, "epoch")),
                alt.Tooltip("value:Q", title=y_title, format=".4f"),
            ],
        )
        .properties(width="container", height=300)
    )
    return _finish(chart, texts)


def history_chart(history: Sequence[EpochRecord], texts: dict) -> alt.Chart:
    """Train and test loss per epoch. `texts` keys: epoch, loss, series, train, test, title (optional)."""
    frame = _history_frame(history, "loss", texts)
    return _curves(frame, _text(texts, "loss"), texts, "series", _text(texts, "series"))


def accuracy_chart(history: Sequence[EpochRecord], texts: dict) -> alt.Chart:
    """Train and test accuracy per epoch (0 to 1).

    `texts` keys: epoch, accuracy, series, train, test, title (optional).
    """
    frame = _history_frame(history, "accuracy", texts)
    return _curves(
        frame,
        _text(texts, "accuracy"),
        texts,
        "series",
        _text(texts, "series"),
        y_scale=alt.Scale(domain=[0, 1]),
        y_format="%",
    )


def confusion_chart(matrix, labels: Sequence[str], texts: dict) -> alt.Chart:
    """Counts of true (rows) against predicted (columns) labels.

    `texts` keys: true, predicted, count, title (optional).
    """
    matrix = torch.as_tensor(matrix).detach().cpu()
    labels = list(labels)
    if tuple(matrix.shape) != (len(labels), len(labels)):
        raise ValueError(f"the matrix has shape {tuple(matrix.shape)}; {len(labels)} labels need a square of that size")
    frame = pd.DataFrame.from_records(
        [(labels[i], labels[j], int(matrix[i, j])) for i in range(len(labels)) for j in range(len(labels))],
        columns=["true", "predicted", "count"],
    )
    top = max(int(frame["count"].max()) if len(frame) else 0, 1)
    base = alt.Chart(frame).encode(
        x=alt.X(
            "predicted:N",
            title=_text(texts, "predicted"),
            sort=labels,
            axis=alt.Axis(labelAngle=-35, labelOverlap=False),
        ),
        y=alt.Y("true:N", title=_text(texts, "true"), sort=labels),
    )
    cells = base.mark_rect().encode(
        color=alt.Color(
            "count:Q", title=_text(texts, "count"), scale=alt.Scale(scheme=palette.SEQUENTIAL_SCHEME, domain=[0, top])
        ),
        tooltip=[
            alt.Tooltip("true:N", title=_text(texts, "true")),
            alt.Tooltip("predicted:N", title=_text(texts, "predicted")),
            alt.Tooltip("count:Q", title=_text(texts, "count")),
        ],
    )
    numbers = base.mark_text(fontSize=15).encode(
        text="count:Q",
        color=palette.on_sequential("count", top),
    )
    chart = (cells + numbers).properties(width="container", height=alt.Step(44))
    return _finish(chart, texts)


def word_path_chart(
    weight_history, word_index: int, labels: Sequence[str], texts: dict, epochs: Sequence[int] | None = None
) -> alt.Chart:
    """One word's weight for each label over the epochs (epoch 0 = before training).

    `weight_history` has shape (snapshots, labels, words); `epochs` says which epoch each snapshot
    is (a long run keeps only some), 0, 1, 2, ... if not given.
    `texts` keys: epoch, weight, label, title.
    """
    history = _cpu(weight_history)
    labels = list(labels)
    if history.dim() != 3 or history.shape[1] != len(labels):
        raise ValueError(
            f"weight_history must have shape (epochs + 1, {len(labels)}, words); got {tuple(history.shape)}"
        )
    if not 0 <= word_index < history.shape[2]:
        raise ValueError(f"word index {word_index} is outside 0..{history.shape[2] - 1}")
    epochs = list(range(history.shape[0])) if epochs is None else [int(epoch) for epoch in epochs]
    if len(epochs) != history.shape[0]:
        raise ValueError(f"{len(epochs)} epochs given for {history.shape[0]} weight snapshots")
    column = history[:, :, word_index].tolist()
    frame = pd.DataFrame.from_records(
        [
            (epoch, labels[j], float(values[j]))
            for epoch, values in zip(epochs, column, strict=True)
            for j in range(len(labels))
        ],
        columns=["epoch", "label", "value"],
    )
    return _curves(frame, _text(texts, "weight"), texts, "label", _text(texts, "label"))


def comparison_chart(results: Mapping[str, Sequence[EpochRecord]], metric: str, texts: dict) -> alt.Chart:
    """One curve per run (keyed by its display name) of `metric` per epoch.

    `metric` is one of train_loss, test_loss, train_accuracy, test_accuracy.
    `texts` keys: epoch, value (the y axis title), run (the legend title), title.
    """
    if metric not in METRICS:
        raise ValueError(f"unknown metric {metric!r}; choose one of: {', '.join(METRICS)}")
    records = []
    for name, history in results.items():
        for record in history:
            value = getattr(record, metric)
            if value is not None:
                records.append((record.epoch, str(name), float(value)))
    frame = pd.DataFrame.from_records(records, columns=["epoch", "run", "value"])
    accuracy = metric.endswith("accuracy")
    return _curves(
        frame,
        _text(texts, "value"),
        texts,
        "run",
        _text(texts, "run"),
        y_scale=alt.Scale(domain=[0, 1]) if accuracy else None,
        y_format="%" if accuracy else None,
    )
