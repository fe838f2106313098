"""The translation layer: complete catalogs in every language, plural forms, and every key used exists."""

import re
import shutil
import string
from collections import Counter
from pathlib import Path

import pytest

import i18n
from i18n import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    catalog,
    catalog_path,
    entries,
    language_codes,
    languages,
    po_catalog,
    translate,
)
from i18n.runtime_keys import runtime_key_families

ROOT = Path(__file__).resolve().parents[1]
CJK = re.compile(r"[\u4e00-\u9fff]")
CODES = language_codes()
OTHERS = [code for code in CODES if code != DEFAULT_LANGUAGE]


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def messages(lang: str) -> dict:
    """Every entry of the .po file by key, as Babel read it (fuzzy and empty ones included)."""
    return {m.id[0] if isinstance(m.id, tuple) else m.id: m for m in po_catalog(lang) if m.id}


def forms(message) -> tuple[str, ...]:
    return tuple(message.string) if isinstance(message.string, tuple) else (message.string,)


def test_the_catalogs_are_found():
    assert CODES[0] == DEFAULT_LANGUAGE
    assert set(CODES) >= {"en", "zh"}
    assert LANGUAGES == languages()
    assert LANGUAGES["en"] == "English" and LANGUAGES["zh"] == "简体中文"


@pytest.mark.parametrize("lang", CODES)
def test_each_catalog_parses_with_its_header(lang):
    catalog_ = po_catalog(lang)  # abort_invalid: a syntax error raises
    assert catalog_.locale_identifier == lang
    assert catalog_.charset == "utf-8"
    headers = dict(catalog_.mime_headers)
    assert "Plural-Forms" in headers and f"nplurals={catalog_.num_plurals}" in headers["Plural-Forms"]
    assert len(messages(lang)) > 600


@pytest.mark.parametrize("lang", OTHERS)
def test_each_catalog_has_the_same_keys_as_english(lang):
    english, other = messages(DEFAULT_LANGUAGE), messages(lang)
    missing = sorted(set(english) - set(other))
    extra = sorted(set(other) - set(english))
    assert not missing, f"{lang}: keys missing: {missing}"
    assert not extra, f"{lang}: keys not in English: {extra}"


@pytest.mark.parametrize("lang", CODES)
def test_every_entry_is_translated_with_the_same_placeholders(lang):
    english = messages(DEFAULT_LANGUAGE)
    for key, message in messages(lang).items():
        assert not message.fuzzy, f"{lang}: {key} is fuzzy"
        assert all(form.strip() for form in forms(message)), f"{lang}: empty text for {key}"
        expected = placeholders(forms(english[key])[-1])
        for form in forms(message):
            assert placeholders(form) == expected, f"{lang}: placeholders of {key}: {form!r}"


@pytest.mark.parametrize("lang", CODES)
def test_no_key_is_defined_twice(lang):
    text = catalog_path(lang).read_text(encoding="utf-8")
    assert not re.search(r'^msgid ""\n"', text, re.MULTILINE), "keys are written on one line"
    counts = Counter(re.findall(r'^msgid "(.+)"$', text, re.MULTILINE))
    assert not [key for key, count in counts.items() if count > 1]
    assert len(counts) == len(messages(lang))


def test_chinese_sentences_are_translated():
    zh = catalog("zh")
    untranslated = [key for key, text in catalog("en").items() if len(text) > 30 and not CJK.search(zh[key])]
    assert not untranslated, f"Chinese text still in English: {untranslated}"


@pytest.mark.parametrize("lang", CODES)
def test_plural_entries_have_one_form_each_and_name_their_number(lang):
    english, catalog_ = entries(DEFAULT_LANGUAGE), po_catalog(lang)
    plural_keys = {key for key, message in messages(DEFAULT_LANGUAGE).items() if isinstance(message.id, tuple)}
    assert len(plural_keys) >= 20
    for key, message in messages(lang).items():
        assert isinstance(message.id, tuple) == (key in plural_keys), f"{lang}: {key} plural in one language only"
        if key not in plural_keys:
            continue
        assert len(forms(message)) == catalog_.num_plurals, f"{lang}: {key}"
        entry = entries(lang)[key]
        assert entry.plural_by and entry.plural_by == english[key].plural_by, f"{lang}: '#. plural:' of {key}"
        assert entry.plural_by in placeholders(entry.forms[0]), f"{lang}: {key} does not show its number"


def test_no_english_text_counts_with_a_parenthesised_plural():
    hacks = [key for key, text in catalog("en").items() if re.search(r"\w\((s|es)\)", text)]
    assert not hacks, f"use plural forms instead: {hacks}"


def test_plural_form_follows_the_number():
    assert translate("classifier.train.done", "en", epochs=1) == "Trained for 1 epoch."
    assert translate("classifier.train.done", "en", epochs=2) == "Trained for 2 epochs."
    assert translate("classifier.train.done", "en", epochs=0) == "Trained for 0 epochs."
    assert translate("classifier.predict.unknown", "en", count=1).startswith("1 word is not")
    assert translate("classifier.predict.unknown", "en", count=3).startswith("3 words are not")
    # The number picking the form need not be the first placeholder, and may come formatted.
    assert translate("classifier.train.stopped", "en", done=0, epochs=1).startswith("Stopped after 0 of 1 epoch;")
    assert translate("limit.sentence", "en", found="1", limit="500") == "This sentence has 1 word; the limit is 500."
    assert translate("limit.sentence", "en", found="1,234", limit="500").startswith("This sentence has 1,234 words")
    assert translate("classifier.train.done", "en", epochs=1.0) == "Trained for 1.0 epoch."
    assert translate("classifier.train.done", "en", epochs="many") == "Trained for many epochs."
    assert translate("classifier.train.done", "zh", epochs=1) == "已训练 1 轮。"
    assert translate("classifier.train.done", "zh", epochs=2) == "已训练 2 轮。"


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
    missing = sorted((file, key) for key, file in keys for lang in CODES if key not in catalog(lang))
    assert not missing, f"keys used but not in every catalog: {missing}"


def test_translate_fills_placeholders_and_falls_back():
    assert translate("replay.summary", "en", matching=7, total=7).startswith("7 of 7")
    assert "7" in translate("replay.summary", "zh", matching=7, total=7)
    assert translate("no.such.key", "zh") == "no.such.key"
    assert translate("app.title", "xx") == translate("app.title", "en")


def test_keys_built_at_run_time_exist():
    """Keys put together by code (limits, refused files, tabs, options...): every one has its text."""
    families = runtime_key_families()
    assert sum(len(keys) for keys in families.values()) > 100
    for lang in CODES:
        missing = {where: [key for key in keys if key not in catalog(lang)] for where, keys in families.items()}
        assert not any(missing.values()), f"{lang}: {missing}"


def test_every_key_built_at_run_time_is_listed():
    """Each t(f"prefix.{...}") and option_labels("prefix", ...) in the app has its family in i18n.runtime_keys."""
    listed = {key for keys in runtime_key_families().values() for key in keys}
    prefixes = set()
    for path in [ROOT / "streamlit_app.py", *ROOT.glob("app_pages/*.py"), *ROOT.glob("ui/**/*.py")]:
        source = path.read_text(encoding="utf-8")
        prefixes |= {p for p in re.findall(r"""\bt\(\s*f["']([a-z0-9_.]*)\{""", source) if p}
        prefixes |= {f"{p}." for p in re.findall(r"""option_labels\(\s*["']([a-z0-9_.]+)["']""", source)}
    assert len(prefixes) > 20
    unlisted = sorted(prefix for prefix in prefixes if not any(key.startswith(prefix) for key in listed))
    assert not unlisted, f"keys built from these prefixes are not listed in i18n/runtime_keys.py: {unlisted}"


@pytest.fixture
def fresh_caches():
    def clear():
        for function in (i18n.po_catalog, i18n.languages, i18n.entries, i18n.catalog, i18n.plural_rule):
            function.cache_clear()

    clear()
    yield
    clear()


def test_adding_a_language_is_adding_a_file(tmp_path, monkeypatch, fresh_caches):
    locales = tmp_path / "locales"
    shutil.copytree(i18n.LOCALES, locales)
    french = locales / "fr" / "LC_MESSAGES" / "messages.po"
    french.parent.mkdir(parents=True)
    text = catalog_path("en").read_text(encoding="utf-8")
    text = text.replace('"Language: en\\n"', '"Language: fr\\n"').replace(
        "Language-Team: English", "Language-Team: Français"
    )
    text = text.replace("nplurals=2; plural=(n != 1);", "nplurals=2; plural=(n > 1);")
    text = text.replace('msgstr[0] "Trained for {epochs} epoch."', 'msgstr[0] "Entraîné pendant {epochs} époque."')
    french.write_text(text, encoding="utf-8")
    monkeypatch.setattr(i18n, "LOCALES", locales)

    assert languages() == {"en": "English", "fr": "Français", "zh": "简体中文"}
    assert translate("classifier.train.done", "fr", epochs=0) == "Entraîné pendant 0 époque."
    assert translate("classifier.train.done", "fr", epochs=2) == "Trained for 2 epochs."
