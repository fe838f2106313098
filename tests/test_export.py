"""Exports: weights CSV, config JSON, tensors-only weight files, and the reproduction script."""

import ast
import csv
import dataclasses
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import torch

from core.corpus import TUTORIAL_CORPUS, Row
from core.dataset import TokenOptions, prepare
from core.export import (
    BIAS_ROW,
    config_from_json,
    config_json,
    reproduction_script,
    weights_csv,
)
from core.presets import PRESETS
from core.training import TrainConfig, train
from core.weights_file import weights_from_bytes, weights_to_bytes

# Importing torch in a fresh interpreter is the slow part, so the scripts share one subprocess;
# each still runs from its own file, as __main__ (as `python reproduce_run.py` would), in a folder
# without the app. The driver also hands back the weights the script ended with, at full
# precision, from the script's own variables: the printed table has only 4 decimals.
_DRIVER = """
import contextlib, io, json, runpy, sys
outputs = {}
for path in sys.argv[1:]:
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        script = runpy.run_path(path, run_name="__main__")
    outputs[path] = {
        "stdout": buffer.getvalue(),
        "words": list(script["word_to_ix"]),
        "labels": list(script["labels"]),
        "weight": script["weight"].tolist(),
        "bias": script["bias"].tolist(),
    }
print(json.dumps(outputs))
"""
_ENV = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}


@dataclasses.dataclass
class ScriptRun:
    """What a reproduction script printed, and the weights it ended with."""

    stdout: str
    words: list[str]
    labels: list[str]
    weight: torch.Tensor
    bias: torch.Tensor


def _run_scripts(sources: dict[str, str], folder: Path) -> dict[str, ScriptRun]:
    paths = {}
    for name, source in sources.items():
        paths[name] = folder / f"{name}.py"
        paths[name].write_text(source, encoding="utf-8")
    completed = subprocess.run(
        [sys.executable, "-c", _DRIVER, *map(str, paths.values())],
        cwd=folder,
        env=_ENV,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert completed.returncode == 0, completed.stderr
    outputs = json.loads(completed.stdout)
    runs = {}
    for name, path in paths.items():
        output = outputs[str(path)]
        weight, bias = torch.tensor(output.pop("weight")), torch.tensor(output.pop("bias"))
        runs[name] = ScriptRun(weight=weight, bias=bias, **output)
    return runs


def _printed_weights(stdout: str) -> tuple[list[str], dict[str, list[str]]]:
    """The header and the word -> 4-decimal values table the script prints last."""
    table = stdout.split("one column per label):\n", 1)[1].strip().splitlines()
    header = table[0].split("\t")
    rows = {}
    for line in table[1:]:
        word, *values = line.split("\t")
        rows[word] = values
    return header, rows


def assert_reproduces(script: ScriptRun, result, dataset) -> None:
    """The script's vocabulary, labels and final weights are the app's, to 1e-5."""
    assert script.words == list(dataset.vocab) and script.labels == list(dataset.labels)
    # float32 sums in another order (the app gathers columns, the script multiplies a dense matrix)
    # differ in the last bits, about 1e-7 here; 1e-5 is the claim the README makes.
    torch.testing.assert_close(script.weight, result.final_weight, rtol=0, atol=1e-5)
    torch.testing.assert_close(script.bias, result.final_bias, rtol=0, atol=1e-5)
    # What it prints is those weights, rounded.
    header, printed = _printed_weights(script.stdout)
    assert header == ["word", *dataset.labels]
    rounded = {word: [f"{v:.4f}" for v in script.weight[:, i].tolist()] for i, word in enumerate(script.words)}
    rounded[BIAS_ROW] = [f"{v:.4f}" for v in script.bias.tolist()]
    assert list(printed) == [*script.words, BIAS_ROW] and printed == rounded


# ---------------------------------------------------------------- the reproduction script

TUTORIAL_SETTINGS = TrainConfig(optimizer="sgd", lr=0.1, epochs=100, seed=1, tutorial_draws=True)


def _tutorial_case():
    options = TokenOptions()
    dataset = prepare(list(TUTORIAL_CORPUS), options)
    script = reproduction_script(TUTORIAL_CORPUS, TUTORIAL_SETTINGS, options, True)
    return script, dataset, train(dataset, TUTORIAL_SETTINGS)


TRICKY_ROWS = [
    Row('He said "stop" \\ then """left"""', "ENGLISH", "train"),
    Row("'; import os; os.remove('x') #", "ENGLISH", "train"),
    Row("Él dijo {hola} y {{adiós}}", " SPANISH ", "train"),
    Row("Ella dijo que no", "SPANISH", "test"),
]


def _minibatch_adam_case():
    rows = [row for i, row in enumerate(PRESETS["multilingual"]) if i % 3 == 0]
    options = TokenOptions(lowercase=True, strip_punctuation=True)
    config = TrainConfig(optimizer="adam", lr=0.02, epochs=4, seed=7, update_mode="minibatch", batch_size=8)
    dataset = prepare(rows, options, vocab_from_test=False)
    return reproduction_script(rows, config, options, False), dataset, train(dataset, config)


def _stopped_case():
    dataset = prepare(list(TUTORIAL_CORPUS))
    config = TrainConfig(optimizer="sgd_momentum", lr=0.05, epochs=50, seed=3)
    result = train(dataset, config, on_epoch=lambda record: record.epoch >= 7)
    assert result.status == "stopped" and result.epochs_done == 7
    done = dataclasses.replace(config, epochs=result.epochs_done)
    return reproduction_script(TUTORIAL_CORPUS, done, TokenOptions(), True), dataset, result


def _tricky_case():
    config = TrainConfig(epochs=3)
    dataset = prepare(TRICKY_ROWS)
    return reproduction_script(TRICKY_ROWS, config, TokenOptions(), True), dataset, train(dataset, config)


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """name -> (script source, dataset, the app's result, the script's run)."""
    cases = {
        "tutorial": _tutorial_case(),
        "minibatch_adam": _minibatch_adam_case(),
        "stopped": _stopped_case(),
        "tricky": _tricky_case(),
    }
    sources = {name: case[0] for name, case in cases.items()}
    scripts = _run_scripts(sources, tmp_path_factory.mktemp("scripts"))
    return {name: (*case, scripts[name]) for name, case in cases.items()}


def test_script_reproduces_the_tutorial_run(runs):
    _, dataset, result, script = runs["tutorial"]
    assert_reproduces(script, result, dataset)
    assert _printed_weights(script.stdout)[0] == ["word", "SPANISH", "ENGLISH"]
    # And both are the tutorial's own numbers.
    assert _printed_weights(script.stdout)[1]["creo"] == ["0.2803", "-0.5605"]
    assert f"final train loss: {result.history[-1].train_loss:.4f}" in script.stdout


def test_script_reproduces_a_minibatch_adam_run(runs):
    _, dataset, result, script = runs["minibatch_adam"]
    assert_reproduces(script, result, dataset)
    record = result.history[-1]
    assert f"final test loss: {record.test_loss:.4f}  accuracy: {record.test_accuracy:.4f}" in script.stdout


def test_script_of_a_stopped_run_reproduces_the_epochs_done(runs):
    _, dataset, result, script = runs["stopped"]
    assert_reproduces(script, result, dataset)


def test_script_survives_any_user_text_and_imports_only_torch(runs):
    source, dataset, result, script = runs["tricky"]
    tree = ast.parse(source)
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert imported == {"torch", "torch.nn.functional"}
    # The corpus literal holds the texts exactly (labels trimmed, as validation does).
    corpus = next(node.value for node in tree.body if isinstance(node, ast.Assign) and node.targets[0].id == "CORPUS")
    assert ast.literal_eval(corpus) == [(r.text, r.label.strip(), r.split) for r in TRICKY_ROWS]
    assert_reproduces(script, result, dataset)


def test_script_with_punctuation_stripping_imports_unicodedata_too(runs):
    tree = ast.parse(runs["minibatch_adam"][0])
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    assert imported == {"torch", "torch.nn.functional", "unicodedata"}


def test_script_rejects_what_train_rejects():
    with pytest.raises(ValueError, match="epochs"):
        reproduction_script(TUTORIAL_CORPUS, TrainConfig(epochs=0), TokenOptions(), True)
    with pytest.raises(ValueError, match="row 1"):
        reproduction_script([Row("", "A"), Row("b", "B")], TrainConfig(), TokenOptions(), True)
    with pytest.raises(ValueError, match="unknown optimiser"):
        reproduction_script(TUTORIAL_CORPUS, TrainConfig(optimizer="lbfgs"), TokenOptions(), True)


# ---------------------------------------------------------------- weights CSV and config JSON


def test_weights_csv_holds_every_weight_and_the_bias():
    dataset = prepare(list(TUTORIAL_CORPUS))
    result = train(dataset, TrainConfig(epochs=5))
    text = weights_csv(result.final_weight, result.final_bias, dataset.vocab, dataset.labels)
    table = list(csv.reader(io.StringIO(text)))
    assert table[0] == ["word", "SPANISH", "ENGLISH"]
    assert [row[0] for row in table[1:]] == [*dataset.vocab, BIAS_ROW]
    read = torch.tensor([[float(v) for v in row[1:]] for row in table[1:]], dtype=torch.float32)
    # Nine significant digits give back the float32 values exactly.
    assert torch.equal(read[:-1].T, result.final_weight)
    assert torch.equal(read[-1], result.final_bias)


def test_weights_csv_rejects_mismatched_shapes():
    with pytest.raises(ValueError, match="do not fit"):
        weights_csv(torch.zeros(2, 3), torch.zeros(2), ["a", "b"], ["X", "Y"])


def test_config_json_round_trip():
    config = TrainConfig(optimizer="adam", lr=0.003, epochs=12, seed=5, update_mode="minibatch", batch_size=4)
    options = TokenOptions(lowercase=True)
    text = config_json(config, options, False)
    data = json.loads(text)
    assert data["config"]["optimizer"] == "adam" and data["config"]["lr"] == 0.003
    assert data["tokens"] == {"lowercase": True, "strip_punctuation": False}
    assert data["vocab_from_test"] is False
    assert config_from_json(text) == (config, options, False)
    with pytest.raises(ValueError, match="not a run config"):
        config_from_json('{"config": {"optimiser": "sgd"}}')


# ---------------------------------------------------------------- weight files


def test_weights_bytes_round_trip():
    weight = torch.randn(3, 7, generator=torch.Generator().manual_seed(0))
    bias = torch.tensor([0.1, -0.2, 0.3])
    loaded_weight, loaded_bias = weights_from_bytes(weights_to_bytes(weight, bias), 3, 7)
    assert torch.equal(loaded_weight, weight) and torch.equal(loaded_bias, bias)


@pytest.mark.parametrize(
    ("labels", "words", "message"),
    [(2, 7, r"'weight' has shape \(3, 7\); this corpus needs \(2, 7\)"), (3, 8, r"needs \(3, 8\)")],
)
def test_weights_from_bytes_checks_shapes(labels, words, message):
    data = weights_to_bytes(torch.zeros(3, 7), torch.zeros(3))
    with pytest.raises(ValueError, match=message):
        weights_from_bytes(data, labels, words)


def test_weights_from_bytes_checks_bias_and_contents():
    with pytest.raises(ValueError, match=r"'bias' has shape \(2,\)"):
        weights_from_bytes(weights_to_bytes(torch.zeros(3, 7), torch.zeros(2)), 3, 7)
    with pytest.raises(ValueError, match="NaN or infinite"):
        weights_from_bytes(weights_to_bytes(torch.full((2, 2), float("nan")), torch.zeros(2)), 2, 2)
    buffer = io.BytesIO()
    torch.save({"weights": torch.zeros(2, 2)}, buffer)
    with pytest.raises(ValueError, match="no 'weight' and 'bias'"):
        weights_from_bytes(buffer.getvalue(), 2, 2)
    with pytest.raises(ValueError, match="not a weights file"):
        weights_from_bytes(b"definitely not a torch file", 2, 2)


class _Exploit:
    """Unpickling this would run code; `weights_only=True` must refuse it."""

    def __init__(self, path):
        self.path = path

    def __reduce__(self):
        return (Path.write_text, (Path(self.path), "owned"))


def test_weights_from_bytes_never_runs_code(tmp_path):
    marker = tmp_path / "marker.txt"
    buffer = io.BytesIO()
    torch.save({"weight": torch.zeros(2, 2), "bias": torch.zeros(2), "x": _Exploit(marker)}, buffer)
    with pytest.raises(ValueError, match="not a weights file"):
        weights_from_bytes(buffer.getvalue(), 2, 2)
    assert not marker.exists()
    # The same bytes do run code under a plain unpickler, so the test means something.
    torch.load(io.BytesIO(buffer.getvalue()), weights_only=False)
    assert marker.read_text() == "owned"
