"""A small workshop room (5 participants, one in Chromium) follows the whole script without an error.

The load test (`scripts/load_test.py`) is a measuring tool; here it only has to work: every
participant finishes the script and every training finishes. Timings are reported, never checked.
"""

from __future__ import annotations

import os

import pytest

from scripts.load_test import Options, run
from tests.conftest import _chromium

pytestmark = pytest.mark.browser


def test_a_small_room_follows_the_whole_script():
    if _chromium() is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; .ci/run installs Debian's chromium package")
        pytest.skip("no chromium on this machine (apt-get install chromium)")
    options = Options(participants=5, browsers=1, think=0.3, ramp=1.0, spread=1.0, timeout=240.0)

    report = run(options)

    assert [step.error for step in report.errors] == []
    assert sorted(report.room.trained) == list(range(options.participants))
    assert report.end.alive
