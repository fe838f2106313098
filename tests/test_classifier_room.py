"""The studio in a room: settings that fit the corpus, the work limit, and runs shared across sessions."""

from __future__ import annotations

import torch

from core.corpus import Row
from core.corpus_csv import rows_to_csv
from core.limits import LIMITS
from core.presets import PRESETS
from core.run_cache import RUN_CACHE
from core.suggest import batch_for
from i18n import translate
from tests.conftest import assert_clean, open_page

PAGE = "app_pages/classifier.py"


def show_tab(at, name: str):
    at.session_state["classifier.tab"] = translate(f"classifier.tab.{name}", "en")
    return at.run()


def load_preset(at, name: str):
    at.selectbox(key="classifier.preset").select(name).run()
    at.button(key="classifier.load_preset").click().run()
    assert_clean(at)


def train(at):
    show_tab(at, "train")
    at.button(key="classifier.train").click().run()
    assert_clean(at)
    return at.session_state["classifier.run"]


def test_a_large_preset_gets_settings_that_fit_it_and_says_why():
    at = open_page(PAGE)
    load_preset(at, "multilingual")
    assert at.session_state["classifier.update_mode"] == "minibatch"
    assert at.session_state["classifier.optimizer"] == "adam"
    assert at.session_state["classifier.batch_size"] == batch_for(len(PRESETS["multilingual"]))[0]
    show_tab(at, "train")
    infos = [info.value for info in at.info]
    assert any(
        translate("classifier.suggest.applied", "en") in info and "training sentences" in info for info in infos
    ), infos
    assert any("Estimated training time" in caption.value for caption in at.caption)
    run = train(at)
    assert run.result.status == "completed" and run.result.history[-1].test_accuracy > 0.9
    # The tutorial's settings stay one click away, with their (slow) estimate and the proposal beside them.
    at.button(key="classifier.tutorial_settings").click().run()
    assert at.session_state["classifier.update_mode"] == "per_sentence"
    assert any(translate("classifier.suggest.use", "en") == button.label for button in at.button)
    at.button(key="classifier.use_suggestion").click().run()
    assert at.session_state["classifier.update_mode"] == "minibatch"


def test_the_tutorial_preset_keeps_the_tutorials_settings():
    at = open_page(PAGE)
    load_preset(at, "tutorial")
    assert at.session_state["classifier.update_mode"] == "per_sentence"
    assert at.session_state["classifier.epochs"] == 100


def test_too_much_work_for_one_click_is_refused_before_training():
    at = open_page(PAGE)
    rows = [Row(f"w{i} x{i % 7}", "A" if i % 2 else "B") for i in range(600)]
    at.file_uploader[0].set_value(("big.csv", rows_to_csv(rows).encode(), "text/csv")).run()
    show_tab(at, "train")
    at.number_input(key="classifier.epochs").set_value(2000).run()
    assert_clean(at)
    warning = f"{2000 * 600:,} epochs x training sentences (the limit is {LIMITS.work:,})"
    assert any(warning in item.value for item in at.warning)
    assert at.button(key="classifier.train").disabled


def test_identical_runs_are_shared_between_sessions_and_nothing_else_is():
    first, second, third = open_page(PAGE), open_page(PAGE), open_page(PAGE)
    one = train(first)
    assert not one.shared
    assert RUN_CACHE.stats.trainings == 1
    # The same corpus and settings in another session: the finished run, replayed, not trained again.
    two = train(second)
    assert two.shared and RUN_CACHE.stats.trainings == 1
    assert torch.equal(two.result.final_weight, one.result.final_weight)
    assert two.result.model is not one.result.model
    assert translate("classifier.train.shared", "en") in [caption.value for caption in second.caption]
    # One word different: a miss, trained by that session itself, on its own corpus.
    key = f"classifier.editor.{third.session_state['classifier.editor_version']}"
    third.session_state[key] = {"edited_rows": {0: {"text": "me gusta comer en la playa"}}}
    third.run()
    three = train(third)
    assert not three.shared and RUN_CACHE.stats.trainings == 2
    assert "playa" in three.vocab and "playa" not in one.vocab
    assert "playa" not in first.session_state["classifier.run"].vocab
    # Other settings: a miss too.
    show_tab(second, "train")
    second.number_input(key="classifier.epochs").set_value(50).run()
    four = train(second)
    assert not four.shared and four.result.epochs_done == 50


def test_a_run_estimated_too_long_is_refused_before_training():
    at = open_page(PAGE)
    load_preset(at, "multilingual")
    show_tab(at, "train")
    at.button(key="classifier.tutorial_settings").click().run()
    at.number_input(key="classifier.epochs").set_value(2000).run()
    assert_clean(at)
    assert any(f"one Train click may take at most {LIMITS.seconds} s" in item.value for item in at.warning)
    assert at.button(key="classifier.train").disabled
