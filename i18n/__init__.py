"""The translation layer: every user-facing string is looked up here by key.

Catalogs live in `i18n/strings/<section>.py`, one module per part of the app, each with an
English `EN` and a Simplified Chinese `ZH` dict holding the same keys. Plain Python, so the
catalogs can be checked without Streamlit.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from i18n import strings

LANGUAGES: dict[str, str] = {"en": "English", "zh": "简体中文"}
DEFAULT_LANGUAGE = "en"


@cache
def catalog_modules() -> dict[str, object]:
    """Every catalog module by its short name."""
    return {
        info.name: importlib.import_module(f"{strings.__name__}.{info.name}")
        for info in pkgutil.iter_modules(strings.__path__)
    }


@cache
def catalog(lang: str) -> dict[str, str]:
    """All strings of one language, merged from the section modules."""
    merged: dict[str, str] = {}
    for module in catalog_modules().values():
        merged.update(getattr(module, lang.upper()))
    return merged


def translate(key: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The text for `key` in `lang`, with `{placeholders}` filled from `values`.

    A key missing from a catalog falls back to English, then to the key itself, so a gap
    shows up as visible text rather than a crash (and the catalog test fails on it).
    """
    text = catalog(lang).get(key) or catalog(DEFAULT_LANGUAGE).get(key) or key
    return text.format(**values) if values else text
