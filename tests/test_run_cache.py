"""The cross-session run cache: identical inputs only, bounded, thread-safe, one training per key."""

import threading
import time
from dataclasses import replace

import pytest
import torch

from core.corpus import TUTORIAL_CORPUS, Row
from core.dataset import TokenOptions, prepare
from core.run_cache import CachedRun, RunCache, run_key
from core.training import TrainConfig, train

CONFIG = TrainConfig(epochs=5)
ROWS = list(TUTORIAL_CORPUS)


@pytest.fixture(scope="module")
def tutorial_result():
    return train(prepare(ROWS), CONFIG)


def test_key_covers_every_input():
    base = run_key(ROWS, TokenOptions(), True, CONFIG)
    assert base == run_key(list(ROWS), TokenOptions(), True, TrainConfig(epochs=5))
    one_word = [Row(ROWS[0].text.replace("comer", "beber"), ROWS[0].label, ROWS[0].split), *ROWS[1:]]
    others = {
        run_key(one_word, TokenOptions(), True, CONFIG),
        run_key([*ROWS[1:], ROWS[0]], TokenOptions(), True, CONFIG),  # order
        run_key([replace(ROWS[0], split="test"), *ROWS[1:]], TokenOptions(), True, CONFIG),
        run_key([replace(ROWS[0], label="ENGLISH"), *ROWS[1:]], TokenOptions(), True, CONFIG),
        run_key(ROWS, TokenOptions(lowercase=True), True, CONFIG),
        run_key(ROWS, TokenOptions(), False, CONFIG),
        run_key(ROWS, TokenOptions(), True, replace(CONFIG, device="cuda")),
        run_key(ROWS, TokenOptions(), True, replace(CONFIG, lr=0.1000001)),
        run_key(ROWS, TokenOptions(), True, CONFIG, extra="compare"),
        # Texts that would run together if rows were simply joined.
        run_key([Row("a b", "X"), Row("c", "Y")], TokenOptions(), True, CONFIG),
    }
    assert base not in others and len(others) == 10
    assert run_key([Row("a", "X"), Row("b c", "Y")], TokenOptions(), True, CONFIG) not in others


def test_thirty_identical_requests_train_once(tutorial_result):
    cache = RunCache()
    calls = []
    start = threading.Barrier(30)

    def train_fn():
        calls.append(1)
        time.sleep(0.3)  # long enough for every other thread to arrive and wait
        return tutorial_result

    results = [None] * 30

    def request(i):
        start.wait()
        results[i] = cache.get_or_train("k", train_fn)

    threads = [threading.Thread(target=request, args=(i,)) for i in range(30)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(calls) == 1 and cache.stats.trainings == 1
    assert cache.stats.joined + cache.stats.hits == 29
    for result in results:
        torch.testing.assert_close(result.final_weight, tutorial_result.final_weight)
    # Every caller has its own model; none is the trained module itself.
    models = {id(result.model) for result in results}
    assert len(models) == 30
    assert cache.get_or_train("k", train_fn).history == tutorial_result.history and len(calls) == 1


def test_a_one_word_difference_misses(tutorial_result):
    cache = RunCache()
    changed = [Row("me gusta gusta en la cafeteria", "SPANISH"), *ROWS[1:]]
    keys = [run_key(rows, TokenOptions(), True, CONFIG) for rows in (ROWS, changed)]
    calls = []

    def train_fn(rows):
        calls.append(rows)
        return train(prepare(rows), CONFIG)

    first = cache.get_or_train(keys[0], lambda: train_fn(ROWS))
    second = cache.get_or_train(keys[1], lambda: train_fn(changed))
    assert len(calls) == 2
    assert not torch.equal(first.final_weight, second.final_weight)
    # No leak across keys: each key answers with its own run.
    torch.testing.assert_close(cache.get(keys[0]).final_weight, first.final_weight)
    torch.testing.assert_close(cache.get(keys[1]).final_weight, second.final_weight)
    assert cache.get("unknown") is None


def test_cached_model_predicts_like_the_trained_one(tutorial_result):
    cache = RunCache()
    cache.put("k", tutorial_result)
    data = prepare(ROWS)
    got = cache.get("k")
    assert got is not tutorial_result and got.model is not tutorial_result.model
    torch.testing.assert_close(data.log_probs(got.model, "test"), data.log_probs(tutorial_result.model, "test"))
    # Changing one caller's model leaves the stored run alone.
    with torch.no_grad():
        got.model.linear.weight.zero_()
    torch.testing.assert_close(cache.get("k").model.linear.weight, tutorial_result.final_weight)


def test_rebuilding_a_model_draws_no_random_numbers(tutorial_result):
    cache = RunCache()
    cache.put("k", tutorial_result)
    state = torch.get_rng_state()
    cache.get("k")
    assert torch.equal(state, torch.get_rng_state())


def test_bounded_by_entries_lru(tutorial_result):
    cache = RunCache(max_entries=2)
    for key in "abc":
        cache.put(key, tutorial_result)
        if key == "b":
            cache.get("a")  # a is now more recent than b
    assert "a" in cache and "c" in cache and "b" not in cache and len(cache) == 2


def test_bounded_by_bytes(tutorial_result):
    size = CachedRun.of(tutorial_result).nbytes
    cache = RunCache(max_bytes=2 * size + size // 2)
    for key in "abcd":
        cache.put(key, tutorial_result)
        assert cache.nbytes <= cache.max_bytes
    assert len(cache) == 2 and "c" in cache and "d" in cache
    tiny = RunCache(max_bytes=size - 1)
    assert tiny.put("x", tutorial_result) is None and len(tiny) == 0


def test_stopped_and_diverged_runs_are_not_cached(tutorial_result):
    cache = RunCache()
    for status in ("stopped", "diverged", "imported"):
        assert cache.put(status, replace(tutorial_result, status=status)) is None
    assert len(cache) == 0


def test_when_the_first_training_fails_one_waiter_trains(tutorial_result):
    cache = RunCache()
    calls = []
    lock = threading.Lock()
    start = threading.Barrier(10)

    def train_fn():
        with lock:
            calls.append(1)
            first = len(calls) == 1
        time.sleep(0.2)
        if first:
            raise RuntimeError("stopped by its session")
        return tutorial_result

    outcomes = []

    def request():
        start.wait()
        try:
            outcomes.append(cache.get_or_train("k", train_fn))
        except RuntimeError as error:
            outcomes.append(error)

    threads = [threading.Thread(target=request) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(calls) == 2
    assert sum(isinstance(outcome, RuntimeError) for outcome in outcomes) == 1
    assert len(outcomes) == 10


def test_a_stopped_first_run_makes_a_waiter_train(tutorial_result):
    cache = RunCache()
    calls = []
    started = threading.Event()

    def stopped():
        calls.append("stopped")
        started.set()
        time.sleep(0.2)
        return replace(tutorial_result, status="stopped")

    def completed():
        calls.append("completed")
        return tutorial_result

    first = threading.Thread(target=lambda: cache.get_or_train("k", stopped))
    first.start()
    started.wait()
    result = cache.get_or_train("k", completed)
    first.join()
    assert calls == ["stopped", "completed"] and result.status == "completed" and "k" in cache
