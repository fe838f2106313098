"""Synthetic labelled corpora with Zipf-distributed words, for benchmarks and calibration."""

from __future__ import annotations

import itertools
import random

from core.corpus import Row


def zipf_corpus(
    sentences: int,
    vocabulary: int,
    labels: int = 5,
    seed: int = 0,
    mean_length: int = 12,
    topic_share: float = 0.35,
    test_share: float = 0.2,
    exponent: float = 1.0,
) -> list[Row]:
    """`sentences` rows over about `vocabulary` distinct words (fewer may be drawn), `labels` labels.

    Every word is drawn from a Zipf law over the word list: with probability `topic_share`
    from its label's own ranking of the words (which makes the label learnable), otherwise
    from a ranking shared by all labels. Lengths are uniform in 1..2*mean_length-1; labels take
    turns and every (1/test_share)-th round of labels is test rows. Same arguments, same corpus.
    """
    rng = random.Random(seed)
    words = [f"w{i}" for i in range(vocabulary)]
    weights = [1.0 / (rank + 1) ** exponent for rank in range(vocabulary)]
    cumulative = list(itertools.accumulate(weights))
    shared = words[:]
    rng.shuffle(shared)
    topics = []
    for _ in range(labels):
        order = words[:]
        rng.shuffle(order)
        topics.append(order)
    names = [f"label{i}" for i in range(labels)]
    test_every = round(1 / test_share) if test_share > 0 else 0
    rows = []
    for i in range(sentences):
        label = i % labels
        length = rng.randint(1, 2 * mean_length - 1)
        ranks = rng.choices(range(vocabulary), cum_weights=cumulative, k=length)
        text = " ".join(topics[label][rank] if rng.random() < topic_share else shared[rank] for rank in ranks)
        # Whole rounds of labels go to the test split, so every label trains and tests.
        split = "test" if test_every and (i // labels + 1) % test_every == 0 else "train"
        rows.append(Row(text, names[label], split))
    return rows
