"""A run taken out of the app: weights as CSV, its config as JSON, and a script that redoes it."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence

import torch

from core.corpus import Row, validate
from core.dataset import TokenOptions
from core.optimizers import OPTIMIZER_CODE
from core.training import TrainConfig
from core.tutorial_draws import BEFORE_CLASSIFIER, draws_code

BIAS_ROW = "<bias>"


def _float(value: float) -> str:
    # Nine significant digits bring a float32 back exactly.
    return format(float(value), ".9g")


def weights_csv(weight: torch.Tensor, bias: torch.Tensor, vocab: Iterable[str], labels: Iterable[str]) -> str:
    """CSV with a header word,<label>...; one row per word, then a final "<bias>" row."""
    weight = torch.as_tensor(weight).detach().cpu()
    bias = torch.as_tensor(bias).detach().cpu()
    words, labels = list(vocab), list(labels)
    if tuple(weight.shape) != (len(labels), len(words)) or tuple(bias.shape) != (len(labels),):
        raise ValueError(
            f"weight {tuple(weight.shape)} and bias {tuple(bias.shape)} do not fit "
            f"{len(labels)} labels and {len(words)} words"
        )
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["word", *labels])
    for index, word in enumerate(words):
        writer.writerow([word, *(_float(v) for v in weight[:, index].tolist())])
    writer.writerow([BIAS_ROW, *(_float(v) for v in bias.tolist())])
    return buffer.getvalue()


def config_json(config: TrainConfig, options: TokenOptions, vocab_from_test: bool) -> str:
    """The settings that decide a run, as indented JSON."""
    return json.dumps(
        {
            "config": config.to_dict(),
            "tokens": {"lowercase": options.lowercase, "strip_punctuation": options.strip_punctuation},
            "vocab_from_test": bool(vocab_from_test),
        },
        indent=2,
        ensure_ascii=False,
    )


def config_from_json(text: str) -> tuple[TrainConfig, TokenOptions, bool]:
    """The inverse of `config_json`; ValueError for text it did not write."""
    try:
        data = json.loads(text)
        config = TrainConfig(**data["config"])
        options = TokenOptions(**data["tokens"])
        return config, options, bool(data["vocab_from_test"])
    except (ValueError, KeyError, TypeError) as error:
        raise ValueError(f"not a run config: {error}") from None


# ------------------------------------------------------------------ the reproduction script

_SCRIPT_HEAD = '''\
"""Reproduces one training run of Building Blocks Lab's classifier in plain PyTorch.

Corpus, vocabulary, label map, seed, optimiser and update mode are those of the run;
the printed weights (4 decimals) are the ones the app shows. Run: python {filename}
"""

{imports}import torch
import torch.nn.functional as F
from torch import nn, optim

SEED = {seed}
EPOCHS = {epochs}
LEARNING_RATE = {lr}
UPDATE_MODE = {update_mode!r}  # "per_sentence": the tutorial's loop; "minibatch": shuffled batches
BATCH_SIZE = {batch_size}
DEVICE = torch.device({device!r})
LOWERCASE = {lowercase}
STRIP_PUNCTUATION = {strip_punctuation}
VOCAB_FROM_TEST = {vocab_from_test}  # test words join the vocabulary too, as in the tutorial

# (text, label, split)
CORPUS = [
{corpus}
]


def tokenize(text):
    """Whitespace split, as the tutorial's sentence.split(), with the run's options."""
    if LOWERCASE:
        text = text.lower()
    tokens = text.split()
{strip}    return tokens


train_rows = [(tokenize(text), label) for text, label, split in CORPUS if split == "train"]
test_rows = [(tokenize(text), label) for text, label, split in CORPUS if split == "test"]

# word_to_ix and label_to_ix: indices in first-seen order.
word_to_ix = {{}}
for tokens, _ in train_rows + (test_rows if VOCAB_FROM_TEST else []):
    for word in tokens:
        if word not in word_to_ix:
            word_to_ix[word] = len(word_to_ix)
label_to_ix = {{}}
for _, label in train_rows:
    if label not in label_to_ix:
        label_to_ix[label] = len(label_to_ix)


def make_bow_matrix(rows):
    """One row of word counts per sentence; words outside word_to_ix are left out."""
    matrix = torch.zeros(len(rows), len(word_to_ix))
    for row, (tokens, _) in enumerate(rows):
        for word in tokens:
            if word in word_to_ix:
                matrix[row, word_to_ix[word]] += 1
    return matrix


def make_targets(rows):
    return torch.tensor([label_to_ix[label] for _, label in rows], dtype=torch.long)


class BoWClassifier(nn.Module):
    """An affine map from word counts to one score per label, then log_softmax."""

    def __init__(self, num_labels, vocab_size):
        super().__init__()
        self.linear = nn.Linear(vocab_size, num_labels)

    def forward(self, bow_vec):
        return F.log_softmax(self.linear(bow_vec), dim=1)


torch.manual_seed(SEED)
{tutorial_draws}model = BoWClassifier(len(label_to_ix), len(word_to_ix)).to(DEVICE)
optimizer = {optimizer}

x_train, y_train = make_bow_matrix(train_rows).to(DEVICE), make_targets(train_rows).to(DEVICE)
x_test, y_test = make_bow_matrix(test_rows).to(DEVICE), make_targets(test_rows).to(DEVICE)
PRINT_EVERY = max(1, EPOCHS // 10)


def report(epoch):
    """Print the training loss now and then; it draws nothing random and changes no weight."""
    if epoch % PRINT_EVERY == 0 or epoch == EPOCHS:
        with torch.no_grad():
            print(f"epoch {{epoch:4d}}  train loss {{F.nll_loss(model(x_train), y_train).item():.4f}}")


'''

_LOOP_PER_SENTENCE = """\
for epoch in range(1, EPOCHS + 1):
    for i in range(len(y_train)):
        index = torch.tensor([i]).to(DEVICE)
        model.zero_grad()
        log_probs = model(x_train[index])
        loss = F.nll_loss(log_probs, y_train[index])
        loss.backward()
        optimizer.step()
    report(epoch)
"""

_LOOP_MINIBATCH = """\
# Shuffling has its own generator, so it never disturbs the global seed.
generator = torch.Generator().manual_seed(SEED)
for epoch in range(1, EPOCHS + 1):
    for index in torch.randperm(len(y_train), generator=generator).split(BATCH_SIZE):
        index = index.to(DEVICE)
        model.zero_grad()
        log_probs = model(x_train[index])
        loss = F.nll_loss(log_probs, y_train[index])
        loss.backward()
        optimizer.step()
    report(epoch)
"""

_SCRIPT_TAIL = """
with torch.no_grad():
    train_loss = F.nll_loss(model(x_train), y_train).item()
    print(f"final train loss: {train_loss:.4f}")
    if len(y_test):
        test_log_probs = model(x_test)
        accuracy = (test_log_probs.argmax(dim=1) == y_test).float().mean().item()
        print(f"final test loss: {F.nll_loss(test_log_probs, y_test).item():.4f}  accuracy: {accuracy:.4f}")

weight = model.linear.weight.detach().cpu()
bias = model.linear.bias.detach().cpu()
labels = list(label_to_ix)
print()
print("final weights (one row per word, one column per label):")
print("\\t".join(["word", *labels]))
for word, ix in word_to_ix.items():
    print("\\t".join([word, *(f"{value:.4f}" for value in weight[:, ix].tolist())]))
print("\\t".join(["<bias>", *(f"{value:.4f}" for value in bias.tolist())]))
"""

_STRIP = """\
    if STRIP_PUNCTUATION:
        # Drop every Unicode punctuation character, then tokens left empty.
        tokens = ["".join(ch for ch in tok if not unicodedata.category(ch).startswith("P")) for tok in tokens]
        tokens = [tok for tok in tokens if tok]
"""

_TUTORIAL_DRAWS = "# The tutorial draws these before building its classifier; repeating them gives its weights.\n" + (
    draws_code(BEFORE_CLASSIFIER)
)


def reproduction_script(
    rows: Sequence[Row],
    config: TrainConfig,
    options: TokenOptions,
    vocab_from_test: bool,
    filename: str = "reproduce_run.py",
) -> str:
    """A standalone plain-PyTorch script that reruns `core.training.train` and prints the weights.

    It seeds, builds, shuffles and steps exactly as `train` does, so its printed weights equal
    the app's to the last printed digit (same machine and device). For a run stopped early,
    pass `dataclasses.replace(config, epochs=result.epochs_done)`.
    """
    config.check()
    rows = validate(rows)
    if config.optimizer not in OPTIMIZER_CODE:
        raise ValueError(f"unknown optimiser {config.optimizer!r}; choose one of: {', '.join(OPTIMIZER_CODE)}")
    # repr() writes each text as a valid Python literal, whatever quotes or backslashes it holds.
    corpus = "\n".join(f"    ({row.text!r}, {row.label!r}, {row.split!r})," for row in rows)
    head = _SCRIPT_HEAD.format(
        filename=filename,
        imports="import unicodedata\n\n" if options.strip_punctuation else "",
        seed=int(config.seed),
        epochs=int(config.epochs),
        lr=repr(float(config.lr)),
        update_mode=config.update_mode,
        batch_size=int(config.batch_size),
        device=config.device,
        lowercase=bool(options.lowercase),
        strip_punctuation=bool(options.strip_punctuation),
        vocab_from_test=bool(vocab_from_test),
        corpus=corpus,
        strip=_STRIP if options.strip_punctuation else "",
        tutorial_draws=_TUTORIAL_DRAWS if config.tutorial_draws else "",
        optimizer=OPTIMIZER_CODE[config.optimizer].format(lr="LEARNING_RATE"),
    )
    loop = _LOOP_PER_SENTENCE if config.update_mode == "per_sentence" else _LOOP_MINIBATCH
    return head + loop + _SCRIPT_TAIL
