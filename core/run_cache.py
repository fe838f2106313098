"""Finished training runs shared across sessions: identical inputs train once.

A room of learners often trains the same corpus with the same settings at the same time.
`RunCache.get_or_train(key, train_fn)` returns a finished run from the cache, waits for an
identical run already in progress, or trains: thirty identical Train clicks cost the CPU
time of one training. Keys (`run_key`) digest everything that decides a run, so only
identical inputs can meet. The cache is bounded in entries and in bytes (least recently
used first out) and guarded by one lock.

What callers get: a fresh `TrainingResult` per call whose `model` is rebuilt from the stored
weights (no session ever holds another session's module). Its tensors (weights and weight
history) are shared between callers to save memory: treat them as read-only, as the app does.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import torch

from core.corpus import Row
from core.dataset import TokenOptions
from core.model import model_from_weights
from core.training import EpochRecord, TrainConfig, TrainingResult

DEFAULT_MAX_ENTRIES = 64
# The smallest Cloud container has 690 MB and the server itself takes about 470 MB: 64 MB holds
# twenty Multilingual runs with the tutorial's 100 epochs (3.2 MB of weight snapshots each).
DEFAULT_MAX_BYTES = 64 * 1024 * 1024


def run_key(
    rows: Iterable[Row],
    options: TokenOptions,
    vocab_from_test: bool,
    config: TrainConfig,
    extra: str = "",
) -> str:
    """sha256 hex digest of every input of a run: all rows in order, token options, vocabulary rule, config.

    `extra` distinguishes runs that differ in something else (e.g. a shared initial state).
    """
    digest = hashlib.sha256()
    head = {
        "tokens": {"lowercase": options.lowercase, "strip_punctuation": options.strip_punctuation},
        "vocab_from_test": bool(vocab_from_test),
        "config": config.to_dict(),
        "extra": extra,
    }
    digest.update(json.dumps(head, sort_keys=True).encode("utf-8"))
    for row in rows:
        # One JSON array a line: unambiguous whatever the texts hold.
        digest.update(b"\n")
        digest.update(json.dumps([row.text, row.label, row.split], ensure_ascii=False).encode("utf-8"))
    return digest.hexdigest()


def _tensor_bytes(*tensors: torch.Tensor) -> int:
    return sum(t.element_size() * t.numel() for t in tensors)


@dataclass(frozen=True)
class CachedRun:
    """A finished run as stored: CPU tensors and plain records, no module."""

    config: TrainConfig
    history: tuple[EpochRecord, ...]
    initial_weight: torch.Tensor
    initial_bias: torch.Tensor
    final_weight: torch.Tensor
    final_bias: torch.Tensor
    weight_history: torch.Tensor
    snapshot_epochs: tuple[int, ...]
    status: str

    @classmethod
    def of(cls, result: TrainingResult) -> CachedRun:
        def own(tensor: torch.Tensor) -> torch.Tensor:
            return tensor.detach().cpu()

        return cls(
            config=result.config,
            history=tuple(result.history),
            initial_weight=own(result.initial_weight),
            initial_bias=own(result.initial_bias),
            final_weight=own(result.final_weight),
            final_bias=own(result.final_bias),
            weight_history=own(result.weight_history),
            snapshot_epochs=tuple(result.snapshot_epochs),
            status=result.status,
        )

    @property
    def nbytes(self) -> int:
        """Bytes of its tensors, plus a rough 200 bytes per epoch record."""
        tensors = (self.initial_weight, self.initial_bias, self.final_weight, self.final_bias, self.weight_history)
        return _tensor_bytes(*tensors) + 200 * len(self.history)

    def result(self) -> TrainingResult:
        """A new TrainingResult for one caller, with its own model on the CPU."""
        return TrainingResult(
            config=self.config,
            history=list(self.history),
            initial_weight=self.initial_weight,
            initial_bias=self.initial_bias,
            final_weight=self.final_weight,
            final_bias=self.final_bias,
            weight_history=self.weight_history,
            status=self.status,
            model=model_from_weights(self.final_weight, self.final_bias).train(),
            snapshot_epochs=list(self.snapshot_epochs),
        )


@dataclass
class _Flight:
    """A training in progress: waiters block on `done`, then read `stored` (None: train yourself)."""

    done: threading.Event = field(default_factory=threading.Event)
    stored: CachedRun | None = None


@dataclass
class CacheStats:
    hits: int = 0  # answered from the cache
    joined: int = 0  # answered by waiting for an identical run in progress
    trainings: int = 0  # train_fn calls


class RunCache:
    """A thread-safe LRU cache of completed runs, bounded by entries and bytes."""

    def __init__(self, max_entries: int = DEFAULT_MAX_ENTRIES, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        if max_entries < 1 or max_bytes < 1:
            raise ValueError("a run cache needs room for at least one entry and one byte")
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._lock = threading.Lock()
        self._entries: OrderedDict[str, CachedRun] = OrderedDict()
        self._bytes = 0
        self._flights: dict[str, _Flight] = {}
        self.stats = CacheStats()

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)

    @property
    def nbytes(self) -> int:
        with self._lock:
            return self._bytes

    def __contains__(self, key: str) -> bool:
        with self._lock:
            return key in self._entries

    def get(self, key: str) -> TrainingResult | None:
        """The cached run of `key` (now the most recently used) or None."""
        with self._lock:
            stored = self._entries.get(key)
            if stored is None:
                return None
            self._entries.move_to_end(key)
            self.stats.hits += 1
        return stored.result()

    def put(self, key: str, result: TrainingResult) -> CachedRun | None:
        """Store a completed run; stopped, diverged or imported runs and runs over the byte bound are not."""
        if result.status != "completed":
            return None
        stored = CachedRun.of(result)
        with self._lock:
            self._store(key, stored)
        return stored if stored.nbytes <= self.max_bytes else None

    def _store(self, key: str, stored: CachedRun) -> None:
        size = stored.nbytes
        if size > self.max_bytes:
            return
        old = self._entries.pop(key, None)
        if old is not None:
            self._bytes -= old.nbytes
        self._entries[key] = stored
        self._bytes += size
        while len(self._entries) > self.max_entries or self._bytes > self.max_bytes:
            _, evicted = self._entries.popitem(last=False)
            self._bytes -= evicted.nbytes

    def get_or_train(self, key: str, train_fn: Callable[[], TrainingResult]) -> TrainingResult:
        """The run of `key`: from the cache, from an identical run in progress, or from `train_fn()`.

        Only one caller per key trains at a time; the others wait and then get its result. If
        that training raises or ends without a cacheable result (stopped, diverged), one of the
        waiters trains in its place. Exceptions of `train_fn` reach only the caller that ran it.
        """
        while True:
            with self._lock:
                stored = self._entries.get(key)
                if stored is not None:
                    self._entries.move_to_end(key)
                    self.stats.hits += 1
                    return stored.result()
                flight = self._flights.get(key)
                leader = flight is None
                if leader:
                    flight = self._flights[key] = _Flight()
                    self.stats.trainings += 1
            if not leader:
                flight.done.wait()
                if flight.stored is not None:
                    with self._lock:
                        self.stats.joined += 1
                    return flight.stored.result()
                continue  # the first run failed or stopped: try again, perhaps as the one who trains
            stored = None
            try:
                result = train_fn()
                stored = self.put(key, result)
            finally:
                # On an exception `stored` stays None and the waiters try again.
                flight.stored = stored
                with self._lock:
                    self._flights.pop(key, None)
                flight.done.set()
            return result

    def clear(self) -> None:
        """Forget every stored run and the counts (runs in progress finish as usual)."""
        with self._lock:
            self._entries.clear()
            self._bytes = 0
            self.stats = CacheStats()


# The process-wide cache every session of the app shares.
RUN_CACHE = RunCache()
