"""The affine-maps page under AppTest: what it draws, and that the code it shows gives the same numbers."""

import json

import pyarrow as pa
import pytest
import torch

from i18n import translate
from tests.conftest import assert_clean, open_page

PAGE = "app_pages/affine_maps.py"
TUTORIAL_OUTPUT = [[0.1755, -0.3268, -0.5069], [-0.6602, 0.2260, 0.1089]]


def chart_datasets(at, title_part: str) -> list[list[dict]]:
    """Each dataset (a list of rows) behind the chart whose title, description or text alternative has `title_part`."""
    for element in at.get("vega_lite_chart"):
        spec = json.loads(element.proto.spec)
        titles = [spec.get("title"), spec.get("description"), element.proto.alt]
        titles += [layer.get("title") for layer in spec.get("layer", [])]
        if any(isinstance(title, str) and title_part in title for title in titles):
            found = list(spec.get("datasets", {}).values())
            found += [pa.ipc.open_stream(d.data.data).read_all().to_pylist() for d in element.proto.datasets]
            return found
    raise AssertionError(f"no chart titled with {title_part!r}")


def chart(at, title_part: str) -> list[dict]:
    """All rows of data behind the chart whose title contains `title_part`."""
    return [row for rows in chart_datasets(at, title_part) for row in rows]


def matrix(rows: list[dict]) -> list[list[float]]:
    size = (max(r["row"] for r in rows) + 1, max(r["col"] for r in rows) + 1)
    out = [[0.0] * size[1] for _ in range(size[0])]
    for r in rows:
        out[r["row"]][r["col"]] = r["value"]
    return out


def metric(at, label_part: str) -> str:
    matches = [m.value for m in at.metric if label_part in m.label]
    assert matches, f"no metric labelled with {label_part!r}"
    return matches[0]


def code_with(at, needle: str) -> str:
    matches = [c.value for c in at.code if needle in c.value]
    assert matches, f"no code block containing {needle!r}"
    return matches[0]


def run_code(code: str) -> tuple[dict, list]:
    """Exec the code shown on the page; returns its variables and what it printed."""
    printed: list = []
    namespace = {"print": lambda *args: printed.append(args)}
    exec(code, namespace)
    return namespace, printed


def test_default_batch_reproduces_the_tutorial_and_its_code_runs():
    at = open_page(PAGE)
    assert_clean(at)
    output = matrix(chart(at, "Output"))
    assert torch.allclose(torch.tensor(output), torch.tensor(TUTORIAL_OUTPUT), atol=1e-4)
    assert len(matrix(chart(at, "Weight A"))) == 3
    assert metric(at, "By hand") == metric(at, "From nn.Linear") == "0.1755"
    assert float(metric(at, "mapped alone")) == 0.0

    namespace, printed = run_code(code_with(at, "nn.Linear(5, 3)"))
    shown = namespace["lin"](namespace["data"]).detach()
    assert torch.allclose(shown, torch.tensor(output), atol=1e-6)
    assert torch.allclose(printed[1][0].detach(), shown[0], atol=1e-6)  # row 0 alone


def test_sizes_and_chosen_entry_follow_the_controls():
    at = open_page(PAGE)
    at.slider(key="affine.in_features").set_value(3)
    at.slider(key="affine.out_features").set_value(2)
    at.slider(key="affine.rows").set_value(4).run()
    at.selectbox(key="affine.row").select(3)
    at.selectbox(key="affine.column").select(1).run()
    assert_clean(at)
    output = matrix(chart(at, "Output"))
    assert len(output) == 4 and len(output[0]) == 2
    # The shapes are written above the charts (the charts' specs stay the same for any shape).
    titles = [m.value for m in at.markdown]
    for title in ("**Input X (4 × 3)**", "**Weight A (2 × 3)**", "**Bias b (2)**", "**Output XAᵀ + b (4 × 2)**"):
        assert title in titles
    assert metric(at, "By hand") == metric(at, "From nn.Linear") == f"{output[3][1]:.4f}"
    namespace, _ = run_code(code_with(at, "nn.Linear(3, 2)"))
    assert torch.allclose(namespace["lin"](namespace["data"]).detach(), torch.tensor(output), atol=1e-6)


def test_seed_changes_the_batch():
    at = open_page(PAGE)
    at.session_state["seed"] = 2
    at.run()
    output = matrix(chart(at, "Output"))
    assert not torch.allclose(torch.tensor(output), torch.tensor(TUTORIAL_OUTPUT), atol=1e-3)
    assert "torch.manual_seed(2)" in code_with(at, "nn.Linear(5, 3)")


def test_reflection_preset_flips_the_plane():
    at = open_page(PAGE)
    at.selectbox(key="affine.f_preset").select("reflection").run()
    assert_clean(at)
    assert metric(at, "Determinant") == "-1.000"
    assert any("det < 0" in m.value for m in at.markdown)
    rows = chart(at, "The grid and the F")
    before = [(r["x"], r["y"]) for r in rows if r["series"] == "before the map"]
    after = [(r["x"], r["y"]) for r in rows if r["series"] == "after the map"]
    assert len(before) == len(after) > 0
    for (xb, yb), (xa, ya) in zip(before, after, strict=True):
        assert xa == pytest.approx(-xb) and ya == pytest.approx(yb)

    namespace, printed = run_code(code_with(at, "torch.linalg.det(A)"))
    assert float(namespace["det"]) == pytest.approx(-1.0)
    assert torch.allclose(printed[0][0], torch.tensor([[0.0, 0.0], [-1.0, 0.0], [-1.0, 1.0], [0.0, 1.0]]))


def test_typed_numbers_change_the_determinant_and_the_area():
    at = open_page(PAGE)
    at.selectbox(key="affine.f_preset").select("identity").run()
    at.number_input(key="affine.f_a11").set_value(2.0)
    at.number_input(key="affine.f_a22").set_value(1.5)
    at.number_input(key="affine.f_b1").set_value(1.0).run()
    assert_clean(at)
    assert metric(at, "Determinant") == "3.000"
    assert any("grows by the factor 3.000" in m.value for m in at.markdown)
    assert any("1.200 before, 3.600 after" in c.value for c in at.caption)
    namespace, _ = run_code(code_with(at, "torch.linalg.det(A)"))
    assert float(namespace["det"]) == pytest.approx(3.0)


def test_composition_is_exact_until_a_nonlinearity_bends_it():
    at = open_page(PAGE)
    assert float(metric(at, "two steps vs one map")) < 1e-5
    assert float(metric(at, "best single affine map")) < 1e-5
    assert any("best affine fit is exact" in m.value for m in at.markdown)

    at.selectbox(key="affine.between").select("relu").run()
    assert_clean(at)
    rms = float(metric(at, "best single affine map"))
    assert rms > 0.05
    bent = [r for r in chart(at, "With a non-linearity") if r["series"] == "f(non-linearity(g(x)))"]
    assert bent

    code = code_with(at, "torch.linalg.lstsq")
    assert "F.relu(x @ C.T + d)" in code
    _, printed = run_code(code)
    assert float(printed[0][0]) < 1e-5
    assert float(printed[1][0]) == pytest.approx(rms, rel=1e-3)


def test_prediction_question_gives_feedback():
    at = open_page(PAGE)
    assert at.radio(key="affine.quiz").value is None
    assert not at.success
    at.radio(key="affine.quiz").set_value("anything").run()
    assert at.error and "Not quite" in at.error[0].value
    at.radio(key="affine.quiz").set_value("affine").run()
    assert at.success and at.success[0].value.startswith("Right")


def test_controls_survive_a_page_switch():
    at = open_page(PAGE)
    at.slider(key="affine.in_features").set_value(4).run()
    at.selectbox(key="affine.f_preset").select("shear").run()
    at.switch_page("app_pages/home.py").run()
    at.switch_page(PAGE).run()
    assert at.slider(key="affine.in_features").value == 4
    assert at.selectbox(key="affine.f_preset").value == "shear"
    assert at.number_input(key="affine.f_a12").value == 1.0


def test_page_in_chinese():
    at = open_page(PAGE, "zh")
    assert_clean(at)
    assert at.title[0].value == "仿射映射"
    headers = [h.value for h in at.header]
    assert translate("affine.plane.title", "zh") in headers
    assert translate("affine.compose.title", "zh") in headers
    assert metric(at, "手算") == "0.1755"
    assert chart(at, "权重 A")
    series = {r["series"] for r in chart(at, "网格和字母 F")}
    assert series == {"映射之前", "映射之后"}


def test_every_key_built_at_run_time_is_translated():
    from core.grid import PRESET_MAPS
    from core.nonlinearities import NONLINEARITIES
    from i18n import catalog

    keys = [f"affine.preset.{name}" for name in PRESET_MAPS]
    keys += [f"affine.between.{name}" for name in ["none", *NONLINEARITIES]]
    keys += [f"affine.det.{effect}" for effect in ["collapse", "flip", "keep", "grow", "shrink"]]
    keys += [f"affine.quiz.option.{o}" for o in ["anything", "affine", "linear"]]
    keys += ["affine.quiz.wrong.anything", "affine.quiz.wrong.linear"]
    keys += [f"nonlin.fn.{name}" for name in NONLINEARITIES]
    keys += [f"nonlin.quiz.option.{o}" for o in ["1", "0.5", "0.25"]]
    for lang in ("en", "zh"):
        missing = [key for key in keys if key not in catalog(lang)]
        assert not missing, f"{lang}: {missing}"
