"""Optimisation: theta <- theta - lr * grad step by step, then a race of torch.optim's update rules."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from charts.optimisation import OPTIMIZER_COLORS, loss_chart, surface_chart
from core.descent import descend, manual_code, race_code
from core.optimizers import OPTIMIZERS
from core.surfaces import (
    SURFACES,
    bowl,
    bowl_max_stable_lr,
    classifier_labels,
    classifier_words,
)
from ui.markup import plain
from ui.optimisation import (
    LR_OPTIONS,
    MANUAL_STEPS,
    QUIZ_STEPS,
    RACE_DEFAULT,
    SURFACE_DEFAULTS,
    SurfaceArgs,
    cached_grid,
    cached_manual,
    cached_race,
    fmt,
    make_surface,
    number_columns,
    opt_name,
    path_rows,
    tex,
)
from ui.quiz import predict_then_reveal
from ui.state import seed
from ui.text import option_labels, t

# ---------------------------------------------------------------- the landscape

st.title(t("optimisation.title"))
st.write(t("optimisation.intro"))
st.latex(r"\theta \;\leftarrow\; \theta - \eta \, \nabla L(\theta)")

st.subheader(t("optimisation.settings"))
with st.container(border=True):
    choose, shape = st.columns([2, 3])
    with choose:
        surface_key = st.selectbox(
            t("optimisation.surface.label"),
            SURFACES,
            format_func=option_labels("optimisation.surface", SURFACES),
            key="optimisation.surface",
            persist_state="session",
        )
        st.caption(t(f"optimisation.surface.{surface_key}.text"))
    kappa, weights = 10.0, ("SPANISH", "me", "SPANISH", "it")
    with shape:
        if surface_key == "bowl":
            kappa = float(
                st.slider(
                    t("optimisation.kappa"),
                    1,
                    50,
                    10,
                    key="optimisation.kappa",
                    help=t("optimisation.kappa_help"),
                    persist_state="session",
                )
            )
        if surface_key == "classifier":
            labels, words = classifier_labels(), classifier_words()
            picked = []
            for axis, (label, word) in (("x", ("SPANISH", "me")), ("y", ("SPANISH", "it"))):
                st.markdown(f"**{t(f'optimisation.weight.{axis}')}**")
                left, right = st.columns(2)
                picked.append(
                    left.selectbox(
                        t("optimisation.weight.label"),
                        labels,
                        index=labels.index(label),
                        key=f"optimisation.weight.{axis}.label",
                        persist_state="session",
                    )
                )
                picked.append(
                    right.selectbox(
                        t("optimisation.weight.word"),
                        words,
                        index=words.index(word),
                        key=f"optimisation.weight.{axis}.word",
                        persist_state="session",
                    )
                )
            weights = tuple(picked)

    if surface_key == "classifier" and weights[:2] == weights[2:]:
        st.error(t("optimisation.error.same_weight"), icon=":material/error:")
        st.stop()
    args: SurfaceArgs = (
        surface_key,
        kappa if surface_key == "bowl" else 10.0,
        seed() if surface_key == "classifier" else 1,
        *weights,
    )
    try:
        surface = make_surface(args)
    except ValueError as error:
        st.error(t("optimisation.error.settings"), icon=":material/error:")
        st.caption(plain(error))
        st.stop()

    default_lr, default_steps = SURFACE_DEFAULTS[surface_key]
    rate, length, where = st.columns(3)
    lr = rate.select_slider(
        t("optimisation.lr"),
        LR_OPTIONS,
        value=default_lr,
        key=f"optimisation.lr.{surface_key}",
        help=t("optimisation.lr_help"),
        persist_state="session",
    )
    steps = length.slider(
        t("optimisation.steps"),
        10,
        300,
        default_steps,
        step=10,
        key=f"optimisation.steps.{surface_key}",
        help=t("optimisation.steps_help"),
        persist_state="session",
    )
    with where:
        if surface_key == "classifier":
            start = surface.start
            st.caption(t("optimisation.start_classifier", x=fmt(start[0]), y=fmt(start[1]), seed=seed()))
        else:
            start = (
                st.slider(
                    t("optimisation.start_x"),
                    *surface.x_range,
                    surface.start[0],
                    step=0.05,
                    key=f"optimisation.start.{surface_key}.x",
                    persist_state="session",
                ),
                st.slider(
                    t("optimisation.start_y"),
                    *surface.y_range,
                    surface.start[1],
                    step=0.05,
                    key=f"optimisation.start.{surface_key}.y",
                    persist_state="session",
                ),
            )

if surface_key == "classifier":
    x_title = t("optimisation.axis.weight", label=weights[0], word=weights[1])
    y_title = t("optimisation.axis.weight", label=weights[2], word=weights[3])
else:
    x_title, y_title = t("optimisation.axis.x"), t("optimisation.axis.y")
grid = cached_grid(args)
chart_titles = {
    "x_range": surface.x_range,
    "y_range": surface.y_range,
    "x_title": x_title,
    "y_title": y_title,
    "loss_title": t("optimisation.chart.loss"),
    "path_title": t("optimisation.chart.path"),
    "start": start,
    "minimum": surface.minimum,
}

# ---------------------------------------------------------------- one step at a time

st.subheader(t("optimisation.manual.header"))
st.write(t("optimisation.manual.text"))
manual_count = min(steps, MANUAL_STEPS)
records, by_optim = cached_manual(args, lr, manual_count, start)
if not records:
    st.warning(t("optimisation.manual.nothing", lr=lr), icon=":material/warning:")
else:
    if len(records) < manual_count:
        st.warning(t("optimisation.manual.runaway", lr=lr, step=len(records) + 1), icon=":material/warning:")
    k = 0
    if len(records) > 1:
        if st.session_state.get("optimisation.manual.step", 0) > len(records) - 1:
            st.session_state["optimisation.manual.step"] = len(records) - 1
        k = st.slider(t("optimisation.manual.step"), 0, len(records) - 1, 0, key="optimisation.manual.step")
    record = records[k]
    label = t("optimisation.manual.path")
    points = [r.theta for r in records[: k + 1]] + [record.new_theta]
    after = record.new_loss
    losses = [r.loss for r in records[: k + 1]] + [after]
    picture, numbers = st.columns([3, 2])
    with picture:
        st.altair_chart(
            surface_chart(
                grid,
                pd.DataFrame(path_rows(label, points, losses)),
                colors={label: OPTIMIZER_COLORS["sgd"]},
                update=pd.DataFrame(
                    [
                        {
                            "x": record.theta[0],
                            "y": record.theta[1],
                            "x2": record.new_theta[0],
                            "y2": record.new_theta[1],
                        }
                    ]
                ),
                **chart_titles,
            ),
            width="stretch",
        )
    with numbers:
        (x, y), (gx, gy), (nx, ny) = record.theta, record.grad, record.new_theta
        st.latex(
            r"\begin{aligned}"
            rf"\theta_{{{k}}} &= ({tex(x)},\ {tex(y)})\\"
            rf"\nabla L(\theta_{{{k}}}) &= ({tex(gx)},\ {tex(gy)})\\"
            rf"\theta_{{{k + 1}}} &= \theta_{{{k}}} - {lr:g}\cdot\nabla L(\theta_{{{k}}})\\"
            rf"&= ({tex(nx)},\ {tex(ny)})"
            r"\end{aligned}"
        )
        before_metric, after_metric = st.columns(2)
        before_metric.metric(t("optimisation.manual.loss_before"), fmt(record.loss))
        after_metric.metric(
            t("optimisation.manual.loss_after"),
            fmt(after),
            delta=fmt(after - record.loss),
            delta_color="inverse",
        )
        compared = min(len(records) + 1, len(by_optim.points))
        diff = max(
            max(abs(a - b) for a, b in zip(point, optim_point, strict=True))
            for point, optim_point in zip(
                [r.theta for r in records] + [records[-1].new_theta], by_optim.points, strict=False
            )
        )
        st.caption(t("optimisation.manual.match", lr=f"{lr:g}", steps=compared - 1, diff=f"{diff:.2g}"))
    st.dataframe(
        pd.DataFrame(
            [
                {
                    t("optimisation.col.step"): r.step,
                    t("optimisation.col.x"): r.theta[0],
                    t("optimisation.col.y"): r.theta[1],
                    t("optimisation.col.gx"): r.grad[0],
                    t("optimisation.col.gy"): r.grad[1],
                    t("optimisation.col.loss"): r.loss,
                }
                for r in records[: k + 1]
            ]
        ),
        hide_index=True,
        width="stretch",
        height=min(38 + 35 * (k + 1), 250),
        column_config=number_columns("x", "y", "gx", "gy", "loss"),
    )
    with st.expander(t("optimisation.code.manual", steps=k + 1), icon=":material/code:"):
        st.caption(t("optimisation.code.note"))
        st.code(manual_code(surface, lr, k + 1, start), language="python")

# ---------------------------------------------------------------- the race

st.subheader(t("optimisation.race.header"))
st.write(t("optimisation.race.text"))
names = st.multiselect(
    t("optimisation.race.optimizers"),
    list(OPTIMIZERS),
    default=RACE_DEFAULT,
    format_func=option_labels("optimisation.opt", OPTIMIZERS),
    key="optimisation.race.optimizers",
    persist_state="session",
)
if not names:
    st.info(t("optimisation.race.none"), icon=":material/flag:")
else:
    ordered = [name for name in OPTIMIZERS if name in names]
    results = cached_race(args, tuple(ordered), lr, steps, start)
    colors = {opt_name(name): OPTIMIZER_COLORS[name] for name in ordered}
    paths = pd.DataFrame(
        [row for name, path in results.items() for row in path_rows(opt_name(name), path.points, path.losses)]
    )
    runaway_rows = [
        {
            "path": opt_name(name),
            "x": path.final_point[0],
            "y": path.final_point[1],
            "step": len(path.points) - 1,
            "loss": path.final_loss,
        }
        for name, path in results.items()
        if path.diverged and path.points
    ]
    runaways = pd.DataFrame(runaway_rows, columns=["path", "x", "y", "step", "loss"])
    for name, path in results.items():
        if path.diverged:
            st.warning(
                t(
                    "optimisation.race.runaway",
                    name=opt_name(name),
                    step=path.diverged_at,
                    radius=f"{surface.escape_radius:g}",
                ),
                icon=":material/warning:",
            )
    on_map, over_time = st.columns(2)
    with on_map:
        st.markdown(f"**{t('optimisation.chart.map')}**")
        st.altair_chart(
            surface_chart(grid, paths, colors=colors, runaways=runaways, **chart_titles), width="stretch"
        )
    with over_time:
        st.markdown(f"**{t('optimisation.chart.curve')}**")
        st.altair_chart(
            loss_chart(
                paths,
                step_title=t("optimisation.chart.step"),
                loss_title=t("optimisation.chart.loss"),
                path_title=t("optimisation.chart.path"),
                colors=colors,
                runaways=runaways,
                ceiling=float(grid["loss"].max()),
            ),
            width="stretch",
        )
    st.caption(t("optimisation.chart.caption"))

    finished = {name: path for name, path in results.items() if not path.diverged}
    best_value = t("optimisation.race.all_ran_away")
    if finished:
        best = min(finished, key=lambda name: finished[name].final_loss)
        best_value = t(
            "optimisation.race.best_value", name=opt_name(best), loss=fmt(finished[best].final_loss)
        )
    st.metric(t("optimisation.race.best", steps=steps), best_value)
    st.dataframe(
        pd.DataFrame(
            [
                {
                    t("optimisation.col.optimizer"): opt_name(name),
                    t("optimisation.col.final_loss"): path.final_loss if path.points else None,
                    t("optimisation.col.x"): path.final_point[0] if path.points else None,
                    t("optimisation.col.y"): path.final_point[1] if path.points else None,
                    t("optimisation.col.status"): (
                        t("optimisation.status.runaway", step=path.diverged_at)
                        if path.diverged
                        else t("optimisation.status.finished", steps=steps)
                    ),
                }
                for name, path in results.items()
            ]
        ),
        hide_index=True,
        width="stretch",
        column_config=number_columns("final_loss", "x", "y"),
    )
    with st.expander(t("optimisation.code.race"), icon=":material/code:"):
        st.caption(t("optimisation.code.note"))
        st.code(race_code(surface, ordered, lr, steps, start), language="python")

# ---------------------------------------------------------------- predict, then reveal

st.subheader(t("optimisation.quiz.header"))
quiz_kappa = float(st.session_state.get("optimisation.kappa", 10))
limit = bowl_max_stable_lr(quiz_kappa)
choices = {
    "a": t("optimisation.quiz.a", value=f"{limit:.4g}"),
    "b": t("optimisation.quiz.b", value=f"{limit / 2:.4g}"),
    "c": t("optimisation.quiz.c"),
    "d": t("optimisation.quiz.d"),
}
answer = predict_then_reveal(
    t("optimisation.quiz.question", kappa=f"{quiz_kappa:g}"), list(choices), choices.get, correct="a",
    right=t("optimisation.quiz.correct"), wrong=t("optimisation.quiz.wrong"), key="optimisation.quiz",
)
if answer is not None:
    st.write(t("optimisation.quiz.explain", limit=f"{limit:.4g}"))
    quiz_bowl = bowl(quiz_kappa)
    below, above = 0.9 * limit, 1.1 * limit
    calm = descend(quiz_bowl, "sgd", below, QUIZ_STEPS)
    wild = descend(quiz_bowl, "sgd", above, QUIZ_STEPS)
    values = {
        "kappa": f"{quiz_kappa:g}",
        "steps": QUIZ_STEPS,
        "x": f"{quiz_bowl.start[0]:g}",
        "y": f"{quiz_bowl.start[1]:g}",
        "below": f"{below:.4g}",
        "above": f"{above:.4g}",
        "loss": fmt(calm.final_loss),
    }
    if wild.diverged:
        st.info(t("optimisation.quiz.demo", step=wild.diverged_at, **values), icon=":material/science:")
    else:
        st.info(
            t("optimisation.quiz.demo_slow", high=fmt(wild.final_loss), **values), icon=":material/science:"
        )
