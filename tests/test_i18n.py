"""The translation layer: complete English and Chinese catalogs, and every key used exists."""

import re
import string
from pathlib import Path

import pytest

from i18n import LANGUAGES, catalog, catalog_modules, translate

ROOT = Path(__file__).resolve().parents[1]
CJK = re.compile(r"[\u4e00-\u9fff]")


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("name", sorted(catalog_modules()))
def test_each_catalog_has_the_same_keys_in_both_languages(name):
    module = catalog_modules()[name]
    missing_zh = set(module.EN) - set(module.ZH)
    missing_en = set(module.ZH) - set(module.EN)
    assert not missing_zh, f"{name}: keys missing from ZH: {sorted(missing_zh)}"
    assert not missing_en, f"{name}: keys missing from EN: {sorted(missing_en)}"
    for key in module.EN:
        assert module.EN[key].strip() and module.ZH[key].strip(), f"{name}: empty text for {key}"
        assert placeholders(module.EN[key]) == placeholders(module.ZH[key]), f"{name}: placeholders of {key}"


def test_no_key_is_defined_twice():
    seen: dict[str, str] = {}
    for name, module in catalog_modules().items():
        for key in module.EN:
            assert key not in seen, f"{key} is defined in both {seen[key]} and {name}"
            seen[key] = name


def test_chinese_sentences_are_translated():
    zh = catalog("zh")
    untranslated = [key for key, text in catalog("en").items() if len(text) > 30 and not CJK.search(zh[key])]
    assert not untranslated, f"Chinese text still in English: {untranslated}"


def literal_keys_in_source() -> set[tuple[str, str]]:
    """Every t("literal.key") in the app's Python files, with the file it is in."""
    found = set()
    for path in [ROOT / "streamlit_app.py", *ROOT.glob("app_pages/*.py"), *ROOT.glob("ui/**/*.py")]:
        for key in re.findall(r"""\bt\(\s*["']([a-z0-9_.]*[a-z0-9_])["']""", path.read_text(encoding="utf-8")):
            found.add((key, path.relative_to(ROOT).as_posix()))
    return found


def test_every_key_used_in_the_app_exists():
    keys = literal_keys_in_source()
    assert len(keys) > 20
    en, zh = catalog("en"), catalog("zh")
    missing = sorted((file, key) for key, file in keys if key not in en or key not in zh)
    assert not missing, f"keys used but not in both catalogs: {missing}"


def test_translate_fills_placeholders_and_falls_back():
    assert set(LANGUAGES) == {"en", "zh"}
    assert translate("replay.summary", "en", matching=7, total=7).startswith("7 of 7")
    assert "7" in translate("replay.summary", "zh", matching=7, total=7)
    assert translate("no.such.key", "zh") == "no.such.key"


def test_keys_built_at_run_time_exist():
    """Limits, refused weights files and failed actions are translated by code: every code has its text."""
    from core.limits import LIMIT_NOUNS
    from core.weights_file import WeightsFileError

    actions = ("upload", "edit", "preset", "import", "train", "predict", "compare")
    keys = ([f"limit.{name}" for name in LIMIT_NOUNS] + [f"weights_file.{code}" for code in WeightsFileError.MESSAGES]
            + [f"failure.{action}" for action in actions])
    for lang in LANGUAGES:
        missing = [key for key in keys if key not in catalog(lang)]
        assert not missing, f"{lang}: {missing}"
