"""The corpus: presets, CSV in and out, the editable table, and what is wrong with it."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from core.corpus import SPLITS
from core.corpus_csv import rows_from_csv, rows_to_csv
from core.limits import TooLarge
from core.presets import PRESETS
from ui.classifier import state, suggestion
from ui.classroom import in_classifier
from ui.corpus_problems import problem_text
from ui.guard import keep_state_on_failure, show_failure
from ui.limits import limit_text, show_refused
from ui.markup import plain
from ui.text import option_labels, t

UPLOAD_VERSION = "classifier.upload_version"
UPLOAD_ERROR = "classifier.upload_error"


def _load_preset() -> None:
    with keep_state_on_failure("preset", state.GUARDED_KEYS):
        name = st.session_state["classifier.preset"]
        state.set_rows(state.rows_to_dicts(PRESETS[name]))
        suggestion.corpus_loaded()
        st.session_state[state.NOTICE] = t("classifier.corpus.loaded", preset=t(f"classifier.preset.{name}"))


def _upload_key() -> str:
    return f"classifier.upload.{st.session_state.setdefault(UPLOAD_VERSION, 0)}"


def _read_upload() -> None:
    uploaded = st.session_state.get(_upload_key())
    if uploaded is None:
        return
    st.session_state.pop(UPLOAD_ERROR, None)
    with keep_state_on_failure("upload", state.GUARDED_KEYS):
        load_upload(uploaded.name, uploaded.getvalue())


def load_upload(name: str, data: bytes) -> None:
    """Replace the corpus with the file's rows, or keep it and say why the file was refused.

    Sizes are checked before the rows reach the session, so a refused file leaves the
    previous corpus in place.
    """
    try:
        rows = rows_from_csv(data)
        exceeded = state.over_limits(rows)
    except TooLarge as error:
        exceeded = error.exceeded
    except ValueError as error:
        st.session_state[UPLOAD_ERROR] = (name, str(error))
        return
    if exceeded:
        st.session_state[state.REFUSED] = ("upload", exceeded)
    else:
        state.set_rows(state.rows_to_dicts(rows))
        suggestion.corpus_loaded()
        st.session_state[state.NOTICE] = t("classifier.corpus.uploaded", count=len(rows))
    # A fresh uploader, so the same file is not read again on the next rerun.
    st.session_state[UPLOAD_VERSION] += 1


def render_problems() -> None:
    texts = [problem_text(problem) for problem in state.problems()]
    texts += [limit_text(item) for item in state.over_limits(state.corpus_rows())]
    if texts:
        lines = "\n".join(f"- {text}" for text in texts[:50])
        more = len(texts) - 50
        if more > 0:
            lines += "\n- " + t("classifier.problem.more", count=more)
        st.error(t("classifier.problem.title", count=len(texts)) + "\n\n" + lines, icon=":material/error:")


def render_editor() -> None:
    state.apply_pending_edits()
    rows = st.session_state[state.ROWS]
    frame = pd.DataFrame(rows, columns=list(state.COLUMNS), dtype=object)
    # Row numbers start at 1, as in the list of problems.
    frame.index = pd.RangeIndex(1, len(frame) + 1)
    key = state.editor_key()
    st.data_editor(
        frame,
        key=key,
        num_rows="dynamic",
        hide_index=False,
        height=min(420, 38 + 35 * (len(frame) + 1)) if len(frame) < 11 else 420,
        column_config={
            "_index": st.column_config.NumberColumn("#", width=50, disabled=True),
            "text": st.column_config.TextColumn(t("classifier.corpus.col.text"), width="large"),
            "label": st.column_config.TextColumn(t("classifier.corpus.col.label"), width="small"),
            "split": st.column_config.SelectboxColumn(
                t("classifier.corpus.col.split"),
                options=list(SPLITS),
                default="train",
                width="small",
                help=t("classifier.corpus.col.split_help"),
            ),
        },
        on_change=state.apply_pending_edits,
    )


def render() -> None:
    st.caption(t("classifier.corpus.intro"))
    presets, upload = st.columns([1, 1], gap="large")
    with presets:
        st.selectbox(
            t("classifier.corpus.preset"),
            list(PRESETS),
            format_func=option_labels("classifier.preset", PRESETS),
            key="classifier.preset",
            persist_state="session",
        )
        st.button(
            t("classifier.corpus.load"),
            key="classifier.load_preset",
            on_click=_load_preset,
            icon=":material/file_open:",
            help=t("classifier.corpus.load_help"),
        )
        in_classifier.render_room_corpus()
    with upload:
        st.file_uploader(
            t("classifier.corpus.upload"),
            type=["csv"],
            key=_upload_key(),
            on_change=_read_upload,
            help=t("classifier.corpus.upload_help"),
        )
        if st.session_state.get(UPLOAD_ERROR):
            name, detail = st.session_state[UPLOAD_ERROR]
            st.error(t("classifier.corpus.upload_error"), icon=":material/error:")
            st.caption(t("classifier.corpus.upload_error_detail", name=plain(name), detail=plain(detail)))
    refused = st.session_state.pop(state.REFUSED, None)
    if refused:
        show_refused(*refused)
    show_failure()
    notice = st.session_state.pop(state.NOTICE, None)
    if notice:
        st.success(notice, icon=":material/check:")
    render_editor()
    rows = state.corpus_rows()
    train_count = sum(row.split == "train" for row in rows)
    st.caption(t("classifier.corpus.summary", rows=len(rows), train=train_count, test=len(rows) - train_count))
    st.download_button(
        t("classifier.corpus.download"),
        rows_to_csv(rows),
        file_name="corpus.csv",
        mime="text/csv",
        key="classifier.download_corpus",
        on_click="ignore",
        icon=":material/download:",
    )
    render_problems()
