"""The memory budget of a session: what it replaces is freed, and a comparison keeps only its curves."""

from __future__ import annotations

import gc
import weakref

from core.run_cache import RUN_CACHE
from tests.conftest import assert_clean, open_page
from tests.test_classifier_page import PAGE, show_tab, train


def multilingual(at):
    at.selectbox(key="classifier.preset").select("multilingual").run()
    at.button(key="classifier.load_preset").click().run()
    assert_clean(at)
    return at


def test_a_new_run_frees_the_run_and_dataset_it_replaces():
    at = multilingual(open_page(PAGE))
    first = train(at)
    model, dataset = weakref.ref(first.result.model), weakref.ref(first.dataset)
    del first
    show_tab(at, "corpus")
    at.selectbox(key="classifier.preset").select("tutorial").run()
    at.button(key="classifier.load_preset").click().run()
    assert train(at).dataset is not None
    at.run()  # Streamlit keeps a replaced session value until the next run starts
    RUN_CACHE.clear()  # finished runs shared across sessions are bounded elsewhere (test_run_cache)
    gc.collect()

    assert model() is None
    assert dataset() is None


def test_a_comparison_keeps_curves_not_weight_snapshots():
    at = multilingual(open_page(PAGE))
    show_tab(at, "compare")
    at.button(key="classifier.compare_run").click().run()
    assert_clean(at)

    for _, result in at.session_state["classifier.comparison"]:
        assert result.history and result.status == "completed"
        assert result.weight_history.numel() == 0 and result.model is None


def test_a_new_comparison_frees_the_one_it_replaces():
    at = multilingual(open_page(PAGE))
    show_tab(at, "compare")
    at.button(key="classifier.compare_run").click().run()
    assert_clean(at)
    first = [weakref.ref(result) for _, result in at.session_state["classifier.comparison"]]
    assert first

    at.button(key="classifier.compare_run").click().run()
    assert_clean(at)
    at.run()  # Streamlit keeps a replaced session value until the next run starts
    RUN_CACHE.clear()
    gc.collect()

    assert at.session_state["classifier.comparison"]
    assert all(ref() is None for ref in first)
