"""Keys the app builds at run time, listed in one place so the catalog tests see them.

`t(f"classifier.tab.{name}")`, `option_labels("classifier.opt", OPTIMIZERS)`, `t(f"limit.{name}")`...
never appear as a literal key in the source. Each family below derives its keys from the option
tuples the code uses (imported from core/, charts/, ui/, or read from a page's source: pages run
when imported). When code starts building keys from a new set of names, add the family here.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def page_constant(path: str, name: str) -> object:
    """A module-level literal (`QUIZ = [...]`) of an app file, read from its source without running it."""
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AnnAssign):
            targets = [node.target]
        else:
            continue
        if any(isinstance(target, ast.Name) and target.id == name for target in targets):
            return ast.literal_eval(node.value)
    raise LookupError(f"{path} has no literal {name}")


def keys(prefix: str, names, suffix: str = "") -> list[str]:
    return [f"{prefix}.{name}{suffix}" for name in names]


def runtime_key_families() -> dict[str, list[str]]:
    """Where a family of keys is built -> its keys."""
    from core import objectives_lesson, softmax_lesson
    from core.classroom import REASON_TEXT, ClassroomError
    from core.corpus import PROBLEM_TEXT
    from core.devices import ABSENCE_REASONS
    from core.grid import PRESET_MAPS
    from core.limits import LIMIT_NOUNS
    from core.nonlinearities import NONLINEARITIES
    from core.optimizers import OPTIMIZERS
    from core.pitfalls import PITFALLS
    from core.presets import PRESETS
    from core.replay import STEPS
    from core.suggest import REASONS
    from core.surfaces import SURFACES
    from core.training import METRICS, UPDATE_MODES
    from core.weights import SORTS
    from core.weights_file import WeightsFileError
    from ui.classroom.bridge import SETTING_NAMES
    from ui.pages import PAGES, SECTIONS

    affine_quiz = page_constant("ui/affine_maps/question.py", "OPTIONS")
    return {
        "streamlit_app.py, app_pages/home.py: ui.pages": (
            keys("nav.section", SECTIONS)
            + [spec.title_key for spec in PAGES]
            + [spec.tour_key for spec in PAGES if spec.tour_key]
        ),
        "ui/affine_maps/": (
            keys("affine.preset", PRESET_MAPS)
            + keys("affine.between", ["none", *NONLINEARITIES])
            + keys("affine.det", ["collapse", "flip", "keep", "grow", "shrink"])
            + keys("affine.quiz.option", affine_quiz)
            + keys("affine.quiz.wrong", [answer for answer in affine_quiz if answer != "affine"])
        ),
        "ui/nonlinearities/": (
            keys("nonlin.fn", NONLINEARITIES)
            + keys("nonlin.quiz.option", page_constant("ui/nonlinearities/question.py", "OPTIONS"))
        ),
        "ui/softmax/": (
            keys("softmax.source", softmax_lesson.SOURCES)
            + keys("softmax.quiz", page_constant("ui/softmax/question.py", "QUIZ"))
        ),
        "ui/objectives/": (
            keys("objectives.quiz", page_constant("ui/objectives/question.py", "QUIZ"))
            + keys("objectives.source", objectives_lesson.SOURCES)
            + keys("objectives.pitfall", PITFALLS)
            + keys("objectives.pitfall", PITFALLS, ".why")
        ),
        "ui/optimisation/": (
            keys("optimisation.surface", SURFACES)
            + keys("optimisation.surface", SURFACES, ".text")
            + keys("optimisation.weight", ["x", "y"])
            + keys("optimisation.opt", OPTIMIZERS)
            + keys("optimisation.col", ["x", "y", "gx", "gy", "loss", "final_loss"])
        ),
        "app_pages/replay.py": (
            keys("replay.step", [step.key for step in STEPS], ".title")
            + keys("replay.step", [step.key for step in STEPS], ".text")
        ),
        "app_pages/classifier.py, ui/classifier/": (
            keys("classifier.tab", page_constant("app_pages/classifier.py", "TABS"))
            + keys("classifier.opt", OPTIMIZERS)
            + keys("classifier.mode", UPDATE_MODES)
            + keys("classifier.metric", METRICS)
            + keys("classifier.quiz", page_constant("ui/classifier/training.py", "QUIZ_OPTIONS"))
            + keys("classifier.preset", PRESETS)
            + keys("classifier.heatmap.view", page_constant("ui/classifier/heatmap.py", "VIEWS"))
            + keys("classifier.heatmap.sort", SORTS)
            + keys("classifier.suggest.reason", REASONS)
        ),
        "ui/classifier/export.py: refused weights files": keys("weights_file", WeightsFileError.MESSAGES),
        "ui/classroom/": (
            keys("classroom.error", ClassroomError.MESSAGES)
            + keys("classroom.reason", REASON_TEXT)
            + keys("classroom.setting", SETTING_NAMES)
            + keys("classroom.mode", UPDATE_MODES)
        ),
        "ui/corpus_problems.py": keys("classifier.problem", PROBLEM_TEXT),
        "ui/limits.py": keys("limit", LIMIT_NOUNS) + ["limit.refused_upload", "limit.refused_edit"],
        "ui/sidebar.py, ui/classifier/training.py": keys("device.reason", ABSENCE_REASONS),
        "ui/presenter.py": keys("presenter.hide", page_constant("ui/presenter.py", "HIDEABLE")),
        "ui/guard.py: failed actions": keys(
            "failure", ["upload", "edit", "preset", "import", "train", "predict", "compare"]
        ),
    }


def runtime_keys() -> set[str]:
    return {key for family in runtime_key_families().values() for key in family}
