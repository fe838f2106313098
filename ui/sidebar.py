"""The sidebar shared by every page: language, seed, device and the presenter view."""

from __future__ import annotations

import streamlit as st

from core.devices import available_devices, device_status
from i18n import LANGUAGES
from ui import presenter
from ui.text import t


def render_sidebar() -> None:
    with st.sidebar:
        st.caption(t("sidebar.settings"))
        # In the address as its code (ui.links), so a link can open the app in Chinese.
        st.segmented_control(
            t("sidebar.language"),
            options=list(LANGUAGES),
            format_func=LANGUAGES.get,
            key="lang",
            required=True,
        )
        st.number_input(
            t("sidebar.seed"),
            min_value=0,
            max_value=2**31 - 1,
            step=1,
            key="seed",
            help=t("sidebar.seed_help"),
        )
        devices = available_devices()
        if st.session_state.get("device") not in devices:
            st.session_state["device"] = devices[0]
        st.selectbox(t("sidebar.device"), devices, key="device", help=t("sidebar.device_help"))
        absent = [
            t("sidebar.device_absent", device=name.upper(), reason=t(f"device.reason.{reason}"))
            for name, reason in device_status().items()
            if reason is not None
        ]
        if absent:
            st.caption("  \n".join(absent))
        presenter.controls()
        st.divider()
        st.caption(t("sidebar.about"))
