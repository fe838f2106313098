"""The app's classifier engine against the tutorial's loop and scikit-learn, on synthetic corpora.

Run from the repository root:  python scripts/benchmark.py --threads 1  [--sizes 5000 20000 50000]
For each corpus (seeded Zipf words, 5 labels, 20 % test rows; see core.synthetic) every engine
runs in its own subprocess, so that peak memory is its own:

- app, suggested: `prepare` then `train` with the settings `core.suggest.suggested_settings`
  proposes, stopped at the first epoch whose test accuracy is within one point of sklearn's;
- app, Adam batch 32: one epoch of Adam on shuffled batches of 32 (evaluation included);
- tutorial loop: the tutorial's own code (a dense make_bow_vector per sentence, SGD, one
  update per sentence); above --tutorial-sentences training sentences it is timed on that many
  and the epoch time is extrapolated (its accuracy is then after that partial epoch);
- sklearn: CountVectorizer(token_pattern=r"\\S+", lowercase=False) + SGDClassifier(loss="log_loss").

Peak RSS is the process's high-water mark (VmHWM) minus its resident size after the imports,
a tiny warm-up run for the torch engines (torch maps its code on first use), and generating
the corpus rows (every engine's input).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

VOCABULARY = {5_000: 5_000, 20_000: 30_000, 50_000: 50_000}
ENGINES = ("sklearn", "app_suggested", "app_batch32", "tutorial")
# A corpus at every size limit at once (core.limits): sentences, about the words allowed, about the
# words in all sentences, and labels; trained long enough to fill its bounded weight history.
AT_LIMITS = "app_at_limits"
NAMES = {
    "sklearn": "sklearn SGDClassifier",
    "app_suggested": "app, suggested settings",
    "app_batch32": "app, Adam batch 32",
    "tutorial": "tutorial loop",
}


def _status_kb(field: str) -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise RuntimeError(f"no {field} in /proc/self/status")


# ---------------------------------------------------------------- engines (run in a worker process)


def run_sklearn(rows, args) -> dict:
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import SGDClassifier

    train = [row for row in rows if row.split == "train"]
    test = [row for row in rows if row.split == "test"]
    start = time.perf_counter()
    vectorizer = CountVectorizer(token_pattern=r"\S+", lowercase=False)
    x_train = vectorizer.fit_transform([row.text for row in train])
    x_test = vectorizer.transform([row.text for row in test])
    prepared = time.perf_counter()
    model = SGDClassifier(loss="log_loss", random_state=0).fit(x_train, [row.label for row in train])
    fitted = time.perf_counter()
    accuracy = model.score(x_test, [row.label for row in test])
    epochs = int(model.n_iter_)
    return {
        "prepare": prepared - start,
        "epoch": (fitted - prepared) / epochs,
        "epochs": epochs,
        "accuracy": accuracy,
        "total": fitted - start,
        "vocab": len(vectorizer.vocabulary_),
    }


def _warm_up() -> None:
    from core.corpus import TUTORIAL_CORPUS
    from core.dataset import prepare
    from core.training import TrainConfig, train

    train(prepare(list(TUTORIAL_CORPUS)), TrainConfig(epochs=2, optimizer="adam", lr=0.01))


def run_app(rows, args, suggested: bool) -> dict:
    from core.dataset import prepare
    from core.suggest import suggested_settings
    from core.training import TrainConfig, train

    start = time.perf_counter()
    data = prepare(rows)
    prepared = time.perf_counter()
    if suggested:
        suggestion = suggested_settings(len(data.train), len(data.vocab), len(data.labels), len(data.test))
        config = suggestion.apply(TrainConfig(seed=1))
    else:
        config = TrainConfig(optimizer="adam", lr=0.02, epochs=1, update_mode="minibatch", batch_size=32)
    reached: list[float] = []

    def on_epoch(record) -> bool:
        if suggested and record.test_accuracy >= args.target - 0.01 and not reached:
            reached.append(time.perf_counter() - start)
            return True
        return False

    result = train(data, config, on_epoch)
    done = time.perf_counter()
    epochs = result.epochs_done
    return {
        "prepare": prepared - start,
        "epoch": (done - prepared) / epochs,
        "epochs": epochs,
        "accuracy": result.history[-1].test_accuracy,
        "total": done - start,
        "to_target": reached[0] if reached else None,
        "vocab": len(data.vocab),
        "settings": f"{config.optimizer} lr {config.lr} batch {config.batch_size}, {config.epochs} epochs proposed",
    }


def run_at_limits(rows) -> dict:
    """Prepare and train the largest corpus the limits accept, long enough to fill the weight history."""
    from core.dataset import prepare
    from core.limits import corpus_over_limits
    from core.training import MAX_SNAPSHOT_BYTES, TrainConfig, train

    start = time.perf_counter()
    data = prepare(rows)
    prepared = time.perf_counter()
    snapshot = len(data.vocab) * len(data.labels) * 4
    epochs = MAX_SNAPSHOT_BYTES // snapshot + 2
    result = train(data, TrainConfig(optimizer="adam", lr=0.05, epochs=epochs, update_mode="minibatch", batch_size=256))
    return {
        "sentences": len(rows),
        "vocab": len(data.vocab),
        "tokens": sum(len(row.text.split()) for row in rows),
        "labels": len(data.labels),
        "over": [item.name for item in corpus_over_limits(rows)],
        "prepare": prepared - start,
        "epoch": (time.perf_counter() - prepared) / epochs,
        "epochs": epochs,
        "snapshots": len(result.snapshot_epochs),
        "history_mb": result.weight_history.numel() * 4 / 2**20,
        "accuracy": result.history[-1].test_accuracy,
    }


def run_tutorial(rows, args) -> dict:
    """The tutorial's code, verbatim in spirit: make_bow_vector, make_target, one SGD step per sentence."""
    import torch
    import torch.nn.functional as F
    from torch import nn, optim

    start = time.perf_counter()
    data = [(row.text.split(), row.label) for row in rows if row.split == "train"]
    test_data = [(row.text.split(), row.label) for row in rows if row.split == "test"]
    word_to_ix: dict[str, int] = {}
    for sent, _ in data + test_data:
        for word in sent:
            if word not in word_to_ix:
                word_to_ix[word] = len(word_to_ix)
    label_to_ix: dict[str, int] = {}
    for _, label in data:
        label_to_ix.setdefault(label, len(label_to_ix))
    prepared = time.perf_counter()

    class BoWClassifier(nn.Module):
        def __init__(self, num_labels, vocab_size):
            super().__init__()
            self.linear = nn.Linear(vocab_size, num_labels)

        def forward(self, bow_vec):
            return F.log_softmax(self.linear(bow_vec), dim=1)

    def make_bow_vector(sentence, word_to_ix):
        vec = torch.zeros(len(word_to_ix))
        for word in sentence:
            vec[word_to_ix[word]] += 1
        return vec.view(1, -1)

    def make_target(label, label_to_ix):
        return torch.LongTensor([label_to_ix[label]])

    torch.manual_seed(1)
    model = BoWClassifier(len(label_to_ix), len(word_to_ix))
    loss_function = nn.NLLLoss()
    optimizer = optim.SGD(model.parameters(), lr=0.1)
    bounded = data[: args.tutorial_sentences]
    begin = time.perf_counter()
    for instance, label in bounded:
        model.zero_grad()
        bow_vec = make_bow_vector(instance, word_to_ix)
        target = make_target(label, label_to_ix)
        log_probs = model(bow_vec)
        loss = loss_function(log_probs, target)
        loss.backward()
        optimizer.step()
    trained = time.perf_counter()
    correct = 0
    with torch.no_grad():
        for instance, label in test_data:
            log_probs = model(make_bow_vector(instance, word_to_ix))
            correct += int(log_probs.argmax(dim=1).item() == label_to_ix[label])
    evaluated = time.perf_counter()
    # The app's epochs include evaluating every sentence; so does this one (training sentences
    # evaluated at the test sentences' rate).
    evaluation = (evaluated - trained) * (len(data) + len(test_data)) / max(1, len(test_data))
    epoch = (trained - begin) * len(data) / len(bounded) + evaluation
    return {
        "prepare": prepared - start,
        "epoch": epoch,
        "epochs": len(bounded) / len(data),
        "accuracy": correct / max(1, len(test_data)),
        "total": None,
        "vocab": len(word_to_ix),
        "extrapolated": len(bounded) < len(data),
    }


def worker(args) -> None:
    import torch

    torch.set_num_threads(args.threads)
    from core.synthetic import zipf_corpus

    if args.engine == "sklearn":
        import sklearn.feature_extraction.text  # noqa: F401
        import sklearn.linear_model  # noqa: F401
    else:
        # Torch maps much of its code into memory on first use: a tiny run first, so that the
        # baseline holds it and the peak counts the engine's data, not the library.
        _warm_up()
    if args.engine == AT_LIMITS:
        from core.limits import LIMITS

        # Zipf draws leave a few rare words of the list unused: a list 2.5 % longer than the limit
        # gives just under the limit's number of distinct words.
        rows = zipf_corpus(
            LIMITS.rows,
            LIMITS.words * 41 // 40,
            labels=LIMITS.labels,
            seed=0,
            mean_length=LIMITS.tokens // LIMITS.rows - 1,
        )
    else:
        rows = zipf_corpus(args.sentences, VOCABULARY.get(args.sentences, args.sentences), labels=5, seed=0)
    baseline = _status_kb("VmRSS")
    if args.engine == AT_LIMITS:
        out = run_at_limits(rows)
    elif args.engine == "sklearn":
        out = run_sklearn(rows, args)
    elif args.engine == "tutorial":
        out = run_tutorial(rows, args)
    else:
        out = run_app(rows, args, suggested=args.engine == "app_suggested")
    out["peak_mb"] = (_status_kb("VmHWM") - baseline) / 1024
    print(json.dumps(out))


# ---------------------------------------------------------------- driver


def run_worker(engine: str, sentences: int, args, target: float = 0.0) -> dict:
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--worker",
        engine,
        "--sentences",
        str(sentences),
        "--threads",
        str(args.threads),
        "--tutorial-sentences",
        str(args.tutorial_sentences),
        "--target",
        str(target),
    ]
    threads = str(args.threads)
    env = {**os.environ, "OMP_NUM_THREADS": threads, "OPENBLAS_NUM_THREADS": threads, "MKL_NUM_THREADS": threads}
    completed = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, check=False)
    if completed.returncode != 0:
        raise RuntimeError(f"{engine} at {sentences} failed:\n{completed.stderr}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5_000, 20_000, 50_000])
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--tutorial-sentences", type=int, default=4_000, help="bound of the tutorial loop's timing")
    parser.add_argument("--worker", choices=(*ENGINES, AT_LIMITS), help=argparse.SUPPRESS)
    parser.add_argument("--sentences", type=int, default=5_000, help=argparse.SUPPRESS)
    parser.add_argument("--target", type=float, default=0.0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        args.engine = args.worker
        worker(args)
        return

    import torch

    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(
        f"torch {torch.__version__}, {args.threads} thread(s), {os.cpu_count()} CPUs, load average {load}; "
        "each engine in its own process\n"
    )
    print("| corpus | engine | words | prepare s | s / epoch | epochs | test accuracy | peak RSS MB |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    results: dict[int, dict[str, dict]] = {}
    notes: list[str] = []
    for size in args.sizes:
        results[size] = {}
        results[size]["sklearn"] = run_worker("sklearn", size, args)
        target = results[size]["sklearn"]["accuracy"]
        for engine in ENGINES[1:]:
            results[size][engine] = run_worker(engine, size, args, target)
        for engine in ENGINES:
            r = results[size][engine]
            epochs = f"{r['epochs']:.2f}" if isinstance(r["epochs"], float) else str(r["epochs"])
            mark = " (extrapolated)" if r.get("extrapolated") else ""
            print(
                f"| {size:,} | {NAMES[engine]} | {r['vocab']:,} | {r['prepare']:.3f} | {r['epoch']:.3f}{mark} | "
                f"{epochs} | {r['accuracy']:.4f} | {r['peak_mb']:.0f} |"
            )
            if r.get("extrapolated"):
                notes.append(
                    f"{size:,}: the tutorial loop was timed on {args.tutorial_sentences:,} training sentences "
                    "and its epoch extrapolated; its accuracy is after those sentences only."
                )
        suggested = results[size]["app_suggested"]
        notes.append(f"{size:,}: suggested settings: {suggested['settings']}.")
    print()
    for note in notes:
        print("- " + note)
    print("\nTargets:")
    for size in args.sizes:
        sk, app = results[size]["sklearn"], results[size]["app_suggested"]
        if app["to_target"] is None:
            line = f"never within one point of sklearn's {sk['accuracy']:.4f} (reached {app['accuracy']:.4f})"
        else:
            ratio = app["to_target"] / sk["total"]
            ok = "meets" if ratio <= 1.5 or size < 20_000 else "MISSES"
            line = (
                f"{app['to_target']:.3f} s vs sklearn {sk['total']:.3f} s = {ratio:.2f}x "
                f"({ok} <= 1.5x{' at 20k and 50k' if size >= 20_000 else ', not a target here'})"
            )
        print(f"- (a) {size:,}: Train to within one point of sklearn's accuracy, preparation included: {line}")
    for size in args.sizes:
        speedup = results[size]["tutorial"]["epoch"] / results[size]["app_batch32"]["epoch"]
        ok = "meets" if speedup >= 10 else "MISSES"
        print(f"- (b) {size:,}: an epoch at batch 32 is {speedup:.1f}x faster than the tutorial loop ({ok} >= 10x)")
    if 20_000 in results:
        peak = max(results[20_000][e]["peak_mb"] for e in ("app_suggested", "app_batch32"))
        ok = "meets" if peak <= 300 else "MISSES"
        print(f"- (c) 20,000: the app's peak RSS is {peak:.0f} MB above baseline ({ok} <= 300 MB)")
    if not math.isfinite(sum(r["epoch"] for by in results.values() for r in by.values())):
        print("(some times are not finite)")
    limits = run_worker(AT_LIMITS, 0, args)
    print(
        f"\nAt every limit at once ({limits['sentences']:,} sentences, {limits['vocab']:,} distinct words, "
        f"{limits['tokens']:,} words in all, {limits['labels']} labels; over a limit: {limits['over'] or 'none'}): "
        f"prepared in {limits['prepare']:.2f} s, {limits['epochs']} epochs of Adam on batches of 256 at "
        f"{limits['epoch']:.2f} s each, weight history {limits['snapshots']} snapshots "
        f"({limits['history_mb']:.0f} MB); "
        f"peak RSS {limits['peak_mb']:.0f} MB above the baseline."
    )


if __name__ == "__main__":
    main()
