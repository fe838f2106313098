"""The optimisation page under AppTest: controls set by key, numbers and chart data checked."""

import base64
import contextlib
import io
import json
import math

import pyarrow as pa
import pytest
from PIL import Image

from charts.palette import BANDS
from core.descent import descend, race
from core.descent_summary import fmt
from core.surfaces import WeightChoice, bowl, classifier_surface
from tests.conftest import assert_clean, open_page

PAGE = "app_pages/optimisation.py"
RACE = ["sgd", "sgd_momentum", "nesterov", "adam", "rmsprop", "adagrad"]
NAMES = {
    "sgd": "SGD",
    "sgd_momentum": "SGD + momentum",
    "nesterov": "Nesterov",
    "adam": "Adam",
    "rmsprop": "RMSprop",
    "adagrad": "Adagrad",
}


def png_image(url: str) -> Image.Image:
    """The picture a `data:image/png;base64,...` URL holds, as RGB."""
    prefix = "data:image/png;base64,"
    assert url.startswith(prefix)
    return Image.open(io.BytesIO(base64.b64decode(url[len(prefix) :]))).convert("RGB")


def rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def chart_rows(element) -> list[dict]:
    """All rows of every dataset of one Altair chart."""
    spec = json.loads(element.proto.spec)
    rows = [row for values in spec.get("datasets", {}).values() for row in values]
    for dataset in element.proto.datasets:
        rows += pa.ipc.open_stream(io.BytesIO(dataset.data.data)).read_pandas().to_dict("records")
    return rows


def specs(at) -> list[dict]:
    return [json.loads(element.proto.spec) for element in at.get("vega_lite_chart")]


def path_rows(element, label: str) -> list[dict]:
    rows = [row for row in chart_rows(element) if row.get("path") == label and "step" in row]
    return sorted(rows, key=lambda row: row["step"])


def run_code(code: str) -> dict:
    namespace: dict = {}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile(code, "<page code>", "exec"), namespace)
    return namespace


def texts(elements) -> str:
    return "\n".join(str(element.value) for element in elements)


def test_default_page_shows_the_first_step_and_the_race():
    at = open_page(PAGE)
    assert_clean(at)
    assert at.title[0].value == "Optimisation: walking down the loss"
    # The bowl (x² + 10·y²)/2 from (-2.5, 2): loss 23.125; one step of lr 0.05 lands on (-2.375, 1).
    metrics = {metric.label: metric.value for metric in at.metric}
    assert metrics["Loss at θₖ"] == "23.1250"
    assert metrics["Loss at θₖ₊₁"] == "7.8203"
    assert r"(-2.3750,\ 1.0000)" in at.latex[1].value
    assert "the largest difference over 30 steps is 0." in texts(at.caption)

    charts = at.get("vega_lite_chart")
    assert len(charts) == 3
    expected = race(bowl(10.0), RACE, 0.05, 100, (-2.5, 2.0))
    for name, path in expected.items():
        rows = path_rows(charts[1], NAMES[name])
        assert len(rows) == 101
        assert (rows[-1]["x"], rows[-1]["y"]) == pytest.approx(path.final_point, abs=1e-6)
        assert rows[-1]["loss"] == pytest.approx(path.final_loss, rel=1e-5, abs=1e-9)
    # The surface is one picture of its loss bands: light at the lowest point, darkest in the corners.
    (window,) = [row for row in chart_rows(charts[1]) if "url" in row]
    assert (window["x"], window["x2"], window["y"], window["y2"]) == (-3.0, 3.0, 3.0, -3.0)
    picture = png_image(window["url"])
    assert picture.size == (240, 240)
    assert picture.getpixel((120, 120)) == rgb(BANDS[0]) and picture.getpixel((0, 0)) == rgb(BANDS[-1])
    # Under the pointer, a 15 x 15 grid of cells tells the loss at each centre.
    probes = [row for row in chart_rows(charts[1]) if "cx" in row]
    assert len(probes) == 225
    assert max(row["loss"] for row in probes) == pytest.approx((2.8**2 + 10 * 2.8**2) / 2, abs=1e-4)
    loss_spec = specs(at)[2]
    assert loss_spec["layer"][0]["encoding"]["x"]["title"] == "step"
    assert loss_spec["layer"][0]["encoding"]["y"]["title"] == "loss"

    best = min(RACE, key=lambda name: expected[name].final_loss)
    assert metrics["Lowest loss after 100 steps"].startswith(f"{NAMES[best]}: ")
    table = at.table[1].value
    assert list(table["update rule"]) == [NAMES[name] for name in RACE]
    final = [expected[name].final_loss for name in RACE]
    # The table writes numbers as the metrics do: four decimals, or three significant digits.
    assert list(table["loss at the end"]) == [fmt(loss) for loss in final]
    assert set(table["status"]) == {"finished 100 steps"}

    # The race code on the page runs on its own and prints the table's numbers.
    results = run_code(at.code[1].value)["results"]
    assert results == {name: pytest.approx(round(expected[name].final_loss, 4), abs=1e-4) for name in RACE}


def test_step_slider_walks_through_the_update_by_hand():
    at = open_page(PAGE)
    at.slider(key="optimisation.manual_step").set_value(3).run()
    assert_clean(at)
    # On the bowl SGD multiplies x by (1 - lr) and y by (1 - lr·κ) = 0.5 at each step.
    x3, y3 = -2.5 * 0.95**3, 2.0 * 0.5**3
    assert rf"\theta_{{3}} &= ({x3:.4f},\ {y3:.4f})" in at.latex[1].value
    assert rf"({x3 * 0.95:.4f},\ {y3 * 0.5:.4f})" in at.latex[1].value
    metrics = {metric.label: metric.value for metric in at.metric}
    assert metrics["Loss at θₖ"] == f"{(x3**2 + 10 * y3**2) / 2:.4f}"
    table = at.table[0].value
    assert list(table["step"]) == [0, 1, 2, 3]
    assert table["∂L/∂θ₂"].iloc[3] == fmt(10 * y3)
    manual = path_rows(at.get("vega_lite_chart")[0], "SGD by hand")
    assert len(manual) == 5 and manual[-1]["y"] == pytest.approx(y3 * 0.5)
    # The code shown runs the same four steps and ends on θ₄.
    assert "up to step 4" in at.expander[0].label
    theta = run_code(at.code[0].value)["theta"].detach().tolist()
    assert theta == pytest.approx([x3 * 0.95, y3 * 0.5], abs=1e-6)


def test_a_learning_rate_too_large_is_reported_not_drawn():
    at = open_page(PAGE)
    at.select_slider(key="optimisation.lr_bowl").set_value(0.5).run()
    assert_clean(at)
    surface = bowl(10.0)
    expected = race(surface, RACE, 0.5, 100, (-2.5, 2.0))
    # y is multiplied by 1 - 0.5·10 = -4 at each step: |y| = 128 at step 3, off the map.
    assert expected["sgd"].diverged_at == 3
    warnings = texts(at.warning)
    assert "plain SGD runs away at step 3" in warnings
    assert "SGD ran away at step 3" in warnings
    rows = [row for row in chart_rows(at.get("vega_lite_chart")[1]) if "step" in row]
    assert rows and all(math.isfinite(row["x"]) and math.isfinite(row["y"]) for row in rows)
    assert all(math.hypot(row["x"], row["y"]) <= surface.escape_radius for row in rows)
    # SGD's path stops at step 2, the last good point, where a cross marks the runaway.
    sgd = path_rows(at.get("vega_lite_chart")[1], "SGD")
    assert [row["step"] for row in sgd] == [0, 1, 2, 2]
    table = at.table[1].value.set_index("update rule")
    for name, path in expected.items():
        status = f"ran away at step {path.diverged_at}" if path.diverged else "finished 100 steps"
        assert table.loc[NAMES[name], "status"] == status
    results = run_code(at.code[1].value)["results"]
    assert results["sgd"] == "diverged at step 3"


def test_classifier_surface_starts_from_the_tutorial_weights():
    at = open_page(PAGE)
    at.selectbox(key="optimisation.surface").select("classifier").run()
    at.selectbox(key="optimisation.weight_x_word").select("creo")
    at.selectbox(key="optimisation.weight_y_label").select("ENGLISH")
    at.selectbox(key="optimisation.weight_y_word").select("creo").run()
    assert_clean(at)
    # The tutorial prints the column of "creo" before training: [-0.1488, -0.1313].
    assert "(-0.1488, -0.1313)" in texts(at.caption)
    spec = specs(at)[1]
    assert spec["layer"][0]["encoding"]["x"]["title"] == "weight of “creo” for SPANISH"
    assert spec["layer"][0]["encoding"]["y"]["title"] == "weight of “creo” for ENGLISH"
    surface = classifier_surface(1, WeightChoice("SPANISH", "creo"), WeightChoice("ENGLISH", "creo"))
    sgd = descend(surface, "sgd", 0.1, 100)
    rows = path_rows(at.get("vega_lite_chart")[1], "SGD")
    assert rows[0]["loss"] == pytest.approx(surface.at(*surface.start), abs=1e-6)
    assert rows[-1]["loss"] == pytest.approx(sgd.final_loss, abs=1e-6)
    results = run_code(at.code[1].value)["results"]
    assert results["sgd"] == pytest.approx(round(sgd.final_loss, 4), abs=1e-4)

    at.selectbox(key="optimisation.weight_y_label").select("SPANISH").run()
    assert_clean(at)
    assert "both axes name the same entry of A" in texts(at.error)
    assert not at.get("vega_lite_chart")


def test_predict_then_reveal_checks_the_answer_with_real_runs():
    at = open_page(PAGE)
    at.slider(key="optimisation.kappa").set_value(20).run()
    quiz = at.radio(key="optimisation.quiz")
    assert quiz.value is None
    assert "κ = 20" in quiz.label
    assert "η > 2/κ = 0.1" in quiz.options
    quiz.set_value("c").run()
    assert "Not quite." in texts(at.error)
    at.radio(key="optimisation.quiz").set_value("a").run()
    assert_clean(at)
    assert "Right." in texts(at.success)
    wild = descend(bowl(20.0), "sgd", 0.11, 100)
    assert f"at η = 0.11 it runs away at step {wild.diverged_at}" in texts(at.info)


def test_page_in_chinese():
    at = open_page(PAGE, "zh")
    at.select_slider(key="optimisation.lr_bowl").set_value(0.5).run()
    assert_clean(at)
    assert at.title[0].value == "优化：沿着损失往下走"
    metrics = {metric.label: metric.value for metric in at.metric}
    assert metrics["θₖ 处的损失"] == "23.1250"
    assert "SGD 在第 3 步发散" in texts(at.warning)
    spec = specs(at)[2]
    assert spec["layer"][0]["encoding"]["y"]["title"] == "损失"
    assert spec["layer"][0]["encoding"]["color"]["title"] == "更新规则"
    assert "SGD + 动量" in {row["path"] for row in chart_rows(at.get("vega_lite_chart")[1]) if "path" in row}
    table = at.table[1].value
    assert "最终损失" in table.columns and "在第 3 步发散" in set(table["状态"])
