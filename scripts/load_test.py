"""A workshop's room against one server: N participants follow the workshop script, timed.

Run from the repository root:
    python scripts/load_test.py                        # 30 participants, 1 of them in Chromium
    python scripts/load_test.py --cap                  # the server in 690 MB and one CPU
    python scripts/load_test.py --url https://...      # a deployed app (no server figures)

Each participant is a session of its own. A few drive headless Chromium (Playwright), the rest
speak Streamlit's websocket protocol as the browser does (`scripts/streamlit_client.py`: same
rerun requests, widget states, fragments and page switches, without drawing). They arrive over
`--ramp` seconds and follow the workshop script, with think times around `--think` seconds:

  home; the softmax lesson, one temperature step; the non-linearities lesson, one step of its
  range slider; the classifier: load the Multilingual preset, open Train. There the room waits
  for the instructor's "press Train now": every participant presses Train within `--spread`
  seconds of that moment (the burst). Then the weight heatmap, a prediction of a sentence, and a
  page switch back to a lesson.

Beside them, `--observers` sessions (2 by default, not counted among the participants) open a
lesson page at the burst and switch between lessons until every training has finished: they are
the room's page switches during the burst, as a participant who is still reading would make.

By default Train runs with the settings the page proposes for the preset;
`--tutorial-settings` presses "Use the tutorial's settings" first (100 epochs, one update per
sentence), and `--distinct-runs` gives each participant another seed, so no two trainings are
alike and the room cannot share them.

Reported: each step's p50/p95/max seconds and errors; how long after the burst every training had
finished; page switches during the burst (started before the last training finished); the
server's peak resident memory and CPU seconds (its process tree, read from /proc), and whether a
`--cap` held. The last lines are a markdown table of the targets, ready for the README.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import threading
import time
from collections.abc import Awaitable, Callable
from contextlib import AsyncExitStack, nullcontext
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from i18n import catalog  # noqa: E402
from scripts.browser_client import BrowserSession  # noqa: E402
from scripts.chromium import ARGS as CHROMIUM_ARGS  # noqa: E402
from scripts.server_process import MB, Server, Watch, serve  # noqa: E402
from scripts.streamlit_client import StreamlitSession  # noqa: E402

TEXT = catalog("en")
ARTIFACTS = ROOT / "artifacts"  # the server's log goes here
SENTENCE = "Yo creo que sí, it is a good idea"
SMALLEST_CONTAINER_MB = 690
OBSERVED = "page switch (observer)"
# Targets of a room of thirty on the smallest container (see the README).
TARGET_TRAINED_SECONDS = 15.0
TARGET_SWITCH_P95 = 3.0


@dataclass(frozen=True)
class Options:
    participants: int = 30
    browsers: int = 1
    think: float = 3.0  # mean seconds between two actions of one participant
    ramp: float = 10.0  # participants arrive over this many seconds
    spread: float = 2.0  # everyone presses Train within this many seconds of the burst
    observers: int = 2  # extra sessions switching lesson pages during the burst
    tutorial_settings: bool = False
    distinct_runs: bool = False
    seed: int = 0  # of the think times
    timeout: float = 300.0  # one action's ceiling


@dataclass
class Step:
    participant: int
    name: str
    start: float  # time.perf_counter() when the action began
    seconds: float | None  # None when it failed
    error: str | None = None


@dataclass
class Room:
    """What the participants share: the steps they took and the instructor's moment to press Train."""

    expected: int
    steps: list[Step] = field(default_factory=list)
    waiting: int = 0
    burst: asyncio.Event = field(default_factory=asyncio.Event)
    burst_at: float | None = None
    pressed: dict[int, float] = field(default_factory=dict)  # participant -> Train clicked at
    trained: dict[int, float] = field(default_factory=dict)  # participant -> training shown done at
    settled: int = 0  # participants whose training has ended since the burst, done or failed
    all_settled: asyncio.Event = field(default_factory=asyncio.Event)

    def arrive(self) -> None:
        self.waiting += 1
        self._maybe_start()

    def leave(self) -> None:
        """A participant who failed before the burst no longer holds the room back."""
        self.expected -= 1
        self._maybe_start()

    def settle(self) -> None:
        """A participant's training after the burst has ended, shown done or failed."""
        self.settled += 1
        if self.settled >= self.waiting:
            self.all_settled.set()

    def _maybe_start(self) -> None:
        if not self.burst.is_set() and self.waiting >= self.expected:
            self.burst_at = time.perf_counter()
            self.burst.set()


class StepFailed(Exception):
    pass


async def follow_script(number: int, session, options: Options, room: Room) -> None:
    """One participant's workshop, step by step; a failed step ends it (the error is recorded)."""
    rng = random.Random(options.seed * 10_000 + number)

    async def think(scale: float = 1.0) -> None:
        await asyncio.sleep(rng.uniform(0.5, 1.5) * options.think * scale)

    async def step(name: str, action: Callable[[], Awaitable[float]], shows: str | None = None) -> None:
        start = time.perf_counter()
        try:
            seconds = await action()
            if shows is not None and not await _shows(session, shows):
                raise StepFailed(f"the page does not show {shows!r}")
        except Exception as error:  # noqa: BLE001 - every failure is a participant's error, recorded
            room.steps.append(Step(number, name, start, None, f"{type(error).__name__}: {error}"[:300]))
            if isinstance(session, BrowserSession):
                await session.screenshot(ARTIFACTS / f"load_test_participant_{number}.png")
            raise StepFailed from error
        room.steps.append(Step(number, name, start, seconds))

    at_burst = False
    try:
        await asyncio.sleep(rng.uniform(0, options.ramp))
        await step("open home", lambda: session.open(""), shows=TEXT["home.title"])
        await think()
        await step("page switch", lambda: session.switch_page("softmax"))
        await think()
        await step("slider step", lambda: session.nudge_slider(TEXT["softmax.temperature"]))
        await think()
        await step("page switch", lambda: session.switch_page("nonlinearities"))
        await think()
        await step("slider step", lambda: session.nudge_slider(TEXT["nonlin.curves.range"]))
        await think()
        await step("page switch", lambda: session.switch_page("classifier"))
        await think()
        if options.distinct_runs:
            await step("seed", lambda: session.set_number(TEXT["sidebar.seed"], 100 + number))
        preset = TEXT["classifier.preset.multilingual"]
        await step("choose preset", lambda: session.select(TEXT["classifier.corpus.preset"], preset))
        loaded = TEXT["classifier.corpus.loaded"].split("{")[0]
        await step("load preset", lambda: session.click(TEXT["classifier.corpus.load"]), shows=loaded)
        await think(0.5)
        await step("open tab", lambda: session.open_tab(TEXT["classifier.tab.train"]))
        if options.tutorial_settings:
            await step("tutorial settings", lambda: session.click(TEXT["classifier.train.tutorial_settings"]))
        at_burst = True
        room.arrive()
        await room.burst.wait()
        await asyncio.sleep(rng.uniform(0, options.spread))
        room.pressed[number] = time.perf_counter()
        done = TEXT["classifier.train.done"].split("{")[0]
        try:
            await step("train", lambda: session.click(TEXT["classifier.train.button"]), shows=done)
            room.trained[number] = time.perf_counter()
        finally:
            room.settle()
        await think(0.5)
        await step("open tab", lambda: session.open_tab(TEXT["classifier.tab.heatmap"]))
        await think(0.5)
        await step("open tab", lambda: session.open_tab(TEXT["classifier.tab.predict"]))
        await step(
            "predict",
            lambda: session.type_text(TEXT["classifier.predict.sentence"], SENTENCE),
            shows=TEXT["classifier.predict.predicted"],
        )
        await think(0.5)
        await step("page switch", lambda: session.switch_page("softmax"))
    except StepFailed:
        if not at_burst:
            room.leave()
    finally:
        try:
            await session.close()
        except Exception:  # noqa: BLE001 - a session that cannot close cleanly has already been counted
            pass


async def observe(number: int, session, options: Options, room: Room) -> None:
    """A session reading lessons through the burst: page switches until every training has ended."""
    rng = random.Random(options.seed * 10_000 + number)
    try:
        await asyncio.sleep(rng.uniform(0, options.ramp))
        await session.open("softmax")
        await room.burst.wait()
        pages = ("nonlinearities", "softmax")
        for turn in range(1000):
            if room.all_settled.is_set():
                break
            start = time.perf_counter()
            try:
                seconds = await session.switch_page(pages[turn % 2])
            except Exception as error:  # noqa: BLE001 - recorded as the room's error
                room.steps.append(Step(number, OBSERVED, start, None, f"{type(error).__name__}: {error}"[:300]))
                return
            room.steps.append(Step(number, OBSERVED, start, seconds))
            await asyncio.sleep(rng.uniform(0.25, 0.75))
    finally:
        await session.close()


async def _shows(session, text: str) -> bool:
    shown = session.shows(text)
    return await shown if asyncio.iscoroutine(shown) else shown


# ---------------------------------------------------------------- the room


async def run_room(url: str, options: Options) -> Room:
    """Every participant's script against `url`, together; the room with what each step took."""
    room = Room(expected=options.participants)
    async with AsyncExitStack() as stack:
        browser = None
        if options.browsers:
            from playwright.async_api import async_playwright

            playwright = await stack.enter_async_context(async_playwright())
            browser = await playwright.chromium.launch(executable_path=_chromium(), args=CHROMIUM_ARGS)
            stack.push_async_callback(browser.close)
        sessions = [
            BrowserSession(browser, url, options.timeout)
            if number < options.browsers
            else StreamlitSession(url, options.timeout)
            for number in range(options.participants)
        ]
        observers = [StreamlitSession(url, options.timeout) for _ in range(options.observers)]
        await asyncio.gather(
            *(follow_script(n, s, options, room) for n, s in enumerate(sessions)),
            *(observe(options.participants + n, s, options, room) for n, s in enumerate(observers)),
        )
    return room


def _chromium() -> str:
    import shutil

    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        raise SystemExit("Chromium is needed for browser participants (apt-get install chromium), or --browsers 0")
    return found


# ---------------------------------------------------------------- the report


@dataclass(frozen=True)
class ServerEnd:
    """The server as the room left it, read before the script stops it."""

    alive: bool
    exit_code: int | None
    oom_kills: int | None  # processes the kernel killed for memory in its cgroup
    cgroup_peak_bytes: int | None  # the cgroup's peak, page cache included

    @classmethod
    def of(cls, server: Server) -> ServerEnd:
        cgroup = server.cgroup
        return cls(
            server.alive(),
            server.process.returncode,
            cgroup.oom_kills() if cgroup else None,
            cgroup.peak_bytes() if cgroup else None,
        )

    def held(self, peak_rss_mb: float, cap_mb: int) -> bool:
        """Whether a server capped at `cap_mb` held: alive, nothing killed for memory, its peak within."""
        return self.alive and not self.oom_kills and peak_rss_mb <= cap_mb


@dataclass
class Report:
    options: Options
    room: Room
    server: Server | None
    watch: Watch | None
    started: float
    ended: float
    baseline_rss: int | None
    end: ServerEnd | None
    load_average: tuple[float, float] = (0.0, 0.0)  # the machine's 1-minute load at the start and the end

    @property
    def errors(self) -> list[Step]:
        return [step for step in self.room.steps if step.error]

    @property
    def all_trained_after(self) -> float | None:
        """Seconds from the burst until the last participant's training was shown done."""
        if self.room.burst_at is None or not self.room.trained:
            return None
        return max(self.room.trained.values()) - self.room.burst_at

    def switches_during_burst(self) -> list[float]:
        if self.room.burst_at is None or not self.room.trained:
            return []
        end = max(self.room.trained.values())
        return [
            s.seconds
            for s in self.room.steps
            if s.name in ("page switch", OBSERVED) and s.seconds is not None and self.room.burst_at <= s.start <= end
        ]

    def peak_rss_mb(self) -> float | None:
        return self.watch.peak_rss() / MB if self.watch else None

    def cap_held(self) -> bool | None:
        if self.server is None or not self.server.memory_cap_mb:
            return None
        return self.end.held(self.peak_rss_mb(), self.server.memory_cap_mb)

    def lines(self) -> list[str]:
        o, room = self.options, self.room
        out = [
            f"{o.participants} participants ({o.browsers} in Chromium, {o.participants - o.browsers} over the "
            f"websocket protocol) and {o.observers} observers, think {o.think:g} s, arrivals over {o.ramp:g} s, "
            f"Train pressed within {o.spread:g} s of the burst, "
            + ("the tutorial's settings" if o.tutorial_settings else "the settings the page proposes")
            + (", a seed of their own each" if o.distinct_runs else "")
            + f"; the whole room took {self.ended - self.started:.0f} s.",
        ]
        out.append(
            f"The machine's load average (1 min) was {self.load_average[0]:.1f} at the start and "
            f"{self.load_average[1]:.1f} at the end: other work on it slows every number below."
        )
        if self.server is not None:
            cap = (
                f"memory capped at {self.server.memory_cap_mb} MB "
                + ("(cgroup)" if self.server.cgroup else "(watched: no cgroup could be made here)")
                if self.server.memory_cap_mb
                else "no memory cap"
            )
            out.append(f"Server: started by this script, {cap}, {self.server.cpus or 'all'} CPU(s).")
        out += ["", "| step | count | p50 s | p95 s | max s | errors |", "|---|---:|---:|---:|---:|---:|"]
        names = list(dict.fromkeys(step.name for step in room.steps))
        for name in names:
            out.append(_row(name, [s for s in room.steps if s.name == name]))
        during = self.switches_during_burst()
        out.append(
            f"| page switch during the burst | {len(during)} | {_quantile(during, 0.5)} | "
            f"{_quantile(during, 0.95)} | {_quantile(during, 1.0)} | |"
        )
        out.append("")
        if self.errors:
            out.append(f"Errors ({len(self.errors)}):")
            out += [f"- participant {s.participant}, {s.name}: {s.error}" for s in self.errors[:10]]
            out.append("")
        out += self.target_lines()
        return out

    def target_lines(self) -> list[str]:
        o, room = self.options, self.room
        trained_after = self.all_trained_after
        during = self.switches_during_burst()
        p95 = _quantile(during, 0.95, raw=True)
        finished = sum(1 for n in range(o.participants) if _finished(room, n))
        rows = [
            (
                f"{o.participants} participants, whole script, 0 errors",
                f"{finished} of {o.participants} finished the script, {len(self.errors)} errors",
                finished == o.participants and not self.errors,
            ),
            (
                f"every training done within {TARGET_TRAINED_SECONDS:g} s of the burst",
                f"{len(room.trained)} of {o.participants} trained, the last "
                + (f"{trained_after:.1f} s after the burst" if trained_after is not None else "never"),
                len(room.trained) == o.participants
                and trained_after is not None
                and trained_after <= TARGET_TRAINED_SECONDS,
            ),
            (
                f"p95 page switch during the burst at most {TARGET_SWITCH_P95:g} s",
                f"{p95:.2f} s over {len(during)} switches" if p95 is not None else "no switch fell in the burst",
                p95 is not None and p95 <= TARGET_SWITCH_P95,
            ),
        ]
        if self.watch is not None:
            cap = self.server.memory_cap_mb or SMALLEST_CONTAINER_MB
            held = self.cap_held()
            measured = f"peak {self.peak_rss_mb():.0f} MB (idle server {self.baseline_rss / MB:.0f} MB)"
            if self.end.cgroup_peak_bytes:
                measured += f"; charged to its cgroup at peak {self.end.cgroup_peak_bytes / MB:.0f} MB"
            measured += "; " + ("cap held" if held else "cap broken" if held is not None else "no cap applied")
            if not self.end.alive:
                measured += f" (the server exited with code {self.end.exit_code})"
            if self.end.oom_kills:
                measured += f" ({self.end.oom_kills} killed for memory)"
            rows.append((f"server peak RSS at most {cap} MB under the cap", measured, held))
            cpu = self.watch.cpu_between(self.started, self.ended)
            rows.append(("server CPU seconds over the whole room (information)", f"{cpu:.1f} s", None))
        out = ["| target | measured | met |", "|---|---|---|"]
        for target, measured, met in rows:
            out.append(f"| {target} | {measured} | {'yes' if met else 'no' if met is not None else ''} |")
        return out


def _finished(room: Room, number: int) -> bool:
    mine = [s for s in room.steps if s.participant == number]
    clean = bool(mine) and all(s.error is None for s in mine)
    return clean and mine[-1].name == "page switch" and number in room.trained


def _quantile(values: list[float], q: float, raw: bool = False):
    if not values:
        return None if raw else "-"
    ordered = sorted(values)
    value = ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))] if q < 1 else ordered[-1]
    if q == 0.5:
        value = statistics.median(ordered)
    return value if raw else f"{value:.2f}"


def _row(name: str, steps: list[Step]) -> str:
    times = [s.seconds for s in steps if s.seconds is not None]
    errors = sum(1 for s in steps if s.error)
    return (
        f"| {name} | {len(steps)} | {_quantile(times, 0.5)} | {_quantile(times, 0.95)} | "
        f"{_quantile(times, 1.0)} | {errors} |"
    )


# ---------------------------------------------------------------- entry points


def _run_in_own_thread(coroutine):
    """`asyncio.run(coroutine)` in a thread of its own: the caller may already run an event loop
    (a test session that drives Playwright's sync API does)."""
    outcome: dict[str, object] = {}

    def target() -> None:
        try:
            outcome["value"] = asyncio.run(coroutine)
        except BaseException as error:  # noqa: BLE001 - handed to the caller below
            outcome["error"] = error

    thread = threading.Thread(target=target, name="load-test-room")
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def run(options: Options, url: str | None = None, cap_mb: int | None = None, cpus: int | None = None) -> Report:
    """The room against `url`, or against a server of its own (capped as asked); the report."""
    ARTIFACTS.mkdir(exist_ok=True)
    serving = serve(cap_mb, cpus, ARTIFACTS / "load_test_server.log") if url is None else nullcontext(None)
    with serving as server:
        watch = Watch(server.pid).start() if server is not None else None
        if watch is not None:
            time.sleep(1.0)
        baseline = watch.sample().rss if watch is not None else None
        load_before = os.getloadavg()[0]
        started = time.perf_counter()
        room = _run_in_own_thread(run_room(server.url if server else url, options))
        ended = time.perf_counter()
        if watch is not None:
            watch.stop()
        end = ServerEnd.of(server) if server is not None else None
        load = (load_before, os.getloadavg()[0])
        return Report(options, room, server, watch, started, ended, baseline, end, load)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=Options.participants)
    parser.add_argument("--browsers", type=int, default=Options.browsers, help="participants in Chromium")
    parser.add_argument("--think", type=float, default=Options.think, help="mean seconds between actions")
    parser.add_argument("--ramp", type=float, default=Options.ramp, help="seconds over which participants arrive")
    parser.add_argument("--spread", type=float, default=Options.spread, help="seconds over which Train is pressed")
    parser.add_argument(
        "--observers", type=int, default=Options.observers, help="extra sessions switching pages during the burst"
    )
    parser.add_argument("--tutorial-settings", action="store_true", help="train with the tutorial's settings")
    parser.add_argument("--distinct-runs", action="store_true", help="a seed of its own per participant")
    parser.add_argument("--seed", type=int, default=0, help="of the think times")
    parser.add_argument("--url", help="a running app to test instead of starting one")
    parser.add_argument(
        "--cap", action="store_true", help=f"start the server in {SMALLEST_CONTAINER_MB} MB and one CPU"
    )
    parser.add_argument("--memory-mb", type=int, help="start the server under this memory cap")
    parser.add_argument("--cpus", type=int, help="start the server on this many CPUs")
    args = parser.parse_args()
    options = Options(
        participants=args.participants,
        browsers=min(args.browsers, args.participants),
        think=args.think,
        ramp=args.ramp,
        spread=args.spread,
        observers=args.observers,
        tutorial_settings=args.tutorial_settings,
        distinct_runs=args.distinct_runs,
        seed=args.seed,
    )
    cap_mb = args.memory_mb or (SMALLEST_CONTAINER_MB if args.cap else None)
    cpus = args.cpus or (1 if args.cap else None)
    report = run(options, args.url, cap_mb, cpus)
    print("\n".join(report.lines()))
    sys.exit(1 if report.errors else 0)


if __name__ == "__main__":
    main()
