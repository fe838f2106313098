"""Affine maps: nn.Linear on a batch, a 2-D playground, and composition with and without a bend."""

import pandas as pd
import streamlit as st
import torch

from charts.affine import matrix_heatmap, plane_chart, polyline_frame
from core.affine import (
    affine,
    apply_linear,
    compose_affine,
    compose_through,
    entry_terms,
    fit_affine,
    linear_demo,
    max_abs_difference,
)
from core.devices import resolve_device
from core.grid import PRESET_MAPS, area_effect, grid_lines, lattice, letter_f, polygon_area
from core.nonlinearities import NONLINEARITIES, get_nonlinearity
from ui.markup import plain
from ui.quiz import predict_then_reveal
from ui.state import device, seed
from ui.text import option_labels, t

EXTENT = 2.0
GRID = grid_lines(EXTENT, lines=9, samples=25)
SHAPE = letter_f()
SHAPE_LINE = (0,) * SHAPE.shape[0]
FIRST = ("tanh", "relu", "sigmoid")
BETWEEN = ["none", *FIRST] + [name for name in NONLINEARITIES if name not in FIRST]
MAP_FIELDS = ("a11", "a12", "a21", "a22", "b1", "b2")


def fmt(values: torch.Tensor) -> str:
    """A tensor as a Python literal with 4 decimals, for the code shown on the page."""
    return repr(torch.round(values.double(), decimals=4).tolist())


def map_inputs(prefix: str, default_preset: str, names: tuple[str, str]) -> tuple[torch.Tensor, torch.Tensor]:
    """A preset picker and six number inputs for a 2x2 matrix and a 2-vector; returns (A, b)."""
    keys = [f"{prefix}_{field}" for field in MAP_FIELDS]

    def load_preset() -> None:
        matrix, shift = PRESET_MAPS[st.session_state[f"{prefix}_preset"]]
        for key, value in zip(keys, [*matrix[0], *matrix[1], *shift], strict=True):
            st.session_state[key] = float(value)

    st.session_state.setdefault(f"{prefix}_preset", default_preset)
    if any(key not in st.session_state for key in keys):
        load_preset()
    st.selectbox(
        t("affine.plane.preset"), list(PRESET_MAPS), format_func=lambda name: t(f"affine.preset.{name}"),
        key=f"{prefix}_preset", on_change=load_preset, persist_state="session",
    )
    matrix_name, vector_name = names
    # One row of inputs per row of A (with its entry of b), so a narrow window reads them in order.
    for i in (0, 1):
        row_keys = [keys[2 * i], keys[2 * i + 1], keys[4 + i]]
        labels = [f"{matrix_name}[{i}, 0]", f"{matrix_name}[{i}, 1]", f"{vector_name}[{i}]"]
        for column, key, label in zip(st.columns(3), row_keys, labels, strict=True):
            column.number_input(
                label, min_value=-5.0, max_value=5.0, step=0.1, format="%.3f",
                key=key, persist_state="session",
            )
    values = [float(st.session_state[key]) for key in keys]
    return torch.tensor([values[:2], values[2:4]]), torch.tensor(values[4:])


def draw_plane(layers: list[tuple[torch.Tensor, str]], title: str, colors: dict[str, str], dashed=()) -> None:
    """Each (map applied to the grid and the F, series) pair drawn in one square chart."""
    parts = []
    for mapped, series in layers:
        grid_points, shape_points = mapped[: GRID.points.shape[0]], mapped[GRID.points.shape[0]:]
        parts += [
            polyline_frame(grid_points, GRID.line, series, "grid"),
            polyline_frame(shape_points, SHAPE_LINE, series, "shape"),
        ]
    chart = plane_chart(pd.concat(parts), title, t("affine.plane.legend"), colors, dashed)
    st.altair_chart(chart, width="content")


PLANE = torch.cat([GRID.points, SHAPE])

st.title(t("nav.affine"))
st.markdown(t("affine.intro"))

# ------------------------------------------------------------ nn.Linear on a batch
st.header(t("affine.linear.title"))
st.markdown(t("affine.linear.text"))
sizes = st.columns(3)
in_features = sizes[0].slider(t("affine.linear.in"), 1, 8, 5, key="affine_in", persist_state="session")
out_features = sizes[1].slider(t("affine.linear.out"), 1, 6, 3, key="affine_out", persist_state="session")
rows = sizes[2].slider(t("affine.linear.rows"), 1, 6, 2, key="affine_rows", persist_state="session")

layer, batch = linear_demo(seed(), in_features, out_features, rows)
try:
    where = resolve_device(device())
except ValueError as error:
    st.error(t("affine.device_error", device=device()), icon=":material/error:")
    st.caption(plain(error))
    where = torch.device("cpu")
output = apply_linear(layer.to(where), batch.to(where)).cpu()
weight, bias = layer.weight.detach().cpu(), layer.bias.detach().cpu()

pick = st.columns(2)
row = pick[0].selectbox(t("affine.linear.row"), range(rows), key="affine_row")
column = pick[1].selectbox(t("affine.linear.column"), range(out_features), key="affine_column")
st.caption(t("affine.linear.outline", row=row, column=column))

row_title, col_title = t("affine.axis.row"), t("affine.axis.column")
top = st.columns(2)
top[0].altair_chart(
    matrix_heatmap(
        batch.tolist(), t("affine.linear.x_title", n=rows, m=in_features), row_title, col_title,
        highlight_row=row,
    ),
    width="stretch",
)
top[1].altair_chart(
    matrix_heatmap(
        weight.tolist(), t("affine.linear.a_title", n=out_features, m=in_features),
        t("affine.axis.output_unit"), col_title, highlight_row=column,
    ),
    width="stretch",
)
bottom = st.columns(2)
bottom[0].altair_chart(
    matrix_heatmap(
        [bias.tolist()], t("affine.linear.b_title", n=out_features), "", t("affine.axis.output_unit")
    ),
    width="stretch",
)
bottom[1].altair_chart(
    matrix_heatmap(
        output.tolist(), t("affine.linear.y_title", n=rows, m=out_features), row_title,
        t("affine.axis.output_unit"), highlight_row=row,
    ),
    width="stretch",
)

st.subheader(t("affine.linear.row_title"))
pairs, bias_term, total = entry_terms(weight, bias, batch, row, column)
terms = " + ".join(f"({a:.4f} × {x:.4f})" for a, x in pairs)
st.markdown(t("affine.linear.entry", row=row, column=column))
st.code(f"{terms}\n+ {bias_term:.4f}\n= {total:.4f}", language=None, wrap_lines=True)
alone = affine(weight, bias, batch[row : row + 1])
metrics = st.columns(3)
metrics[0].metric(t("affine.linear.by_hand"), f"{total:.4f}")
metrics[1].metric(t("affine.linear.from_layer"), f"{float(output[row, column]):.4f}")
metrics[2].metric(t("affine.linear.alone_diff", row=row), f"{max_abs_difference(alone[0], output[row]):.1e}")
st.caption(t("affine.linear.alone_note", row=row))

device_line = "" if where.type == "cpu" else f'lin = lin.to("{where}")\n'
data_line = f"data = torch.randn({rows}, {in_features})"
if where.type != "cpu":
    data_line += f'.to("{where}")'
st.markdown(f"**{t('common.code')}**")
st.code(
    f"""import torch
import torch.nn as nn

torch.manual_seed({seed()})
lin = nn.Linear({in_features}, {out_features})  # A is lin.weight, b is lin.bias
{device_line}{data_line}
print(lin(data))
print(data[{row}] @ lin.weight.T + lin.bias)  # row {row} alone gives row {row} of the output
""",
    language="python",
)

# ------------------------------------------------------------ the 2-D playground
st.header(t("affine.plane.title"))
st.markdown(t("affine.plane.text"))
controls, picture = st.columns([2, 3])
with controls:
    A, b = map_inputs("affine_f", "rotation", ("A", "b"))
    det = float(torch.linalg.det(A.double()))
    area_before = polygon_area(SHAPE)
    area_after = polygon_area(affine(A, b, SHAPE))
    st.metric(t("affine.plane.det"), f"{det:.3f}")
    st.markdown(t(f"affine.det.{area_effect(det)}", scale=f"{abs(det):.3f}"))
    st.caption(t("affine.plane.area", before=f"{abs(area_before):.3f}", after=f"{abs(area_after):.3f}"))
with picture:
    before, after = t("affine.plane.before"), t("affine.plane.after")
    draw_plane(
        [(PLANE, before), (affine(A, b, PLANE), after)],
        t("affine.plane.chart_title"),
        {before: "#a0a0a0", after: "#1f6fd1"},
    )

st.markdown(f"**{t('common.code')}**")
st.code(
    f"""import torch

A = torch.tensor({fmt(A)})
b = torch.tensor({fmt(b)})
corners = torch.tensor([[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]])  # unit square
print(corners @ A.T + b)  # PyTorch maps rows: x -> Ax + b for each row
det = torch.linalg.det(A)
print(det)  # areas are multiplied by |det|; a negative det flips the shape
""",
    language="python",
)

# ------------------------------------------------------------ composition
st.header(t("affine.compose.title"))
st.markdown(t("affine.compose.text"))
g_controls, g_numbers = st.columns([2, 3])
with g_controls:
    st.markdown(t("affine.compose.g_label"))
    C, d = map_inputs("affine_g", "shear", ("C", "d"))
AC, Ad_b = compose_affine(A, b, C, d)
points = lattice(EXTENT, 41)
two_steps = compose_through(A, b, C, d, points)
one_step = affine(AC, Ad_b, points)
noise = max_abs_difference(two_steps, one_step)
with g_numbers:
    st.markdown(t("affine.compose.single"))
    tables = st.columns(2)
    tables[0].dataframe(pd.DataFrame(AC.tolist(), columns=["AC[:, 0]", "AC[:, 1]"]).round(4), hide_index=True)
    tables[1].dataframe(pd.DataFrame({"Ad + b": Ad_b.tolist()}).round(4), hide_index=True)
    st.metric(t("affine.compose.noise"), f"{noise:.1e}")
    st.caption(t("affine.compose.noise_note"))

between = st.selectbox(
    t("affine.compose.between"), BETWEEN, format_func=lambda name: t(f"affine.between.{name}"),
    key="affine_between", persist_state="session",
)
charts = st.columns(2)
with charts[0]:
    composed, single = t("affine.compose.two_steps"), t("affine.compose.one_step")
    draw_plane(
        [(compose_through(A, b, C, d, PLANE), composed), (affine(AC, Ad_b, PLANE), single)],
        t("affine.compose.chart_affine"), {composed: "#1f6fd1", single: "#e8710a"}, dashed=[single],
    )
fn = None if between == "none" else get_nonlinearity(between).fn
bent_points = compose_through(A, b, C, d, points, fn)
A_fit, b_fit, rms = fit_affine(points, bent_points)
with charts[1]:
    bent, fitted = t("affine.compose.bent"), t("affine.compose.fit")
    draw_plane(
        [(compose_through(A, b, C, d, PLANE, fn), bent), (affine(A_fit, b_fit, PLANE), fitted)],
        t("affine.compose.chart_bent"), {bent: "#1f6fd1", fitted: "#d62728"}, dashed=[fitted],
    )
st.metric(t("affine.compose.rms"), f"{rms:.4f}" if rms >= 1e-4 else f"{rms:.1e}")
st.markdown(t("affine.compose.rms_none") if fn is None else t("affine.compose.rms_bent"))

inner = "x @ C.T + d"
bent_code = inner if fn is None else get_nonlinearity(between).code.replace("(x", f"({inner}")
st.markdown(f"**{t('common.code')}**")
st.code(
    f"""import torch
import torch.nn.functional as F

A, b = torch.tensor({fmt(A)}), torch.tensor({fmt(b)})
C, d = torch.tensor({fmt(C)}), torch.tensor({fmt(d)})
ticks = torch.linspace(-{EXTENT}, {EXTENT}, 41)
x = torch.cartesian_prod(ticks, ticks)  # {points.shape[0]} points of the plane, one per row

two_steps = (x @ C.T + d) @ A.T + b  # f(g(x))
one_step = x @ (A @ C).T + (A @ d + b)  # one map: AC and Ad + b
print((two_steps - one_step).abs().max())  # float noise

bent = {bent_code} @ A.T + b  # f(non-linearity(g(x)))
design = torch.cat([x, torch.ones(len(x), 1)], dim=1).double()
fit = torch.linalg.lstsq(design, bent.double()).solution  # the best single affine map
print((design @ fit - bent.double()).pow(2).mean().sqrt())  # what it cannot explain
""",
    language="python",
)

# ------------------------------------------------------------ predict, then reveal
st.header(t("affine.quiz.title"))
QUIZ = ["anything", "affine", "linear"]
predict_then_reveal(
    t("affine.quiz.question"), QUIZ, option_labels("affine.quiz.option", QUIZ), correct="affine",
    right=t("affine.quiz.right"), wrong=lambda answer: t(f"affine.quiz.wrong.{answer}"), key="affine_quiz",
)
