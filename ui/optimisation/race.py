"""The race: torch.optim's update rules from one start with one learning rate, on the map and over time.

A fragment: choosing the racers reruns only this section; the landscape's controls rerun it by name.
"""

from __future__ import annotations

import streamlit as st

from core.descent import race_code
from core.descent_summary import best_finisher, fmt, race_order
from core.optimizers import OPTIMIZERS
from ui.fragments import named
from ui.optimisation import landscape
from ui.optimisation.compute import cached_race, numbers_table, opt_name, race_chart_specs
from ui.optimisation.settings import RACE, SETTINGS, default
from ui.text import option_labels, t


def render() -> None:
    st.subheader(t("optimisation.race.header"))
    st.write(t("optimisation.race.text"))
    run()


@named(RACE)
def run() -> None:
    land = landscape.usable()
    if land is None:  # the landscape's section says why
        return
    names = st.multiselect(
        t("optimisation.race.optimizers"),
        list(OPTIMIZERS),
        default=list(default("race_optimizers")),
        format_func=option_labels("optimisation.opt", OPTIMIZERS),
        key=SETTINGS.key("race_optimizers"),
        persist_state="session",
    )
    if not names:
        st.info(t("optimisation.race.none"), icon=":material/flag:")
        return
    ordered = tuple(race_order(names))
    results = cached_race(land.args, ordered, land.lr, land.steps, land.start)
    # Warnings go into one block that is always there, so that the charts below keep their place
    # on the page when a runaway comes or goes (moved, the browser would build them anew).
    notes = st.container()
    for name, path in results.items():
        if path.diverged:
            notes.warning(
                t(
                    "optimisation.race.runaway",
                    name=opt_name(name),
                    step=path.diverged_at,
                    radius=f"{land.surface.escape_radius:g}",
                ),
                icon=":material/warning:",
            )
    on_map_spec, over_time_spec = race_chart_specs(land, ordered, tuple(opt_name(name) for name in ordered))
    on_map, over_time = st.columns(2)
    with on_map:
        st.markdown(f"**{t('optimisation.chart.map')}**")
        st.vega_lite_chart(spec=on_map_spec, width="stretch", alt=t("alt.optimisation.map"))
    with over_time:
        st.markdown(f"**{t('optimisation.chart.curve')}**")
        st.vega_lite_chart(spec=over_time_spec, width="stretch", alt=t("alt.optimisation.curve"))
    st.caption(t("optimisation.chart.caption"))

    best = best_finisher(results)
    best_value = t("optimisation.race.all_ran_away")
    if best is not None:
        best_value = t("optimisation.race.best_value", name=opt_name(best), loss=fmt(results[best].final_loss))
    st.metric(t("optimisation.race.best", steps=land.steps), best_value)
    numbers_table(
        [
            {
                t("optimisation.col.optimizer"): opt_name(name),
                t("optimisation.col.final_loss"): path.final_loss if path.points else None,
                t("optimisation.col.x"): path.final_point[0] if path.points else None,
                t("optimisation.col.y"): path.final_point[1] if path.points else None,
                t("optimisation.col.status"): (
                    t("optimisation.status.runaway", step=path.diverged_at)
                    if path.diverged
                    else t("optimisation.status.finished", steps=land.steps)
                ),
            }
            for name, path in results.items()
        ],
        ("final_loss", "x", "y"),
    )
    with st.expander(t("optimisation.code.race"), icon=":material/code:"):
        st.caption(t("optimisation.code.note"))
        st.code(race_code(land.surface, list(ordered), land.lr, land.steps, land.start), language="python")
