"""Ready-made corpora a learner can start from: the tutorial's, a multilingual one, and none."""

from __future__ import annotations

from core.corpus import TUTORIAL_CORPUS, Row
from core.multilingual_corpus import MULTILINGUAL_CORPUS

PRESETS: dict[str, tuple[Row, ...]] = {
    "tutorial": TUTORIAL_CORPUS,
    "multilingual": MULTILINGUAL_CORPUS,
    "empty": (),
}
