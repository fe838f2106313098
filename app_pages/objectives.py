"""Objective functions: NLLLoss and CrossEntropyLoss, the cost of confidence, and a pitfalls lab."""


import pandas as pd
import streamlit as st
import torch

from charts.objectives import loss_curve, pitfall_bars, target_bars
from core.objectives import cross_entropy, loss_for_probability, nll_loss
from core.pitfalls import PITFALLS, RIGHT_LINE, pitfall, pitfall_batch, right_loss, score_gradient_norm
from core.scores import parse_scores, random_scores
from core.softmax import log_softmax
from ui.markup import plain
from ui.quiz import predict_then_reveal
from ui.state import seed
from ui.text import option_labels, t

PRESETS = {
    "sure_0": [4.0, 0.5, -1.0, 0.0],
    "unsure": [0.3, 0.1, 0.2, 0.0],
    "sure_1": [-1.0, 5.0, 0.5, 0.0],
}
SOURCES = [*PRESETS, "random", "custom"]
QUIZ = ["0_01", "0_99", "4_6", "100"]
REFERENCES = [0.5, 0.1, 0.01]
CURVE = [k / 1000 for k in range(2, 1001)]  # from p = 0.002: the loss climbs to about 6.2


def example_code(source: str, values: list[float], target: int, chosen_seed: int) -> str:
    """The runnable code for the example on screen, with the current values."""
    if source == "random":
        scores_lines = f"torch.manual_seed({chosen_seed})\nscores = torch.randn(1, {len(values)})"
    else:
        scores_lines = f"scores = torch.tensor([[{', '.join(repr(v) for v in values)}]])"
    return (
        "import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n\n"
        f"{scores_lines}  # one example (a batch of 1), one raw score per class\n"
        f"target = torch.tensor([{target}])  # its right class\n\n"
        "log_probs = F.log_softmax(scores, dim=1)\n"
        "print(nn.NLLLoss()(log_probs, target))\n"
        "print(nn.CrossEntropyLoss()(scores, target))  # the same number, from the raw scores\n"
        "print(log_probs.exp()[0, target])  # the probability of the right class\n"
    )


def pitfall_code(key: str, rows: int, classes: int, chosen_seed: int) -> str:
    """The runnable code of one pitfall: the right loss, then the mistaken one."""
    return (
        "import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n\n"
        f"torch.manual_seed({chosen_seed})\n"
        f"scores = torch.randn({rows}, {classes})  # raw scores: {rows} examples, {classes} classes\n"
        f"target = torch.randint(0, {classes}, ({rows},))  # the right class of each example\n\n"
        f"right = {RIGHT_LINE}\n"
        f"wrong = {pitfall(key).line}\n"
        "print(right)\nprint(wrong)\n"
    )


st.title(t("objectives.title"))
st.write(t("objectives.intro"))
st.latex(r"\mathrm{loss} = -\log p_{\text{target}} = -\log \operatorname{softmax}(x)_{\text{target}}")

# ---------------------------------------------------------------- predict, then reveal
st.header(t("objectives.quiz.header"))
big = float(loss_for_probability(torch.tensor(0.01)))
small = float(loss_for_probability(torch.tensor(0.9)))
values = {"loss": f"{big:.4f}", "small": f"{small:.4f}", "ratio": f"{big / small:.0f}"}
predict_then_reveal(
    t("objectives.quiz.question"), QUIZ, option_labels("objectives.quiz", QUIZ), correct="4_6",
    right=t("objectives.quiz.right", **values), wrong=t("objectives.quiz.wrong", **values),
    key="objectives_quiz", horizontal=True,
)

# ---------------------------------------------------------------- one example, two losses
st.header(t("objectives.example.header"))
st.write(t("objectives.example.text"))
source = st.segmented_control(
    t("objectives.source"), SOURCES, format_func=option_labels("objectives.source", SOURCES),
    default="sure_0", required=True, key="objectives_source", persist_state="session",
)
if source == "random":
    scores = random_scores(4, seed())
    st.caption(t("objectives.random_note"))
elif source == "custom":
    text = st.text_input(
        t("objectives.custom"), "2, 1, 0.1", key="objectives_custom", persist_state="session",
        help=t("objectives.custom_help"),
    )
    try:
        scores = torch.tensor(parse_scores(text))
    except ValueError as error:
        st.error(t("objectives.custom_error"), icon=":material/error:")
        st.caption(t("objectives.error_detail", detail=plain(error)))
        st.stop()
else:
    scores = torch.tensor(PRESETS[source])
values = scores.tolist()
classes = [str(i) for i in range(len(values))]
if st.session_state.get("objectives_target") not in range(len(values)):
    # First visit, or a shorter custom vector left the chosen class out of range: class 0.
    st.session_state["objectives_target"] = 0
target = st.segmented_control(
    t("objectives.target"), list(range(len(values))), required=True, key="objectives_target",
    persist_state="session", help=t("objectives.target_help"),
)

log_probs = log_softmax(scores)
probs = log_probs.exp()
nll = float(nll_loss(log_probs, target))
ce = float(cross_entropy(scores, target))
p_right = float(probs[target])

nll_metric, ce_metric, p_metric = st.columns(3)
nll_metric.metric(t("objectives.metric.nll"), f"{nll:.4f}")
ce_metric.metric(t("objectives.metric.ce"), f"{ce:.4f}")
p_metric.metric(t("objectives.metric.p"), f"{p_right:.4f}", help=t("objectives.metric.p_help"))
st.success(t("objectives.equal", difference=f"{abs(nll - ce):.1e}"), icon=":material/check_circle:")

bars_column, curve_column = st.columns(2)
with bars_column:
    st.subheader(t("objectives.chart.probabilities"))
    st.altair_chart(
        target_bars(
            classes, probs.tolist(), target, x_title=t("objectives.axis.class"),
            y_title=t("objectives.axis.probability"), right_label=t("objectives.legend.right"),
            other_label=t("objectives.legend.other"),
        ),
        width="stretch",
    )
with curve_column:
    st.subheader(t("objectives.chart.curve"))
    curve_losses = loss_for_probability(torch.tensor(CURVE)).tolist()
    references = []
    for p in REFERENCES:
        loss = float(loss_for_probability(torch.tensor(p)))
        references.append((p, loss, t("objectives.curve.reference", p=p, loss=f"{loss:.2f}")))
    st.altair_chart(
        loss_curve(
            CURVE, curve_losses, references, (p_right, ce, t("objectives.curve.current")),
            x_title=t("objectives.axis.p_right"), y_title=t("objectives.axis.loss"),
        ),
        width="stretch",
    )
st.caption(t("objectives.curve.note"))

with st.expander(t("objectives.table"), icon=":material/table:"):
    st.dataframe(
        pd.DataFrame(
            {
                t("objectives.col.class"): classes,
                t("objectives.col.score"): values,
                t("objectives.col.probability"): probs.tolist(),
                t("objectives.col.log_probability"): log_probs.tolist(),
                t("objectives.col.loss"): (-log_probs).tolist(),
            }
        ).style.format(precision=4),
        hide_index=True,
        width="stretch",
    )

st.subheader(t("objectives.code.header"))
st.caption(t("objectives.code.caption"))
st.code(example_code(source, values, target, seed()), language="python")

# ---------------------------------------------------------------- pitfalls lab
st.header(t("objectives.pitfalls.header"))
st.write(t("objectives.pitfalls.text"))
key = st.segmented_control(
    t("objectives.pitfall"), list(PITFALLS), format_func=option_labels("objectives.pitfall", PITFALLS),
    default="raw_into_nll", required=True, key="objectives_pitfall", persist_state="session",
)
rows_column, classes_column = st.columns(2)
rows = rows_column.slider(t("objectives.rows"), 1, 6, 3, key="objectives_rows", persist_state="session")
class_count = classes_column.slider(
    t("objectives.classes"), 2, 6, 4, key="objectives_classes", persist_state="session"
)
batch_scores, batch_target = pitfall_batch(rows, class_count, seed())
mistake = pitfall(key)
right = float(right_loss(batch_scores, batch_target))
wrong = float(mistake.loss(batch_scores, batch_target, "mean"))
right_each = right_loss(batch_scores, batch_target, "none").tolist()
wrong_each = mistake.loss(batch_scores, batch_target, "none").tolist()
right_push = score_gradient_norm(lambda s, y, r: right_loss(s, y, r), batch_scores, batch_target)
wrong_push = score_gradient_norm(mistake.loss, batch_scores, batch_target)

st.info(t(f"objectives.pitfall.{key}.why"), icon=":material/lightbulb:")
right_metric, wrong_metric, gap_metric = st.columns(3)
right_metric.metric(t("objectives.metric.right"), f"{right:.4f}")
wrong_metric.metric(t("objectives.metric.wrong"), f"{wrong:.4f}")
gap_metric.metric(t("objectives.metric.gap"), f"{wrong - right:+.4f}")
right_grad_metric, wrong_grad_metric, _ = st.columns(3)
right_grad_metric.metric(
    t("objectives.metric.grad_right"), f"{right_push:.4f}", help=t("objectives.metric.grad_help")
)
wrong_grad_metric.metric(
    t("objectives.metric.grad_wrong"), f"{wrong_push:.4f}", help=t("objectives.metric.grad_help")
)
examples = [str(i) for i in range(rows)]
st.altair_chart(
    pitfall_bars(
        examples, right_each, wrong_each, right_label=t("objectives.series.right"),
        wrong_label=t("objectives.series.wrong"), x_title=t("objectives.axis.example"),
        y_title=t("objectives.axis.example_loss"), series_title=t("objectives.series.title"),
    ),
    width="stretch",
)
st.caption(t("objectives.code.pitfall"))
st.code(pitfall_code(key, rows, class_count, seed()), language="python")
with st.expander(t("objectives.batch"), icon=":material/table:"):
    batch = {
        t("objectives.col.example"): examples,
        t("objectives.col.target"): batch_target.tolist(),
    }
    for index in range(class_count):
        batch[t("objectives.col.class_score", index=index)] = batch_scores[:, index].tolist()
    st.dataframe(pd.DataFrame(batch).style.format(precision=4), hide_index=True, width="stretch")
