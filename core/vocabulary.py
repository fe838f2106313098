"""A first-seen index of items: words to columns of the BoW vector, labels to classes."""

from __future__ import annotations

from collections.abc import Iterable


class Vocabulary:
    """Maps each item to the index it got when first seen (the tutorial's `word_to_ix`)."""

    def __init__(self, items: Iterable[str] = ()) -> None:
        self.item_to_ix: dict[str, int] = {}
        self.items: list[str] = []
        for item in items:
            self.add(item)

    def add(self, item: str) -> int:
        if item not in self.item_to_ix:
            self.item_to_ix[item] = len(self.items)
            self.items.append(item)
        return self.item_to_ix[item]

    def index(self, item: str) -> int:
        return self.item_to_ix[item]

    def __contains__(self, item: object) -> bool:
        return item in self.item_to_ix

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self):
        return iter(self.items)

    def __repr__(self) -> str:
        return f"Vocabulary({self.item_to_ix})"
