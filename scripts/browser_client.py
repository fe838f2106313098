"""The same session as `streamlit_client.StreamlitSession`, driven in headless Chromium (Playwright).

Each action is timed from the click or key press to the last change of the page after the
server has finished the run it started. The end of the run is read from the websocket itself
(the `script_finished` message, which a fragment's rerun sends too, while the page's script
state does not move for it); the page is then done once nothing has changed for QUIET_MS. Such
a session also loads the page's static files and draws every chart, as a participant's browser
does.
"""

from __future__ import annotations

import asyncio
import re
import time

from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from scripts.chromium import IDLE, QUIET_MS
from scripts.streamlit_client import DONE

# Records the time of every change to the page (installed once per document).
WATCH = """() => {
  if (window.__changes) return;
  window.__changes = [];
  new MutationObserver(() => window.__changes.push(performance.now()))
    .observe(document.body, {attributes: true, childList: true, subtree: true, characterData: true});
}"""
# Milliseconds from `start` to the last change (0 if none), once quiet for `quiet` ms with the script
# idle; else null.
SETTLED = """([start, quiet]) => {
  const after = window.__changes.filter((time) => time >= start);
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return null;
  const last = after.length ? after[after.length - 1] : start;
  if (performance.now() - last < quiet) return null;
  return after.length ? last - start : 0;
}"""


class BrowserError(RuntimeError):
    """The page shows an exception, or an action could not be done."""


class BrowserSession:
    """One participant's tab in Chromium; the methods mirror `StreamlitSession`'s."""

    def __init__(self, browser, base_url: str, timeout: float = 300.0) -> None:
        self.browser = browser
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.context = None
        self.page = None
        self.runs_finished = 0  # script_finished messages (of a whole run or a fragment) received
        self._finished = asyncio.Event()
        self._finished_at = 0.0

    async def open(self, path: str = "", query: str = "") -> float:
        self.context = await self.browser.new_context(viewport={"width": 1400, "height": 900})
        self.page = await self.context.new_page()
        self.page.set_default_timeout(self.timeout * 1000)
        self.page.on("websocket", lambda socket: socket.on("framereceived", self._on_frame))
        start = time.perf_counter()
        await self.page.goto(f"{self.base_url}/{path}" + (f"?{query}" if query else ""))
        await self.page.wait_for_selector("h1")
        await self.page.wait_for_selector(IDLE)
        await self._check()
        return time.perf_counter() - start

    async def close(self) -> None:
        if self.context is not None:
            await self.context.close()

    async def switch_page(self, url_path: str) -> float:
        link = self.page.locator(f'[data-testid="stSidebarNav"] a[href$="/{url_path}"]').first
        if not url_path:
            link = self.page.locator('[data-testid="stSidebarNav"] a').first
        return await self._timed(link.click)

    async def click(self, label: str) -> float:
        button = self.page.get_by_role("button", name=label, exact=True)
        return await self._timed(button.click)

    async def nudge_slider(self, label: str) -> float:
        slider = self.page.locator('[data-testid="stSlider"]').filter(has_text=label).locator('input[type="range"]')
        await slider.first.focus()
        return await self._timed(lambda: slider.first.press("ArrowRight"))

    async def select(self, label: str, option: str) -> float:
        box = self.page.locator('[data-testid="stSelectbox"]').filter(has_text=label).first

        async def pick() -> None:
            await box.click()
            await self.page.get_by_role("option", name=option, exact=True).click()

        return await self._timed(pick)

    async def type_text(self, label: str, text: str) -> float:
        field = self.page.get_by_label(label, exact=True)
        await field.fill(text)
        return await self._timed(lambda: field.press("Enter"))

    async def set_number(self, label: str, value: float) -> float:
        field = self.page.get_by_label(label, exact=True)
        await field.fill(f"{value:g}")
        return await self._timed(lambda: field.press("Enter"))

    async def open_tab(self, label: str) -> float:
        tab = self.page.get_by_role("tab", name=re.compile(f"^{re.escape(label)}$"))
        return await self._timed(tab.click)

    async def shows(self, text: str) -> bool:
        return await self.page.get_by_text(text).count() > 0

    async def screenshot(self, path) -> None:
        """The page as it is now, for a failed step (best effort)."""
        try:
            path.parent.mkdir(exist_ok=True)
            await self.page.screenshot(path=str(path), full_page=True)
        except Exception:  # noqa: BLE001 - a picture of a failure must not add another
            pass

    def _on_frame(self, payload) -> None:
        if not isinstance(payload, bytes):
            return
        message = ForwardMsg()
        try:
            message.ParseFromString(payload)
        except Exception:  # noqa: BLE001 - not a message of the app's stream
            return
        if message.WhichOneof("type") == "script_finished" and message.script_finished in DONE:
            self.runs_finished += 1
            self._finished_at = time.perf_counter()
            self._finished.set()

    async def _timed(self, act) -> float:
        """Seconds from `act()` until the run it starts has finished and the page has settled."""
        await self.page.evaluate(WATCH)
        start = await self.page.evaluate("() => performance.now()")
        finished_before = self.runs_finished
        began = time.perf_counter()
        await act()
        deadline = time.monotonic() + self.timeout
        while self.runs_finished == finished_before:
            self._finished.clear()
            if self.runs_finished != finished_before:
                break
            await asyncio.wait_for(self._finished.wait(), max(0.1, deadline - time.monotonic()))
        handle = await self.page.wait_for_function(
            SETTLED, arg=[start, QUIET_MS], timeout=self.timeout * 1000, polling=50
        )
        await self._check()
        drawn = float(await handle.json_value()) / 1000
        return max(drawn, self._finished_at - began)

    async def _check(self) -> None:
        if await self.page.locator('[data-testid="stException"]').count():
            text = await self.page.locator('[data-testid="stException"]').first.inner_text()
            raise BrowserError(f"the page shows an exception: {text[:300]}")
