"""Taking a run out of the app: weights CSV, config JSON, a reproduction script; importing weights."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from core.export import config_json, reproduction_script, weights_csv
from core.imported import imported_result
from core.weights_file import WeightsFileError, weights_from_bytes, weights_to_bytes
from ui.classifier import state
from ui.guard import keep_state_on_failure, show_failure
from ui.markup import plain
from ui.text import t

IMPORT_VERSION = "classifier.import_version"
IMPORT_ERROR = "classifier.import_error"


def run_script(run: state.Run) -> str:
    """The script that redoes this run; a stopped run is redone up to the epoch it reached."""
    config = replace(run.result.config, epochs=max(run.result.epochs_done, 1))
    return reproduction_script(run.dataset.rows, config, run.options, run.vocab_from_test)


def _import_key() -> str:
    return f"classifier.import.{st.session_state.setdefault(IMPORT_VERSION, 0)}"


def import_weights(run: state.Run, payload: bytes) -> state.Run:
    """A run whose 'after' weights are the imported ones, its 'before' the seeded start."""
    weight, bias = weights_from_bytes(payload, len(run.labels), len(run.vocab))
    return state.Run(
        imported_result(run.dataset, run.result.config, weight, bias), run.dataset, run.options, run.vocab_from_test
    )


def _read_import() -> None:
    uploaded = st.session_state.get(_import_key())
    run = state.current_run()
    st.session_state[IMPORT_VERSION] += 1  # a fresh uploader: the same file is never read twice
    st.session_state.pop(IMPORT_ERROR, None)
    if uploaded is None or run is None:
        return
    with keep_state_on_failure("import", state.GUARDED_KEYS):
        try:
            imported = import_weights(run, uploaded.getvalue())
        except WeightsFileError as error:
            st.session_state[IMPORT_ERROR] = (uploaded.name, error.code, error.details)
            return
        st.session_state[state.RUN] = imported
        st.session_state[state.NOTICE] = t("classifier.export.imported")


def import_error_text(code: str, details: dict) -> str:
    """Which check a weights file failed, translated, with any text from the file escaped."""
    return t(f"weights_file.{code}", **{name: plain(value) for name, value in details.items()})


def render() -> None:
    run = state.run_or_notice()
    if run is None:
        return
    result = run.result
    st.caption(t("classifier.export.intro"))
    columns = st.columns(4)
    columns[0].download_button(
        t("classifier.export.weights_csv"),
        weights_csv(result.final_weight, result.final_bias, run.vocab, run.labels),
        file_name="weights.csv",
        mime="text/csv",
        on_click="ignore",
        icon=":material/table:",
        key="classifier.export_csv",
    )
    columns[1].download_button(
        t("classifier.export.config"),
        config_json(result.config, run.options, run.vocab_from_test),
        file_name="config.json",
        mime="application/json",
        on_click="ignore",
        icon=":material/settings:",
        key="classifier.export_config",
    )
    script = run_script(run)
    columns[2].download_button(
        t("classifier.export.script"),
        script,
        file_name="reproduce_run.py",
        mime="text/x-python",
        on_click="ignore",
        icon=":material/code:",
        key="classifier.export_script",
    )
    columns[3].download_button(
        t("classifier.export.tensors"),
        weights_to_bytes(result.final_weight, result.final_bias),
        file_name="weights.pt",
        mime="application/octet-stream",
        on_click="ignore",
        icon=":material/memory:",
        key="classifier.export_tensors",
    )
    st.markdown(f"**{t('classifier.export.script_title')}**")
    st.caption(t("classifier.export.script_text"))
    with st.container(height=420):
        # Long lines wrap: a code block that scrolls sideways cannot be scrolled by keyboard.
        st.code(script, language="python", wrap_lines=True)
    st.divider()
    st.markdown(f"**{t('classifier.export.import_title')}**")
    st.caption(t("classifier.export.import_text", labels=len(run.labels), words=len(run.vocab)))
    st.file_uploader(t("classifier.export.import"), type=["pt"], key=_import_key(), on_change=_read_import)
    if st.session_state.get(IMPORT_ERROR):
        name, code, details = st.session_state[IMPORT_ERROR]
        st.error(
            t("classifier.export.import_error_named", name=plain(name)) + " " + import_error_text(code, details),
            icon=":material/error:",
        )
        st.caption(t("weights_file.kept"))
    show_failure()
    notice = st.session_state.pop(state.NOTICE, None)
    if notice:
        st.success(notice, icon=":material/check:")
