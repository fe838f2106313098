"""Reading what a page drew under AppTest: chart specs with their data, metrics, code that runs."""

import io
import json

import pyarrow as pa


def charts(at) -> list[tuple[dict, list[dict]]]:
    """Each Altair chart on the page: its spec and all the rows of its data, from every layer."""
    found = []
    for element in at.get("vega_lite_chart"):
        spec = json.loads(element.proto.spec)
        rows = [row for rows in spec.get("datasets", {}).values() for row in rows]
        for dataset in element.proto.datasets:
            rows += pa.ipc.open_stream(io.BytesIO(dataset.data.data)).read_pandas().to_dict("records")
        found.append((spec, rows))
    return found


def chart_with_title(at, title: str) -> tuple[dict, list[dict]]:
    """The chart whose spec mentions `title` (an axis or legend title)."""
    quoted = f'"{title}"'
    matches = [(spec, rows) for spec, rows in charts(at) if quoted in json.dumps(spec, ensure_ascii=False)]
    assert matches, f"no chart titled {title!r}"
    return matches[0]


def metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def run_code(code: str) -> list:
    """Exec the code shown on the page and collect what it prints."""
    printed: list = []
    exec(code, {"print": lambda *args: printed.extend(args)})
    return printed
