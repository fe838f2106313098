"""The optimisation page's settings: one frozen dataclass, session keys under the prefix "optimisation"."""

from __future__ import annotations

from dataclasses import dataclass

from core.optimizers import OPTIMIZERS
from core.surfaces import SURFACES, bowl, rosenbrock, saddle
from ui.links import Between, Choice, from_settings
from ui.settings import PageSettings

LR_OPTIONS = [0.0001, 0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0]
# A learning rate and a number of steps that show each surface at its most telling.
SURFACE_DEFAULTS = {
    "bowl": (0.05, 100),
    "rosenbrock": (0.002, 300),
    "saddle": (0.05, 150),
    "classifier": (0.1, 100),
}
RACE_DEFAULT = ("sgd", "sgd_momentum", "nesterov", "adam", "rmsprop", "adagrad")
# The hand-written walk shows at most this many steps.
MANUAL_STEPS = 30
# Names of the page's fragments. The landscape's controls rerun the sections that read what they
# set (those on the page), so a step of κ or of the learning rate leaves the rest of the app alone.
LANDSCAPE = "optimisation.landscape"
MANUAL = "optimisation.manual"
RACE = "optimisation.race"
QUESTION = "optimisation.question"
# Who reads what: the walks read everything; the question reads κ; the landscape itself shows what
# the surface and the classifier's weights allow (its start sliders, the equal-weights message).
READ_SURFACE = (LANDSCAPE, MANUAL, RACE, QUESTION)
READ_KAPPA = (MANUAL, RACE, QUESTION)
READ_WALK = (MANUAL, RACE)
# The classifier's two weights by default: "me" and "it" in the SPANISH row.
WEIGHT_DEFAULTS = {"x": ("SPANISH", "me"), "y": ("SPANISH", "it")}
_BOWL, _ROSENBROCK, _SADDLE = bowl().start, rosenbrock().start, saddle().start


@dataclass(frozen=True)
class OptimisationSettings:
    """Every control of the page. Learning rate, steps and start are kept per surface."""

    surface: str = "bowl"
    kappa: int = 10
    weight_x_label: str = WEIGHT_DEFAULTS["x"][0]
    weight_x_word: str = WEIGHT_DEFAULTS["x"][1]
    weight_y_label: str = WEIGHT_DEFAULTS["y"][0]
    weight_y_word: str = WEIGHT_DEFAULTS["y"][1]
    lr_bowl: float = SURFACE_DEFAULTS["bowl"][0]
    lr_rosenbrock: float = SURFACE_DEFAULTS["rosenbrock"][0]
    lr_saddle: float = SURFACE_DEFAULTS["saddle"][0]
    lr_classifier: float = SURFACE_DEFAULTS["classifier"][0]
    steps_bowl: int = SURFACE_DEFAULTS["bowl"][1]
    steps_rosenbrock: int = SURFACE_DEFAULTS["rosenbrock"][1]
    steps_saddle: int = SURFACE_DEFAULTS["saddle"][1]
    steps_classifier: int = SURFACE_DEFAULTS["classifier"][1]
    start_bowl_x: float = _BOWL[0]
    start_bowl_y: float = _BOWL[1]
    start_rosenbrock_x: float = _ROSENBROCK[0]
    start_rosenbrock_y: float = _ROSENBROCK[1]
    start_saddle_x: float = _SADDLE[0]
    start_saddle_y: float = _SADDLE[1]
    manual_step: int = 0
    race_optimizers: tuple[str, ...] = RACE_DEFAULT
    quiz: str | None = None


SETTINGS = PageSettings("optimisation", OptimisationSettings)
# The classifier surface's two weights name words of the corpus, so they stay out of links.
_WINDOWS = {"bowl": bowl(), "rosenbrock": rosenbrock(), "saddle": saddle()}  # where a start may be
LINKS = from_settings(
    SETTINGS,
    {
        "surface": Choice(SURFACES),
        "kappa": Between(1, 50, 1),
        **{f"lr_{surface}": Choice(LR_OPTIONS) for surface in SURFACE_DEFAULTS},
        **{f"steps_{surface}": Between(10, 300, 10) for surface in SURFACE_DEFAULTS},
        **{
            f"start_{surface}_{axis}": Between(*getattr(window, f"{axis}_range"), 0.05)
            for surface, window in _WINDOWS.items()
            for axis in "xy"
        },
        "race_optimizers": Choice(OPTIMIZERS),
    },
)


def default(name: str) -> object:
    """The default of setting `name` (for a widget's initial value)."""
    return getattr(SETTINGS.defaults(), name)
