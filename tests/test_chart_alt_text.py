"""Every chart the app draws passes a translated text alternative (`alt=`) for screen readers."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def chart_calls() -> list[tuple[str, int, ast.Call]]:
    calls = []
    for path in sorted((ROOT / "ui").rglob("*.py")) + sorted((ROOT / "app_pages").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", None) in {"altair_chart", "vega_lite_chart"}:
                calls.append((str(path.relative_to(ROOT)), node.lineno, node))
    return calls


def test_every_chart_has_a_translated_text_alternative():
    calls = chart_calls()
    assert len(calls) >= 20
    for path, line, call in calls:
        alt = next((keyword.value for keyword in call.keywords if keyword.arg == "alt"), None)
        assert alt is not None, f"{path}:{line} draws a chart without alt="
        # The description is translated: t("alt....") or a value built from such calls.
        assert "t(" in ast.unparse(alt) or isinstance(alt, ast.Name), f"{path}:{line}: alt= is not translated"
