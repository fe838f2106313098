"""The softmax page under AppTest: controls set by key, and the numbers in its metrics, charts and code."""

import pytest
import torch
import torch.nn.functional as F

from tests.conftest import assert_clean, open_page
from tests.page_helpers import chart_with_title, metric, run_code

PAGE = "app_pages/softmax.py"
TUTORIAL_SOFTMAX = [0.2948, 0.0192, 0.1048, 0.1228, 0.4584]


def test_the_tutorial_vector_gives_the_tutorials_numbers_everywhere():
    at = open_page(PAGE)
    assert_clean(at)
    assert at.title[0].value == "Softmax and probabilities"
    assert metric(at, "Sum of the probabilities") == "1.0000"
    assert metric(at, "Largest probability") == "0.4584"
    assert metric(at, "Smallest log-probability") == "-3.9519"

    _, bars = chart_with_title(at, "probability")
    assert [row["class"] for row in bars[:5]] == ["0", "1", "2", "3", "4"]
    assert [round(row["value"], 4) for row in bars[:5]] == TUTORIAL_SOFTMAX
    _, log_bars = chart_with_title(at, "log-probability")
    assert [round(row["value"], 4) for row in log_bars[:5]] == [-1.2214, -3.9519, -2.2560, -2.0969, -0.7801]

    printed = run_code(at.code[0].value)
    assert torch.allclose(printed[0], torch.tensor(TUTORIAL_SOFTMAX), atol=5e-5)
    assert float(printed[1]) == pytest.approx(1.0, abs=1e-6)


def test_temperature_slider_sharpens_the_bars_the_curves_and_the_code():
    at = open_page(PAGE)
    at.slider(key="softmax.temperature").set_value(0.5).run()
    assert_clean(at)
    printed = run_code(at.code[0].value)
    assert "T = 0.5" in at.code[0].value
    probs = printed[0]
    assert metric(at, "Largest probability") == f"{float(probs.max()):.4f}"
    assert float(probs.max()) > 0.6  # sharper than 0.4584 at T = 1
    _, bars = chart_with_title(at, "probability")
    assert [round(row["value"], 4) for row in bars[:5]] == [round(float(p), 4) for p in probs]

    spec, curves = chart_with_title(at, "temperature T (log scale)")
    rule = [row for row in curves if set(row) == {"temperature"}]
    assert rule == [{"temperature": 0.5}]
    lines = [row for row in curves if "probability" in row]
    assert len(lines) == 41 * 5
    hot = [row["probability"] for row in lines if row["temperature"] == 10.0]
    assert max(hot) - min(hot) < 0.1  # at T = 10 the classes are nearly equal
    assert spec["layer"][0]["encoding"]["x"]["scale"]["type"] == "log"


def test_random_scores_follow_the_seed_and_the_count():
    at = open_page(PAGE)
    at.segmented_control(key="softmax.source").set_value("random").run()
    # The sidebar's seed as the user would set it; set right before the run that reads it.
    at.session_state["seed"] = 3
    at.slider(key="softmax.count").set_value(7).run()
    assert_clean(at)
    torch.manual_seed(3)
    want = F.softmax(torch.randn(7), dim=0)
    _, bars = chart_with_title(at, "probability")
    assert len(bars) == 7
    assert [row["value"] for row in bars] == pytest.approx(want.tolist(), abs=1e-6)
    assert "torch.manual_seed(3)\nscores = torch.randn(7)" in at.code[0].value
    assert torch.allclose(run_code(at.code[0].value)[0], want, atol=1e-6)


def test_custom_scores_and_a_translated_error_for_bad_ones():
    at = open_page(PAGE)
    at.segmented_control(key="softmax.source").set_value("custom").run()
    at.text_input(key="softmax.custom").input("0, 0, 0, 0").run()
    assert metric(at, "Largest probability") == "0.2500"
    at.text_input(key="softmax.custom").input("1, two").run()
    assert_clean(at)
    assert "Type between 2 and 12 numbers" in at.error[0].value
    assert not at.get("vega_lite_chart")


def test_exp_then_divide_overflows_beside_the_stable_form():
    at = open_page(PAGE)
    at.select_slider(key="softmax.shift").set_value(1000).run()
    assert_clean(at)
    assert "Broken: 5 of 5 results are nan." in [e.value for e in at.error]
    _, rows = chart_with_title(at, "computed as")
    naive = [row for row in rows if row["series"] == "exp-then-divide (x + c)"]
    stable = [row for row in rows if row["series"] == "stable softmax(x + c)"]
    # Not drawn (no value, or nan after the round trip through Arrow) but written as "nan".
    assert all(row["label"] == "nan" and not row["value"] == row["value"] for row in naive)
    assert [row["value"] for row in stable] == pytest.approx(TUTORIAL_SOFTMAX, abs=2e-4)
    printed = run_code(at.code[0].value)  # the shown code prints the stable result, then the nan one
    assert torch.allclose(printed[3], torch.tensor(TUTORIAL_SOFTMAX), atol=1e-3)
    assert torch.isnan(printed[4]).all()

    at.select_slider(key="softmax.shift").set_value(100).run()
    at.segmented_control(key="softmax.dtype").set_value("float64").run()
    assert "Finite: exp did not overflow here." in [s.value for s in at.success]
    printed = run_code(at.code[0].value)
    assert torch.isfinite(printed[4]).all()
    assert "In float64, exp(z) is finite only up to z ≈ 709.78" in " ".join(c.value for c in at.caption)


def test_predict_then_reveal():
    at = open_page(PAGE)
    assert at.radio(key="softmax.quiz").value is None
    assert not any("Adding the same number c" in s.value for s in at.success)
    at.radio(key="softmax.quiz").set_value("nan").run()
    assert any(e.value.startswith("Not quite.") for e in at.error)
    at.radio(key="softmax.quiz").set_value("same").run()
    assert any(s.value.startswith("Right.") for s in at.success)
    assert any("[0.2948, 0.0192, 0.1048, 0.1228, 0.4584]" in m.value for m in at.markdown)


def test_the_page_in_chinese():
    at = open_page(PAGE, "zh")
    assert_clean(at)
    assert at.title[0].value == "Softmax 与概率"
    assert metric(at, "概率之和") == "1.0000"
    spec, bars = chart_with_title(at, "概率")
    assert spec["layer"][0]["encoding"]["x"]["title"] == "类别 i"
    assert [round(row["value"], 4) for row in bars[:5]] == TUTORIAL_SOFTMAX
    chart_with_title(at, "温度 T（对数刻度）")
    at.radio(key="softmax.quiz").set_value("same").run()
    assert any(s.value.startswith("答对了") for s in at.success)
    at.segmented_control(key="softmax.source").set_value("custom").run()
    at.text_input(key="softmax.custom").input("abc").run()
    assert at.error[0].value.startswith("无法使用这些分数")
