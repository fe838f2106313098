"""The app's server as a measured process: started on a free port, optionally in the smallest container's limits.

`serve(memory_cap_mb=690, cpus=1)` runs `streamlit run streamlit_app.py` as Community Cloud's
smallest container would hold it: its memory capped by a cgroup of its own (cgroup v2
`memory.max`, or v1 `memory.limit_in_bytes`, swap included where the kernel counts it), and its
threads pinned to one CPU with `taskset`. RLIMIT_AS (`prlimit --as`, `ulimit -v`) is not used: it
caps address space, and Python with torch reserves far more address space than it ever touches,
so it fails at start-up rather than at 690 MB. Where no cgroup can be made, the cap is watched
instead: `Watch` samples the server's resident memory and the caller reports a breach.

`Watch(pid)` samples the process tree of the server every 0.2 s from /proc: resident memory (the
sum of VmRSS) and CPU seconds (user + system, of every thread, and of children that ended).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MB = 1024 * 1024
TICKS = os.sysconf("SC_CLK_TCK")


# ---------------------------------------------------------------- a cgroup of its own


@dataclass
class MemoryCgroup:
    """A child cgroup holding the server, with a hard memory limit."""

    path: Path
    version: int  # 1 or 2

    def peak_bytes(self) -> int | None:
        name = "memory.peak" if self.version == 2 else "memory.max_usage_in_bytes"
        return _read_int(self.path / name)

    def oom_kills(self) -> int | None:
        """How many processes the kernel killed for memory inside the cgroup."""
        name = "memory.events" if self.version == 2 else "memory.oom_control"
        try:
            for line in (self.path / name).read_text().splitlines():
                key, _, value = line.partition(" ")
                if key == "oom_kill":
                    return int(value)
        except OSError:
            return None
        return None

    def remove(self) -> None:
        for _ in range(50):  # the kernel needs a moment after the last process has gone
            try:
                self.path.rmdir()
                return
            except OSError:
                time.sleep(0.1)


def _read_int(path: Path) -> int | None:
    try:
        return int(path.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def _own_cgroup_dirs() -> list[tuple[int, Path]]:
    """The memory cgroup directories this process sits in: (version, directory), v2 first."""
    mounts: list[tuple[str, Path, str]] = []  # (fstype, mount point, super options)
    for line in Path("/proc/self/mountinfo").read_text().splitlines():
        before, _, after = line.partition(" - ")
        fstype, _, options = after.split(" ", 2) if after.count(" ") >= 2 else (after, "", "")
        if fstype in ("cgroup", "cgroup2"):
            mounts.append((fstype, Path(before.split()[4]), options))
    found: list[tuple[int, Path]] = []
    for line in Path("/proc/self/cgroup").read_text().splitlines():
        _, controllers, relative = line.split(":", 2)
        for fstype, mount, options in mounts:
            if controllers == "" and fstype == "cgroup2":
                directory = mount / relative.lstrip("/")
                if "memory" in (directory / "cgroup.controllers").read_text(errors="ignore").split():
                    found.insert(0, (2, directory))
            elif "memory" in controllers.split(",") and fstype == "cgroup" and "memory" in options.split(","):
                found.append((1, mount / relative.lstrip("/")))
    return found


def make_memory_cgroup(limit_bytes: int) -> MemoryCgroup | None:
    """A new child cgroup limited to `limit_bytes` (swap included), or None where the machine allows none."""
    name = f"load-test-{os.getpid()}"
    for version, parent in _own_cgroup_dirs():
        child = parent / name
        try:
            child.mkdir()
        except OSError:
            continue
        try:
            if version == 2:
                (child / "memory.max").write_text(str(limit_bytes))
                if (child / "memory.swap.max").exists():
                    (child / "memory.swap.max").write_text("0")
            else:
                (child / "memory.limit_in_bytes").write_text(str(limit_bytes))
                if (child / "memory.memsw.limit_in_bytes").exists():
                    (child / "memory.memsw.limit_in_bytes").write_text(str(limit_bytes))
            return MemoryCgroup(child, version)
        except OSError:
            child.rmdir()
    return None


# ---------------------------------------------------------------- watching the process tree


def _tree(pid: int) -> list[int]:
    """`pid` and all its descendants."""
    pids, index = [pid], 0
    while index < len(pids):
        for task in Path(f"/proc/{pids[index]}/task").glob("*"):
            try:
                pids += [int(child) for child in (task / "children").read_text().split()]
            except OSError:
                pass
        index += 1
    return pids


def _rss_bytes(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    # utime, stime, cutime, cstime are fields 14 to 17 of stat; fields[0] is field 3.
    return sum(int(value) for value in fields[11:15]) / TICKS


@dataclass
class Sample:
    at: float  # time.perf_counter()
    rss: int  # bytes
    cpu: float  # seconds since the process started


@dataclass
class Watch:
    """Samples a process tree's resident memory and CPU time in a thread, until stopped."""

    pid: int
    interval: float = 0.2
    samples: list[Sample] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def sample(self) -> Sample:
        pids = _tree(self.pid)
        return Sample(time.perf_counter(), sum(_rss_bytes(p) for p in pids), sum(_cpu_seconds(p) for p in pids))

    def _run(self) -> None:
        while not self._stop.is_set():
            self.samples.append(self.sample())
            self._stop.wait(self.interval)

    def start(self) -> Watch:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()
        self.samples.append(self.sample())

    def peak_rss(self, since: float = 0.0, until: float = float("inf")) -> int:
        return max((s.rss for s in self.samples if since <= s.at <= until), default=0)

    def cpu_between(self, since: float, until: float) -> float:
        inside = [s for s in self.samples if since <= s.at <= until]
        return inside[-1].cpu - inside[0].cpu if len(inside) > 1 else 0.0


# ---------------------------------------------------------------- the server


@dataclass
class Server:
    url: str
    process: subprocess.Popen
    cgroup: MemoryCgroup | None
    memory_cap_mb: int | None
    cpus: int | None

    @property
    def pid(self) -> int:
        return self.process.pid

    def alive(self) -> bool:
        return self.process.poll() is None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_healthy(url: str, process: subprocess.Popen, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with code {process.returncode} before answering")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"the server did not answer on its health endpoint within {seconds:.0f} s")


@contextmanager
def serve(
    memory_cap_mb: int | None = None,
    cpus: int | None = None,
    log_path: Path | None = None,
    app_dir: Path = ROOT,
    options: dict[str, str] | None = None,
):
    """`streamlit run streamlit_app.py` in `app_dir` on a free local port, optionally capped; yields a `Server`.

    `app_dir` is another checkout of the app (an older commit measured as a reference); it is
    served with this interpreter, so with the packages installed here. `options` are Streamlit
    settings by name, such as {"runner.postScriptGC": "true"}: passed on the command line, they
    override the app's `.streamlit/config.toml`.
    """
    port = _free_port()
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "streamlit_app.py",
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        *(f"--{name}={value}" for name, value in (options or {}).items()),
    ]
    if cpus:
        if shutil.which("taskset") is None:
            raise RuntimeError("taskset (util-linux) is needed to hold the server to fewer CPUs")
        command = ["taskset", "-c", ",".join(str(cpu) for cpu in range(cpus)), *command]
    cgroup = make_memory_cgroup(memory_cap_mb * MB) if memory_cap_mb else None
    if cgroup is not None:
        # The shell joins the cgroup, then becomes the server: the server's pid is the shell's.
        command = ["sh", "-c", f'echo $$ > "{cgroup.path / "cgroup.procs"}" && exec "$@"', "sh", *command]
    log = open(log_path, "wb") if log_path else subprocess.DEVNULL  # noqa: SIM115 - closed below
    process = subprocess.Popen(command, cwd=app_dir, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, process, 120)
        yield Server(url, process, cgroup, memory_cap_mb, cpus)
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if log_path:
            log.close()
        if cgroup is not None:
            cgroup.remove()
