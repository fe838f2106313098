"""Every page runs inside the router, in both languages, without an exception."""

import pytest

from tests.conftest import PAGES, assert_clean, open_page


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("path", PAGES)
def test_page_runs(path, lang):
    at = open_page(path, lang)
    assert_clean(at)
    assert at.title, f"{path} shows no title"


def test_language_switch_translates_navigation_and_titles():
    at = open_page("app_pages/replay.py", "en")
    assert at.title[0].value == "Tutorial replay"
    at.session_state["lang"] = "zh"
    at.run()
    assert at.title[0].value == "教程重现"


def test_sidebar_offers_only_available_devices():
    from core.devices import available_devices

    at = open_page()
    device_box = at.sidebar.selectbox(key="device")
    assert device_box.options == available_devices()
    assert device_box.value == "cpu"
