"""Chart specs whose data travel beside them: the same spec for new numbers, the numbers as Arrow."""

import io

import altair as alt
import pandas as pd
import pyarrow as pa

from charts.spec import arrow_bytes, on_canvas, vega_spec


def bars(values: list[float]) -> alt.LayerChart:
    frame = pd.DataFrame({"name": [f"c{i}" for i in range(len(values))], "value": values})
    base = alt.Chart(frame).encode(x="name:N", y="value:Q")
    zero = alt.Chart(pd.DataFrame({"value": [0.0]})).mark_rule().encode(y="value:Q")
    return alt.layer(base.mark_bar(), base.mark_text().encode(text="value:Q"), zero)


def rows(data: bytes) -> list[dict]:
    return pa.ipc.open_stream(io.BytesIO(data)).read_pandas().to_dict("records")


def without_data(spec: dict) -> dict:
    return {key: value for key, value in spec.items() if key != "datasets"}


def test_new_numbers_change_only_the_datasets():
    first, second = vega_spec(bars([1.0, 2.0])), vega_spec(bars([5.0, -1.0, 0.5]))
    assert without_data(first) == without_data(second)
    assert list(first["datasets"]) == ["data-0", "data-1", "data-2"]
    assert first["datasets"]["data-0"] != second["datasets"]["data-0"]
    assert [layer["data"] for layer in first["layer"]] == [{"name": f"data-{i}"} for i in range(3)]


def test_datasets_are_arrow_streams_of_the_frames():
    spec = vega_spec(bars([1.5, -2.0]))
    assert rows(spec["datasets"]["data-0"]) == [{"name": "c0", "value": 1.5}, {"name": "c1", "value": -2.0}]
    assert rows(spec["datasets"]["data-2"]) == [{"value": 0.0}]


def test_concatenated_charts_and_a_filtered_frame_keep_their_rows():
    frame = pd.DataFrame({"x": [1, 2, 3], "label": ["a", "b", "c"]})
    picked = frame[frame["x"] > 1]  # its index starts at 1: not sent as a column
    points = alt.Chart(frame).mark_point().encode(x="x:Q")
    chart = alt.hconcat(points, alt.Chart(picked).mark_text().encode(text="label:N"))
    spec = vega_spec(chart)
    assert rows(spec["datasets"]["data-1"]) == [{"x": 2, "label": "b"}, {"x": 3, "label": "c"}]
    assert rows(arrow_bytes(frame)) == frame.to_dict("records")


def test_on_canvas_asks_for_the_canvas_renderer_without_aria():
    spec = on_canvas(bars([1.0])).to_dict()
    assert spec["usermeta"] == {"embedOptions": {"renderer": "canvas"}}
    assert spec["config"]["aria"] is False


def test_a_curve_dot_coming_or_going_changes_the_data_not_the_spec():
    """x₀ leaving the drawn range takes the dots away: the chart the browser has drawn stays."""
    from charts.nonlinearities import curves_chart

    frame = pd.DataFrame({"x": [-1.0, 0.0, 1.0], "y": [0.0, 0.0, 1.0], "series": "ReLU"})
    dot = pd.DataFrame({"x": [0.5], "y": [0.5], "series": ["ReLU"]})
    none = dot.iloc[0:0]
    specs = [vega_spec(curves_chart(frame, "f", "x", "f(x)", "function", marks)) for marks in (dot, none)]
    assert without_data(specs[0]) == without_data(specs[1])
    assert rows(specs[0]["datasets"]["data-2"]) == [{"x": 0.5, "y": 0.5, "series": "ReLU"}]
    assert rows(specs[1]["datasets"]["data-2"]) == []
