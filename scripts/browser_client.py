"""The same session as `streamlit_client.StreamlitSession`, driven in headless Chromium (Playwright).

Each action is timed from the click or key press to the last change of the page, once nothing
has changed for QUIET_MS and the app's script is not running (a fragment's rerun leaves the
script state alone, so the page itself is watched, as `scripts/latency.py` does). Such a session
also loads the page's static files and draws every chart, as a participant's browser does.
"""

from __future__ import annotations

import re
import time

IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
QUIET_MS = 400
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
# Records the time of every change to the page (installed once per document).
WATCH = """() => {
  if (window.__changes) return;
  window.__changes = [];
  new MutationObserver(() => window.__changes.push(performance.now()))
    .observe(document.body, {attributes: true, childList: true, subtree: true, characterData: true});
}"""
# Milliseconds from `start` to the last change, once quiet for `quiet` ms with the script idle; else null.
SETTLED = """([start, quiet]) => {
  const after = window.__changes.filter((time) => time >= start);
  const app = document.querySelector('[data-testid="stApp"]');
  if (!after.length || !app || app.getAttribute('data-test-script-state') !== 'notRunning') return null;
  const last = after[after.length - 1];
  if (performance.now() - last < quiet) return null;
  return last - start;
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

    async def open(self, path: str = "", query: str = "") -> float:
        self.context = await self.browser.new_context(viewport={"width": 1400, "height": 900})
        self.page = await self.context.new_page()
        self.page.set_default_timeout(self.timeout * 1000)
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

    async def _timed(self, act) -> float:
        await self.page.evaluate(WATCH)
        start = await self.page.evaluate("() => performance.now()")
        began = time.perf_counter()
        await act()
        handle = await self.page.wait_for_function(
            SETTLED, arg=[start, QUIET_MS], timeout=self.timeout * 1000, polling=50
        )
        settled_ms = float(await handle.json_value())
        await self._check()
        # The click itself is part of the wait; the page's own clock times the rest.
        return max(settled_ms / 1000, 0.0) if settled_ms else time.perf_counter() - began

    async def _check(self) -> None:
        if await self.page.locator('[data-testid="stException"]').count():
            text = await self.page.locator('[data-testid="stException"]').first.inner_text()
            raise BrowserError(f"the page shows an exception: {text[:300]}")
