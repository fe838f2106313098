"""Thirty identical Train clicks against one: what the shared run cache saves a room.

Run from the repository root:  python scripts/room_burst.py [--clicks 30] [--threads 1]

A workshop's participants load the Multilingual preset and press Train with the tutorial's
settings (SGD, one update per sentence, 100 epochs) at about the same moment. Each click is
a thread of this process calling what the Train button calls (`RUN_CACHE.get_or_train` around
`train`), as Streamlit runs each session's script in a thread of one process. Reported side
by side in one run: the CPU seconds of one training alone, and of all the clicks together.
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import torch  # noqa: E402

from core.dataset import prepare  # noqa: E402
from core.presets import PRESETS  # noqa: E402
from core.run_cache import RunCache, run_key  # noqa: E402
from core.training import TrainConfig, train  # noqa: E402


def burst(clicks: int, data, config: TrainConfig) -> dict:
    """`clicks` threads pressing Train together on one fresh cache: CPU and wall seconds, trainings."""
    cache = RunCache()
    key = run_key(data.rows, data.options, True, config)
    start = threading.Barrier(clicks + 1)
    finished: list[float] = []

    def click() -> None:
        start.wait()
        cache.get_or_train(key, lambda: train(data, config))
        finished.append(time.perf_counter())

    threads = [threading.Thread(target=click) for _ in range(clicks)]
    for thread in threads:
        thread.start()
    cpu, wall = time.process_time(), time.perf_counter()
    start.wait()
    for thread in threads:
        thread.join()
    return {"cpu": time.process_time() - cpu, "wall": max(finished) - wall, "trainings": cache.stats.trainings}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clicks", type=int, default=30)
    parser.add_argument("--threads", type=int, default=1, help="torch threads (the app uses 1)")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    data = prepare(list(PRESETS["multilingual"]))
    config = TrainConfig(tutorial_draws=True)  # the tutorial's settings
    train(data, TrainConfig(epochs=1))  # warm-up: torch's first call pays for loading code

    one = burst(1, data, config)
    room = burst(args.clicks, data, config)
    print(
        f"Multilingual preset ({len(data.train)} training sentences, {len(data.vocab):,} words), "
        f"tutorial settings, torch {torch.__version__}, {args.threads} thread(s)\n"
    )
    print("| clicks | trainings | CPU s | wall s until all have a result |")
    print("|---:|---:|---:|---:|")
    for clicks, row in ((1, one), (args.clicks, room)):
        print(f"| {clicks} | {row['trainings']} | {row['cpu']:.2f} | {row['wall']:.2f} |")
    print(
        f"\n{args.clicks} identical clicks cost {room['cpu'] / one['cpu']:.2f}x the CPU time of one training "
        f"(without sharing: {args.clicks}x)."
    )


if __name__ == "__main__":
    main()
