"""A chart as a Vega-Lite spec whose data travel beside it, so that new numbers redraw only the numbers.

Streamlit's browser side keeps a drawn chart when a rerun sends the same spec again, and then
only swaps the datasets that changed. Altair's own `to_dict` writes the data into the spec
(under a name made from a hash of the data), so every new value made a new spec, and the
browser compiled and built the whole chart again: on a slider step, most of the time it took.
"""

from __future__ import annotations

import altair as alt
import pandas as pd
import pyarrow as pa

# Where a chart keeps its parts: layers, and the charts of a concatenation.
_PARTS = ("layer", "hconcat", "vconcat", "concat")

# Whether `vega_spec` checks each spec against the Vega-Lite schema. Checking is most of what
# `to_dict` costs (about 40 ms of a 50 ms spec), paid again for every new value a slider reaches;
# the specs a page builds differ from one another only in their numbers, so the tests check
# them all (tests/conftest.py turns this on) and a learner's rerun does not.
VALIDATE = False


def arrow_bytes(frame: pd.DataFrame) -> bytes:
    """The frame as an Arrow IPC stream, the form in which Streamlit sends a chart's datasets."""
    table = pa.Table.from_pandas(frame, preserve_index=False)
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


def vega_spec(chart: alt.TopLevelMixin) -> dict:
    """The chart's Vega-Lite spec, with each part's frame as a named dataset of Arrow bytes.

    Names follow the parts' order, not their content, so a chart built the same way from other
    numbers has the same spec. Streamlit sends bytes as they are, so a cached spec costs no
    conversion on a rerun. The frames are taken out before `to_dict`, so no data transformer
    (a global Altair setting Streamlit changes while it converts charts) ever sees them.
    """
    datasets: dict[str, bytes] = {}

    def detach(part: alt.TopLevelMixin) -> None:
        if isinstance(getattr(part, "data", None), pd.DataFrame):
            name = f"data-{len(datasets)}"
            datasets[name] = arrow_bytes(part.data)
            part.data = alt.NamedData(name=name)
        for attribute in _PARTS:
            for child in getattr(part, attribute, None) or []:
                detach(child)

    detach(chart)
    spec = chart.to_dict(validate=VALIDATE)
    spec["datasets"] = datasets
    return spec


def on_canvas(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """The chart drawn on one canvas, with no ARIA text computed for each of its marks.

    Streamlit draws a chart as SVG, one element per mark, each with its own ARIA attributes, up
    to 2,000 marks. A map with hundreds of path points then cost the browser thousands of DOM
    updates on every step. On a canvas they are one drawing; the numbers stay readable in the
    tables beside the chart, and the tooltips still answer the pointer.
    """
    return chart.properties(usermeta={"embedOptions": {"renderer": "canvas"}}).configure(aria=False)
