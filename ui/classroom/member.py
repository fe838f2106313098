"""A participant's view of their room: what the instructor published, the board's summary, their own runs.

It redraws itself every `REFRESH_SECONDS`, so a publication reaches the room without a click.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from core.classroom import ParticipantView, Publication
from ui.classroom import seat, session, texts
from ui.markup import plain
from ui.text import t

REFRESH_SECONDS = 5


def render_publication(publication: Publication) -> None:
    with st.container(border=True):
        st.subheader(t("classroom.member.published"), anchor=False)
        if publication.version == 0:
            st.info(t("classroom.member.nothing_yet"), icon=":material/hourglass_empty:")
            return
        corpus, settings = st.columns(2, gap="large")
        with corpus:
            st.markdown(f"**{t('classroom.member.corpus')}**")
            if publication.corpus is None:
                st.caption(t("classroom.member.no_corpus"))
            else:
                rows = publication.corpus
                train = sum(row.split == "train" for row in rows)
                labels = len({row.label for row in rows})
                st.caption(
                    t("classroom.member.corpus_text", rows=len(rows), train=train, test=len(rows) - train)
                    + " "
                    + t("classroom.member.labels", labels=labels)
                )
                st.button(
                    t("classroom.member.load_corpus"),
                    key="classroom.member.load_corpus",
                    icon=":material/file_open:",
                    on_click=seat.load_corpus,
                    kwargs={"notify": True},
                )
        with settings:
            st.markdown(f"**{t('classroom.member.settings')}**")
            if not publication.settings:
                st.caption(t("classroom.member.no_settings"))
            else:
                st.caption(texts.settings_markup(publication.settings))
                st.button(
                    t("classroom.member.apply_settings"),
                    key="classroom.member.apply_settings",
                    icon=":material/tune:",
                    on_click=seat.apply_settings,
                    kwargs={"notify": True},
                )
        if publication.challenge is not None:
            st.info(
                texts.challenge_text(publication.challenge),
                icon=":material/flag:",
            )
        st.page_link("app_pages/classifier.py", label=t("classroom.member.to_classifier"), icon=":material/translate:")


def render_summary(current: ParticipantView) -> None:
    summary = current.summary
    st.subheader(t("classroom.member.room"), anchor=False)
    columns = st.columns(4)
    columns[0].metric(t("classroom.metric.participants"), summary.participants)
    columns[1].metric(t("classroom.metric.runs"), summary.entries)
    columns[2].metric(t("classroom.metric.best"), texts.percent_text(summary.best_test_accuracy))
    columns[3].metric(t("classroom.metric.median"), texts.percent_text(summary.median_test_accuracy))
    if current.publication.challenge is not None:
        st.caption(t("classroom.member.met", count=summary.met_challenge))


def render_own(current: ParticipantView) -> None:
    st.subheader(t("classroom.member.yours"), anchor=False)
    if not current.own_entries:
        st.caption(t("classroom.member.no_runs"))
    else:
        frame = pd.DataFrame(
            {
                t("classroom.col.rank"): [entry.rank for entry in current.own_entries],
                t("classroom.col.settings"): [texts.settings_text(entry.settings) for entry in current.own_entries],
                t("classroom.col.epochs"): [entry.epochs for entry in current.own_entries],
                t("classifier.metric.test_accuracy"): [
                    texts.percent(entry.test_accuracy) for entry in current.own_entries
                ],
                t("classifier.metric.train_loss"): [entry.train_loss for entry in current.own_entries],
            }
        )
        st.dataframe(
            frame,
            hide_index=True,
            key="classroom.own",
            column_config={
                t("classifier.metric.test_accuracy"): st.column_config.NumberColumn(format="%.1f%%"),
                t("classifier.metric.train_loss"): st.column_config.NumberColumn(format="%.4f"),
            },
        )
    st.caption(t("classroom.member.left", count=current.entries_left))


@st.fragment(run_every=REFRESH_SECONDS)
def render_room() -> None:
    current = seat.view()
    if current is None:
        if session.joined() is None:
            st.rerun()  # the room has gone: the whole page shows the way to join another
        session.show_error("seat")
        return
    session.show_notice()
    render_publication(current.publication)
    render_summary(current)
    render_own(current)


def render() -> None:
    membership = session.joined()
    if membership is None:
        return
    header, leave = st.columns([4, 1], vertical_alignment="center")
    header.markdown(t("classroom.member.title", code=membership.code, nickname=plain(membership.nickname)))
    leave.button(
        t("classroom.member.leave"), key="classroom.member.leave", icon=":material/logout:", on_click=seat.leave
    )
    render_room()
