"""Tutorial replay: each cell's code, what it printed here, and what the tutorial printed."""

import streamlit as st

from core.replay import format_value, run_replay, step_code
from ui.state import seed
from ui.text import t


@st.cache_data(show_spinner=False, max_entries=16)
def replay(seed: int) -> list:
    # The same seed always prints the same numbers, so one run serves every session.
    return run_replay(seed)


st.title(t("replay.title"))
st.write(t("replay.intro"))
st.caption(t("replay.seed_note"))

results = replay(seed())
matching = sum(result.matches for result in results)
summary = t("replay.summary", matching=matching, total=len(results))
if matching == len(results):
    st.success(summary, icon=":material/check_circle:")
else:
    st.warning(summary, icon=":material/difference:")

for result in results:
    key = result.step.key
    with st.container(border=True):
        st.subheader(t(f"replay.step.{key}.title"))
        st.caption(t(f"replay.step.{key}.text"))
        code_column, output_column = st.columns([3, 2])
        # Wrapped in its narrow column: a code block that scrolls sideways cannot be scrolled by
        # keyboard (Streamlit does not make it focusable), nor read on a phone.
        code_column.code(step_code(result.step, seed()), language="python", wrap_lines=True)
        with output_column:
            ok = result.matches
            st.badge(
                t("replay.match") if ok else t("replay.differs"),
                icon=":material/check:" if ok else ":material/close:",
                color="green" if ok else "orange",
            )
            st.markdown(f"**{t('replay.this_run')}**")
            st.code("\n".join(format_value(v) for v in result.printed), language=None, wrap_lines=True)
            st.markdown(f"**{t('replay.tutorial')}**")
            st.code("\n".join(format_value(v) for v in result.step.printed), language=None, wrap_lines=True)
