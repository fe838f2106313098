"""The theme's colours, read from .streamlit/config.toml, reach WCAG 2.2 AA contrast in light and dark.

Text needs 4.5:1, graphics (chart marks) 3:1. Streamlit derives some colours from the theme's,
and these are computed the way it does: a caption is the text colour at 60 % opacity, a selected
segment or pill is the primary colour on its own 10 % tint, and the labels of primary buttons
and multiselect tags are white on the primary colour.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from charts import palette

ROOT = Path(__file__).resolve().parents[1]
THEME = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))["theme"]
TEXT = 4.5
GRAPHICS = 3.0
WHITE = "#ffffff"


def channels(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    assert len(value) == 6, colour
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def luminance(colour: str) -> float:
    """WCAG 2.2's relative luminance of an sRGB colour."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in channels(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: str, second: str) -> float:
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def over(colour: str, background: str, opacity: float) -> str:
    """`colour` at `opacity` laid over `background`, as the browser blends it."""
    mixed = (
        round(c * opacity + b * (1 - opacity)) for c, b in zip(channels(colour), channels(background), strict=True)
    )
    return "#" + "".join(f"{c:02x}" for c in mixed)


def test_the_contrast_formula_matches_wcag_examples():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    # The primary colour this theme replaces: too light for text on white.
    assert contrast("#ee4c2c", "#ffffff") == pytest.approx(3.68, abs=0.01)


def test_the_app_offers_a_light_and_a_dark_theme():
    assert {"light", "dark"} <= THEME.keys()
    # Colours set in [theme] itself would apply to both and defeat the choice.
    assert not {"primaryColor", "backgroundColor", "secondaryBackgroundColor", "textColor"} & THEME.keys()


def backgrounds(scheme: str) -> dict[str, str]:
    """Every surface text sits on: the page, widgets and the sidebar."""
    colours = THEME[scheme]
    sidebar = THEME[scheme].get("sidebar", {}).get("backgroundColor", colours["secondaryBackgroundColor"])
    return {"page": colours["backgroundColor"], "widgets": colours["secondaryBackgroundColor"], "sidebar": sidebar}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_and_captions_reach_4_5(scheme):
    text = THEME[scheme]["textColor"]
    for surface, background in backgrounds(scheme).items():
        assert contrast(text, background) >= TEXT, surface
        caption = over(text, background, 0.6)
        assert contrast(caption, background) >= TEXT, f"caption on the {surface}"
    code, code_background = THEME[scheme]["codeTextColor"], THEME[scheme]["codeBackgroundColor"]
    assert contrast(code, code_background) >= TEXT
    # Inline code in a caption: the caption shows the code and its background at 60 % opacity.
    faded_background = over(code_background, THEME[scheme]["backgroundColor"], 0.6)
    assert contrast(over(code, faded_background, 0.6), faded_background) >= TEXT, "inline code in a caption"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_in_the_primary_colour_reaches_4_5(scheme):
    """Slider values, the active tab and selected segments are written in the primary colour."""
    primary = THEME[scheme]["primaryColor"]
    for surface, background in backgrounds(scheme).items():
        assert contrast(primary, background) >= TEXT, surface
    # Segmented controls and pills sit on the page or in the sidebar, never on a widget's fill.
    for surface in ("page", "sidebar"):
        selected = over(primary, backgrounds(scheme)[surface], 0.1)
        assert contrast(primary, selected) >= TEXT, f"selected segment on the {surface}"


def test_white_labels_on_the_primary_colour():
    """Primary buttons and multiselect tags: Streamlit writes their labels in white in both themes.

    In the light theme they reach 4.5:1. In the dark theme no colour can: white labels need a
    luminance of at most 0.183, text in the primary colour on the dark page at least 0.206. The
    dark theme serves the many slider values, tabs and segments, and its buttons keep 3:1, WCAG's
    level for large text and controls (README, "Accessibility").
    """
    assert contrast(WHITE, THEME["light"]["primaryColor"]) >= TEXT
    assert contrast(WHITE, THEME["dark"]["primaryColor"]) >= GRAPHICS


MARK_COLOURS = {
    **{f"categorical {i}": colour for i, colour in enumerate(palette.CATEGORICAL)},
    **{f"optimiser {name}": colour for name, colour in palette.OPTIMIZER_COLORS.items()},
    "right": palette.RIGHT,
    "wrong": palette.WRONG,
    "other": palette.OTHER,
    "primary": palette.PRIMARY,
    "secondary": palette.SECONDARY,
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(MARK_COLOURS))
def test_chart_marks_reach_3_on_both_backgrounds(name, scheme):
    assert contrast(MARK_COLOURS[name], THEME[scheme]["backgroundColor"]) >= GRAPHICS


def test_the_themes_categorical_colours_are_the_palettes():
    assert tuple(THEME["chartCategoricalColors"]) == palette.CATEGORICAL


def test_text_on_charts_follows_the_theme():
    """Chart text takes the theme's text colour, picked from the chart's background in Vega."""
    light, dark = THEME["light"], THEME["dark"]
    assert f"'{light['textColor']}'" in palette.TEXT["expr"] and f"'{dark['textColor']}'" in palette.TEXT["expr"]
    muted_dark, muted_light = (part.split("'")[1] for part in palette.MUTED_TEXT["expr"].split("?")[1].split(":"))
    assert contrast(muted_light, light["backgroundColor"]) >= TEXT
    assert contrast(muted_dark, dark["backgroundColor"]) >= TEXT
