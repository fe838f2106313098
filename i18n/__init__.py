"""The translation layer: every user-facing string is looked up here by key.

Catalogs are gettext files, one per language: `locales/<code>/LC_MESSAGES/messages.po`, read with
Babel the first time a language is used (no compile step). msgid is the key ("softmax.temperature"),
msgstr the text, a Python format string with `{placeholders}`. A language is a folder: every
`locales/<code>/` with a `messages.po` is offered, named by the file's `Language-Team` header.

Plural forms: an entry with `msgid_plural` has one `msgstr[i]` per form of its file's
`Plural-Forms` header, and a `#. plural: NAME` comment naming the placeholder whose number picks
the form. Callers pass that number like any other value: `translate("classifier.train.done", "en",
epochs=3)`. The number may be an int, a whole float, or a string such as "1,234" (separators
`,`, `_`, `'` and spaces are ignored); anything else, or a fraction, takes the last form.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

LOCALES = Path(__file__).resolve().parents[1] / "locales"
DOMAIN = "messages"
DEFAULT_LANGUAGE = "en"
PLURAL_COMMENT = re.compile(r"^plural:\s*(\w+)\s*$")
SEPARATORS = re.compile(r"[,_'\s]")


@dataclass(frozen=True)
class Entry:
    """One catalog entry: a single text, or one text per plural form and the placeholder choosing it."""

    forms: tuple[str, ...]
    plural_by: str | None = None

    @property
    def text(self) -> str:
        """The text, or for a plural entry its last form (in English: the plural)."""
        return self.forms[-1]


def catalog_path(lang: str) -> Path:
    return LOCALES / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def language_codes() -> list[str]:
    """Every language with a catalog, the default first, then by code."""
    codes = sorted(path.parent.parent.name for path in LOCALES.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    return sorted(codes, key=lambda code: code != DEFAULT_LANGUAGE)


@cache
def po_catalog(lang: str) -> Catalog:
    """The parsed .po file of a language (Babel's catalog, header included). Raises on a syntax error."""
    with catalog_path(lang).open("rb") as file:
        return read_po(file, locale=None, domain=DOMAIN, abort_invalid=True)


def language_name(lang: str) -> str:
    """A language's name in the picker: its catalog's Language-Team header (without an address).

    Without one (Babel's placeholder "LANGUAGE <LL@li.org>"), the language's own name from Babel's
    locale data, else the code.
    """
    catalog_ = po_catalog(lang)
    team = catalog_.language_team.split("<")[0].strip()
    if team and team != "LANGUAGE":
        return team
    return catalog_.locale.get_display_name(catalog_.locale) if catalog_.locale else lang


@cache
def languages() -> dict[str, str]:
    """Language code -> its name in the language picker."""
    return {code: language_name(code) for code in language_codes()}


def __getattr__(name: str) -> object:
    # LANGUAGES is read from the catalogs' headers on first use rather than at import.
    if name == "LANGUAGES":
        return languages()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@cache
def entries(lang: str) -> dict[str, Entry]:
    """Every usable entry of a language by key: fuzzy or empty translations are left out (they fall back)."""
    if not catalog_path(lang).is_file():
        return {}
    found: dict[str, Entry] = {}
    for message in po_catalog(lang):
        if not message.id or message.fuzzy:
            continue
        if isinstance(message.id, tuple):
            forms = tuple(message.string)
            drivers = [m.group(1) for c in message.auto_comments if (m := PLURAL_COMMENT.match(c.strip()))]
            entry = Entry(forms, drivers[0] if drivers else None)
            key = message.id[0]
        else:
            entry, key = Entry((message.string,)), message.id
        if all(form.strip() for form in entry.forms):
            found[key] = entry
    return found


@cache
def catalog(lang: str) -> dict[str, str]:
    """All texts of one language by key (a plural entry gives its last form)."""
    return {key: entry.text for key, entry in entries(lang).items()}


@cache
def plural_rule(lang: str) -> Callable[[int], int]:
    """The form index for a count, from the language's `Plural-Forms` header."""
    return gettext.c2py(po_catalog(lang).plural_expr)


def plural_number(value: object) -> int | None:
    """The whole number a placeholder value shows (3, 3.0, "1,234"), or None if it shows none."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        value = SEPARATORS.sub("", value)
        try:
            return int(value)
        except ValueError:
            try:
                value = float(value)
            except ValueError:
                return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def pick_form(lang: str, entry: Entry, values: dict[str, object]) -> str:
    if len(entry.forms) == 1:
        return entry.forms[0]
    n = plural_number(values.get(entry.plural_by)) if entry.plural_by else None
    index = len(entry.forms) - 1 if n is None else plural_rule(lang)(n)
    return entry.forms[min(index, len(entry.forms) - 1)]


def translate(key: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The text for `key` in `lang`, in the plural form its number asks for, `{placeholders}` filled.

    A key missing from a catalog falls back to English, then to the key itself, so a gap
    shows up as visible text rather than a crash (and the catalog test fails on it).
    """
    for code in (lang, DEFAULT_LANGUAGE):
        entry = entries(code).get(key)
        if entry is not None:
            if len(entry.forms) > 1 and entry.plural_by is None:
                english = entries(DEFAULT_LANGUAGE).get(key)
                entry = Entry(entry.forms, english.plural_by if english else None)
            text = pick_form(code, entry, values)
            return text.format(**values) if values else text
    return key
