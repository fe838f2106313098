"""What a participant's walk costs the server under three settings: Streamlit's defaults and the app's two lines.

Run from the repository root:  python scripts/server_settings.py [--walks 6]

For each setting a fresh server is started (`scripts/server_process.serve`, the setting passed as
command-line options, which override `.streamlit/config.toml`):

  Streamlit's defaults         runner.postScriptGC = true, server.fileWatcherType = auto
  no collection after a run    runner.postScriptGC = false, server.fileWatcherType = auto
  the app's config             .streamlit/config.toml as it is (both lines)

One walk warms it (torch's kernels, the pages' modules, the room's shared training in
`core.run_cache`). Then `--walks` participants follow the load test's workshop script
(`scripts/load_test.follow_script`) one after another, without think times, over Streamlit's
websocket protocol (`scripts/streamlit_client.py`). Reported per setting: the server's CPU seconds
(user + system of its process tree, from /proc) over those walks divided by their number, and its
resident memory after them. The machine's load average is printed, as every number here moves with
it.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scripts.load_test import Options, Room, follow_script  # noqa: E402
from scripts.server_process import MB, Watch, serve  # noqa: E402
from scripts.streamlit_client import StreamlitSession  # noqa: E402

CONFIG = ROOT / ".streamlit" / "config.toml"
SETTINGS: tuple[tuple[str, dict[str, str]], ...] = (
    ("Streamlit's defaults", {"runner.postScriptGC": "true", "server.fileWatcherType": "auto"}),
    ("`runner.postScriptGC = false`", {"runner.postScriptGC": "false", "server.fileWatcherType": "auto"}),
    ("the app's config", {}),
)
# One participant at a time, at once: no think times, no arrival ramp, no burst to wait for.
ONE_AT_A_TIME = Options(participants=1, browsers=0, think=0.0, ramp=0.0, spread=0.0, observers=0)


async def walk(url: str, number: int) -> list[str]:
    """One participant's whole workshop script; the errors of its steps."""
    room = Room(expected=1)
    await follow_script(number, StreamlitSession(url, ONE_AT_A_TIME.timeout), ONE_AT_A_TIME, room)
    return [f"{step.name}: {step.error}" for step in room.steps if step.error]


def measure(options: dict[str, str], walks: int) -> dict:
    """A fresh server with `options`, warmed by one walk, then `walks` walks one after another."""
    with serve(options=options) as server:
        watch = Watch(server.pid)
        errors = asyncio.run(walk(server.url, 0))
        before, started = watch.sample(), time.perf_counter()
        for number in range(1, walks + 1):
            errors += asyncio.run(walk(server.url, number))
        wall = time.perf_counter() - started
        time.sleep(1.0)  # the last session's messages sent
        after = watch.sample()
    return {
        "cpu": (after.cpu - before.cpu) / walks,
        "wall": wall / walks,
        "rss": after.rss / MB,
        "errors": errors,
        "load": os.getloadavg()[0],
    }


def app_config() -> str:
    config = tomllib.loads(CONFIG.read_text(encoding="utf-8"))
    gc = config.get("runner", {}).get("postScriptGC", "unset (true)")
    watcher = config.get("server", {}).get("fileWatcherType", "unset (auto)")
    return f"runner.postScriptGC = {str(gc).lower()}, server.fileWatcherType = {watcher}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--walks", type=int, default=6, help="participants after the warm-up walk")
    args = parser.parse_args()
    print(f"load average at start (1, 5, 15 min): {' '.join(f'{v:.2f}' for v in os.getloadavg())}", flush=True)
    rows = []
    for name, options in SETTINGS:
        result = measure(options, args.walks)
        rows.append((name, result))
        print(f"  {name}: done, load average (1 min) {result['load']:.2f}", file=sys.stderr, flush=True)
    print(f"\nthe app's config: {app_config()}")
    print(f"one warm-up walk, then {args.walks} walks one at a time, a fresh server per setting\n")
    print(f"| server settings | CPU s per participant | wall s per walk | RSS after {args.walks} walks | errors |")
    print("|---|---:|---:|---:|---:|")
    for name, result in rows:
        print(
            f"| {name} | {result['cpu']:.2f} | {result['wall']:.2f} | {result['rss']:.0f} MB | "
            f"{len(result['errors'])} |"
        )
    for name, result in rows:
        for error in result["errors"][:5]:
            print(f"- {name}: {error}")
    print(f"\nload average at end (1, 5, 15 min): {' '.join(f'{v:.2f}' for v in os.getloadavg())}")


if __name__ == "__main__":
    main()
