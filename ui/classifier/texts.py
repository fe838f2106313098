"""Translated axis titles and legend names handed to the chart builders (charts never translate)."""

from __future__ import annotations

from ui.text import t


def history_texts() -> dict[str, str]:
    return {
        "epoch": t("classifier.axis.epoch"),
        "loss": t("classifier.axis.loss"),
        "accuracy": t("classifier.axis.accuracy"),
        "series": t("classifier.axis.series"),
        "train": t("classifier.split.train"),
        "test": t("classifier.split.test"),
    }


def heatmap_texts() -> dict[str, str]:
    return {
        "word": t("classifier.col.word"),
        "label": t("classifier.col.label"),
        "weight": t("classifier.col.weight"),
        "count": t("classifier.col.count"),
        "bias": t("classifier.heatmap.bias_row"),
    }


def confusion_texts() -> dict[str, str]:
    return {
        "true": t("classifier.axis.true"),
        "predicted": t("classifier.axis.predicted"),
        "count": t("classifier.col.count"),
    }


def path_texts() -> dict[str, str]:
    return {
        "epoch": t("classifier.axis.epoch"),
        "weight": t("classifier.col.weight"),
        "label": t("classifier.col.label"),
    }
