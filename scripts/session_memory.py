"""What one session costs the server in memory: idle, after training, after comparing; and freed when it ends.

Run from the repository root:  python scripts/session_memory.py [--sessions 10] [--rounds 2]

Starts the app on a free local port and opens sessions over Streamlit's websocket protocol
(`scripts/streamlit_client.py`). One session first walks every step once, so what the server
loads once for all (torch's kernels, the lesson pages' modules, Altair) is not counted against
the sessions. Then N sessions together, phase by phase, and the server's resident memory after
each phase (its process tree, from /proc):

  idle       N sessions on the home page
  lessons    each has opened two lessons and moved a slider on each
  trained    each has loaded the Multilingual preset and trained it with the proposed settings
             (identical runs: the room shares one, see core.run_cache)
  own run    each has trained again with a seed of its own (N different runs)
  compared   each has compared SGD and Adam on it

Then all N disconnect, and once Streamlit has dropped their state (a disconnected session is
kept for 2 minutes, in case the browser reconnects) a second round of N new sessions does the
same. Memory that the first round's sessions freed is reused by the second: a round that ends
near where the first ended means ended sessions give back what they held.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from i18n import catalog  # noqa: E402
from scripts.server_process import MB, Watch, serve  # noqa: E402
from scripts.streamlit_client import StreamlitSession  # noqa: E402

TEXT = catalog("en")
RECONNECT_GRACE_SECONDS = 125  # Streamlit keeps a disconnected session for 120 s


async def idle(session: StreamlitSession) -> None:
    await session.open("")


async def lessons(session: StreamlitSession) -> None:
    await session.switch_page("softmax")
    await session.nudge_slider(TEXT["softmax.temperature"])
    await session.switch_page("nonlinearities")
    await session.nudge_slider(TEXT["nonlin.curves.range"])


async def trained(session: StreamlitSession) -> None:
    await session.switch_page("classifier")
    await session.select(TEXT["classifier.corpus.preset"], TEXT["classifier.preset.multilingual"])
    await session.click(TEXT["classifier.corpus.load"])
    await session.open_tab(TEXT["classifier.tab.train"])
    await session.click(TEXT["classifier.train.button"])


async def own_run(session: StreamlitSession, number: int) -> None:
    await session.set_number(TEXT["sidebar.seed"], 1000 + number)
    await session.click(TEXT["classifier.train.button"])


async def compared(session: StreamlitSession) -> None:
    await session.open_tab(TEXT["classifier.tab.compare"])
    await session.click(TEXT["classifier.compare.button"])


async def one_round(url: str, count: int, watch: Watch, label: str, rows: list[tuple[str, float]]) -> None:
    sessions = [StreamlitSession(url) for _ in range(count)]

    async def phase(name: str, action) -> None:
        # A few at a time: this measures memory, not a burst.
        for start in range(0, count, 4):
            await asyncio.gather(*(action(s, start + i) for i, s in enumerate(sessions[start : start + 4])))
        await asyncio.sleep(2)
        rows.append((f"{label}: {name}", watch.sample().rss / MB))

    await phase("idle", lambda s, n: idle(s))
    await phase("lessons", lambda s, n: lessons(s))
    await phase("trained", lambda s, n: trained(s))
    await phase("own run", own_run)
    await phase("compared", lambda s, n: compared(s))
    for session in sessions:
        await session.close()


async def warm_up(url: str) -> None:
    session = StreamlitSession(url)
    await idle(session)
    await lessons(session)
    await trained(session)
    await own_run(session, -1)
    await compared(session)
    await session.close()


async def measure(url: str, count: int, rounds: int, watch: Watch) -> list[tuple[str, float]]:
    await warm_up(url)
    await asyncio.sleep(2)
    rows = [("server after one full walk-through", watch.sample().rss / MB)]
    for number in range(1, rounds + 1):
        await one_round(url, count, watch, f"round {number}", rows)
        if number < rounds:
            await asyncio.sleep(RECONNECT_GRACE_SECONDS)
            # The expired sessions are dropped when the session store is next used: a visit does.
            probe = StreamlitSession(url)
            await probe.open("")
            await probe.close()
            await asyncio.sleep(2)
            rows.append((f"round {number} ended, its sessions dropped", watch.sample().rss / MB))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    gc.collect()
    with serve() as server:
        watch = Watch(server.pid)
        started = time.perf_counter()
        rows = asyncio.run(measure(server.url, args.sessions, args.rounds, watch))
        took = time.perf_counter() - started
    print(f"{args.sessions} sessions a round, {args.rounds} rounds, {took:.0f} s\n")
    print("| after | server RSS MB | change MB | per session MB |\n|---|---:|---:|---:|")
    previous = None
    for name, rss in rows:
        change = "" if previous is None else f"{rss - previous:+.0f}"
        per = "" if previous is None or "dropped" in name else f"{(rss - previous) / args.sessions:+.1f}"
        print(f"| {name} | {rss:.0f} | {change} | {per} |")
        previous = rss


if __name__ == "__main__":
    main()
