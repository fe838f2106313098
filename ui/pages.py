"""The app's pages, listed once: the router, the home page's tour and the tests all read this."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageSpec:
    """One page: its file, its address, how the navigation and the tour name it."""

    path: str  # the page's script, relative to the repository root
    url_path: str  # its address: /softmax
    title_key: str  # catalog key of its title in the navigation
    icon: str
    section: str  # "start", "lessons" or "lab": the navigation's group
    tour_key: str | None = None  # catalog key of its line in the home page's tour
    # Other addresses that open this page: old paths after a rename, and the default page's own
    # path, since Streamlit serves the default page at "/" only.
    aliases: tuple[str, ...] = ()
    links: str | None = None  # the module whose LINKS the page's address carries (ui.links)


PAGES: tuple[PageSpec, ...] = (
    # Streamlit serves the default page at "/" and reserves its url_path, which would not open it;
    # "/home" is an alias that does.
    PageSpec("app_pages/home.py", "start", "nav.home", ":material/home:", "start", aliases=("home",)),
    PageSpec(
        "app_pages/affine_maps.py",
        "affine-maps",
        "nav.affine",
        ":material/transform:",
        "lessons",
        "home.card.affine",
        links="ui.affine_maps.settings",
    ),
    PageSpec(
        "app_pages/nonlinearities.py",
        "nonlinearities",
        "nav.nonlinearities",
        ":material/show_chart:",
        "lessons",
        "home.card.nonlinearities",
        links="ui.nonlinearities.settings",
    ),
    PageSpec(
        "app_pages/softmax.py",
        "softmax",
        "nav.softmax",
        ":material/percent:",
        "lessons",
        "home.card.softmax",
        links="ui.softmax",
    ),
    PageSpec(
        "app_pages/objectives.py",
        "objectives",
        "nav.objectives",
        ":material/target:",
        "lessons",
        "home.card.objectives",
        links="ui.objectives",
    ),
    PageSpec(
        "app_pages/optimisation.py",
        "optimisation",
        "nav.optimisation",
        ":material/trending_down:",
        "lessons",
        "home.card.optimisation",
        links="ui.optimisation.settings",
    ),
    PageSpec(
        "app_pages/classifier.py",
        "classifier",
        "nav.classifier",
        ":material/translate:",
        "lab",
        "home.card.classifier",
        links="ui.classifier.links",
    ),
    PageSpec("app_pages/replay.py", "tutorial-replay", "nav.replay", ":material/replay:", "lab", "home.card.replay"),
    PageSpec("app_pages/classroom.py", "classroom", "nav.classroom", ":material/groups:", "lab", "home.card.classroom"),
)
SECTIONS: tuple[str, ...] = ("start", "lessons", "lab")
HOME = PAGES[0]
