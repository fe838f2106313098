"""Links that open a view: each page's settings go into the address, and a fresh session opened on
that address shows the same values; a bad value falls back to its default with a notice."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from core.presets import PRESETS
from i18n import translate
from tests.conftest import APP_TIMEOUT, ROOT, assert_clean, open_page
from tests.hostile import HOSTILE_STRINGS
from ui.classifier import state as classifier_state
from ui.links import TEXT_LIMIT
from ui.pages import HOME, PAGES


def open_link(path: str, params: dict[str, str | list[str]]) -> AppTest:
    """A new session, as a fresh browser opening `path` with the address's parameters `params`.

    Before its first run AppTest finds a page by its file name only, so a page whose address is
    another name (affine-maps, tutorial-replay; home.py would find the /home alias) is opened
    from the home page, carrying the same parameters: a page reads its own from the address the
    first time it is shown.
    """
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=APP_TIMEOUT)
    spec = next(spec for spec in PAGES if spec.path == path)
    direct = spec is not HOME and Path(path).stem == spec.url_path
    if direct:
        at.switch_page(path)
    at.query_params.update(params)
    at.run()
    if not direct and spec is not HOME:
        at.query_params.update(params)  # the home page kept only the shared ones
        at.switch_page(path).run()
    return at


def address(at: AppTest) -> dict[str, str | list[str]]:
    return dict(at.query_params)


def notices(at: AppTest) -> list[str]:
    """The link's notices (a page may show warnings of its own)."""
    return [warning.value for warning in at.warning if warning.icon == ":material/link_off:"]


def round_trip(at: AppTest, path: str) -> AppTest:
    """The address `at` shows, opened in a new session on the same page: clean, and without a notice."""
    fresh = open_link(path, address(at))
    assert_clean(fresh)
    assert not notices(fresh)
    assert address(fresh) == address(at)  # the new session writes back the very same address
    return fresh


@pytest.mark.parametrize("path", ["app_pages/home.py", "app_pages/replay.py"])
def test_language_and_seed_travel_on_every_page(path):
    at = open_page(path)
    assert address(at) == {}  # everything at its default: a clean address
    at.sidebar.segmented_control(key="lang").set_value("zh").run()
    at.sidebar.number_input(key="seed").set_value(7).run()
    assert address(at) == {"lang": "zh", "seed": "7"}
    fresh = round_trip(at, path)
    assert fresh.session_state["lang"] == "zh" and fresh.session_state["seed"] == 7
    assert fresh.sidebar.segmented_control(key="lang").value == "zh"
    fresh.sidebar.segmented_control(key="lang").set_value("en").run()
    assert address(fresh) == {"seed": "7"}  # back at its default, the language leaves the address


def test_language_stays_in_the_address_while_moving_around():
    at = open_link("app_pages/softmax.py", {"lang": "zh"})
    assert at.title[0].value == "Softmax 与概率"
    for path in ("app_pages/objectives.py", "app_pages/home.py", "app_pages/classifier.py"):
        at.switch_page(path).run()
        assert_clean(at)
        assert address(at) == {"lang": "zh"}
    assert at.session_state["lang"] == "zh"


def test_softmax_round_trip():
    at = open_page("app_pages/softmax.py")
    assert address(at) == {}
    at.slider(key="softmax.temperature").set_value(0.5).run()
    at.select_slider(key="softmax.shift").set_value(500).run()
    at.segmented_control(key="softmax.dtype").set_value("float64").run()
    at.segmented_control(key="softmax.source").set_value("custom").run()
    at.text_input(key="softmax.custom").set_value("3, 1, -2").run()
    assert address(at) == {
        "source": "custom",
        "custom": "3, 1, -2",
        "temperature": "0.5",
        "shift": "500",
        "dtype": "float64",
    }
    fresh = round_trip(at, "app_pages/softmax.py")
    assert fresh.slider(key="softmax.temperature").value == 0.5
    assert fresh.select_slider(key="softmax.shift").value == 500
    assert fresh.segmented_control(key="softmax.dtype").value == "float64"
    assert fresh.text_input(key="softmax.custom").value == "3, 1, -2"
    fresh.slider(key="softmax.temperature").set_value(1.0).run()
    assert "temperature" not in address(fresh)


def test_nonlinearities_round_trip():
    at = open_page("app_pages/nonlinearities.py")
    at.multiselect(key="nonlin.chosen").set_value(["relu", "tanh"]).run()
    at.slider(key="nonlin.depth").set_value(20).run()
    at.toggle(key="nonlin.same_gain").set_value(True).run()
    at.slider(key="nonlin.abs_x").set_value(7.5).run()
    assert address(at) == {"chosen": ["relu", "tanh"], "depth": "20", "same_gain": "1", "abs_x": "7.5"}
    fresh = round_trip(at, "app_pages/nonlinearities.py")
    assert fresh.multiselect(key="nonlin.chosen").value == ["relu", "tanh"]
    assert fresh.slider(key="nonlin.depth").value == 20
    assert fresh.toggle(key="nonlin.same_gain").value is True
    assert fresh.slider(key="nonlin.abs_x").value == 7.5


def test_an_empty_selection_travels_too():
    at = open_page("app_pages/nonlinearities.py")
    at.multiselect(key="nonlin.chosen").set_value([]).run()
    assert address(at) == {"chosen": ""}
    fresh = round_trip(at, "app_pages/nonlinearities.py")
    assert fresh.multiselect(key="nonlin.chosen").value == []


def test_affine_round_trip():
    at = open_page("app_pages/affine_maps.py")
    at.slider(key="affine.in_features").set_value(3).run()
    at.selectbox(key="affine.f_preset").set_value("reflection").run()
    at.number_input(key="affine.f_b1").set_value(1.5).run()
    at.selectbox(key="affine.between").set_value("relu").run()
    params = address(at)
    assert params["in_features"] == "3" and params["f_preset"] == "reflection"
    assert params["f_b1"] == "1.5" and params["between"] == "relu"
    fresh = round_trip(at, "app_pages/affine_maps.py")
    for name in ("in_features", "f_preset", "f_a11", "f_a12", "f_a21", "f_a22", "f_b1", "f_b2", "between"):
        assert fresh.session_state[f"affine.{name}"] == at.session_state[f"affine.{name}"], name


def test_objectives_round_trip():
    at = open_page("app_pages/objectives.py")
    at.segmented_control(key="objectives.source").set_value("random").run()
    at.segmented_control(key="objectives.target").set_value(2).run()
    at.segmented_control(key="objectives.pitfall").set_value("wrong_dim").run()
    at.slider(key="objectives.classes").set_value(5).run()
    assert address(at) == {"source": "random", "target": "2", "pitfall": "wrong_dim", "classes": "5"}
    fresh = round_trip(at, "app_pages/objectives.py")
    assert fresh.segmented_control(key="objectives.target").value == 2
    assert fresh.segmented_control(key="objectives.pitfall").value == "wrong_dim"
    assert fresh.slider(key="objectives.classes").value == 5


def test_optimisation_round_trip():
    at = open_page("app_pages/optimisation.py")
    at.selectbox(key="optimisation.surface").set_value("rosenbrock").run()
    at.select_slider(key="optimisation.lr_rosenbrock").set_value(0.001).run()
    at.slider(key="optimisation.steps_rosenbrock").set_value(200).run()
    at.slider(key="optimisation.start_rosenbrock_x").set_value(0.5).run()
    at.multiselect(key="optimisation.race_optimizers").set_value(["adam", "sgd"]).run()
    assert address(at) == {
        "surface": "rosenbrock",
        "lr_rosenbrock": "0.001",
        "steps_rosenbrock": "200",
        "start_rosenbrock_x": "0.5",
        "race_optimizers": ["adam", "sgd"],
    }
    fresh = round_trip(at, "app_pages/optimisation.py")
    assert fresh.select_slider(key="optimisation.lr_rosenbrock").value == 0.001
    assert fresh.slider(key="optimisation.start_rosenbrock_x").value == 0.5
    assert fresh.multiselect(key="optimisation.race_optimizers").value == ["adam", "sgd"]


def test_classifier_carries_the_preset_and_the_training_settings():
    at = open_page("app_pages/classifier.py")
    at.selectbox(key="classifier.preset").set_value("multilingual").run()
    at.button(key="classifier.load_preset").click().run()
    # The studio proposed settings for the larger corpus; the link carries whatever is set now.
    at.session_state["classifier.optimizer"] = "adagrad"
    at.session_state["classifier.lr"] = 0.3
    at.session_state["classifier.epochs"] = 7
    at.session_state["classifier.lowercase"] = True
    at.run()
    params = address(at)
    assert params["preset"] == "multilingual"
    assert {"optimizer": "adagrad", "lr": "0.3", "epochs": "7", "lowercase": "1"}.items() <= params.items()
    fresh = round_trip(at, "app_pages/classifier.py")
    assert fresh.session_state[classifier_state.ROWS] == classifier_state.rows_to_dicts(PRESETS["multilingual"])
    for name in ("optimizer", "lr", "epochs", "update_mode", "batch_size", "lowercase"):
        assert fresh.session_state[f"classifier.{name}"] == at.session_state[f"classifier.{name}"], name


def test_a_custom_corpus_does_not_travel_and_the_copy_action_says_so():
    at = open_page("app_pages/classifier.py")
    rows = classifier_state.rows_to_dicts(PRESETS["tutorial"])
    at.session_state[classifier_state.ROWS] = [*rows, {"text": "una frase nueva", "label": "SPANISH", "split": "train"}]
    at.session_state["classifier.epochs"] = 12
    at.session_state["links.copy"] = True  # the popover open
    at.run()
    assert address(at) == {"epochs": "12"}
    assert "epochs=12" in at.code[0].value
    assert any("download it as CSV" in caption.value for caption in at.caption)


def test_the_copy_action_shows_the_full_link():
    at = open_link("app_pages/softmax.py", {"lang": "zh", "temperature": "0.5"})
    at.session_state["links.copy"] = True
    at.run()
    assert_clean(at)
    assert at.code[0].value == "/softmax?lang=zh&temperature=0.5"
    assert at.code[0].language in (None, "", "plaintext")


def test_a_page_change_clears_the_previous_pages_parameters_and_keeps_others():
    at = open_link("app_pages/softmax.py", {"temperature": "0.5", "utm_source": "newsletter"})
    assert address(at) == {"temperature": "0.5", "utm_source": "newsletter"}
    at.switch_page("app_pages/objectives.py").run()
    assert_clean(at)
    assert address(at) == {"utm_source": "newsletter"}  # a parameter no page declares is left alone
    at.switch_page("app_pages/softmax.py").run()
    assert address(at) == {"temperature": "0.5", "utm_source": "newsletter"}  # the page's settings stayed


BAD = [
    ("app_pages/softmax.py", {"temperature": "9"}, "temperature"),  # out of range
    ("app_pages/softmax.py", {"temperature": "0.55"}, "temperature"),  # between the slider's steps
    ("app_pages/softmax.py", {"temperature": "warm"}, "temperature"),  # wrong type
    ("app_pages/softmax.py", {"temperature": ""}, "temperature"),  # empty
    ("app_pages/softmax.py", {"temperature": "nan"}, "temperature"),
    ("app_pages/softmax.py", {"shift": "7"}, "shift"),  # not one of the options
    ("app_pages/softmax.py", {"source": "oracle"}, "source"),  # unknown option
    ("app_pages/softmax.py", {"custom": "1," * TEXT_LIMIT}, "custom"),  # too long
    ("app_pages/softmax.py", {"lang": "fr"}, "lang"),  # a language the app does not have
    ("app_pages/softmax.py", {"seed": "-1"}, "seed"),
    ("app_pages/softmax.py", {"seed": "1.5"}, "seed"),
    ("app_pages/affine_maps.py", {"f_a11": "9"}, "f_a11"),
    ("app_pages/objectives.py", {"target": "first"}, "target"),
    ("app_pages/nonlinearities.py", {"depth": "2.5"}, "depth"),  # an int setting
    ("app_pages/nonlinearities.py", {"same_gain": "maybe"}, "same_gain"),
    ("app_pages/nonlinearities.py", {"chosen": ["relu", "nope"]}, "chosen"),
    ("app_pages/nonlinearities.py", {"chosen": ["relu", "relu"]}, "chosen"),
    ("app_pages/optimisation.py", {"race_optimizers": "lbfgs"}, "race_optimizers"),
    ("app_pages/classifier.py", {"optimizer": "lbfgs"}, "optimizer"),
    ("app_pages/classifier.py", {"lr": "0.25"}, "lr"),
    ("app_pages/classifier.py", {"epochs": "0"}, "epochs"),
    ("app_pages/classifier.py", {"preset": "secret"}, "preset"),
]


@pytest.mark.parametrize(("path", "params", "bad"), BAD)
def test_a_bad_value_falls_back_to_its_default_with_a_notice(path, params, bad):
    at = open_link(path, params)
    assert_clean(at)
    assert len(notices(at)) == 1 and f"`{bad}`" in notices(at)[0]
    assert bad not in address(at)  # the default it fell back to stays out of the address
    if path == "app_pages/softmax.py":
        assert at.slider(key="softmax.temperature").value == 1.0
        assert at.session_state["lang"] == "en" and at.session_state["seed"] == 1
    at.run()
    assert not notices(at)  # a short notice: gone on the next run


def test_good_values_beside_a_bad_one_still_apply():
    at = open_link("app_pages/softmax.py", {"lang": "zh", "temperature": "0.5", "dtype": "float16"})
    assert_clean(at)
    assert at.slider(key="softmax.temperature").value == 0.5
    assert at.session_state["lang"] == "zh"
    assert "`dtype`" in notices(at)[0] and "dtype" not in address(at)


def test_hostile_text_in_an_address_is_only_ever_data():
    """Text from an address lands in its text box as typed, and nowhere as markup: the page only
    says that these are no scores."""
    for text in HOSTILE_STRINGS[:8]:
        typed = text[:TEXT_LIMIT]
        at = open_link("app_pages/softmax.py", {"source": "custom", "custom": typed})
        assert_clean(at)
        assert at.text_input(key="softmax.custom").value == typed
        assert at.error and translate("softmax.custom_error", "en").split(".")[0] in at.error[0].value
        shown = [e.value for kind in ("markdown", "caption", "error", "warning", "info") for e in getattr(at, kind)]
        assert not any(typed in value for value in shown), typed


def test_a_widget_another_feature_binds_to_the_address_keeps_its_parameter():
    def script():
        import streamlit as st

        from ui import links
        from ui.pages import PAGES

        softmax = next(spec for spec in PAGES if spec.url_path == "softmax")
        st.text_input("Room", key="room", bind="query-params")
        st.session_state.setdefault("softmax.temperature", 0.5)
        links.save(links.carried(softmax))

    at = AppTest.from_function(script, default_timeout=APP_TIMEOUT)
    at.query_params.update({"room": "ABCD", "shift": "500"})
    at.run()
    assert_clean(at)
    assert address(at) == {"room": "ABCD", "temperature": "0.5"}


def test_a_link_into_the_presenter_view_keeps_its_settings_and_the_presenters_parameters():
    at = open_link("app_pages/softmax.py", {"present": "1", "lang": "zh", "temperature": "0.5"})
    assert_clean(at)
    assert at.session_state["present"] is True and at.session_state["softmax.temperature"] == 0.5
    assert address(at) == {"present": "1", "step": "1", "lang": "zh", "temperature": "0.5"}
