"""A classroom in a real browser: an instructor and participants, each in a browser context of their own."""

from __future__ import annotations

import re
from contextlib import contextmanager

import pytest
from playwright.sync_api import expect

from tests.conftest import screenshot, wait_until_idle

pytestmark = pytest.mark.browser
LONG = 90_000  # ms: a ceiling for a busy machine, never a speed check


@contextmanager
def people(browser, count: int, height: int = 1800):
    """`count` people, each with a browser of their own (no shared cookies or session)."""
    contexts = [browser.new_context(viewport={"width": 1400, "height": height}) for _ in range(count)]
    try:
        yield [context.new_page() for context in contexts]
    finally:
        for context in contexts:
            context.close()


def main(tab):
    return tab.locator('[data-testid="stMain"]')


def wait_for_charts(tab, count: int) -> None:
    """The board's charts drawn (a fragment's rerun leaves the script state alone)."""
    drawn = main(tab).locator('[data-testid="stVegaLiteChart"]').filter(has=tab.locator(".marks"))
    expect(drawn).to_have_count(count, timeout=LONG)
    tab.wait_for_timeout(500)  # the last frame painted


def open_room(tab, app_url: str | None, query: str = "") -> tuple[str, str]:
    """The instructor opens a room: its join link and the instructor's secret link.

    Without `app_url`, the tab is in the app already and goes by its menu (a new address would
    be a new session, without the classifier's settings).
    """
    if app_url is None:
        tab.locator('[data-testid="stSidebarNav"]').get_by_role("link", name="Classroom").click()
        expect(main(tab)).to_contain_text("Run a room", timeout=LONG)
    else:
        tab.goto(f"{app_url}/classroom{query}")
    wait_until_idle(tab)
    tab.get_by_role("button", name=re.compile("Open a room|开设一个课堂")).click()
    codes = main(tab).locator('[data-testid="stCode"]')
    expect(codes).to_have_count(2, timeout=LONG)
    wait_until_idle(tab)
    join_link, secret_link = (codes.nth(i).text_content().strip() for i in range(2))
    return join_link, secret_link


def join(tab, nickname: str, code: str | None = None, button: str = "Join") -> None:
    if code is not None:
        tab.get_by_role("textbox", name=re.compile("Room code|课堂代码")).fill(code)
    tab.get_by_role("textbox", name=re.compile("Nickname|昵称")).fill(nickname)
    tab.get_by_role("button", name=button, exact=True).click()
    expect(main(tab)).to_contain_text(nickname, timeout=LONG)
    wait_until_idle(tab)


def train_and_submit(tab, seed: int | None = None) -> None:
    """Load the room's corpus and settings, train in the classifier, submit the run."""
    expect(main(tab)).to_contain_text("Load it into the classifier", timeout=LONG)  # the page refreshed itself
    tab.get_by_role("button", name="Load it into the classifier").click()
    expect(main(tab)).to_contain_text("is in the classifier", timeout=LONG)
    tab.get_by_role("button", name="Apply them in the classifier").click()
    expect(main(tab)).to_contain_text("The room's settings are now in", timeout=LONG)
    if seed is not None:
        box = tab.locator('[data-testid="stSidebar"]').get_by_role("spinbutton", name="Random seed")
        box.fill(str(seed))
        box.press("Enter")
        wait_until_idle(tab)
    tab.get_by_role("link", name="Open the classifier to train").click()
    expect(main(tab)).to_contain_text("Bag-of-words classifier", timeout=LONG)
    wait_until_idle(tab)
    tab.get_by_role("tab", name="Train").click()
    wait_until_idle(tab)
    tab.get_by_role("button", name="Train", exact=True).click()
    expect(main(tab)).to_contain_text("Trained for 30 epochs.", timeout=LONG)
    wait_until_idle(tab)
    tab.get_by_role("button", name="Submit this run to the room").click()
    expect(main(tab)).to_contain_text("This run is on the room's board.", timeout=LONG)
    wait_until_idle(tab)


def test_an_instructor_and_two_participants_share_a_room(browser, app_url):
    with people(browser, 5) as (teacher, ana, bo, stranger, second_device):
        # The instructor prepares the classifier's settings (30 epochs), then opens a room.
        teacher.goto(f"{app_url}/classifier")
        wait_until_idle(teacher)
        teacher.get_by_role("tab", name="Train").click()
        wait_until_idle(teacher)
        epochs = teacher.get_by_role("spinbutton", name="Epochs (passes over the training rows)")
        epochs.fill("30")
        epochs.press("Enter")
        wait_until_idle(teacher)
        expect(epochs).to_have_value("30")
        join_link, secret_link = open_room(teacher, None)
        code = re.search(r"room=([A-Z0-9]+)$", join_link).group(1)
        assert join_link.startswith(app_url) and "key=" in secret_link
        expect(main(teacher).locator('[data-testid="stImage"]')).to_have_count(1)  # the QR code
        assert main(teacher).locator("h1").filter(has_text=code[:3]).count() == 1

        # Ana follows the link (the code is typed in for her); Bo types the code, as people do.
        ana.goto(join_link)
        wait_until_idle(ana)
        expect(ana.get_by_role("textbox", name="Room code")).to_have_value(code)
        join(ana, "Ana")
        bo.goto(f"{app_url}/classroom")
        wait_until_idle(bo)
        join(bo, "Bo", code=f"{code[:3].lower()} {code[3:].lower()}")
        expect(main(bo)).to_contain_text("Nothing published yet")

        # The instructor publishes the corpus, the settings and a challenge.
        teacher.get_by_text("A challenge", exact=True).click()
        wait_until_idle(teacher)
        teacher.get_by_role("button", name="Publish").click()
        expect(main(teacher)).to_contain_text("Published (version 1)", timeout=LONG)
        wait_until_idle(teacher)

        train_and_submit(ana)
        train_and_submit(bo, seed=7)

        # The board shows both runs within one refresh.
        board = main(teacher).locator('[data-testid="stDataFrame"]').first
        expect(board).to_contain_text("Ana", timeout=LONG)
        expect(board).to_contain_text("Bo", timeout=LONG)
        metrics = main(teacher).locator('[data-testid="stMetricValue"]')
        expect(metrics.nth(0)).to_have_text("2", timeout=LONG)
        expect(metrics.nth(1)).to_have_text("2", timeout=LONG)
        teacher.get_by_text("How to join this room", exact=True).click()  # folded away for the projector
        wait_until_idle(teacher)
        teacher.get_by_text("Publish to the room", exact=True).click()
        wait_until_idle(teacher)
        wait_for_charts(teacher, 2)
        screenshot(teacher, "classroom-board")

        # A participant sees the summary and their own runs, never the board's table of everyone.
        ana.get_by_role("link", name="Classroom").click()
        expect(main(ana)).to_contain_text("Your runs", timeout=LONG)
        expect(main(ana).locator('[data-testid="stMetricValue"]').nth(1)).to_have_text("2", timeout=LONG)
        own = main(ana).locator('[data-testid="stDataFrame"]')
        expect(own).to_have_count(1)
        expect(own).not_to_contain_text("Bo")
        wait_until_idle(ana)
        screenshot(ana, "classroom-participant")

        # Someone without the instructor's secret can neither publish nor close.
        stranger.goto(f"{app_url}/classroom?room={code}&key=guessed-secret")
        wait_until_idle(stranger)
        expect(main(stranger)).to_contain_text("does not hold the room's instructor secret", timeout=LONG)
        for name in ("Publish", "Close the room", "Close and delete"):
            assert stranger.get_by_role("button", name=name).count() == 0
        assert main(stranger).locator('[data-testid="stDataFrame"]').count() == 0
        assert "key=" not in stranger.url

        # The secret link reopens the board on another device, and leaves the address bar.
        second_device.goto(secret_link)
        wait_until_idle(second_device)
        expect(main(second_device).locator('[data-testid="stDataFrame"]').first).to_contain_text("Ana", timeout=LONG)
        expect(second_device).not_to_have_url(re.compile("key="), timeout=LONG)

        # Closing the room deletes it; its participants are told within a refresh.
        teacher.get_by_role("button", name="Close the room").click()
        teacher.get_by_role("button", name="Close and delete").click()
        expect(main(teacher)).to_contain_text(f"Room {code} is closed", timeout=LONG)
        expect(main(ana)).to_contain_text("No open room has this code", timeout=LONG)
        expect(ana.get_by_role("textbox", name="Nickname")).to_be_visible(timeout=LONG)


def test_a_room_in_chinese(browser, app_url):
    with people(browser, 2) as (teacher, lin):
        join_link, _ = open_room(teacher, app_url, "?lang=zh")
        assert join_link.endswith("&lang=zh")
        teacher.get_by_role("button", name="发布", exact=True).click()
        expect(main(teacher)).to_contain_text("已发布（第 1 版）", timeout=LONG)
        wait_until_idle(teacher)
        screenshot(teacher, "classroom-host-zh")

        lin.goto(join_link)
        wait_until_idle(lin)
        join(lin, "林 <b>小明</b>", button="加入")
        expect(main(lin)).to_contain_text("载入分类器", timeout=LONG)
        # A nickname is shown as typed, never as markup.
        assert main(lin).locator("b", has_text="小明").count() == 0
        lin.get_by_role("button", name="载入分类器").click()
        expect(main(lin)).to_contain_text("已载入分类器", timeout=LONG)
        lin.get_by_role("link", name="打开分类器开始训练").click()
        expect(main(lin)).to_contain_text("词袋分类器", timeout=LONG)
        wait_until_idle(lin)
        lin.get_by_role("tab", name="训练").click()
        wait_until_idle(lin)
        lin.get_by_role("button", name="训练", exact=True).click()
        expect(main(lin)).to_contain_text("已训练 100 轮。", timeout=LONG)
        lin.get_by_role("button", name="把这次训练提交到课堂").click()
        expect(main(lin)).to_contain_text("这次训练已在课堂看板上。", timeout=LONG)
        lin.get_by_role("link", name="课堂").click()
        expect(main(lin)).to_contain_text("你的结果", timeout=LONG)
        wait_until_idle(lin)
        screenshot(lin, "classroom-participant-zh")

        expect(main(teacher).locator('[data-testid="stDataFrame"]').first).to_contain_text("小明", timeout=LONG)
        teacher.get_by_text("如何加入这个课堂", exact=True).click()
        wait_until_idle(teacher)
        wait_for_charts(teacher, 2)
        screenshot(teacher, "classroom-board-zh")
        assert main(teacher).locator("b", has_text="小明").count() == 0
