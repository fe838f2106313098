"""The instructor's board: who joined, the leaderboard, everyone's loss curves, the spread, what did best.

It redraws itself every `REFRESH_SECONDS` as a fragment, so the rest of the page stays still.
Nicknames are table and chart data, never formatted text.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from charts.classroom import accuracy_spread_chart, loss_curves_chart, run_name
from core.classroom import Board, ClassroomError, Entry
from ui.classroom import host, session, texts
from ui.text import t

REFRESH_SECONDS = 5
MAX_CURVES = 30  # the best runs drawn on the loss chart; more lines would be a tangle on a projector
ROW_HEIGHT = 42  # table rows tall enough to read from the back of a room


def leaderboard_frame(entries: tuple[Entry, ...], challenge: bool) -> pd.DataFrame:
    # Best first, and what decides the rank first: a projector may cut the right of a wide table.
    columns = {
        "rank": t("classroom.col.rank"),
        "nickname": t("classroom.col.nickname"),
        "test_accuracy": t("classifier.metric.test_accuracy"),
        "test_loss": t("classifier.metric.test_loss"),
        "met": t("classroom.col.met"),
        "epochs": t("classroom.col.epochs"),
        "train_accuracy": t("classifier.metric.train_accuracy"),
        "train_loss": t("classifier.metric.train_loss"),
        "settings": t("classroom.col.settings"),
        "run": t("classroom.col.run"),
    }
    rows = [
        {
            "rank": entry.rank,
            "nickname": entry.nickname,
            "settings": texts.settings_text(entry.settings),
            "epochs": entry.epochs,
            "train_loss": entry.train_loss,
            "train_accuracy": texts.percent(entry.train_accuracy),
            "test_loss": entry.test_loss,
            "test_accuracy": texts.percent(entry.test_accuracy),
            "met": entry.met_challenge,
            "run": f"#{entry.id}",
        }
        for entry in entries
    ]
    frame = pd.DataFrame(rows, columns=list(columns))
    if not challenge:
        frame = frame.drop(columns="met")
    return frame.rename(columns=columns)


def render_leaderboard(board: Board) -> None:
    challenge = board.publication.challenge is not None
    frame = leaderboard_frame(board.entries, challenge)
    percent_column = {"format": "%.1f%%"}
    st.dataframe(
        frame,
        hide_index=True,
        key="classroom.leaderboard",
        row_height=ROW_HEIGHT,
        height=min(ROW_HEIGHT * (len(frame) + 1) + 16, ROW_HEIGHT * 11),  # room for a scroll bar
        column_config={
            t("classroom.col.rank"): st.column_config.NumberColumn(width="small"),
            t("classroom.col.nickname"): st.column_config.TextColumn(width="medium"),
            t("classroom.col.settings"): st.column_config.TextColumn(width="large"),
            t("classroom.col.epochs"): st.column_config.NumberColumn(width="small"),
            t("classifier.metric.train_loss"): st.column_config.NumberColumn(format="%.4f"),
            t("classifier.metric.test_loss"): st.column_config.NumberColumn(format="%.4f"),
            t("classifier.metric.train_accuracy"): st.column_config.NumberColumn(**percent_column),
            t("classifier.metric.test_accuracy"): st.column_config.NumberColumn(**percent_column),
            t("classroom.col.met"): st.column_config.CheckboxColumn(),
            t("classroom.col.run"): st.column_config.TextColumn(width="small"),
        },
    )


def render_metrics(board: Board) -> None:
    summary = board.summary
    columns = st.columns(5)
    columns[0].metric(t("classroom.metric.participants"), summary.participants)
    columns[1].metric(t("classroom.metric.runs"), summary.entries)
    columns[2].metric(t("classroom.metric.best"), texts.percent_text(summary.best_test_accuracy))
    columns[3].metric(t("classroom.metric.median"), texts.percent_text(summary.median_test_accuracy))
    if board.publication.challenge is not None:
        columns[4].metric(t("classroom.metric.met"), summary.met_challenge)


def render_charts(board: Board) -> None:
    curves, spread = st.columns([3, 2], gap="large")
    drawn = board.entries[:MAX_CURVES]
    with curves:
        texts = {
            "epoch": t("classifier.axis.epoch"),
            "loss": t("classroom.chart.loss"),
            "run": t("classroom.col.run"),
            "title": t("classroom.chart.curves"),
        }
        st.altair_chart(
            loss_curves_chart(drawn, texts), width="stretch", key="classroom.curves", alt=t("alt.classroom.curves")
        )
        if len(board.entries) > len(drawn):
            st.caption(t("classroom.chart.curves_best", shown=len(drawn), runs=len(board.entries)))
    with spread:
        challenge = board.publication.challenge
        texts = {
            "accuracy": t("classifier.metric.test_accuracy"),
            "run": t("classroom.col.run"),
            "target": t("classroom.chart.target"),
            "title": t("classroom.chart.spread"),
        }
        target = None if challenge is None else challenge.target_accuracy
        st.altair_chart(
            accuracy_spread_chart(board.entries, target, texts),
            width="stretch",
            key="classroom.spread",
            alt=t("alt.classroom.spread"),
        )
        if any(entry.test_accuracy is None for entry in board.entries):
            st.caption(t("classroom.chart.no_test"))


def render_settings(board: Board) -> None:
    st.subheader(t("classroom.best.title"), anchor=False)
    if board.best_settings is not None:
        st.caption(t("classroom.best.top", settings=texts.settings_markup(board.best_settings)))
    if not board.by_setting:
        st.caption(t("classroom.best.same"))
        return
    frame = pd.DataFrame(
        {
            t("classroom.col.setting"): [t(f"classroom.setting.{group.name}") for group in board.by_setting],
            t("classroom.col.value"): [texts.value_text(group.name, group.value) for group in board.by_setting],
            t("classroom.col.runs"): [group.runs for group in board.by_setting],
            t("classroom.col.mean"): [texts.percent(group.mean_test_accuracy) for group in board.by_setting],
            t("classroom.col.best"): [texts.percent(group.best_test_accuracy) for group in board.by_setting],
        }
    )
    st.dataframe(
        frame,
        hide_index=True,
        key="classroom.by_setting",
        row_height=ROW_HEIGHT,
        column_config={
            t("classroom.col.mean"): st.column_config.ProgressColumn(format="%.1f%%", min_value=0, max_value=100),
            t("classroom.col.best"): st.column_config.NumberColumn(format="%.1f%%"),
        },
    )


def _remove(entry_id: int) -> None:
    room = session.hosted()
    if room is None:
        return
    try:
        session.room_store().remove_entry(room.code, room.secret, entry_id)
    except ClassroomError as error:
        session.refuse("remove", error)


def render_remove(board: Board) -> None:
    with st.expander(t("classroom.remove.title"), icon=":material/remove_circle:"):
        names = {entry.id: f"{run_name(entry)} · {texts.percent_text(entry.test_accuracy)}" for entry in board.entries}
        chosen = st.selectbox(
            t("classroom.remove.which"),
            list(names),
            format_func=names.__getitem__,
            index=None,
            key="classroom.remove.entry",
            placeholder=t("classroom.remove.placeholder"),
        )
        st.button(
            t("classroom.remove.button"),
            key="classroom.remove",
            icon=":material/delete:",
            disabled=chosen is None,
            on_click=_remove,
            args=(chosen,),
        )
    session.show_error("remove")


def known_board() -> Board | None:
    """The hosted room's board; None (with a notice and a full rerun) once the room is gone."""
    room = session.hosted()
    if room is None:
        return None
    try:
        return session.room_store().board(room.code, room.secret)
    except ClassroomError as error:
        session.forget_hosted()
        session.notify("warning", session.error_text(error))
        st.rerun()  # the whole page: it no longer has a room to show
    return None


@st.fragment(run_every=REFRESH_SECONDS)
def render() -> None:
    board = known_board()
    if board is None:
        return
    st.subheader(t("classroom.board.title"), anchor=False)
    st.caption(host.publication_text(board.publication))
    render_metrics(board)
    if not board.entries:
        st.info(t("classroom.board.empty"), icon=":material/hourglass_empty:")
    else:
        render_leaderboard(board)
        render_charts(board)
        render_settings(board)
        render_remove(board)
    if board.nicknames:
        with st.expander(t("classroom.board.joined", count=len(board.nicknames)), icon=":material/group:"):
            st.dataframe(
                pd.DataFrame({t("classroom.col.nickname"): list(board.nicknames)}),
                hide_index=True,
                key="classroom.nicknames",
            )
    st.caption(t("classroom.board.refresh", seconds=REFRESH_SECONDS))
