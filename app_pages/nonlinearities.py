"""Non-linearities: curves with autograd derivatives, vanishing gradients, and the tutorial's ReLU cell."""

import pandas as pd
import streamlit as st
import torch

from charts.affine import matrix_heatmap
from charts.nonlinearities import curves_chart, gradient_flow_chart
from core.gradients import gradient_norms, init_gain
from core.nonlinearities import NONLINEARITIES, get_nonlinearity, relu_cell, values_and_derivatives
from ui.quiz import predict_then_reveal
from ui.state import seed
from ui.text import option_labels, t

STACKED = ("sigmoid", "tanh", "relu")
WIDTH, BATCH = 32, 64


def name_of(key: str) -> str:
    return t(f"nonlin.fn.{key}")


st.title(t("nav.nonlinearities"))
st.markdown(t("nonlin.intro"))

# ------------------------------------------------------------ curves and derivatives
st.header(t("nonlin.curves.title"))
st.markdown(t("nonlin.curves.text"))
chosen = st.multiselect(
    t("nonlin.curves.choose"), list(NONLINEARITIES), default=["tanh", "sigmoid", "relu"],
    format_func=name_of, key="nonlin_chosen", persist_state="session",
)
ranges = st.columns(2)
reach = ranges[0].slider(
    t("nonlin.curves.range"), 1.0, 10.0, 5.0, 0.5, key="nonlin_reach", persist_state="session"
)
x0 = ranges[1].slider(
    t("nonlin.curves.point"), -10.0, 10.0, 1.0, 0.1, key="nonlin_x0", persist_state="session"
)

if not chosen:
    st.info(t("nonlin.curves.none"), icon=":material/info:")
else:
    xs = torch.linspace(-reach, reach, 401)
    point = torch.tensor([x0])
    curves, slopes, rows = [], [], []
    for name in chosen:
        values, grads = values_and_derivatives(name, xs)
        curves.append(pd.DataFrame({"x": xs.tolist(), "y": values.tolist(), "series": name_of(name)}))
        slopes.append(pd.DataFrame({"x": xs.tolist(), "y": grads.tolist(), "series": name_of(name)}))
        value, grad = values_and_derivatives(name, point)
        rows.append({"name": name, "value": float(value[0]), "grad": float(grad[0])})
    at_point = pd.DataFrame(rows)
    shown = at_point if abs(x0) <= reach else at_point.iloc[0:0]  # no dot outside the drawn range
    marks_f = pd.DataFrame({"x": x0, "y": shown["value"], "series": shown["name"].map(name_of)})
    marks_d = pd.DataFrame({"x": x0, "y": shown["grad"], "series": shown["name"].map(name_of)})
    legend, x_title = t("nonlin.curves.legend"), t("nonlin.axis.x")
    charts = st.columns(2)
    for column, lines, marks, title, y_title in [
        (charts[0], curves, marks_f, t("nonlin.curves.values"), t("nonlin.axis.f")),
        (charts[1], slopes, marks_d, t("nonlin.curves.slopes"), t("nonlin.axis.df")),
    ]:
        column.altair_chart(
            curves_chart(pd.concat(lines), title, x_title, y_title, legend, marks), width="stretch"
        )
    st.markdown(t("nonlin.curves.table", x=f"{x0:g}"))
    st.dataframe(
        pd.DataFrame(
            {
                t("nonlin.col.function"): at_point["name"].map(name_of),
                t("nonlin.col.pytorch"): [get_nonlinearity(n).code for n in at_point["name"]],
                t("nonlin.col.value"): at_point["value"].round(4),
                t("nonlin.col.grad"): at_point["grad"].round(4),
            }
        ),
        hide_index=True,
    )
    with st.expander(t("nonlin.curves.formulas")):
        for name in chosen:
            st.latex(rf"\text{{{name_of(name)}}}:\quad {get_nonlinearity(name).formula}")

    calls = "\n".join(f'    "{n}": lambda x: {get_nonlinearity(n).code},' for n in chosen)
    st.markdown(f"**{t('common.code')}**")
    st.code(
        f"""import torch
import torch.nn.functional as F

functions = {{
{calls}
}}
for name, f in functions.items():
    x = torch.tensor({x0!r}, requires_grad=True)
    y = f(x)
    y.backward()  # autograd fills x.grad with dy/dx
    print(name, round(y.item(), 4), round(x.grad.item(), 4))
""",
        language="python",
    )

# ------------------------------------------------------------ vanishing gradients
st.header(t("nonlin.vanish.title"))
st.markdown(t("nonlin.vanish.text", width=WIDTH))
controls = st.columns(2)
depth = controls[0].slider(t("nonlin.vanish.depth"), 1, 30, 10, key="nonlin_depth", persist_state="session")
same_gain = controls[1].toggle(
    t("nonlin.vanish.same_gain"), key="nonlin_same_gain", persist_state="session",
    help=t("nonlin.vanish.same_gain_help"),
)
gains = {name: 1.0 if same_gain else init_gain(name) for name in STACKED}
flows = {name: gradient_norms(name, depth, WIDTH, BATCH, seed(), gains[name]) for name in STACKED}
flow_frame = pd.DataFrame(
    [
        {"layers": j, "norm": norm, "series": name_of(name)}
        for name, norms in flows.items()
        for j, norm in enumerate(norms)
    ]
)
st.altair_chart(
    gradient_flow_chart(
        flow_frame, t("nonlin.vanish.chart", depth=depth), t("nonlin.vanish.axis_layers"),
        t("nonlin.vanish.axis_norm"), t("nonlin.curves.legend"),
    ),
    width="stretch",
)
metrics = st.columns(len(STACKED))
for column, name in zip(metrics, STACKED, strict=True):
    norms = flows[name]
    column.metric(
        t("nonlin.vanish.at_input", name=name_of(name)), f"{norms[-1]:.3g}",
        delta=t("nonlin.vanish.ratio", ratio=f"{norms[-1] / norms[0]:.2g}"),
        delta_color="off", delta_arrow="off",
    )
st.caption(t("nonlin.vanish.reading"))

st.subheader(t("nonlin.sigmoid.title"))
st.markdown(t("nonlin.sigmoid.text"))
far = st.slider(t("nonlin.sigmoid.x"), 0.0, 15.0, 5.0, 0.5, key="nonlin_abs_x", persist_state="session")
# float64, so that σ(x) does not round to exactly 1 and leave a derivative of 0 at large x.
grid = torch.linspace(0, 15, 301, dtype=torch.float64)
_, sigmoid_grads = values_and_derivatives("sigmoid", grid)
_, at_far = values_and_derivatives("sigmoid", torch.tensor([far], dtype=torch.float64))
sigmoid_frame = pd.DataFrame({"x": grid.tolist(), "y": sigmoid_grads.tolist(), "series": name_of("sigmoid")})
sigmoid_mark = pd.DataFrame({"x": [far], "y": [float(at_far[0])], "series": [name_of("sigmoid")]})
left, right = st.columns([3, 2])
left.altair_chart(
    curves_chart(
        sigmoid_frame, t("nonlin.sigmoid.chart"), t("nonlin.sigmoid.axis_x"), t("nonlin.sigmoid.axis_y"),
        t("nonlin.curves.legend"), sigmoid_mark, log_y=True, height=220,
    ),
    width="stretch",
)
with right:
    st.metric(t("nonlin.sigmoid.metric", x=f"{far:g}"), f"{float(at_far[0]):.3g}")
    st.metric(t("nonlin.sigmoid.share"), f"{float(at_far[0]) / 0.25:.2%}")
    st.caption(t("nonlin.sigmoid.note"))

gain_code = {name: "1.0" if same_gain else f'nn.init.calculate_gain("{name}")' for name in STACKED}
gain_lines = "\n".join(
    f'print("{name}", input_gradient({get_nonlinearity(name).code.replace("(x)", "")}, {gain_code[name]}))'
    for name in STACKED
)
st.markdown(f"**{t('common.code')}**")
st.code(
    f"""import torch
import torch.nn.functional as F
from torch import nn


def input_gradient(f, gain, depth={depth}, width={WIDTH}, batch={BATCH}, seed={seed()}):
    generator = torch.Generator().manual_seed(seed)
    weights = [
        nn.init.xavier_normal_(torch.empty(width, width), generator=generator) for _ in range(depth)
    ]
    x = torch.randn(batch, width, generator=torch.Generator().manual_seed(seed + 1))
    x.requires_grad_(True)
    h = x
    for weight in weights:
        h = f(h @ (gain * weight).T)
    h.sum().backward()
    return x.grad.norm(dim=1).mean().item()  # mean size of the gradient reaching the input


{gain_lines}
""",
    language="python",
)

# ------------------------------------------------------------ the tutorial's cell
st.header(t("nonlin.relu.title"))
st.markdown(t("nonlin.relu.text"))
shape = st.columns(3)
cell_rows = shape[0].slider(t("nonlin.relu.rows"), 1, 6, 2, key="nonlin_rows", persist_state="session")
cell_cols = shape[1].slider(t("nonlin.relu.cols"), 1, 6, 2, key="nonlin_cols", persist_state="session")
after_affine = shape[2].toggle(
    t("nonlin.relu.after_affine"), value=True, key="nonlin_after_affine", persist_state="session",
    help=t("nonlin.relu.after_affine_help"),
)
data, relu = relu_cell(seed(), cell_rows, cell_cols, after_affine)
row_title, col_title = t("nonlin.axis.row"), t("nonlin.axis.column")
heatmaps = st.columns(2)
heatmaps[0].altair_chart(matrix_heatmap(data.tolist(), t("nonlin.relu.before"), row_title, col_title),
                         width="stretch")
heatmaps[1].altair_chart(matrix_heatmap(relu.tolist(), t("nonlin.relu.after"), row_title, col_title),
                         width="stretch")
zeroed = int((data < 0).sum())
st.markdown(t("nonlin.relu.zeroed", count=zeroed, total=data.numel()))
prelude = "lin = nn.Linear(5, 3)  # the tutorial's first cell draws these first\ndata = torch.randn(2, 5)\n"
st.markdown(f"**{t('common.code')}**")
st.code(
    f"""import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed({seed()})
{prelude if after_affine else ""}data = torch.randn({cell_rows}, {cell_cols})
print(data)
print(F.relu(data))  # negatives become 0, the rest pass through
""",
    language="python",
)

# ------------------------------------------------------------ predict, then reveal
st.header(t("nonlin.quiz.title"))
QUIZ = ["1", "0.5", "0.25"]
predict_then_reveal(
    t("nonlin.quiz.question"), QUIZ, option_labels("nonlin.quiz.option", QUIZ), correct="0.25",
    right=t("nonlin.quiz.right"), wrong=t("nonlin.quiz.wrong"), key="nonlin_quiz",
)
