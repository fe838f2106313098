"""axe-core in the browser tests: the violations that block, and the few that are Streamlit's own.

The axe script comes bundled in the `axe-playwright-python` package, so nothing is downloaded at
run time. A violation blocks when its impact is "serious" or "critical". A rule that fails only
inside an element Streamlit draws, and that the app cannot change, is listed in
`STREAMLIT_OWN` with the reason (the README repeats it): that rule still applies to the rest of
the page; only its findings inside that element are left out.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from axe_playwright_python.base import AXE_SCRIPT, AxeResults

from tests.conftest import ARTIFACTS

BLOCKING = ("serious", "critical")


@dataclass(frozen=True)
class StreamlitOwn:
    """A rule that fails inside one kind of Streamlit element, whatever the app does."""

    rule: str
    where: str  # CSS selector of Streamlit's element, left out for this rule only
    reason: str
    scheme: str | None = None  # only in the "light" or the "dark" theme; None: in both


STREAMLIT_OWN: tuple[StreamlitOwn, ...] = (
    StreamlitOwn(
        "list",
        '[data-testid="stSidebarNav"]',
        "The navigation menu with sections puts each section's header and links in a <div> inside "
        "its <ul>, so the list holds something other than <li>.",
    ),
    StreamlitOwn(
        "listitem",
        '[data-testid="stSidebarNav"]',
        "The same menu: its <li> links sit in those <div>s, not directly in the <ul>.",
    ),
    StreamlitOwn(
        "scrollable-region-focusable",
        ".katex-display",
        "Streamlit draws display maths (st.latex, $$ in markdown) in a box that scrolls sideways when "
        "the formula is wider than its column, and does not make that box focusable.",
    ),
    StreamlitOwn(
        "color-contrast",
        '[data-testid="stCode"] .token',
        "st.code colours Python's syntax from Streamlit's fixed palette (comments gray70 at 3.6:1, "
        "keywords blue70 at 3.8:1 on the code background); no theme option reaches them. The code's "
        "text itself is checked.",
    ),
    StreamlitOwn(
        "color-contrast",
        '[data-testid="stBaseButton-primary"], [data-testid="stBaseButton-primaryFormSubmit"], '
        '[data-testid="stMultiSelectTagsContainer"]',
        "Streamlit writes the labels of primary buttons (forms' too) and multiselect tags in white in both themes. "
        "In the dark theme the primary colour is also the colour of slider values, the active tab "
        "and selected segments on the near-black page, so it cannot be dark enough for white text: "
        "white labels need a luminance of at most 0.183, text on the page at least 0.206. The "
        "labels reach 3.35:1, WCAG's level for large text and controls.",
        scheme="dark",
    ),
)


def _inside(page, violation: dict, where: str) -> list[bool]:
    """For each element of a violation: does it sit inside a `where` element?"""
    targets = [node["target"][-1] for node in violation["nodes"]]
    return page.evaluate(
        "([targets, where]) => targets.map(t => Boolean(document.querySelector(t)?.closest(where)))", [targets, where]
    )


def audit(page, scheme: str) -> tuple[list[dict], list[dict]]:
    """The axe violations on the page as it is now: the app's, and those inside Streamlit-own elements.

    `scheme` is the theme the page shows, "light" or "dark".
    """
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE_SCRIPT)
    violations = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")["violations"]
    ours, streamlit_own = [], []
    for violation in violations:
        excused = []
        for own in STREAMLIT_OWN:
            if own.rule == violation["id"] and own.scheme in (None, scheme):
                inside = _inside(page, violation, own.where)
                excused += [node for node, skip in zip(violation["nodes"], inside, strict=True) if skip]
                violation["nodes"] = [node for node, skip in zip(violation["nodes"], inside, strict=True) if not skip]
        if violation["nodes"]:
            ours.append(violation)
        if excused:
            streamlit_own.append({**violation, "nodes": excused})
    return ours, streamlit_own


def blocking(violations: list[dict]) -> list[dict]:
    return [violation for violation in violations if violation["impact"] in BLOCKING]


def report(violations: list[dict]) -> str:
    """The violations as axe-playwright-python words them: rule, impact, each element and why."""
    return AxeResults({"violations": violations}).generate_report()


def record(name: str, ours: list[dict], streamlit_own: list[dict]) -> None:
    """Keep every violation of a state, blocking or not, and the Streamlit-own ones, beside the screenshots."""
    ARTIFACTS.mkdir(exist_ok=True)

    def summary(violations: list[dict]) -> list[dict]:
        return [
            {"rule": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]]} for v in violations
        ]

    found = {"ours": summary(ours), "streamlit_own": summary(streamlit_own)}
    (ARTIFACTS / f"axe-{name}.json").write_text(json.dumps(found, indent=1, ensure_ascii=False), encoding="utf-8")


# Vega draws text as SVG, which axe does not measure: each chart's titles, axis and legend labels,
# and the text marks of charts without cells (cells carry their own text colour), against the page.
CHART_TEXT = """() => {
  const rgb = c => (c.match(/[\\d.]+/g) || []).slice(0, 3).map(Number);
  const lum = c => rgb(c).map(v => v / 255).map(v => v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const page = getComputedStyle(document.querySelector('[data-testid="stApp"]')).backgroundColor;
  const found = [];
  for (const chart of document.querySelectorAll('[data-testid="stVegaLiteChart"] svg')) {
    const cells = chart.querySelector('.mark-rect') !== null;
    for (const text of chart.querySelectorAll('text')) {
      if (cells && text.closest('.role-mark')) continue;
      if (!text.textContent.trim() || getComputedStyle(text).opacity === '0') continue;
      const fill = getComputedStyle(text).fill;
      const r = ratio(fill, page);
      if (r < 4.5) found.push(`${text.textContent.trim()}: ${fill} on ${page}, ${r.toFixed(2)}:1`);
    }
  }
  return found;
}"""


def chart_text_below_4_5(page) -> list[str]:
    """Chart text that does not reach 4.5:1 against the page's background."""
    return page.evaluate(CHART_TEXT)
