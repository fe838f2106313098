"""The tutorial replayed: its own code, run in its order of random draws, beside what it printed.

Each step's code is the tutorial's code (English comments shortened). The steps run one after
another in one namespace, as the cells of the tutorial do, and every `print` is captured, so
the values shown next to the code are exactly what that code produced.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import torch

from core.seeding import seeded

TUTORIAL_WORD_TO_IX = {
    word: ix
    for ix, word in enumerate(
        "me gusta comer en la cafeteria Give it to No creo que sea una buena idea is not a "
        "good get lost at Yo si on".split()
    )
}

TUTORIAL_INITIAL_WEIGHT = [
    [
        0.1194,
        0.0609,
        -0.1268,
        0.1274,
        0.1191,
        0.1739,
        -0.1099,
        -0.0323,
        -0.0038,
        0.0286,
        -0.1488,
        -0.1392,
        0.1067,
        -0.0460,
        0.0958,
        0.0112,
        0.0644,
        0.0431,
        0.0713,
        0.0972,
        -0.1816,
        0.0987,
        -0.1379,
        -0.1480,
        0.0119,
        -0.0334,
    ],
    [
        0.1152,
        -0.1136,
        -0.1743,
        0.1427,
        -0.0291,
        0.1103,
        0.0630,
        -0.1471,
        0.0394,
        0.0471,
        -0.1313,
        -0.0931,
        0.0669,
        0.0351,
        -0.0834,
        -0.0594,
        0.1796,
        -0.0363,
        0.1106,
        0.0849,
        -0.1268,
        -0.1668,
        0.1882,
        0.0102,
        0.1344,
        0.0406,
    ],
]


@dataclass(frozen=True)
class Step:
    """One cell of the tutorial: its code and the values the tutorial printed, in order."""

    key: str
    code: str
    printed: tuple[Any, ...]


STEPS: tuple[Step, ...] = (
    Step(
        "affine",
        """\
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

torch.manual_seed(1)
lin = nn.Linear(5, 3)  # maps from R^5 to R^3, parameters A, b
# data is 2x5.  A maps from 5 to 3... can we map "data" under A?
data = torch.randn(2, 5)
print(lin(data))  # yes
""",
        ([[0.1755, -0.3268, -0.5069], [-0.6602, 0.2260, 0.1089]],),
    ),
    Step(
        "relu",
        """\
# In pytorch, most non-linearities are in torch.functional (we have it imported as F)
# Note that non-linearites typically don't have parameters like affine maps do.
data = torch.randn(2, 2)
print(data)
print(F.relu(data))
""",
        ([[-0.5404, -2.2102], [2.1130, -0.0040]], [[0.0, 0.0], [2.1130, 0.0]]),
    ),
    Step(
        "softmax",
        """\
# Softmax is also in torch.nn.functional
data = torch.randn(5)
print(data)
print(F.softmax(data, dim=0))
print(F.softmax(data, dim=0).sum())  # Sums to 1 because it is a distribution!
print(F.log_softmax(data, dim=0))  # theres also log_softmax
""",
        (
            [1.3800, -1.3505, 0.3455, 0.5046, 1.8213],
            [0.2948, 0.0192, 0.1048, 0.1228, 0.4584],
            1.0,
            [-1.2214, -3.9519, -2.2560, -2.0969, -0.7801],
        ),
    ),
    Step(
        "vocabulary",
        """\
data = [("me gusta comer en la cafeteria".split(), "SPANISH"),
        ("Give it to me".split(), "ENGLISH"),
        ("No creo que sea una buena idea".split(), "SPANISH"),
        ("No it is not a good idea to get lost at sea".split(), "ENGLISH")]

test_data = [("Yo creo que si".split(), "SPANISH"),
             ("it is lost on me".split(), "ENGLISH")]

# word_to_ix maps each word in the vocab to a unique integer, which will be its
# index into the Bag of words vector
word_to_ix = {}
for sent, _ in data + test_data:
    for word in sent:
        if word not in word_to_ix:
            word_to_ix[word] = len(word_to_ix)
print(word_to_ix)

VOCAB_SIZE = len(word_to_ix)
NUM_LABELS = 2
""",
        (TUTORIAL_WORD_TO_IX,),
    ),
    Step(
        "model",
        """\
class BoWClassifier(nn.Module):  # inheriting from nn.Module!

    def __init__(self, num_labels, vocab_size):
        super(BoWClassifier, self).__init__()
        # Define the parameters that you will need.  In this case, we need A and b,
        # the parameters of the affine mapping.
        self.linear = nn.Linear(vocab_size, num_labels)

    def forward(self, bow_vec):
        # Pass the input through the linear layer,
        # then pass that through log_softmax.
        return F.log_softmax(self.linear(bow_vec), dim=1)


def make_bow_vector(sentence, word_to_ix):
    vec = torch.zeros(len(word_to_ix))
    for word in sentence:
        vec[word_to_ix[word]] += 1
    return vec.view(1, -1)


def make_target(label, label_to_ix):
    return torch.LongTensor([label_to_ix[label]])


model = BoWClassifier(NUM_LABELS, VOCAB_SIZE)

# the model knows its parameters.  The first output below is A, the second is b.
for param in model.parameters():
    print(param)

# To run the model, pass in a BoW vector
# Here we don't need to train, so the code is wrapped in torch.no_grad()
with torch.no_grad():
    sample = data[0]
    bow_vector = make_bow_vector(sample[0], word_to_ix)
    log_probs = model(bow_vector)
    print(log_probs)
""",
        (TUTORIAL_INITIAL_WEIGHT, [0.0631, 0.1465], [[-0.5378, -0.8771]]),
    ),
    Step(
        "before",
        """\
label_to_ix = {"SPANISH": 0, "ENGLISH": 1}

# Run on test data before we train, just to see a before-and-after
with torch.no_grad():
    for instance, label in test_data:
        bow_vec = make_bow_vector(instance, word_to_ix)
        log_probs = model(bow_vec)
        print(log_probs)

# Print the matrix column corresponding to "creo"
print(next(model.parameters())[:, word_to_ix["creo"]])
""",
        ([[-0.9297, -0.5020]], [[-0.6388, -0.7506]], [-0.1488, -0.1313]),
    ),
    Step(
        "train",
        """\
loss_function = nn.NLLLoss()
optimizer = optim.SGD(model.parameters(), lr=0.1)

# Usually you want to pass over the training data several times.
for epoch in range(100):
    for instance, label in data:
        # Step 1. PyTorch accumulates gradients: clear them before each instance.
        model.zero_grad()

        # Step 2. Make our BOW vector and wrap the target in a Tensor as an integer.
        bow_vec = make_bow_vector(instance, word_to_ix)
        target = make_target(label, label_to_ix)

        # Step 3. Run our forward pass.
        log_probs = model(bow_vec)

        # Step 4. Compute the loss, gradients, and update the parameters.
        loss = loss_function(log_probs, target)
        loss.backward()
        optimizer.step()

with torch.no_grad():
    for instance, label in test_data:
        bow_vec = make_bow_vector(instance, word_to_ix)
        log_probs = model(bow_vec)
        print(log_probs)

# Index corresponding to Spanish goes up, English goes down!
print(next(model.parameters())[:, word_to_ix["creo"]])
""",
        ([[-0.2093, -1.6669]], [[-2.5330, -0.0828]], [0.2803, -0.5605]),
    ),
)


@dataclass(frozen=True)
class StepResult:
    step: Step
    printed: tuple[Any, ...]  # what this run printed, as plain Python values

    @property
    def matches(self) -> bool:
        return len(self.printed) == len(self.step.printed) and all(
            same_value(got, want) for got, want in zip(self.printed, self.step.printed, strict=True)
        )


def to_plain(value: Any) -> Any:
    """Tensors become (nested) lists of floats; everything else is kept."""
    if isinstance(value, torch.Tensor):
        return value.detach().cpu().tolist()
    return value


def same_value(got: Any, want: Any, tolerance: float = 5e-5 + 1e-7) -> bool:
    """True when `got` prints as `want` to 4 decimals (nested lists, numbers or dicts)."""
    if isinstance(want, dict):
        return got == want
    if isinstance(want, (list, tuple)):
        return (
            isinstance(got, (list, tuple))
            and len(got) == len(want)
            and all(same_value(g, w, tolerance) for g, w in zip(got, want, strict=True))
        )
    return isinstance(got, (int, float)) and abs(got - want) <= tolerance


def format_value(value: Any) -> str:
    """A printed value as the tutorial shows it: numbers to 4 decimals, nested brackets."""
    if isinstance(value, dict):
        return repr(value)
    if isinstance(value, (list, tuple)):
        inner = [format_value(item) for item in value]
        if value and isinstance(value[0], (list, tuple)):
            return "[" + ",\n ".join(inner) + "]"
        return "[" + ", ".join(inner) + "]"
    if isinstance(value, float):
        return f"{value:.4f}"
    return repr(value)


TUTORIAL_SEED_LINE = "torch.manual_seed(1)"


def step_code(step: Step, seed: int = 1) -> str:
    """The step's code, with the tutorial's seed replaced by `seed`."""
    return step.code.replace(TUTORIAL_SEED_LINE, f"torch.manual_seed({int(seed)})")


def _recorder(printed: list[Any]):
    """A stand-in for `print` that keeps the printed values instead of writing text."""
    return lambda *args: printed.extend(to_plain(arg) for arg in args)


def run_replay(seed: int = 1) -> list[StepResult]:
    """Run every step in order in one namespace and return what each printed.

    With seed 1 (the tutorial's) every printed value matches the tutorial; another seed
    shows how every later number depends on the draws before it.
    """
    namespace: dict[str, Any] = {}
    results = []
    # The first step seeds torch itself; the lock keeps other threads' draws out until the end.
    with seeded(seed):
        for step in STEPS:
            printed: list[Any] = []
            namespace["print"] = _recorder(printed)
            exec(compile(step_code(step, seed), f"<tutorial:{step.key}>", "exec"), namespace)
            results.append(StepResult(step, tuple(printed)))
    return results
