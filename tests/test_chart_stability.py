"""A slider step on a lesson page changes the numbers of its charts, never their spec or text alternative.

The browser keeps a drawn chart when a rerun sends the same spec and the same text alternative,
and swaps only its data; a spec or an `alt` that changes makes it build the chart anew, which
took about 100 ms of every step (see "How fast a page answers" in the README). So every chart of
every lesson page is compared before and after each of the page's sliders moves by one step.
"""

from __future__ import annotations

import json

import pytest

from tests.conftest import assert_clean, open_page
from ui.pages import PAGES

LESSONS = [spec.path for spec in PAGES if spec.section == "lessons"]


def charts(at) -> list[tuple[dict, str]]:
    """Each chart's spec without its data, and its text alternative, in page order."""
    drawn = []
    for element in at.get("vega_lite_chart"):
        spec = json.loads(element.proto.spec)
        spec.pop("datasets", None)
        drawn.append((spec, element.proto.alt))
    return drawn


def step(slider) -> None:
    """Move the slider one step inside its range (to the next option, for a select slider)."""
    if slider.type == "select_slider":
        options = list(slider.options)
        here = options.index(str(slider.value)) if str(slider.value) in options else 0
        there = here + 1 if here + 1 < len(options) else here - 1
        slider.set_value(type(slider.value)(options[there]))
        return
    value = slider.value + slider.step
    slider.set_value(value if value <= slider.max else slider.value - slider.step)


def sliders(at) -> list:
    return list(at.slider) + list(at.select_slider)


@pytest.mark.parametrize("path", LESSONS)
def test_a_slider_step_keeps_every_charts_spec_and_text_alternative(path):
    at = open_page(path)
    assert_clean(at)
    count = len(sliders(at))
    assert count >= 1, f"{path} has no slider"
    for index in range(count):
        at = open_page(path)
        before = charts(at)
        assert before, f"{path} draws no chart"
        slider = sliders(at)[index]
        label = slider.label
        step(slider)
        at.run()
        assert_clean(at)
        after = charts(at)
        assert len(after) == len(before), f"{path}: moving {label!r} changed the number of charts"
        for number, ((spec_before, alt_before), (spec_after, alt_after)) in enumerate(zip(before, after, strict=True)):
            assert alt_after == alt_before, f"{path}: moving {label!r} changed the text alternative of chart {number}"
            assert spec_after == spec_before, f"{path}: moving {label!r} changed the spec of chart {number}"
