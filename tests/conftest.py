"""Shared fixtures: the app under AppTest, and the app served to headless Chromium."""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from scripts.chromium import ARGS as CHROMIUM_ARGS
from scripts.chromium import IDLE, QUIET_MS
from scripts.server_process import serve
from ui.pages import PAGES as ALL_PAGES

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "artifacts"
APP_TIMEOUT = 120  # seconds for one AppTest run; a generous ceiling, never a speed check

PAGES = [spec.path for spec in ALL_PAGES]


@pytest.fixture(autouse=True, scope="session")
def validated_chart_specs():
    """Every chart spec a test builds is checked against the Vega-Lite schema (the app skips it)."""
    import charts.spec

    charts.spec.VALIDATE = True
    yield


@pytest.fixture(autouse=True)
def empty_run_cache():
    """Each test starts with no finished runs shared from an earlier test (they share one process)."""
    from core.run_cache import RUN_CACHE

    RUN_CACHE.clear()
    yield


def open_page(path: str | None = None, lang: str = "en") -> AppTest:
    """Run the app (router, sidebar and all) and switch to `path`, in language `lang`."""
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=APP_TIMEOUT)
    at.session_state["lang"] = lang
    at.run()
    if path is not None:
        at.switch_page(path).run()
    return at


def assert_clean(at: AppTest) -> None:
    """No uncaught exception and no raw traceback on the page."""
    assert not at.exception, [e.value for e in at.exception]


# ---------------------------------------------------------------- the real browser


def pytest_collection_modifyitems(items) -> None:
    """Sort every test into a tier: browser (marked by its module), app (runs AppTest) or fast.

    `pytest -m fast` is the daily tier: core, charts and catalogs, in seconds. CI runs everything.
    """
    runs_the_app: dict[object, bool] = {}
    for item in items:
        if item.get_closest_marker("browser"):
            continue
        module = item.module
        if module not in runs_the_app:
            source = Path(module.__file__).read_text(encoding="utf-8")
            runs_the_app[module] = "open_page(" in source or "AppTest" in source
        item.add_marker("app" if runs_the_app[module] else "fast")


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@contextmanager
def served_app():
    """`streamlit run` on a free localhost port, until the block ends; yields its address."""
    try:
        with serve() as server:
            yield server.url
    except RuntimeError as error:  # the server did not start: a failure of the test, not an error in it
        pytest.fail(str(error))


@pytest.fixture(scope="session")
def app_url():
    """One served app for the whole test session."""
    with served_app() as url:
        yield url


@pytest.fixture
def fresh_app_url():
    """A server of its own, for what only a server's very first visitor sees."""
    with served_app() as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright; skipped locally without it, required in CI."""
    executable = _chromium()
    if executable is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; .ci/run installs Debian's chromium package")
        pytest.skip("no chromium on this machine (apt-get install chromium)")
    from playwright.sync_api import expect, sync_playwright

    # A busy 2-core machine can take a while to redraw: assertions retry for up to 30 s.
    expect.set_options(timeout=30_000)

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()


# Resolves once the page has not changed for `quiet` ms (or after `limit` ms at most).
_QUIET = """([quiet, limit]) => new Promise((resolve) => {
  let timer = setTimeout(done, quiet);
  const stop = setTimeout(done, limit);
  const observer = new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(done, quiet); });
  observer.observe(document.body, {attributes: true, childList: true, subtree: true, characterData: true});
  function done() { observer.disconnect(); clearTimeout(timer); clearTimeout(stop); resolve(); }
})"""


# True once no element is still a placeholder (Streamlit shows a skeleton while an element's code
# loads) and every chart has drawn its marks.
_DRAWN = """() => !document.querySelector('[data-testid="stSkeleton"]')
  && [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')]
       .every((chart) => chart.querySelector('svg, canvas'))"""


def wait_until_idle(tab, timeout_ms: int = 90_000) -> None:
    """Wait until the script run has finished, the page has settled, and it shows no exception.

    The browser can draw a finished run's elements a second or more after the script state says
    "notRunning" (their code still loading, charts drawing): a test that acts at once may not find
    them.
    """
    # Before the first run starts the app also reads "notRunning": wait for content first.
    tab.wait_for_selector("h1", timeout=timeout_ms)
    tab.wait_for_selector(IDLE, timeout=timeout_ms)
    tab.wait_for_function(_DRAWN, timeout=timeout_ms)
    tab.evaluate(_QUIET, [QUIET_MS, 10_000])
    tab.wait_for_selector(IDLE, timeout=timeout_ms)
    assert tab.locator('[data-testid="stException"]').count() == 0, "the page shows an exception"


def choose_option(tab, label: str, option: str, index: int = 0) -> None:
    """Pick `option` in the `index`-th select box whose label contains `label`.

    A click that lands while a rerun is still drawing the page can open the list and see it
    closed again, so the click is repeated until the option is there.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    box = tab.locator('[data-testid="stSelectbox"]').filter(has_text=label).nth(index)
    target = tab.get_by_role("option", name=option, exact=True)
    for _ in range(4):
        wait_until_idle(tab)
        box.click()
        try:
            target.wait_for(timeout=10_000)
            break
        except PlaywrightTimeoutError:
            tab.keyboard.press("Escape")
    target.click()
    wait_until_idle(tab)


def screenshot(tab, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    tab.screenshot(path=str(path), full_page=True)
    return path
