"""A corpus's problems as a user reads them: translated, with the user's text in them escaped.

The classifier lists them under its corpus; a room that refuses to publish a corpus names one.
"""

from __future__ import annotations

from core.corpus import Problem
from ui.markup import plain
from ui.text import t


def problem_text(problem: Problem) -> str:
    """One problem, translated, with any user text in it escaped."""
    detail = plain(problem.detail)
    message = t(f"classifier.problem.{problem.code}", detail=detail)
    if problem.row is None:
        return message
    return t("classifier.problem.row", row=problem.row, message=message)
